//! Access and activity policies, their building blocks (directory entities, conditions,
//! validators, time settings, rules) and the policy configuration answers.
//!
//! One [`Policy`] type serves reads and writes: a PUT replaces the whole policy, so update
//! bodies are built from the policy as read ([`Policy::to_write`] drops the read-only
//! `createdAt` and makes every applicable boolean explicit). Unknown properties are kept in
//! `extra` and written back.

use crate::application::ApplicationType;
use crate::enums::wire_enum;
use crate::identity::DirectoryEntity;
use crate::lenient::{
    datetime_opt, flex_bool, flex_bool_opt, flex_bool_true, flex_i64, flex_string, flex_string_opt,
    null_default, one_or_many, serialize_datetime_opt, yes,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use time::OffsetDateTime;

wire_enum! {
    /// `type` of a policy.
    pub enum PolicyType (default PolicyType::Access) {
        Access = "ACCESS", label "Access";
        Activity = "ACTIVITY", label "Activity";
    }
}

wire_enum! {
    /// `targetProtocol` of a policy: the application type it governs.
    pub enum PolicyTargetProtocol (default PolicyTargetProtocol::Other(String::new())) {
        Http = "HTTP", label "HTTP";
        Ssh = "SSH", label "SSH";
        Rdp = "RDP", label "RDP";
        Tcp = "TCP", label "TCP";
    }
}

wire_enum! {
    /// `targetProtocolSubType` (RDP policies; the tenant assumes `RDP_NATIVE` when absent).
    pub enum PolicyTargetProtocolSubType (default PolicyTargetProtocolSubType::RdpNative) {
        RdpBrowser = "RDP_BROWSER", label "RDP in browser";
        RdpNative = "RDP_NATIVE", label "Native RDP";
    }
}

wire_enum! {
    /// `timeSettingsType` of a policy. Documented default: `permanent`.
    pub enum TimeSettingsType (default TimeSettingsType::Permanent) {
        Permanent = "permanent", label "Permanent";
        Temporary = "temporary", label "Temporary";
        WorkingHours = "working_hours", label "Working hours", aliases ["workingHours", "working-hours"];
    }
}

/// An application a policy applies to (`ApplicationBase`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyApplication {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(rename = "type", default)]
    pub app_type: ApplicationType,
}

/// A condition: a condition definition id and its arguments (parameter id → values; the
/// values are usually lists of strings and are kept exactly as read).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyCondition {
    #[serde(default, deserialize_with = "flex_string")]
    pub condition_definition_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub arguments: Map<String, Value>,
}

impl PolicyCondition {
    /// A condition with one parameter holding a list of strings.
    pub fn new(definition: &str, parameter: &str, values: &[&str]) -> Self {
        let mut arguments = Map::new();
        arguments.insert(
            parameter.to_owned(),
            Value::Array(values.iter().map(|v| Value::from(*v)).collect()),
        );
        Self {
            condition_definition_id: definition.to_owned(),
            arguments,
        }
    }

    /// The values of one parameter as strings (a single value reads as a list of one).
    pub fn argument_strings(&self, parameter: &str) -> Vec<String> {
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        match self.arguments.get(parameter) {
            Some(Value::Array(items)) => items.iter().filter_map(text).collect(),
            Some(v) => text(v).into_iter().collect(),
            None => Vec::new(),
        }
    }
}

/// The validators (prerequisites such as MFA) of an access policy: validator id → enabled.
/// Policies say `VALIDATOR_MFA` where the validator-types call says `MFA`; lookups accept
/// either spelling, and keys are written back as read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Validators(pub BTreeMap<String, bool>);

impl Validators {
    pub const PREFIX: &'static str = "VALIDATOR_";

    /// The id without the `VALIDATOR_` prefix (`VALIDATOR_MFA` → `MFA`).
    pub fn canonical(id: &str) -> &str {
        id.strip_prefix(Self::PREFIX).unwrap_or(id)
    }

    fn key_of(&self, id: &str) -> Option<&String> {
        let want = Self::canonical(id);
        self.0
            .keys()
            .find(|k| Self::canonical(k).eq_ignore_ascii_case(want))
    }

