//! Connectors: creation, OTP lifecycle, registration, health, command and environment.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::common::Api;

fn parse_date(v: &Value) -> OffsetDateTime {
    OffsetDateTime::parse(v.as_str().unwrap(), &Rfc3339).unwrap()
}

fn bucket_ids(status: &Value, bucket: &str) -> Vec<String> {
    status[bucket]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| x["Id"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

const CONNECTOR_KEYS: [&str; 19] = [
    "connector_status",
    "date_created",
    "date_otp_expire",
    "date_registered",
    "deployment_type",
    "enabled",
    "external_ip",
    "geo_location",
    "hostname",
    "id",
    "internal_ip",
    "kubernetes_persistent_volume_name",
    "name",
    "otp",
    "registered",
    "send_logs",
    "update_status",
    "update_status_info",
    "version",
];

#[tokio::test]
async fn create_connector_then_register_via_control() {
    let api = Api::new().await;
    let site_id = api.editor_site("Frankfurt Datacenter");
    let r = api
        .post(
            &format!("/v2/connectors?bind_to_site_id={site_id}"),
            json!({"name": "fra-new-1", "deployment_type": "docker-compose"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let c = r.body.clone();
    let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, CONNECTOR_KEYS);
    assert_eq!(c["registered"], false);
    assert_eq!(c["enabled"], true);
    assert_eq!(c["send_logs"], false);
    assert_eq!(c["connector_status"], "StatusUndefined");
    assert_eq!(c["deployment_type"], "docker-compose");
    let otp = c["otp"].as_str().unwrap().to_owned();
    assert!(uuid::Uuid::parse_str(&otp).is_ok());
    let created = parse_date(&c["date_created"]);
    let expires = parse_date(&c["date_otp_expire"]);
    assert_eq!(expires - created, time::Duration::hours(24));
    assert!(expires > OffsetDateTime::now_utc());
    let id = c["id"].as_str().unwrap().to_owned();

    // The site now lists it, not configured.
    let site = api.get(&format!("/v2/sites/{site_id}")).await.body;
    assert!(site["connectors"].as_array().unwrap().contains(&json!(id)));
    assert!(bucket_ids(&site["site_status"], "ConnectorsNotConfigured").contains(&id));
    let never = site["site_status"]["ConnectorsNotConfigured"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["Id"] == id.as_str())
        .unwrap()["last_seen"]
        .clone();
    assert_eq!(never, "1901-01-01T00:00:00.000Z");

    // Command and environment carry the OTP until registration.
    let command = api.get(&format!("/v2/connectors/{id}/command")).await.body;
    assert!(command["deployment_commands"]
        .as_str()
        .unwrap()
        .contains(&otp));
    let env = api
        .get(&format!("/v2/connectors/{id}/environment_variables"))
        .await
        .body;
    assert_eq!(env["container_name"], "fra-new-1");
    let otp_var = env["environment_variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "OTP")
        .unwrap();
    assert_eq!(otp_var["value"], otp.as_str());

    // Register through the control route.
    let r = api
        .control(
            Method::POST,
            &format!("/_emulator/connectors/{id}/register"),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let c = api.get(&format!("/v2/connectors/{id}")).await.body;
    assert_eq!(c["otp"], Value::Null);
    assert_eq!(c["registered"], true);
    assert_eq!(c["connector_status"], "StatusReady");
    assert_eq!(c["version"], "2.5.8+1021");
    assert!(c["hostname"].is_string());
    assert!(c["internal_ip"].as_str().unwrap().starts_with("10."));
    assert!(c["geo_location"].as_str().unwrap().contains("Frankfurt"));

    let status = api.get(&format!("/v2/sites/{site_id}/status")).await.body;
    assert!(bucket_ids(&status, "ConnectorsUp").contains(&id));
    assert!(!bucket_ids(&status, "ConnectorsNotConfigured").contains(&id));
    assert_eq!(status["Status"], "online");

    let command = api.get(&format!("/v2/connectors/{id}/command")).await.body;
    let command = command["deployment_commands"].as_str().unwrap();
    assert!(!command.contains(&otp) && !command.contains("OTP"));
    let env = api
        .get(&format!("/v2/connectors/{id}/environment_variables"))
        .await
        .body;
    let otp_var = env["environment_variables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "OTP")
        .unwrap();
    assert_eq!(otp_var["value"], Value::Null);

    // Health flips move it between buckets.
    let r = api
        .control(
            Method::POST,
            &format!("/_emulator/connectors/{id}/health"),
            Some(json!({"up": false})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let status = api.get(&format!("/v2/sites/{site_id}/status")).await.body;
    assert!(bucket_ids(&status, "ConnectorsDown").contains(&id));
    api.emulator.set_connector_health(&id, true).unwrap();
    let status = api.get(&format!("/v2/sites/{site_id}/status")).await.body;
    assert!(bucket_ids(&status, "ConnectorsUp").contains(&id));
}

#[tokio::test]
async fn site_status_follows_connector_health() {
    let api = Api::new().await;
    let r = api.post("/v2/sites", json!({"name": "Status Lab"})).await;
    let site_id = r.body["id"].as_str().unwrap().to_owned();
    let create = |name: &'static str| {
        let api = &api;
        let site_id = site_id.clone();
        async move {
            api.post(
                &format!("/v2/connectors?bind_to_site_id={site_id}"),
                json!({"name": name, "deployment_type": "linux"}),
            )
            .await
            .body["id"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let a = create("status-a").await;
    let status_of =
        || async { api.get(&format!("/v2/sites/{site_id}/status")).await.body["Status"].clone() };
    assert_eq!(status_of().await, "not-configured");
    api.emulator.register_connector(&a).unwrap();
    assert_eq!(status_of().await, "online");
    api.emulator.set_connector_health(&a, false).unwrap();
    assert_eq!(status_of().await, "offline");

    // Health of an unregistered connector cannot be set.
    let b = create("status-b").await;
    let r = api
        .control(
            Method::POST,
            &format!("/_emulator/connectors/{b}/health"),
            Some(json!({"up": true})),
        )
        .await;
    r.assert_error(400);
    assert!(api.emulator.set_connector_health("nope", true).is_err());
}

#[tokio::test]
async fn create_connector_validation() {
    let api = Api::new().await;
    let site_id = api.editor_site("London Office");
    let path = format!("/v2/connectors?bind_to_site_id={site_id}");
    api.post(&path, json!({"deployment_type": "linux"}))
        .await
        .assert_error(400);
    api.post(&path, json!({"name": "x", "deployment_type": "solaris"}))
        .await
        .assert_error(400);
    api.post(&path, json!({"name": "x"}))
        .await
        .assert_error(400);
    api.post(
        "/v2/connectors",
        json!({"name": "x", "deployment_type": "linux"}),
    )
    .await
    .assert_error(400);
    api.post(
        "/v2/connectors?bind_to_site_id=nope",
        json!({"name": "x", "deployment_type": "linux"}),
    )
    .await
    .assert_error(400);
    api.post(
        "/v2/connectors?bind_to_site_id=00000000-0000-4000-8000-000000000000",
        json!({"name": "x", "deployment_type": "linux"}),
    )
    .await
    .assert_error(404);
    let first = api
        .post(&path, json!({"name": "dup", "deployment_type": "windows"}))
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    api.post(&path, json!({"name": "dup", "deployment_type": "windows"}))
        .await
        .assert_error(409);
}

#[tokio::test]
async fn create_connector_refused_for_site_mode_site() {
    let api = Api::new().await;
    let site = api.site_in_mode("site").await;
    let r = api
        .post(
            &format!(
                "/v2/connectors?bind_to_site_id={}",
                site["id"].as_str().unwrap()
            ),
            json!({"name": "not-allowed", "deployment_type": "kubernetes"}),
        )
        .await;
    let message = r.assert_error(400);
    assert!(message.contains("site"), "{message}");
}

#[tokio::test]
async fn commands_per_deployment_type() {
    let api = Api::new().await;
    let site_id = api.editor_site("Toronto Lab");
    for (kind, marker) in [
        ("linux", "sudo docker run"),
        ("windows", "docker run"),
        ("docker-compose", "docker compose up"),
        ("kubernetes", "helm upgrade --install"),
    ] {
        let r = api
            .post(
                &format!("/v2/connectors?bind_to_site_id={site_id}"),
                json!({"name": format!("cmd-{kind}"), "deployment_type": kind, "kubernetes_persistent_volume_name": "pv-test"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        let otp = r.body["otp"].as_str().unwrap().to_owned();
        let id = r.body["id"].as_str().unwrap();
        let command = api.get(&format!("/v2/connectors/{id}/command")).await.body;
        let command = command["deployment_commands"].as_str().unwrap();
        assert!(command.contains(marker), "{kind}: {command}");
        assert!(command.contains(&otp));
        assert!(command.contains("acme.luminatesec.com"));
        assert!(command.contains("2.5.8"));
        let env = api
            .get(&format!("/v2/connectors/{id}/environment_variables"))
            .await
            .body;
        let vars = env["environment_variables"].as_array().unwrap();
        let value = |name: &str| vars.iter().find(|v| v["name"] == name).unwrap()["value"].clone();
        assert_eq!(value("HTTPS_SKIP_CERT_VERIFY"), true);
        assert_eq!(value("DISABLE_ERROR_TRACKER"), true);
        assert_eq!(value("ENDPOINT_URL"), "acme.luminatesec.com");
        assert!(value("TENANT_IDENTIFIER")
            .as_str()
            .unwrap()
            .ends_with("_acme"));
    }
}

#[tokio::test]
async fn version_route_is_not_an_id() {
    let api = Api::new().await;
    let r = api.get("/v2/connectors/version").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, json!({"connector_version": "2.5.8"}));
}

#[tokio::test]
async fn connector_list_paging_sort_filter() {
    let api = Api::new().await;
    let page = api.get("/v2/connectors").await.body;
    assert_eq!(page["totalElements"], 120);
    assert_eq!(page["size"], 50);
    assert_eq!(page["totalPages"], 3);
    let named = api
        .get("/v2/connectors?sort=name,desc&size=100&filter=frankfurt-datacenter")
        .await
        .body;
    let names: Vec<&str> = named["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Frankfurt-Datacenter-Connector-3",
            "Frankfurt-Datacenter-Connector-2",
            "Frankfurt-Datacenter-Connector-1"
        ]
    );
}

#[tokio::test]
async fn delete_connector() {
    let api = Api::new().await;
    let site_id = api.editor_site("Frankfurt Datacenter");
    let site = api.get(&format!("/v2/sites/{site_id}")).await.body;
    let id = site["connectors"][0].as_str().unwrap().to_owned();
    let r = api.delete(&format!("/v2/connectors/{id}")).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.get(&format!("/v2/connectors/{id}"))
        .await
        .assert_error(404);
    let site = api.get(&format!("/v2/sites/{site_id}")).await.body;
    assert!(!site["connectors"].as_array().unwrap().contains(&json!(id)));
    assert_eq!(api.get("/v2/connectors").await.body["totalElements"], 119);
}
