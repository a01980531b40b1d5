//! The lenient decoding rules: missing and null mean the same, unknown enum values are kept
//! and written back, the 1901 sentinel means never, both error-body spellings.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Value};
use ztna_wire::*;

#[test]
fn site_with_nulls_and_missing_fields() {
    let s: Site = serde_json::from_value(json!({
        "id": "s1",
        "name": "Edge",
        "connectors": null,
        "application_ids": null,
        "connector_objects": null,
        "site_status": null,
        "mute_health_notification": null,
        "countCollections": null,
        "authentication_mode": null
    }))
    .unwrap();
    assert!(s.connectors.is_empty() && s.application_ids.is_empty());
    assert!(s.connector_objects.is_empty());
    assert!(s.site_status.is_none());
    assert!(!s.mute_health_notification);
    assert_eq!(s.count_collections, 0);
    assert_eq!(s.authentication_mode, AuthenticationMode::Connector);
    assert!(s.region.is_none());

    let minimal: Site = serde_json::from_value(json!({"id": "s1", "name": "Edge"})).unwrap();
    assert_eq!(minimal, s);
}

#[test]
fn booleans_and_numbers_as_strings() {
    let s: Site = serde_json::from_value(json!({
        "id": "s1", "name": "x", "mute_health_notification": "true", "countCollections": "3"
    }))
    .unwrap();
    assert!(s.mute_health_notification);
    assert_eq!(s.count_collections, 3);
}

#[test]
fn connector_minimal_and_defaults() {
    let c: Connector = serde_json::from_value(json!({"id": "c1", "name": "n"})).unwrap();
    assert!(c.enabled, "documented default is true");
    assert!(!c.registered);
    assert!(c.otp.is_none());
    assert_eq!(c.connector_status, ConnectorStatus::StatusUndefined);
    assert_eq!(c.update_status.label(), "Unknown");
    assert_eq!(c.deployment_type.label(), "Unknown");

    let c: Connector = serde_json::from_value(json!({
        "id": "c1", "name": "n", "enabled": null, "otp": "", "date_created": "not a date",
        "date_registered": null
    }))
    .unwrap();
    assert!(c.enabled);
    assert!(c.otp.is_none());
    assert!(c.date_created.is_none() && c.date_registered.is_none());
}

#[test]
fn otp_is_redacted() {
    let c: Connector =
        serde_json::from_value(json!({"id": "c1", "name": "n", "otp": "s3cr3t-otp"})).unwrap();
    assert_eq!(c.otp.as_ref().unwrap().expose(), "s3cr3t-otp");
    assert!(!format!("{c:?}").contains("s3cr3t-otp"));
}

#[test]
fn unknown_enum_values_kept_and_round_tripped() {
    let input = json!({
        "id": "c1",
        "name": "n",
        "connector_status": "StatusHibernating",
        "update_status": "UpdateQueued",
        "deployment_type": "fargate"
    });
    let c: Connector = serde_json::from_value(input.clone()).unwrap();
    assert_eq!(
        c.connector_status,
        ConnectorStatus::Other("StatusHibernating".into())
    );
    assert_eq!(c.update_status, UpdateStatus::Other("UpdateQueued".into()));
    assert_eq!(c.deployment_type, DeploymentType::Other("fargate".into()));
    let out = serde_json::to_value(&c).unwrap();
    for k in ["connector_status", "update_status", "deployment_type"] {
        assert_eq!(out[k], input[k]);
    }

    let s: Site = serde_json::from_value(json!({
        "id": "s", "name": "n", "authentication_mode": "federated",
        "site_status": {"Status": "degraded"}
    }))
    .unwrap();
    assert_eq!(
        s.authentication_mode,
        AuthenticationMode::Other("federated".into())
    );
    assert_eq!(
        s.site_status.as_ref().unwrap().status,
        SiteHealth::Other("degraded".into())
    );
    let out = serde_json::to_value(&s).unwrap();
    assert_eq!(out["authentication_mode"], "federated");
    assert_eq!(out["site_status"]["Status"], "degraded");
}

