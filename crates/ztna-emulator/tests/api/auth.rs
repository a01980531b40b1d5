//! Token call, bearer checks, request ids on every response.

use axum::http::{Method, StatusCode};
use ztna_emulator::{Emulator, EmulatorConfig};

use crate::common::{basic, config, send, Api, CLIENT_ID, CLIENT_SECRET};

#[tokio::test]
async fn token_call_returns_exactly_the_documented_body() {
    let emulator = Emulator::new(config());
    let router = emulator.router();
    let r = send(
        &router,
        Method::POST,
        "/v1/oauth/token",
        Some(&basic(CLIENT_ID, CLIENT_SECRET)),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let token = r.body["access_token"].as_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&token).is_ok());
    assert_eq!(
        r.body,
        serde_json::json!({
            "access_token": token,
            "expires_in": 3600,
            "scope": "luminate-scope",
            "token_type": "Bearer",
            "error": "",
            "error_description": ""
        })
    );
    assert_eq!(emulator.issued_tokens(), vec![token.clone()]);

    // The token opens /v2.
    let bearer = format!("Bearer {token}");
    let r = send(&router, Method::GET, "/v2/regions", Some(&bearer), None).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn bad_or_missing_credentials_get_401_with_error_body() {
    let router = Emulator::new(config()).router();
    for auth in [
        None,
        Some(basic(CLIENT_ID, "wrong")),
        Some(basic("wrong", CLIENT_SECRET)),
        Some("Basic !!!not-base64".to_owned()),
        Some(format!("Bearer {CLIENT_SECRET}")),
    ] {
        let r = send(
            &router,
            Method::POST,
            "/v1/oauth/token",
            auth.as_deref(),
            None,
        )
        .await;
        let message = r.assert_error(401);
        assert!(!message.contains(CLIENT_SECRET));
    }
}

#[tokio::test]
async fn v2_requires_a_valid_bearer() {
    let api = Api::new().await;
    let r = send(&api.router, Method::GET, "/v2/sites", None, None).await;
    r.assert_error(401);
    let r = send(
        &api.router,
        Method::GET,
        "/v2/sites",
        Some("Bearer 6da2ff2e-ad18-496b-a37d-f56f4de99bd3"),
        None,
    )
    .await;
    r.assert_error(401);
    let r = send(
        &api.router,
        Method::GET,
        "/v2/sites",
        Some(&basic(CLIENT_ID, CLIENT_SECRET)),
        None,
    )
    .await;
    r.assert_error(401);
    // Unknown /v2 paths are also behind auth.
    let r = send(&api.router, Method::GET, "/v2/nothing-here", None, None).await;
    r.assert_error(401);
    assert_eq!(api.emulator.stats().unauthorized_total, 4);

    let r = api.get("/v2/sites").await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn static_client_token_is_accepted() {
    let emulator = Emulator::new(EmulatorConfig {
        client_token: Some("a-long-static-client-token".into()),
        ..config()
    });
    let router = emulator.router();
    let r = send(
        &router,
        Method::GET,
        "/v2/sites?size=1",
        Some("Bearer a-long-static-client-token"),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(emulator.issued_tokens().is_empty());
}

#[tokio::test]
async fn tokens_expire() {
    let api = Api::with(EmulatorConfig {
        token_ttl_secs: 0,
        ..config()
    })
    .await;
    api.get("/v2/sites").await.assert_error(401);
}

#[tokio::test]
async fn request_id_on_every_response_and_in_error_bodies() {
    let api = Api::new().await;
    let ok1 = api.get("/v2/regions").await;
    let ok2 = api.get("/v2/regions").await;
    assert_eq!(ok1.status, StatusCode::OK);
    assert_ne!(ok1.request_id(), ok2.request_id());

    // Unknown path, wrong method, invalid id, unknown id, malformed body, control route.
    api.get("/v3/whatever").await.assert_error(404);
    api.get("/v2/sites/not-a-uuid").await.assert_error(400);
    api.get("/v2/sites/00000000-0000-4000-8000-000000000000")
        .await
        .assert_error(404);
    let r = send(
        &api.router,
        Method::PATCH,
        "/v2/sites",
        Some(&api.bearer),
        None,
    )
    .await;
    r.assert_error(405);
    let r = send(
        &api.router,
        Method::POST,
        "/v2/sites",
        Some(&api.bearer),
        Some(serde_json::json!("just a string")),
    )
    .await;
    r.assert_error(400);
    let r = api.control(Method::GET, "/_emulator/stats", None).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn issued_tokens_never_appear_in_bodies_or_stats() {
    let api = Api::new().await;
    let token = api.emulator.issued_tokens().pop().unwrap();
    for path in [
        "/v2/sites?size=100",
        "/v2/connectors?size=100",
        "/v2/regions",
    ] {
        let r = api.get(path).await;
        assert!(!r.body.to_string().contains(&token));
    }
    let stats = api.control(Method::GET, "/_emulator/stats", None).await;
    assert!(!stats.body.to_string().contains(&token));
    assert!(!format!("{:?}", api.emulator).contains(CLIENT_SECRET));
}
