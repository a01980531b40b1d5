//! Helpdesk: find tenant users, see one, block and unblock them, the blocked users.

use crate::error::AppError;
use crate::model::users::{BlockedPage, UserDetail, UserSearch};
use leptos::prelude::*;

/// Users (and groups with their members) matching `q` in every identity provider;
/// `None` for an empty search.
#[server(endpoint = "users/search")]
pub async fn search_users(q: String) -> Result<Option<UserSearch>, AppError> {
    use crate::ssr::authz::{require, Permission};
    require(Permission::ViewUsers)?;
    if q.trim().is_empty() {
        return Ok(None);
    }
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::users::search(&state, &q)
        .await
        .map(Some)
}

/// One user; `groups` also looks up the user's groups (reads every group of the provider).
#[server(endpoint = "users/get")]
pub async fn get_user_detail(
    idp: String,
    id: String,
    groups: bool,
) -> Result<UserDetail, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewUsers)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::users::detail(&state, &principal, &idp, &id, groups).await
}

/// Blocks a user after the confirmation (reason required, end time optional).
#[server(endpoint = "users/block")]
pub async fn block_user(
    idp: String,
    id: String,
    #[server(default)] reason: String,
    #[server(default)] until: String,
) -> Result<(), AppError> {
    use crate::model::users::user_href;
    use crate::ssr::authz::{require, Permission};
    use crate::ssr::forms::keep_input;
    use leptos::server_fn::ServerFn;
    let principal = require(Permission::BlockUsers)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let result =
        crate::ssr::usecases::users::block(&state, &principal, &idp, &id, &reason, &until).await;
    let page = format!("{}/block", user_href(&idp, &id));
    keep_input(
        BlockUser::PATH,
        &page,
        &[("reason", &reason), ("until", &until)],
        result,
    )?;
    leptos_axum::redirect(&format!("{}?notice=blocked", user_href(&idp, &id)));
    Ok(())
}

/// Unblocks a user after the confirmation; `back` is where to go afterwards
/// (`blocked` for the blocked users list, else the user's page).
#[server(endpoint = "users/unblock")]
pub async fn unblock_user(
    idp: String,
    id: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::model::users::user_href;
    use crate::ssr::authz::{require, Permission};
    use crate::ssr::forms::keep_input;
    use leptos::server_fn::ServerFn;
    let principal = require(Permission::BlockUsers)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let result = crate::ssr::usecases::users::unblock(&state, &principal, &idp, &id, &reason).await;
    let page = format!("{}/unblock", user_href(&idp, &id));
    keep_input(
        UnblockUser::PATH,
        &page,
        &[("reason", &reason), ("back", &back)],
        result,
    )?;
    let next = if back == "blocked" {
        "/users/blocked?notice=unblocked".to_string()
    } else {
        format!("{}?notice=unblocked", user_href(&idp, &id))
    };
    leptos_axum::redirect(&next);
    Ok(())
}

/// Everyone blocked.
#[server(endpoint = "users/blocked")]
pub async fn list_blocked_users() -> Result<BlockedPage, AppError> {
    use crate::ssr::authz::{require, Permission};
    let principal = require(Permission::ViewUsers)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::users::blocked(&state, &principal).await
}
