//! Writes of the resources added with applications..logs: read-merge-write helpers, DELETE
//! with a body, opaque identity ids, ids refused before any URL, cache families.

use super::fake::*;
use super::operations::strip_nulls;
use crate::{ApiError, IdentityQuery, LogKind};
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use ztna_wire::{
    AppPolicies, ApplicationType, AuthenticationMode, LogSearch, PageCursor, PolicyRule,
    SearchQuery,
};

fn body_of(s: &Seen) -> Value {
    serde_json::from_slice(&s.body).unwrap()
}

/// The last request with `method`, as JSON.
fn last_body(fake: &Fake, method: &str) -> Value {
    body_of(
        fake.api_calls()
            .iter()
            .rev()
            .find(|s| s.method == method)
            .unwrap(),
    )
}

/// A fake that answers GETs of `path` with `current`, and echoes every write's body.
async fn read_echo(path: &'static str, current: Value) -> Fake {
    Fake::start(move |s, _| {
        let p = s.path.split('?').next().unwrap_or_default();
        match s.method.as_str() {
            "GET" if p == path => Reply::ok(current.clone()),
            "PUT" | "POST" => Reply::raw(200, &String::from_utf8_lossy(&s.body)),
            _ => Reply::json(404, json!({"message": "unexpected"})),
        }
    })
    .await
}

#[tokio::test]
async fn update_application_with_keeps_untouched_fields_and_writes_every_boolean() {
    let current = json!({
        "id": "a1", "name": "Old", "type": "HTTP", "subType": "HTTP_CUSTOM_DOMAIN",
        "createdOn": 1, "modifiedOn": 2, "icon": null,
        // isVisible and isNotificationEnabled missing (documented default true).
        "enabled": false,
        "health": {"status": "Available"}, "collectionId": "col1",
        "connectionSettings": {"internalAddress": "http://10.0.0.5", "customRootPath": "/x",
                               "customExternalAddress": "app.acme.com", "subdomain": null},
        "linkTranslationSettings": {"isDefaultContentRewriteRulesEnabled": true,
            "isDefaultHeaderRewriteRulesEnabled": false,
            "useExternalAddressForHostAndSni": true, "linkedApplications": ["a2"]},
        "requestCustomizationSettings": {"headerCustomization": {"X-A": "1"}},
        "ApplicationHTTP": "ApplicationHTTP",
        "someFutureField": {"kept": true}
    });
    let fake = read_echo("/v2/applications/a1", current).await;
    let c = static_client(&fake, |_| {});
    // A cached read must not feed the merge.
    c.get_application("a1").await.unwrap();
    let updated = c
        .update_application_with("a1", |a| a.name = "New".into())
        .await
        .unwrap();
    assert_eq!(updated.name, "New");
    assert_eq!(fake.count("GET", "/v2/applications/a1"), 2, "fresh read");
    let sent = last_body(&fake, "PUT");
    assert_eq!(
        strip_nulls(sent.clone()),
        json!({
            "id": "a1", "name": "New", "type": "HTTP", "subType": "HTTP_CUSTOM_DOMAIN",
            "isVisible": true, "isNotificationEnabled": true, "enabled": false,
            "collectionId": "col1",
            "connectionSettings": {"internalAddress": "http://10.0.0.5", "customRootPath": "/x",
                                   "customExternalAddress": "app.acme.com"},
            "linkTranslationSettings": {"isDefaultContentRewriteRulesEnabled": true,
                "isDefaultHeaderRewriteRulesEnabled": false,
                "useExternalAddressForHostAndSni": true, "linkedApplications": ["a2"]},
            "requestCustomizationSettings": {"headerCustomization": {"X-A": "1"}},
            "someFutureField": {"kept": true}
        })
    );
    for k in ["enabled", "isVisible", "isNotificationEnabled"] {
        assert!(sent[k].is_boolean(), "{k} is sent explicitly");
    }
}

