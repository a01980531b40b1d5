//! Sign-in and sign-out: plain form posts, so they work without JavaScript.
//!
//! Failures redirect back to `/login?error=…` with the username kept (never the
//! password). A successful sign-in rotates the session id before storing the account,
//! so a session id planted before sign-in is worthless after it.

use crate::session_user::ACCOUNT_KEY;
use crate::state::AppState;
use app::model::encode_component;
use app::ssr::authz::{home_for, Principal};
use axum::extract::{ConnectInfo, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use console_store::{password, NewAuditEntry};
use serde::Deserialize;
use std::net::SocketAddr;
use tower_sessions::Session;

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

// Deliberately no Debug for SignInForm: it holds a password.

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Response {
    let username = form.username.trim().to_string();
    let address = peer.ip().to_string();
    let back = |code: &str, extra: &str| {
        let mut location = format!("/login?error={code}{extra}");
        if !username.is_empty() {
            location.push_str(&format!("&user={}", encode_component(&username)));
        }
        if let Some(next) = safe_next(&form.next) {
            location.push_str(&format!("&next={}", encode_component(next)));
        }
        Redirect::to(&location).into_response()
    };
    if username.is_empty()
        || form.password.is_empty()
        || username.len() > 128
        || form.password.len() > 1024
        || username.chars().any(char::is_control)
    {
        return back("missing", "");
    }
    // One password check at a time per username: parallel guesses queue up here, so
    // each sees the pause the previous failures started (no burst gets around it).
    let _turn = state.throttle.turn(&username).await;
    if let Some(wait) = state.throttle.check(&username, &address) {
        state.metrics.sign_in("throttled");
        return back("throttled", &format!("&retry={}", wait.as_secs().max(1)));
    }

    let account = match state.console.store.account_by_username(&username).await {
        Ok(account) => account,
        Err(e) => {
            tracing::error!(error = %e, "account lookup failed during sign-in");
            return back("invalid", "");
        }
    };
    // Argon2 is deliberately slow: keep it off the async workers. Unknown usernames pay
    // the same cost, so timing does not tell which usernames exist.
    let plain = form.password.clone();
    let hash = account.as_ref().map(|a| a.password_hash.clone());
    let verified = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => password::verify(&plain, &hash),
        None => {
            password::dummy_verify(&plain);
            false
        }
    })
    .await
    .unwrap_or(false);

    let principal = account
        .as_ref()
        .filter(|_| verified)
        .and_then(Principal::from_account);
    let Some(principal) = principal else {
        state.metrics.sign_in("invalid");
        tracing::info!(user = ?username, %address, "sign-in failed");
        if let Some(pause) = state.throttle.failed(&username, &address) {
            tracing::warn!(user = ?username, %address, pause_secs = pause.as_secs(), "sign-in paused after repeated failures");
            return back("throttled", &format!("&retry={}", pause.as_secs().max(1)));
        }
        return back("invalid", "");
    };

    state.throttle.succeeded(&username);
    if let Err(e) = session.cycle_id().await {
        tracing::error!(error = %e, "session id rotation failed");
        return back("invalid", "");
    }
    if let Err(e) = session.insert(ACCOUNT_KEY, principal.account_id).await {
        tracing::error!(error = %e, "session write failed");
        return back("invalid", "");
    }
    let store = &state.console.store;
    if let Err(e) = store.record_login(principal.account_id).await {
        tracing::warn!(error = %e, "could not record the sign-in time");
    }
    audit(&state, &principal.username, "console.sign_in", &address).await;
    state.metrics.sign_in("ok");
    tracing::info!(user = %principal.username, %address, "signed in");
    let target = safe_next(&form.next).unwrap_or(home_for(principal.role));
    Redirect::to(target).into_response()
}

pub async fn sign_out(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    principal: Option<Extension<Principal>>,
    session: Session,
) -> Response {
    if let Some(Extension(p)) = principal {
        audit(
            &state,
            &p.username,
            "console.sign_out",
            &peer.ip().to_string(),
        )
        .await;
    }
    if let Err(e) = session.flush().await {
        tracing::warn!(error = %e, "session flush failed");
    }
    Redirect::to("/login?error=signed_out").into_response()
}

async fn audit(state: &AppState, actor: &str, action: &str, address: &str) {
    let entry = NewAuditEntry {
        actor: actor.to_string(),
        action: action.to_string(),
        target_kind: "console_session".to_string(),
        target_id: None,
        target_name: None,
        outcome: "ok".to_string(),
        request_id: None,
        detail: serde_json::json!({ "address": address }),
    };
    if let Err(e) = state.console.store.record_audit(entry).await {
        tracing::warn!(error = %e, "audit write failed");
    }
}

/// Only same-site relative paths: never `//evil.example` or `https://…`.
fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.starts_with("/login")
        && !next.starts_with("/auth/")
        && !next.chars().any(|c| c.is_control());
    ok.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_must_stay_on_this_site() {
        assert_eq!(safe_next("/sites?page=2"), Some("/sites?page=2"));
        assert_eq!(safe_next("//evil.example"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("https://evil.example"), None);
        assert_eq!(safe_next("/login"), None);
        assert_eq!(safe_next(""), None);
    }
}