    /// Whether validator `id` (either spelling) is set to true.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.key_of(id)
            .and_then(|k| self.0.get(k))
            .copied()
            .unwrap_or(false)
    }

    /// Sets validator `id`: an existing key (either spelling) keeps its spelling; a new key is
    /// written the way policies spell it (`VALIDATOR_<id>`).
    pub fn set(&mut self, id: &str, enabled: bool) {
        let key = self
            .key_of(id)
            .cloned()
            .unwrap_or_else(|| format!("{}{}", Self::PREFIX, Self::canonical(id)));
        self.0.insert(key, enabled);
    }

    /// The enabled validators, canonical ids (`MFA`).
    pub fn enabled(&self) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(_, on)| **on)
            .map(|(k, _)| Self::canonical(k))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'de> Deserialize<'de> for Validators {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Flag(#[serde(deserialize_with = "flex_bool")] bool);
        let raw: Option<BTreeMap<String, Flag>> = Option::deserialize(d)?;
        Ok(Self(
            raw.unwrap_or_default()
                .into_iter()
                .map(|(k, Flag(b))| (k, b))
                .collect(),
        ))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RdpSettings {
    #[serde(default, deserialize_with = "flex_bool")]
    pub long_term_password: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SshSettings {
    /// Accounts users may log in as.
    #[serde(default, deserialize_with = "null_default")]
    pub accounts: Vec<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub auto_mapping: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub full_upn_auto_mapping: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub agent_forward: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub accept_temporary_token: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub accept_certificate: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TcpSettings {
    #[serde(default, deserialize_with = "flex_bool")]
    pub accept_temporary_token: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub accept_certificate: bool,
}

/// A temporary policy's window. The timestamps are kept as the text read (and written back
/// unchanged); [`crate::lenient::parse_datetime`] reads them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeSettings {
    #[serde(default, deserialize_with = "flex_string")]
    pub from_date: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub to_date: String,
}

/// A working-hours policy's schedule: seven day flags (the reference's example starts the
/// week on Monday), `HH:MM` hours and an optional end date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkingHoursSettings {
    #[serde(default, deserialize_with = "null_default")]
    pub days: Vec<bool>,
    #[serde(default, deserialize_with = "flex_string")]
    pub from_hour: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub to_hour: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub end_date: Option<String>,
}

/// An activity rule (`containers` entry): conditions on an activity and the action taken.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyRule {
    #[serde(default, deserialize_with = "null_default")]
    pub conditions: Vec<PolicyCondition>,
    /// An action-type id (`ALLOW`, `BLOCK`, `BLOCK_USER`, ...).
    #[serde(default, deserialize_with = "flex_string")]
    pub action_id: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub isolation_profile_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub dlp_filter_id: Option<String>,
}

/// An access or activity policy (create and update body, and every answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    #[serde(rename = "type", default)]
    pub policy_type: PolicyType,
    #[serde(default)]
    pub target_protocol: PolicyTargetProtocol,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_protocol_sub_type: Option<PolicyTargetProtocolSubType>,
    /// Absent on create.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// Read as true when missing (a policy is enabled unless it says otherwise); always
    /// written.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub enabled: bool,
    /// Read-only. An ISO timestamp in lists, `{}` in single-policy examples (read as `None`).
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<OffsetDateTime>,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    /// Absent: the default collection.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_id: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub directory_entities: Vec<DirectoryEntity>,
    /// In any order: compare with [`Policy::application_ids`].
    #[serde(default, deserialize_with = "null_default")]
    pub applications: Vec<PolicyApplication>,
    #[serde(default, deserialize_with = "null_default")]
    pub filter_conditions: Vec<PolicyCondition>,
    #[serde(default)]
    pub time_settings_type: TimeSettingsType,
    /// Computed by the tenant (e.g. `expired`); written back as read.
    #[serde(
        rename = "Status",
        alias = "status",
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Validators::is_empty")]
    pub validators: Validators,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rdp_settings: Option<RdpSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh_settings: Option<SshSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_settings: Option<TcpSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_settings: Option<TimeSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_hours_settings: Option<WorkingHoursSettings>,
    /// Activity rules (`None`: not in the answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub containers: Option<Vec<PolicyRule>>,
    #[serde(
        default,
        deserialize_with = "flex_bool_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_whitelist: Option<bool>,
    #[serde(
        default,
        deserialize_with = "flex_bool_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_isolation: Option<bool>,
    /// Properties this client does not know (written back unchanged).
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Policy {
    /// An enabled, permanent policy with nothing assigned yet.
    pub fn new(
        policy_type: PolicyType,
        target_protocol: PolicyTargetProtocol,
        name: impl Into<String>,
    ) -> Self {
        Self {
            policy_type,
            target_protocol,
            name: name.into(),
            enabled: true,
            ..Self::default()
        }
    }

    /// The IDs of the applications, as a set (the tenant returns them in any order).
    pub fn application_ids(&self) -> BTreeSet<&str> {
        self.applications.iter().map(|a| a.id.as_str()).collect()
    }

    /// The body to send: read-only `createdAt` dropped; for activity policies `containers`,
    /// `isWhitelist` and `isIsolation` written explicitly (a PUT replaces the policy).
    pub fn to_write(&self) -> Self {
        let mut p = self.clone();
        p.created_at = None;
        if p.policy_type == PolicyType::Activity {
            p.containers.get_or_insert_with(Vec::new);
            p.is_whitelist.get_or_insert(false);
            p.is_isolation.get_or_insert(false);
        }
        p
    }
}

/// Body of the by-application calls: the application's type and policy IDs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppPolicies {
    #[serde(default)]
    pub application_type: ApplicationType,
    #[serde(default, deserialize_with = "null_default")]
    pub policy_ids: Vec<String>,
}

