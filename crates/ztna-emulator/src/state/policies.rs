//! Access and activity policies, their configuration catalogs (condition definitions, action
//! types, validator types), and the application-to-policies assignments.
//!
//! Policies store what the client sends (conditions, validators, protocol settings, time
//! settings, rules) after checking it: type ACCESS or ACTIVITY; target protocol HTTP, SSH,
//! RDP or TCP; unique name (409); known condition definitions, validators (`VALIDATOR_<id>` of
//! the validator types; ACCESS policies only) and action ids; existing applications and
//! collection; directory entities from the tenant directory (when it is not empty). PUT
//! replaces the whole policy (omitted values take their defaults) but keeps its id (the path's,
//! whatever the body says, as the reference's own update example needs), creation date and,
//! when `collectionId` is missing, its collection.

use serde::Serialize;
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use uuid::Uuid;

use super::applications::{parse_body_id, AppType};
use super::role_bindings::{Entity, EntityView, Missing};
use super::{Field, Tenant};
use crate::error::EmulatorError;
use crate::timefmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PolicyType {
    Access,
    Activity,
}

impl PolicyType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Access => "ACCESS",
            Self::Activity => "ACTIVITY",
        }
    }
}

pub(crate) const PROTOCOLS: [&str; 4] = ["HTTP", "SSH", "RDP", "TCP"];
const SUB_TYPES: [&str; 2] = ["RDP_BROWSER", "RDP_NATIVE"];
const TIME_SETTINGS_TYPES: [&str; 3] = ["permanent", "temporary", "working_hours"];

#[derive(Debug, Clone)]
pub(crate) struct PolicyEntity {
    /// The policy's own id for this entity assignment.
    pub id: Uuid,
    pub entity: Entity,
}

#[derive(Debug, Clone)]
pub(crate) struct Policy {
    pub id: Uuid,
    pub policy_type: PolicyType,
    pub target_protocol: &'static str,
    pub target_protocol_sub_type: &'static str,
    pub name: String,
    pub enabled: bool,
    pub created_at: OffsetDateTime,
    pub collection_id: Uuid,
    pub directory_entities: Vec<PolicyEntity>,
    /// Application ids; their types are read from the applications.
    pub applications: Vec<Uuid>,
    pub filter_conditions: Vec<Value>,
    pub time_settings_type: &'static str,
    pub validators: Map<String, Value>,
    pub rdp_settings: Value,
    pub ssh_settings: Value,
    pub tcp_settings: Value,
    pub time_settings: Value,
    pub working_hours_settings: Value,
    pub containers: Vec<Value>,
    pub is_whitelist: bool,
    pub is_isolation: bool,
}

/// A policy as sent to POST and PUT: the JSON object, read key by key.
#[derive(Debug, Clone, Default)]
pub(crate) struct PolicyInput(pub Map<String, Value>);

fn bad(message: impl Into<String>) -> EmulatorError {
    EmulatorError::BadRequest(format!("Invalid request parameters: {}", message.into()))
}

// ---- catalogs --------------------------------------------------------------------------------

/// (id, display name, description, application types).
pub(crate) const VALIDATOR_TYPES: [(&str, &str, &str, &[&str]); 2] = [
    (
        "MFA",
        "MFA",
        "Multi Factor authentication",
        &["HTTP", "SSH", "TCP", "RDP", "DYNAMIC_SSH"],
    ),
    (
        "WEB_VERIFICATION",
        "Web Verification",
        "Verify the user through the web portal before opening a session",
        &["HTTP"],
    ),
];

/// (id, name, description).
pub(crate) const ACTION_TYPES: [(&str, &str, &str); 3] = [
    ("ALLOW", "allow", "allow the action"),
    ("BLOCK", "block", "block the action"),
    (
        "BLOCK_USER",
        "block user",
        "disconnect all active sessions of the user and block further login attempts",
    ),
];

