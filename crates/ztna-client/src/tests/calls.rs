//! Resource calls: methods, paths, encoding, bodies; cache, merge, page walker, metrics.

use super::fake::*;
use crate::{ApiError, ListQuery};
use futures::future::join_all;
use serde_json::{json, Value};
use std::time::Duration;
use ztna_wire::{AuthenticationMode, DeploymentType, NewConnector, NewSite};

#[tokio::test]
async fn every_operation_uses_the_documented_method_and_path() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.cache_ttl = Duration::ZERO);
    let q = ListQuery {
        page: 1,
        size: 500,
        sort: Some("name,desc".into()),
        filter: Some("te st".into()),
    };
    c.list_sites(&q).await.unwrap();
    c.get_site("s1").await.unwrap();
    c.create_site(&NewSite::named("n")).await.unwrap();
    c.update_site("s1", &NewSite::named("n")).await.unwrap();
    c.delete_site("s1").await.unwrap();
    c.site_status("s1").await.unwrap();
    c.list_regions().await.unwrap();
    c.get_region("us-west1").await.unwrap();
    c.list_registration_keys("s1").await.unwrap();
    c.rotate_registration_key("s1", true).await.unwrap();
    c.clean_registration_keys("s1").await.unwrap();
    c.list_connectors(&ListQuery::default()).await.unwrap();
    c.get_connector("c1").await.unwrap();
    c.create_connector("s1", &NewConnector::new("c", DeploymentType::Linux))
        .await
        .unwrap();
    c.delete_connector("c1").await.unwrap();
    c.connector_command("c1").await.unwrap();
    c.connector_environment("c1").await.unwrap();
    c.latest_connector_version().await.unwrap();
    let got: Vec<String> = fake
        .api_calls()
        .iter()
        .map(|s| format!("{} {}", s.method, s.path))
        .collect();
    assert_eq!(
        got,
        [
            "GET /v2/sites?page=1&size=100&sort=name%2Cdesc&filter=te+st",
            "GET /v2/sites/s1",
            "POST /v2/sites",
            "PUT /v2/sites/s1",
            "DELETE /v2/sites/s1",
            "GET /v2/sites/s1/status",
            "GET /v2/regions",
            "GET /v2/regions/us-west1",
            "GET /v2/sites/s1/registration_keys",
            "POST /v2/sites/s1/registration_keys/rotate",
            "DELETE /v2/sites/s1/registration_keys",
            "GET /v2/connectors?page=0&size=50",
            "GET /v2/connectors/c1",
            "POST /v2/connectors?bind_to_site_id=s1",
            "DELETE /v2/connectors/c1",
            "GET /v2/connectors/c1/command",
            "GET /v2/connectors/c1/environment_variables",
            "GET /v2/connectors/version",
        ]
    );
}

#[tokio::test]
async fn request_bodies_are_the_documented_shapes() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    let site = NewSite {
        name: "DataCenterEurope".into(),
        kubernetes_persistent_volume_name: None,
        mute_health_notification: true,
        region: Some("europe-west1".into()),
        authentication_mode: AuthenticationMode::Site,
    };
    c.create_site(&site).await.unwrap();
    c.create_connector("s1", &NewConnector::new("c", DeploymentType::DockerCompose))
        .await
        .unwrap();
    c.rotate_registration_key("s1", false).await.ok();
    let bodies: Vec<Value> = fake
        .api_calls()
        .iter()
        .map(|s| serde_json::from_slice(&s.body).unwrap())
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"name": "DataCenterEurope", "mute_health_notification": true,
                   "region": "europe-west1", "authentication_mode": "site"}),
            json!({"name": "c", "deployment_type": "docker-compose", "send_logs": false,
                   "enabled": true}),
            json!({"revoke_immediately": false}),
        ]
    );
}

#[tokio::test]
async fn opaque_ids_are_percent_encoded_as_one_segment() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    c.get_site("auth0|abc").await.unwrap();
    c.get_connector("a/b c").await.unwrap();
    c.get_region("eu?x=1#y").await.unwrap();
    c.create_connector(
        "auth0|s&x=1",
        &NewConnector::new("c", DeploymentType::Linux),
    )
    .await
    .unwrap();
    let paths: Vec<String> = fake.api_calls().into_iter().map(|s| s.path).collect();
    assert_eq!(
        paths,
        [
            "/v2/sites/auth0%7Cabc",
            "/v2/connectors/a%2Fb%20c",
            "/v2/regions/eu%3Fx%3D1%23y",
            "/v2/connectors?bind_to_site_id=auth0%7Cs%26x%3D1",
        ]
    );
}

#[tokio::test]
async fn identical_concurrent_gets_are_merged() {
    let fake = Fake::start(|s, n| default_reply(s, n).after(Duration::from_millis(200))).await;
    let c = static_client(&fake, |_| {});
    let bulk = c.lane(crate::Lane::Bulk);
    let calls = (0..6).map(|i| {
        let c = if i % 2 == 0 { c.clone() } else { bulk.clone() };
        async move { c.get_site("m").await }
    });
    let results = join_all(calls).await;
    assert!(results.iter().all(|r| r.as_ref().unwrap().id == "m"));
    assert_eq!(fake.count("GET", "/v2/sites/m"), 1);
    // Different queries are different calls.
    let q1 = ListQuery::default();
    let q2 = ListQuery {
        page: 1,
        ..ListQuery::default()
    };
    let (a, b) = tokio::join!(c.list_sites(&q1), c.list_sites(&q2));
    a.unwrap();
    b.unwrap();
    assert_eq!(fake.api_calls().len(), 3);
}

