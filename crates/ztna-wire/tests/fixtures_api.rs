//! Every example body of the reference lines 778-4270 (applications to logs), decoded into the
//! typed models with key values asserted, and the request bodies the client builds compared
//! with the documented ones (as JSON values; "null = missing", so explicit nulls of the
//! examples are compared as absent).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use time::macros::datetime;
use ztna_wire::*;

fn decode<T: DeserializeOwned>(text: &str) -> T {
    serde_json::from_str(text).expect("fixture decodes")
}

fn as_value(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is JSON")
}

/// The value with every `null` member of every object removed ("null = missing").
fn strip_nulls(v: Value) -> Value {
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

/// The body `body` serialises to equals the documented example (nulls as missing).
fn same_body<T: serde::Serialize>(body: &T, fixture: &str) {
    assert_eq!(
        strip_nulls(serde_json::to_value(body).unwrap()),
        strip_nulls(as_value(fixture))
    );
}

fn keys(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

const APP_ID: &str = "6fd0a892-8b70-471a-9dd7-bf374b07451f";
const POLICY_ID: &str = "1e1513c8-3801-4e58-bba3-e2466bd3fbb4";
const COLL_ID: &str = "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59";
const T25: time::OffsetDateTime = datetime!(2025-07-28 13:34:25 UTC);

// ---------------------------------------------------------------- applications

fn example_ssh_application() -> NewApplication {
    NewApplication {
        id: Some(APP_ID.into()),
        name: "TestApplication".into(),
        app_type: ApplicationType::Ssh,
        icon: None,
        is_visible: true,
        is_notification_enabled: true,
        enabled: true,
        collection_id: Some(APP_ID.into()),
        connection_settings: ConnectionSettings {
            internal_address: Some("tcp://127.0.0.1:22".into()),
            external_address: Some("testapp.acme.luminatesec.com".into()),
            luminate_address: Some("testapp.acme.luminatesec.com".into()),
            subdomain: None,
            ..ConnectionSettings::default()
        },
        ..NewApplication::default()
    }
}

#[test]
fn application_create_request() {
    let text = include_str!("fixtures/application_create_request.json");
    same_body(&example_ssh_application(), text);
    assert_eq!(decode::<NewApplication>(text), example_ssh_application());
}

#[test]
fn application_update_request() {
    let text = include_str!("fixtures/application_update_request.json");
    same_body(&example_ssh_application(), text);
    // Booleans are written even when they are the defaults.
    let body = serde_json::to_value(example_ssh_application()).unwrap();
    for k in ["isVisible", "isNotificationEnabled", "enabled"] {
        assert_eq!(body[k], json!(true), "{k}");
    }
}

fn check_example_http_application(a: &Application) {
    assert_eq!(a.id, APP_ID);
    assert_eq!(a.name, "TestApplication");
    assert_eq!(a.app_type, ApplicationType::Http);
    assert_eq!(a.sub_type, Some(ApplicationSubType::HttpLuminateDomain));
    assert_eq!(
        (a.created_on, a.modified_on),
        (1_539_000_953_351, 1_539_000_956_235)
    );
    assert!(a.icon.is_none());
    assert!(a.is_visible && a.is_notification_enabled && a.enabled);
    let h = a.health.as_ref().unwrap();
    assert_eq!(h.application_id, APP_ID);
    assert_eq!(h.status, ApplicationHealthStatus::PartiallyAvailable);
    assert_eq!(
        h.cause.as_deref(),
        Some("Some connector fail to expose application")
    );
    assert_eq!(h.total_number_of_connectors, 2);
    assert_eq!(h.last_available_on, 1_539_680_482_000);
    assert_eq!(a.collection_id.as_deref(), Some(APP_ID));
    let cs = &a.connection_settings;
    assert_eq!(cs.health_url.as_deref(), Some("/HealthCheck"));
    assert_eq!(cs.health_method.as_deref(), Some("Head"));
    assert!(cs.subdomain.is_none() && cs.custom_ssl_certificate.is_none());
    let lt = a.link_translation_settings.as_ref().unwrap();
    assert!(lt.is_default_content_rewrite_rules_enabled);
    assert!(lt.is_default_header_rewrite_rules_enabled);
    assert!(!lt.use_external_address_for_host_and_sni);
    assert!(lt.linked_applications.is_empty());
    let headers = a
        .request_customization_settings
        .as_ref()
        .unwrap()
        .header_customization
        .headers();
    assert_eq!(headers.len(), 4);
    assert_eq!(
        headers[0],
        ("X-Forwarded-For".to_owned(), "'$SOURCEIP$'".to_owned())
    );
    assert_eq!(headers[3].0, "X-EMAIL-ADDRESS");
}

fn check_single_http_application(text: &str) {
    let a: Application = decode(text);
    check_example_http_application(&a);
    // The rendered docs' discriminator is kept on read but never sent back.
    assert_eq!(
        a.extra.get("ApplicationHTTP"),
        Some(&json!("ApplicationHTTP"))
    );
    let body = serde_json::to_value(NewApplication::from(&a)).unwrap();
    assert!(body.get("ApplicationHTTP").is_none());
    assert!(body.get("health").is_none() && body.get("createdOn").is_none());
    assert_eq!(
        body["requestCustomizationSettings"]["headerCustomization"],
        as_value(text)["requestCustomizationSettings"]["headerCustomization"]
    );
}

#[test]
fn application_create_response() {
    check_single_http_application(include_str!("fixtures/application_create_response.json"));
}

#[test]
fn application_get_response() {
    check_single_http_application(include_str!("fixtures/application_get_response.json"));
}

#[test]
fn application_update_response() {
    check_single_http_application(include_str!("fixtures/application_update_response.json"));
}

#[test]
fn applications_list_response() {
    let p: Page<Application> = decode(include_str!("fixtures/applications_list_response.json"));
    assert_eq!(p.content.len(), 1);
    let a = &p.content[0];
    check_example_http_application(a);
    let tcp = a.tcp_tunnel_settings.as_ref().unwrap();
    assert_eq!(tcp.len(), 2);
    assert_eq!(tcp[1].target, "127.0.0.2");
    assert_eq!(tcp[1].ports, [80, 8080]);
    let cloud = a.cloud_integration_data.as_ref().unwrap();
    assert_eq!(cloud.tags.len(), 2);
    assert_eq!(
        (cloud.tags[1].key.as_str(), cloud.tags[1].value.as_str()),
        ("key2", "value2")
    );
    assert_eq!(
        cloud.segment_id.as_deref(),
        Some("bd3e5b97-3521-4f08-b7b1-9970a47fd984")
    );
    assert_eq!(cloud.vpcs.len(), 2);
    assert_eq!(cloud.vpcs[0].vpc, "vpc-ab123456");
    assert_eq!(cloud.vpcs[0].cidr_block, "194.24.0.0/16");
    assert_eq!(cloud.vpcs[0].integration_name.as_deref(), Some("acmeAws"));
    assert_eq!(a.segment_settings.as_ref().unwrap().original_ip, "string");
    assert_eq!(
        a.multiple_segment_settings.as_ref().unwrap()[0].original_ip,
        "10.0.0.0"
    );
    assert!(a.extra.is_empty(), "{:?}", a.extra);
    assert!(p.first && p.last);
    assert_eq!((p.size, p.total_elements, p.total_pages), (50, 1, 1));
}

#[test]
fn application_status_response() {
    let h: ApplicationHealth = decode(include_str!("fixtures/application_status_response.json"));
    assert_eq!(h.application_id, APP_ID);
    assert_eq!(h.status, ApplicationHealthStatus::PartiallyAvailable);
    assert_eq!(h.last_updated_on, 1_539_680_482_000);
    assert_eq!(h.total_number_of_connectors, 2);
}

#[test]
fn no_body_requests() {
    // Bind application to site, unlink a site, delete a collection: the example body is
    // `null`, i.e. no body (the client tests check nothing is sent).
    for text in [
        include_str!("fixtures/application_bind_site_request.json"),
        include_str!("fixtures/collection_site_unlink_request.json"),
        include_str!("fixtures/collection_delete_request.json"),
    ] {
        assert!(as_value(text).is_null());
    }
}

// ---------------------------------------------------------------- errors

#[test]
fn error_bodies() {
    for text in [
        include_str!("fixtures/error_delete_application.json"),
        include_str!("fixtures/error_bind_application_site.json"),
        include_str!("fixtures/error_delete_policy.json"),
        include_str!("fixtures/error_policies_by_app_replace.json"),
        include_str!("fixtures/error_policies_by_app_add.json"),
        include_str!("fixtures/error_policies_by_app_remove.json"),
        include_str!("fixtures/error_collection_site_unlink.json"),
        include_str!("fixtures/error_delete_collection.json"),
        include_str!("fixtures/error_role_bindings_delete.json"),
        include_str!("fixtures/error_delete_dns_group.json"),
        include_str!("fixtures/error_dns_servers_delete.json"),
        include_str!("fixtures/error_dns_server_order.json"),
        include_str!("fixtures/error_dns_groups_enable.json"),
        include_str!("fixtures/error_delete_user.json"),
        include_str!("fixtures/error_delete_local_user.json"),
        include_str!("fixtures/error_block_user.json"),
        include_str!("fixtures/error_unblock_user.json"),
        include_str!("fixtures/error_delete_group.json"),
        include_str!("fixtures/error_remove_group_user.json"),
        include_str!("fixtures/error_add_group_user.json"),
        include_str!("fixtures/error_delete_cloud_integration.json"),
    ] {
        let e: ErrorBody = decode(text);
        assert_eq!(
            e.request_identifier.as_deref(),
            Some("c1f30631-de5d-4d5a-bba1-03571bdaf306")
        );
        assert_eq!(
            (e.timestamp, e.status),
            (Some(1_548_259_503_065), Some(400))
        );
        assert_eq!(e.reason_phrase.as_deref(), Some("Bad Request"));
        assert_eq!(
            e.summary().as_deref(),
            Some("Invalid request parameters: Invalid ID format - failed to process request")
        );
    }
    for text in [
        include_str!("fixtures/error_delete_scim_user.json"),
        include_str!("fixtures/error_delete_scim_group.json"),
    ] {
        let e: ErrorBody = decode(text);
        assert_eq!(e.status, Some(401));
        assert_eq!(e.timestamp, Some(1_551_881_524_069));
        assert_eq!(e.errors, vec![json!("Invalid session")]);
        assert_eq!(
            e.summary().as_deref(),
            Some("You are not authorized to perform this operation.")
        );
    }
}

// ---------------------------------------------------------------- policies

fn example_entity() -> DirectoryEntity {
    DirectoryEntity::local_user("4fd0a357-8b70-345a-9dd7-bf359b07451f", "John Doe")
}

fn example_policy() -> Policy {
    let mut validators = Validators::default();
    validators.set("MFA", true);
    Policy {
        policy_type: PolicyType::Access,
        target_protocol: PolicyTargetProtocol::Ssh,
        target_protocol_sub_type: Some(PolicyTargetProtocolSubType::RdpNative),
        id: Some(POLICY_ID.into()),
        enabled: true,
        created_at: None,
        name: "Contractors Policy to Jira".into(),
        collection_id: Some(APP_ID.into()),
        directory_entities: vec![example_entity()],
        applications: vec![PolicyApplication {
            id: APP_ID.into(),
            app_type: ApplicationType::Http,
        }],
        filter_conditions: vec![PolicyCondition::new(
            "LOCATION_RESTRICTION",
            "COUNTRIES",
            &["Argentina", "Angola"],
        )],
        time_settings_type: TimeSettingsType::Permanent,
        status: Some("expired".into()),
        validators,
        rdp_settings: Some(RdpSettings {
            long_term_password: false,
        }),
        ssh_settings: Some(SshSettings {
            accounts: vec!["ubuntu".into(), "root".into()],
            auto_mapping: true,
            ..SshSettings::default()
        }),
        tcp_settings: Some(TcpSettings::default()),
        time_settings: Some(TimeSettings {
            from_date: "1985-04-12T23:20:50.52Z".into(),
            to_date: "1985-04-12T23:20:50.52Z".into(),
        }),
        working_hours_settings: Some(WorkingHoursSettings {
            days: vec![true, true, true, true, false, false, false],
            from_hour: "08:00".into(),
            to_hour: "17:00".into(),
            end_date: Some("2025-04-14T23:20:50.52Z".into()),
        }),
        containers: None,
        is_whitelist: None,
        is_isolation: None,
        extra: serde_json::Map::new(),
    }
}

fn example_policy_with_rules() -> Policy {
    let mut p = example_policy();
    p.containers = Some(vec![PolicyRule {
        conditions: vec![PolicyCondition::new(
            "SSH_COMMAND_WHITELIST",
            "SSH_COMMAND",
            &["sudo", "ls", "chmod"],
        )],
        action_id: "ALLOW".into(),
        isolation_profile_id: Some(APP_ID.into()),
        dlp_filter_id: Some(APP_ID.into()),
    }]);
    p.is_whitelist = Some(true);
    p.is_isolation = Some(true);
    // The rendered docs' discriminator, present in the update example.
    p.extra.insert("PolicyAccess".into(), json!("Policy"));
    p
}

#[test]
fn policy_create_request() {
    let text = include_str!("fixtures/policy_create_request.json");
    assert_eq!(
        serde_json::to_value(example_policy().to_write()).unwrap(),
        as_value(text)
    );
    assert_eq!(decode::<Policy>(text), example_policy());
}

#[test]
fn policy_update_request() {
    let text = include_str!("fixtures/policy_update_request.json");
    assert_eq!(
        serde_json::to_value(example_policy_with_rules().to_write()).unwrap(),
        as_value(text)
    );
    assert_eq!(decode::<Policy>(text), example_policy_with_rules());
}

/// A policy answer: the example policy with the entity's tenant id and `createdAt`.
fn check_policy_answer(p: &Policy, with_rules: bool) {
    let mut want = if with_rules {
        example_policy_with_rules()
    } else {
        example_policy()
    };
    want.directory_entities[0].id = Some("2fd0a178-8b70-296a-9dd7-bf260b07683f".into());
    want.created_at = p.created_at;
    assert_eq!(p, &want);
    assert!(p.validators.is_enabled("MFA"));
    assert_eq!(
        p.filter_conditions[0].argument_strings("COUNTRIES"),
        ["Argentina", "Angola"]
    );
}

#[test]
fn policy_create_response() {
    let p: Policy = decode(include_str!("fixtures/policy_create_response.json"));
    assert!(p.created_at.is_none(), "`createdAt: {{}}` reads as absent");
    check_policy_answer(&p, true);
}

#[test]
fn policy_get_response() {
    let p: Policy = decode(include_str!("fixtures/policy_get_response.json"));
    assert!(p.created_at.is_none());
    check_policy_answer(&p, true);
}

#[test]
fn policy_update_response() {
    let p: Policy = decode(include_str!("fixtures/policy_update_response.json"));
    check_policy_answer(&p, true);
    // Re-sending it drops only the read-only createdAt.
    let body = serde_json::to_value(p.to_write()).unwrap();
    assert!(body.get("createdAt").is_none());
    assert_eq!(body["PolicyAccess"], json!("Policy"));
}

#[test]
fn policies_list_response() {
    let page: Page<Policy> = decode(include_str!("fixtures/policies_list_response.json"));
    assert_eq!(page.content.len(), 1);
    let p = &page.content[0];
    assert_eq!(p.created_at, Some(datetime!(1985-04-12 23:20:50.52 UTC)));
    check_policy_answer(p, false);
    assert!(page.first && page.last && page.total_elements == 1);
}

#[test]
fn policies_by_app_response() {
    let all: Vec<Policy> = decode(include_str!("fixtures/policies_by_app_response.json"));
    assert_eq!(all.len(), 1);
    assert!(all[0].created_at.is_some());
    check_policy_answer(&all[0], false);
    assert!(all[0].application_ids().contains(APP_ID));
}

#[test]
fn policy_condition_definitions_response() {
    // Printed as one bare object; the list call reads it as a list of one.
    let all: OneOrMany<ConditionDefinition> = decode(include_str!(
        "fixtures/policy_condition_definitions_response.json"
    ));
    assert_eq!(all.0.len(), 1);
    let d = &all.0[0];
    assert_eq!(d.id, "LOCATION_RESTRICTION");
    assert_eq!(d.display_name, "Location");
    let p = &d.condition_parameters[0];
    assert_eq!(
        (p.parameter_id.as_str(), p.element_type.as_str()),
        ("COUNTRIES", "enum")
    );
    let e = p.enum_settings.as_ref().unwrap();
    assert!(e.is_multiple);
    assert_eq!(
        (e.values[0].id.as_str(), e.values[0].display_name.as_str()),
        ("IL", "Israel")
    );
    let s = p.string_settings.as_ref().unwrap();
    assert_eq!(s.regex_validator.as_deref(), Some("^Symantec ZTNA1$"));
    let n = p.number_settings.as_ref().unwrap();
    assert_eq!((n.min, n.max), (5, 10));
    assert_eq!(d.type_mapping[0].application_type, ApplicationType::Http);
    assert_eq!(d.type_mapping[0].policy_type, PolicyType::Access);
}

#[test]
fn policy_action_types_response() {
    let all: Vec<ActionType> = decode(include_str!("fixtures/policy_action_types_response.json"));
    assert_eq!(
        all,
        vec![ActionType {
            id: "BLOCK".into(),
            name: "block".into(),
            description: "block the action".into()
        }]
    );
}

#[test]
fn policy_validator_types_response() {
    let all: Vec<ValidatorType> = decode(include_str!(
        "fixtures/policy_validator_types_response.json"
    ));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, "MFA");
    assert_eq!(all[0].application_type, ApplicationType::Http);
    // `MFA` here is `VALIDATOR_MFA` in policies.
    let p: Policy = decode(include_str!("fixtures/policy_get_response.json"));
    assert!(p.validators.is_enabled(&all[0].id));
}

fn example_app_policies() -> AppPolicies {
    AppPolicies {
        application_type: ApplicationType::Http,
        policy_ids: vec!["string".into()],
    }
}

#[test]
fn policies_by_app_requests() {
    for text in [
        include_str!("fixtures/policies_by_app_replace_request.json"),
        include_str!("fixtures/policies_by_app_add_request.json"),
        include_str!("fixtures/policies_by_app_remove_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_app_policies()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<AppPolicies>(text), example_app_policies());
    }
}

// ---------------------------------------------------------------- collections

fn example_link() -> CollectionSiteLink {
    CollectionSiteLink {
        site_id: "ff5ef47d-3e9c-418b-abfc-a1f702fa0c59".into(),
        collection_id: "dd5ef47d-3e9c-418b-abfc-a1f702fa0c59".into(),
    }
}

#[test]
fn collection_site_links_request() {
    let body = CollectionSiteLinks {
        links: vec![example_link()],
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        as_value(include_str!("fixtures/collection_site_links_request.json"))
    );
}

#[test]
fn collection_site_links_responses() {
    for text in [
        include_str!("fixtures/collection_site_links_response.json"),
        include_str!("fixtures/collection_site_links_get_response.json"),
    ] {
        let l: CollectionSiteLinks = decode(text);
        assert_eq!(l.links, vec![example_link()]);
    }
}

fn check_example_collection(c: &Collection) {
    assert_eq!(c.id, COLL_ID);
    assert_eq!(c.parent_id.as_deref(), Some(COLL_ID));
    assert_eq!(c.name, "string");
    assert_eq!((c.count_resources, c.count_linked_sites), (0, 0));
    assert_eq!(c.fqdn.as_deref(), Some("string"));
}

#[test]
fn collections_list_response() {
    let p: Page<Collection> = decode(include_str!("fixtures/collections_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_collection(&p.content[0]);
    assert_eq!((p.total_elements, p.number_of_elements), (1, 1));
}

#[test]
fn collection_create_request() {
    let body = NewCollection {
        id: Some(COLL_ID.into()),
        name: "string".into(),
    };
    let text = include_str!("fixtures/collection_create_request.json");
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    assert_eq!(decode::<NewCollection>(text), body);
}

#[test]
fn collection_update_request() {
    let c: Collection = decode(include_str!("fixtures/collection_get_response.json"));
    assert_eq!(
        serde_json::to_value(NewCollection::from(&c)).unwrap(),
        as_value(include_str!("fixtures/collection_update_request.json"))
    );
}

#[test]
fn collection_responses() {
    for text in [
        include_str!("fixtures/collection_create_response.json"),
        include_str!("fixtures/collection_get_response.json"),
        include_str!("fixtures/collection_update_response.json"),
    ] {
        check_example_collection(&decode(text));
    }
}

#[test]
fn collections_of_site_response() {
    let s: SiteCollections = decode(include_str!("fixtures/collections_of_site_response.json"));
    assert_eq!(s.collection_ids, [COLL_ID]);
}

// ---------------------------------------------------------------- role bindings

fn check_example_binding(b: &RoleBinding) {
    assert_eq!(b.id, COLL_ID);
    assert_eq!(b.created_at, Some(T25));
    assert_eq!(b.role.name, "Tenant Viewer");
    assert_eq!(b.role.role_type, RoleType::TenantAdmin);
    check_example_collection(b.collection.as_ref().unwrap());
    assert_eq!(
        b.entity.id.as_deref(),
        Some("2fd0a178-8b70-296a-9dd7-bf260b07683f")
    );
    assert_eq!(b.entity.entity_type, EntityType::User);
    assert_eq!(b.entity.identity_provider_type, IdentityProviderType::Local);
    let r = b.resource.as_ref().unwrap();
    assert_eq!(r.collection_id.as_deref(), Some(COLL_ID));
    assert_eq!(r.fqdn.as_deref(), Some("r::site"));
    assert_eq!(r.name, "SiteName");
    assert_eq!(r.subject_type, SubjectType::Site);
}

#[test]
fn role_bindings_list_response() {
    let p: Page<RoleBinding> = decode(include_str!("fixtures/role_bindings_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_binding(&p.content[0]);
    // The capitalised wire names are written back as read.
    let v = serde_json::to_value(&p.content[0]).unwrap();
    assert_eq!(v["role"]["RoleType"], json!("TenantAdmin"));
    assert_eq!(v["Collection"]["id"], json!(COLL_ID));
    assert_eq!(v["resource"]["collectionID"], json!(COLL_ID));
}

#[test]
fn role_binding_responses() {
    for text in [
        include_str!("fixtures/role_binding_tenant_response.json"),
        include_str!("fixtures/role_binding_collection_response.json"),
        include_str!("fixtures/role_binding_site_response.json"),
    ] {
        let r: RoleBindings = decode(text);
        assert_eq!(r.role_bindings.len(), 1);
        check_example_binding(&r.role_bindings[0]);
    }
}

#[test]
fn role_binding_tenant_request() {
    let body = TenantRoleBindingRequest {
        role_type: RoleType::TenantAdmin,
        entities: vec![example_entity()],
    };
    let text = include_str!("fixtures/role_binding_tenant_request.json");
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    assert_eq!(decode::<TenantRoleBindingRequest>(text), body);
}

#[test]
fn role_binding_collection_request() {
    let body = CollectionRoleBindingRequest {
        role_type: RoleType::CollectionAdmin,
        collection_id: COLL_ID.into(),
        entities: vec![example_entity()],
    };
    let text = include_str!("fixtures/role_binding_collection_request.json");
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    // `CollectionAdmin` is missing from the reference's enum, but known here.
    assert!(decode::<CollectionRoleBindingRequest>(text)
        .role_type
        .is_known());
}

#[test]
fn role_binding_site_request() {
    let body = SiteRoleBindingRequest {
        role_type: RoleType::SiteEditor,
        site_id: COLL_ID.into(),
        entities: vec![example_entity()],
    };
    let text = include_str!("fixtures/role_binding_site_request.json");
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    assert_eq!(decode::<SiteRoleBindingRequest>(text), body);
}

#[test]
fn role_bindings_delete_request() {
    let body = RoleBindingIds {
        role_binding_ids: vec![APP_ID.into()],
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        as_value(include_str!("fixtures/role_bindings_delete_request.json"))
    );
}

// ---------------------------------------------------------------- DNS

const DNS_GROUP_ID: &str = "0115deec-b583-4335-92f2-8269f0bfd493";

fn check_example_dns_group(g: &DnsGroup) {
    assert_eq!(g.id, DNS_GROUP_ID);
    assert_eq!(g.name, "DNS Group 1");
    assert_eq!(g.status, "Available");
    // A JSON-encoded string in the example.
    assert_eq!(g.domain_suffixes, ["dns-group.com", "other-group.com"]);
    assert!(g.send_notifications, "\"true\" reads as true");
    assert_eq!(
        g.servers,
        [DNS_GROUP_ID, "cf5780a0-4c72-45db-92c4-c7ce517f86e9"]
    );
    assert_eq!(g.server_in_used.as_deref(), Some(DNS_GROUP_ID));
    assert_eq!(g.active_server_address.as_deref(), Some("1.1.1.1"));
}

#[test]
fn dns_group_responses() {
    for text in [
        include_str!("fixtures/dns_group_create_response.json"),
        include_str!("fixtures/dns_group_get_response.json"),
        include_str!("fixtures/dns_group_update_response.json"),
    ] {
        check_example_dns_group(&decode(text));
    }
}

#[test]
fn dns_groups_list_response() {
    let p: Page<DnsGroup> = decode(include_str!("fixtures/dns_groups_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_dns_group(&p.content[0]);
}

#[test]
fn dns_group_requests() {
    // The example sends the suffixes as one JSON-encoded string inside an array and the
    // boolean as "true"; the client sends the same properties as an array and a boolean.
    let body = NewDnsGroup {
        name: "group1".into(),
        domain_suffixes: vec!["dns-group.com".into(), "example.com".into()],
        send_notifications: true,
    };
    for text in [
        include_str!("fixtures/dns_group_create_request.json"),
        include_str!("fixtures/dns_group_update_request.json"),
    ] {
        assert_eq!(decode::<NewDnsGroup>(text), body);
        let sent = serde_json::to_value(&body).unwrap();
        assert_eq!(keys(&sent), keys(&as_value(text)));
        assert_eq!(
            sent,
            json!({"name": "group1", "domainSuffixes": ["dns-group.com", "example.com"],
                   "sendNotifications": true})
        );
    }
    let g: DnsGroup = decode(include_str!("fixtures/dns_group_get_response.json"));
    let keep = NewDnsGroup::from(&g);
    assert_eq!(keep.domain_suffixes, g.domain_suffixes);
    assert!(keep.send_notifications);
}

#[test]
fn dns_groups_enable_request() {
    let text = include_str!("fixtures/dns_groups_enable_request.json");
    let body = EnableDnsGroups {
        enable: true,
        group_ids: vec!["99116c18-d842-4d2e-82b7-a493cc86e649".into()],
    };
    assert_eq!(decode::<EnableDnsGroups>(text), body);
    let sent = serde_json::to_value(&body).unwrap();
    assert_eq!(keys(&sent), keys(&as_value(text)));
    assert_eq!(
        sent,
        json!({"enable": true, "groupIds": ["99116c18-d842-4d2e-82b7-a493cc86e649"]})
    );
}

fn example_new_dns_server() -> NewDnsServer {
    NewDnsServer {
        name: "server1".into(),
        internal_address: "1.1.1.1".into(),
        site_id: "8577c221-7f35-4019-b8d7-31d936bda96b".into(),
        group_id: "gg5ef47d-3e9c-418b-abfc-a1f702fa0c60".into(),
    }
}

#[test]
fn dns_server_requests() {
    for text in [
        include_str!("fixtures/dns_server_create_request.json"),
        include_str!("fixtures/dns_server_update_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_new_dns_server()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<NewDnsServer>(text), example_new_dns_server());
    }
}

fn check_example_dns_server(s: &DnsServer) {
    assert_eq!(s.id, "8577c221-7f35-4019-b8d7-31d936bda96b");
    assert_eq!(s.group_id, "9977c221-7f35-4019-b8d7-31d936bda95f");
    assert_eq!(s.site_id, "3377c221-7f35-4019-b8d7-31d936bda98d");
    assert_eq!(
        (s.name.as_str(), s.internal_address.as_str()),
        ("server1", "1.1.1.1")
    );
    assert_eq!(s.health_status, DnsServerHealth::Available);
    assert_eq!(s.created_at, Some(datetime!(2024-04-12 23:20:50.52 UTC)));
    assert_eq!(s.updated_at, s.created_at);
}

#[test]
fn dns_server_responses() {
    for text in [
        include_str!("fixtures/dns_server_create_response.json"),
        include_str!("fixtures/dns_server_get_response.json"),
        include_str!("fixtures/dns_server_update_response.json"),
    ] {
        check_example_dns_server(&decode(text));
    }
    let all: Vec<DnsServer> = decode(include_str!("fixtures/dns_servers_list_response.json"));
    assert_eq!(all.len(), 1);
    check_example_dns_server(&all[0]);
}

#[test]
fn dns_server_id_requests() {
    let body = DnsServerIds {
        dns_server_ids: vec![APP_ID.into()],
    };
    for text in [
        include_str!("fixtures/dns_servers_delete_request.json"),
        include_str!("fixtures/dns_server_order_request.json"),
    ] {
        assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
        assert_eq!(decode::<DnsServerIds>(text), body);
    }
}

// ---------------------------------------------------------------- identities

#[test]
fn identity_providers_list_response() {
    let all: Vec<IdentityProvider> = decode(include_str!(
        "fixtures/identity_providers_list_response.json"
    ));
    assert_eq!(all.len(), 1);
    let i = &all[0];
    assert_eq!(i.id, POLICY_ID);
    assert_eq!(i.name, "Okta ACME");
    assert_eq!(i.provider, IdentityProviderType::Local);
    assert!(i.is_authenticator && i.is_user_store);
    assert!(i.authenticator_id.is_none() && i.upn_override_value_data_mapping.is_none());
    assert_eq!(i.created_at, Some(T25));
    assert_eq!(
        i.auth0_connection_id.as_deref(),
        Some("con_RWvVa2P2YCCDzZt1")
    );
}

fn check_example_user(u: &User) {
    assert_eq!(u.id, "978f38e3-ec9f-4779-829d-19f1f443dec8");
    assert_eq!(u.username, "john.doe@acme.luminatesec.com");
    assert_eq!(u.notification_email.as_deref(), Some("john.doe@gmail.com"));
    assert_eq!(u.upn.as_deref(), Some("john.doe@acme.com"));
    assert_eq!(u.display_name(), "John Doe");
    assert_eq!(u.email.as_deref(), Some("john.doe@acme.com"));
    assert_eq!(
        (u.created_at, u.updated_at, u.last_login),
        (Some(T25), Some(T25), Some(T25))
    );
    assert_eq!(u.logins_count, 1235);
    assert_eq!(u.repository_type, IdentityProviderType::Local);
    assert!(!u.is_admin && !u.is_deleted && !u.blocked && !u.has_mfa_secret);
    assert_eq!(u.identity_provider_id, "local");
}

#[test]
fn users_list_response() {
    let p: IdentityPage<User> = decode(include_str!("fixtures/users_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_user(&p.content[0]);
    assert!(p.first && p.last);
    assert_eq!((p.size, p.total_elements, p.per_page), (50, 1, 1));
    assert_eq!(p.next_page, Some(PageCursor::from(1)));
}

#[test]
fn user_responses() {
    for text in [
        include_str!("fixtures/user_get_response.json"),
        include_str!("fixtures/local_user_create_response.json"),
        include_str!("fixtures/local_user_update_response.json"),
    ] {
        check_example_user(&decode(text));
    }
}

fn example_local_user() -> NewLocalUser {
    NewLocalUser {
        username: "john.doe@acme.luminatesec.com".into(),
        notification_email: "john.doe@gmail.com".into(),
        upn: Some("john.doe@acme.com".into()),
        first_name: Some("John".into()),
        last_name: Some("Doe".into()),
        email: Some("john.doe@acme.com".into()),
        repository_type: IdentityProviderType::Local,
        identity_provider_id: "local".into(),
    }
}

#[test]
fn local_user_requests() {
    for text in [
        include_str!("fixtures/local_user_create_request.json"),
        include_str!("fixtures/local_user_update_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_local_user()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<NewLocalUser>(text), example_local_user());
    }
    let u: User = decode(include_str!("fixtures/user_get_response.json"));
    assert_eq!(NewLocalUser::from(&u), example_local_user());
}

#[test]
fn blocked_users_list_response() {
    let all: Vec<BlockedUser> = decode(include_str!("fixtures/blocked_users_list_response.json"));
    assert_eq!(
        all,
        vec![BlockedUser {
            identity_provider_id: "local".into(),
            user_id: "4fd0a357-8b70-345a-9dd7-bf359b07451f".into(),
            created_at: Some(T25),
        }]
    );
}

fn check_example_group(g: &Group) {
    assert_eq!(g.id, "d8028639-a76a-4614-965a-7e3d4832d94b");
    assert_eq!(g.name, "Administrators");
    assert_eq!(g.repository_type, IdentityProviderType::Local);
    assert_eq!(g.identity_provider_id, "local");
    assert_eq!((g.created_at, g.updated_at), (Some(T25), Some(T25)));
}

#[test]
fn group_responses() {
    for text in [
        include_str!("fixtures/group_get_response.json"),
        include_str!("fixtures/group_create_response.json"),
    ] {
        check_example_group(&decode(text));
    }
    let p: IdentityPage<Group> = decode(include_str!("fixtures/groups_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_group(&p.content[0]);
    assert_eq!(
        p.next_page.as_ref().map(PageCursor::as_query).as_deref(),
        Some("1")
    );
}

#[test]
fn group_create_request() {
    let body = NewGroup {
        name: "Administrators".into(),
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        as_value(include_str!("fixtures/group_create_request.json"))
    );
}

#[test]
fn group_users_list_response() {
    let p: IdentityPage<User> = decode(include_str!("fixtures/group_users_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_user(&p.content[0]);
    assert_eq!(p.next_page, Some(PageCursor::from(1)));
}

// ---------------------------------------------------------------- SSH clients

#[test]
fn ssh_clients_list_response() {
    let p: Page<SshClient> = decode(include_str!("fixtures/ssh_clients_list_response.json"));
    assert_eq!(p.content.len(), 1);
    let c = &p.content[0];
    assert_eq!(c.id, COLL_ID);
    assert_eq!(c.name, "mysshclient");
    assert_eq!(
        c.description.as_deref(),
        Some("This ssh client is used to access our production server")
    );
    assert_eq!(c.key_size, 2048);
    assert_eq!(c.created_on, Some(datetime!(2021-10-02 15:40:01.318 UTC)));
    assert_eq!(c.expires, Some(datetime!(2022-04-02 15:40:01.318 UTC)));
}

// ---------------------------------------------------------------- SCIM

const EXTERNAL_ID: &str = "3c536623-4763-4f67-a45a-e88f3d08cdd5";

fn example_scim_user() -> ScimUser {
    ScimUser {
        external_id: Some(EXTERNAL_ID.into()),
        display_name: Some("string".into()),
        target_workstations: vec!["string".into()],
        ..ScimUser::new("user3", "string", "string", "string")
    }
}

#[test]
fn scim_user_requests() {
    for text in [
        include_str!("fixtures/scim_user_create_request.json"),
        include_str!("fixtures/scim_user_update_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_scim_user()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<ScimUser>(text), example_scim_user());
    }
}

fn check_example_scim_user(u: &ScimUser) {
    assert_eq!(u.id, APP_ID);
    assert_eq!(
        &ScimUser {
            id: String::new(),
            ..u.clone()
        },
        &example_scim_user()
    );
    assert_eq!(u.primary_email(), Some("string"));
    // An update body built from it leaves the id out.
    assert_eq!(
        serde_json::to_value(u.to_write()).unwrap(),
        as_value(include_str!("fixtures/scim_user_update_request.json"))
    );
}

#[test]
fn scim_user_responses() {
    for text in [
        include_str!("fixtures/scim_user_create_response.json"),
        include_str!("fixtures/scim_user_get_response.json"),
        include_str!("fixtures/scim_user_update_response.json"),
    ] {
        check_example_scim_user(&decode(text));
    }
    let p: ScimPage<ScimUser> = decode(include_str!("fixtures/scim_users_list_response.json"));
    assert_eq!(p.content.len(), 1);
    check_example_scim_user(&p.content[0]);
    assert_eq!(
        (p.items_per_page, p.start_index, p.total_results),
        (1, 1, 1)
    );
    assert_eq!(
        p.schemas,
        ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]
    );
}

fn example_scim_group() -> ScimGroup {
    ScimGroup {
        external_id: Some(EXTERNAL_ID.into()),
        ..ScimGroup::new("string", vec![ScimMember::user(APP_ID)])
    }
}

#[test]
fn scim_group_requests() {
    for text in [
        include_str!("fixtures/scim_group_create_request.json"),
        include_str!("fixtures/scim_group_update_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_scim_group()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<ScimGroup>(text), example_scim_group());
    }
}

#[test]
fn scim_group_patch_request() {
    let text = include_str!("fixtures/scim_group_patch_request.json");
    let body = ScimPatch::add_members(&["99116c18-d842-4d2e-82b7-a493cc86e649"]);
    assert_eq!(serde_json::to_value(&body).unwrap(), as_value(text));
    assert_eq!(decode::<ScimPatch>(text), body);
}

#[test]
fn scim_group_responses() {
    for text in [
        include_str!("fixtures/scim_group_create_response.json"),
        include_str!("fixtures/scim_group_get_response.json"),
        include_str!("fixtures/scim_group_update_response.json"),
        include_str!("fixtures/scim_group_patch_response.json"),
    ] {
        let g: ScimGroup = decode(text);
        assert_eq!(g.id, APP_ID);
        assert_eq!(g.to_write(), example_scim_group());
        assert_eq!(g.members[0].member_type.as_deref(), Some("User"));
    }
    let p: ScimPage<ScimGroup> = decode(include_str!("fixtures/scim_groups_list_response.json"));
    assert_eq!(p.content.len(), 1);
    assert_eq!(p.content[0].to_write(), example_scim_group());
    assert_eq!(p.total_results, 1);
}

// ---------------------------------------------------------------- cloud integrations

fn check_example_integration(c: &CloudIntegration) {
    assert_eq!(c.id, POLICY_ID);
    assert_eq!(
        (c.name.as_str(), c.provider.as_str()),
        ("AWS EU Integration", "amazon")
    );
    assert_eq!((c.created_at, c.updated_at), (Some(T25), Some(T25)));
    assert_eq!(c.aws_external_id.as_deref(), Some("aaabbbcccc"));
    assert_eq!(c.aws_role_arn.as_deref(), Some("arn:xxx:yyy:zzz"));
    assert_eq!(c.regions, ["string"]);
    assert_eq!(c.hostname_tag_name.as_deref(), Some("Name"));
    let h = c.health.as_ref().unwrap();
    assert_eq!(h.status, "Ready");
    assert_eq!(
        h.error.as_ref().unwrap().provider_err_code.as_deref(),
        Some("string")
    );
    // A number in the example, a string in the table.
    assert_eq!(c.luminate_aws_account_id.as_deref(), Some("12312312"));
}

#[test]
fn cloud_integration_responses() {
    for text in [
        include_str!("fixtures/cloud_integration_create_response.json"),
        include_str!("fixtures/cloud_integration_get_response.json"),
        include_str!("fixtures/cloud_integration_update_response.json"),
    ] {
        check_example_integration(&decode(text));
    }
    let all: Vec<CloudIntegration> = decode(include_str!(
        "fixtures/cloud_integrations_list_response.json"
    ));
    assert_eq!(all.len(), 1);
    check_example_integration(&all[0]);
}

#[test]
fn cloud_integration_requests() {
    let create = NewCloudIntegration::amazon("AWS EU Integration", vec!["string".into()]);
    let text = include_str!("fixtures/cloud_integration_create_request.json");
    assert_eq!(serde_json::to_value(&create).unwrap(), as_value(text));
    assert_eq!(decode::<NewCloudIntegration>(text), create);
    let update = NewCloudIntegration {
        aws_role_arn: Some("arn:xxx:yyy:zzz".into()),
        ..create
    };
    let text = include_str!("fixtures/cloud_integration_update_request.json");
    assert_eq!(serde_json::to_value(&update).unwrap(), as_value(text));
    let c: CloudIntegration = decode(include_str!("fixtures/cloud_integration_get_response.json"));
    assert_eq!(NewCloudIntegration::from(&c), update);
}

// ---------------------------------------------------------------- logs

fn example_search() -> LogSearch {
    LogSearch {
        query: SearchQuery {
            free_text: Some("John Doe".into()),
            from_date: 1_553_502_809_000,
            to_date: 1_553_675_609_000,
            match_or_fields: vec![MatchField {
                field_name: "clientip".into(),
                field_values: vec!["213.12.11.10".into(), "0.0.1.10".into()],
            }],
        },
        size: 500,
        search_after: Some(vec![
            json!(1_553_589_827_407_i64),
            json!("luminate-<log type>#6aebc61f-7e2f-46b3-805f-d206de8899c0"),
        ]),
    }
}

#[test]
fn logs_search_requests() {
    for text in [
        include_str!("fixtures/audit_logs_search_request.json"),
        include_str!("fixtures/forensics_logs_search_request.json"),
    ] {
        assert_eq!(
            serde_json::to_value(example_search()).unwrap(),
            as_value(text)
        );
        assert_eq!(decode::<LogSearch>(text), example_search());
    }
    assert!(example_search().query.window_ok());
}

#[test]
fn audit_logs_search_response() {
    let r: LogSearchResult = decode(include_str!("fixtures/audit_logs_search_response.json"));
    assert_eq!(r.hits, 1);
    let l = &r.logs[0];
    assert_eq!(l.id, "6aebc61f-7e2f-46b3-805f-d206de8899c0");
    assert_eq!(l.timestamp(), Some(datetime!(2021-01-01 12:35:03.724 UTC)));
    assert_eq!(l.event_type(), Some("LOGIN"));
    assert_eq!(l.outcome(), Some("SUCCEEDED"));
    assert_eq!(l.user(), Some("user@acme.com"));
    assert_eq!(l.client_ip(), Some("192.192.250.250"));
    assert_eq!(l.resource_name(), Some("user@acme.com"));
    // `message` is escaped JSON.
    let m = l.message_json().expect("message decodes");
    assert_eq!(m["resourceId"], json!("auth0|5ac324095d12345678931c97"));
    assert_eq!(m["targetService"], json!("AUTH_SERVICE"));
    let (before, after) = l.revisions();
    assert_eq!(before, Some(json!({"name": "username"})));
    assert_eq!(after, Some(json!({"name": "updated_username"})));
    // The cursor is passed back exactly.
    assert_eq!(
        Some(l.search_after_values.clone()),
        example_search().search_after
    );
    assert_eq!(l.field("geoip").unwrap()["country_code"], json!("IL"));
}

#[test]
fn forensics_logs_search_response() {
    let r: LogSearchResult = decode(include_str!("fixtures/forensics_logs_search_response.json"));
    assert_eq!(r.hits, 1);
    let l = &r.logs[0];
    assert_eq!(l.timestamp(), Some(datetime!(2019-02-13 12:35:03.724 UTC)));
    assert_eq!(l.event_type(), Some("ACCESS"), "trailing newline removed");
    assert_eq!(l.outcome(), Some("SUCCESS"));
    assert_eq!(l.user(), Some("user@acme.com"));
    assert_eq!(l.client_ip(), Some("10.10.10.50"));
    assert_eq!(l.resource_name(), Some("app"));
    assert_eq!(
        l.summary(),
        Some("'user@acme.com' succeeded accessing HTTP application 'app'")
    );
    assert!(l.message_json().is_none());
    assert_eq!(l.field("status_code"), Some(&json!(200)));
    assert_eq!(
        Some(l.search_after_values.clone()),
        example_search().search_after
    );
}