/// Parameter element of a condition definition.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param {
    /// (id, display name, values as (id, display name))
    Enum(
        &'static str,
        &'static str,
        &'static [(&'static str, &'static str)],
    ),
    /// (id, display name, regex, example)
    Text(&'static str, &'static str, &'static str, &'static str),
    /// (id, display name, min, max)
    Number(&'static str, &'static str, i64, i64),
}

pub(crate) struct ConditionDef {
    pub id: &'static str,
    pub display_name: &'static str,
    pub description: &'static str,
    pub params: &'static [Param],
    /// (application type, policy type)
    pub mapping: &'static [(&'static str, &'static str)],
}

pub(crate) const COUNTRIES: &[(&str, &str)] = &[
    ("AR", "Argentina"),
    ("AO", "Angola"),
    ("AU", "Australia"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("DE", "Germany"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("GB", "United Kingdom"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IN", "India"),
    ("IT", "Italy"),
    ("JP", "Japan"),
    ("MX", "Mexico"),
    ("NL", "Netherlands"),
    ("PL", "Poland"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("US", "United States"),
];

const ALL_ACCESS: &[(&str, &str)] = &[
    ("HTTP", "ACCESS"),
    ("SSH", "ACCESS"),
    ("RDP", "ACCESS"),
    ("TCP", "ACCESS"),
];

pub(crate) const CONDITION_DEFINITIONS: &[ConditionDef] = &[
    ConditionDef {
        id: "LOCATION_RESTRICTION",
        display_name: "Location",
        description: "List of countries that will be allowed to access",
        params: &[Param::Enum("COUNTRIES", "conditions", COUNTRIES)],
        mapping: ALL_ACCESS,
    },
    ConditionDef {
        id: "IP_UNIFIED",
        display_name: "Source IP",
        description: "List of source IP addresses or CIDR ranges that will be allowed to access",
        params: &[Param::Text(
            "IP_ADDRESSES",
            "IP addresses",
            r"^\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?$",
            "192.168.0.0/16",
        )],
        mapping: ALL_ACCESS,
    },
    ConditionDef {
        id: "MANAGED_DEVICE",
        display_name: "Managed device",
        description: "Allow access from managed devices only",
        params: &[Param::Enum(
            "DEVICE_STATUS",
            "Device status",
            &[("MANAGED", "Managed"), ("UNMANAGED", "Unmanaged")],
        )],
        mapping: ALL_ACCESS,
    },
    ConditionDef {
        id: "SSH_COMMAND_WHITELIST",
        display_name: "SSH commands allowed",
        description: "Commands the user may run in the SSH session",
        params: &[Param::Text("SSH_COMMAND", "Commands", "^.+$", "ls")],
        mapping: &[("SSH", "ACTIVITY")],
    },
    ConditionDef {
        id: "SSH_COMMAND_BLACKLIST",
        display_name: "SSH commands blocked",
        description: "Commands the user may not run in the SSH session",
        params: &[Param::Text("SSH_COMMAND", "Commands", "^.+$", "rm")],
        mapping: &[("SSH", "ACTIVITY")],
    },
    ConditionDef {
        id: "URI_LIST",
        display_name: "URI",
        description: "Request paths the rule applies to",
        params: &[Param::Text("URI_LIST", "URIs", "^/.*$", "/admin/*")],
        mapping: &[("HTTP", "ACTIVITY")],
    },
    ConditionDef {
        id: "HTTP_METHOD",
        display_name: "HTTP method",
        description: "Request methods the rule applies to",
        params: &[Param::Enum(
            "METHODS",
            "Methods",
            &[
                ("GET", "GET"),
                ("POST", "POST"),
                ("PUT", "PUT"),
                ("PATCH", "PATCH"),
                ("DELETE", "DELETE"),
            ],
        )],
        mapping: &[("HTTP", "ACTIVITY")],
    },
    ConditionDef {
        id: "FILE_DOWNLOAD",
        display_name: "File download",
        description: "Downloads of files larger than the given size (MB)",
        params: &[Param::Number("FILE_SIZE_MB", "File size (MB)", 1, 10_240)],
        mapping: &[("HTTP", "ACTIVITY")],
    },
];

pub(crate) fn condition_definitions_json() -> Value {
    let list: Vec<Value> = CONDITION_DEFINITIONS
        .iter()
        .map(|def| {
            let params: Vec<Value> = def
                .params
                .iter()
                .map(|p| match *p {
                    Param::Enum(id, name, values) => json!({
                        "parameterId": id,
                        "displayName": name,
                        "elementType": "enum",
                        "enumSettings": {
                            "isMultiple": true,
                            "values": values.iter().map(|(v, d)| json!({"id": v, "displayName": d})).collect::<Vec<_>>(),
                        },
                        "stringSettings": null,
                        "numberSettings": null,
                    }),
                    Param::Text(id, name, regex, example) => json!({
                        "parameterId": id,
                        "displayName": name,
                        "elementType": "string",
                        "enumSettings": null,
                        "stringSettings": {"regexValidator": regex, "isMultiple": true, "example": example},
                        "numberSettings": null,
                    }),
                    Param::Number(id, name, min, max) => json!({
                        "parameterId": id,
                        "displayName": name,
                        "elementType": "number",
                        "enumSettings": null,
                        "stringSettings": null,
                        "numberSettings": {"min": min, "max": max},
                    }),
                })
                .collect();
            json!({
                "id": def.id,
                "displayName": def.display_name,
                "description": def.description,
                "conditionParameters": params,
                "typeMapping": def.mapping.iter().map(|(a, p)| json!({"applicationType": a, "policyType": p})).collect::<Vec<_>>(),
            })
        })
        .collect();
    Value::Array(list)
}

pub(crate) fn action_types_json() -> Value {
    Value::Array(
        ACTION_TYPES
            .iter()
            .map(|(id, name, description)| {
                json!({"id": id, "name": name, "description": description})
            })
            .collect(),
    )
}

pub(crate) fn validator_types_json() -> Value {
    Value::Array(
        VALIDATOR_TYPES
            .iter()
            .flat_map(|(id, name, description, types)| {
                types.iter().map(move |t| {
                    json!({"id": id, "displayName": name, "description": description, "applicationType": t})
                })
            })
            .collect(),
    )
}

// ---- checks ----------------------------------------------------------------------------------

fn pick(
    raw: &str,
    allowed: &'static [&'static str],
    key: &str,
    ignore_case: bool,
) -> Result<&'static str, EmulatorError> {
    allowed
        .iter()
        .find(|a| {
            if ignore_case {
                a.eq_ignore_ascii_case(raw.trim())
            } else {
                **a == raw.trim()
            }
        })
        .copied()
        .ok_or_else(|| {
            bad(format!(
                "{key} '{raw}' is not one of: {}",
                allowed.join(", ")
            ))
        })
}

fn text(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, EmulatorError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(bad(format!("{key} must be a string"))),
    }
}

fn boolean(obj: &Map<String, Value>, key: &str, default: bool) -> Result<bool, EmulatorError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(bad(format!("{key} must be a boolean"))),
    }
}

