//! Sites: paging, sorting, filtering, validation, immutability, deletion rules.

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::Api;

fn names(page: &Value) -> Vec<String> {
    page["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn paging_envelope_and_default_sort_by_id() {
    let api = Api::new().await;
    let r = api.get("/v2/sites").await;
    assert_eq!(r.status, StatusCode::OK);
    let b = &r.body;
    assert_eq!(b["size"], 50);
    assert_eq!(b["totalElements"], 40);
    assert_eq!(b["totalPages"], 1);
    assert_eq!(b["number"], 0);
    assert_eq!(b["numberOfElements"], 40);
    assert_eq!(b["first"], true);
    assert_eq!(b["last"], true);
    let ids: Vec<&str> = b["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "default sort is id,asc");

    let p0 = api.get("/v2/sites?size=15&page=0").await.body;
    let p2 = api.get("/v2/sites?size=15&page=2").await.body;
    assert_eq!(
        (p0["first"].clone(), p0["last"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(p0["totalPages"], 3);
    assert_eq!(p2["numberOfElements"], 10);
    assert_eq!(
        (p2["first"].clone(), p2["last"].clone()),
        (json!(false), json!(true))
    );
    assert_eq!(p2["number"], 2);
    let beyond = api.get("/v2/sites?size=15&page=9").await.body;
    assert_eq!(beyond["numberOfElements"], 0);
}

#[tokio::test]
async fn sort_by_name_and_filter() {
    let api = Api::new().await;
    let asc = names(&api.get("/v2/sites?sort=name,asc&size=100").await.body);
    let desc = names(&api.get("/v2/sites?sort=name,desc&size=100").await.body);
    let mut expected = asc.clone();
    expected.sort_by_key(|n| n.to_lowercase());
    assert_eq!(asc, expected);
    let mut reversed = desc.clone();
    reversed.reverse();
    assert_eq!(asc, reversed);

    let london = names(&api.get("/v2/sites?filter=LONDON").await.body);
    assert_eq!(london, ["London Office"]);
    let none = api.get("/v2/sites?filter=zzzz-no-such-site").await.body;
    assert_eq!(none["totalElements"], 0);
    assert_eq!(none["content"], json!([]));
}

#[tokio::test]
async fn bad_list_parameters_are_400() {
    let api = Api::new().await;
    let m = api.get("/v2/sites?size=101").await;
    assert!(m.assert_error(400).contains("100"));
    api.get("/v2/sites?size=0").await.assert_error(400);
    api.get("/v2/sites?page=-1").await.assert_error(400);
    api.get("/v2/sites?sort=colour,asc").await.assert_error(400);
    api.get("/v2/connectors?size=500").await.assert_error(400);
}

#[tokio::test]
async fn create_site_defaults_and_shape() {
    let api = Api::new().await;
    let r = api.post("/v2/sites", json!({"name": "Oslo Office"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let site = &r.body;
    assert_eq!(site["name"], "Oslo Office");
    assert_eq!(site["region"], "us-west1", "default region");
    assert_eq!(site["authentication_mode"], "connector");
    assert_eq!(site["mute_health_notification"], false);
    assert_eq!(site["kubernetes_persistent_volume_name"], Value::Null);
    assert_eq!(site["connectors"], json!([]));
    assert_eq!(site["connector_objects"], json!([]));
    assert_eq!(site["application_ids"], json!([]));
    assert_eq!(
        site["site_status"],
        json!({
            "ConnectorsUp": null,
            "ConnectorsDown": null,
            "ConnectorsNotConfigured": null,
            "ConnectorsDisabled": null,
            "Status": "not-configured"
        })
    );
    assert!(site["countCollections"].is_i64());
    let id = site["id"].as_str().unwrap();
    let fetched = api.get(&format!("/v2/sites/{id}")).await;
    assert_eq!(fetched.body, r.body);

    // Every spelling of the mode is accepted and normalised.
    for (given, stored) in [
        ("Site", "site"),
        ("orchestrator", "site"),
        ("manual", "connector"),
    ] {
        let r = api
            .post(
                "/v2/sites",
                json!({"name": format!("Mode {given}"), "authentication_mode": given, "region": "europe-west1"}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED);
        assert_eq!(r.body["authentication_mode"], stored);
        assert_eq!(r.body["region"], "europe-west1");
    }
}

#[tokio::test]
async fn create_site_validation() {
    let api = Api::new().await;
    api.post("/v2/sites", json!({"name": "X"}))
        .await
        .assert_error(400);
    api.post("/v2/sites", json!({"name": "x".repeat(701)}))
        .await
        .assert_error(400);
    api.post("/v2/sites", json!({})).await.assert_error(400);
    api.post("/v2/sites", json!({"name": 12}))
        .await
        .assert_error(400);
    let dup = api
        .post("/v2/sites", json!({"name": "London Office"}))
        .await;
    let message = dup.assert_error(409);
    assert!(message.contains("name"), "{message}");
    let region = api
        .post(
            "/v2/sites",
            json!({"name": "Nowhere", "region": "mars-north1"}),
        )
        .await;
    assert!(region.assert_error(400).contains("mars-north1"));
    api.post(
        "/v2/sites",
        json!({"name": "Bad mode", "authentication_mode": "magic"}),
    )
    .await
    .assert_error(400);
    assert_eq!(api.all_sites().await.len(), 40, "nothing was created");
}

#[tokio::test]
async fn update_site_and_immutable_authentication_mode() {
    let api = Api::new().await;
    let id = api.editor_site("Toronto Lab");
    let path = format!("/v2/sites/{id}");
    let before = api.get(&path).await.body;

    let r = api
        .put(
            &path,
            json!({"name": "Toronto Lab 2", "mute_health_notification": true, "region": "us-east1", "authentication_mode": "connector"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["name"], "Toronto Lab 2");
    assert_eq!(r.body["mute_health_notification"], true);
    assert_eq!(r.body["region"], "us-east1");
    assert_eq!(r.body["connectors"], before["connectors"]);

    let r = api
        .put(
            &path,
            json!({"name": "Toronto Lab", "authentication_mode": "site"}),
        )
        .await;
    assert!(r.assert_error(400).contains("authentication_mode"));
    let r = api
        .put(
            &path,
            json!({"name": "Toronto Lab", "authentication_mode": "orchestrator"}),
        )
        .await;
    r.assert_error(400);
    assert_eq!(
        api.get(&path).await.body["authentication_mode"],
        "connector"
    );

    api.put(&path, json!({"name": "London Office"}))
        .await
        .assert_error(409);
    api.put(&path, json!({"name": "Toronto Lab", "region": "nowhere"}))
        .await
        .assert_error(400);
    api.put(&path, json!({"region": "us-east1"}))
        .await
        .assert_error(400);
    api.put(
        "/v2/sites/00000000-0000-4000-8000-000000000000",
        json!({"name": "Ghost"}),
    )
    .await
    .assert_error(404);
    let renamed = api.emulator.editor_sites();
    assert!(renamed
        .iter()
        .any(|(sid, name)| *sid == id && name == "Toronto Lab 2"));
}

#[tokio::test]
async fn delete_site_rules() {
    let api = Api::new().await;
    let id = api.editor_site("London Office");
    let path = format!("/v2/sites/{id}");
    let message = api.delete(&path).await.assert_error(400).to_owned();
    assert!(message.contains("connector"), "{message}");

    for connector in api.get(&path).await.body["connectors"].as_array().unwrap() {
        let r = api
            .delete(&format!("/v2/connectors/{}", connector.as_str().unwrap()))
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
    }
    let r = api.delete(&path).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.get(&path).await.assert_error(404);
    api.delete(&path).await.assert_error(404);
}

#[tokio::test]
async fn malformed_and_unknown_ids() {
    let api = Api::new().await;
    for path in [
        "/v2/sites/123",
        "/v2/sites/not-a-uuid/status",
        "/v2/connectors/zzz",
        "/v2/sites/6fd0a892-8b70-471a-9dd7-bf374b07451g",
    ] {
        let message = api.get(path).await.assert_error(400).to_owned();
        assert_eq!(
            message,
            "Invalid request parameters: Invalid ID format - failed to process request"
        );
    }
    api.delete("/v2/sites/abc").await.assert_error(400);
    let unknown = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
    api.get(&format!("/v2/sites/{unknown}"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/sites/{unknown}/status"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/connectors/{unknown}"))
        .await
        .assert_error(404);
    api.delete(&format!("/v2/connectors/{unknown}"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn site_status_matches_embedded_status() {
    let api = Api::new().await;
    for site in api.all_sites().await {
        let id = site["id"].as_str().unwrap();
        let status = api.get(&format!("/v2/sites/{id}/status")).await.body;
        assert_eq!(status["Status"], site["site_status"]["Status"]);
        for bucket in [
            "ConnectorsUp",
            "ConnectorsDown",
            "ConnectorsNotConfigured",
            "ConnectorsDisabled",
        ] {
            let ids = |v: &Value| -> Vec<String> {
                v.as_array()
                    .map(|a| {
                        a.iter()
                            .map(|x| x["Id"].as_str().unwrap().to_owned())
                            .collect()
                    })
                    .unwrap_or_default()
            };
            assert_eq!(ids(&status[bucket]), ids(&site["site_status"][bucket]));
            assert!(status[bucket].is_null() || !ids(&status[bucket]).is_empty());
        }
        // connectors == ids of connector_objects
        let listed: Vec<&Value> = site["connector_objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| &c["id"])
            .collect();
        let ids: Vec<&Value> = site["connectors"].as_array().unwrap().iter().collect();
        assert_eq!(listed, ids);
    }
}

#[tokio::test]
async fn regions() {
    let api = Api::new().await;
    let regions = api.get("/v2/regions").await.body;
    let regions = regions.as_array().unwrap();
    assert!(regions.len() >= 5);
    assert_eq!(
        regions.iter().filter(|r| r["is_default"] == true).count(),
        1
    );
    assert_eq!(regions[0], json!({"name": "us-west1", "is_default": true}));
    let r = api.get("/v2/regions/europe-west1").await;
    assert_eq!(r.body, json!({"name": "europe-west1", "is_default": false}));
    api.get("/v2/regions/mars-north1").await.assert_error(404);
}
