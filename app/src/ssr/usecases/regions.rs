//! Connectivity regions, for the new-site form.

use crate::error::AppError;
use crate::model::wizard::RegionOption;
use crate::ssr::authz::{check, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::state::ConsoleState;

/// The tenant's regions, the default first, then by name.
pub async fn list(
    state: &ConsoleState,
    principal: &Principal,
) -> Result<Vec<RegionOption>, AppError> {
    check(principal, Permission::CreateSites)?;
    let regions = state
        .client
        .list_regions()
        .await
        .map_err(|e| from_api(&e))?;
    let mut options: Vec<RegionOption> = regions
        .into_iter()
        .map(|r| RegionOption {
            name: r.name,
            is_default: r.is_default,
        })
        .collect();
    options.sort_by(|a, b| b.is_default.cmp(&a.is_default).then(a.name.cmp(&b.name)));
    Ok(options)
}
