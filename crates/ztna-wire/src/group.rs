//! Groups of an identity provider.

use crate::identity::IdentityProviderType;
use crate::lenient::{datetime_opt, flex_string, serialize_datetime_opt};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A group of an identity provider.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub repository_type: IdentityProviderType,
    #[serde(default, deserialize_with = "flex_string")]
    pub identity_provider_id: String,
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
}

/// The body of create group: `{"name": ...}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewGroup {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
}