/// A condition definition (`GET /v2/policies/config/condition-definitions`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionDefinition {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub display_name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub description: String,
    #[serde(default, deserialize_with = "null_default")]
    pub condition_parameters: Vec<ConditionParameter>,
    #[serde(default, deserialize_with = "null_default")]
    pub type_mapping: Vec<ConditionTypeMapping>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionParameter {
    #[serde(default, deserialize_with = "flex_string")]
    pub parameter_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub display_name: String,
    /// `enum`, `string`, `number`, ... (kept as text).
    #[serde(default, deserialize_with = "flex_string")]
    pub element_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enum_settings: Option<EnumSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub string_settings: Option<StringSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_settings: Option<NumberSettings>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumSettings {
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_multiple: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub values: Vec<EnumValue>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnumValue {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub display_name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StringSettings {
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub regex_validator: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_multiple: bool,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub example: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberSettings {
    #[serde(default, deserialize_with = "flex_i64")]
    pub min: i64,
    #[serde(default, deserialize_with = "flex_i64")]
    pub max: i64,
}

/// Which policy type and application type a condition applies to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionTypeMapping {
    #[serde(default)]
    pub application_type: ApplicationType,
    #[serde(default)]
    pub policy_type: PolicyType,
}

/// An action a rule can take (`GET /v2/policies/config/action-types`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionType {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub description: String,
}

/// A validator an access policy can require (`GET /v2/policies/config/validator-types`).
/// Its `id` is the canonical spelling (`MFA`); policies use `VALIDATOR_MFA`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ValidatorType {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub display_name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub description: String,
    #[serde(default)]
    pub application_type: ApplicationType,
}

/// A list answer that some examples print as one bare object.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<'de, T: DeserializeOwned> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        one_or_many(d).map(Self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn validator_spellings() {
        let mut v: Validators =
            serde_json::from_value(json!({"VALIDATOR_MFA": "true", "WEB": false})).unwrap();
        assert!(v.is_enabled("MFA") && v.is_enabled("VALIDATOR_MFA") && v.is_enabled("mfa"));
        assert!(!v.is_enabled("WEB") && !v.is_enabled("DEVICE"));
        v.set("MFA", false);
        v.set("DEVICE_POSTURE", true);
        assert_eq!(
            serde_json::to_value(&v).unwrap(),
            json!({"VALIDATOR_MFA": false, "WEB": false, "VALIDATOR_DEVICE_POSTURE": true})
        );
        assert_eq!(v.enabled(), vec!["DEVICE_POSTURE"]);
        let none: Validators = serde_json::from_value(json!(null)).unwrap();
        assert!(none.is_empty());
    }

    #[test]
    fn created_at_either_form() {
        let p: Policy = serde_json::from_value(json!({"createdAt": {}})).unwrap();
        assert!(p.created_at.is_none());
        let p: Policy =
            serde_json::from_value(json!({"createdAt": "1985-04-12T23:20:50.520Z"})).unwrap();
        assert!(p.created_at.is_some());
        assert!(p.enabled, "missing enabled reads as true");
        assert!(serde_json::to_value(p.to_write())
            .unwrap()
            .get("createdAt")
            .is_none());
    }

    #[test]
    fn activity_writes_are_explicit() {
        let p = Policy::new(PolicyType::Activity, PolicyTargetProtocol::Http, "a").to_write();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["isWhitelist"], json!(false));
        assert_eq!(v["isIsolation"], json!(false));
        assert_eq!(v["containers"], json!([]));
        assert_eq!(v["enabled"], json!(true));
        let a = Policy::new(PolicyType::Access, PolicyTargetProtocol::Ssh, "b").to_write();
        assert!(serde_json::to_value(&a)
            .unwrap()
            .get("isWhitelist")
            .is_none());
    }

    #[test]
    fn applications_compare_as_sets() {
        let p: Policy = serde_json::from_value(json!({"applications": [
            {"id": "b", "type": "SSH"}, {"id": "a", "type": "HTTP"}]}))
        .unwrap();
        let q: Policy = serde_json::from_value(json!({"applications": [
            {"id": "a", "type": "HTTP"}, {"id": "b", "type": "SSH"}]}))
        .unwrap();
        assert_eq!(p.application_ids(), q.application_ids());
    }

    #[test]
    fn condition_arguments() {
        let c = PolicyCondition::new("LOCATION_RESTRICTION", "COUNTRIES", &["IL", "AR"]);
        assert_eq!(c.argument_strings("COUNTRIES"), ["IL", "AR"]);
        assert!(c.argument_strings("X").is_empty());
    }
}