fn list(obj: &Map<String, Value>, key: &str) -> Result<Vec<Value>, EmulatorError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(l)) => Ok(l.clone()),
        Some(_) => Err(bad(format!("{key} must be an array"))),
    }
}

/// `defaults` with the sent object's keys over them.
fn settings(obj: &Map<String, Value>, key: &str, defaults: Value) -> Result<Value, EmulatorError> {
    let mut out = match defaults {
        Value::Object(m) => m,
        _ => Map::new(),
    };
    match obj.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::Object(sent)) => {
            for (k, v) in sent {
                if !v.is_null() {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        Some(_) => return Err(bad(format!("{key} must be an object"))),
    }
    Ok(Value::Object(out))
}

fn check_condition(value: &Value, at: &str) -> Result<(), EmulatorError> {
    let Some(obj) = value.as_object() else {
        return Err(bad(format!("{at} must be an object")));
    };
    let Some(id) = obj.get("conditionDefinitionId").and_then(Value::as_str) else {
        return Err(bad(format!("{at}.conditionDefinitionId is required")));
    };
    if !CONDITION_DEFINITIONS.iter().any(|d| d.id == id) {
        return Err(bad(format!(
            "{at}.conditionDefinitionId '{id}' is not a supported condition (see /v2/policies/config/condition-definitions)"
        )));
    }
    match obj.get("arguments") {
        Some(Value::Object(_)) => Ok(()),
        _ => Err(bad(format!("{at}.arguments must be an object"))),
    }
}

fn check_date(value: Option<&Value>, at: &str) -> Result<(), EmulatorError> {
    match value {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if OffsetDateTime::parse(s, &Rfc3339).is_ok() => Ok(()),
        Some(_) => Err(bad(format!("{at} must be an ISO-8601 date-time"))),
    }
}

fn check_hour(value: Option<&Value>, at: &str) -> Result<(), EmulatorError> {
    let ok = |s: &str| {
        s.split_once(':').is_some_and(|(h, m)| {
            h.parse::<u8>().is_ok_and(|h| h < 24)
                && m.len() == 2
                && m.parse::<u8>().is_ok_and(|m| m < 60)
        })
    };
    match value {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if ok(s) => Ok(()),
        Some(_) => Err(bad(format!("{at} must be a time of day (HH:MM)"))),
    }
}

impl Tenant {
    pub fn policy(&self, id: Uuid) -> Result<&Policy, EmulatorError> {
        self.policies
            .get(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Policy {id} was not found")))
    }

    /// Checks a policy body; `current` is the policy a PUT replaces.
    fn check_policy(
        &self,
        input: &PolicyInput,
        id: Uuid,
        current: Option<&Policy>,
        now: OffsetDateTime,
    ) -> Result<Policy, EmulatorError> {
        let obj = &input.0;
        let policy_type = match text(obj, "type")? {
            None => return Err(bad("type is required (one of: ACCESS, ACTIVITY)")),
            Some(raw) => match raw.trim().to_ascii_uppercase().as_str() {
                "ACCESS" => PolicyType::Access,
                "ACTIVITY" => PolicyType::Activity,
                _ => return Err(bad(format!("type '{raw}' is not one of: ACCESS, ACTIVITY"))),
            },
        };
        let target_protocol = match text(obj, "targetProtocol")? {
            None => {
                return Err(bad(
                    "targetProtocol is required (one of: HTTP, SSH, RDP, TCP)",
                ))
            }
            Some(raw) => pick(&raw, &PROTOCOLS, "targetProtocol", true)?,
        };
        let target_protocol_sub_type = match text(obj, "targetProtocolSubType")? {
            None => "RDP_NATIVE",
            Some(raw) => pick(&raw, &SUB_TYPES, "targetProtocolSubType", true)?,
        };
        let name = text(obj, "name")?
            .map(|n| n.trim().to_owned())
            .unwrap_or_default();
        let len = name.chars().count();
        if !(1..=255).contains(&len) {
            return Err(bad(format!(
                "name is required and must be at most 255 characters (got {len})"
            )));
        }
        if self.policies.values().any(|p| p.name == name && p.id != id) {
            return Err(EmulatorError::Conflict(format!(
                "Value of name '{name}' is already used by an existing object"
            )));
        }
        let collection_id = match text(obj, "collectionId")? {
            Some(raw) if !raw.trim().is_empty() => {
                let cid = parse_body_id(&raw, "collectionId")?;
                if !self.collections.items.contains_key(&cid) {
                    return Err(bad(format!("collection {cid} does not exist")));
                }
                cid
            }
            _ => current.map_or(self.collections.root, |p| p.collection_id),
        };

        // Entities keep their assignment id when they were already on the policy.
        let entities = self.resolve_entities(
            obj.get("directoryEntities"),
            "directoryEntities",
            Missing::BadRequest,
        )?;
        let mut directory_entities: Vec<PolicyEntity> = Vec::new();
        for entity in entities {
            if directory_entities.iter().any(|e| e.entity == entity) {
                continue;
            }
            let kept = current.and_then(|p| {
                p.directory_entities
                    .iter()
                    .find(|e| {
                        e.entity.identifier_in_provider == entity.identifier_in_provider
                            && e.entity.identity_provider_id == entity.identity_provider_id
                    })
                    .map(|e| e.id)
            });
            directory_entities.push(PolicyEntity {
                id: kept.unwrap_or_else(Uuid::new_v4),
                entity,
            });
        }

        let mut applications = Vec::new();
        for (i, app) in list(obj, "applications")?.iter().enumerate() {
            let raw = match app {
                Value::Object(o) => o.get("id").and_then(Value::as_str),
                Value::String(s) => Some(s.as_str()),
                _ => None,
            };
            let Some(raw) = raw else {
                return Err(bad(format!("applications[{i}].id is required")));
            };
            let app_id = parse_body_id(raw, &format!("applications[{i}].id"))?;
            if !self.applications.contains_key(&app_id) {
                return Err(bad(format!("application {app_id} does not exist")));
            }
            if !applications.contains(&app_id) {
                applications.push(app_id);
            }
        }

        let filter_conditions = list(obj, "filterConditions")?;
        for (i, c) in filter_conditions.iter().enumerate() {
            check_condition(c, &format!("filterConditions[{i}]"))?;
        }

        let time_settings_type = match text(obj, "timeSettingsType")? {
            None => "permanent",
            Some(raw) => pick(&raw, &TIME_SETTINGS_TYPES, "timeSettingsType", true)?,
        };
        let time_settings = settings(
            obj,
            "timeSettings",
            json!({"fromDate": null, "toDate": null}),
        )?;
        check_date(time_settings.get("fromDate"), "timeSettings.fromDate")?;
        check_date(time_settings.get("toDate"), "timeSettings.toDate")?;
        let working_hours_settings = settings(
            obj,
            "workingHoursSettings",
            json!({"days": null, "fromHour": null, "toHour": null, "endDate": null}),
        )?;
        if let Some(days) = working_hours_settings.get("days").filter(|d| !d.is_null()) {
            let ok = days
                .as_array()
                .is_some_and(|d| d.len() == 7 && d.iter().all(Value::is_boolean));
            if !ok {
                return Err(bad(
                    "workingHoursSettings.days must be 7 booleans (Monday first)",
                ));
            }
        }
        check_hour(
            working_hours_settings.get("fromHour"),
            "workingHoursSettings.fromHour",
        )?;
        check_hour(
            working_hours_settings.get("toHour"),
            "workingHoursSettings.toHour",
        )?;
        check_date(
            working_hours_settings.get("endDate"),
            "workingHoursSettings.endDate",
        )?;
        match time_settings_type {
            "temporary" if time_settings.get("toDate").is_none_or(Value::is_null) => {
                return Err(bad("timeSettings.toDate is required when timeSettingsType is temporary"))
            }
            "working_hours"
                if ["days", "fromHour", "toHour"]
                    .iter()
                    .any(|k| working_hours_settings.get(*k).is_none_or(Value::is_null)) =>
            {
                return Err(bad(
                    "workingHoursSettings.days, fromHour and toHour are required when timeSettingsType is working_hours",
                ))
            }
            _ => {}
        }

        let sent = match obj.get("validators") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(v)) => v.clone(),
            Some(_) => return Err(bad("validators must be an object")),
        };
        for (key, value) in &sent {
            let known = key
                .strip_prefix("VALIDATOR_")
                .is_some_and(|id| VALIDATOR_TYPES.iter().any(|(v, ..)| *v == id));
            if !known {
                return Err(bad(format!(
                    "validators.{key} is not a supported validator (use VALIDATOR_<id> with the ids of /v2/policies/config/validator-types)"
                )));
            }
            if !value.is_boolean() {
                return Err(bad(format!("validators.{key} must be a boolean")));
            }
            if policy_type == PolicyType::Activity && *value == Value::Bool(true) {
                return Err(bad("validators apply to ACCESS policies only"));
            }
        }
        // Every validator is listed, off unless sent as true.
        let mut validators: Map<String, Value> = VALIDATOR_TYPES
            .iter()
            .map(|(id, ..)| (format!("VALIDATOR_{id}"), Value::Bool(false)))
            .collect();
        validators.extend(sent);

        let containers = list(obj, "containers")?;
        for (i, rule) in containers.iter().enumerate() {
            let Some(r) = rule.as_object() else {
                return Err(bad(format!("containers[{i}] must be an object")));
            };
            let action = r.get("actionId").and_then(Value::as_str).unwrap_or("");
            if !ACTION_TYPES.iter().any(|(a, ..)| *a == action) {
                return Err(bad(format!(
                    "containers[{i}].actionId '{action}' is not one of: ALLOW, BLOCK, BLOCK_USER"
                )));
            }
            let conditions = match r.get("conditions") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(c)) => c.clone(),
                Some(_) => return Err(bad(format!("containers[{i}].conditions must be an array"))),
            };
            for (j, c) in conditions.iter().enumerate() {
                check_condition(c, &format!("containers[{i}].conditions[{j}]"))?;
            }
        }

        Ok(Policy {
            id,
            policy_type,
            target_protocol,
            target_protocol_sub_type,
            name,
            enabled: boolean(obj, "enabled", true)?,
            created_at: current.map_or(now, |p| p.created_at),
            collection_id,
            directory_entities,
            applications,
            filter_conditions,
            time_settings_type,
            validators,
            rdp_settings: settings(obj, "rdpSettings", json!({"longTermPassword": false}))?,
            ssh_settings: settings(
                obj,
                "sshSettings",
                json!({
                    "accounts": [],
                    "autoMapping": false,
                    "fullUpnAutoMapping": false,
                    "agentForward": false,
                    "acceptTemporaryToken": false,
                    "acceptCertificate": false
                }),
            )?,
            tcp_settings: settings(
                obj,
                "tcpSettings",
                json!({"acceptTemporaryToken": false, "acceptCertificate": false}),
            )?,
            time_settings,
            working_hours_settings,
            containers,
            is_whitelist: boolean(obj, "isWhitelist", false)?,
            is_isolation: boolean(obj, "isIsolation", false)?,
        })
    }

    /// POST: the body's `id`, if any, is ignored.
    pub fn create_policy(
        &mut self,
        input: &PolicyInput,
        now: OffsetDateTime,
    ) -> Result<Uuid, EmulatorError> {
        let id = Uuid::new_v4();
        let policy = self.check_policy(input, id, None, now)?;
        self.policies.insert(id, policy);
        Ok(id)
    }

    /// Seeds a policy under a chosen id and creation date.
    pub fn seed_policy(
        &mut self,
        id: Uuid,
        input: &PolicyInput,
        created_at: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        let mut policy = self.check_policy(input, id, None, created_at)?;
        policy.created_at = created_at;
        self.policies.insert(id, policy);
        Ok(())
    }

    /// Overrides the assignment ids of a seeded policy's entities (deterministic seeds).
    pub fn set_policy_entity_ids(&mut self, id: Uuid, ids: &[Uuid]) {
        if let Some(p) = self.policies.get_mut(&id) {
            for (e, new) in p.directory_entities.iter_mut().zip(ids) {
                e.id = *new;
            }
        }
    }

    pub fn update_policy(
        &mut self,
        id: Uuid,
        input: &PolicyInput,
        now: OffsetDateTime,
    ) -> Result<(), EmulatorError> {
        let current = self.policy(id)?.clone();
        let policy = self.check_policy(input, id, Some(&current), now)?;
        self.policies.insert(id, policy);
        Ok(())
    }

    pub fn delete_policy(&mut self, id: Uuid) -> Result<(), EmulatorError> {
        self.policy(id)?;
        self.policies.remove(&id);
        Ok(())
    }

    /// Policies naming the application, in id order.
    pub fn policies_of_app(&self, app: Uuid) -> Vec<&Policy> {
        self.policies
            .values()
            .filter(|p| p.applications.contains(&app))
            .collect()
    }

    /// Checks a by-app-id body: `applicationType` (must be the application's) and `policyIds`
    /// (all well-formed, all existing).
    pub fn check_app_policies(
        &self,
        app: Uuid,
        application_type: Field<String>,
        policy_ids: Option<&Value>,
    ) -> Result<Vec<Uuid>, EmulatorError> {
        let Some(list) = policy_ids.and_then(Value::as_array) else {
            return Err(bad("policyIds is required (an array of policy ids)"));
        };
        // Ids are checked first, as the reference's examples (policyIds ["string"]) show.
        let ids = list
            .iter()
            .map(|v| {
                v.as_str()
                    .and_then(|s| Uuid::try_parse(s.trim()).ok())
                    .ok_or(EmulatorError::InvalidId)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let application = self.application(app)?;
        let Some(raw) = application_type.into_option() else {
            return Err(bad("applicationType is required"));
        };
        let t = AppType::parse(&raw, "applicationType")?;
        if t != application.app_type {
            return Err(bad(format!(
                "applicationType {} does not match the application's type {}",
                t.as_str(),
                application.app_type.as_str()
            )));
        }
        for id in &ids {
            self.policy(*id)?;
        }
        Ok(ids)
    }

    /// PUT by-app-id: the application ends up in exactly these policies.
    pub fn set_app_policies(&mut self, app: Uuid, ids: &[Uuid]) {
        for p in self.policies.values_mut() {
            let wanted = ids.contains(&p.id);
            let has = p.applications.contains(&app);
            if wanted && !has {
                p.applications.push(app);
            } else if !wanted && has {
                p.applications.retain(|a| *a != app);
            }
        }
    }

    pub fn add_app_to_policies(&mut self, app: Uuid, ids: &[Uuid]) {
        for id in ids {
            if let Some(p) = self.policies.get_mut(id) {
                if !p.applications.contains(&app) {
                    p.applications.push(app);
                }
            }
        }
    }

    pub fn remove_app_from_policies(&mut self, app: Uuid, ids: &[Uuid]) {
        for id in ids {
            if let Some(p) = self.policies.get_mut(id) {
                p.applications.retain(|a| *a != app);
            }
        }
    }
}

// ---- JSON ------------------------------------------------------------------------------------

/// `expired` once a temporary policy's end (or a working-hours policy's end date) has passed,
/// `pending` before a temporary policy starts, `disabled` when switched off, else `active`.
fn status(p: &Policy, now: OffsetDateTime) -> &'static str {
    let date = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .and_then(|s| OffsetDateTime::parse(s, &Rfc3339).ok())
    };
    if !p.enabled {
        return "disabled";
    }
    match p.time_settings_type {
        "temporary" => {
            if date(&p.time_settings, "toDate").is_some_and(|d| d < now) {
                "expired"
            } else if date(&p.time_settings, "fromDate").is_some_and(|d| d > now) {
                "pending"
            } else {
                "active"
            }
        }
        "working_hours" if date(&p.working_hours_settings, "endDate").is_some_and(|d| d < now) => {
            "expired"
        }
        _ => "active",
    }
}