#[test]
fn authentication_mode_spellings() {
    for (wire, want) in [
        ("connector", AuthenticationMode::Connector),
        ("Connector", AuthenticationMode::Connector),
        ("manual", AuthenticationMode::Connector),
        ("site", AuthenticationMode::Site),
        ("Site", AuthenticationMode::Site),
        ("orchestrator", AuthenticationMode::Site),
    ] {
        let s: Site =
            serde_json::from_value(json!({"id": "s", "name": "n", "authentication_mode": wire}))
                .unwrap();
        assert_eq!(s.authentication_mode, want, "{wire}");
        let body = serde_json::to_value(NewSite::from(&s)).unwrap();
        assert_eq!(body["authentication_mode"], want.as_str());
        assert!(body["authentication_mode"]
            .as_str()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_lowercase()));
    }
}

#[test]
fn last_seen_never_cases() {
    let st: SiteStatus = serde_json::from_value(json!({
        "ConnectorsUp": [
            {"Id": "a", "last_seen": null},
            {"Id": "b"},
            {"Id": "c", "last_seen": "garbage"},
            {"Id": "d", "last_seen": "1901-01-01T00:00:00.000Z"},
            {"Id": "e", "last_seen": "1901-01-01T00:00:00Z"},
            {"Id": "f", "last_seen": "2024-05-01T10:00:00.000Z"}
        ],
        "ConnectorsDown": null
    }))
    .unwrap();
    let seen: Vec<bool> = st
        .connectors_up
        .iter()
        .map(|c| c.last_seen.is_never())
        .collect();
    assert_eq!(seen, [true, true, true, true, true, false]);
    assert_eq!(st.status, SiteHealth::Other(String::new()));
    // Never is written back as the API's sentinel, and reads back as Never.
    let out = serde_json::to_value(&st).unwrap();
    assert_eq!(
        out["ConnectorsUp"][0]["last_seen"],
        LastSeen::NEVER_SENTINEL
    );
    let back: SiteStatus = serde_json::from_value(out).unwrap();
    assert_eq!(back, st);
}

#[test]
fn site_status_everything_missing() {
    let st: SiteStatus = serde_json::from_value(json!({})).unwrap();
    assert_eq!(st, SiteStatus::default());
}

#[test]
fn error_body_both_spellings() {
    let a: ErrorBody = serde_json::from_value(json!({
        "request-identifier": "r-1", "status": 409, "message": "dup"
    }))
    .unwrap();
    let b: ErrorBody = serde_json::from_value(json!({
        "requestIdentifier": "r-1", "status": 409, "message": "dup",
        "errors": [{"field": "name", "message": "already used"}]
    }))
    .unwrap();
    assert_eq!(a.request_identifier.as_deref(), Some("r-1"));
    assert_eq!(b.request_identifier.as_deref(), Some("r-1"));
    assert_eq!(b.errors.len(), 1);
    assert_eq!(b.error_field().as_deref(), Some("name"));
    // Serialises with the reference's spelling.
    assert_eq!(
        serde_json::to_value(&b).unwrap()["request-identifier"],
        "r-1"
    );
}

#[test]
fn error_body_tolerates_odd_types() {
    let e: ErrorBody = serde_json::from_value(json!({
        "timestamp": "2024-01-01", "status": "bad", "message": null, "errors": null,
        "reasonPhrase": "Conflict"
    }))
    .unwrap();
    assert_eq!(e.timestamp, None);
    assert_eq!(e.status, None);
    assert!(e.errors.is_empty());
    assert_eq!(e.summary().as_deref(), Some("Conflict"));
    let e: ErrorBody = serde_json::from_value(json!({"errors": ["first problem"]})).unwrap();
    assert_eq!(e.summary().as_deref(), Some("first problem"));
}

#[test]
fn page_with_null_content_and_missing_counts() {
    let p: Page<Site> = serde_json::from_value(json!({"content": null})).unwrap();
    assert!(p.content.is_empty());
    assert!(!p.last);
    assert_eq!(p.total_pages, 0);
    let p: Page<Region> = serde_json::from_value(json!({})).unwrap();
    assert_eq!(p, Page::default());
}

