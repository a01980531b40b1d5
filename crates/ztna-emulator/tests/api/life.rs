//! `/_emulator` life and faults: latency, error rates, 429 storms, dropped connections,
//! token lifetime, auto-registration, and the counters.

use std::time::{Duration, Instant};

use axum::http::{Method, StatusCode};
use serde_json::json;
use ztna_emulator::{Emulator, EmulatorConfig};

use crate::common::{basic, config, Api, CLIENT_ID, CLIENT_SECRET};

#[tokio::test]
async fn latency_is_added_to_api_requests_only() {
    let api = Api::new().await;
    let r = api
        .control(Method::POST, "/_emulator/latency", Some(json!({"ms": 150})))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["latency_ms"], 150);
    let started = Instant::now();
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(150));
    let started = Instant::now();
    api.control(Method::GET, "/_emulator/chaos", None).await;
    assert!(started.elapsed() < Duration::from_millis(150));
    api.control(Method::POST, "/_emulator/latency", Some(json!({"ms": 0})))
        .await;
    let started = Instant::now();
    api.get("/v2/regions").await;
    assert!(started.elapsed() < Duration::from_millis(150));
    api.control(
        Method::POST,
        "/_emulator/latency",
        Some(json!({"ms": 600_000})),
    )
    .await
    .assert_error(400);
    api.control(Method::POST, "/_emulator/latency", Some(json!({})))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn error_rates_by_status() {
    let api = Api::new().await;
    let r = api
        .control(
            Method::POST,
            "/_emulator/error-rate",
            Some(json!({"status": 503, "percent": 100})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["error_rates"]["503"], 100);
    for _ in 0..5 {
        api.get("/v2/sites?size=1").await.assert_error(503);
    }
    // Sharing 100%: about half and half.
    api.control(
        Method::POST,
        "/_emulator/error-rate",
        Some(json!({"status": 503, "percent": 50})),
    )
    .await;
    let mut failed = 0;
    for _ in 0..200 {
        if api.get("/v2/regions").await.status == StatusCode::SERVICE_UNAVAILABLE {
            failed += 1;
        }
    }
    assert!((60..140).contains(&failed), "{failed}");
    api.control(
        Method::POST,
        "/_emulator/error-rate",
        Some(json!({"status": 500, "percent": 60})),
    )
    .await
    .assert_error(400);
    api.control(
        Method::POST,
        "/_emulator/error-rate",
        Some(json!({"status": 200, "percent": 10})),
    )
    .await
    .assert_error(400);
    api.control(
        Method::POST,
        "/_emulator/error-rate",
        Some(json!({"status": 503, "percent": 101})),
    )
    .await
    .assert_error(400);
    api.control(
        Method::POST,
        "/_emulator/error-rate",
        Some(json!({"status": 503, "percent": 0})),
    )
    .await;
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);
    let stats = api.emulator.stats();
    assert_eq!(stats.random_errors_total, 5 + failed);
}

