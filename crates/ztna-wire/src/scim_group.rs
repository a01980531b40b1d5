//! SCIM 2.0 groups of a Generic SAML identity provider
//! (`/v2/identities/{idp}/scim/groups`), and the PATCH operations on them.

use crate::lenient::{flex_string, flex_string_opt, null_default};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The SCIM group schema URN.
pub const SCIM_GROUP_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
/// The SCIM PATCH schema URN.
pub const SCIM_PATCH_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:PatchOp";

/// A member of a SCIM group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimMember {
    /// The member's SCIM id.
    #[serde(default, deserialize_with = "flex_string")]
    pub value: String,
    /// `User` or `Group`.
    #[serde(
        rename = "type",
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub member_type: Option<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub display: Option<String>,
}

impl ScimMember {
    pub fn user(id: impl Into<String>) -> Self {
        Self {
            value: id.into(),
            member_type: Some("User".into()),
            display: None,
        }
    }
}

/// A SCIM group (request body and answer; `id` left out of bodies when empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScimGroup {
    #[serde(
        default,
        deserialize_with = "flex_string",
        skip_serializing_if = "String::is_empty"
    )]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub schemas: Vec<String>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_id: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub display_name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub members: Vec<ScimMember>,
}

impl ScimGroup {
    pub fn new(display_name: impl Into<String>, members: Vec<ScimMember>) -> Self {
        Self {
            schemas: vec![SCIM_GROUP_SCHEMA.to_owned()],
            display_name: display_name.into(),
            members,
            ..Self::default()
        }
    }

    /// The body of an update: the same group without its id (the id is in the path).
    pub fn to_write(&self) -> Self {
        Self {
            id: String::new(),
            ..self.clone()
        }
    }
}

/// The body of PATCH: SCIM operations (`add`, `remove`, `replace`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimPatch {
    #[serde(default, deserialize_with = "null_default")]
    pub schemas: Vec<String>,
    #[serde(
        rename = "Operations",
        alias = "operations",
        default,
        deserialize_with = "null_default"
    )]
    pub operations: Vec<ScimOperation>,
}

/// One PATCH operation; `value` is kept as JSON (a member list, a name, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScimOperation {
    /// `add`, `remove` or `replace`.
    #[serde(default, deserialize_with = "flex_string")]
    pub op: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl ScimPatch {
    fn with(op: &str, path: &str, value: Option<Value>) -> Self {
        Self {
            schemas: vec![SCIM_PATCH_SCHEMA.to_owned()],
            operations: vec![ScimOperation {
                op: op.to_owned(),
                path: Some(path.to_owned()),
                value,
            }],
        }
    }

    fn members(ids: &[&str]) -> Value {
        Value::Array(
            ids.iter()
                .map(|id| serde_json::json!({"value": id, "type": "User"}))
                .collect(),
        )
    }

    /// Adds users to the group.
    pub fn add_members(user_ids: &[&str]) -> Self {
        Self::with("add", "members", Some(Self::members(user_ids)))
    }

    /// Removes users from the group.
    pub fn remove_members(user_ids: &[&str]) -> Self {
        Self::with("remove", "members", Some(Self::members(user_ids)))
    }

    /// Renames the group.
    pub fn replace_display_name(name: &str) -> Self {
        Self::with("replace", "displayName", Some(Value::from(name)))
    }
}