#[test]
fn registration_keys_null_list_and_odd_dates() {
    let k: RegistrationKeys = serde_json::from_value(json!({"registration_keys": null})).unwrap();
    assert!(k.registration_keys.is_empty());
    let k: RegistrationKeys = serde_json::from_value(json!({
        "registration_keys": [{"id": "k", "expiration_date": null, "last_used": "never"}]
    }))
    .unwrap();
    assert!(k.registration_keys[0].expiration_date.is_none());
    assert!(k.registration_keys[0].last_used.is_none());
    assert_eq!(k.registration_keys[0].status, "");
}

#[test]
fn env_values() {
    let e: ConnectorEnvironment = serde_json::from_value(json!({
        "container_name": "c",
        "environment_variables": [
            {"name": "A", "value": "x"}, {"name": "B", "value": false},
            {"name": "C", "value": null}, {"name": "D", "value": 5}, {"name": "E"}
        ]
    }))
    .unwrap();
    let vals: Vec<String> = e
        .environment_variables
        .iter()
        .map(|v| v.value.to_env_string())
        .collect();
    assert_eq!(vals, ["x", "false", "", "5", ""]);
    let e: ConnectorEnvironment =
        serde_json::from_value(json!({"environment_variables": null})).unwrap();
    assert!(e.environment_variables.is_empty());
}

#[test]
fn new_site_leaves_out_unset_options_but_writes_booleans() {
    let v = serde_json::to_value(NewSite::named("Edge")).unwrap();
    assert_eq!(
        v,
        json!({"name": "Edge", "mute_health_notification": false, "authentication_mode": "connector"})
    );
    let v = serde_json::to_value(NewConnector::new("c", DeploymentType::Linux)).unwrap();
    assert_eq!(
        v,
        json!({"name": "c", "deployment_type": "linux", "send_logs": false, "enabled": true})
    );
    let _: Value = v;
}

// ------------------------------------------------------------ applications .. logs

#[test]
fn new_resources_decode_from_nulls_and_nothing() {
    // Every answer type accepts `{}` and all-null fields.
    let a: Application = serde_json::from_value(json!({
        "id": "a", "name": null, "type": null, "subType": null, "isVisible": null,
        "connectionSettings": null, "tcpTunnelSettings": null, "health": null
    }))
    .unwrap();
    assert!(a.is_visible && a.enabled && a.is_notification_enabled);
    assert_eq!(a.app_type.label(), "Unknown");
    assert_eq!(a.connection_settings, ConnectionSettings::default());
    let p: Policy = serde_json::from_value(json!({"validators": null, "applications": null,
        "directoryEntities": null, "timeSettingsType": null, "containers": null}))
    .unwrap();
    assert_eq!(p.time_settings_type, TimeSettingsType::Permanent);
    assert!(p.containers.is_none() && p.validators.is_empty());
    let _: Collection = serde_json::from_value(json!({})).unwrap();
    let _: RoleBinding = serde_json::from_value(json!({"role": null, "entity": null})).unwrap();
    let _: DnsGroup =
        serde_json::from_value(json!({"domainSuffixes": null, "servers": null})).unwrap();
    let _: DnsServer = serde_json::from_value(json!({})).unwrap();
    let _: IdentityProvider = serde_json::from_value(json!({})).unwrap();
    let _: User = serde_json::from_value(json!({"logins_count": null, "blocked": null})).unwrap();
    let _: Group = serde_json::from_value(json!({})).unwrap();
    let _: SshClient = serde_json::from_value(json!({"key_size": "2048"})).unwrap();
    let _: ScimUser = serde_json::from_value(json!({"name": null, "emails": null})).unwrap();
    let _: ScimGroup = serde_json::from_value(json!({"members": null})).unwrap();
    let _: CloudIntegration = serde_json::from_value(json!({"health": null})).unwrap();
    let r: LogSearchResult = serde_json::from_value(json!({"Hits": "3", "Logs": null})).unwrap();
    assert_eq!(r.hits, 3);
    let p: IdentityPage<User> = serde_json::from_value(json!({"content": null})).unwrap();
    assert!(p.content.is_empty());
    let s: ScimPage<ScimUser> = serde_json::from_value(json!({"Resources": null})).unwrap();
    assert!(s.content.is_empty());
}

