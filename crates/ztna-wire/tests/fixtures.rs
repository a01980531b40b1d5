//! Every example body of the reference (lines 1-800), decoded into the typed models, and the
//! request bodies the client builds compared with the documented ones. Lines 778-4270 are in
//! `fixtures_api.rs`; the guard at the end covers both files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use time::macros::datetime;
use ztna_wire::*;

fn decode<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("fixture decodes")
}

fn as_value(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is JSON")
}

const EXAMPLE_PV: &str = "pv-81e55b9b-298b-11e9-b2bd-0ace4f35b420";

fn check_example_connector(c: &Connector, stamp: time::OffsetDateTime) {
    assert_eq!(c.id, "1e1513c8-3801-4e58-bba3-e2466bd3fbb4");
    assert_eq!(c.name, "TestSite-Connector-3");
    assert_eq!(c.version.as_deref(), Some("2.5.1+964"));
    assert!(c.registered);
    assert!(c.otp.is_none());
    assert_eq!(c.date_created, Some(stamp));
    assert_eq!(c.date_registered, Some(stamp));
    assert_eq!(c.date_otp_expire, Some(stamp));
    assert!(!c.send_logs);
    assert!(c.enabled);
    assert_eq!(c.connector_status, ConnectorStatus::StatusReady);
    assert_eq!(c.update_status, UpdateStatus::UpdateFailed);
    assert_eq!(
        c.update_status_info.as_deref(),
        Some("error downloading new connector")
    );
    assert_eq!(c.internal_ip.as_deref(), Some("10.10.10.1"));
    assert_eq!(c.external_ip.as_deref(), Some("109.155.209.167"));
    assert_eq!(c.hostname.as_deref(), Some("TestSite-Connector-3-Linux"));
    assert_eq!(
        c.geo_location.as_deref(),
        Some("Microsoft Azure, Netherlands, Amsterdam")
    );
    assert_eq!(c.deployment_type, DeploymentType::Kubernetes);
    assert_eq!(
        c.kubernetes_persistent_volume_name.as_deref(),
        Some(EXAMPLE_PV)
    );
}

fn check_example_status(s: &SiteStatus) {
    assert_eq!(s.connectors_up.len(), 2);
    assert_eq!(
        s.connectors_up[0].id,
        "72e508f9-33fd-4166-ae82-8a25b0e90915"
    );
    assert_eq!(
        s.connectors_up[0].last_seen,
        LastSeen::At(datetime!(2019-02-24 12:05:51 UTC))
    );
    assert_eq!(
        s.connectors_up[1].id,
        "d05ccd0f-0cec-4de2-a815-281169c9ca7b"
    );
    assert!(s.connectors_down.is_empty());
    assert_eq!(s.connectors_not_configured.len(), 1);
    assert_eq!(
        s.connectors_not_configured[0].id,
        "50f4837b-ec1d-4cbd-aefa-5a54733f0558"
    );
    assert_eq!(s.connectors_not_configured[0].last_seen, LastSeen::Never);
    assert!(s.connectors_disabled.is_empty());
    assert_eq!(s.status, SiteHealth::NotConfigured);
}

fn check_example_site(s: &Site, stamp: time::OffsetDateTime) {
    assert_eq!(s.id, "6fd0a892-8b70-471a-9dd7-bf374b07451f");
    assert_eq!(s.name, "DataCenterEurope");
    assert_eq!(
        s.kubernetes_persistent_volume_name.as_deref(),
        Some(EXAMPLE_PV)
    );
    let ids = [
        "2db3162f-b720-40d3-8067-345a5a25c9ec",
        "a784ec20-24b9-445b-877d-cbbd7f67c444",
    ];
    assert_eq!(s.connectors, ids);
    assert_eq!(s.application_ids, ids);
    assert_eq!(s.connector_objects.len(), 1);
    check_example_connector(&s.connector_objects[0], stamp);
    check_example_status(s.site_status.as_ref().expect("site_status"));
    assert!(!s.mute_health_notification);
    assert_eq!(s.count_collections, 1);
    assert_eq!(s.region.as_deref(), Some("europe-west1"));
    assert_eq!(s.authentication_mode, AuthenticationMode::Connector);
}

const T24: time::OffsetDateTime = datetime!(2025-07-28 13:34:24 UTC);
const T25: time::OffsetDateTime = datetime!(2025-07-28 13:34:25 UTC);

