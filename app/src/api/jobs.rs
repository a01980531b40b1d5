//! Bulk jobs: follow, retry, cancel.

use crate::error::AppError;
use crate::model::{JobSummary, JobView};
use leptos::prelude::*;

#[server(endpoint = "jobs/get")]
pub async fn get_job(id: i64) -> Result<JobView, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewJobs)?;
    crate::ssr::state::ConsoleState::current()?
        .jobs
        .view(&principal, id)
        .await
}

#[server(endpoint = "jobs/list")]
pub async fn list_jobs() -> Result<Vec<JobSummary>, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewJobs)?;
    crate::ssr::state::ConsoleState::current()?
        .jobs
        .list(&principal)
        .await
}

/// Sends a job's failed items back to the queue.
#[server(endpoint = "jobs/retry")]
pub async fn retry_job(id: i64) -> Result<u32, AppError> {
    crate::ssr::usecases::jobs::retry(id).await
}

#[server(endpoint = "jobs/cancel")]
pub async fn cancel_job(id: i64) -> Result<(), AppError> {
    crate::ssr::usecases::jobs::cancel(id).await
}
