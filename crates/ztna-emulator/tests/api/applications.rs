//! Applications: seeded variety, paging/sort/filter, create/get/update/delete, PUT replace
//! semantics, validation, site binding and `application_ids`, health.

use std::collections::{BTreeMap, BTreeSet};

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::access_common::{
    all, new_collection, sites_by_health, ssh_app, str_set, ROOT_COLLECTION, UNKNOWN,
};
use crate::common::Api;

#[tokio::test]
async fn seeded_every_type_bound_and_unbound_and_application_ids_true() {
    let api = Api::new().await;
    let apps = all(&api, "/v2/applications").await;
    assert_eq!(apps.len(), 400);
    let types: BTreeSet<&str> = apps.iter().map(|a| a["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        BTreeSet::from(["DYNAMIC_SSH", "HTTP", "RDP", "SEGMENT", "SSH", "TCP"])
    );
    let names = str_set(&apps, "name");
    assert_eq!(names.len(), 400, "names are unique");
    assert!(names.iter().all(|n| (2..=40).contains(&n.chars().count())));

    // Which apps each site serves, according to the sites and according to the apps' lists.
    let sites = api.all_sites().await;
    let mut by_site: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in &sites {
        for id in s["application_ids"].as_array().unwrap() {
            by_site
                .entry(s["id"].as_str().unwrap().to_owned())
                .or_default()
                .insert(id.as_str().unwrap().to_owned());
        }
    }
    let bound_total: usize = by_site.values().map(BTreeSet::len).sum();
    assert!(bound_total > 300, "most are bound ({bound_total})");
    assert!(bound_total < 400, "a few are unbound ({bound_total})");
    for (site, ids) in by_site.iter().take(8) {
        let listed = all(&api, &format!("/v2/applications?siteId={site}")).await;
        assert_eq!(&str_set(&listed, "id"), ids, "site {site}");
    }
    let unbound: Vec<&Value> = apps
        .iter()
        .filter(|a| {
            !by_site
                .values()
                .any(|ids| ids.contains(a["id"].as_str().unwrap()))
        })
        .collect();
    assert!(!unbound.is_empty());
    for a in unbound {
        assert_eq!(a["health"]["status"], "Unavailable");
        assert_eq!(a["health"]["totalNumberOfConnectors"], 0);
    }
    // Every key of the reference's shape is there for every type.
    for a in &apps {
        for key in [
            "id",
            "name",
            "type",
            "createdOn",
            "modifiedOn",
            "icon",
            "isVisible",
            "isNotificationEnabled",
            "enabled",
            "health",
            "collectionId",
            "subType",
            "connectionSettings",
            "linkTranslationSettings",
            "requestCustomizationSettings",
            "tcpTunnelSettings",
            "cloudIntegrationData",
            "segmentSettings",
            "multipleSegmentSettings",
        ] {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
        assert_eq!(a.get("ApplicationHTTP").is_some(), a["type"] == "HTTP");
    }
}

#[tokio::test]
async fn paging_sort_and_filters() {
    let api = Api::new().await;
    let r = api.get("/v2/applications").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body["size"], 50);
    assert_eq!(r.body["totalElements"], 400);
    assert_eq!(r.body["totalPages"], 8);
    assert_eq!(r.body["numberOfElements"], 50);
    assert_eq!(
        r.body["sort"],
        json!([{"direction": "asc", "property": "id", "ignoreCase": false, "nullHandling": 1, "ascending": true, "descending": false}])
    );
    let ids: Vec<&str> = r.body["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);

    let desc = api
        .get("/v2/applications?sort=name,desc&size=100")
        .await
        .body;
    assert_eq!(desc["sort"][0]["direction"], "desc");
    let names: Vec<String> = desc["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_lowercase())
        .collect();
    let mut expected = names.clone();
    expected.sort();
    expected.reverse();
    assert_eq!(names, expected);
    let last = api.get("/v2/applications?size=100&page=3").await.body;
    assert_eq!(
        (last["last"].clone(), last["numberOfElements"].clone()),
        (json!(true), json!(100))
    );

    for t in ["HTTP", "SSH", "RDP", "TCP", "SEGMENT", "DYNAMIC_SSH"] {
        let list = all(&api, &format!("/v2/applications?type={t}")).await;
        assert!(!list.is_empty(), "{t}");
        assert!(list.iter().all(|a| a["type"] == t));
    }
    let prod = all(&api, "/v2/applications?filter=PROD").await;
    assert!(!prod.is_empty());
    assert!(prod.iter().all(|a| {
        let text = a.to_string().to_lowercase();
        text.contains("prod")
    }));
    // The filter also looks at addresses.
    let by_ip = all(&api, "/v2/applications?filter=tcp://10.").await;
    assert!(!by_ip.is_empty());
    assert!(by_ip
        .iter()
        .all(|a| a["type"] == "SSH" || a["type"] == "RDP"));

    for bad in [
        "/v2/applications?type=DNS",
        "/v2/applications?type=FTP",
        "/v2/applications?siteId=nope",
        "/v2/applications?size=101",
        "/v2/applications?sort=color,asc",
    ] {
        api.get(bad).await.assert_error(400);
    }
    // The reference's own example passes a 32-hex site id: accepted.
    let r = api
        .get("/v2/applications?siteId=5fa7bfe9e312345bce28f0a2ad9698b8")
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn create_get_update_delete_with_put_replacing_the_object() {
    let api = Api::new().await;
    let r = api.post("/v2/applications", ssh_app("Lab bastion")).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let app = r.body;
    let id = app["id"].as_str().unwrap().to_owned();
    assert_eq!(app["collectionId"], ROOT_COLLECTION, "default collection");
    assert_eq!(app["subType"], "SINGLE_MACHINE");
    assert_eq!(
        (
            app["isVisible"].clone(),
            app["isNotificationEnabled"].clone(),
            app["enabled"].clone()
        ),
        (json!(true), json!(true), json!(true))
    );
    assert_eq!(app["icon"], Value::Null);
    assert_eq!(
        app["connectionSettings"]["luminateAddress"],
        "lab-bastion.acme.luminatesec.com"
    );
    assert_eq!(app["health"]["status"], "Unavailable");
    let got = api.get(&format!("/v2/applications/{id}")).await;
    assert_eq!(got.body["name"], "Lab bastion");
    assert_eq!(got.body["createdOn"], app["createdOn"]);

    // PUT with explicit false values...
    let mut body = ssh_app("Lab bastion 2");
    body["isVisible"] = json!(false);
    body["enabled"] = json!(false);
    body["icon"] = json!("aWNvbg==");
    let r = api.put(&format!("/v2/applications/{id}"), body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        (r.body["isVisible"].clone(), r.body["enabled"].clone()),
        (json!(false), json!(false))
    );
    assert_eq!(r.body["icon"], "aWNvbg==");
    assert_eq!(r.body["name"], "Lab bastion 2");
    // ...then a PUT that leaves them out: they take their defaults again, the icon is cleared.
    let r = api
        .put(&format!("/v2/applications/{id}"), ssh_app("Lab bastion 2"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        (r.body["isVisible"].clone(), r.body["enabled"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(r.body["icon"], Value::Null);
    assert_eq!(r.body["createdOn"], app["createdOn"]);

    // HTTP: settings take their documented defaults; the header map of newer clients is
    // stored as the reference's newline-separated string.
    let web = api
        .post(
            "/v2/applications",
            json!({
                "name": "Web One",
                "type": "HTTP",
                "connectionSettings": {"internalAddress": "http://10.0.0.5:8080"},
                "requestCustomizationSettings": {"headerCustomization": {"X-Team": "blue"}}
            }),
        )
        .await;
    assert_eq!(web.status, StatusCode::CREATED, "{}", web.body);
    assert_eq!(web.body["subType"], "HTTP_LUMINATE_DOMAIN");
    assert_eq!(web.body["ApplicationHTTP"], "ApplicationHTTP");
    assert_eq!(
        web.body["linkTranslationSettings"],
        json!({"isDefaultContentRewriteRulesEnabled": true, "isDefaultHeaderRewriteRulesEnabled": true, "useExternalAddressForHostAndSni": false, "linkedApplications": []})
    );
    assert_eq!(
        web.body["requestCustomizationSettings"]["headerCustomization"],
        "X-Team: blue\n"
    );
    assert_eq!(web.body["connectionSettings"]["healthMethod"], "Head");

    let r = api.delete(&format!("/v2/applications/{id}")).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    api.get(&format!("/v2/applications/{id}"))
        .await
        .assert_error(404);
    api.delete(&format!("/v2/applications/{id}"))
        .await
        .assert_error(404);
    api.get(&format!("/v2/applications/{id}/status"))
        .await
        .assert_error(404);
}

#[tokio::test]
async fn validation() {
    let api = Api::new().await;
    let post = |body: Value| {
        let api = &api;
        async move { api.post("/v2/applications", body).await }
    };
    // Name 2..40.
    let m = post(ssh_app("x")).await.assert_error(400).to_owned();
    assert!(m.contains("between 2 and 40"), "{m}");
    post(ssh_app(&"y".repeat(41))).await.assert_error(400);
    assert_eq!(
        post(ssh_app(&"z".repeat(40))).await.status,
        StatusCode::CREATED
    );
    let mut nameless = ssh_app("n");
    nameless.as_object_mut().unwrap().remove("name");
    post(nameless).await.assert_error(400);
    // Unique name: 409 on create and on update.
    assert_eq!(post(ssh_app("Dup app")).await.status, StatusCode::CREATED);
    post(ssh_app("Dup app")).await.assert_error(409);
    let other = post(ssh_app("Other app")).await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.put(&format!("/v2/applications/{other}"), ssh_app("Dup app"))
        .await
        .assert_error(409);

    // Types: DNS was removed, unknown types and a missing type are refused.
    let mut dns = ssh_app("dns app");
    dns["type"] = json!("DNS");
    let m = post(dns).await.assert_error(400).to_owned();
    assert!(m.contains("DNS"), "{m}");
    let mut ftp = ssh_app("ftp app");
    ftp["type"] = json!("FTP");
    post(ftp).await.assert_error(400);
    let mut untyped = ssh_app("untyped");
    untyped.as_object_mut().unwrap().remove("type");
    post(untyped).await.assert_error(400);
    // Sub-type must suit the type.
    let mut sub = ssh_app("subbed");
    sub["subType"] = json!("HTTP_CUSTOM_DOMAIN");
    post(sub).await.assert_error(400);
    // Required settings per type.
    post(json!({"name": "no settings", "type": "SSH"}))
        .await
        .assert_error(400);
    post(json!({"name": "no address", "type": "HTTP", "connectionSettings": {}}))
        .await
        .assert_error(400);
    post(json!({"name": "no targets", "type": "TCP", "connectionSettings": {}}))
        .await
        .assert_error(400);
    post(json!({"name": "bad ports", "type": "TCP", "connectionSettings": {}, "tcpTunnelSettings": [{"target": "10.0.0.1", "ports": [0]}]}))
        .await
        .assert_error(400);
    assert_eq!(
        post(json!({"name": "good tcp", "type": "TCP", "connectionSettings": {}, "tcpTunnelSettings": [{"target": "10.0.0.1", "ports": [5432]}]}))
            .await
            .status,
        StatusCode::CREATED
    );
    post(json!({"name": "no segment", "type": "SEGMENT", "connectionSettings": {}}))
        .await
        .assert_error(400);
    post(json!({"name": "custom", "type": "HTTP", "subType": "HTTP_CUSTOM_DOMAIN", "connectionSettings": {"internalAddress": "http://a"}}))
        .await
        .assert_error(400);
    // Booleans are booleans; the collection must exist.
    let mut flag = ssh_app("flagged");
    flag["enabled"] = json!(3);
    post(flag).await.assert_error(400);
    let mut lost = ssh_app("lost");
    lost["collectionId"] = json!(UNKNOWN);
    post(lost).await.assert_error(400);
    let mut malformed = ssh_app("malformed");
    malformed["collectionId"] = json!("abc");
    post(malformed).await.assert_error(400);
    // Bodies.
    api.post("/v2/applications", json!([1]))
        .await
        .assert_error(400);

    // Path ids.
    for path in [
        "/v2/applications/123".to_owned(),
        "/v2/applications/not-a-uuid/status".to_owned(),
        format!("/v2/applications/xyz/site-binding/{UNKNOWN}"),
        format!("/v2/applications/{other}/site-binding/xyz"),
    ] {
        let r = if path.contains("site-binding") {
            api.put(&path, Value::Null).await
        } else {
            api.get(&path).await
        };
        assert_eq!(
            r.assert_error(400),
            "Invalid request parameters: Invalid ID format - failed to process request"
        );
    }
    api.delete("/v2/applications/abc").await.assert_error(400);
    api.put("/v2/applications/abc", ssh_app("abc"))
        .await
        .assert_error(400);
    api.get(&format!("/v2/applications/{UNKNOWN}"))
        .await
        .assert_error(404);
    api.put(&format!("/v2/applications/{UNKNOWN}"), ssh_app("whatever"))
        .await
        .assert_error(404);
    // Body id must be the path id.
    let mut wrong = ssh_app("Other app");
    wrong["id"] = json!(UNKNOWN);
    api.put(&format!("/v2/applications/{other}"), wrong)
        .await
        .assert_error(400);
}

#[tokio::test]
async fn binding_needs_a_collection_link_and_keeps_application_ids_true() {
    let api = Api::new().await;
    let (site_a, site_b) = sites_by_health(&api).await;
    let collection = new_collection(&api, "Bind test").await;
    let mut body = ssh_app("Bound app");
    body["collectionId"] = json!(collection);
    let app = api.post("/v2/applications", body).await.body["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Not linked yet: refused.
    let m = api
        .put(
            &format!("/v2/applications/{app}/site-binding/{site_a}"),
            Value::Null,
        )
        .await
        .assert_error(400)
        .to_owned();
    assert!(m.contains("not linked"), "{m}");
    let site_ids = |s: &Value| -> BTreeSet<String> {
        s["application_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    assert!(!site_ids(&api.get(&format!("/v2/sites/{site_a}")).await.body).contains(&app));

    // Linked: bound, and the site lists it.
    let links = json!({"links": [{"siteId": site_a, "collectionId": collection}, {"siteId": site_b, "collectionId": collection}]});
    assert_eq!(
        api.post("/v2/collection/site-links", links).await.status,
        StatusCode::OK
    );
    let r = api
        .put(
            &format!("/v2/applications/{app}/site-binding/{site_a}"),
            Value::Null,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(site_ids(&api.get(&format!("/v2/sites/{site_a}")).await.body).contains(&app));
    // Binding again to the same site is harmless.
    assert_eq!(
        api.put(
            &format!("/v2/applications/{app}/site-binding/{site_a}"),
            Value::Null
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        site_ids(&api.get(&format!("/v2/sites/{site_a}")).await.body)
            .iter()
            .filter(|id| **id == app)
            .count(),
        1
    );
    // Moving it.
    api.put(
        &format!("/v2/applications/{app}/site-binding/{site_b}"),
        Value::Null,
    )
    .await;
    assert!(!site_ids(&api.get(&format!("/v2/sites/{site_a}")).await.body).contains(&app));
    assert!(site_ids(&api.get(&format!("/v2/sites/{site_b}")).await.body).contains(&app));
    let listed = all(&api, &format!("/v2/applications?siteId={site_b}")).await;
    assert!(str_set(&listed, "id").contains(&app));
    // Unknown site or application.
    api.put(
        &format!("/v2/applications/{app}/site-binding/{UNKNOWN}"),
        Value::Null,
    )
    .await
    .assert_error(404);
    api.put(
        &format!("/v2/applications/{UNKNOWN}/site-binding/{site_a}"),
        Value::Null,
    )
    .await
    .assert_error(404);
    // Moving the app to a collection its site is not linked to is refused.
    let elsewhere = new_collection(&api, "Elsewhere").await;
    let mut moved = ssh_app("Bound app");
    moved["collectionId"] = json!(elsewhere);
    api.put(&format!("/v2/applications/{app}"), moved)
        .await
        .assert_error(400);
    // Deleting the application takes it off the site.
    api.delete(&format!("/v2/applications/{app}")).await;
    assert!(!site_ids(&api.get(&format!("/v2/sites/{site_b}")).await.body).contains(&app));
}

#[tokio::test]
async fn health_follows_the_sites_connectors() {
    let api = Api::new().await;
    let (up_site, empty_site) = sites_by_health(&api).await;
    let site = api.get(&format!("/v2/sites/{up_site}")).await.body;
    let connectors = site["connectors"].as_array().unwrap().len();
    let app = api
        .post("/v2/applications", ssh_app("Health app"))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/v2/applications/{app}/status");
    let status = || async { api.get(&path).await.body };
    let s = status().await;
    assert_eq!(s["status"], "Unavailable");
    assert_eq!(s["applicationId"], app);
    assert_eq!(s["lastAvailableOn"], Value::Null);

    api.put(
        &format!("/v2/applications/{app}/site-binding/{up_site}"),
        Value::Null,
    )
    .await;
    let s = status().await;
    assert!(
        s["status"] == "Available" || s["status"] == "PartiallyAvailable",
        "{s}"
    );
    assert_eq!(s["totalNumberOfConnectors"], connectors);
    assert!(s["lastAvailableOn"].as_i64().unwrap() > 1_600_000_000_000);
    // The same health is embedded in the application.
    let embedded = api.get(&format!("/v2/applications/{app}")).await.body["health"].clone();
    assert_eq!(embedded["status"], s["status"]);

    // Every connector of the site down: unavailable.
    for c in site["connector_objects"].as_array().unwrap() {
        if c["registered"] == true {
            api.emulator
                .set_connector_health(c["id"].as_str().unwrap(), false)
                .unwrap();
        }
    }
    let s = status().await;
    assert_eq!(s["status"], "Unavailable");
    assert!(s["cause"].as_str().unwrap().contains("connector"));

    // A site without connectors.
    api.put(
        &format!("/v2/applications/{app}/site-binding/{empty_site}"),
        Value::Null,
    )
    .await;
    let s = status().await;
    assert_eq!(
        (s["status"].clone(), s["totalNumberOfConnectors"].clone()),
        (json!("Unavailable"), json!(0))
    );
}

#[tokio::test]
async fn deleting_a_site_unbinds_its_applications() {
    let api = Api::new().await;
    let site = api
        .post("/v2/sites", json!({"name": "Short-lived site"}))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A new site lands in the default collection.
    let cols = api.get(&format!("/v2/collection/site/{site}")).await.body;
    assert_eq!(cols, json!({"collectionIds": [ROOT_COLLECTION]}));
    assert_eq!(
        api.get(&format!("/v2/sites/{site}")).await.body["countCollections"],
        1
    );
    let app = api
        .post("/v2/applications", ssh_app("Orphan app"))
        .await
        .body["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.put(
        &format!("/v2/applications/{app}/site-binding/{site}"),
        Value::Null,
    )
    .await;
    assert_eq!(
        api.delete(&format!("/v2/sites/{site}")).await.status,
        StatusCode::NO_CONTENT
    );
    let s = api
        .get(&format!("/v2/applications/{app}/status"))
        .await
        .body;
    assert_eq!(s["cause"], "Application is not bound to a site");
    api.get(&format!("/v2/collection/site/{site}"))
        .await
        .assert_error(404);
}