#[tokio::test]
async fn update_site_with_keeps_fields_and_the_authentication_mode() {
    let fake = read_echo(
        "/v2/sites/s1",
        json!({"id": "s1", "name": "Edge", "region": "europe-west1",
               "kubernetes_persistent_volume_name": "pv-1", "mute_health_notification": null,
               "authentication_mode": "Site", "connectors": ["c1"]}),
    )
    .await;
    let c = static_client(&fake, |_| {});
    c.update_site_with("s1", |s| {
        s.name = "Edge 2".into();
        s.authentication_mode = AuthenticationMode::Connector; // immutable: ignored
    })
    .await
    .unwrap();
    assert_eq!(
        last_body(&fake, "PUT"),
        json!({"name": "Edge 2", "kubernetes_persistent_volume_name": "pv-1",
               "mute_health_notification": false, "region": "europe-west1",
               "authentication_mode": "site"})
    );
}

#[tokio::test]
async fn update_policy_with_keeps_fields_and_drops_created_at() {
    let current: Value = serde_json::from_str(include_str!(
        "../../../ztna-wire/tests/fixtures/policy_get_response.json"
    ))
    .unwrap();
    let fake = read_echo("/v2/policies/p1", current.clone()).await;
    let c = static_client(&fake, |_| {});
    c.update_policy_with("p1", |p| {
        p.enabled = false;
        p.validators.set("MFA", false);
        p.containers.get_or_insert_with(Vec::new).push(PolicyRule {
            action_id: "BLOCK".into(),
            ..PolicyRule::default()
        });
    })
    .await
    .unwrap();
    let sent = last_body(&fake, "PUT");
    assert!(sent.get("createdAt").is_none());
    assert_eq!(sent["enabled"], json!(false));
    assert_eq!(sent["id"], json!("p1"));
    assert_eq!(sent["validators"], json!({"VALIDATOR_MFA": false}));
    assert_eq!(sent["containers"].as_array().unwrap().len(), 2);
    // Everything else as read.
    for k in [
        "name",
        "type",
        "targetProtocol",
        "directoryEntities",
        "applications",
        "filterConditions",
        "sshSettings",
        "workingHoursSettings",
        "timeSettings",
        "Status",
        "isWhitelist",
        "isIsolation",
        "PolicyAccess",
    ] {
        assert_eq!(sent[k], current[k], "{k}");
    }
}

#[tokio::test]
async fn update_dns_group_with_sends_arrays_and_an_explicit_boolean() {
    let fake = read_echo(
        "/v2/wss-integration-tenant/dns-groups/g1",
        json!({"id": "g1", "name": "DNS Group 1", "status": "Available",
               "domainSuffixes": "[\"a.com\",\"b.com\"]", "sendNotifications": "true",
               "servers": "[\"d1\"]"}),
    )
    .await;
    let c = static_client(&fake, |_| {});
    c.update_dns_group_with("g1", |g| g.domain_suffixes.push("c.com".into()))
        .await
        .unwrap();
    assert_eq!(
        last_body(&fake, "PUT"),
        json!({"name": "DNS Group 1", "domainSuffixes": ["a.com", "b.com", "c.com"],
               "sendNotifications": true})
    );
}

#[tokio::test]
async fn update_dns_server_and_collection_with() {
    let fake = read_echo(
        "/v2/wss-integration-tenant/dns-groups/g1/servers/d1",
        json!({"id": "d1", "groupId": "g1", "siteId": "s1", "name": "server1",
               "internalAddress": "1.1.1.1", "healthStatus": "UnAvailable"}),
    )
    .await;
    let c = static_client(&fake, |_| {});
    let s = c
        .update_dns_server_with("g1", "d1", |s| s.internal_address = "8.8.8.8".into())
        .await
        .unwrap();
    assert_eq!(s.internal_address, "8.8.8.8");
    assert_eq!(
        last_body(&fake, "PUT"),
        json!({"name": "server1", "internalAddress": "8.8.8.8", "siteId": "s1",
               "groupId": "g1"})
    );

    let fake = read_echo(
        "/v2/collection/col1",
        json!({"id": "col1", "parentId": "root", "name": "Old", "countResources": 3}),
    )
    .await;
    let c = static_client(&fake, |_| {});
    c.update_collection_with("col1", |c| c.name = "New".into())
        .await
        .unwrap();
    assert_eq!(last_body(&fake, "PUT"), json!({"name": "New"}));
}

