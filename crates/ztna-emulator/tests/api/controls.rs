//! `/_emulator` controls: faults and stats.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::common::Api;

#[tokio::test]
async fn faults_fail_the_next_matching_requests() {
    let api = Api::new().await;
    let r = api
        .control(
            Method::POST,
            "/_emulator/faults",
            Some(json!({"status": 503, "count": 2, "path_prefix": "/v2/sites"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

    // Other paths are untouched.
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);
    let first = api.get("/v2/sites").await;
    first.assert_error(503);
    api.get("/v2/sites/whatever").await.assert_error(503);
    assert_eq!(api.get("/v2/sites").await.status, StatusCode::OK);

    // A 429 fault counts as throttled; a custom message is used verbatim.
    api.control(
        Method::POST,
        "/_emulator/faults",
        Some(json!({"status": 429, "count": 1})),
    )
    .await;
    let throttled = api.get("/v2/connectors").await;
    assert!(throttled.assert_error(429).contains("Rate limit exceeded"));
    api.control(
        Method::POST,
        "/_emulator/faults",
        Some(json!({"status": 500, "count": 5, "message": "boom"})),
    )
    .await;
    assert_eq!(api.get("/v2/regions").await.assert_error(500), "boom");
    let pending = api.control(Method::GET, "/_emulator/faults", None).await;
    assert_eq!(pending.body[0]["count"], 4);
    let r = api.control(Method::DELETE, "/_emulator/faults", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);

    let stats = api.emulator.stats();
    assert_eq!(stats.faults_injected, 4);
    assert_eq!(stats.throttled_total, 1);

    // Bad faults are refused.
    api.control(
        Method::POST,
        "/_emulator/faults",
        Some(json!({"status": 200, "count": 1})),
    )
    .await
    .assert_error(400);
    api.control(Method::POST, "/_emulator/faults", Some(json!({"count": 1})))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn stats_count_api_requests_only() {
    let api = Api::new().await;
    api.get("/v2/sites?size=1").await;
    api.get("/v2/sites/not-an-id").await;
    api.control(Method::GET, "/_emulator/stats", None).await;
    let stats = api
        .control(Method::GET, "/_emulator/stats", None)
        .await
        .body;
    assert_eq!(stats["requests_total"], 3);
    assert_eq!(stats["token_requests"], 1);
    assert_eq!(stats["tokens_issued"], 1);
    assert_eq!(stats["by_route"]["GET /v2/sites"], 1);
    assert_eq!(stats["by_route"]["POST /v1/oauth/token"], 1);
    assert_eq!(stats["by_status"]["400"], 1);
}

#[tokio::test]
async fn control_errors() {
    let api = Api::new().await;
    api.control(Method::POST, "/_emulator/connectors/nope/register", None)
        .await
        .assert_error(400);
    api.control(
        Method::POST,
        "/_emulator/connectors/00000000-0000-4000-8000-000000000000/register",
        None,
    )
    .await
    .assert_error(404);
    api.control(
        Method::POST,
        "/_emulator/connectors/00000000-0000-4000-8000-000000000000/health",
        Some(json!({})),
    )
    .await
    .assert_error(400);
    api.control(Method::GET, "/_emulator/unknown", None)
        .await
        .assert_error(404);
}
