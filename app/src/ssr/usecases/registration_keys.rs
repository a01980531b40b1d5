//! Registration keys of site-mode sites: list (metadata only), rotate (the new key is
//! returned once, to the one view that shows it) and clean.

use crate::error::{AppError, ErrorKind};
use crate::model::deploy::NewRegistrationKey;
use crate::model::keys::{RegistrationKeyRow, RegistrationKeys};
use crate::model::SiteMode;
use crate::ssr::audit::{audited, Change};
use crate::ssr::authz::{Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::format;
use crate::ssr::state::ConsoleState;
use crate::ssr::usecases::sites::{mode, site_error, site_for};
use time::OffsetDateTime;
use ztna_client::ApiError;
use ztna_wire::{RegistrationKey, Site};

fn require_site_mode(site: &Site) -> Result<(), AppError> {
    if mode(&site.authentication_mode) != SiteMode::Site {
        return Err(AppError::new(
            ErrorKind::Invalid,
            "This site uses connector mode: each connector has its own one-time password, and there are no registration keys.",
            "Add connectors on the site's page instead.",
        ));
    }
    Ok(())
}

fn key_error(e: ApiError) -> AppError {
    match e {
        ApiError::NotFound { .. } => site_error(e),
        other => from_api(&other),
    }
}

pub fn rows(keys: &[RegistrationKey], now: OffsetDateTime) -> Vec<RegistrationKeyRow> {
    // The tenant lists the primary (newest) key first; order by creation to be sure.
    let mut keys: Vec<&RegistrationKey> = keys.iter().collect();
    keys.sort_by_key(|k| std::cmp::Reverse(k.date_created));
    keys.iter()
        .enumerate()
        .map(|(i, k)| RegistrationKeyRow {
            id: k.id.clone(),
            created: k.date_created.map(|at| format::when(at, now)),
            last_used: k.last_used.map(|at| format::when(at, now)),
            expires: k.expiration_date.map(|at| format::when(at, now)),
            status: if k.status.is_empty() {
                "active".to_string()
            } else {
                k.status.clone()
            },
            primary: i == 0,
        })
        .collect()
}

pub async fn list(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
) -> Result<RegistrationKeys, AppError> {
    let site = site_for(state, principal, Permission::ViewSites, site_id).await?;
    require_site_mode(&site)?;
    let keys = state
        .client
        .list_registration_keys(site_id)
        .await
        .map_err(key_error)?;
    Ok(RegistrationKeys {
        site_id: site.id.clone(),
        site_name: site.name.clone(),
        keys: rows(&keys, OffsetDateTime::now_utc()),
        can_manage: principal.may(Permission::ManageRegistrationKeys),
    })
}

/// A new primary key. Without `revoke_immediately`, the previous key keeps working for
/// its grace period so running containers can be moved over.
pub async fn rotate(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    revoke_immediately: bool,
) -> Result<NewRegistrationKey, AppError> {
    let site = site_for(
        state,
        principal,
        Permission::ManageRegistrationKeys,
        site_id,
    )
    .await?;
    require_site_mode(&site)?;
    let change = Change::new("registration_key.rotate", "site")
        .target(site.id.clone(), site.name.clone())
        .detail(serde_json::json!({ "revoke_immediately": revoke_immediately }));
    let rotated = audited(
        state,
        principal,
        change,
        state
            .client
            .rotate_registration_key(site_id, revoke_immediately),
        |_| None,
    )
    .await
    .map_err(key_error)?;
    Ok(NewRegistrationKey {
        site_id: site.id,
        key_id: rotated.registration_key_id,
        key: rotated.registration_key.expose().to_string(),
        revoked_previous: revoke_immediately,
    })
}

/// Removes every registration key of the site: no container can register until a new
/// key is created.
pub async fn clean(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
) -> Result<(), AppError> {
    let site = site_for(
        state,
        principal,
        Permission::ManageRegistrationKeys,
        site_id,
    )
    .await?;
    require_site_mode(&site)?;
    let change = Change::new("registration_key.clean", "site").target(site.id.clone(), site.name);
    audited(
        state,
        principal,
        change,
        state.client.clean_registration_keys(site_id),
        |_| None,
    )
    .await
    .map_err(key_error)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_newest_key_is_primary() {
        let keys: Vec<RegistrationKey> = serde_json::from_value(serde_json::json!([
            {"id": "old", "date_created": "2026-12-01T10:00:00Z", "expiration_date": "2026-12-04T10:00:00Z", "status": "active"},
            {"id": "new", "date_created": "2026-12-03T10:00:00Z", "last_used": "2026-12-03T11:00:00Z", "status": ""}
        ]))
        .unwrap();
        let rows = rows(&keys, datetime!(2026-12-03 12:00 UTC));
        assert_eq!(rows[0].id, "new");
        assert!(rows[0].primary);
        assert_eq!(rows[0].status, "active");
        assert_eq!(
            rows[0].last_used.as_ref().map(|w| w.relative.as_str()),
            Some("1 h ago")
        );
        assert!(!rows[1].primary);
        assert_eq!(
            rows[1].expires.as_ref().map(|w| w.relative.as_str()),
            Some("in 22 h")
        );
    }
}
