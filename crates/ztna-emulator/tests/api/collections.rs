//! Collections: counts kept true, list filters, create/get/update/delete rules, site links.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::access_common::{
    all, examples, new_collection, ssh_app, str_set, strings, EXAMPLE_ID, EXAMPLE_POLICY,
    ROOT_COLLECTION, TEST_SITE, UNKNOWN,
};
use crate::common::Api;

/// Checks countResources, countLinkedSites and every site's countCollections against the
/// applications, policies and links.
async fn assert_counts_true(api: &Api) {
    let collections = all(api, "/v2/collection").await;
    let apps = all(api, "/v2/applications").await;
    let policies = all(api, "/v2/policies").await;
    let mut resources: BTreeMap<String, usize> = BTreeMap::new();
    for item in apps.iter().chain(&policies) {
        *resources
            .entry(item["collectionId"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let mut per_site: BTreeMap<String, usize> = BTreeMap::new();
    for c in &collections {
        let id = c["id"].as_str().unwrap();
        assert_eq!(
            c["countResources"],
            resources.get(id).copied().unwrap_or(0),
            "{c}"
        );
        let links = api
            .get(&format!("/v2/collection/site-links/{id}"))
            .await
            .body;
        let links = links["links"].as_array().unwrap();
        assert_eq!(c["countLinkedSites"], links.len(), "{c}");
        for l in links {
            assert_eq!(l["collectionId"], id);
            *per_site
                .entry(l["siteId"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
    }
    for s in api.all_sites().await {
        let id = s["id"].as_str().unwrap();
        let n = per_site.get(id).copied().unwrap_or(0);
        assert_eq!(s["countCollections"], n, "site {}", s["name"]);
        let of_site = api.get(&format!("/v2/collection/site/{id}")).await.body;
        assert_eq!(of_site["collectionIds"].as_array().unwrap().len(), n);
    }
}

#[tokio::test]
async fn seeded_collections_and_counts() {
    let api = Api::new().await;
    let collections = all(&api, "/v2/collection").await;
    assert_eq!(collections.len(), 8);
    let root = collections
        .iter()
        .find(|c| c["id"] == ROOT_COLLECTION)
        .unwrap();
    assert_eq!(
        root["parentId"], ROOT_COLLECTION,
        "the root is its own parent"
    );
    for c in &collections {
        if c["id"] != ROOT_COLLECTION {
            assert_eq!(c["parentId"], ROOT_COLLECTION);
        }
        for key in [
            "id",
            "parentId",
            "name",
            "countResources",
            "countLinkedSites",
            "fqdn",
        ] {
            assert!(c.get(key).is_some());
        }
    }
    // Every site is in the default collection.
    assert_eq!(root["countLinkedSites"], api.all_sites().await.len());
    assert_counts_true(&api).await;
    // And with the reference's examples.
    assert_counts_true(&examples().await).await;
}

#[tokio::test]
async fn list_filters_paging_and_sort() {
    let api = examples().await;
    let p = api.get("/v2/collection?size=3&page=2").await.body;
    assert_eq!(
        (
            p["totalElements"].clone(),
            p["totalPages"].clone(),
            p["numberOfElements"].clone()
        ),
        (json!(8), json!(3), json!(2))
    );
    let names: Vec<String> = api.get("/v2/collection?sort=name,asc").await.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let ids = |v: &Value| str_set(v["content"].as_array().unwrap(), "id");
    let one = |id: &str| BTreeSet::from([id.to_owned()]);
    assert_eq!(
        ids(&api.get("/v2/collection?name=TESTcol").await.body),
        one(EXAMPLE_ID)
    );
    assert_eq!(
        ids(&api
            .get(&format!("/v2/collection?application-id={EXAMPLE_ID}"))
            .await
            .body),
        one(EXAMPLE_ID)
    );
    assert_eq!(
        ids(&api
            .get(&format!("/v2/collection?policy-id={EXAMPLE_POLICY}"))
            .await
            .body),
        one(EXAMPLE_ID)
    );
    let of_site = ids(&api
        .get(&format!("/v2/collection?site-id={TEST_SITE}"))
        .await
        .body);
    let expected = strings(
        &api.get(&format!("/v2/collection/site/{TEST_SITE}"))
            .await
            .body["collectionIds"],
    );
    assert_eq!(of_site, expected);
    assert!(of_site.contains(EXAMPLE_ID) && of_site.contains(ROOT_COLLECTION));
    assert_eq!(
        ids(&api
            .get(&format!("/v2/collection?application-id={UNKNOWN}"))
            .await
            .body),
        BTreeSet::new()
    );
    api.get("/v2/collection?site-id=zzz")
        .await
        .assert_error(400);
    api.get("/v2/collection?size=0").await.assert_error(400);
}

#[tokio::test]
async fn create_get_update_delete() {
    let api = Api::new().await;
    let r = api
        .post("/v2/collection", json!({"id": UNKNOWN, "name": "Research"}))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.body["id"].as_str().unwrap().to_owned();
    assert_ne!(id, UNKNOWN, "the tenant assigns ids");
    assert_eq!(r.body["parentId"], ROOT_COLLECTION);
    assert_eq!(
        (
            r.body["countResources"].clone(),
            r.body["countLinkedSites"].clone()
        ),
        (json!(0), json!(0))
    );
    assert_eq!(api.get(&format!("/v2/collection/{id}")).await.body, r.body);

    // Names: required, unique (409 on create and update).
    api.post("/v2/collection", json!({}))
        .await
        .assert_error(400);
    api.post("/v2/collection", json!({"name": "  "}))
        .await
        .assert_error(400);
    api.post("/v2/collection", json!({"name": "x".repeat(101)}))
        .await
        .assert_error(400);
    api.post("/v2/collection", json!({"name": "Research"}))
        .await
        .assert_error(409);
    let other = new_collection(&api, "Other research").await;
    api.put(
        &format!("/v2/collection/{other}"),
        json!({"name": "Research"}),
    )
    .await
    .assert_error(409);
    let r = api
        .put(
            &format!("/v2/collection/{id}"),
            json!({"name": "Research and Development"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["name"], "Research and Development");

    // Not deletable while it holds an application; the root never.
    let mut app = ssh_app("Collected app");
    app["collectionId"] = json!(id);
    let app_id = api.post("/v2/applications", app).await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        api.get(&format!("/v2/collection/{id}")).await.body["countResources"],
        1
    );
    api.delete(&format!("/v2/collection/{id}"))
        .await
        .assert_error(400);
    api.delete(&format!("/v2/collection/{ROOT_COLLECTION}"))
        .await
        .assert_error(400);
    api.delete(&format!("/v2/applications/{app_id}")).await;
    assert_eq!(
        api.get(&format!("/v2/collection/{id}")).await.body["countResources"],
        0
    );
    assert_eq!(
        api.delete(&format!("/v2/collection/{id}")).await.status,
        StatusCode::NO_CONTENT
    );
    api.get(&format!("/v2/collection/{id}"))
        .await
        .assert_error(404);
    api.delete(&format!("/v2/collection/{id}"))
        .await
        .assert_error(404);
    api.put(&format!("/v2/collection/{id}"), json!({"name": "Ghost"}))
        .await
        .assert_error(404);
    for path in [
        "/v2/collection/12",
        "/v2/collection/site-links/12",
        "/v2/collection/site/12",
    ] {
        api.get(path).await.assert_error(400);
    }
    api.get(&format!("/v2/collection/site/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/collection/site-links/{UNKNOWN}"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn site_links_keep_counts_true() {
    let api = Api::new().await;
    let collection = new_collection(&api, "Linked").await;
    let sites = api.all_sites().await;
    let (a, b) = (
        sites[0]["id"].as_str().unwrap(),
        sites[1]["id"].as_str().unwrap(),
    );
    let count_of = |_: &Api, site: &str| {
        let path = format!("/v2/sites/{site}");
        let api = &api;
        async move {
            api.get(&path).await.body["countCollections"]
                .as_i64()
                .unwrap()
        }
    };
    let before = count_of(&api, a).await;

    let links = json!({"links": [{"siteId": a, "collectionId": collection}, {"siteId": b, "collectionId": collection}]});
    let r = api.post("/v2/collection/site-links", links.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body, links);
    assert_eq!(count_of(&api, a).await, before + 1);
    let c = api.get(&format!("/v2/collection/{collection}")).await.body;
    assert_eq!(c["countLinkedSites"], 2);
    let listed = api
        .get(&format!("/v2/collection/site-links/{collection}"))
        .await
        .body;
    assert_eq!(
        str_set(listed["links"].as_array().unwrap(), "siteId"),
        BTreeSet::from([a.to_owned(), b.to_owned()])
    );
    assert!(
        strings(&api.get(&format!("/v2/collection/site/{a}")).await.body["collectionIds"])
            .contains(&collection)
    );

    // Already linked: 409, nothing changes (all or nothing).
    let third = sites[2]["id"].as_str().unwrap();
    let again = json!({"links": [{"siteId": third, "collectionId": collection}, {"siteId": a, "collectionId": collection}]});
    api.post("/v2/collection/site-links", again)
        .await
        .assert_error(409);
    assert_eq!(
        api.get(&format!("/v2/collection/{collection}")).await.body["countLinkedSites"],
        2
    );
    // Unknown or malformed ids.
    api.post(
        "/v2/collection/site-links",
        json!({"links": [{"siteId": UNKNOWN, "collectionId": collection}]}),
    )
    .await
    .assert_error(404);
    api.post(
        "/v2/collection/site-links",
        json!({"links": [{"siteId": a, "collectionId": UNKNOWN}]}),
    )
    .await
    .assert_error(404);
    api.post(
        "/v2/collection/site-links",
        json!({"links": [{"siteId": "nope", "collectionId": collection}]}),
    )
    .await
    .assert_error(400);
    api.post("/v2/collection/site-links", json!({"links": []}))
        .await
        .assert_error(400);
    api.post("/v2/collection/site-links", json!({}))
        .await
        .assert_error(400);

    // Unlink is refused while an application of the collection is bound to the site.
    let mut app = ssh_app("Linked app");
    app["collectionId"] = json!(collection);
    let app_id = api.post("/v2/applications", app).await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.put(
        &format!("/v2/applications/{app_id}/site-binding/{a}"),
        Value::Null,
    )
    .await;
    let m = api
        .delete(&format!("/v2/collection/site-links/{collection}/{a}"))
        .await
        .assert_error(400)
        .to_owned();
    assert!(m.contains("bind them to another site"), "{m}");
    api.put(
        &format!("/v2/applications/{app_id}/site-binding/{b}"),
        Value::Null,
    )
    .await;
    let r = api
        .delete(&format!("/v2/collection/site-links/{collection}/{a}"))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(count_of(&api, a).await, before);
    assert_eq!(
        api.get(&format!("/v2/collection/{collection}")).await.body["countLinkedSites"],
        1
    );
    api.delete(&format!("/v2/collection/site-links/{collection}/{a}"))
        .await
        .assert_error(404);
    api.delete(&format!("/v2/collection/site-links/{collection}/xyz"))
        .await
        .assert_error(400);
    api.delete(&format!("/v2/collection/site-links/{UNKNOWN}/{a}"))
        .await
        .assert_error(404);

    // Deleting an (emptied) collection drops its links.
    api.delete(&format!("/v2/applications/{app_id}")).await;
    let b_before = count_of(&api, b).await;
    assert_eq!(
        api.delete(&format!("/v2/collection/{collection}"))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(count_of(&api, b).await, b_before - 1);
    assert_counts_true(&api).await;
}
