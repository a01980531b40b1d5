//! Bulk unblock of tenant users: a plain form post (works without JavaScript) from the
//! blocked users page, authorized with the same rules as the server functions, becomes a
//! tracked job on the bulk lane; the browser goes to the job's page.

use crate::state::AppState;
use app::ssr::authz::{Permission, Principal};
use app::ssr::jobs::kinds;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use console_store::{NewJob, NewJobItem};
use http::StatusCode;
use std::collections::HashSet;

const MAX_ITEMS: usize = 500;

/// `POST /actions/users/unblock` with `user=<idp id>\n<user id>` (repeated).
pub async fn unblock_users(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return Redirect::to("/login?error=expired").into_response();
    };
    if !principal.may(Permission::BlockUsers) {
        return (
            StatusCode::FORBIDDEN,
            "Your console role does not allow unblocking users.",
        )
            .into_response();
    }
    let mut seen = HashSet::new();
    let users: Vec<(String, String)> = fields
        .iter()
        .filter(|(k, _)| k == "user")
        .filter_map(|(_, v)| {
            let (idp, id) = v.split_once('\n')?;
            let (idp, id) = (idp.trim(), id.trim());
            (!idp.is_empty() && !id.is_empty()).then(|| (idp.to_string(), id.to_string()))
        })
        .filter(|key| seen.insert(key.clone()))
        .collect();
    if users.is_empty() {
        return Redirect::to("/users/blocked?notice=none_selected").into_response();
    }
    if users.len() > MAX_ITEMS {
        return Redirect::to("/users/blocked?notice=too_many").into_response();
    }
    let job = NewJob {
        kind: kinds::USERS_UNBLOCK.to_string(),
        actor: principal.username.clone(),
        title: format!(
            "Unblock {} user{}",
            users.len(),
            if users.len() == 1 { "" } else { "s" }
        ),
        items: users
            .iter()
            .map(|(idp, id)| NewJobItem {
                target_id: app::ssr::usecases::users::target_id(idp, id),
                target_name: app::ssr::usecases::users::display_name(idp, id),
                payload: serde_json::json!({
                    "idp_id": idp,
                    "user_id": id,
                    "reason": "bulk unblock from the blocked users list",
                }),
            })
            .collect(),
    };
    match state.console.jobs.submit(job).await {
        Ok(job) => Redirect::to(&format!("/jobs/{}", job.id)).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.message).into_response(),
    }
}
