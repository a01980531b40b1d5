//! Role bindings: seeded variety pointing at real entities, list sort/filters, the three
//! create calls, delete by ids, and cascades.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::access_common::{all, enc, new_collection, ROOT_COLLECTION, UNKNOWN};
use crate::common::Api;

const LIST: &str = "/v2/collection/role-bindings";

fn entity_of(binding: &Value) -> Value {
    let e = &binding["entity"];
    json!({
        "identifierInProvider": e["identifierInProvider"],
        "identityProviderId": e["identityProviderId"],
        "identityProviderType": e["identityProviderType"],
        "type": e["type"],
        "displayName": e["displayName"]
    })
}

#[tokio::test]
async fn seeded_bindings_point_at_real_entities() {
    let api = Api::new().await;
    let bindings = all(&api, LIST).await;
    assert_eq!(bindings.len(), 50);
    let roles: BTreeSet<&str> = bindings
        .iter()
        .map(|b| b["role"]["RoleType"].as_str().unwrap())
        .collect();
    for role in [
        "TenantAdmin",
        "TenantViewer",
        "ApplicationOwner",
        "PolicyOwner",
        "SiteEditor",
        "SiteConnectorDeployer",
    ] {
        assert!(roles.contains(role), "{role} seeded");
    }
    for b in &bindings {
        for key in [
            "id",
            "createdAt",
            "role",
            "Collection",
            "entity",
            "resource",
        ] {
            assert!(b.get(key).is_some(), "{key} in {b}");
        }
        assert!(b["resource"].get("collectionID").is_some());
        let resource = b["resource"]["id"].as_str().unwrap();
        match b["resource"]["subjectType"].as_str().unwrap() {
            "Site" => assert_eq!(
                api.get(&format!("/v2/sites/{resource}")).await.status,
                StatusCode::OK
            ),
            "Collection" => assert_eq!(
                api.get(&format!("/v2/collection/{resource}")).await.status,
                StatusCode::OK
            ),
            other => panic!("unexpected subject type {other}"),
        }
        let tenant_role = matches!(
            b["role"]["RoleType"].as_str().unwrap(),
            "TenantAdmin" | "TenantViewer"
        );
        assert_eq!(tenant_role, b["resource"]["id"] == ROOT_COLLECTION, "{b}");
        // Users and groups exist in their identity provider.
        let e = &b["entity"];
        let (idp, id) = (
            e["identityProviderId"].as_str().unwrap(),
            e["identifierInProvider"].as_str().unwrap(),
        );
        let kind = match e["type"].as_str().unwrap() {
            "User" => Some("users"),
            "Group" => Some("groups"),
            _ => None,
        };
        if let Some(kind) = kind {
            let r = api
                .get(&format!("/v2/identities/{}/{kind}/{}", enc(idp), enc(id)))
                .await;
            assert_eq!(r.status, StatusCode::OK, "{kind} {idp}/{id}: {}", r.body);
        }
    }
}