#[tokio::test]
async fn merged_call_survives_when_one_caller_leaves() {
    let fake = Fake::start(|s, n| default_reply(s, n).after(Duration::from_millis(200))).await;
    let c = static_client(&fake, |_| {});
    let first = tokio::time::timeout(Duration::from_millis(50), c.get_site("m"));
    let (gone, stays) = tokio::join!(first, c.get_site("m"));
    assert!(gone.is_err());
    assert_eq!(stays.unwrap().id, "m");
    assert_eq!(fake.count("GET", "/v2/sites/m"), 1);
}

#[tokio::test]
async fn reads_are_cached_and_writes_invalidate_the_family() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    c.get_site("x").await.unwrap();
    c.get_site("x").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/sites/x"), 1);
    assert!(metrics_text(&c).contains("upstream_cache_hits_total 1"));

    c.list_regions().await.unwrap();
    c.list_registration_keys("x").await.unwrap();
    c.update_site("x", &NewSite::named("x")).await.unwrap();
    c.get_site("x").await.unwrap();
    assert_eq!(
        fake.count("GET", "/v2/sites/x"),
        2,
        "site write invalidates"
    );
    c.list_regions().await.unwrap();
    assert_eq!(
        fake.count("GET", "/v2/regions"),
        1,
        "regions are another family"
    );

    c.list_registration_keys("x").await.unwrap();
    let keys = "/v2/sites/x/registration_keys";
    assert_eq!(fake.count("GET", keys), 2, "invalidated by the site write");
    c.create_connector("x", &NewConnector::new("c", DeploymentType::Linux))
        .await
        .unwrap();
    c.list_registration_keys("x").await.unwrap();
    c.get_site("x").await.unwrap();
    assert_eq!(
        fake.count("GET", keys),
        3,
        "connector writes invalidate sites too"
    );
    assert_eq!(fake.count("GET", "/v2/sites/x"), 3);
}

#[tokio::test]
async fn cache_entries_expire_and_secret_reads_are_not_cached() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.cache_ttl = Duration::from_millis(150));
    c.get_site("x").await.unwrap();
    c.get_site("x").await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    c.get_site("x").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/sites/x"), 2);
    c.connector_command("c").await.unwrap();
    c.connector_command("c").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/connectors/c/command"), 2);
}

#[tokio::test]
async fn failed_write_does_not_leave_stale_reads_either() {
    let fake = Fake::start(|s, n| {
        if s.method == "PUT" {
            Reply::json(409, json!({"message": "name already exists"}))
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    c.get_site("x").await.unwrap();
    assert!(matches!(
        c.update_site("x", &NewSite::named("y")).await,
        Err(ApiError::Conflict { .. })
    ));
    c.get_site("x").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/sites/x"), 2);
}

#[tokio::test]
async fn all_sites_walks_every_page() {
    let fake = Fake::start(|s, _| {
        let page: i64 = s
            .path
            .split(['?', '&'])
            .find_map(|kv| kv.strip_prefix("page="))
            .unwrap()
            .parse()
            .unwrap();
        // totalPages 3; `last` never set: the walker must stop on totalPages.
        Reply::ok(json!({
            "content": [site_json(&format!("p{page}a")), site_json(&format!("p{page}b"))],
            "first": page == 0, "last": false, "size": 2, "totalElements": 6,
            "totalPages": 3, "number": page, "numberOfElements": 2
        }))
    })
    .await;
    let c = static_client(&fake, |_| {});
    let q = ListQuery {
        size: 2,
        ..ListQuery::default()
    };
    let ids: Vec<String> = c
        .all_sites(&q)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["p0a", "p0b", "p1a", "p1b", "p2a", "p2b"]);
    assert_eq!(fake.api_calls().len(), 3);
}

#[tokio::test]
async fn metrics_use_the_contract_names() {
    let fake = Fake::start(|s, n| {
        if s.path.ends_with("/missing") {
            Reply::raw(404, "")
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    c.get_site("a").await.unwrap();
    c.get_site("a").await.unwrap();
    c.get_site("missing").await.unwrap_err();
    c.lane(crate::Lane::Bulk).get_site("b").await.unwrap();
    let text = metrics_text(&c);
    for want in [
        "upstream_requests_total{operation=\"get_site\",status=\"200\"} 2",
        "upstream_requests_total{operation=\"get_site\",status=\"404\"} 1",
        "upstream_throttled_total 0",
        "upstream_cache_hits_total 1",
        "upstream_queue_depth{lane=\"interactive\"} 0",
        "upstream_queue_depth{lane=\"bulk\"} 0",
        "upstream_queue_wait_seconds_count{lane=\"interactive\"} 2",
        "upstream_queue_wait_seconds_count{lane=\"bulk\"} 1",
        "# TYPE upstream_queue_wait_seconds histogram",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}