#[test]
fn token_response() {
    let t: TokenResponse = decode(include_str!("fixtures/token_response.json"));
    assert_eq!(
        t.access_token.expose(),
        "edfe22e3-eb4c-4c83-8ce3-3152e6a2XXX"
    );
    assert_eq!(t.expires_in, 3600);
    assert_eq!(t.scope, "luminate-scope");
    assert_eq!(t.token_type, "Bearer");
    assert_eq!(t.error, "");
    assert_eq!(t.error_description, "");
    assert!(!format!("{t:?}").contains("edfe22e3"));
}

fn example_new_site() -> NewSite {
    NewSite {
        name: "DataCenterEurope".into(),
        kubernetes_persistent_volume_name: Some(EXAMPLE_PV.into()),
        mute_health_notification: false,
        region: Some("europe-west1".into()),
        authentication_mode: AuthenticationMode::Connector,
    }
}

#[test]
fn site_create_request() {
    let text = include_str!("fixtures/site_create_request.json");
    assert_eq!(
        serde_json::to_value(example_new_site()).unwrap(),
        as_value(text)
    );
    assert_eq!(decode::<NewSite>(text), example_new_site());
}

#[test]
fn site_update_request() {
    let text = include_str!("fixtures/site_update_request.json");
    assert_eq!(
        serde_json::to_value(example_new_site()).unwrap(),
        as_value(text)
    );
}

#[test]
fn site_create_response() {
    let s: Site = decode(include_str!("fixtures/site_create_response.json"));
    check_example_site(&s, T24);
    assert_eq!(NewSite::from(&s), example_new_site());
}

#[test]
fn site_update_response() {
    let s: Site = decode(include_str!("fixtures/site_update_response.json"));
    check_example_site(&s, T25);
}

#[test]
fn site_get_response() {
    let s: Site = decode(include_str!("fixtures/site_get_response.json"));
    check_example_site(&s, T25);
}

