//! Registration keys of site-mode sites.

use crate::error::AppError;
use crate::model::deploy::NewRegistrationKey;
use crate::model::keys::RegistrationKeys;
use leptos::prelude::*;

#[server(endpoint = "keys/list")]
pub async fn list_registration_keys(site_id: String) -> Result<RegistrationKeys, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ViewSites, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::registration_keys::list(&state, &principal, &site_id).await
}

/// A new primary key, shown once. `previous`: `keep` (the old key works for its grace
/// period) or `revoke` (the old key stops working now).
#[server(endpoint = "keys/rotate")]
pub async fn rotate_registration_key(
    site_id: String,
    #[server(default)] previous: String,
) -> Result<NewRegistrationKey, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageRegistrationKeys, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let revoke = previous == "revoke";
    crate::ssr::usecases::registration_keys::rotate(&state, &principal, &site_id, revoke).await
}

/// Removes every key of the site after the person confirmed it.
#[server(endpoint = "keys/clean")]
pub async fn clean_registration_keys(
    site_id: String,
    #[server(default)] confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::error::ErrorKind;
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageRegistrationKeys, &site_id)?;
    if confirm.is_none() {
        let mut e = AppError::new(
            ErrorKind::Invalid,
            "Confirm that you want to remove every registration key of this site.",
            "Tick the confirmation box, then remove the keys.",
        );
        e.field = Some("confirm".into());
        return Err(e);
    }
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::registration_keys::clean(&state, &principal, &site_id).await
}
