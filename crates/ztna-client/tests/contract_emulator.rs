//! Contract tests: the client against the tenant emulator (`ztna-emulator`) over real HTTP.
//!
//! Functional tests run the emulator without a rate limit (rate 0) and the client at a high
//! rate; the token and throttling tests use the tenant's real 5 requests/s.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::time::Duration;

use ztna_client::wire::{AuthenticationMode, DeploymentType, NewConnector, NewSite};
use ztna_client::{
    ApiError, ApiOrigin, ClientConfig, Credentials, ListQuery, Secret, TenantClient,
};
use ztna_emulator::{Emulator, EmulatorConfig, RunningEmulator};

const CLIENT_ID: &str = "contract-client";
const CLIENT_SECRET: &str = "contract-secret-value";
const STATIC_TOKEN: &str = "contract-static-token";
/// The emulator's message for an id that is not a UUID.
const INVALID_ID_MESSAGE: &str =
    "Invalid request parameters: Invalid ID format - failed to process request";

fn emulator_config(rate: u32, sites: usize) -> EmulatorConfig {
    EmulatorConfig {
        seed: 11,
        sites,
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        client_token: Some(STATIC_TOKEN.into()),
        rate_per_second: rate,
        // Exactly `sites` sites (no reference example sites on top), and a light log seed.
        reference_examples: false,
        audit_logs: 100,
        forensics_logs: 100,
        ..EmulatorConfig::default()
    }
}

async fn start(config: EmulatorConfig) -> RunningEmulator {
    Emulator::new(config)
        .spawn(([127, 0, 0, 1], 0).into())
        .await
        .unwrap()
}

fn client_with(
    emu: &RunningEmulator,
    credentials: Credentials,
    rate: u32,
    tweak: impl FnOnce(&mut ClientConfig),
) -> TenantClient {
    let origin = ApiOrigin::parse(&emu.origin()).unwrap();
    let mut config = ClientConfig::new(origin, credentials);
    config.rate_per_second = rate;
    config.request_timeout = Duration::from_secs(10);
    tweak(&mut config);
    TenantClient::new(config).unwrap()
}

fn api_client() -> Credentials {
    Credentials::ClientCredentials {
        client_id: CLIENT_ID.into(),
        client_secret: Secret::new(CLIENT_SECRET),
    }
}

/// An unlimited emulator and a fast client with client credentials.
async fn functional() -> (RunningEmulator, TenantClient) {
    let emu = start(emulator_config(0, 23)).await;
    let client = client_with(&emu, api_client(), 1000, |_| {});
    (emu, client)
}

fn metrics_text(client: &TenantClient) -> String {
    let mut reg = prometheus_client::registry::Registry::default();
    client.register_metrics(&mut reg);
    let mut out = String::new();
    prometheus_client::encoding::text::encode(&mut out, &reg).unwrap();
    out
}

fn unique_name(tag: &str) -> String {
    format!("contract {tag} {}", uuid_like())
}

/// A short unique suffix without pulling in a UUID crate.
fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{nanos:x}-{}", SEQ.fetch_add(1, Ordering::Relaxed))
}

#[tokio::test]
async fn token_flow_at_the_real_rate() {
    let emu = start(emulator_config(5, 10)).await;
    let client = client_with(&emu, api_client(), 5, |_| {});
    assert!(!client.readiness().token_held);

    let first = client.list_regions().await.unwrap();
    assert!(!first.is_empty());
    client.latest_connector_version().await.unwrap();
    client.list_sites(&ListQuery::default()).await.unwrap();

    let stats = emu.emulator.stats();
    assert_eq!(stats.token_requests, 1, "{stats:?}");
    assert_eq!(stats.tokens_issued, 1);
    assert_eq!(stats.throttled_total, 0);
    assert_eq!(stats.unauthorized_total, 0);
    assert_eq!(emu.emulator.issued_tokens().len(), 1);
    let ready = client.readiness();
    assert!(ready.token_held && ready.last_success.is_some());

    // Wrong credentials: the token call fails and nothing else is sent.
    let bad = client_with(
        &emu,
        Credentials::ClientCredentials {
            client_id: CLIENT_ID.into(),
            client_secret: Secret::new("wrong"),
        },
        5,
        |_| {},
    );
    let err = bad.list_regions().await.unwrap_err();
    assert!(matches!(err, ApiError::Unauthorized { .. }), "{err:?}");
    assert_eq!(emu.emulator.stats().tokens_issued, 1);
    emu.shutdown().await;
}

