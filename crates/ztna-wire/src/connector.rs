//! Connectors, their deployment command and environment.

use crate::enums::{ConnectorStatus, DeploymentType, UpdateStatus};
use crate::lenient::{
    datetime_opt, flex_bool, flex_bool_true, flex_string, null_default, serialize_datetime_opt, yes,
};
use crate::secret::OneTimeSecret;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;
use time::OffsetDateTime;

/// A connector, as returned by create, get and list (and embedded in a site).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connector {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub registered: bool,
    /// The one-time password; `None` once registered (the API sends `null` or `""`).
    #[serde(default, deserialize_with = "otp_opt")]
    pub otp: Option<OneTimeSecret>,
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
    pub date_registered: Option<OffsetDateTime>,
    #[serde(
        default,
        deserialize_with = "datetime_opt",
        serialize_with = "serialize_datetime_opt"
    )]
    pub date_otp_expire: Option<OffsetDateTime>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub send_logs: bool,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub enabled: bool,
    #[serde(default)]
    pub connector_status: ConnectorStatus,
    #[serde(default)]
    pub update_status: UpdateStatus,
    #[serde(default)]
    pub update_status_info: Option<String>,
    #[serde(default)]
    pub internal_ip: Option<String>,
    #[serde(default)]
    pub external_ip: Option<String>,
    #[serde(default)]
    pub hostname: Option<String>,
    #[serde(default)]
    pub geo_location: Option<String>,
    #[serde(default)]
    pub deployment_type: DeploymentType,
    #[serde(default)]
    pub kubernetes_persistent_volume_name: Option<String>,
}

fn otp_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<OneTimeSecret>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.is_empty() => Some(OneTimeSecret::new(s)),
        _ => None,
    })
}

/// The body of create connector (`POST /v2/connectors?bind_to_site_id=...`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewConnector {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub deployment_type: DeploymentType,
    #[serde(default, deserialize_with = "flex_bool")]
    pub send_logs: bool,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_persistent_volume_name: Option<String>,
}

impl NewConnector {
    /// An enabled connector without debug logs.
    pub fn new(name: impl Into<String>, deployment_type: DeploymentType) -> Self {
        Self {
            name: name.into(),
            deployment_type,
            send_logs: false,
            enabled: true,
            kubernetes_persistent_volume_name: None,
        }
    }
}

/// The shell command that deploys a connector. It holds the connector's one-time password:
/// `Debug` is redacted.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeploymentCommand {
    #[serde(default, deserialize_with = "flex_string")]
    pub deployment_commands: String,
}

impl fmt::Debug for DeploymentCommand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeploymentCommand")
            .field("deployment_commands", &"REDACTED")
            .finish()
    }
}

/// The environment a connector container needs. It holds the one-time password: `Debug`
/// shows the container and variable names only.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorEnvironment {
    #[serde(default, deserialize_with = "flex_string")]
    pub container_name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub environment_variables: Vec<EnvVar>,
}

impl fmt::Debug for ConnectorEnvironment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectorEnvironment")
            .field("container_name", &self.container_name)
            .field("environment_variables", &self.environment_variables)
            .finish()
    }
}

/// One environment variable of a connector container. `Debug` redacts the value.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnvVar {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub value: EnvValue,
}

impl fmt::Debug for EnvVar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}=REDACTED", self.name)
    }
}

/// An environment variable value: the API sends strings or booleans (numbers are kept
/// as text).
#[derive(Clone, Default, PartialEq, Eq)]
pub enum EnvValue {
    String(String),
    Bool(bool),
    #[default]
    Null,
}

impl EnvValue {
    /// The text to put in an environment file (`true`/`false`, empty for null).
    pub fn to_env_string(&self) -> String {
        match self {
            Self::String(s) => s.clone(),
            Self::Bool(b) => b.to_string(),
            Self::Null => String::new(),
        }
    }
}

impl fmt::Debug for EnvValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EnvValue(REDACTED)")
    }
}

impl Serialize for EnvValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) => s.serialize_str(v),
            Self::Bool(b) => s.serialize_bool(*b),
            Self::Null => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for EnvValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(b),
            Value::String(s) => Self::String(s),
            Value::Number(n) => Self::String(n.to_string()),
            other => Self::String(other.to_string()),
        })
    }
}

/// The latest connector version available to the tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorVersion {
    #[serde(default, deserialize_with = "flex_string")]
    pub connector_version: String,
}
