//! Sites and their health.

use crate::connector::Connector;
use crate::enums::{AuthenticationMode, SiteHealth};
use crate::lenient::{
    datetime_of, flex_bool, flex_i64, flex_string, format_datetime, null_default,
};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use time::OffsetDateTime;

/// A site, as returned by create, update, get and list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default)]
    pub kubernetes_persistent_volume_name: Option<String>,
    /// IDs of the site's connectors.
    #[serde(default, deserialize_with = "null_default")]
    pub connectors: Vec<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub application_ids: Vec<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub connector_objects: Vec<Connector>,
    #[serde(default)]
    pub site_status: Option<SiteStatus>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub mute_health_notification: bool,
    #[serde(rename = "countCollections", default, deserialize_with = "flex_i64")]
    pub count_collections: i64,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub authentication_mode: AuthenticationMode,
}

/// The body of create site and update site. `None` options are left out of the body;
/// both booleans and the authentication mode are always written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSite {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kubernetes_persistent_volume_name: Option<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub mute_health_notification: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default)]
    pub authentication_mode: AuthenticationMode,
}

impl NewSite {
    /// A body with only a name; everything else at the documented defaults.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kubernetes_persistent_volume_name: None,
            mute_health_notification: false,
            region: None,
            authentication_mode: AuthenticationMode::Connector,
        }
    }
}

impl From<&Site> for NewSite {
    /// The update body that keeps a site as it is (edit the fields you change).
    fn from(s: &Site) -> Self {
        Self {
            name: s.name.clone(),
            kubernetes_persistent_volume_name: s.kubernetes_persistent_volume_name.clone(),
            mute_health_notification: s.mute_health_notification,
            region: s.region.clone(),
            authentication_mode: s.authentication_mode.clone(),
        }
    }
}

/// A site's health: its connectors by state, and the overall status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteStatus {
    #[serde(rename = "ConnectorsUp", default, deserialize_with = "null_default")]
    pub connectors_up: Vec<ConnectorLastSeen>,
    #[serde(rename = "ConnectorsDown", default, deserialize_with = "null_default")]
    pub connectors_down: Vec<ConnectorLastSeen>,
    #[serde(
        rename = "ConnectorsNotConfigured",
        default,
        deserialize_with = "null_default"
    )]
    pub connectors_not_configured: Vec<ConnectorLastSeen>,
    #[serde(
        rename = "ConnectorsDisabled",
        default,
        deserialize_with = "null_default"
    )]
    pub connectors_disabled: Vec<ConnectorLastSeen>,
    #[serde(rename = "Status", default)]
    pub status: SiteHealth,
}

/// A connector ID with the last time it talked to the cloud service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectorLastSeen {
    #[serde(rename = "Id", alias = "id", default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default)]
    pub last_seen: LastSeen,
}

/// When a connector was last seen. `null`, missing, unparsable and the `1901-01-01`
/// sentinel (any year before 1902) all mean [`LastSeen::Never`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LastSeen {
    #[default]
    Never,
    At(OffsetDateTime),
}

impl LastSeen {
    /// The text the API uses for "never".
    pub const NEVER_SENTINEL: &'static str = "1901-01-01T00:00:00.000Z";

    pub fn at(&self) -> Option<OffsetDateTime> {
        match self {
            Self::Never => None,
            Self::At(t) => Some(*t),
        }
    }

    pub fn is_never(&self) -> bool {
        matches!(self, Self::Never)
    }

    fn from_datetime(t: Option<OffsetDateTime>) -> Self {
        match t {
            Some(t) if t.year() > 1901 => Self::At(t),
            _ => Self::Never,
        }
    }
}

impl Serialize for LastSeen {
    /// `Never` is written as the API's sentinel.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.at().as_ref().and_then(format_datetime) {
            Some(text) => s.serialize_str(&text),
            None => s.serialize_str(Self::NEVER_SENTINEL),
        }
    }
}

impl<'de> Deserialize<'de> for LastSeen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Self::from_datetime(datetime_of(&Value::deserialize(d)?)))
    }
}
