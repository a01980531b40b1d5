//! Token manager: one fetch for concurrent callers, refresh after 401, static mode.

use super::fake::*;
use crate::ApiError;
use futures::future::join_all;
use std::time::Duration;

#[tokio::test]
async fn concurrent_callers_share_one_token_fetch() {
    let fake = Fake::start(|s, n| {
        if s.is_token() {
            token_reply(n + 1).after(Duration::from_millis(100))
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = creds_client(&fake, |_| {});
    assert!(!c.readiness().token_held);
    let ids: Vec<String> = (0..8).map(|i| format!("s{i}")).collect();
    let results = join_all(ids.iter().map(|id| c.get_site(id))).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(fake.token_calls(), 1);
    let api = fake.api_calls();
    assert_eq!(api.len(), 8);
    assert!(api
        .iter()
        .all(|s| s.auth.as_deref() == Some("Bearer tok-1")));
    // The token call: POST, HTTP Basic with id:secret, client-credentials grant.
    let token = fake.seen().into_iter().find(|s| s.is_token()).unwrap();
    assert_eq!(token.method, "POST");
    assert_eq!(token.path, "/v1/oauth/token");
    assert_eq!(token.auth.as_deref(), Some("Basic aWQ6c2VjcmV0"));
    assert_eq!(token.body, b"grant_type=client_credentials");
    let r = c.readiness();
    assert!(r.token_held);
    assert!(r.last_success.is_some());
    // Later calls reuse the token.
    c.get_site("later").await.unwrap();
    assert_eq!(fake.token_calls(), 1);
}

#[tokio::test]
async fn token_refreshed_once_after_401_then_call_retried() {
    let fake = Fake::start(|s, n| {
        if s.is_token() {
            token_reply(n + 1)
        } else if s.auth.as_deref() == Some("Bearer tok-1") {
            Reply::raw(401, "").rid("r-401")
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = creds_client(&fake, |_| {});
    assert_eq!(c.get_site("s").await.unwrap().id, "s");
    assert_eq!(fake.token_calls(), 2);
    let api = fake.api_calls();
    assert_eq!(api.len(), 2);
    assert_eq!(api[1].auth.as_deref(), Some("Bearer tok-2"));
}

#[tokio::test]
async fn persistent_401_is_unauthorized_after_one_refresh() {
    let fake = Fake::start(|s, n| {
        if s.is_token() {
            token_reply(n + 1)
        } else {
            Reply::raw(401, "").rid("r-401")
        }
    })
    .await;
    let c = creds_client(&fake, |_| {});
    assert_eq!(
        c.get_site("s").await.unwrap_err(),
        ApiError::Unauthorized {
            request_id: Some("r-401".into())
        }
    );
    assert_eq!(fake.token_calls(), 2);
    assert_eq!(fake.api_calls().len(), 2);
}

#[tokio::test]
async fn bad_client_credentials_are_unauthorized() {
    let fake = Fake::start(|s, n| {
        if s.is_token() {
            Reply::raw(401, r#"{"error":"invalid_client"}"#).rid("r-t")
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = creds_client(&fake, |_| {});
    let e = c.get_site("s").await.unwrap_err();
    assert_eq!(
        e,
        ApiError::Unauthorized {
            request_id: Some("r-t".into())
        }
    );
    assert!(!format!("{e:?} {e}").contains("secret"));
    assert!(fake.api_calls().is_empty());
    assert!(!c.readiness().token_held);
}

#[tokio::test]
async fn static_token_never_calls_the_token_endpoint() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    assert!(c.readiness().token_held);
    assert!(c.readiness().last_success.is_none());
    c.get_site("a").await.unwrap();
    c.delete_site("a").await.unwrap();
    assert_eq!(fake.token_calls(), 0);
    assert!(fake
        .api_calls()
        .iter()
        .all(|s| s.auth.as_deref() == Some("Bearer static-tok")));
    assert!(c.readiness().last_success.is_some());
}

#[tokio::test]
async fn the_token_call_spends_the_same_budget() {
    let fake = Fake::sites().await;
    let c = creds_client(&fake, |c| c.rate_per_second = 2);
    c.get_site("a").await.unwrap();
    let seen = fake.seen();
    assert!(seen[0].is_token());
    let gap = seen[1].at.duration_since(seen[0].at);
    assert!(gap >= Duration::from_millis(450), "{gap:?}");
}

#[tokio::test]
async fn nothing_secret_in_debug_output() {
    let fake = Fake::sites().await;
    let c = creds_client(&fake, |_| {});
    c.get_site("a").await.unwrap();
    let text = format!("{c:?} {:?}", super::fake::config(&fake, client_creds()));
    assert!(
        !text.contains("\"secret\"") && !text.contains("tok-1"),
        "{text}"
    );
    assert!(text.contains("REDACTED"));
}
