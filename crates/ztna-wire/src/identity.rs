//! Identity providers and the directory entities (users, groups, OUs, API clients) that
//! policies and role bindings refer to. Users and groups are in `user.rs` and `group.rs`.
//!
//! Identity ids are opaque strings (`local`, `auth0|5ac3…`, LDAP names), not always UUIDs.
//! Users and groups page with `pageOffset`/`perPage`/`nextPage`
//! ([`crate::IdentityPage`]); the cursor is a number or an opaque string and is passed back
//! exactly as received.

use crate::enums::wire_enum;
use crate::lenient::{
    datetime_opt, flex_bool_true, flex_string, flex_string_opt, serialize_datetime_opt, yes,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

wire_enum! {
    /// The kind of an identity provider (`provider`, `repository_type`,
    /// `identityProviderType`).
    pub enum IdentityProviderType (default IdentityProviderType::Other(String::new())) {
        Local = "local", label "Local";
        Ad = "ad", label "Active Directory";
        Okta = "okta", label "Okta";
        Adfs = "adfs", label "AD FS";
        Gapps = "gapps", label "Google";
        OneLogin = "onelogin", label "OneLogin";
        GenericSaml = "generic-saml", label "Generic SAML", aliases ["generic_saml", "genericsaml"];
    }
}

wire_enum! {
    /// The kind of a directory entity (`type`, role-binding `entityType`).
    pub enum EntityType (default EntityType::Other(String::new())) {
        User = "User", label "User";
        Group = "Group", label "Group";
        Ou = "OU", label "Organisational unit";
        ApiClient = "ApiClient", label "API client", aliases ["api_client", "api-client"];
    }
}

/// A user, group, OU or API client as policies and role bindings name it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryEntity {
    /// The tenant's id of the entity (in answers only).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// The id as the owning identity provider knows it.
    #[serde(default, deserialize_with = "flex_string")]
    pub identifier_in_provider: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub identity_provider_id: String,
    #[serde(default)]
    pub identity_provider_type: IdentityProviderType,
    #[serde(rename = "type", default)]
    pub entity_type: EntityType,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub display_name: Option<String>,
}

impl DirectoryEntity {
    /// A user of the tenant's local identity provider.
    pub fn local_user(id: impl Into<String>, display_name: impl Into<String>) -> Self {
        Self {
            id: None,
            identifier_in_provider: id.into(),
            identity_provider_id: "local".into(),
            identity_provider_type: IdentityProviderType::Local,
            entity_type: EntityType::User,
            display_name: Some(display_name.into()),
        }
    }
}

/// An identity provider configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IdentityProvider {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub provider: IdentityProviderType,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_authenticator: bool,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_user_store: bool,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub authenticator_id: Option<String>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub created_at: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub updated_at: Option<OffsetDateTime>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub auth0_connection_id: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub upn_override_value_data_mapping: Option<String>,
    /// Provider-specific settings and instructions, kept as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Value>,
}
