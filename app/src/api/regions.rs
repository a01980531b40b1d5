//! Connectivity regions.

use crate::error::AppError;
use crate::model::wizard::RegionOption;
use leptos::prelude::*;

/// The regions a new site may use (the default first). For the new-site form.
#[server(endpoint = "regions/list")]
pub async fn list_regions() -> Result<Vec<RegionOption>, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::CreateSites)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::regions::list(&state, &principal).await
}
