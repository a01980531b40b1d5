//! Who is asking: resolves the session to a principal for every request, and sends
//! people who are not signed in to the sign-in page.

use crate::state::AppState;
use app::ssr::authz::Principal;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::Method;
use tower_sessions::Session;

/// The session key holding the console account id.
pub const ACCOUNT_KEY: &str = "account_id";

/// Puts the [`Principal`] into the request's extensions when the session belongs to an
/// enabled account. The account is read on every request, so disabling an account or
/// changing its role takes effect at once.
pub async fn resolve(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    match session.get::<i64>(ACCOUNT_KEY).await {
        Ok(Some(id)) => match state.console.store.account_by_id(id).await {
            Ok(Some(account)) => match Principal::from_account(&account) {
                Some(principal) => {
                    request.extensions_mut().insert(principal);
                }
                None => {
                    // Disabled (or unknown role): the session is over.
                    let _ = session.flush().await;
                }
            },
            Ok(None) => {
                let _ = session.flush().await;
            }
            Err(e) => tracing::error!(error = %e, "account lookup failed"),
        },
        Ok(None) => {}
        Err(e) => tracing::warn!(error = %e, "unreadable session"),
    }
    next.run(request).await
}

/// Pages need a signed-in person; everything else decides for itself (server functions
/// answer "signed out" through the authorization layer).
pub async fn require_sign_in(request: Request, next: Next) -> Response {
    let signed_in = request.extensions().get::<Principal>().is_some();
    if signed_in || request.method() != Method::GET || !is_page(request.uri().path()) {
        return next.run(request).await;
    }
    let target = request
        .uri()
        .path_and_query()
        .map(|pq| pq.as_str().to_string())
        .unwrap_or_else(|| "/".to_string());
    let location = if target == "/" {
        "/login".to_string()
    } else {
        format!("/login?next={}", app::model::encode_component(&target))
    };
    Redirect::to(&location).into_response()
}

/// Paths rendered as console pages (not assets, probes or API endpoints).
fn is_page(path: &str) -> bool {
    const OPEN: [&str; 6] = [
        "/login",
        "/healthz",
        "/readyz",
        "/metrics",
        "/favicon.ico",
        "/robots.txt",
    ];
    if OPEN.contains(&path) {
        return false;
    }
    let under = |prefix: &str| path.starts_with(prefix);
    !(under("/pkg/") || under("/api/") || under("/auth/") || under("/assets/"))
}

/// `/` goes to the person's home, or to sign-in.
pub async fn root(request: Request) -> Response {
    match request.extensions().get::<Principal>() {
        Some(p) => Redirect::to(app::ssr::authz::home_for(p.role)).into_response(),
        None => Redirect::to("/login").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::is_page;

    #[test]
    fn pages_and_open_paths() {
        assert!(is_page("/sites"));
        assert!(is_page("/sites/abc"));
        assert!(is_page("/"));
        assert!(!is_page("/login"));
        assert!(!is_page("/pkg/ztna-console.wasm"));
        assert!(!is_page("/api/me"));
        assert!(!is_page("/healthz"));
    }
}
