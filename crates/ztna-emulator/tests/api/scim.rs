//! SCIM users and groups of the Generic SAML provider.

use std::collections::BTreeSet;

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use crate::common::{send, Api, Resp};

const SAML: &str = "a5ea5f01-f73c-427f-b3b6-da66433e7694";
const OKTA: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
const USER3: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const USER4: &str = "99116c18-d842-4d2e-82b7-a493cc86e649";
const GROUP: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

fn users() -> String {
    format!("/v2/identities/{SAML}/scim/users")
}

fn groups() -> String {
    format!("/v2/identities/{SAML}/scim/groups")
}

fn user_body(name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "name": {"givenName": "Rosalind", "familyName": "Franklin"},
        "emails": [{"value": format!("{name}@partner.com"), "primary": true}],
        "userName": name,
        "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
        "displayName": "Rosalind Franklin",
        "targetWorkstations": ["ws-17.corp.acme.com"]
    })
}

async fn patch(api: &Api, path: &str, body: Value) -> Resp {
    send(
        &api.router,
        Method::PATCH,
        path,
        Some(&api.bearer),
        Some(body),
    )
    .await
}

fn member_ids(group: &Value) -> BTreeSet<String> {
    group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn scim_users_crud() {
    let api = Api::new().await;
    let r = api.post(&users(), user_body("rfranklin")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(
        r.body["schemas"][0],
        "urn:ietf:params:scim:schemas:core:2.0:User"
    );
    assert_eq!(r.body["name"]["familyName"], "Franklin");
    assert_eq!(r.body["targetWorkstations"][0], "ws-17.corp.acme.com");
    // The same person through the identities API.
    let r = api.get(&format!("/v2/identities/{SAML}/users/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["email"], "rfranklin@partner.com");
    assert_eq!(r.body["repository_type"], "generic-saml");

    // Documented errors: 409 on a taken userName, 400 on missing required properties.
    api.post(&users(), user_body("rfranklin"))
        .await
        .assert_error(409);
    api.post(&users(), user_body("user3"))
        .await
        .assert_error(409);
    let mut no_name = user_body("x1");
    no_name.as_object_mut().unwrap().remove("name");
    api.post(&users(), no_name).await.assert_error(400);
    let mut no_emails = user_body("x2");
    no_emails["emails"] = json!([]);
    api.post(&users(), no_emails).await.assert_error(400);
    let mut no_user_name = user_body("x3");
    no_user_name.as_object_mut().unwrap().remove("userName");
    api.post(&users(), no_user_name).await.assert_error(400);
    // SCIM only exists for Generic SAML providers.
    api.post(
        &format!("/v2/identities/{OKTA}/scim/users"),
        user_body("x4"),
    )
    .await
    .assert_error(400);

    let r = api.get(&format!("{}/{USER3}", users())).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["userName"], "user3");
    assert_eq!(r.body["externalId"], "3c536623-4763-4f67-a45a-e88f3d08cdd5");
    api.get(&format!("{}/{UNKNOWN}", users()))
        .await
        .assert_error(404);
    api.get(&format!("{}/not-a-uuid", users()))
        .await
        .assert_error(400);

    let mut update = user_body("rosalind");
    update["name"]["givenName"] = json!("Rosie");
    let r = api.put(&format!("{}/{id}", users()), update).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["userName"], "rosalind");
    assert_eq!(r.body["name"]["givenName"], "Rosie");
    api.put(&format!("{}/{id}", users()), user_body("user3"))
        .await
        .assert_error(409);
    api.put(&format!("{}/{UNKNOWN}", users()), user_body("zz"))
        .await
        .assert_error(404);

    assert_eq!(
        api.delete(&format!("{}/{id}", users())).await.status,
        StatusCode::NO_CONTENT
    );
    api.get(&format!("{}/{id}", users()))
        .await
        .assert_error(404);
    api.delete(&format!("{}/{id}", users()))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn scim_lists_page_with_start_index() {
    let api = Api::new().await;
    let mut seen = Vec::new();
    let mut start = 1;
    let total = loop {
        let r = api
            .get(&format!("{}?startIndex={start}&count=30", users()))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            r.body["schemas"][0],
            "urn:ietf:params:scim:api:messages:2.0:ListResponse"
        );
        assert_eq!(r.body["startIndex"], start);
        let content = r.body["content"].as_array().unwrap();
        assert_eq!(r.body["itemsPerPage"], content.len());
        seen.extend(content.iter().map(|u| u["id"].as_str().unwrap().to_owned()));
        let total = r.body["totalResults"].as_u64().unwrap() as usize;
        start += content.len();
        if content.is_empty() || start > total {
            break total;
        }
    };
    let unique: BTreeSet<&String> = seen.iter().collect();
    assert_eq!(unique.len(), seen.len());
    assert_eq!(seen.len(), total);
    assert!(total > 100);
    // Beyond the end: empty; startIndex below 1 reads as 1; count is capped at 100.
    let r = api
        .get(&format!("{}?startIndex={}", users(), total + 5))
        .await;
    assert_eq!(r.body["itemsPerPage"], 0);
    let r = api
        .get(&format!("{}?startIndex=0&count=1000", users()))
        .await;
    assert_eq!(r.body["startIndex"], 1);
    assert_eq!(r.body["itemsPerPage"], 100);
    api.get(&format!("{}?count=x", users()))
        .await
        .assert_error(400);
    // The filter identity providers send before provisioning.
    let r = api
        .get(&format!("{}?filter=userName%20eq%20%22user3%22", users()))
        .await;
    assert_eq!(r.body["totalResults"], 1);
    assert_eq!(r.body["content"][0]["id"], USER3);
    api.get(&format!("{}?filter=userName%20sw%20%22u%22", users()))
        .await
        .assert_error(400);

    let r = api.get(&groups()).await;
    assert_eq!(r.status, StatusCode::OK);
    let total = r.body["totalResults"].as_u64().unwrap();
    assert!(total >= 2);
    let r = api
        .get(&format!(
            "{}?filter=displayName%20eq%20%22Contractors%22",
            groups()
        ))
        .await;
    assert_eq!(r.body["content"][0]["id"], GROUP);
}

#[tokio::test]
async fn scim_groups_crud_and_patch() {
    let api = Api::new().await;
    let r = api.get(&format!("{}/{GROUP}", groups())).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["displayName"], "Contractors");
    assert!(member_ids(&r.body).contains(USER3));
    assert!(!member_ids(&r.body).contains(USER4));

    // PATCH add, as in the reference.
    let path = format!("{}/{GROUP}", groups());
    let add = json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:PatchOp"],
        "Operations": [{"op": "add", "path": "members", "value": [{"value": USER4, "type": "User"}]}]
    });
    let r = patch(&api, &path, add).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(member_ids(&r.body).contains(USER4));
    // The identities API sees the same membership.
    let r = api
        .get(&format!(
            "/v2/identities/{SAML}/groups/{GROUP}/users?perPage=100"
        ))
        .await;
    assert!(r.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["id"] == USER4));

    // remove by filter path, replace displayName, replace members.
    let r = patch(
        &api,
        &path,
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [
                {"op": "remove", "path": format!("members[value eq \"{USER4}\"]")},
                {"op": "Replace", "path": "displayName", "value": "Contractors EU"}
            ]
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(!member_ids(&r.body).contains(USER4));
    assert_eq!(r.body["displayName"], "Contractors EU");
    let r = patch(
        &api,
        &path,
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [{"op": "replace", "path": "members", "value": [{"value": USER4}]}]
        }),
    )
    .await;
    assert_eq!(member_ids(&r.body), BTreeSet::from([USER4.to_owned()]));
    // Errors: unknown member (404, nothing applied), bad op (400), no schemas (400), unknown
    // group (404).
    let r = patch(
        &api,
        &path,
        json!({
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [
                {"op": "replace", "path": "displayName", "value": "Nope"},
                {"op": "add", "path": "members", "value": [{"value": UNKNOWN}]}
            ]
        }),
    )
    .await;
    r.assert_error(404);
    assert_eq!(api.get(&path).await.body["displayName"], "Contractors EU");
    patch(
        &api,
        &path,
        json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "move", "path": "members"}]}),
    )
    .await
    .assert_error(400);
    patch(
        &api,
        &path,
        json!({"Operations": [{"op": "add", "path": "members", "value": []}]}),
    )
    .await
    .assert_error(400);
    patch(
        &api,
        &format!("{}/{UNKNOWN}", groups()),
        json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{"op": "remove", "path": "members"}]}),
    )
    .await
    .assert_error(404);

    // Create, update, delete.
    let r = api
        .post(
            &groups(),
            json!({
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
                "externalId": "3c536623-4763-4f67-a45a-e88f3d08cdd5",
                "displayName": "Auditors",
                "members": [{"value": USER3, "type": "User"}]
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert_eq!(member_ids(&r.body), BTreeSet::from([USER3.to_owned()]));
    api.post(&groups(), json!({"displayName": "auditors"}))
        .await
        .assert_error(409);
    api.post(&groups(), json!({"members": []}))
        .await
        .assert_error(400);
    api.post(
        &groups(),
        json!({"displayName": "X", "members": [{"value": UNKNOWN}]}),
    )
    .await
    .assert_error(404);
    api.post(
        &groups(),
        json!({"displayName": "Y", "members": [{"value": USER3, "type": "Group"}]}),
    )
    .await
    .assert_error(400);
    let r = api
        .put(
            &format!("{}/{id}", groups()),
            json!({"displayName": "Auditors 2", "members": []}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["displayName"], "Auditors 2");
    assert_eq!(r.body["members"], json!([]));
    api.put(
        &format!("{}/{UNKNOWN}", groups()),
        json!({"displayName": "Z"}),
    )
    .await
    .assert_error(404);
    assert_eq!(
        api.delete(&format!("{}/{id}", groups())).await.status,
        StatusCode::NO_CONTENT
    );
    api.get(&format!("{}/{id}", groups()))
        .await
        .assert_error(404);
    // Deleting a user takes it out of its groups.
    api.delete(&format!("{}/{USER4}", users())).await;
    assert!(!member_ids(&api.get(&path).await.body).contains(USER4));
}
