//! The full default demo tenant builds with every size it promises. Timing and memory are
//! printed, not asserted (this is a debug build on a shared machine); the release figures come
//! from `cargo run --release -p ztna-emulator --example startup`.

use std::time::Instant;

use axum::http::StatusCode;
use serde_json::json;
use ztna_emulator::{Emulator, EmulatorConfig};

use crate::common::{CLIENT_ID, CLIENT_SECRET};

#[tokio::test]
async fn full_default_tenant_builds() {
    let defaults = EmulatorConfig::default();
    let started = Instant::now();
    let emulator = Emulator::new(EmulatorConfig {
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        rate_per_second: 0,
        ..EmulatorConfig::default()
    });
    println!(
        "full default tenant (debug build): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let api = crate::common::Api {
        router: emulator.router(),
        bearer: String::new(),
        emulator,
    };
    let token = crate::common::send(
        &api.router,
        axum::http::Method::POST,
        "/v1/oauth/token",
        Some(&crate::common::basic(CLIENT_ID, CLIENT_SECRET)),
        None,
    )
    .await;
    let api = crate::common::Api {
        bearer: format!("Bearer {}", token.body["access_token"].as_str().unwrap()),
        ..api
    };

    // Users: the providers' totals add up to the configured size.
    let providers = api
        .get("/v2/identities/settings/identity-providers?includeLocal=true")
        .await
        .body;
    let mut users = 0;
    let mut groups = 0;
    for p in providers.as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        users += api
            .get(&format!("/v2/identities/{id}/users?perPage=1"))
            .await
            .body["totalElements"]
            .as_u64()
            .unwrap();
        groups += api
            .get(&format!("/v2/identities/{id}/groups?perPage=1"))
            .await
            .body["totalElements"]
            .as_u64()
            .unwrap();
    }
    assert_eq!(users, defaults.users as u64);
    assert_eq!(groups, defaults.groups as u64);
    let blocked = api.get("/v2/identities/settings/blocked-users").await.body;
    assert_eq!(blocked.as_array().unwrap().len(), defaults.blocked_users);
    let dns = api.get("/v2/wss-integration-tenant/dns-groups").await.body;
    assert_eq!(dns["totalElements"], defaults.dns_groups);
    let ssh = api.get("/v2/ssh-clients").await.body;
    assert_eq!(ssh["totalElements"], defaults.ssh_clients);
    let cloud = api.get("/v2/cloud-integrations/integrations").await;
    assert_eq!(cloud.status, StatusCode::OK);
    assert_eq!(
        cloud.body.as_array().unwrap().len(),
        defaults.cloud_integrations
    );
    for (path, size) in [
        ("/v2/logs/audit", defaults.audit_logs),
        ("/v2/logs/forensics", defaults.forensics_logs),
    ] {
        // Two windows: the seed's dates are relative to when the first emulator of this
        // process was built, which may be a while ago by now.
        let now = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
        let day = 86_400_000;
        let mut hits = 0;
        for (from, to) in [(now - 30 * day, now), (now - 40 * day, now - 30 * day - 1)] {
            let r = api
                .post(
                    path,
                    json!({"size": 0, "query": {"from_date": from, "to_date": to}}),
                )
                .await;
            hits += r.body["Hits"].as_u64().unwrap();
        }
        assert_eq!(hits, size as u64, "{path}");
    }
}
