//! SSH clients and cloud integrations.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::json;

use crate::common::Api;

const EU: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
const US: &str = "18837193-a81a-400f-b38d-482379e3ab47";
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";
const INTEGRATIONS: &str = "/v2/cloud-integrations/integrations";

#[tokio::test]
async fn ssh_clients_list_pages_sorts_and_filters() {
    let api = Api::new().await;
    let mut seen = Vec::new();
    for page in 0..10 {
        let r = api
            .get(&format!("/v2/ssh-clients?size=7&page={page}"))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        seen.extend(
            r.body["content"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_owned()),
        );
        if r.body["last"] == true {
            assert_eq!(r.body["totalElements"], 20);
            break;
        }
    }
    assert_eq!(seen.iter().collect::<BTreeSet<_>>().len(), 20);

    // The reference's example, `sort=undefined` included.
    let r = api
        .get("/v2/ssh-clients?sort=undefined&size=10&page=0&filter=test")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["content"][0]["name"], "qa-test-runner");
    let r = api.get("/v2/ssh-clients?filter=our%20production").await;
    let example = &r.body["content"][0];
    assert_eq!(example["id"], "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59");
    assert_eq!(example["name"], "mysshclient");
    assert!(example["key_size"] == 2048 || example["key_size"] == 4096);

    let r = api.get("/v2/ssh-clients?sort=expires,desc&size=100").await;
    let expires: Vec<&str> = r.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["expires"].as_str().unwrap())
        .collect();
    let mut sorted = expires.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(expires, sorted);
    api.get("/v2/ssh-clients?sort=color")
        .await
        .assert_error(400);
    api.get("/v2/ssh-clients?size=101").await.assert_error(400);
}

#[tokio::test]
async fn cloud_integrations_crud() {
    let api = Api::new().await;
    let r = api.get(INTEGRATIONS).await;
    assert_eq!(r.status, StatusCode::OK);
    let list = r.body.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], EU);
    assert_eq!(list[0]["name"], "AWS EU Integration");
    assert_eq!(list[0]["health"]["status"], "Ready");
    assert_eq!(list[1]["health"]["status"], "Error");
    assert_eq!(
        list[1]["health"]["error"]["provider_err_code"],
        "AccessDenied"
    );

    let r = api.get(&format!("{INTEGRATIONS}/{US}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["provider"], "amazon");
    api.get(&format!("{INTEGRATIONS}/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.get(&format!("{INTEGRATIONS}/not-an-id"))
        .await
        .assert_error(400);

    // Create: pending until a role is set; the tenant picks the external id.
    let r = api
        .post(
            INTEGRATIONS,
            json!({"name": "AWS Lab", "provider": "amazon", "regions": ["eu-west-2"]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(r.body["health"]["status"], "Pending");
    assert_eq!(r.body["hostname_tag_name"], "Name");
    assert_eq!(r.body["aws_external_id"].as_str().unwrap().len(), 20);
    api.post(INTEGRATIONS, json!({"name": "aws lab"}))
        .await
        .assert_error(409);
    api.post(INTEGRATIONS, json!({"provider": "amazon"}))
        .await
        .assert_error(400);
    api.post(INTEGRATIONS, json!({"name": "GCP", "provider": "google"}))
        .await
        .assert_error(400);

    // Update: a real role makes it ready; regions kept when left out.
    let path = format!("{INTEGRATIONS}/{id}");
    let r = api
        .put(
            &path,
            json!({"name": "AWS Lab", "provider": "amazon", "aws_role_arn": "arn:aws:iam::123456789012:role/ztna"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["health"]["status"], "Ready");
    assert_eq!(r.body["regions"], json!(["eu-west-2"]));
    api.put(&path, json!({"name": "AWS Lab", "provider": "amazon"}))
        .await
        .assert_error(400);
    api.put(
        &path,
        json!({"name": "AWS Lab", "provider": "amazon", "aws_role_arn": "role"}),
    )
    .await
    .assert_error(400);
    api.put(
        &path,
        json!({"name": "AWS EU Integration", "provider": "amazon", "aws_role_arn": "arn:aws:iam::123456789012:role/x"}),
    )
    .await
    .assert_error(409);
    api.put(
        &format!("{INTEGRATIONS}/{UNKNOWN}"),
        json!({"name": "Z", "provider": "amazon", "aws_role_arn": "arn:aws:iam::123456789012:role/x"}),
    )
    .await
    .assert_error(404);

    assert_eq!(api.delete(&path).await.status, StatusCode::NO_CONTENT);
    api.get(&path).await.assert_error(404);
    api.delete(&path).await.assert_error(404);
    api.delete(&format!("{INTEGRATIONS}/bad"))
        .await
        .assert_error(400);
}
