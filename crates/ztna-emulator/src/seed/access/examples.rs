//! The reference's own example objects, under their documented ids, so that its examples work
//! against the demo tenant as written:
//!
//! - sites `6fd0a892-…` "DataCenterEurope" (the site examples), `3c536623-…` "TestSite" (the
//!   site of the bind-application and collection-list examples) and `ff5ef47d-…` "SiteName"
//!   (the site of the site-link and site-role-binding examples);
//! - collections `6fd0a892-…` "testCollection" (TestApplication's and the policy's) and
//!   `dd5ef47d-…` (the site-link example's); `ff5ef47d-…` is the default collection itself;
//! - application `6fd0a892-…` "TestApplication" (HTTP, bound to DataCenterEurope);
//! - policy `6fd0a531-…` "Contractors Policy to Jira" (the id the get, update and delete
//!   examples use);
//! - tenant role binding `6fd0a892-…` (the delete example's).
//!
//! The example subject is the reference's `local` entity `4fd0a357-…`; it is used when the
//! directory holds it, or when the directory is empty (nothing to check against).

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::state::applications::{ApplicationInput, DEFAULT_HEADER_CUSTOMIZATION};
use crate::state::collections::Collection;
use crate::state::model::{AuthMode, Location, Site};
use crate::state::policies::PolicyInput;
use crate::state::role_bindings::{Missing, RoleBinding, RoleType, Scope};
use crate::state::{Field, Tenant};

pub(crate) const DATA_CENTER_EUROPE: Uuid =
    Uuid::from_u128(0x6fd0_a892_8b70_471a_9dd7_bf37_4b07_451f);
pub(crate) const TEST_SITE: Uuid = Uuid::from_u128(0x3c53_6623_4763_4f67_a45a_e88f_3d08_cdd5);
pub(crate) const SITE_NAME: Uuid = Uuid::from_u128(0xff5e_f47d_3e9c_418b_abfc_a1f7_02fa_0c59);
pub(crate) const TEST_COLLECTION: Uuid = Uuid::from_u128(0x6fd0_a892_8b70_471a_9dd7_bf37_4b07_451f);
pub(crate) const LINK_COLLECTION: Uuid = Uuid::from_u128(0xdd5e_f47d_3e9c_418b_abfc_a1f7_02fa_0c59);
pub(crate) const TEST_APPLICATION: Uuid =
    Uuid::from_u128(0x6fd0_a892_8b70_471a_9dd7_bf37_4b07_451f);
pub(crate) const POLICY: Uuid = Uuid::from_u128(0x6fd0_a531_6b70_471a_9dd7_bf37_4b07_814f);
pub(crate) const ROLE_BINDING: Uuid = Uuid::from_u128(0x6fd0_a892_8b70_471a_9dd7_bf37_4b07_451f);
/// The `id` of the example's directory entity (its assignment on the policy and binding).
const ENTITY_ASSIGNMENT: Uuid = Uuid::from_u128(0x2fd0_a178_8b70_296a_9dd7_bf26_0b07_683f);

/// (id, name, sites linked to it).
pub(crate) const COLLECTIONS: [(Uuid, &str, &[Uuid]); 2] = [
    (
        TEST_COLLECTION,
        "testCollection",
        &[DATA_CENTER_EUROPE, TEST_SITE],
    ),
    (LINK_COLLECTION, "Contractor Apps", &[]),
];

/// (id, name, region, network, geo location, external prefix).
const SITES: [(Uuid, &str, &str, u8, &str, &str); 3] = [
    (
        DATA_CENTER_EUROPE,
        "DataCenterEurope",
        "europe-west1",
        251,
        "Microsoft Azure, Netherlands, Amsterdam",
        "109.155",
    ),
    (
        TEST_SITE,
        "TestSite",
        "europe-west1",
        252,
        "Microsoft Azure, Netherlands, Amsterdam",
        "109.156",
    ),
    (
        SITE_NAME,
        "SiteName",
        "us-west1",
        253,
        "Amazon Web Services, United States, Portland",
        "52.24",
    ),
];

fn example_entity() -> Value {
    json!({
        "identifierInProvider": "4fd0a357-8b70-345a-9dd7-bf359b07451f",
        "identityProviderId": "local",
        "identityProviderType": "local",
        "type": "User",
        "displayName": "John Doe"
    })
}

pub(super) fn add_sites(tenant: &mut Tenant) {
    for (id, name, region, network, geo, prefix) in SITES {
        if tenant.sites.contains_key(&id) || tenant.sites.values().any(|s| s.name == name) {
            continue;
        }
        tenant.sites.insert(
            id,
            Site {
                id,
                name: name.to_owned(),
                kubernetes_persistent_volume_name: (id == DATA_CENTER_EUROPE)
                    .then(|| "pv-81e55b9b-298b-11e9-b2bd-0ace4f35b420".to_owned()),
                mute_health_notification: false,
                region: region.to_owned(),
                authentication_mode: AuthMode::Connector,
                application_ids: Vec::new(),
                count_collections: 1,
                registration_keys: Vec::new(),
                network,
                location: Some(Location {
                    geo_location: geo.to_owned(),
                    external_prefix: prefix.to_owned(),
                }),
            },
        );
    }
}

