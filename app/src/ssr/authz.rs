//! The one authorization layer: every server function and route asks here.
//!
//! The rules (which role may do what) are the `allows` table below and nowhere else.
//! Scope (which sites a delegated editor may see) is checked on the server before
//! anything leaves it; an object outside scope answers exactly like a missing one.

use crate::error::AppError;
use crate::model::{NavItem, Role};
use console_store::Account;
use leptos::prelude::use_context;
use std::collections::HashSet;

/// Something a person may want to do in the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Read sites and their connectors (within scope).
    ViewSites,
    /// Change sites (name, notifications) within scope.
    EditSites,
    /// Create new sites (tenant admins only).
    CreateSites,
    /// Delete sites (tenant admins only).
    DeleteSites,
    /// Add and remove connectors of sites within scope.
    ManageConnectors,
    /// Read a connector's deployment command and environment (they hold its one-time
    /// password) for sites within scope.
    ViewDeploymentSecrets,
    /// List, rotate and clean registration keys of site-mode sites within scope.
    ManageRegistrationKeys,
    /// See one's own account.
    ViewAccount,
    /// Follow bulk jobs (one's own; admins and viewers see all).
    ViewJobs,
    /// Find tenant users across identity providers and see their detail (helpdesk, admins).
    ViewUsers,
    /// Block and unblock tenant users (helpdesk, admins).
    BlockUsers,
}

/// The rules, in one place.
pub fn allows(role: Role, permission: Permission) -> bool {
    use Permission::*;
    use Role::*;
    match permission {
        ViewAccount => true,
        ViewSites => matches!(role, Admin | Viewer | Delegated),
        EditSites => matches!(role, Admin | Delegated),
        CreateSites | DeleteSites => matches!(role, Admin),
        ManageConnectors | ViewDeploymentSecrets | ManageRegistrationKeys => {
            matches!(role, Admin | Delegated)
        }
        ViewJobs => matches!(role, Admin | Viewer | Delegated | Helpdesk),
        ViewUsers | BlockUsers => matches!(role, Admin | Helpdesk),
    }
}

/// The navigation a role gets: exactly the pages it may use.
pub fn nav_for(role: Role) -> Vec<NavItem> {
    [
        (NavItem::Sites, Permission::ViewSites),
        (NavItem::Users, Permission::ViewUsers),
        (NavItem::Jobs, Permission::ViewJobs),
        (NavItem::Account, Permission::ViewAccount),
    ]
    .into_iter()
    .filter(|(_, permission)| allows(role, *permission))
    .map(|(item, _)| item)
    .collect()
}

/// Where a role lands after signing in.
pub fn home_for(role: Role) -> &'static str {
    if allows(role, Permission::ViewSites) {
        "/sites"
    } else if allows(role, Permission::ViewUsers) {
        "/users"
    } else {
        "/account"
    }
}

/// The signed-in person, resolved from the session by the BFF for every request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Principal {
    pub account_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// For delegated editors: the tenant site ids they may see and change.
    pub site_scope: HashSet<String>,
}

impl Principal {
    /// The principal of a console account, or `None` if it may not sign in.
    pub fn from_account(account: &Account) -> Option<Principal> {
        if account.disabled {
            return None;
        }
        let role = Role::parse(&account.role)?;
        Some(Principal {
            account_id: account.id,
            username: account.username.clone(),
            display_name: account.display_name.clone(),
            role,
            site_scope: account.site_scope.iter().cloned().collect(),
        })
    }

    pub fn may(&self, permission: Permission) -> bool {
        allows(self.role, permission)
    }

    /// Is this site within the caller's scope?
    pub fn can_see_site(&self, site_id: &str) -> bool {
        match self.role {
            Role::Admin | Role::Viewer => true,
            Role::Delegated => self.site_scope.contains(site_id),
            Role::Helpdesk => false,
        }
    }
}

/// The principal of the current request (set by the BFF's session middleware).
pub fn current_principal() -> Result<Principal, AppError> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Principal>().cloned())
        .ok_or_else(AppError::signed_out)
}

/// The current principal, if it holds `permission`.
pub fn require(permission: Permission) -> Result<Principal, AppError> {
    let principal = current_principal()?;
    check(&principal, permission)?;
    Ok(principal)
}

/// Does `principal` hold `permission`? Forbidden otherwise.
pub fn check(principal: &Principal, permission: Permission) -> Result<(), AppError> {
    if principal.may(permission) {
        Ok(())
    } else {
        tracing::warn!(user = %principal.username, ?permission, "refused by authorization");
        Err(AppError::forbidden())
    }
}

