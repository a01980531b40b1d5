//! The tenant-wide limit of 5 requests per second, against a real socket.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;
use ztna_emulator::{Emulator, EmulatorConfig, REQUEST_ID_HEADER};

use crate::common::{config, CLIENT_ID, CLIENT_SECRET};

async fn spawn(rate: u32) -> ztna_emulator::RunningEmulator {
    Emulator::new(EmulatorConfig {
        rate_per_second: rate,
        ..config()
    })
    .spawn(([127, 0, 0, 1], 0).into())
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn burst_of_20_gets_429s_with_the_documented_body() {
    let running = spawn(5).await;
    let origin = running.origin();
    assert!(origin.starts_with("http://127.0.0.1:"));
    let client = reqwest::Client::new();

    let token: Value = client
        .post(format!("{origin}/v1/oauth/token"))
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let bearer = token["access_token"].as_str().unwrap().to_owned();
    // Let the bucket refill after the token call.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let request = client
            .get(format!("{origin}/v2/sites?size=1"))
            .bearer_auth(&bearer);
        tasks.spawn(async move { request.send().await.unwrap() });
    }
    let mut throttled = 0;
    let mut ok = 0;
    while let Some(response) = tasks.join_next().await {
        let response = response.unwrap();
        let id = response
            .headers()
            .get(REQUEST_ID_HEADER)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        match response.status() {
            StatusCode::OK => ok += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                throttled += 1;
                let body: Value = response.json().await.unwrap();
                assert_eq!(body["request-identifier"], id);
                assert_eq!(body["status"], 429);
                assert_eq!(body["reasonPhrase"], "Too Many Requests");
                assert_eq!(
                    body["message"],
                    "Rate limit exceeded: 5 requests per second"
                );
                assert!(body["timestamp"].as_i64().is_some());
            }
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(ok + throttled, 20);
    assert!(throttled >= 8, "only {throttled} throttled");
    assert!(ok >= 5, "only {ok} allowed");

    // Control routes are not limited and not counted.
    for _ in 0..10 {
        let r = client
            .get(format!("{origin}/_emulator/stats"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let stats: Value = client
        .get(format!("{origin}/_emulator/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["throttled_total"], throttled);
    assert_eq!(stats["requests_total"], 21);
    assert_eq!(stats["token_requests"], 1);
    assert_eq!(running.emulator.stats().throttled_total, throttled);
    running.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_pacing_at_the_rate_is_never_throttled() {
    let running = spawn(5).await;
    let origin = running.origin();
    let client = reqwest::Client::new();
    let mut interval = tokio::time::interval(Duration::from_millis(200));
    for _ in 0..12 {
        interval.tick().await;
        let r = client
            .post(format!("{origin}/v1/oauth/token"))
            .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    assert_eq!(running.emulator.stats().throttled_total, 0);
    assert_eq!(running.emulator.issued_tokens().len(), 12);
    running.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_stops_serving() {
    let running = spawn(5).await;
    let origin = running.origin();
    running.shutdown().await;
    let result = reqwest::Client::new()
        .get(format!("{origin}/_emulator/stats"))
        .timeout(Duration::from_secs(2))
        .send()
        .await;
    assert!(result.is_err());
}