#[tokio::test]
async fn list_sort_direction_and_filters() {
    let api = Api::new().await;
    let names = |v: &Value| -> Vec<String> {
        v["content"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["entity"]["displayName"].as_str().unwrap().to_lowercase())
            .collect()
    };
    let asc = names(&api.get(&format!("{LIST}?size=100")).await.body);
    let mut sorted = asc.clone();
    sorted.sort();
    assert_eq!(asc, sorted, "default: displayName asc");
    let desc = names(
        &api.get(&format!("{LIST}?size=100&sort=displayName&direction=desc"))
            .await
            .body,
    );
    let mut reversed = sorted.clone();
    reversed.reverse();
    assert_eq!(desc, reversed);
    let by_role: Vec<String> = api.get(&format!("{LIST}?size=100&sort=role")).await.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["role"]["RoleType"].as_str().unwrap().to_owned())
        .collect();
    let mut roles_sorted = by_role.clone();
    roles_sorted.sort();
    assert_eq!(by_role, roles_sorted);
    let created: Vec<String> = api
        .get(&format!("{LIST}?size=100&sort=createdAt&direction=asc"))
        .await
        .body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["createdAt"].as_str().unwrap().to_owned())
        .collect();
    let mut created_sorted = created.clone();
    created_sorted.sort();
    assert_eq!(created, created_sorted);

    let page = api.get(&format!("{LIST}?size=20&page=2")).await.body;
    assert_eq!(
        (
            page["numberOfElements"].clone(),
            page["totalPages"].clone(),
            page["last"].clone()
        ),
        (json!(10), json!(3), json!(true))
    );

    let all_bindings = all(&api, LIST).await;
    let filtered = all(&api, &format!("{LIST}?roleType=SiteEditor")).await;
    assert!(!filtered.is_empty());
    assert!(filtered
        .iter()
        .all(|b| b["role"]["RoleType"] == "SiteEditor"));
    let sites = all(&api, &format!("{LIST}?subjectType=Site")).await;
    assert!(sites.iter().all(|b| b["resource"]["subjectType"] == "Site"));
    let site_id = sites[0]["resource"]["id"].as_str().unwrap();
    let one_site = all(&api, &format!("{LIST}?subjectId={site_id}")).await;
    assert!(one_site.iter().all(|b| b["resource"]["id"] == site_id));
    let site_name = sites[0]["resource"]["name"]
        .as_str()
        .unwrap()
        .to_uppercase();
    let named = all(&api, &format!("{LIST}?subjectName={}", enc(&site_name))).await;
    assert!(!named.is_empty());
    let first = &all_bindings[0]["entity"];
    let by_entity = all(
        &api,
        &format!(
            "{LIST}?entityIdInIdp={}",
            enc(first["identifierInProvider"].as_str().unwrap())
        ),
    )
    .await;
    assert!(by_entity
        .iter()
        .all(|b| b["entity"]["identifierInProvider"] == first["identifierInProvider"]));
    let groups = all(&api, &format!("{LIST}?entityType=Group")).await;
    assert!(groups.iter().all(|b| b["entity"]["type"] == "Group"));
    let word = first["displayName"]
        .as_str()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_lowercase();
    let by_name = all(&api, &format!("{LIST}?entityName={}", enc(&word))).await;
    assert!(!by_name.is_empty());
    // `undefined` (the reference's example) means "no filter"; `name` means displayName.
    let r = api
        .get(&format!(
            "{LIST}?sort=name&direction=asc&subjectType=undefined&size=100"
        ))
        .await;
    assert_eq!(r.body["totalElements"], 50);

    for bad in [
        "roleType=Owner",
        "entityType=Robot",
        "subjectType=Planet",
        "sort=color",
        "direction=up",
        "subjectId=12",
        "size=101",
    ] {
        api.get(&format!("{LIST}?{bad}")).await.assert_error(400);
    }
}

