//! Acting on jobs: only their starter or a tenant admin may retry or cancel them.

use crate::error::AppError;
use crate::ssr::authz::{require, Permission};
use crate::ssr::state::ConsoleState;

async fn authorized(id: i64) -> Result<ConsoleState, AppError> {
    let principal = require(Permission::ViewJobs)?;
    let state = ConsoleState::current()?;
    let view = state.jobs.view(&principal, id).await?;
    if view.can_retry || view.can_cancel {
        Ok(state)
    } else if view.actor == principal.username || principal.may(Permission::EditSites) {
        Err(AppError::new(
            crate::error::ErrorKind::Invalid,
            "This job has nothing to retry or cancel.",
            "Reload the page to see its current state.",
        ))
    } else {
        Err(AppError::forbidden())
    }
}

pub async fn retry(id: i64) -> Result<u32, AppError> {
    authorized(id).await?.jobs.retry_failed(id).await
}

pub async fn cancel(id: i64) -> Result<(), AppError> {
    authorized(id).await?.jobs.cancel(id).await
}