/// `permission` on one site: the role must hold it (else Forbidden) and the site must be
/// within scope (else the same "not found" as a missing site, before any tenant call).
pub fn check_site(
    principal: &Principal,
    permission: Permission,
    site_id: &str,
) -> Result<(), AppError> {
    check(principal, permission)?;
    if site_id.trim().is_empty() || !principal.can_see_site(site_id) {
        tracing::info!(user = %principal.username, ?permission, "site outside scope");
        return Err(AppError::not_found("site"));
    }
    Ok(())
}

/// The current principal, if it holds `permission` on the site `site_id`.
pub fn require_site(permission: Permission, site_id: &str) -> Result<Principal, AppError> {
    let principal = current_principal()?;
    check_site(&principal, permission, site_id)?;
    Ok(principal)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn helpdesk_sees_no_sites_and_no_sites_nav() {
        assert!(!allows(Role::Helpdesk, Permission::ViewSites));
        assert_eq!(
            nav_for(Role::Helpdesk),
            vec![NavItem::Users, NavItem::Jobs, NavItem::Account]
        );
        assert_eq!(home_for(Role::Helpdesk), "/users");
    }

    #[test]
    fn only_helpdesk_and_admins_find_and_block_users() {
        for p in [Permission::ViewUsers, Permission::BlockUsers] {
            assert!(allows(Role::Admin, p));
            assert!(allows(Role::Helpdesk, p));
            assert!(!allows(Role::Delegated, p), "{p:?}");
            assert!(!allows(Role::Viewer, p), "{p:?}");
        }
        assert!(!nav_for(Role::Delegated).contains(&NavItem::Users));
    }

    #[test]
    fn viewer_reads_but_does_not_edit() {
        assert!(allows(Role::Viewer, Permission::ViewSites));
        assert!(!allows(Role::Viewer, Permission::EditSites));
    }

    #[test]
    fn only_admins_create_and_delete_sites() {
        for p in [Permission::CreateSites, Permission::DeleteSites] {
            assert!(allows(Role::Admin, p));
            for role in [Role::Viewer, Role::Delegated, Role::Helpdesk] {
                assert!(!allows(role, p), "{role:?} {p:?}");
            }
        }
    }

    #[test]
    fn editors_manage_connectors_and_keys_viewers_see_no_secrets() {
        for p in [
            Permission::ManageConnectors,
            Permission::ViewDeploymentSecrets,
            Permission::ManageRegistrationKeys,
            Permission::EditSites,
        ] {
            assert!(allows(Role::Admin, p));
            assert!(allows(Role::Delegated, p));
            assert!(!allows(Role::Viewer, p), "{p:?}");
            assert!(!allows(Role::Helpdesk, p), "{p:?}");
        }
    }

    #[test]
    fn site_checks_refuse_out_of_scope_as_not_found() {
        let editor = Principal {
            account_id: 1,
            username: "editor".into(),
            display_name: "Editor".into(),
            role: Role::Delegated,
            site_scope: ["a".to_string()].into_iter().collect(),
        };
        assert!(check_site(&editor, Permission::ManageConnectors, "a").is_ok());
        let other = check_site(&editor, Permission::ManageConnectors, "b").unwrap_err();
        assert_eq!(other.kind, crate::error::ErrorKind::NotFound);
        let create = check_site(&editor, Permission::DeleteSites, "a").unwrap_err();
        assert_eq!(create.kind, crate::error::ErrorKind::Forbidden);
        let empty = check_site(&editor, Permission::EditSites, " ").unwrap_err();
        assert_eq!(empty.kind, crate::error::ErrorKind::NotFound);
    }

    #[test]
    fn delegated_scope_is_enforced() {
        let p = Principal {
            account_id: 1,
            username: "editor".into(),
            display_name: "Editor".into(),
            role: Role::Delegated,
            site_scope: ["a".to_string()].into_iter().collect(),
        };
        assert!(p.can_see_site("a"));
        assert!(!p.can_see_site("b"));
        let admin = Principal {
            role: Role::Admin,
            site_scope: HashSet::new(),
            ..p.clone()
        };
        assert!(admin.can_see_site("b"));
        let helpdesk = Principal {
            role: Role::Helpdesk,
            ..p
        };
        assert!(!helpdesk.can_see_site("a"));
    }
}
