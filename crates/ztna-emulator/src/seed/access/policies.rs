//! Access and activity policies over the seeded applications, with directory entities,
//! conditions, validators, protocol settings and every time-settings type.

use rand::seq::SliceRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Map, Value};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::{open_collections, unique_name};
use crate::seed::names;
use crate::state::directory::SubjectKind;
use crate::state::policies::{PolicyInput, COUNTRIES};
use crate::state::role_bindings::kind_str;
use crate::state::Tenant;
use crate::timefmt;

/// The first one guarantees a policy whose name contains "test" (the reference's list
/// example filters on it).
const AUDIENCES: &[&str] = &[
    "Test Lab",
    "Engineering",
    "Contractors",
    "Finance",
    "Support",
    "DevOps",
    "Sales",
    "HR",
    "Executives",
    "Partners",
    "Interns",
    "On-call",
    "QA",
    "Security",
    "Data Team",
    "IT Admins",
];
const SSH_ACCOUNTS: &[&str] = &["ubuntu", "root", "ec2-user", "admin", "deploy", "centos"];

fn entity_json(tenant: &Tenant, index: usize) -> Option<Value> {
    let s = tenant.directory.get(index)?;
    Some(json!({
        "identifierInProvider": s.entity_id,
        "identityProviderId": s.idp_id,
        "identityProviderType": s.idp_type,
        "type": kind_str(s.kind),
        "displayName": s.display_name,
    }))
}

fn date(t: OffsetDateTime) -> Value {
    Value::String(timefmt::iso_millis(t))
}