#[tokio::test]
async fn static_client_token() {
    let emu = start(emulator_config(0, 10)).await;
    let client = client_with(
        &emu,
        Credentials::StaticToken(Secret::new(STATIC_TOKEN)),
        1000,
        |_| {},
    );
    assert!(client.readiness().token_held);
    let sites = client.list_sites(&ListQuery::default()).await.unwrap();
    assert_eq!(sites.total_elements, 10);
    assert_eq!(emu.emulator.stats().token_requests, 0);

    let wrong = client_with(
        &emu,
        Credentials::StaticToken(Secret::new("not-the-token")),
        1000,
        |_| {},
    );
    let err = wrong.list_regions().await.unwrap_err();
    assert!(matches!(err, ApiError::Unauthorized { .. }), "{err:?}");
    assert!(err.request_id().is_some());
    assert_eq!(emu.emulator.stats().token_requests, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn list_and_walk_sites() {
    let (emu, client) = functional().await;
    let q = ListQuery {
        size: 10,
        ..ListQuery::default()
    };
    let page = client.list_sites(&q).await.unwrap();
    assert_eq!(page.content.len(), 10);
    assert_eq!((page.total_elements, page.total_pages), (23, 3));
    assert!(!page.last);

    let all = client.all_sites(&q).await.unwrap();
    assert_eq!(all.len(), 23);
    let ids: HashSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 23);
    // Page 0 came from the cache: pages 1 and 2 were the only new list calls.
    let stats = emu.emulator.stats();
    assert_eq!(stats.by_route.get("GET /v2/sites"), Some(&3), "{stats:?}");

    // Sorted and filtered lists keep the emulator's order and filter.
    let by_name = client
        .all_sites(&ListQuery {
            size: 7,
            sort: Some("name,asc".into()),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    let names: Vec<String> = by_name.iter().map(|s| s.name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let filtered = client
        .all_sites(&ListQuery {
            filter: Some("frankfurt".into()),
            ..ListQuery::default()
        })
        .await
        .unwrap();
    assert!(!filtered.is_empty());
    assert!(filtered
        .iter()
        .all(|s| s.name.to_lowercase().contains("frankfurt")));
    emu.shutdown().await;
}

#[tokio::test]
async fn get_site_and_status() {
    let (emu, client) = functional().await;
    let (id, name) = emu.emulator.editor_sites().remove(0);
    let site = client.get_site(&id).await.unwrap();
    assert_eq!(
        (site.id.as_str(), site.name.as_str()),
        (id.as_str(), name.as_str())
    );
    assert!(!site.connectors.is_empty());

    let status = client.site_status(&id).await.unwrap();
    assert!(status.status.is_known(), "{status:?}");
    let listed = status.connectors_up.len()
        + status.connectors_down.len()
        + status.connectors_not_configured.len()
        + status.connectors_disabled.len();
    assert_eq!(listed, site.connectors.len());
    emu.shutdown().await;
}

#[tokio::test]
async fn regions() {
    let (emu, client) = functional().await;
    let regions = client.list_regions().await.unwrap();
    assert!(!regions.is_empty());
    assert!(regions.iter().filter(|r| r.is_default).count() <= 1);
    let one = client.get_region(&regions[0].name).await.unwrap();
    assert_eq!(one, regions[0]);
    let err = client.get_region("no-such-region").await.unwrap_err();
    assert!(matches!(err, ApiError::NotFound { .. }), "{err:?}");
    emu.shutdown().await;
}

#[tokio::test]
async fn connector_lifecycle_command_and_environment() {
    let (emu, client) = functional().await;
    let site = client
        .create_site(&NewSite::named(unique_name("site")))
        .await
        .unwrap();
    let name = unique_name("connector");
    let created = client
        .create_connector(&site.id, &NewConnector::new(&name, DeploymentType::Linux))
        .await
        .unwrap();
    assert_eq!(created.name, name);
    assert!(!created.registered);
    let otp = created.otp.clone().expect("a new connector has an OTP");
    assert!(!format!("{created:?}").contains(otp.expose()));

    let fetched = client.get_connector(&created.id).await.unwrap();
    assert_eq!(
        (fetched.id.as_str(), fetched.deployment_type.clone()),
        (created.id.as_str(), DeploymentType::Linux)
    );
    // The new connector shows in its site (the write dropped the cached site reads).
    let site_now = client.get_site(&site.id).await.unwrap();
    assert!(site_now.connectors.contains(&created.id));

    let command = client.connector_command(&created.id).await.unwrap();
    assert!(command.deployment_commands.contains(otp.expose()));
    let debug = format!("{command:?}");
    assert!(
        !debug.contains(otp.expose()) && debug.contains("REDACTED"),
        "{debug}"
    );

    let env = client.connector_environment(&created.id).await.unwrap();
    assert!(!env.environment_variables.is_empty());
    assert!(env
        .environment_variables
        .iter()
        .any(|v| v.value.to_env_string() == otp.expose()));
    let debug = format!("{env:?}");
    assert!(!debug.contains(otp.expose()), "{debug}");
    for var in &env.environment_variables {
        let value = var.value.to_env_string();
        if value.len() > 3 {
            assert!(!debug.contains(&value), "{} leaks in {debug}", var.name);
        }
    }

    client.delete_connector(&created.id).await.unwrap();
    let err = client.get_connector(&created.id).await.unwrap_err();
    assert!(matches!(err, ApiError::NotFound { .. }), "{err:?}");
    client.delete_site(&site.id).await.unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn registration_keys_on_a_site_mode_site() {
    let (emu, client) = functional().await;
    let site = client
        .create_site(&NewSite {
            authentication_mode: AuthenticationMode::Site,
            ..NewSite::named(unique_name("site-mode"))
        })
        .await
        .unwrap();
    assert_eq!(site.authentication_mode, AuthenticationMode::Site);
    assert!(client
        .list_registration_keys(&site.id)
        .await
        .unwrap()
        .is_empty());

    let first = client
        .rotate_registration_key(&site.id, false)
        .await
        .unwrap();
    assert!(!first.registration_key.is_empty());
    assert!(!format!("{first:?}").contains(first.registration_key.expose()));
    let keys = client.list_registration_keys(&site.id).await.unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].id, first.registration_key_id);

    // Rotating without revoking keeps the old key for a grace period.
    let second = client
        .rotate_registration_key(&site.id, false)
        .await
        .unwrap();
    assert_ne!(second.registration_key_id, first.registration_key_id);
    let ids: HashSet<String> = client
        .list_registration_keys(&site.id)
        .await
        .unwrap()
        .into_iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(
        ids,
        HashSet::from([
            first.registration_key_id.clone(),
            second.registration_key_id.clone()
        ])
    );

    // Revoking immediately leaves only the new key.
    let third = client
        .rotate_registration_key(&site.id, true)
        .await
        .unwrap();
    let keys = client.list_registration_keys(&site.id).await.unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].id, third.registration_key_id);

    client.clean_registration_keys(&site.id).await.unwrap();
    assert!(client
        .list_registration_keys(&site.id)
        .await
        .unwrap()
        .is_empty());

    // A connector-mode site has no registration keys.
    let connector_mode = client
        .create_site(&NewSite::named(unique_name("connector-mode")))
        .await
        .unwrap();
    let err = client
        .list_registration_keys(&connector_mode.id)
        .await
        .unwrap_err();
    assert!(matches!(err, ApiError::BadRequest { .. }), "{err:?}");
    emu.shutdown().await;
}

#[tokio::test]
async fn latest_connector_version() {
    let (emu, client) = functional().await;
    let v = client.latest_connector_version().await.unwrap();
    assert!(!v.connector_version.trim().is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn error_mapping() {
    let (emu, client) = functional().await;

    // 404: a well-formed id that does not exist, with the tenant's request id.
    let err = client
        .get_site("00000000-0000-4000-8000-00000000dead")
        .await
        .unwrap_err();
    match &err {
        ApiError::NotFound { request_id } => assert!(request_id.is_some(), "{err:?}"),
        other => panic!("expected NotFound, got {other:?}"),
    }

    // 400: a malformed id, with the vendor's message.
    let err = client.get_site("not-a-uuid").await.unwrap_err();
    match &err {
        ApiError::BadRequest {
            message,
            request_id,
        } => {
            assert_eq!(message, INVALID_ID_MESSAGE);
            assert!(request_id.is_some());
        }
        other => panic!("expected BadRequest, got {other:?}"),
    }
    assert!(err.to_string().contains(INVALID_ID_MESSAGE), "{err}");

    // 409: a duplicate site name names the field.
    let name = unique_name("dup");
    let site = client.create_site(&NewSite::named(&name)).await.unwrap();
    let err = client
        .create_site(&NewSite::named(&name))
        .await
        .unwrap_err();
    match &err {
        ApiError::Conflict {
            field, request_id, ..
        } => {
            assert_eq!(field.as_deref(), Some("name"), "{err:?}");
            assert!(request_id.is_some());
        }
        other => panic!("expected Conflict, got {other:?}"),
    }

    // 400: connectors cannot be created through the API in a site-mode site.
    let site_mode = client
        .create_site(&NewSite {
            authentication_mode: AuthenticationMode::Site,
            ..NewSite::named(unique_name("site-mode"))
        })
        .await
        .unwrap();
    let err = client
        .create_connector(
            &site_mode.id,
            &NewConnector::new(unique_name("c"), DeploymentType::Linux),
        )
        .await
        .unwrap_err();
    match &err {
        ApiError::BadRequest {
            message,
            request_id,
        } => {
            assert!(message.contains("'site' authentication mode"), "{message}");
            assert!(request_id.is_some());
        }
        other => panic!("expected BadRequest, got {other:?}"),
    }
    // Nothing was retried: one POST per refused call.
    let stats = emu.emulator.stats();
    assert_eq!(stats.by_route.get("POST /v2/connectors"), Some(&1));
    assert_eq!(stats.by_route.get("POST /v2/sites"), Some(&3));
    client.delete_site(&site.id).await.unwrap();
    emu.shutdown().await;
}

#[tokio::test]
async fn an_injected_429_storm_is_survived() {
    let emu = start(emulator_config(5, 10)).await;
    let client = client_with(&emu, api_client(), 5, |_| {});
    // Token first, so the storm hits the API call.
    client.list_regions().await.unwrap();

    let http = reqwest::Client::new();
    let resp = http
        .post(format!("{}/_emulator/faults", emu.origin()))
        .json(&serde_json::json!({"status": 429, "count": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);

    let started = std::time::Instant::now();
    let sites = client.list_sites(&ListQuery::default()).await.unwrap();
    assert_eq!(sites.total_elements, 10);
    // Three pauses of at least a second each.
    assert!(
        started.elapsed() >= Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    let stats = emu.emulator.stats();
    assert_eq!(stats.throttled_total, 3, "{stats:?}");
    assert_eq!(stats.faults_injected, 3);
    assert_eq!(stats.by_route.get("GET /v2/sites"), Some(&4));
    let text = metrics_text(&client);
    assert!(text.contains("upstream_throttled_total 3"), "{text}");
    assert!(
        text.contains(r#"upstream_requests_total{operation="list_sites",status="429"} 3"#),
        "{text}"
    );
    assert!(
        text.contains(r#"upstream_requests_total{operation="list_sites",status="200"} 1"#),
        "{text}"
    );
    emu.shutdown().await;
}