#[tokio::test]
async fn delete_with_a_body_carries_it() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    c.remove_application_from_policies(
        "a1",
        &AppPolicies {
            application_type: ApplicationType::Ssh,
            policy_ids: vec!["p1".into(), "p2".into()],
        },
    )
    .await
    .unwrap();
    let s = &fake.api_calls()[0];
    assert_eq!(
        (s.method.as_str(), s.path.as_str()),
        ("DELETE", "/v2/policies/by-app-id/a1")
    );
    assert_eq!(
        body_of(s),
        json!({"applicationType": "SSH", "policyIds": ["p1", "p2"]})
    );
}

#[tokio::test]
async fn identity_ids_are_percent_encoded() {
    let fake = Fake::start(|s, n| {
        if s.path.contains("/users?") || s.path.contains("/groups?") {
            Reply::ok(json!({"content": []}))
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    let idp = "auth0|idp 1";
    let user = "auth0|5ac324095d12345678931c97";
    c.get_user(idp, user).await.unwrap();
    c.block_user(idp, user).await.unwrap();
    c.unblock_user(idp, user).await.unwrap();
    c.delete_user(idp, user).await.unwrap();
    c.get_group(idp, "CN=Admins,OU=x/y").await.unwrap();
    c.list_users(
        idp,
        &IdentityQuery {
            page_offset: Some(PageCursor::Text("a+b/c=".into())),
            ..IdentityQuery::default()
        },
    )
    .await
    .unwrap();
    c.add_user_to_local_group("g#1", user).await.unwrap();
    c.get_scim_user(idp, "ü").await.unwrap();
    let paths: Vec<String> = fake.api_calls().into_iter().map(|s| s.path).collect();
    assert_eq!(
        paths,
        [
            "/v2/identities/auth0%7Cidp%201/users/auth0%7C5ac324095d12345678931c97",
            "/v2/identities/auth0%7Cidp%201/users/auth0%7C5ac324095d12345678931c97/block",
            "/v2/identities/auth0%7Cidp%201/users/auth0%7C5ac324095d12345678931c97/block",
            "/v2/identities/auth0%7Cidp%201/users/auth0%7C5ac324095d12345678931c97",
            "/v2/identities/auth0%7Cidp%201/groups/CN%3DAdmins%2COU%3Dx%2Fy",
            "/v2/identities/auth0%7Cidp%201/users?pageOffset=a%2Bb%2Fc%3D&perPage=25",
            "/v2/identities/local/groups/g%231/users/auth0%7C5ac324095d12345678931c97",
            "/v2/identities/auth0%7Cidp%201/scim/users/%C3%BC",
        ]
    );
}

#[tokio::test]
async fn empty_ids_are_refused_before_any_request() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |_| {});
    let refused = |r: Result<(), ApiError>| assert!(matches!(r, Err(ApiError::InvalidId { .. })));
    refused(c.get_application("").await.map(drop));
    refused(c.bind_application_to_site("a1", " ").await);
    refused(c.get_policy("..").await.map(drop));
    refused(c.unlink_site_from_collection("c", "").await);
    refused(c.get_dns_server("g1", "").await.map(drop));
    refused(c.block_user("", "u1").await);
    refused(c.all_users("", &IdentityQuery::default()).await.map(drop));
    refused(c.all_group_members("idp", "", 10).await.map(drop));
    refused(c.all_scim_users("").await.map(drop));
    refused(
        c.patch_scim_group("idp", "", &ztna_wire::ScimPatch::default())
            .await
            .map(drop),
    );
    refused(c.update_application_with("", |_| {}).await.map(drop));
    assert!(fake.api_calls().is_empty());
}

/// A fake counting every call and answering GETs with a shape every list/get accepts.
async fn family_fake() -> Fake {
    Fake::start(|s, _| {
        let path = s.path.split('?').next().unwrap_or_default();
        if s.method == "POST" && path.starts_with("/v2/logs/") {
            return Reply::ok(json!({"Hits": 0, "Logs": []}));
        }
        match s.method.as_str() {
            "GET"
                if path == "/v2/regions"
                    || path.ends_with("/blocked-users")
                    || path.contains("/by-app-id/") =>
            {
                Reply::ok(json!([]))
            }
            "GET" => Reply::ok(json!({"id": "x", "name": "x"})),
            _ => Reply::raw(200, ""),
        }
    })
    .await
}

#[tokio::test]
async fn application_writes_invalidate_sites_and_policies_by_application() {
    let fake = family_fake().await;
    let c = static_client(&fake, |_| {});
    let warm = || async {
        c.get_site("s1").await.unwrap();
        c.policies_of_application("a1").await.unwrap();
        c.get_application("a1").await.unwrap();
        c.list_regions().await.unwrap();
    };
    warm().await;
    warm().await;
    assert_eq!(fake.count("GET", "/v2/sites/s1"), 1, "cached");
    c.bind_application_to_site("a1", "s1").await.unwrap();
    warm().await;
    assert_eq!(fake.count("GET", "/v2/sites/s1"), 2);
    assert_eq!(fake.count("GET", "/v2/policies/by-app-id/a1"), 2);
    assert_eq!(fake.count("GET", "/v2/applications/a1"), 2);
    assert_eq!(fake.count("GET", "/v2/regions"), 1, "regions untouched");
    c.delete_application("a1").await.unwrap();
    warm().await;
    assert_eq!(fake.count("GET", "/v2/sites/s1"), 3);
}

#[tokio::test]
async fn policy_collection_identity_and_log_families() {
    let fake = family_fake().await;
    let c = static_client(&fake, |_| {});
    let body = AppPolicies {
        application_type: ApplicationType::Http,
        policy_ids: vec!["p1".into()],
    };
    // Policy writes drop policies (not applications).
    c.get_policy("p1").await.unwrap();
    c.get_application("a1").await.unwrap();
    c.add_application_to_policies("a1", &body).await.unwrap();
    c.get_policy("p1").await.unwrap();
    c.get_application("a1").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/policies/p1"), 2);
    assert_eq!(fake.count("GET", "/v2/applications/a1"), 1);

    // Collection and site-link writes drop collections and sites.
    c.get_collection("col1").await.unwrap();
    c.get_site("s1").await.unwrap();
    c.unlink_site_from_collection("col1", "s1").await.unwrap();
    c.get_collection("col1").await.unwrap();
    c.get_site("s1").await.unwrap();
    assert_eq!(fake.count("GET", "/v2/collection/col1"), 2);
    assert_eq!(fake.count("GET", "/v2/sites/s1"), 2);

    // Block and unblock drop users and blocked users.
    c.get_user("idp", "u1").await.unwrap();
    c.list_blocked_users().await.unwrap();
    c.block_user("idp", "u1").await.unwrap();
    c.get_user("idp", "u1").await.unwrap();
    c.list_blocked_users().await.unwrap();
    c.unblock_user("idp", "u1").await.unwrap();
    c.get_user("idp", "u1").await.unwrap();
    c.list_blocked_users().await.unwrap();
    assert_eq!(fake.count("GET", "/v2/identities/idp/users/u1"), 3);
    assert_eq!(
        fake.count("GET", "/v2/identities/settings/blocked-users"),
        3
    );

    // Logs: never cached, and a search drops nothing.
    let search = LogSearch::new(SearchQuery::default(), 10);
    c.get_site("s1").await.unwrap();
    c.search_logs(LogKind::Audit, &search).await.unwrap();
    c.search_logs(LogKind::Audit, &search).await.unwrap();
    c.get_site("s1").await.unwrap();
    assert_eq!(fake.count("POST", "/v2/logs/audit"), 2);
    assert_eq!(
        fake.count("GET", "/v2/sites/s1"),
        2,
        "still cached after searches"
    );
}

#[tokio::test]
async fn update_with_reports_the_read_error_and_writes_nothing() {
    let fake = Fake::start(|_, _| Reply::json(404, json!({"message": "gone"}))).await;
    let c = static_client(&fake, |_| {});
    let touched = Arc::new(Mutex::new(false));
    let t = Arc::clone(&touched);
    let r = c
        .update_application_with("a1", move |_| *t.lock().unwrap() = true)
        .await;
    assert!(matches!(r, Err(ApiError::NotFound { .. })));
    assert!(!*touched.lock().unwrap());
    assert!(fake.api_calls().iter().all(|s| s.method == "GET"));
}