#[tokio::test]
async fn storms_answer_429_to_everything() {
    let api = Api::new().await;
    let r = api
        .control(
            Method::POST,
            "/_emulator/storm",
            Some(json!({"seconds": 1})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body["storm_remaining_ms"].as_u64().unwrap() > 500);
    let throttled_before = api.emulator.stats().throttled_total;
    for path in [
        "/v2/sites",
        "/v2/identities/settings/identity-providers",
        "/v2/nope",
    ] {
        assert!(api.get(path).await.assert_error(429).contains("Rate limit"));
    }
    let token = crate::common::send(
        &api.router,
        Method::POST,
        "/v1/oauth/token",
        Some(&basic(CLIENT_ID, CLIENT_SECRET)),
        None,
    )
    .await;
    token.assert_error(429);
    // Controls still answer.
    assert_eq!(
        api.control(Method::GET, "/_emulator/stats", None)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(api.emulator.stats().throttled_total, throttled_before + 4);
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);
    api.control(
        Method::POST,
        "/_emulator/storm",
        Some(json!({"seconds": 99_999})),
    )
    .await
    .assert_error(400);
}

#[tokio::test]
async fn dropped_connections_get_no_answer() {
    let running = Emulator::new(config())
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .unwrap();
    let origin = running.origin();
    let client = reqwest::Client::new();
    let r = client
        .post(format!("{origin}/_emulator/drop"))
        .json(&json!({"count": 2}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for _ in 0..2 {
        // A fresh connection each time, as a client retrying would.
        let fresh = reqwest::Client::builder()
            .pool_max_idle_per_host(0)
            .build()
            .unwrap();
        let result = fresh.get(format!("{origin}/v2/regions")).send().await;
        // No status line, no headers: the connection just closes.
        let err = result.expect_err("a dropped connection gets no answer");
        assert!(err.is_request() || err.is_connect(), "{err:?}");
    }
    let r = client
        .get(format!("{origin}/v2/regions"))
        .send()
        .await
        .unwrap();
    // Answered again (401: no token, which is an answer).
    assert_eq!(r.status(), 401);
    assert_eq!(running.emulator.stats().dropped_total, 2);
    running.shutdown().await;
}

#[tokio::test]
async fn token_lifetime_can_be_shortened() {
    let api = Api::new().await;
    let r = api
        .control(
            Method::POST,
            "/_emulator/token-ttl",
            Some(json!({"secs": 1})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(api.emulator.token_ttl_secs(), 1);
    let token = crate::common::send(
        &api.router,
        Method::POST,
        "/v1/oauth/token",
        Some(&basic(CLIENT_ID, CLIENT_SECRET)),
        None,
    )
    .await;
    assert_eq!(token.body["expires_in"], 1);
    let bearer = format!("Bearer {}", token.body["access_token"].as_str().unwrap());
    let get = |bearer: String| {
        let router = api.router.clone();
        async move {
            crate::common::send(&router, Method::GET, "/v2/regions", Some(&bearer), None).await
        }
    };
    assert_eq!(get(bearer.clone()).await.status, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    get(bearer).await.assert_error(401);
    // The token issued before the change keeps its hour.
    assert_eq!(api.get("/v2/regions").await.status, StatusCode::OK);
    api.control(
        Method::POST,
        "/_emulator/token-ttl",
        Some(json!({"secs": -1})),
    )
    .await
    .assert_error(400);
}

#[tokio::test]
async fn connectors_register_by_themselves_when_asked() {
    let api = Api::with(EmulatorConfig {
        auto_register_after_secs: Some(1),
        ..config()
    })
    .await;
    let site = api.editor_site("London Office");
    let r = api
        .post(
            &format!("/v2/connectors?bind_to_site_id={site}"),
            json!({"name": "auto-1", "deployment_type": "linux"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(r.body["registered"], false);
    // Seeded connectors awaiting registration are left alone.
    let awaiting_before = api
        .all_connectors()
        .await
        .iter()
        .filter(|c| c["registered"] == false)
        .count();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let r = api.get(&format!("/v2/connectors/{id}")).await;
    assert_eq!(r.body["registered"], true, "{}", r.body);
    assert_eq!(r.body["otp"], serde_json::Value::Null);
    let awaiting_after = api
        .all_connectors()
        .await
        .iter()
        .filter(|c| c["registered"] == false)
        .count();
    assert_eq!(awaiting_after, awaiting_before - 1);

    // Off by default.
    let api = Api::new().await;
    let r = api
        .post(
            &format!("/v2/connectors?bind_to_site_id={site}"),
            json!({"name": "manual-1", "deployment_type": "linux"}),
        )
        .await;
    let id = r.body["id"].as_str().unwrap().to_owned();
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    assert_eq!(
        api.get(&format!("/v2/connectors/{id}")).await.body["registered"],
        false
    );
}

#[tokio::test]
async fn counters_by_operation_and_peak_rate() {
    let api = Api::new().await;
    for _ in 0..12 {
        api.get("/v2/identities/local/users?perPage=1").await;
    }
    api.get("/v2/identities/local/users/nope-not-an-id").await;
    api.get("/v2/nothing-here").await;
    let stats = api
        .control(Method::GET, "/_emulator/stats", None)
        .await
        .body;
    assert_eq!(
        stats["by_operation"]["GET /v2/identities/{idp}/users"]["200"],
        12
    );
    assert_eq!(
        stats["by_operation"]["GET /v2/identities/{idp}/users/{id}"]["400"],
        1
    );
    assert_eq!(stats["by_operation"]["GET (unmatched)"]["404"], 1);
    assert!(stats["peak_requests_per_second"].as_u64().unwrap() >= 5);
    assert!(stats["throttled_total"].is_u64());
    // Chaos settings reset.
    api.control(Method::POST, "/_emulator/latency", Some(json!({"ms": 5})))
        .await;
    let r = api.control(Method::DELETE, "/_emulator/chaos", None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.control(Method::GET, "/_emulator/chaos", None)
            .await
            .body["latency_ms"],
        0
    );
}
