//! All 99 operations of `endpoints.md`, table-driven: method, path and query on the wire,
//! the request body (the reference's example, or none), the reference's example answer
//! decoded, and one stable snake_case metrics name per operation.

use super::fake::*;
use crate::{
    ApiError, ApplicationQuery, CollectionQuery, IdentityQuery, ListQuery, LogKind,
    RoleBindingQuery, ScimQuery, TenantClient,
};
use futures::future::BoxFuture;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;
use ztna_wire::*;

/// The text of a fixture of the wire crate.
macro_rules! fx {
    ($name:literal) => {
        include_str!(concat!(
            "../../../ztna-wire/tests/fixtures/",
            $name,
            ".json"
        ))
    };
}

/// A fixture decoded into the typed request the console would build.
fn de<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).unwrap()
}

/// The value with every `null` member removed ("null = missing").
pub fn strip_nulls(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(strip_nulls).collect()),
        other => other,
    }
}

/// What the request must carry.
enum Sent {
    /// No body at all.
    Nothing,
    /// The reference's example (nulls compared as missing).
    Fixture(&'static str),
    /// This JSON (where the example's odd encodings are normalised by the client).
    Json(Value),
}

type Call = Box<dyn Fn(TenantClient) -> BoxFuture<'static, Result<(), ApiError>> + Send + Sync>;

struct Op {
    want: &'static str,
    reply: &'static str,
    sent: Sent,
    call: Call,
}

macro_rules! op {
    ($want:literal, $reply:expr, $sent:expr, |$c:ident| $call:expr) => {
        Op {
            want: $want,
            reply: $reply,
            sent: $sent,
            call: Box::new(|$c: TenantClient| Box::pin(async move { $call.await.map(drop) })),
        }
    };
}

const NONE: &str = "";

fn list(size: u32, sort: &str, filter: &str) -> ListQuery {
    ListQuery {
        page: 0,
        size,
        sort: Some(sort.into()),
        filter: Some(filter.into()),
    }
}

fn dns_group_body() -> Value {
    json!({"name": "group1", "domainSuffixes": ["dns-group.com", "example.com"],
           "sendNotifications": true})
}

#[allow(clippy::too_many_lines)]
fn table() -> Vec<Op> {
    use Sent::*;
    vec![
        // Sites, regions, registration keys, connectors (lines 69-777).
        op!("POST /v2/sites", fx!("site_create_response"), Fixture(fx!("site_create_request")),
            |c| c.create_site(&de(fx!("site_create_request")))),
        op!("GET /v2/sites?page=0&size=50", fx!("sites_list_response"), Nothing,
            |c| c.list_sites(&ListQuery::default())),
        op!("PUT /v2/sites/s1", fx!("site_update_response"), Fixture(fx!("site_update_request")),
            |c| c.update_site("s1", &de(fx!("site_update_request")))),
        op!("GET /v2/sites/s1", fx!("site_get_response"), Nothing, |c| c.get_site("s1")),
        op!("DELETE /v2/sites/s1", NONE, Nothing, |c| c.delete_site("s1")),
        op!("GET /v2/sites/s1/status", fx!("site_status_response"), Nothing,
            |c| c.site_status("s1")),
        op!("GET /v2/regions", fx!("regions_list_response"), Nothing, |c| c.list_regions()),
        op!("GET /v2/regions/us-west1", fx!("region_get_response"), Nothing,
            |c| c.get_region("us-west1")),
        op!("GET /v2/sites/s1/registration_keys", fx!("registration_keys_list_response"), Nothing,
            |c| c.list_registration_keys("s1")),
        op!("POST /v2/sites/s1/registration_keys/rotate", fx!("registration_key_rotate_response"),
            Fixture(fx!("registration_key_rotate_request")),
            |c| c.rotate_registration_key("s1", false)),
        op!("DELETE /v2/sites/s1/registration_keys", NONE, Nothing,
            |c| c.clean_registration_keys("s1")),
        op!("POST /v2/connectors?bind_to_site_id=s1", fx!("connector_create_response"),
            Fixture(fx!("connector_create_request")),
            |c| c.create_connector("s1", &de(fx!("connector_create_request")))),
        op!("GET /v2/connectors?page=0&size=50", fx!("connectors_list_response"), Nothing,
            |c| c.list_connectors(&ListQuery::default())),
        op!("GET /v2/connectors/c1", fx!("connector_get_response"), Nothing,
            |c| c.get_connector("c1")),
        op!("DELETE /v2/connectors/c1", NONE, Nothing, |c| c.delete_connector("c1")),
        op!("GET /v2/connectors/c1/command", fx!("connector_command_response"), Nothing,
            |c| c.connector_command("c1")),
        op!("GET /v2/connectors/c1/environment_variables", fx!("connector_environment_response"),
            Nothing, |c| c.connector_environment("c1")),
        op!("GET /v2/connectors/version", fx!("connector_version_response"), Nothing,
            |c| c.latest_connector_version()),
        // Applications (778-1195).
        op!("POST /v2/applications", fx!("application_create_response"),
            Fixture(fx!("application_create_request")),
            |c| c.create_application(&de(fx!("application_create_request")))),
        op!("GET /v2/applications?page=0&size=10&sort=name%2Cdesc&filter=test&type=HTTP&siteId=s1",
            fx!("applications_list_response"), Nothing,
            |c| c.list_applications(&ApplicationQuery {
                list: list(10, "name,desc", "test"),
                app_type: Some(ApplicationType::Http),
                site_id: Some("s1".into()),
            })),
        op!("GET /v2/applications/a1", fx!("application_get_response"), Nothing,
            |c| c.get_application("a1")),
        op!("PUT /v2/applications/a1", fx!("application_update_response"),
            Fixture(fx!("application_update_request")),
            |c| c.update_application("a1", &de(fx!("application_update_request")))),
        op!("DELETE /v2/applications/a1", NONE, Nothing, |c| c.delete_application("a1")),
        op!("PUT /v2/applications/a1/site-binding/s1", NONE, Nothing,
            |c| c.bind_application_to_site("a1", "s1")),
        op!("GET /v2/applications/a1/status", fx!("application_status_response"), Nothing,
            |c| c.application_status("a1")),
        // Policies (1196-2103).
        op!("POST /v2/policies", fx!("policy_create_response"), Fixture(fx!("policy_create_request")),
            |c| c.create_policy(&de(fx!("policy_create_request")))),
        op!("GET /v2/policies?page=0&size=10&sort=name%2Cdesc&filter=test",
            fx!("policies_list_response"), Nothing,
            |c| c.list_policies(&list(10, "name,desc", "test"))),
        op!("GET /v2/policies/p1", fx!("policy_get_response"), Nothing, |c| c.get_policy("p1")),
        op!("PUT /v2/policies/p1", fx!("policy_update_response"), Fixture(fx!("policy_update_request")),
            |c| c.update_policy("p1", &de(fx!("policy_update_request")))),
        op!("DELETE /v2/policies/p1", NONE, Nothing, |c| c.delete_policy("p1")),
        op!("GET /v2/policies/config/condition-definitions",
            fx!("policy_condition_definitions_response"), Nothing, |c| c.condition_definitions()),
        op!("GET /v2/policies/config/action-types", fx!("policy_action_types_response"), Nothing,
            |c| c.action_types()),
        op!("GET /v2/policies/config/validator-types", fx!("policy_validator_types_response"),
            Nothing, |c| c.validator_types()),
        op!("GET /v2/policies/by-app-id/a1", fx!("policies_by_app_response"), Nothing,
            |c| c.policies_of_application("a1")),
        op!("PUT /v2/policies/by-app-id/a1", NONE, Fixture(fx!("policies_by_app_replace_request")),
            |c| c.replace_application_policies("a1", &de(fx!("policies_by_app_replace_request")))),
        op!("POST /v2/policies/by-app-id/a1", NONE, Fixture(fx!("policies_by_app_add_request")),
            |c| c.add_application_to_policies("a1", &de(fx!("policies_by_app_add_request")))),
        op!("DELETE /v2/policies/by-app-id/a1", NONE, Fixture(fx!("policies_by_app_remove_request")),
            |c| c.remove_application_from_policies("a1", &de(fx!("policies_by_app_remove_request")))),
        // Collections and role bindings (2104-2550).
        op!("POST /v2/collection/site-links", fx!("collection_site_links_response"),
            Fixture(fx!("collection_site_links_request")),
            |c| c.link_sites_to_collections(
                &de::<CollectionSiteLinks>(fx!("collection_site_links_request")).links)),
        op!("GET /v2/collection/site-links/col1", fx!("collection_site_links_get_response"), Nothing,
            |c| c.collection_site_links("col1")),
        op!("DELETE /v2/collection/site-links/col1/s1", NONE, Nothing,
            |c| c.unlink_site_from_collection("col1", "s1")),
        op!("GET /v2/collection?page=0&size=10&sort=name%2Cdesc&name=test&application-id=a1&site-id=s1&policy-id=p1",
            fx!("collections_list_response"), Nothing,
            |c| c.list_collections(&CollectionQuery {
                list: list(10, "name,desc", ""),
                name: Some("test".into()),
                application_id: Some("a1".into()),
                site_id: Some("s1".into()),
                policy_id: Some("p1".into()),
            })),
        op!("POST /v2/collection", fx!("collection_create_response"),
            Fixture(fx!("collection_create_request")),
            |c| c.create_collection(&de(fx!("collection_create_request")))),
        op!("GET /v2/collection/col1", fx!("collection_get_response"), Nothing,
            |c| c.get_collection("col1")),
        op!("PUT /v2/collection/col1", fx!("collection_update_response"),
            Fixture(fx!("collection_update_request")),
            |c| c.update_collection("col1", &NewCollection::named("string"))),
        op!("DELETE /v2/collection/col1", NONE, Nothing, |c| c.delete_collection("col1")),
        op!("GET /v2/collection/site/s1", fx!("collections_of_site_response"), Nothing,
            |c| c.collections_of_site("s1")),
        op!("GET /v2/collection/role-bindings?sort=displayName&direction=asc&page=0&size=10&entityType=User&roleType=TenantAdmin",
            fx!("role_bindings_list_response"), Nothing,
            |c| c.list_role_bindings(&RoleBindingQuery {
                list: list(10, "displayName", ""),
                direction: Some("asc".into()),
                entity_type: Some(EntityType::User),
                role_type: Some(RoleType::TenantAdmin),
                ..RoleBindingQuery::default()
            })),
        op!("POST /v2/collection/tenant-role-bindings", fx!("role_binding_tenant_response"),
            Fixture(fx!("role_binding_tenant_request")),
            |c| c.create_tenant_role_bindings(&de(fx!("role_binding_tenant_request")))),
        op!("POST /v2/collection/collection-role-bindings", fx!("role_binding_collection_response"),
            Fixture(fx!("role_binding_collection_request")),
            |c| c.create_collection_role_bindings(&de(fx!("role_binding_collection_request")))),
        op!("POST /v2/collection/site-role-bindings", fx!("role_binding_site_response"),
            Fixture(fx!("role_binding_site_request")),
            |c| c.create_site_role_bindings(&de(fx!("role_binding_site_request")))),
        op!("POST /v2/collection/role-bindings/delete", NONE,
            Fixture(fx!("role_bindings_delete_request")),
            |c| c.delete_role_bindings(&["6fd0a892-8b70-471a-9dd7-bf374b07451f".to_owned()])),
        // DNS groups and servers (2551-2873).
        op!("POST /v2/wss-integration-tenant/dns-groups", fx!("dns_group_create_response"),
            Json(dns_group_body()),
            |c| c.create_dns_group(&de(fx!("dns_group_create_request")))),
        op!("GET /v2/wss-integration-tenant/dns-groups?page=0&size=50", fx!("dns_groups_list_response"),
            Nothing, |c| c.list_dns_groups(&ListQuery::default())),
        op!("GET /v2/wss-integration-tenant/dns-groups/g1", fx!("dns_group_get_response"), Nothing,
            |c| c.get_dns_group("g1")),
        op!("PUT /v2/wss-integration-tenant/dns-groups/g1", fx!("dns_group_update_response"),
            Json(dns_group_body()),
            |c| c.update_dns_group("g1", &de(fx!("dns_group_update_request")))),
        op!("DELETE /v2/wss-integration-tenant/dns-groups/g1", NONE, Nothing,
            |c| c.delete_dns_group("g1")),
        op!("POST /v2/wss-integration-tenant/dns-groups/g1/servers", fx!("dns_server_create_response"),
            Fixture(fx!("dns_server_create_request")),
            |c| c.create_dns_server("g1", &de(fx!("dns_server_create_request")))),
        op!("GET /v2/wss-integration-tenant/dns-groups/g1/servers", fx!("dns_servers_list_response"),
            Nothing, |c| c.list_dns_servers("g1")),
        op!("GET /v2/wss-integration-tenant/dns-groups/g1/servers/d1", fx!("dns_server_get_response"),
            Nothing, |c| c.get_dns_server("g1", "d1")),
        op!("PUT /v2/wss-integration-tenant/dns-groups/g1/servers/d1",
            fx!("dns_server_update_response"), Fixture(fx!("dns_server_update_request")),
            |c| c.update_dns_server("g1", "d1", &de(fx!("dns_server_update_request")))),
        op!("POST /v2/wss-integration-tenant/dns-groups/g1/servers/delete-by-ids", NONE,
            Fixture(fx!("dns_servers_delete_request")),
            |c| c.delete_dns_servers("g1", &["6fd0a892-8b70-471a-9dd7-bf374b07451f".to_owned()])),
        op!("PUT /v2/wss-integration-tenant/dns-groups/g1/server-order", NONE,
            Fixture(fx!("dns_server_order_request")),
            |c| c.set_dns_server_order("g1", &["6fd0a892-8b70-471a-9dd7-bf374b07451f".to_owned()])),
        op!("POST /v2/wss-integration-tenant/dns-groups/enable-by-ids", NONE,
            Json(json!({"enable": true, "groupIds": ["99116c18-d842-4d2e-82b7-a493cc86e649"]})),
            |c| c.enable_dns_groups(true, &["99116c18-d842-4d2e-82b7-a493cc86e649".to_owned()])),
        // Identities (2874-3413).
        op!("GET /v2/identities/settings/identity-providers?includeLocal=false",
            fx!("identity_providers_list_response"), Nothing, |c| c.list_identity_providers(false)),
        op!("GET /v2/identities/idp1/users?filter=test&pageOffset=1&perPage=10&sortBy=email%3Adesc&email=john",
            fx!("users_list_response"), Nothing,
            |c| c.list_users("idp1", &IdentityQuery {
                filter: Some("test".into()),
                page_offset: Some(PageCursor::from(1)),
                sort_by: Some("email:desc".into()),
                per_page: 10,
                email: Some("john".into()),
            })),
        op!("GET /v2/identities/idp1/users/u1", fx!("user_get_response"), Nothing,
            |c| c.get_user("idp1", "u1")),
        op!("DELETE /v2/identities/idp1/users/u1", NONE, Nothing, |c| c.delete_user("idp1", "u1")),
        op!("POST /v2/identities/local/users", fx!("local_user_create_response"),
            Fixture(fx!("local_user_create_request")),
            |c| c.create_local_user(&de(fx!("local_user_create_request")))),
        op!("PUT /v2/identities/local/users/u1", fx!("local_user_update_response"),
            Fixture(fx!("local_user_update_request")),
            |c| c.update_local_user("u1", &de(fx!("local_user_update_request")))),
        op!("DELETE /v2/identities/local/users/u1", NONE, Nothing, |c| c.delete_local_user("u1")),
        op!("GET /v2/identities/settings/blocked-users", fx!("blocked_users_list_response"), Nothing,
            |c| c.list_blocked_users()),
        op!("POST /v2/identities/idp1/users/u1/block", NONE, Nothing, |c| c.block_user("idp1", "u1")),
        op!("DELETE /v2/identities/idp1/users/u1/block", NONE, Nothing,
            |c| c.unblock_user("idp1", "u1")),
        op!("GET /v2/identities/idp1/groups/grp1", fx!("group_get_response"), Nothing,
            |c| c.get_group("idp1", "grp1")),
        op!("DELETE /v2/identities/idp1/groups/grp1", NONE, Nothing,
            |c| c.delete_group("idp1", "grp1")),
        op!("GET /v2/identities/idp1/groups?filter=test&pageOffset=1&perPage=10&sortBy=email%3Adesc",
            fx!("groups_list_response"), Nothing,
            |c| c.list_groups("idp1", &IdentityQuery {
                filter: Some("test".into()),
                page_offset: Some(PageCursor::from(1)),
                sort_by: Some("email:desc".into()),
                per_page: 10,
                email: Some("not sent".into()),
            })),
        op!("POST /v2/identities/idp1/groups", fx!("group_create_response"),
            Fixture(fx!("group_create_request")),
            |c| c.create_group("idp1", &NewGroup { name: "Administrators".into() })),
        op!("GET /v2/identities/idp1/groups/grp1/users?pageOffset=1&perPage=10",
            fx!("group_users_list_response"), Nothing,
            |c| c.group_members("idp1", "grp1", &IdentityQuery {
                page_offset: Some(PageCursor::from(1)),
                per_page: 10,
                ..IdentityQuery::default()
            })),
        op!("DELETE /v2/identities/local/groups/grp1/users/u1", NONE, Nothing,
            |c| c.remove_user_from_local_group("grp1", "u1")),
        op!("PUT /v2/identities/local/groups/grp1/users/u1", NONE, Nothing,
            |c| c.add_user_to_local_group("grp1", "u1")),
        // SSH clients (3414-3457).
        op!("GET /v2/ssh-clients?page=0&size=10&sort=name&filter=test", fx!("ssh_clients_list_response"),
            Nothing, |c| c.list_ssh_clients(&list(10, "name", "test"))),
        // SCIM (3458-3866).
        op!("POST /v2/identities/idp1/scim/users", fx!("scim_user_create_response"),
            Fixture(fx!("scim_user_create_request")),
            |c| c.create_scim_user("idp1", &de(fx!("scim_user_create_request")))),
        op!("GET /v2/identities/idp1/scim/users", fx!("scim_users_list_response"), Nothing,
            |c| c.list_scim_users("idp1", &ScimQuery::default())),
        op!("GET /v2/identities/idp1/scim/users/su1", fx!("scim_user_get_response"), Nothing,
            |c| c.get_scim_user("idp1", "su1")),
        op!("DELETE /v2/identities/idp1/scim/users/su1", NONE, Nothing,
            |c| c.delete_scim_user("idp1", "su1")),
        op!("PUT /v2/identities/idp1/scim/users/su1", fx!("scim_user_update_response"),
            Fixture(fx!("scim_user_update_request")),
            // The answer of a get, id included: the id is not sent in the body.
            |c| c.update_scim_user("idp1", "su1", &de(fx!("scim_user_get_response")))),
        op!("POST /v2/identities/idp1/scim/groups", fx!("scim_group_create_response"),
            Fixture(fx!("scim_group_create_request")),
            |c| c.create_scim_group("idp1", &de(fx!("scim_group_create_request")))),
        op!("GET /v2/identities/idp1/scim/groups", fx!("scim_groups_list_response"), Nothing,
            |c| c.list_scim_groups("idp1", &ScimQuery::default())),
        op!("GET /v2/identities/idp1/scim/groups/sg1", fx!("scim_group_get_response"), Nothing,
            |c| c.get_scim_group("idp1", "sg1")),
        op!("PUT /v2/identities/idp1/scim/groups/sg1", fx!("scim_group_update_response"),
            Fixture(fx!("scim_group_update_request")),
            |c| c.update_scim_group("idp1", "sg1", &de(fx!("scim_group_get_response")))),
        op!("DELETE /v2/identities/idp1/scim/groups/sg1", NONE, Nothing,
            |c| c.delete_scim_group("idp1", "sg1")),
        op!("PATCH /v2/identities/idp1/scim/groups/sg1", fx!("scim_group_patch_response"),
            Fixture(fx!("scim_group_patch_request")),
            |c| c.patch_scim_group("idp1", "sg1",
                &ScimPatch::add_members(&["99116c18-d842-4d2e-82b7-a493cc86e649"]))),
        // Cloud integrations (3867-4070).
        op!("GET /v2/cloud-integrations/integrations", fx!("cloud_integrations_list_response"),
            Nothing, |c| c.list_cloud_integrations()),
        op!("POST /v2/cloud-integrations/integrations", fx!("cloud_integration_create_response"),
            Fixture(fx!("cloud_integration_create_request")),
            |c| c.create_cloud_integration(&de(fx!("cloud_integration_create_request")))),
        op!("GET /v2/cloud-integrations/integrations/ci1", fx!("cloud_integration_get_response"),
            Nothing, |c| c.get_cloud_integration("ci1")),
        op!("PUT /v2/cloud-integrations/integrations/ci1", fx!("cloud_integration_update_response"),
            Fixture(fx!("cloud_integration_update_request")),
            |c| c.update_cloud_integration("ci1", &de(fx!("cloud_integration_update_request")))),
        op!("DELETE /v2/cloud-integrations/integrations/ci1", NONE, Nothing,
            |c| c.delete_cloud_integration("ci1")),
        // Logs (4071-4270).
        op!("POST /v2/logs/audit", fx!("audit_logs_search_response"),
            Fixture(fx!("audit_logs_search_request")),
            |c| c.search_audit_logs(&de(fx!("audit_logs_search_request")))),
        op!("POST /v2/logs/forensics", fx!("forensics_logs_search_response"),
            Fixture(fx!("forensics_logs_search_request")),
            |c| c.search_logs(LogKind::Forensics, &de(fx!("forensics_logs_search_request")))),
    ]
}

#[tokio::test]
async fn all_99_operations_use_the_documented_method_path_body_and_answer() {
    let ops = table();
    assert_eq!(ops.len(), 99, "one row per operation of endpoints.md");
    let replies: HashMap<String, &'static str> =
        ops.iter().map(|o| (o.want.to_owned(), o.reply)).collect();
    assert_eq!(replies.len(), 99, "every row is a distinct call");
    let fake = Fake::start(move |s, _| {
        let key = format!("{} {}", s.method, s.path);
        match replies.get(&key) {
            Some(body) => Reply::raw(200, body),
            None => Reply::json(404, json!({"message": format!("no route {key}")})),
        }
    })
    .await;
    let c = static_client(&fake, |c| c.cache_ttl = Duration::ZERO);
    for op in &ops {
        if let Err(e) = (op.call)(c.clone()).await {
            panic!("{}: {e}", op.want);
        }
    }
    let seen = fake.api_calls();
    assert_eq!(seen.len(), 99);
    for (op, s) in ops.iter().zip(&seen) {
        assert_eq!(format!("{} {}", s.method, s.path), op.want);
        let body: Option<Value> =
            (!s.body.is_empty()).then(|| serde_json::from_slice(&s.body).unwrap());
        match &op.sent {
            Sent::Nothing => assert!(body.is_none(), "{}: unexpected body {body:?}", op.want),
            Sent::Fixture(text) => assert_eq!(
                body.map(strip_nulls),
                Some(strip_nulls(serde_json::from_str(text).unwrap())),
                "{}",
                op.want
            ),
            Sent::Json(v) => assert_eq!(body.as_ref(), Some(v), "{}", op.want),
        }
    }
    // One stable snake_case metrics name per operation.
    let text = metrics_text(&c);
    let names: BTreeSet<String> = text
        .lines()
        .filter(|l| l.starts_with("upstream_requests_total{"))
        .filter_map(|l| l.split("operation=\"").nth(1))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(names.len(), 99, "{names:?}");
    for n in &names {
        assert!(
            n.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'),
            "{n} is not snake_case"
        );
    }
}
