//! Registration keys of site-mode sites.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::Api;

fn key_ids(list: &Value) -> Vec<String> {
    list["registration_keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn seeded_site_mode_sites_have_keys() {
    let api = Api::new().await;
    let mut with_keys = 0;
    for site in api.all_sites().await {
        if site["authentication_mode"] != "site" {
            continue;
        }
        let list = api
            .get(&format!(
                "/v2/sites/{}/registration_keys",
                site["id"].as_str().unwrap()
            ))
            .await;
        assert_eq!(list.status, StatusCode::OK);
        let keys = list.body["registration_keys"].as_array().unwrap();
        assert!(keys.len() <= 2);
        for key in keys {
            let mut fields: Vec<&str> = key
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            fields.sort_unstable();
            assert_eq!(
                fields,
                [
                    "date_created",
                    "expiration_date",
                    "id",
                    "last_used",
                    "status"
                ]
            );
            assert_eq!(key["status"], "active");
        }
        if !keys.is_empty() {
            with_keys += 1;
        }
    }
    assert!(with_keys >= 2, "{with_keys} site-mode sites with keys");
}

#[tokio::test]
async fn rotate_list_and_clean() {
    let api = Api::new().await;
    let created = api
        .post(
            "/v2/sites",
            json!({"name": "EKS Cluster", "authentication_mode": "site"}),
        )
        .await;
    let site_id = created.body["id"].as_str().unwrap().to_owned();
    let keys_path = format!("/v2/sites/{site_id}/registration_keys");
    let rotate_path = format!("{keys_path}/rotate");
    assert_eq!(key_ids(&api.get(&keys_path).await.body).len(), 0);

    let first = api
        .post(&rotate_path, json!({"revoke_immediately": false}))
        .await;
    assert_eq!(first.status, StatusCode::CREATED);
    let first_id = first.body["registration_key_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let secret = first.body["registration_key"].as_str().unwrap().to_owned();
    assert!(secret.len() >= 32);
    assert_eq!(
        key_ids(&api.get(&keys_path).await.body),
        std::slice::from_ref(&first_id)
    );

    // The key value is never listed.
    assert!(!api.get(&keys_path).await.body.to_string().contains(&secret));

    // Rotation keeps the previous key as the temporary one: at most two active.
    let second = api.post(&rotate_path, json!({})).await;
    let second_id = second.body["registration_key_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let listed = api.get(&keys_path).await.body;
    assert_eq!(key_ids(&listed), [second_id.clone(), first_id.clone()]);
    assert!(listed["registration_keys"][1]["expiration_date"].is_string());
    let third = api.post(&rotate_path, json!({})).await;
    let third_id = third.body["registration_key_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        key_ids(&api.get(&keys_path).await.body),
        [third_id.clone(), second_id]
    );

    // Revoking immediately leaves only the new key; an empty body means false.
    let fourth = send_empty_rotate(&api, &rotate_path).await;
    assert_eq!(key_ids(&api.get(&keys_path).await.body).len(), 2);
    let fifth = api
        .post(&rotate_path, json!({"revoke_immediately": true}))
        .await;
    let fifth_id = fifth.body["registration_key_id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(fourth, fifth_id);
    assert_eq!(key_ids(&api.get(&keys_path).await.body), [fifth_id]);

    let r = api.delete(&keys_path).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(key_ids(&api.get(&keys_path).await.body).is_empty());
}

async fn send_empty_rotate(api: &Api, path: &str) -> String {
    let r = crate::common::send(&api.router, Method::POST, path, Some(&api.bearer), None).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body["registration_key_id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn connector_mode_sites_have_no_keys() {
    let api = Api::new().await;
    let site_id = api.editor_site("Frankfurt Datacenter");
    let keys_path = format!("/v2/sites/{site_id}/registration_keys");
    api.get(&keys_path).await.assert_error(400);
    api.post(&format!("{keys_path}/rotate"), json!({}))
        .await
        .assert_error(400);
    api.delete(&keys_path).await.assert_error(400);
    api.get("/v2/sites/00000000-0000-4000-8000-000000000000/registration_keys")
        .await
        .assert_error(404);
    api.get("/v2/sites/bad/registration_keys")
        .await
        .assert_error(400);
}

#[tokio::test]
async fn container_registers_with_a_key() {
    let api = Api::new().await;
    let created = api
        .post(
            "/v2/sites",
            json!({"name": "AKS Cluster", "authentication_mode": "orchestrator", "region": "europe-west1"}),
        )
        .await;
    let site_id = created.body["id"].as_str().unwrap().to_owned();
    let rotated = api
        .post(
            &format!("/v2/sites/{site_id}/registration_keys/rotate"),
            json!({}),
        )
        .await;
    let key = rotated.body["registration_key"].as_str().unwrap();

    let control = format!("/_emulator/sites/{site_id}/connectors");
    api.control(
        Method::POST,
        &control,
        Some(json!({"registration_key": "wrong"})),
    )
    .await
    .assert_error(400);
    let r = api
        .control(
            Method::POST,
            &control,
            Some(json!({"registration_key": key})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.body["registered"], true);
    assert_eq!(r.body["otp"], Value::Null);
    assert_eq!(r.body["deployment_type"], "kubernetes");

    let site = api.get(&format!("/v2/sites/{site_id}")).await.body;
    assert_eq!(site["site_status"]["Status"], "online");
    let keys = api
        .get(&format!("/v2/sites/{site_id}/registration_keys"))
        .await
        .body;
    assert!(keys["registration_keys"][0]["last_used"].is_string());
}