/// The policy JSON shape. Lists (and by-app-id) show `createdAt` as an ISO string and leave out
/// the activity rules; the single-policy calls show `createdAt` as `{}` and add `containers`,
/// `isWhitelist`, `isIsolation` and the `"PolicyAccess": "Policy"` marker, exactly as the
/// reference's examples do.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PolicyView {
    #[serde(rename = "type")]
    pub policy_type: &'static str,
    #[serde(rename = "targetProtocol")]
    pub target_protocol: &'static str,
    #[serde(rename = "targetProtocolSubType")]
    pub target_protocol_sub_type: &'static str,
    pub id: String,
    pub enabled: bool,
    #[serde(rename = "createdAt")]
    pub created_at: Value,
    pub name: String,
    #[serde(rename = "collectionId")]
    pub collection_id: String,
    #[serde(rename = "directoryEntities")]
    pub directory_entities: Vec<EntityView>,
    pub applications: Vec<Value>,
    #[serde(rename = "filterConditions")]
    pub filter_conditions: Vec<Value>,
    #[serde(rename = "timeSettingsType")]
    pub time_settings_type: &'static str,
    #[serde(rename = "Status")]
    pub status: &'static str,
    pub validators: Map<String, Value>,
    #[serde(rename = "rdpSettings")]
    pub rdp_settings: Value,
    #[serde(rename = "sshSettings")]
    pub ssh_settings: Value,
    #[serde(rename = "tcpSettings")]
    pub tcp_settings: Value,
    #[serde(rename = "timeSettings")]
    pub time_settings: Value,
    #[serde(rename = "workingHoursSettings")]
    pub working_hours_settings: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub containers: Option<Vec<Value>>,
    #[serde(rename = "isWhitelist", skip_serializing_if = "Option::is_none")]
    pub is_whitelist: Option<bool>,
    #[serde(rename = "isIsolation", skip_serializing_if = "Option::is_none")]
    pub is_isolation: Option<bool>,
    #[serde(rename = "PolicyAccess", skip_serializing_if = "Option::is_none")]
    pub policy_access: Option<&'static str>,
    #[serde(rename = "PolicyActivity", skip_serializing_if = "Option::is_none")]
    pub policy_activity: Option<&'static str>,
}

