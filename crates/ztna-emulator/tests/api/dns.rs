//! DNS resiliency: groups, servers, priority order, enabling, and fail-over on health.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::Api;

const BASE: &str = "/v2/wss-integration-tenant/dns-groups";
const EXAMPLE_GROUP: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
const EXAMPLE_SERVER: &str = "0115deec-b583-4335-92f2-8269f0bfd493";
const EXAMPLE_SERVER_2: &str = "cf5780a0-4c72-45db-92c4-c7ce517f86e9";
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

fn decoded(v: &Value) -> Vec<String> {
    serde_json::from_str(v.as_str().expect("JSON-encoded string")).unwrap()
}

async fn new_group(api: &Api, name: &str) -> String {
    let r = api
        .post(
            BASE,
            json!({"name": name, "domainSuffixes": ["a.example.com"], "sendNotifications": true}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

async fn new_server(api: &Api, group: &str, name: &str, address: &str) -> String {
    let site = api.editor_site("London Office");
    let r = api
        .post(
            &format!("{BASE}/{group}/servers"),
            json!({"name": name, "internalAddress": address, "siteId": site, "groupId": group}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn create_group_accepts_every_encoding() {
    let api = Api::new().await;
    // The reference's example: an array holding a JSON-encoded array, a string boolean.
    let r = api
        .post(
            BASE,
            json!({"name": "group1", "domainSuffixes": ["[\"dns-group.com\",\"example.com\"]"], "sendNotifications": "true"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(
        decoded(&r.body["domainSuffixes"]),
        ["dns-group.com", "example.com"]
    );
    assert_eq!(r.body["sendNotifications"], "true");
    assert_eq!(decoded(&r.body["servers"]), Vec::<String>::new());
    // No servers yet: nothing answers.
    assert_eq!(r.body["status"], "UnAvailable");
    assert_eq!(r.body["serverInUsed"], Value::Null);

    // A JSON-encoded string and a plain boolean.
    let r = api
        .post(
            BASE,
            json!({"name": "group2", "domainSuffixes": "[\"b.com\"]", "sendNotifications": false}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(decoded(&r.body["domainSuffixes"]), ["b.com"]);
    assert_eq!(r.body["sendNotifications"], "false");

    // Documented errors: 400 for missing or bad fields, 409 for a taken name.
    api.post(
        BASE,
        json!({"domainSuffixes": ["x.com"], "sendNotifications": true}),
    )
    .await
    .assert_error(400);
    api.post(BASE, json!({"name": "g", "sendNotifications": true}))
        .await
        .assert_error(400);
    api.post(
        BASE,
        json!({"name": "g", "domainSuffixes": ["bad suffix"], "sendNotifications": true}),
    )
    .await
    .assert_error(400);
    api.post(
        BASE,
        json!({"name": "g", "domainSuffixes": ["x.com"], "sendNotifications": "maybe"}),
    )
    .await
    .assert_error(400);
    api.post(
        BASE,
        json!({"name": "group1", "domainSuffixes": ["x.com"], "sendNotifications": true}),
    )
    .await
    .assert_error(409);
}

#[tokio::test]
async fn list_get_update_delete_groups() {
    let api = Api::new().await;
    let r = api.get(&format!("{BASE}?size=100")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["totalElements"], 6);
    let r = api
        .get(&format!("{BASE}?sort=name,desc&size=10&page=0&filter=test"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["content"][0]["name"], "Staging & Test DNS");
    api.get(&format!("{BASE}?size=101")).await.assert_error(400);

    let r = api.get(&format!("{BASE}/{EXAMPLE_GROUP}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["name"], "DNS Group 1");
    assert_eq!(r.body["status"], "Available");
    assert_eq!(
        decoded(&r.body["servers"]),
        [EXAMPLE_SERVER, EXAMPLE_SERVER_2]
    );
    assert_eq!(r.body["serverInUsed"], EXAMPLE_SERVER);
    assert_eq!(r.body["activeServerAddress"], "1.1.1.1");
    api.get(&format!("{BASE}/{{dnsGroupId}}"))
        .await
        .assert_error(400);
    api.get(&format!("{BASE}/{UNKNOWN}"))
        .await
        .assert_error(404);

    let r = api
        .put(
            &format!("{BASE}/{EXAMPLE_GROUP}"),
            json!({"name": "Renamed", "domainSuffixes": "[\"c.com\"]", "sendNotifications": "false"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["name"], "Renamed");
    assert_eq!(r.body["sendNotifications"], "false");
    assert_eq!(
        decoded(&r.body["servers"]),
        [EXAMPLE_SERVER, EXAMPLE_SERVER_2]
    );
    // PUT requires the documented required fields.
    api.put(&format!("{BASE}/{EXAMPLE_GROUP}"), json!({"name": "x"}))
        .await
        .assert_error(400);
    api.put(
        &format!("{BASE}/{UNKNOWN}"),
        json!({"name": "x", "domainSuffixes": ["a.com"], "sendNotifications": true}),
    )
    .await
    .assert_error(404);

    let r = api.delete(&format!("{BASE}/{EXAMPLE_GROUP}")).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.get(&format!("{BASE}/{EXAMPLE_GROUP}"))
        .await
        .assert_error(404);
    // Its servers went with it.
    api.get(&format!(
        "{BASE}/{EXAMPLE_GROUP}/servers/{EXAMPLE_SERVER_2}"
    ))
    .await
    .assert_error(404);
    api.delete(&format!("{BASE}/{EXAMPLE_GROUP}"))
        .await
        .assert_error(404);
    api.delete(&format!("{BASE}/{{dnsGroupId}}"))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn servers_crud() {
    let api = Api::new().await;
    let group = new_group(&api, "Servers").await;
    let a = new_server(&api, &group, "ns1", "10.1.0.53").await;
    let r = api.get(&format!("{BASE}/{group}/servers/{a}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["healthStatus"], "Available");
    assert_eq!(r.body["groupId"], group.as_str());
    assert!(r.body["createdAt"].as_str().unwrap().ends_with('Z'));

    // The trailing-slash form of the reference's example works too.
    let r = api.get(&format!("{BASE}/{group}/servers/")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.as_array().unwrap().len(), 1);

    let site = api.editor_site("Toronto Lab");
    let body = |name: &str, address: &str, site: &str| json!({"name": name, "internalAddress": address, "siteId": site, "groupId": group});
    let servers = format!("{BASE}/{group}/servers");
    // 400: bad address, unknown site, malformed site id, another group in the body.
    api.post(&servers, body("ns2", "not-an-ip", &site))
        .await
        .assert_error(400);
    api.post(&servers, body("ns2", "10.1.0.54", UNKNOWN))
        .await
        .assert_error(400);
    api.post(&servers, body("ns2", "10.1.0.54", "nope"))
        .await
        .assert_error(400);
    api.post(
        &servers,
        json!({"name": "ns2", "internalAddress": "10.1.0.54", "siteId": site, "groupId": UNKNOWN}),
    )
    .await
    .assert_error(400);
    api.post(&servers, json!({"name": "ns2"}))
        .await
        .assert_error(400);
    // 409: name or address taken in the group.
    api.post(&servers, body("ns1", "10.1.0.54", &site))
        .await
        .assert_error(409);
    api.post(&servers, body("ns2", "10.1.0.53", &site))
        .await
        .assert_error(409);
    // 404: unknown group.
    api.post(
        &format!("{BASE}/{UNKNOWN}/servers"),
        body("ns2", "10.1.0.54", &site),
    )
    .await
    .assert_error(404);

    let r = api
        .put(
            &format!("{servers}/{a}"),
            body("ns1-renamed", "10.1.0.60", &site),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["internalAddress"], "10.1.0.60");
    assert_eq!(r.body["siteId"], site.as_str());
    api.put(
        &format!("{servers}/{UNKNOWN}"),
        body("x", "10.1.0.61", &site),
    )
    .await
    .assert_error(404);
    api.get(&format!("{servers}/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.get(&format!("{servers}/bad-id"))
        .await
        .assert_error(400);

    let b = new_server(&api, &group, "ns2", "10.1.0.54").await;
    let c = new_server(&api, &group, "ns3", "10.1.0.55").await;
    // Delete by ids: all or nothing.
    let delete = format!("{servers}/delete-by-ids");
    api.post(&delete, json!({"DnsServerIds": [a, UNKNOWN]}))
        .await
        .assert_error(404);
    api.post(&delete, json!({"DnsServerIds": ["bad"]}))
        .await
        .assert_error(400);
    api.post(&delete, json!({})).await.assert_error(400);
    let r = api.post(&delete, json!({"DnsServerIds": [a, c]})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = api.get(&format!("{BASE}/{group}")).await;
    assert_eq!(decoded(&r.body["servers"]), [b]);
    api.get(&format!("{servers}/{a}")).await.assert_error(404);
}

async fn active(api: &Api, group: &str) -> (Option<String>, Option<String>, String) {
    let r = api.get(&format!("{BASE}/{group}")).await;
    (
        r.body["serverInUsed"].as_str().map(str::to_owned),
        r.body["activeServerAddress"].as_str().map(str::to_owned),
        r.body["status"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn active_server_follows_order_and_health() {
    let api = Api::new().await;
    let group = new_group(&api, "Failover").await;
    let a = new_server(&api, &group, "primary", "10.2.0.1").await;
    let b = new_server(&api, &group, "secondary", "10.2.0.2").await;
    let c = new_server(&api, &group, "tertiary", "10.2.0.3").await;
    assert_eq!(active(&api, &group).await.0.as_deref(), Some(a.as_str()));

    // New order: c first.
    let order = format!("{BASE}/{group}/server-order");
    let r = api.put(&order, json!({"DnsServerIds": [c, a, b]})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(active(&api, &group).await.1.as_deref(), Some("10.2.0.3"));
    let r = api.get(&format!("{BASE}/{group}/servers")).await;
    let names: Vec<&str> = r
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["tertiary", "primary", "secondary"]);
    // The order must name every server exactly once.
    api.put(&order, json!({"DnsServerIds": [c, a]}))
        .await
        .assert_error(400);
    api.put(&order, json!({"DnsServerIds": [c, a, a]}))
        .await
        .assert_error(400);
    api.put(&order, json!({"DnsServerIds": [c, a, UNKNOWN]}))
        .await
        .assert_error(404);
    api.put(
        &format!("{BASE}/{UNKNOWN}/server-order"),
        json!({"DnsServerIds": [c]}),
    )
    .await
    .assert_error(404);
    // The order may also come as a JSON-encoded string.
    let encoded = serde_json::to_string(&[&c, &a, &b]).unwrap();
    let r = api.put(&order, json!({"DnsServerIds": encoded})).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);

    // c goes down: a (next in order) answers; then a too: b.
    let health = |id: &str| format!("/_emulator/dns/servers/{id}/health");
    let r = api
        .control(Method::POST, &health(&c), Some(json!({"healthy": false})))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["group"]["serverInUsed"], a.as_str());
    let r = api.get(&format!("{BASE}/{group}/servers/{c}")).await;
    assert_eq!(r.body["healthStatus"], "UnAvailable");
    api.control(Method::POST, &health(&a), Some(json!({"healthy": false})))
        .await;
    assert_eq!(
        active(&api, &group).await,
        (Some(b.clone()), Some("10.2.0.2".into()), "Available".into())
    );
    // All down: nothing answers.
    api.control(Method::POST, &health(&b), Some(json!({"healthy": "false"})))
        .await;
    assert_eq!(
        active(&api, &group).await,
        (None, None, "UnAvailable".into())
    );
    // c is back and first in order.
    api.control(Method::POST, &health(&c), Some(json!({"healthy": true})))
        .await;
    assert_eq!(active(&api, &group).await.0.as_deref(), Some(c.as_str()));
    // Control errors.
    api.control(
        Method::POST,
        &health(UNKNOWN),
        Some(json!({"healthy": true})),
    )
    .await
    .assert_error(404);
    api.control(Method::POST, &health(&c), Some(json!({})))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn enable_and_disable_groups() {
    let api = Api::new().await;
    let a = new_group(&api, "Enable A").await;
    let b = new_group(&api, "Enable B").await;
    new_server(&api, &a, "ns", "10.3.0.1").await;
    let enable = format!("{BASE}/enable-by-ids");
    // The reference's example shape: a string boolean and an array of a JSON-encoded array.
    let encoded = serde_json::to_string(&[&a, &b]).unwrap();
    let r = api
        .post(&enable, json!({"enable": "false", "groupIds": [encoded]}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.get(&format!("{BASE}/{a}")).await.body["status"],
        "Disabled"
    );
    assert_eq!(
        api.get(&format!("{BASE}/{b}")).await.body["status"],
        "Disabled"
    );
    let r = api
        .post(&enable, json!({"enable": true, "groupIds": [a]}))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        api.get(&format!("{BASE}/{a}")).await.body["status"],
        "Available"
    );
    // All or nothing.
    api.post(&enable, json!({"enable": true, "groupIds": [b, UNKNOWN]}))
        .await
        .assert_error(404);
    assert_eq!(
        api.get(&format!("{BASE}/{b}")).await.body["status"],
        "Disabled"
    );
    api.post(&enable, json!({"enable": true, "groupIds": ["not-an-id"]}))
        .await
        .assert_error(400);
    api.post(&enable, json!({"groupIds": [a]}))
        .await
        .assert_error(400);
    api.post(&enable, json!({"enable": true}))
        .await
        .assert_error(400);
}
