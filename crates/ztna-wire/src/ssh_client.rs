//! SSH clients (key pairs users connect with): `GET /v2/ssh-clients`.

use crate::lenient::{
    datetime_opt, flex_i64, flex_string, flex_string_opt, serialize_datetime_opt,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// An SSH client.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SshClient {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "flex_i64")]
    pub key_size: i64,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub created_on: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub modified_on: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub last_accessed: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub expires: Option<OffsetDateTime>,
}
