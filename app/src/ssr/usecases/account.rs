//! The signed-in person's own account.

use crate::error::AppError;
use crate::model::{AccountScope, AccountView, Me, Role};
use crate::ssr::authz::{home_for, nav_for, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::format;
use crate::ssr::state::ConsoleState;
use ztna_client::ListQuery;

pub fn me(principal: &Principal) -> Me {
    let (tenant_label, emulated) = ConsoleState::current()
        .map(|s| (s.tenant_label, s.emulated))
        .unwrap_or_default();
    Me {
        username: principal.username.clone(),
        display_name: principal.display_name.clone(),
        role: principal.role,
        nav: nav_for(principal.role),
        home: home_for(principal.role).to_string(),
        tenant_label,
        emulated,
        can_edit_sites: principal.may(Permission::EditSites),
    }
}

pub async fn details(principal: &Principal) -> Result<AccountView, AppError> {
    let state = ConsoleState::current()?;
    let account = state
        .store
        .account_by_id(principal.account_id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "account lookup failed");
            AppError::internal()
        })?
        .ok_or_else(AppError::signed_out)?;
    let scope = match principal.role {
        Role::Admin | Role::Viewer => AccountScope::WholeTenant,
        Role::Helpdesk => AccountScope::NoSites,
        Role::Delegated => {
            // Names come from the tenant (the same cached list the sites page uses).
            let sites = state
                .client
                .all_sites(&ListQuery {
                    size: 100,
                    ..ListQuery::default()
                })
                .await
                .map_err(|e| from_api(&e))?;
            let mut mine: Vec<(String, String)> = sites
                .into_iter()
                .filter(|s| principal.can_see_site(&s.id))
                .map(|s| (s.id, s.name))
                .collect();
            mine.sort_by_key(|s| s.1.to_lowercase());
            AccountScope::Sites(mine)
        }
    };
    let now = time::OffsetDateTime::now_utc();
    Ok(AccountView {
        username: account.username,
        display_name: account.display_name,
        role_label: principal.role.label().to_string(),
        scope,
        last_login: account.last_login_at.map(|at| format::when(at, now).exact),
    })
}
