//! Site registration keys (sites whose authentication mode is `site`).

use crate::lenient::{datetime_opt, flex_bool, flex_string, null_default, serialize_datetime_opt};
use crate::secret::SecretString;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The list answer: `{"registration_keys": [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationKeys {
    #[serde(default, deserialize_with = "null_default")]
    pub registration_keys: Vec<RegistrationKey>,
}

/// A registration key's metadata (the key itself is shown only once, by rotate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationKey {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub date_created: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub last_used: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub expiration_date: Option<OffsetDateTime>,
    /// E.g. `active`; kept as text.
    #[serde(default, deserialize_with = "flex_string")]
    pub status: String,
}

/// The body of rotate: `{"revoke_immediately": bool}` (always written).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotateKeyRequest {
    #[serde(default, deserialize_with = "flex_bool")]
    pub revoke_immediately: bool,
}

/// The answer of rotate: the new key, shown once. `Debug` redacts the key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotatedKey {
    #[serde(default, deserialize_with = "flex_string")]
    pub registration_key_id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub registration_key: SecretString,
}
