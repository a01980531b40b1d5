//! Identities: providers, users and groups (both paging styles), local users, blocking,
//! group membership.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::common::Api;

const OKTA: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
const SAML: &str = "a5ea5f01-f73c-427f-b3b6-da66433e7694";
const JOHN: &str = "978f38e3-ec9f-4779-829d-19f1f443dec8";
const BLOCKED: &str = "4fd0a357-8b70-345a-9dd7-bf359b07451f";
const MEMBER: &str = "64b2d04f-157f-48a3-a277-e1b4147c46c4";
const ADMINS: &str = "d8028639-a76a-4614-965a-7e3d4832d94b";
const ENGINEERING: &str = "b7188113-b9c6-4dee-9a3c-3963236f19a8";
const UNKNOWN: &str = "00000000-0000-4000-8000-000000000000";

/// Percent-encodes what a query value or path segment cannot hold as is.
fn enc(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Walks a list to its end, passing `nextPage` back as it came; returns the ids in order
/// and the pages' `totalElements`.
async fn walk(api: &Api, path: &str, extra: &str) -> (Vec<String>, usize) {
    let mut ids = Vec::new();
    let mut offset: Option<Value> = None;
    let mut total = None;
    for round in 0..1_000 {
        let mut url = format!("{path}?perPage=100{extra}");
        match &offset {
            Some(Value::String(s)) => url.push_str(&format!("&pageOffset={}", enc(s))),
            Some(Value::Number(n)) => url.push_str(&format!("&pageOffset={n}")),
            _ => {}
        }
        let r = api.get(&url).await;
        assert_eq!(r.status, StatusCode::OK, "{url}: {}", r.body);
        assert_eq!(r.body["first"], round == 0);
        let content = r.body["content"].as_array().unwrap();
        assert_eq!(r.body["perPage"], content.len());
        assert_eq!(r.body["size"], 100);
        total.get_or_insert(r.body["totalElements"].as_u64().unwrap() as usize);
        ids.extend(content.iter().map(|u| u["id"].as_str().unwrap().to_owned()));
        if r.body["last"] == true {
            return (ids, total.unwrap_or(0));
        }
        offset = Some(r.body["nextPage"].clone());
    }
    panic!("{path} never reached its last page");
}

fn assert_complete(ids: &[String], total: usize) {
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "no repeats");
    assert_eq!(ids.len(), total, "no gaps");
}

