//! String enums of the wire. Unknown values are kept in `Other(String)` and written back
//! unchanged; known values match case-insensitively (plus documented aliases) and are written
//! in their canonical spelling. `null` or a missing field decodes as the enum's `Default`.

use serde::de::{self, Visitor};
use serde::Deserializer;
use std::fmt;

macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident (default $default:expr) {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, label $label:literal
               $(, aliases [$($alias:literal),* $(,)?])? ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this client does not know (kept verbatim; `""` when the field was
            /// missing or null).
            Other(String),
        }

        impl $name {
            /// Every known variant, in documentation order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),*];

            /// The canonical wire spelling (the raw text for `Other`).
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )*
                    Self::Other(s) => s.as_str(),
                }
            }

            /// A short human label (the raw text for `Other`, "Unknown" when empty).
            pub fn label(&self) -> &str {
                match self {
                    $( Self::$variant => $label, )*
                    Self::Other(s) if s.is_empty() => "Unknown",
                    Self::Other(s) => s.as_str(),
                }
            }

            /// Reads a wire value: case-insensitive, aliases accepted, unknown kept.
            pub fn from_wire(s: &str) -> Self {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($wire) $($(|| t.eq_ignore_ascii_case($alias))*)? {
                        return Self::$variant;
                    }
                )*
                Self::Other(s.to_owned())
            }

            /// False for `Other`.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Other(_))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $default
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.label())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::from_wire(s)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(s))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(match d.deserialize_any($crate::enums::EnumText)? {
                    Some(text) => Self::from_wire(&text),
                    None => Self::default(),
                })
            }
        }
    };
}

/// Other modules declare their string enums with the same rules.
pub(crate) use wire_enum;

/// Reads a string enum leniently: strings as they are, numbers and booleans as their text,
/// `null` as `None` (the enum's default).
pub(crate) struct EnumText;

impl<'de> Visitor<'de> for EnumText {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(EnumText)
    }
}

wire_enum! {
    /// A site's connector registration mode (`authentication_mode`), fixed at creation.
    /// Accepts `connector`/`Connector`/`manual` and `site`/`Site`/`orchestrator`; writes
    /// lowercase. Documented default: `connector`.
    pub enum AuthenticationMode (default AuthenticationMode::Connector) {
        /// Connectors are created through the API and register with a one-time password.
        Connector = "connector", label "Connector (one-time password)", aliases ["manual"];
        /// Connectors register themselves with the site's registration key.
        Site = "site", label "Site (registration key)", aliases ["orchestrator"];
    }
}

wire_enum! {
    /// A site's health (`Status` of the site status): online when at least one connector is.
    pub enum SiteHealth (default SiteHealth::Other(String::new())) {
        Online = "online", label "Online";
        Offline = "offline", label "Offline";
        NotConfigured = "not-configured", label "Not configured", aliases ["not_configured", "notconfigured"];
    }
}

wire_enum! {
    /// A connector's lifecycle status (`connector_status`).
    pub enum ConnectorStatus (default ConnectorStatus::StatusUndefined) {
        StatusUndefined = "StatusUndefined", label "Undefined";
        StatusReady = "StatusReady", label "Ready";
        StatusDownloadStarted = "StatusDownloadStarted", label "Download started";
        StatusDownloadCompleted = "StatusDownloadCompleted", label "Download completed";
        StatusMigrationStarted = "StatusMigrationStarted", label "Migration started";
        StatusMigrationCompleted = "StatusMigrationCompleted", label "Migration completed";
        StatusExecuteStarted = "StatusExecuteStarted", label "Execution started";
        StatusExecuteCompleted = "StatusExecuteCompleted", label "Execution completed";
        StatusRetired = "StatusRetired", label "Retired";
        StatusFailed = "StatusFailed", label "Failed";
        StatusRetireStarted = "StatusRetireStarted", label "Retirement started";
    }
}

wire_enum! {
    /// A connector's upgrade status (`update_status`).
    pub enum UpdateStatus (default UpdateStatus::Other(String::new())) {
        UpToDate = "UpToDate", label "Up to date";
        UpdateAvailable = "UpdateAvailable", label "Update available";
        UpdateStarted = "UpdateStarted", label "Update started";
        UpdateCompleted = "UpdateCompleted", label "Update completed";
        UpdateFailed = "UpdateFailed", label "Update failed";
    }
}

wire_enum! {
    /// The kind of host running a connector (`deployment_type`).
    pub enum DeploymentType (default DeploymentType::Other(String::new())) {
        Windows = "windows", label "Windows";
        Linux = "linux", label "Linux";
        DockerCompose = "docker-compose", label "Docker Compose", aliases ["docker_compose", "dockercompose"];
        Kubernetes = "kubernetes", label "Kubernetes";
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn authentication_mode_aliases() {
        for s in ["connector", "Connector", "manual", "MANUAL"] {
            assert_eq!(
                AuthenticationMode::from_wire(s),
                AuthenticationMode::Connector
            );
        }
        for s in ["site", "Site", "orchestrator"] {
            assert_eq!(AuthenticationMode::from_wire(s), AuthenticationMode::Site);
        }
        assert_eq!(
            serde_json::to_value(AuthenticationMode::from_wire("Site")).unwrap(),
            serde_json::json!("site")
        );
        assert_eq!(
            AuthenticationMode::from_wire("federated"),
            AuthenticationMode::Other("federated".into())
        );
    }

    #[test]
    fn unknown_values_round_trip() {
        let v: DeploymentType = serde_json::from_str("\"fargate\"").unwrap();
        assert_eq!(v, DeploymentType::Other("fargate".into()));
        assert_eq!(v.label(), "fargate");
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"fargate\"");
        let v: ConnectorStatus = serde_json::from_str("\"StatusHibernating\"").unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"StatusHibernating\"");
        let v: UpdateStatus = serde_json::from_str("null").unwrap();
        assert_eq!(v.label(), "Unknown");
    }

    #[test]
    fn known_lists_and_labels() {
        assert_eq!(ConnectorStatus::KNOWN.len(), 11);
        assert_eq!(DeploymentType::DockerCompose.as_str(), "docker-compose");
        assert_eq!(SiteHealth::NotConfigured.label(), "Not configured");
        for v in DeploymentType::KNOWN {
            assert_eq!(&DeploymentType::from_wire(v.as_str()), v);
        }
    }
}