pub(super) fn add_collections(tenant: &mut Tenant) {
    let root = tenant.collections.root;
    for (id, name, sites) in COLLECTIONS {
        tenant.collections.items.insert(
            id,
            Collection {
                id,
                name: name.to_owned(),
                parent_id: root,
            },
        );
        for site in sites {
            if tenant.sites.contains_key(site) {
                tenant.collections.links.insert((id, *site));
            }
        }
    }
}

pub(super) fn add_application(tenant: &mut Tenant, anchor: OffsetDateTime) {
    let input = ApplicationInput {
        name: Field::Value("TestApplication".into()),
        app_type: Field::Value("HTTP".into()),
        sub_type: Field::Value("HTTP_LUMINATE_DOMAIN".into()),
        connection_settings: Field::Value(json!({
            "internalAddress": "http://127.0.0.1:8080",
            "externalAddress": tenant.luminate_address("testapp"),
            "luminateAddress": tenant.luminate_address("testapp"),
            "subdomain": null,
            "customExternalAddress": null,
            "customRootPath": null,
            "healthUrl": "/HealthCheck",
            "healthMethod": "Head",
            "customSSLCertificate": null,
            "wildcardPrivateKey": null
        })),
        request_customization_settings: Field::Value(
            json!({"headerCustomization": DEFAULT_HEADER_CUSTOMIZATION}),
        ),
        ..ApplicationInput::default()
    };
    let site = tenant
        .sites
        .contains_key(&DATA_CENTER_EUROPE)
        .then_some(DATA_CENTER_EUROPE);
    let created = anchor - Duration::days(400);
    if let Err(err) = tenant.seed_application(
        TEST_APPLICATION,
        input,
        TEST_COLLECTION,
        site,
        created,
        created + Duration::seconds(3),
    ) {
        tracing::warn!(%err, "seed: example application skipped");
    }
}

/// The example entity, if the directory allows it.
fn entity_ok(tenant: &Tenant) -> bool {
    tenant
        .resolve_entity(&example_entity(), "entity", Missing::BadRequest)
        .is_ok()
}

pub(super) fn add_policy(tenant: &mut Tenant, anchor: OffsetDateTime) {
    let entities = if entity_ok(tenant) {
        json!([example_entity()])
    } else {
        json!([])
    };
    let applications = if tenant.applications.contains_key(&TEST_APPLICATION) {
        json!([{"id": TEST_APPLICATION.to_string(), "type": "HTTP"}])
    } else {
        json!([])
    };
    let body = json!({
        "type": "ACCESS",
        "targetProtocol": "SSH",
        "targetProtocolSubType": "RDP_NATIVE",
        "enabled": true,
        "name": "Contractors Policy to Jira",
        "collectionId": TEST_COLLECTION.to_string(),
        "directoryEntities": entities,
        "applications": applications,
        "filterConditions": [{"conditionDefinitionId": "LOCATION_RESTRICTION", "arguments": {"COUNTRIES": ["Argentina", "Angola"]}}],
        "timeSettingsType": "permanent",
        "validators": {"VALIDATOR_MFA": true},
        "rdpSettings": {"longTermPassword": false},
        "sshSettings": {
            "accounts": ["ubuntu", "root"],
            "autoMapping": true,
            "fullUpnAutoMapping": false,
            "agentForward": false,
            "acceptTemporaryToken": false,
            "acceptCertificate": false
        },
        "tcpSettings": {"acceptTemporaryToken": false, "acceptCertificate": false},
        "timeSettings": {"fromDate": "1985-04-12T23:20:50.52Z", "toDate": "1985-04-12T23:20:50.52Z"},
        "workingHoursSettings": {
            "days": [true, true, true, true, false, false, false],
            "fromHour": "08:00",
            "toHour": "17:00",
            "endDate": "2025-04-14T23:20:50.52Z"
        },
        "containers": [{
            "conditions": [{"arguments": {"SSH_COMMAND": ["sudo", "ls", "chmod"]}, "conditionDefinitionId": "SSH_COMMAND_WHITELIST"}],
            "actionId": "ALLOW",
            "isolationProfileId": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
            "dlpFilterId": "6fd0a892-8b70-471a-9dd7-bf374b07451f"
        }],
        "isWhitelist": true,
        "isIsolation": true
    });
    let Value::Object(body) = body else {
        return;
    };
    match tenant.seed_policy(POLICY, &PolicyInput(body), anchor - Duration::days(200)) {
        Ok(()) => tenant.set_policy_entity_ids(POLICY, &[ENTITY_ASSIGNMENT]),
        Err(err) => tracing::warn!(%err, "seed: example policy skipped"),
    }
}

pub(super) fn add_role_binding(tenant: &mut Tenant, anchor: OffsetDateTime) {
    let Ok(entity) = tenant.resolve_entity(&example_entity(), "entity", Missing::BadRequest) else {
        return;
    };
    tenant.role_bindings.insert(
        ROLE_BINDING,
        RoleBinding {
            id: ROLE_BINDING,
            created_at: anchor - Duration::days(90),
            role: RoleType::TenantViewer,
            scope: Scope::Tenant,
            entity_binding_id: ENTITY_ASSIGNMENT,
            entity,
        },
    );
}