#[tokio::test]
async fn create_tenant_collection_and_site_bindings() {
    let api = Api::new().await;
    let seeded = all(&api, LIST).await;
    let entity = entity_of(&seeded[0]);
    let other = entity_of(
        seeded
            .iter()
            .find(|b| b["entity"]["identifierInProvider"] != entity["identifierInProvider"])
            .unwrap(),
    );

    // Tenant.
    let r = api
        .post(
            "/v2/collection/tenant-role-bindings",
            json!({"roleType": "TenantAdmin", "entities": [entity, other]}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let created = r.body["roleBindings"].as_array().unwrap().clone();
    assert_eq!(created.len(), 2);
    assert_eq!(
        created[0]["role"],
        json!({"id": created[0]["role"]["id"], "name": "Tenant Admin", "RoleType": "TenantAdmin"})
    );
    assert_eq!(created[0]["resource"]["subjectType"], "Collection");
    assert_eq!(created[0]["Collection"]["id"], ROOT_COLLECTION);
    assert_eq!(
        created[0]["entity"]["identifierInProvider"],
        entity["identifierInProvider"]
    );
    // The same binding again is not duplicated.
    let again = api
        .post(
            "/v2/collection/tenant-role-bindings",
            json!({"roleType": "TenantAdmin", "entities": [entity]}),
        )
        .await;
    assert_eq!(again.body["roleBindings"][0]["id"], created[0]["id"]);
    assert_eq!(all(&api, LIST).await.len(), 52);

    // Collection: the documented roles and the reference example's CollectionAdmin.
    let collection = new_collection(&api, "Owned").await;
    for role in ["ApplicationOwner", "PolicyOwner", "CollectionAdmin"] {
        let r = api
            .post(
                "/v2/collection/collection-role-bindings",
                json!({"roleType": role, "collectionId": collection, "entities": [entity]}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{role}: {}", r.body);
        let b = &r.body["roleBindings"][0];
        assert_eq!(b["role"]["RoleType"], role);
        assert_eq!(b["Collection"]["id"], collection);
        assert_eq!(b["resource"]["collectionID"], collection);
    }
    // Site.
    let site = api.all_sites().await[0].clone();
    let site_id = site["id"].as_str().unwrap();
    for role in ["SiteEditor", "SiteConnectorDeployer"] {
        let r = api
            .post(
                "/v2/collection/site-role-bindings",
                json!({"roleType": role, "siteId": site_id, "entities": [entity]}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{role}: {}", r.body);
        let b = &r.body["roleBindings"][0];
        assert_eq!(b["resource"]["subjectType"], "Site");
        assert_eq!(b["resource"]["id"], site_id);
        assert_eq!(b["resource"]["name"], site["name"]);
    }
    let on_site = all(
        &api,
        &format!(
            "{LIST}?subjectId={site_id}&entityIdInIdp={}",
            enc(entity["identifierInProvider"].as_str().unwrap())
        ),
    )
    .await;
    assert!(on_site.len() >= 2);

    // Errors: roles of another scope, missing parts, unknown scope objects and entities.
    let e = json!([entity]);
    for (path, body, status) in [
        (
            "tenant",
            json!({"roleType": "SiteEditor", "entities": e}),
            400,
        ),
        ("tenant", json!({"entities": e}), 400),
        ("tenant", json!({"roleType": "TenantViewer"}), 400),
        (
            "tenant",
            json!({"roleType": "TenantViewer", "entities": []}),
            400,
        ),
        (
            "tenant",
            json!({"roleType": "TenantViewer", "entities": [{"identifierInProvider": "ghost", "identityProviderId": "local", "type": "User"}]}),
            404,
        ),
        (
            "collection",
            json!({"roleType": "TenantAdmin", "collectionId": collection, "entities": e}),
            400,
        ),
        (
            "collection",
            json!({"roleType": "PolicyOwner", "entities": e}),
            400,
        ),
        (
            "collection",
            json!({"roleType": "PolicyOwner", "collectionId": UNKNOWN, "entities": e}),
            404,
        ),
        (
            "collection",
            json!({"roleType": "PolicyOwner", "collectionId": "bad", "entities": e}),
            400,
        ),
        (
            "site",
            json!({"roleType": "PolicyOwner", "siteId": site_id, "entities": e}),
            400,
        ),
        (
            "site",
            json!({"roleType": "SiteEditor", "siteId": UNKNOWN, "entities": e}),
            404,
        ),
        (
            "site",
            json!({"roleType": "SiteEditor", "siteId": "bad", "entities": e}),
            400,
        ),
    ] {
        let r = api
            .post(
                &format!("/v2/collection/{path}-role-bindings"),
                body.clone(),
            )
            .await;
        r.assert_error(status);
    }
}

#[tokio::test]
async fn delete_by_ids_and_cascades() {
    let api = Api::new().await;
    let seeded = all(&api, LIST).await;
    let ids: Vec<&str> = seeded
        .iter()
        .take(2)
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    let r = api
        .post(
            "/v2/collection/role-bindings/delete",
            json!({"roleBindingIds": ids}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let left = all(&api, LIST).await;
    assert_eq!(left.len(), 48);
    assert!(!left
        .iter()
        .any(|b| ids.contains(&b["id"].as_str().unwrap())));
    // Unknown ids: 404 and nothing deleted; malformed: 400.
    let keep = left[0]["id"].as_str().unwrap();
    api.post(
        "/v2/collection/role-bindings/delete",
        json!({"roleBindingIds": [keep, ids[0]]}),
    )
    .await
    .assert_error(404);
    assert_eq!(all(&api, LIST).await.len(), 48);
    api.post(
        "/v2/collection/role-bindings/delete",
        json!({"roleBindingIds": ["nope"]}),
    )
    .await
    .assert_error(400);
    api.post(
        "/v2/collection/role-bindings/delete",
        json!({"roleBindingIds": []}),
    )
    .await
    .assert_error(400);
    api.post("/v2/collection/role-bindings/delete", json!({}))
        .await
        .assert_error(400);

    // A deleted collection or site takes its bindings along.
    let entity = entity_of(&left[0]);
    let collection = new_collection(&api, "Temporary").await;
    api.post(
        "/v2/collection/collection-role-bindings",
        json!({"roleType": "PolicyOwner", "collectionId": collection, "entities": [entity]}),
    )
    .await;
    let site = api
        .post("/v2/sites", json!({"name": "Temporary site"}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.post(
        "/v2/collection/site-role-bindings",
        json!({"roleType": "SiteEditor", "siteId": site, "entities": [entity]}),
    )
    .await;
    assert_eq!(all(&api, LIST).await.len(), 50);
    api.delete(&format!("/v2/collection/{collection}")).await;
    api.delete(&format!("/v2/sites/{site}")).await;
    assert_eq!(all(&api, LIST).await.len(), 48);
}
