//! Helpers of the applications, policies, collections and role-binding tests.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{examples_config, send, Api, Resp};

pub const ROOT_COLLECTION: &str = "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59";
pub const EXAMPLE_ID: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
pub const EXAMPLE_POLICY: &str = "6fd0a531-6b70-471a-9dd7-bf374b07814f";
pub const TEST_SITE: &str = "3c536623-4763-4f67-a45a-e88f3d08cdd5";
pub const UNKNOWN: &str = "0b0e5c9e-1f1e-4c3a-9d61-6a1f0c0ffee0";

/// A tenant with the reference's example objects.
pub async fn examples() -> Api {
    Api::with(examples_config()).await
}

/// Every item of a paged list (`path` may carry a query already).
pub async fn all(api: &Api, path: &str) -> Vec<Value> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let mut out = Vec::new();
    for page in 0.. {
        let r = api.get(&format!("{path}{sep}size=100&page={page}")).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
        out.extend(r.body["content"].as_array().unwrap().iter().cloned());
        if r.body["last"] == true {
            break;
        }
    }
    out
}

/// DELETE with a JSON body (the by-app-id removal carries one).
pub async fn delete_json(api: &Api, path: &str, body: Value) -> Resp {
    send(
        &api.router,
        Method::DELETE,
        path,
        Some(&api.bearer),
        Some(body),
    )
    .await
}

pub fn str_set(values: &[Value], key: &str) -> BTreeSet<String> {
    values
        .iter()
        .map(|v| v[key].as_str().unwrap().to_owned())
        .collect()
}

pub fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// A minimal valid SSH application body.
pub fn ssh_app(name: &str) -> Value {
    json!({
        "name": name,
        "type": "SSH",
        "connectionSettings": {"internalAddress": "tcp://10.1.2.3:22"}
    })
}

/// Creates a collection and returns its id.
pub async fn new_collection(api: &Api, name: &str) -> String {
    let r = api.post("/v2/collection", json!({"name": name})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

/// A site with at least one connector up, and one without any connector.
pub async fn sites_by_health(api: &Api) -> (String, String) {
    let sites = api.all_sites().await;
    let up = sites
        .iter()
        .find(|s| s["site_status"]["ConnectorsUp"].is_array())
        .unwrap();
    let empty = sites.iter().find(|s| s["connectors"] == json!([])).unwrap();
    (
        up["id"].as_str().unwrap().to_owned(),
        empty["id"].as_str().unwrap().to_owned(),
    )
}

/// Percent-encodes everything but ASCII letters and digits, for query values and path ids.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