impl PolicyView {
    pub fn new(tenant: &Tenant, p: &Policy, single: bool, now: OffsetDateTime) -> Self {
        Self {
            policy_type: p.policy_type.as_str(),
            target_protocol: p.target_protocol,
            target_protocol_sub_type: p.target_protocol_sub_type,
            id: p.id.to_string(),
            enabled: p.enabled,
            created_at: if single {
                json!({})
            } else {
                Value::String(timefmt::iso_millis(p.created_at))
            },
            name: p.name.clone(),
            collection_id: p.collection_id.to_string(),
            directory_entities: p
                .directory_entities
                .iter()
                .map(|e| EntityView::new(e.id, &e.entity))
                .collect(),
            applications: p
                .applications
                .iter()
                .filter_map(|id| tenant.applications.get(id))
                .map(|a| json!({"id": a.id.to_string(), "type": a.app_type.as_str()}))
                .collect(),
            filter_conditions: p.filter_conditions.clone(),
            time_settings_type: p.time_settings_type,
            status: status(p, now),
            validators: p.validators.clone(),
            rdp_settings: p.rdp_settings.clone(),
            ssh_settings: p.ssh_settings.clone(),
            tcp_settings: p.tcp_settings.clone(),
            time_settings: p.time_settings.clone(),
            working_hours_settings: p.working_hours_settings.clone(),
            containers: single.then(|| p.containers.clone()),
            is_whitelist: single.then_some(p.is_whitelist),
            is_isolation: single.then_some(p.is_isolation),
            policy_access: (single && p.policy_type == PolicyType::Access).then_some("Policy"),
            policy_activity: (single && p.policy_type == PolicyType::Activity).then_some("Policy"),
        }
    }
}