pub(super) fn seed(
    rng: &mut ChaCha8Rng,
    tenant: &mut Tenant,
    total: usize,
    anchor: OffsetDateTime,
) {
    let to_add = total.saturating_sub(tenant.policies.len());
    let collections = open_collections(tenant);
    let root = tenant.collections.root;
    // Users and groups (API clients do not sign in to applications).
    let people: Vec<usize> = tenant
        .directory
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind != SubjectKind::ApiClient)
        .map(|(i, _)| i)
        .collect();

    for i in 0..to_add {
        let activity = i == 1 || (i > 1 && rng.gen_range(0..100) < 30);
        let protocol = if activity {
            *["HTTP", "HTTP", "SSH"].choose(rng).unwrap_or(&"HTTP")
        } else {
            match rng.gen_range(0..100) {
                0..=44 => "HTTP",
                45..=69 => "SSH",
                70..=84 => "RDP",
                _ => "TCP",
            }
        };
        let collection = if rng.gen_bool(0.45) {
            root
        } else {
            collections.choose(rng).copied().unwrap_or(root)
        };
        let mut candidates: Vec<Uuid> = tenant
            .applications
            .values()
            .filter(|a| a.collection_id == collection && a.app_type.protocol() == protocol)
            .map(|a| a.id)
            .collect();
        candidates.shuffle(rng);
        let take = rng.gen_range(1..=5).min(candidates.len());
        let apps: Vec<Value> = candidates
            .iter()
            .take(take)
            .filter_map(|id| tenant.applications.get(id))
            .map(|a| json!({"id": a.id.to_string(), "type": a.app_type.as_str()}))
            .collect();

        let entity_count = if people.is_empty() {
            0
        } else {
            rng.gen_range(1..=4)
        };
        let entities: Vec<Value> = people
            .choose_multiple(rng, entity_count)
            .filter_map(|&i| entity_json(tenant, i))
            .collect();

        let audience = if i == 0 {
            AUDIENCES.first().copied().unwrap_or("Test Lab")
        } else {
            AUDIENCES.choose(rng).copied().unwrap_or("Staff")
        };
        let target = apps
            .first()
            .and_then(|a| a.get("id"))
            .and_then(Value::as_str)
            .and_then(|id| Uuid::try_parse(id).ok())
            .and_then(|id| tenant.applications.get(&id))
            .map_or_else(|| format!("{protocol} applications"), |a| a.name.clone());
        let base = if activity {
            match protocol {
                "SSH" => format!("SSH command rules for {audience}"),
                _ => format!("Web activity rules for {audience}"),
            }
        } else {
            format!("{audience} to {target}")
        };
        let name = unique_name(&base, 255, |n| {
            tenant.policies.values().any(|p| p.name == n)
        });

        let mut body = Map::new();
        body.insert(
            "type".into(),
            json!(if activity { "ACTIVITY" } else { "ACCESS" }),
        );
        body.insert("targetProtocol".into(), json!(protocol));
        body.insert(
            "targetProtocolSubType".into(),
            json!(if protocol == "RDP" && rng.gen_bool(0.4) {
                "RDP_BROWSER"
            } else {
                "RDP_NATIVE"
            }),
        );
        body.insert("name".into(), json!(name));
        body.insert("enabled".into(), json!(rng.gen_bool(0.9)));
        body.insert("collectionId".into(), json!(collection.to_string()));
        body.insert("directoryEntities".into(), Value::Array(entities));
        body.insert("applications".into(), Value::Array(apps));

        if activity {
            let (rules, whitelist) = match protocol {
                "SSH" => {
                    let allow = rng.gen_bool(0.4);
                    let rule = if allow {
                        json!({
                            "conditions": [{"conditionDefinitionId": "SSH_COMMAND_WHITELIST", "arguments": {"SSH_COMMAND": ["ls", "cat", "tail", "systemctl status"]}}],
                            "actionId": "ALLOW"
                        })
                    } else {
                        json!({
                            "conditions": [{"conditionDefinitionId": "SSH_COMMAND_BLACKLIST", "arguments": {"SSH_COMMAND": ["rm -rf", "shutdown", "reboot"]}}],
                            "actionId": *["BLOCK", "BLOCK_USER"].choose(rng).unwrap_or(&"BLOCK")
                        })
                    };
                    (vec![rule], allow)
                }
                _ => {
                    let mut rules = vec![json!({
                        "conditions": [{"conditionDefinitionId": "URI_LIST", "arguments": {"URI_LIST": ["/admin/*", "/settings/*"]}}],
                        "actionId": "BLOCK"
                    })];
                    if rng.gen_bool(0.5) {
                        rules.push(json!({
                            "conditions": [{"conditionDefinitionId": "HTTP_METHOD", "arguments": {"METHODS": ["DELETE"]}}],
                            "actionId": "BLOCK_USER"
                        }));
                    }
                    if rng.gen_bool(0.3) {
                        rules.push(json!({
                            "conditions": [{"conditionDefinitionId": "FILE_DOWNLOAD", "arguments": {"FILE_SIZE_MB": [rng.gen_range(50..500)]}}],
                            "actionId": "BLOCK"
                        }));
                    }
                    (rules, false)
                }
            };
            body.insert("containers".into(), Value::Array(rules));
            body.insert("isWhitelist".into(), json!(whitelist));
            body.insert(
                "isIsolation".into(),
                json!(protocol == "HTTP" && rng.gen_bool(0.3)),
            );
        } else {
            let mut conditions = Vec::new();
            if rng.gen_bool(0.5) {
                let count = rng.gen_range(1..=4);
                let countries: Vec<&str> = COUNTRIES
                    .choose_multiple(rng, count)
                    .map(|(_, name)| *name)
                    .collect();
                conditions.push(json!({"conditionDefinitionId": "LOCATION_RESTRICTION", "arguments": {"COUNTRIES": countries}}));
            }
            if rng.gen_bool(0.3) {
                conditions.push(json!({"conditionDefinitionId": "IP_UNIFIED", "arguments": {"IP_ADDRESSES": [format!("203.0.113.{}/32", rng.gen_range(1..250))]}}));
            }
            if rng.gen_bool(0.2) {
                conditions.push(json!({"conditionDefinitionId": "MANAGED_DEVICE", "arguments": {"DEVICE_STATUS": ["MANAGED"]}}));
            }
            body.insert("filterConditions".into(), Value::Array(conditions));
            let mut validators = Map::new();
            validators.insert("VALIDATOR_MFA".into(), json!(rng.gen_bool(0.5)));
            if protocol == "HTTP" && rng.gen_bool(0.2) {
                validators.insert("VALIDATOR_WEB_VERIFICATION".into(), json!(true));
            }
            body.insert("validators".into(), Value::Object(validators));
            match protocol {
                "SSH" => {
                    let count = rng.gen_range(1..=3);
                    let accounts: Vec<&str> =
                        SSH_ACCOUNTS.choose_multiple(rng, count).copied().collect();
                    body.insert(
                        "sshSettings".into(),
                        json!({
                            "accounts": accounts,
                            "autoMapping": rng.gen_bool(0.5),
                            "fullUpnAutoMapping": rng.gen_bool(0.2),
                            "agentForward": rng.gen_bool(0.3),
                            "acceptTemporaryToken": rng.gen_bool(0.2),
                            "acceptCertificate": rng.gen_bool(0.2)
                        }),
                    );
                }
                "RDP" => {
                    body.insert(
                        "rdpSettings".into(),
                        json!({"longTermPassword": rng.gen_bool(0.3)}),
                    );
                }
                "TCP" => {
                    body.insert(
                        "tcpSettings".into(),
                        json!({
                            "acceptTemporaryToken": rng.gen_bool(0.3),
                            "acceptCertificate": rng.gen_bool(0.3)
                        }),
                    );
                }
                _ => {}
            }
        }

        match rng.gen_range(0..100) {
            0..=69 => {
                body.insert("timeSettingsType".into(), json!("permanent"));
            }
            70..=84 => {
                // Some are over already (Status "expired").
                let from = anchor - Duration::days(rng.gen_range(5..120));
                let to = anchor + Duration::days(rng.gen_range(-30..90));
                body.insert("timeSettingsType".into(), json!("temporary"));
                body.insert(
                    "timeSettings".into(),
                    json!({"fromDate": date(from), "toDate": date(to)}),
                );
            }
            _ => {
                let end = anchor + Duration::days(rng.gen_range(-10..180));
                let from = rng.gen_range(6..10);
                let to = rng.gen_range(16..20);
                body.insert("timeSettingsType".into(), json!("working_hours"));
                body.insert(
                    "workingHoursSettings".into(),
                    json!({
                        "days": [true, true, true, true, true, false, false],
                        "fromHour": format!("{from:02}:00"),
                        "toHour": format!("{to:02}:00"),
                        "endDate": date(end)
                    }),
                );
            }
        }

        let id = names::uuid(rng);
        let created = anchor
            - Duration::days(rng.gen_range(5..700))
            - Duration::seconds(rng.gen_range(0..86_400));
        let entity_ids: Vec<Uuid> = (0..entity_count).map(|_| names::uuid(rng)).collect();
        match tenant.seed_policy(id, &PolicyInput(body), created) {
            Ok(()) => tenant.set_policy_entity_ids(id, &entity_ids),
            Err(err) => tracing::warn!(%err, "seed: policy skipped"),
        }
    }
}