#[test]
fn unknown_enum_values_of_new_resources_are_kept() {
    let a: Application = serde_json::from_value(json!({"type": "KUBERNETES",
        "subType": "HTTP_FUTURE", "health": {"status": "Degraded"}}))
    .unwrap();
    assert_eq!(a.app_type, ApplicationType::Other("KUBERNETES".into()));
    let v = serde_json::to_value(NewApplication::from(&a)).unwrap();
    assert_eq!(
        (v["type"].clone(), v["subType"].clone()),
        (json!("KUBERNETES"), json!("HTTP_FUTURE"))
    );
    assert_eq!(
        a.health.unwrap().status,
        ApplicationHealthStatus::Other("Degraded".into())
    );
    let b: RoleBinding = serde_json::from_value(json!({"role": {"roleType": "AuditViewer"},
        "collection": {"id": "c"}, "resource": {"collectionId": "c", "subjectType": "Tunnel"}}))
    .unwrap();
    assert_eq!(b.role.role_type, RoleType::Other("AuditViewer".into()));
    assert_eq!(
        b.collection.unwrap().id,
        "c",
        "lower-case `collection` accepted"
    );
    let r = b.resource.unwrap();
    assert_eq!(r.collection_id.as_deref(), Some("c"));
    assert_eq!(r.subject_type, SubjectType::Other("Tunnel".into()));
    let p: Policy = serde_json::from_value(json!({"type": "SESSION", "targetProtocol": "K8S",
        "timeSettingsType": "weekends"}))
    .unwrap();
    let v = serde_json::to_value(p.to_write()).unwrap();
    assert_eq!(v["type"], json!("SESSION"));
    assert_eq!(v["targetProtocol"], json!("K8S"));
    assert_eq!(v["timeSettingsType"], json!("weekends"));
    let s: DnsServer = serde_json::from_value(json!({"healthStatus": "Unavailable"})).unwrap();
    assert_eq!(s.health_status, DnsServerHealth::Unavailable);
}

#[test]
fn dns_lists_and_booleans_in_every_spelling() {
    for (suffixes, want) in [
        (json!(["a.com", "b.com"]), vec!["a.com", "b.com"]),
        (json!("[\"a.com\",\"b.com\"]"), vec!["a.com", "b.com"]),
        (json!(["[\"a.com\",\"b.com\"]"]), vec!["a.com", "b.com"]),
        (json!("a.com"), vec!["a.com"]),
        (json!(""), vec![]),
        (json!(null), vec![]),
    ] {
        let g: DnsGroup = serde_json::from_value(json!({"domainSuffixes": suffixes})).unwrap();
        assert_eq!(g.domain_suffixes, want);
    }
    for (flag, want) in [
        (json!(true), true),
        (json!("true"), true),
        (json!("false"), false),
        (json!(null), false),
    ] {
        let g: DnsGroup = serde_json::from_value(json!({"sendNotifications": flag})).unwrap();
        assert_eq!(g.send_notifications, want);
        let e: EnableDnsGroups = serde_json::from_value(json!({"enable": flag})).unwrap();
        assert_eq!(e.enable, want);
    }
}

#[test]
fn embedded_json_in_every_escaping() {
    use ztna_wire::lenient::decode_embedded_json;
    let want = json!({"id": 1, "name": "a \"b\""});
    for text in [
        r#"{"id":1,"name":"a \"b\""}"#,
        r#"{\"id\":1,\"name\":\"a \\\"b\\\"\"}"#,
        r#""{\"id\":1,\"name\":\"a \\\"b\\\"\"}""#,
        "{\\\"id\\\":1,\\\"name\\\":\\\"a \\\\\\\"b\\\\\\\"\\\"}\n",
    ] {
        assert_eq!(decode_embedded_json(text), Some(want.clone()), "{text}");
    }
    assert_eq!(
        decode_embedded_json(r#""{"name" :"username"}""#),
        Some(json!({"name": "username"}))
    );
    for junk in ["", "plain text", "42", "\"just a string\""] {
        assert_eq!(decode_embedded_json(junk), None, "{junk}");
    }
}

#[test]
fn bare_object_reads_as_a_list_of_one() {
    let one: OneOrMany<ActionType> = serde_json::from_value(json!({"id": "BLOCK"})).unwrap();
    assert_eq!(one.0.len(), 1);
    let none: OneOrMany<ActionType> = serde_json::from_value(json!(null)).unwrap();
    assert!(none.0.is_empty());
}