#[test]
fn sites_list_response() {
    let p: Page<Site> = decode(include_str!("fixtures/sites_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_site(&p.content[0], T24);
    assert!(p.first);
    assert!(p.last);
    assert_eq!(p.size, 50);
    assert_eq!(p.total_elements, 1);
    assert_eq!(p.total_pages, 1);
    assert_eq!(p.number, 0);
    assert_eq!(p.number_of_elements, 1);
}

#[test]
fn site_status_response() {
    let s: SiteStatus = decode(include_str!("fixtures/site_status_response.json"));
    check_example_status(&s);
}

fn check_example_error(e: &ErrorBody) {
    assert_eq!(
        e.request_identifier.as_deref(),
        Some("c1f30631-de5d-4d5a-bba1-03571bdaf306")
    );
    assert_eq!(e.timestamp, Some(1_548_259_503_065));
    assert_eq!(e.status, Some(400));
    assert_eq!(e.reason_phrase.as_deref(), Some("Bad Request"));
    assert_eq!(
        e.message.as_deref(),
        Some("Invalid request parameters: Invalid ID format - failed to process request")
    );
    assert!(e.errors.is_empty());
    assert_eq!(e.summary(), e.message);
}

#[test]
fn error_bodies() {
    for text in [
        include_str!("fixtures/error_delete_site.json"),
        include_str!("fixtures/error_clean_registration_keys.json"),
        include_str!("fixtures/error_delete_connector.json"),
    ] {
        check_example_error(&decode(text));
    }
}

#[test]
fn regions_list_response() {
    let r: Vec<Region> = decode(include_str!("fixtures/regions_list_response.json"));
    assert_eq!(
        r,
        vec![Region {
            name: "us-west1".into(),
            is_default: true
        }]
    );
}

#[test]
fn region_get_response() {
    let r: Region = decode(include_str!("fixtures/region_get_response.json"));
    assert_eq!(r.name, "us-west1");
    assert!(r.is_default);
}

#[test]
fn registration_keys_list_response() {
    let k: RegistrationKeys = decode(include_str!(
        "fixtures/registration_keys_list_response.json"
    ));
    assert_eq!(k.registration_keys.len(), 1);
    let k = &k.registration_keys[0];
    assert_eq!(k.id, "string");
    assert_eq!(k.date_created, Some(datetime!(1985-04-12 23:20:50.52 UTC)));
    assert_eq!(k.last_used, Some(T25));
    assert_eq!(k.expiration_date, Some(T25));
    assert_eq!(k.status, "active");
}

#[test]
fn registration_key_rotate_request() {
    let text = include_str!("fixtures/registration_key_rotate_request.json");
    let body = RotateKeyRequest {
        revoke_immediately: false,
    };
    assert_eq!(serde_json::to_value(body).unwrap(), as_value(text));
    assert_eq!(decode::<RotateKeyRequest>(text), body);
}

#[test]
fn registration_key_rotate_response() {
    let r: RotatedKey = decode(include_str!(
        "fixtures/registration_key_rotate_response.json"
    ));
    assert_eq!(
        r.registration_key_id,
        "6fd0a892-8b70-471a-9dd7-bf374b07451f"
    );
    assert_eq!(r.registration_key.expose(), "string");
    assert!(!format!("{r:?}").contains("\"string\""));
}

#[test]
fn connector_create_request() {
    let text = include_str!("fixtures/connector_create_request.json");
    let body = NewConnector {
        name: "TestSite-Connector-3".into(),
        deployment_type: DeploymentType::Kubernetes,
        send_logs: false,
        enabled: true,
        kubernetes_persistent_volume_name: Some(EXAMPLE_PV.into()),
    };
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    assert_eq!(decode::<NewConnector>(text), body);
}

#[test]
fn connector_create_response() {
    let c: Connector = decode(include_str!("fixtures/connector_create_response.json"));
    check_example_connector(&c, T25);
}

#[test]
fn connector_get_response() {
    let c: Connector = decode(include_str!("fixtures/connector_get_response.json"));
    check_example_connector(&c, T25);
}

#[test]
fn connectors_list_response() {
    let p: Page<Connector> = decode(include_str!("fixtures/connectors_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_connector(&p.content[0], T25);
    assert!(p.first && p.last);
    assert_eq!((p.size, p.total_elements, p.total_pages), (50, 1, 1));
    assert_eq!((p.number, p.number_of_elements), (0, 1));
}

#[test]
fn connector_command_response() {
    let c: DeploymentCommand = decode(include_str!("fixtures/connector_command_response.json"));
    assert!(c.deployment_commands.starts_with(
        "sudo docker run --ulimit nofile=2048 -e ENDPOINT_URL='acme.luminatesite.com' \\\n"
    ));
    assert!(c
        .deployment_commands
        .contains("-e OTP='2d1e1bfa-1234-41bf-a805-a3d1aa7eb5d1'"));
    assert!(c
        .deployment_commands
        .ends_with("luminate/connector:2.5.8\n"));
    let dbg = format!("{c:?}");
    assert!(!dbg.contains("2d1e1bfa"), "{dbg}");
}

#[test]
fn connector_environment_response() {
    let e: ConnectorEnvironment =
        decode(include_str!("fixtures/connector_environment_response.json"));
    assert_eq!(e.container_name, "TestSite-Connector-3");
    let got: Vec<(&str, EnvValue)> = e
        .environment_variables
        .iter()
        .map(|v| (v.name.as_str(), v.value.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "ENDPOINT_URL",
                EnvValue::String("acme.luminatesec.com".into())
            ),
            (
                "TENANT_IDENTIFIER",
                EnvValue::String("12f3e95861234567a123a7c582a0a51f_acme".into())
            ),
            ("HTTPS_SKIP_CERT_VERIFY", EnvValue::Bool(true)),
            (
                "OTP",
                EnvValue::String("2d1e1bfa-1234-41bf-a805-a3d1aa7eb5d1".into())
            ),
            ("LOG_LEVEL", EnvValue::String("debug".into())),
            ("DISABLE_ERROR_TRACKER", EnvValue::Bool(true)),
        ]
    );
    let dbg = format!("{e:?}");
    assert!(!dbg.contains("2d1e1bfa"), "{dbg}");
    assert!(dbg.contains("OTP=REDACTED"), "{dbg}");
    // Round trip keeps strings and booleans apart.
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        as_value(include_str!("fixtures/connector_environment_response.json"))
    );
}

#[test]
fn connector_version_response() {
    let v: ConnectorVersion = decode(include_str!("fixtures/connector_version_response.json"));
    assert_eq!(v.connector_version, "2.5.8");
}

#[test]
fn every_fixture_is_used() {
    // Tests of lines 1-800 live here, of lines 778-4270 in fixtures_api.rs.
    let used = [include_str!("fixtures.rs"), include_str!("fixtures_api.rs")].concat();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).unwrap()
    {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".json") {
            assert!(
                used.contains(&format!("fixtures/{name}")),
                "{name} has no test"
            );
        }
    }
    let _ = json!(null);
}