#[tokio::test]
async fn identity_providers() {
    let api = Api::new().await;
    let path = "/v2/identities/settings/identity-providers";
    let r = api.get(&format!("{path}?includeLocal=false")).await;
    assert_eq!(r.status, StatusCode::OK);
    let list = r.body.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert!(list.iter().all(|p| p["id"] != "local"));
    let kinds: BTreeSet<&str> = list
        .iter()
        .map(|p| p["provider"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, BTreeSet::from(["azure", "generic-saml", "okta"]));
    let okta = list.iter().find(|p| p["id"] == OKTA).unwrap();
    assert_eq!(okta["name"], "Okta ACME");
    assert!(okta["auth0_connection_id"]
        .as_str()
        .unwrap()
        .starts_with("con_"));
    assert_eq!(okta["authenticator_id"], Value::Null);
    let r = api.get(&format!("{path}?includeLocal=true")).await;
    assert_eq!(r.body.as_array().unwrap().len(), 4);
    assert_eq!(api.get(path).await.body.as_array().unwrap().len(), 3);
    api.get(&format!("{path}?includeLocal=maybe"))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn numeric_paging_walks_local_users() {
    let api = Api::new().await;
    let (ids, total) = walk(&api, "/v2/identities/local/users", "").await;
    assert_complete(&ids, total);
    assert!(total > 100, "{total}");
    assert!(ids.contains(&JOHN.to_owned()));
    // Default perPage is 25; nextPage is the next page number.
    let r = api.get("/v2/identities/local/users").await;
    assert_eq!(r.body["content"].as_array().unwrap().len(), 25);
    assert_eq!(r.body["size"], 25);
    assert_eq!(r.body["nextPage"], 1);
    let r = api.get("/v2/identities/local/users?pageOffset=1").await;
    assert_eq!(r.body["first"], false);
    assert_eq!(r.body["nextPage"], 2);
    // Sorted by email ascending by default, descending on request.
    let emails = |body: &Value| -> Vec<String> {
        body["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["email"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let asc = emails(&r.body);
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted);
    let desc = emails(
        &api.get("/v2/identities/local/users?sortBy=email:desc")
            .await
            .body,
    );
    let mut sorted = desc.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(desc, sorted);
    // The documented limits.
    for bad in [
        "perPage=101",
        "perPage=0",
        "perPage=x",
        "pageOffset=abc",
        "sortBy=color:asc",
        "sortBy=email:up",
    ] {
        api.get(&format!("/v2/identities/local/users?{bad}"))
            .await
            .assert_error(400);
    }
    // SAML (SCIM) users page with numbers too.
    let (ids, total) = walk(&api, &format!("/v2/identities/{SAML}/users"), "").await;
    assert_complete(&ids, total);
}

#[tokio::test]
async fn cursor_paging_walks_external_users() {
    let api = Api::new().await;
    let providers = api
        .get("/v2/identities/settings/identity-providers")
        .await
        .body;
    let azure = providers
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["provider"] == "azure")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut all = 0;
    for idp in [OKTA, azure.as_str()] {
        let path = format!("/v2/identities/{idp}/users");
        let (ids, total) = walk(&api, &path, "").await;
        assert_complete(&ids, total);
        assert!(total > 300, "{total}");
        all += total;
        // Descending, and by name: the same people.
        let (desc, _) = walk(&api, &path, "&sortBy=email:desc").await;
        assert_complete(&desc, total);
        assert_eq!(
            ids.iter().collect::<BTreeSet<_>>(),
            desc.iter().collect::<BTreeSet<_>>()
        );
        let (by_name, _) = walk(&api, &path, "&sortBy=name:asc").await;
        assert_complete(&by_name, total);
        // Cursors are opaque strings; the first page's is one, the last page's is null.
        let r = api.get(&format!("{path}?perPage=10")).await;
        let cursor = r.body["nextPage"].as_str().unwrap().to_owned();
        assert!(cursor.parse::<i64>().is_err());
        // A page number is not a cursor; nor is garbage; nor a cursor of another order.
        api.get(&format!("{path}?pageOffset=1"))
            .await
            .assert_error(400);
        api.get(&format!("{path}?pageOffset=garbage!"))
            .await
            .assert_error(400);
        api.get(&format!(
            "{path}?pageOffset={}&sortBy=email:desc",
            enc(&cursor)
        ))
        .await
        .assert_error(400);
        // Filters apply before paging.
        let (few, total_filtered) = walk(&api, &path, "&filter=an").await;
        assert_complete(&few, total_filtered);
        assert!(total_filtered < total);
    }
    assert!(all > 1_000);
}

#[tokio::test]
async fn filters_and_get_user() {
    let api = Api::new().await;
    let r = api
        .get("/v2/identities/local/users?filter=john&email=john.doe")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let john = &r.body["content"][0];
    assert_eq!(john["id"], JOHN);
    assert_eq!(john["username"], "john.doe@acme.luminatesec.com");
    assert_eq!(john["email"], "john.doe@acme.com");
    assert_eq!(john["repository_type"], "local");
    assert_eq!(john["identity_provider_id"], "local");
    assert_eq!(john["is_deleted"], false);
    let keys: BTreeSet<&str> = john
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 17);

    let r = api.get(&format!("/v2/identities/local/users/{JOHN}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["first_name"], "John");
    // Okta users have opaque ids; `|` in local ids is percent-encoded in paths.
    let okta_user = api
        .get(&format!("/v2/identities/{OKTA}/users?perPage=1"))
        .await
        .body["content"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(okta_user.starts_with("00u"));
    let r = api
        .get(&format!("/v2/identities/{OKTA}/users/{okta_user}"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["repository_type"], "okta");
    let auth0 = api.get("/v2/identities/local/users?perPage=100").await.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_owned())
        .find(|id| id.starts_with("auth0|"))
        .unwrap();
    let r = api
        .get(&format!("/v2/identities/local/users/{}", enc(&auth0)))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["id"], auth0.as_str());

    // Errors: malformed provider or local id (400), unknown provider or user (404).
    api.get(&format!(
        "/v2/identities/{{identity-provider-id}}/users/{JOHN}"
    ))
    .await
    .assert_error(400);
    api.get("/v2/identities/local/users/{entity-id}")
        .await
        .assert_error(400);
    api.get(&format!("/v2/identities/{UNKNOWN}/users/{JOHN}"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/identities/local/users/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/identities/{UNKNOWN}/users"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn local_users_lifecycle() {
    let api = Api::new().await;
    let body = json!({
        "username": "ada.lovelace@acme.luminatesec.com",
        "notification_email": "ada@gmail.com",
        "upn": "ada.lovelace@acme.com",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada.lovelace@acme.com",
        "repository_type": "local",
        "identity_provider_id": "local"
    });
    let r = api.post("/v2/identities/local/users", body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("auth0|"));
    assert_eq!(r.body["logins_count"], 0);
    assert_eq!(r.body["last_login"], Value::Null);
    assert_eq!(r.body["blocked"], false);
    let path = format!("/v2/identities/local/users/{}", enc(&id));
    assert_eq!(api.get(&path).await.body["first_name"], "Ada");

    // Documented errors.
    api.post("/v2/identities/local/users", body.clone())
        .await
        .assert_error(409);
    api.post(
        "/v2/identities/local/users",
        json!({"notification_email": "a@b.com"}),
    )
    .await
    .assert_error(400);
    api.post(
        "/v2/identities/local/users",
        json!({"username": "not-an-email", "notification_email": "a@b.com"}),
    )
    .await
    .assert_error(400);
    api.post(
        "/v2/identities/local/users",
        json!({"username": "x@acme.com", "notification_email": "a@b.com", "repository_type": "okta"}),
    )
    .await
    .assert_error(400);
    api.post(&format!("/v2/identities/{OKTA}/users"), body.clone())
        .await
        .assert_error(404);

    // Update: a missing optional property keeps its value, null clears it.
    let r = api
        .put(
            &path,
            json!({"username": "ada@acme.luminatesec.com", "notification_email": "ada@acme.com", "first_name": null}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["username"], "ada@acme.luminatesec.com");
    assert_eq!(r.body["first_name"], Value::Null);
    assert_eq!(r.body["last_name"], "Lovelace");
    api.put(
        &path,
        json!({"username": "john.doe@acme.luminatesec.com", "notification_email": "x@acme.com"}),
    )
    .await
    .assert_error(409);
    api.put(&path, json!({"username": "ada@acme.luminatesec.com"}))
        .await
        .assert_error(400);
    api.put(
        &format!("/v2/identities/local/users/{UNKNOWN}"),
        json!({"username": "z@acme.com", "notification_email": "z@acme.com"}),
    )
    .await
    .assert_error(404);

    // Delete (the local-users path and the tenant-repository path are the same operation).
    let r = api.delete(&path).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.get(&path).await.assert_error(404);
    api.delete(&path).await.assert_error(404);
    api.delete("/v2/identities/local/users/{entity-id}")
        .await
        .assert_error(400);
    // Provider-managed users cannot be deleted.
    let okta_user = api
        .get(&format!("/v2/identities/{OKTA}/users?perPage=1"))
        .await
        .body["content"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.delete(&format!("/v2/identities/{OKTA}/users/{okta_user}"))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn block_and_unblock_stay_consistent() {
    let api = Api::new().await;
    let blocked_list = |body: &Value| -> BTreeSet<(String, String)> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["identity_provider_id"].as_str().unwrap().to_owned(),
                    b["user_id"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let r = api.get("/v2/identities/settings/blocked-users").await;
    assert_eq!(r.status, StatusCode::OK);
    let before = blocked_list(&r.body);
    assert_eq!(before.len(), 15);
    assert!(before.contains(&("local".into(), BLOCKED.into())));
    // Every listed user says so itself.
    for (idp, id) in &before {
        let r = api
            .get(&format!("/v2/identities/{idp}/users/{}", enc(id)))
            .await;
        assert_eq!(r.body["blocked"], true, "{idp}/{id}");
    }

    let okta_user = api
        .get(&format!("/v2/identities/{OKTA}/users?perPage=100"))
        .await
        .body["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["blocked"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let block = format!("/v2/identities/{OKTA}/users/{okta_user}/block");
    let r = api.post(&block, json!(null)).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Idempotent.
    assert_eq!(
        api.post(&block, json!(null)).await.status,
        StatusCode::NO_CONTENT
    );
    let after = blocked_list(&api.get("/v2/identities/settings/blocked-users").await.body);
    assert_eq!(after.len(), 16);
    assert!(after.contains(&(OKTA.into(), okta_user.clone())));
    let r = api
        .get(&format!("/v2/identities/{OKTA}/users/{okta_user}"))
        .await;
    assert_eq!(r.body["blocked"], true);
    // The list pages show the flag too.
    let listed = api
        .get(&format!("/v2/identities/{OKTA}/users?perPage=100"))
        .await
        .body["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["id"] == okta_user.as_str())
        .cloned()
        .unwrap();
    assert_eq!(listed["blocked"], true);

    let r = api.delete(&block).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = api
        .get(&format!("/v2/identities/{OKTA}/users/{okta_user}"))
        .await;
    assert_eq!(r.body["blocked"], false);
    assert_eq!(
        blocked_list(&api.get("/v2/identities/settings/blocked-users").await.body),
        before
    );
    // Deleting a blocked user takes it off the list.
    api.delete(&format!("/v2/identities/local/users/{BLOCKED}"))
        .await;
    let now = blocked_list(&api.get("/v2/identities/settings/blocked-users").await.body);
    assert!(!now.contains(&("local".into(), BLOCKED.into())));

    // Errors.
    api.post(
        &format!("/v2/identities/{OKTA}/users/nobody/block"),
        json!(null),
    )
    .await
    .assert_error(404);
    api.post(
        &format!("/v2/identities/{{identity-provider-id}}/users/{JOHN}/block"),
        json!(null),
    )
    .await
    .assert_error(400);
    api.delete(&format!("/v2/identities/local/users/{UNKNOWN}/block"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn groups() {
    let api = Api::new().await;
    let r = api
        .get(&format!("/v2/identities/local/groups/{ADMINS}"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["name"], "Administrators");
    assert_eq!(r.body["repository_type"], "local");
    api.get("/v2/identities/local/groups/{entity-id}")
        .await
        .assert_error(400);
    api.get(&format!("/v2/identities/local/groups/{UNKNOWN}"))
        .await
        .assert_error(404);

    // Lists: numeric for local, cursors for Okta; filter on the name.
    let (ids, total) = walk(&api, "/v2/identities/local/groups", "").await;
    assert_complete(&ids, total);
    assert!(ids.contains(&ADMINS.to_owned()));
    let (ids, total) = walk(&api, &format!("/v2/identities/{OKTA}/groups"), "").await;
    assert_complete(&ids, total);
    let r = api
        .get(&format!(
            "/v2/identities/{OKTA}/groups?perPage=5&sortBy=name:desc"
        ))
        .await;
    let next = r.body["nextPage"].as_str().unwrap().to_owned();
    let r2 = api
        .get(&format!(
            "/v2/identities/{OKTA}/groups?perPage=5&sortBy=name:desc&pageOffset={}",
            enc(&next)
        ))
        .await;
    assert_eq!(r2.status, StatusCode::OK);
    let names: Vec<String> = r.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .chain(r2.body["content"].as_array().unwrap())
        .map(|g| g["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(names, sorted);
    let r = api.get("/v2/identities/local/groups?filter=admin").await;
    assert_eq!(r.body["content"][0]["id"], ADMINS);

    // Create and delete: local and Generic SAML only.
    let r = api
        .post(
            "/v2/identities/local/groups",
            json!({"name": "Night Shift"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    api.post(
        "/v2/identities/local/groups",
        json!({"name": "night shift"}),
    )
    .await
    .assert_error(409);
    api.post("/v2/identities/local/groups", json!({}))
        .await
        .assert_error(400);
    api.post(
        &format!("/v2/identities/{OKTA}/groups"),
        json!({"name": "X"}),
    )
    .await
    .assert_error(400);
    let r = api
        .post(
            &format!("/v2/identities/{SAML}/groups"),
            json!({"name": "Administrators"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.body["repository_type"], "generic-saml");
    let r = api
        .delete(&format!("/v2/identities/local/groups/{id}"))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.delete(&format!("/v2/identities/local/groups/{id}"))
        .await
        .assert_error(404);
    let okta_group = ids.first().unwrap();
    api.delete(&format!("/v2/identities/{OKTA}/groups/{okta_group}"))
        .await
        .assert_error(400);
}

#[tokio::test]
async fn group_members() {
    let api = Api::new().await;
    let users = format!("/v2/identities/local/groups/{ENGINEERING}/users");
    let (before, total) = walk(&api, &users, "").await;
    assert_complete(&before, total);
    assert!(!before.contains(&MEMBER.to_owned()));

    let member = format!("{users}/{MEMBER}");
    assert_eq!(
        api.put(&member, json!(null)).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        api.put(&member, json!(null)).await.status,
        StatusCode::NO_CONTENT
    );
    let (after, total) = walk(&api, &users, "").await;
    assert_complete(&after, total);
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.contains(&MEMBER.to_owned()));

    assert_eq!(api.delete(&member).await.status, StatusCode::NO_CONTENT);
    api.delete(&member).await.assert_error(404);
    let (again, _) = walk(&api, &users, "").await;
    assert_eq!(again.len(), before.len());

    // Errors: malformed ids, unknown ids, other providers.
    api.put(
        "/v2/identities/local/groups/{group-id}/users/{user-id}",
        json!(null),
    )
    .await
    .assert_error(400);
    api.delete("/v2/identities/local/groups/{group-id}/users/{user-id}")
        .await
        .assert_error(400);
    api.put(&format!("{users}/{UNKNOWN}"), json!(null))
        .await
        .assert_error(404);
    api.put(
        &format!("/v2/identities/local/groups/{UNKNOWN}/users/{MEMBER}"),
        json!(null),
    )
    .await
    .assert_error(404);
    api.put(
        &format!("/v2/identities/{OKTA}/groups/x/users/y"),
        json!(null),
    )
    .await
    .assert_error(404);

    // Users of an Okta group page with cursors.
    let okta_groups = api
        .get(&format!("/v2/identities/{OKTA}/groups?perPage=100"))
        .await
        .body;
    let group = okta_groups["content"][0]["id"].as_str().unwrap().to_owned();
    let path = format!("/v2/identities/{OKTA}/groups/{group}/users");
    let (ids, total) = walk(&api, &path, "").await;
    assert_complete(&ids, total);
    let r = api.get(&format!("{path}?perPage=2")).await;
    if r.body["last"] == false {
        assert!(r.body["nextPage"].is_string());
    }
}
