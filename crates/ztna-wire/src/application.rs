//! Applications (HTTP with its sub-types, SSH, RDP, TCP, SEGMENT, DYNAMIC_SSH), their
//! connection settings and health.
//!
//! [`Application`] is what the tenant answers; [`NewApplication`] is the body of create and
//! update. Update is a PUT that replaces the whole object: build the body from the current
//! application (`NewApplication::from(&app)`), change what you mean to change, and send it.
//! Fields this client does not know are kept in `extra` and written back unchanged.

use crate::enums::wire_enum;
use crate::lenient::{
    flex_bool, flex_bool_true, flex_i64, flex_string, flex_string_opt, null_default, yes,
};
use serde::de::Deserializer;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

wire_enum! {
    /// `type` of an application. `DNS` is not an application (DNS servers have their own API)
    /// but may still appear in old answers.
    pub enum ApplicationType (default ApplicationType::Other(String::new())) {
        Http = "HTTP", label "HTTP", aliases ["web"];
        Ssh = "SSH", label "SSH";
        Rdp = "RDP", label "RDP";
        DynamicSsh = "DYNAMIC_SSH", label "Dynamic SSH", aliases ["sshgw"];
        Tcp = "TCP", label "TCP";
        Segment = "SEGMENT", label "Segment";
        Dns = "DNS", label "DNS";
    }
}

wire_enum! {
    /// `subType` of an application: the HTTP domain kind, single or multiple machines (SSH,
    /// TCP), segment kind, or RDP through the browser.
    pub enum ApplicationSubType (default ApplicationSubType::Other(String::new())) {
        HttpLuminateDomain = "HTTP_LUMINATE_DOMAIN", label "Luminate domain";
        HttpCustomDomain = "HTTP_CUSTOM_DOMAIN", label "Custom domain";
        HttpWildcardDomain = "HTTP_WILDCARD_DOMAIN", label "Wildcard domain";
        SingleMachine = "SINGLE_MACHINE", label "Single machine";
        MultipleMachines = "MULTIPLE_MACHINES", label "Multiple machines";
        SegmentSpecificIps = "SEGMENT_SPECIFIC_IPS", label "Specific IPs";
        SegmentRange = "SEGMENT_RANGE", label "IP range";
        RdpBrowserSingleMachine = "RDP_BROWSER_SINGLE_MACHINE", label "RDP in browser (single machine)";
        RdpBrowserMultipleMachines = "RDP_BROWSER_MULTIPLE_MACHINES", label "RDP in browser (multiple machines)";
    }
}

wire_enum! {
    /// `status` of an application's health.
    pub enum ApplicationHealthStatus (default ApplicationHealthStatus::Other(String::new())) {
        Available = "Available", label "Available";
        Unavailable = "Unavailable", label "Unavailable";
        Pending = "Pending", label "Pending";
        PartiallyAvailable = "PartiallyAvailable", label "Partially available";
    }
}

/// How the tenant reaches an application and how users address it. One shape for every
/// type; which fields apply depends on the type (see [`ConnectionSettings::fields_for`]).
/// Missing and `null` are both `None`; `None` is left out of request bodies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionSettings {
    /// Where the connector reaches the application: `http://10.0.0.5:8080` (HTTP),
    /// `tcp://127.0.0.1:22` (SSH, RDP).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub internal_address: Option<String>,
    /// The address users see (SSH, RDP, HTTP custom domain).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub external_address: Option<String>,
    /// The tenant's address of the application (SSH, RDP).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub luminate_address: Option<String>,
    /// Sub-domain under the tenant's domain (HTTP luminate domain, SSH, RDP).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub subdomain: Option<String>,
    /// HTTP custom or wildcard domain.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_external_address: Option<String>,
    /// HTTP: path the portal opens.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_root_path: Option<String>,
    /// HTTP: path probed for health.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_url: Option<String>,
    /// HTTP: method of the health probe (`Head`, `Get`).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub health_method: Option<String>,
    /// HTTP custom/wildcard domain: the certificate (PEM).
    #[serde(
        rename = "customSSLCertificate",
        alias = "customSslCertificate",
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_ssl_certificate: Option<String>,
    /// HTTP wildcard domain: the certificate's private key (PEM).
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub wildcard_private_key: Option<String>,
}

impl ConnectionSettings {
    /// The connection-settings properties that apply to an application type (empty for TCP,
    /// SEGMENT and DYNAMIC_SSH, which use `tcpTunnelSettings`, the segment settings and
    /// `cloudIntegrationData` instead).
    pub fn fields_for(t: &ApplicationType) -> &'static [&'static str] {
        match t {
            ApplicationType::Http => &[
                "internalAddress",
                "subdomain",
                "customExternalAddress",
                "customRootPath",
                "healthUrl",
                "healthMethod",
                "customSSLCertificate",
                "wildcardPrivateKey",
            ],
            ApplicationType::Ssh | ApplicationType::Rdp => &[
                "internalAddress",
                "externalAddress",
                "luminateAddress",
                "subdomain",
            ],
            _ => &[],
        }
    }
}

/// HTTP: how links and headers are rewritten.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinkTranslationSettings {
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_default_content_rewrite_rules_enabled: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub is_default_header_rewrite_rules_enabled: bool,
    #[serde(default, deserialize_with = "flex_bool")]
    pub use_external_address_for_host_and_sni: bool,
    /// IDs of applications whose links are translated too.
    #[serde(default, deserialize_with = "null_default")]
    pub linked_applications: Vec<String>,
}

/// HTTP: headers added to requests.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestCustomizationSettings {
    #[serde(default, skip_serializing_if = "HeaderCustomization::is_absent")]
    pub header_customization: HeaderCustomization,
}

/// `headerCustomization`: a newline-separated `Name: value` text in the reference, a map of
/// header to value in newer clients, a list of `Name: value` lines in older SDKs. Kept in the
/// form it arrived in (and written back so); [`HeaderCustomization::headers`] reads any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HeaderCustomization {
    #[default]
    Absent,
    Text(String),
    /// Header → value, in the order of the answer's map.
    Map(Vec<(String, String)>),
    Lines(Vec<String>),
}

impl HeaderCustomization {
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// The headers as `(name, value)` pairs; lines without a `:` are skipped.
    pub fn headers(&self) -> Vec<(String, String)> {
        fn split(line: &str) -> Option<(String, String)> {
            let (k, v) = line.split_once(':')?;
            let k = k.trim();
            (!k.is_empty()).then(|| (k.to_owned(), v.trim().to_owned()))
        }
        match self {
            Self::Absent => Vec::new(),
            Self::Text(t) => t.lines().filter_map(split).collect(),
            Self::Lines(l) => l.iter().filter_map(|s| split(s)).collect(),
            Self::Map(m) => m.clone(),
        }
    }

    /// The reference's text form: `Name: value` lines, each ending with a newline.
    pub fn from_headers<I, K, V>(headers: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut text = String::new();
        for (k, v) in headers {
            text.push_str(k.as_ref());
            text.push_str(": ");
            text.push_str(v.as_ref());
            text.push('\n');
        }
        Self::Text(text)
    }
}

impl Serialize for HeaderCustomization {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Absent => s.serialize_none(),
            Self::Text(t) => s.serialize_str(t),
            Self::Lines(l) => l.serialize(s),
            Self::Map(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for HeaderCustomization {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = |v: Value| match v {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        };
        Ok(match Value::deserialize(d)? {
            Value::Null => Self::Absent,
            Value::String(s) => Self::Text(s),
            Value::Array(items) => Self::Lines(items.into_iter().map(text).collect()),
            Value::Object(m) => Self::Map(m.into_iter().map(|(k, v)| (k, text(v))).collect()),
            other => Self::Text(other.to_string()),
        })
    }
}

/// TCP: one target host and its ports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TcpTarget {
    #[serde(default, deserialize_with = "flex_string")]
    pub target: String,
    #[serde(default, deserialize_with = "null_default")]
    pub ports: Vec<u16>,
}

/// DYNAMIC_SSH (and cloud-tagged apps): which cloud machines the application covers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudIntegrationData {
    #[serde(default, deserialize_with = "null_default")]
    pub tags: Vec<CloudTag>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub segment_id: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub vpcs: Vec<Vpc>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CloudTag {
    #[serde(default, deserialize_with = "flex_string")]
    pub key: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub value: String,
}

/// A cloud network of a cloud integration (`snake_case` on the wire, unlike its parent).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vpc {
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub vpc: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub region: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub cidr_block: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub integration_id: String,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_name: Option<String>,
}

/// SEGMENT: an IP address or range the segment publishes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentSettings {
    #[serde(default, deserialize_with = "flex_string")]
    pub original_ip: String,
}

/// An application's health (`health` of an application, and the status call's answer).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationHealth {
    #[serde(default, deserialize_with = "flex_string")]
    pub application_id: String,
    #[serde(default)]
    pub status: ApplicationHealthStatus,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub cause: Option<String>,
    /// Epoch milliseconds (0 when missing).
    #[serde(default, deserialize_with = "flex_i64")]
    pub last_updated_on: i64,
    #[serde(default, deserialize_with = "flex_i64")]
    pub total_number_of_connectors: i64,
    /// Epoch milliseconds (0 when missing or never).
    #[serde(default, deserialize_with = "flex_i64")]
    pub last_available_on: i64,
}

/// An application, as returned by create, get, update and list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(rename = "type", default)]
    pub app_type: ApplicationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<ApplicationSubType>,
    /// Epoch milliseconds.
    #[serde(default, deserialize_with = "flex_i64")]
    pub created_on: i64,
    #[serde(default, deserialize_with = "flex_i64")]
    pub modified_on: i64,
    /// Base64 icon (at most 40x40 pixels).
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub icon: Option<String>,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_visible: bool,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_notification_enabled: bool,
    /// Documented default: true.
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<ApplicationHealth>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub collection_id: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub connection_settings: ConnectionSettings,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_translation_settings: Option<LinkTranslationSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_customization_settings: Option<RequestCustomizationSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_tunnel_settings: Option<Vec<TcpTarget>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_integration_data: Option<CloudIntegrationData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_settings: Option<SegmentSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple_segment_settings: Option<Vec<SegmentSettings>>,
    /// Properties this client does not know, kept so that a PUT built from this object
    /// does not drop them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The discriminators the rendered reference shows (`"ApplicationHTTP": "ApplicationHTTP"`):
/// kept on read, never sent back. (Read-only properties such as `createdOn` and `health` are
/// known fields of [`Application`] and have no place in [`NewApplication`].)
fn is_doc_discriminator(k: &str, v: &Value) -> bool {
    v.as_str().is_some_and(|s| s == k) && k.starts_with("Application")
}

/// The body of create and update application. Every boolean is always written (a PUT
/// replaces the whole object: a missing `enabled` would not mean "unchanged").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewApplication {
    /// Required for update, absent for create.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(rename = "type", default)]
    pub app_type: ApplicationType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_type: Option<ApplicationSubType>,
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub icon: Option<String>,
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_visible: bool,
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub is_notification_enabled: bool,
    #[serde(default = "yes", deserialize_with = "flex_bool_true")]
    pub enabled: bool,
    /// Absent: the default collection.
    #[serde(
        default,
        deserialize_with = "flex_string_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub collection_id: Option<String>,
    #[serde(default, deserialize_with = "null_default")]
    pub connection_settings: ConnectionSettings,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_translation_settings: Option<LinkTranslationSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_customization_settings: Option<RequestCustomizationSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_tunnel_settings: Option<Vec<TcpTarget>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_integration_data: Option<CloudIntegrationData>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment_settings: Option<SegmentSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple_segment_settings: Option<Vec<SegmentSettings>>,
    /// Unknown properties of the application this body was built from, written back.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl NewApplication {
    fn base(name: impl Into<String>, app_type: ApplicationType) -> Self {
        Self {
            name: name.into(),
            app_type,
            is_visible: true,
            is_notification_enabled: true,
            enabled: true,
            ..Self::default()
        }
    }

    /// An HTTP application of `sub_type` reaching `internal_address` (e.g.
    /// `http://10.0.0.5:8080`), with the default link translation.
    pub fn http(
        name: impl Into<String>,
        sub_type: ApplicationSubType,
        internal_address: impl Into<String>,
    ) -> Self {
        Self {
            sub_type: Some(sub_type),
            connection_settings: ConnectionSettings {
                internal_address: Some(internal_address.into()),
                ..ConnectionSettings::default()
            },
            link_translation_settings: Some(LinkTranslationSettings {
                is_default_content_rewrite_rules_enabled: true,
                is_default_header_rewrite_rules_enabled: true,
                ..LinkTranslationSettings::default()
            }),
            ..Self::base(name, ApplicationType::Http)
        }
    }

    /// An SSH application reaching `internal_address` (e.g. `tcp://10.0.0.5:22`).
    pub fn ssh(name: impl Into<String>, internal_address: impl Into<String>) -> Self {
        Self {
            connection_settings: ConnectionSettings {
                internal_address: Some(internal_address.into()),
                ..ConnectionSettings::default()
            },
            ..Self::base(name, ApplicationType::Ssh)
        }
    }

    /// An RDP application reaching `internal_address` (e.g. `tcp://10.0.0.7:3389`).
    pub fn rdp(name: impl Into<String>, internal_address: impl Into<String>) -> Self {
        Self {
            connection_settings: ConnectionSettings {
                internal_address: Some(internal_address.into()),
                ..ConnectionSettings::default()
            },
            ..Self::base(name, ApplicationType::Rdp)
        }
    }

    /// A TCP application tunnelling to `targets`.
    pub fn tcp(name: impl Into<String>, targets: Vec<TcpTarget>) -> Self {
        Self {
            tcp_tunnel_settings: Some(targets),
            ..Self::base(name, ApplicationType::Tcp)
        }
    }

    /// A SEGMENT application publishing `ips` (addresses, or one range with
    /// [`ApplicationSubType::SegmentRange`]).
    pub fn segment(name: impl Into<String>, sub_type: ApplicationSubType, ips: &[&str]) -> Self {
        Self {
            sub_type: Some(sub_type),
            multiple_segment_settings: Some(
                ips.iter()
                    .map(|ip| SegmentSettings {
                        original_ip: (*ip).to_owned(),
                    })
                    .collect(),
            ),
            ..Self::base(name, ApplicationType::Segment)
        }
    }

    /// A DYNAMIC_SSH application over the cloud machines `data` selects.
    pub fn dynamic_ssh(name: impl Into<String>, data: CloudIntegrationData) -> Self {
        Self {
            cloud_integration_data: Some(data),
            ..Self::base(name, ApplicationType::DynamicSsh)
        }
    }
}

impl From<&Application> for NewApplication {
    /// The update body that keeps an application as it is (read-only fields dropped,
    /// unknown fields kept, every boolean explicit).
    fn from(a: &Application) -> Self {
        let extra = a
            .extra
            .iter()
            .filter(|(k, v)| !is_doc_discriminator(k, v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Self {
            id: Some(a.id.clone()).filter(|s| !s.is_empty()),
            name: a.name.clone(),
            app_type: a.app_type.clone(),
            sub_type: a.sub_type.clone(),
            icon: a.icon.clone(),
            is_visible: a.is_visible,
            is_notification_enabled: a.is_notification_enabled,
            enabled: a.enabled,
            collection_id: a.collection_id.clone(),
            connection_settings: a.connection_settings.clone(),
            link_translation_settings: a.link_translation_settings.clone(),
            request_customization_settings: a.request_customization_settings.clone(),
            tcp_tunnel_settings: a.tcp_tunnel_settings.clone(),
            cloud_integration_data: a.cloud_integration_data.clone(),
            segment_settings: a.segment_settings.clone(),
            multiple_segment_settings: a.multiple_segment_settings.clone(),
            extra,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn header_customization_any_form() {
        let t: HeaderCustomization = serde_json::from_value(json!("A: 1\nB: 'x:y'\n")).unwrap();
        assert_eq!(
            t.headers(),
            vec![("A".into(), "1".into()), ("B".into(), "'x:y'".into())]
        );
        let m: HeaderCustomization = serde_json::from_value(json!({"X-A": "1", "X-B": 2})).unwrap();
        assert_eq!(
            m.headers(),
            vec![("X-A".into(), "1".into()), ("X-B".into(), "2".into())]
        );
        assert_eq!(
            serde_json::to_value(&m).unwrap(),
            json!({"X-A": "1", "X-B": "2"})
        );
        let l: HeaderCustomization = serde_json::from_value(json!(["A: 1", "junk"])).unwrap();
        assert_eq!(l.headers(), vec![("A".into(), "1".into())]);
        assert_eq!(
            HeaderCustomization::from_headers([("A", "1"), ("B", "2")]),
            HeaderCustomization::Text("A: 1\nB: 2\n".into())
        );
        let r: RequestCustomizationSettings = serde_json::from_value(json!({})).unwrap();
        assert!(r.header_customization.is_absent());
        assert_eq!(serde_json::to_value(&r).unwrap(), json!({}));
    }

    #[test]
    fn booleans_default_true_and_are_always_written() {
        let a: Application = serde_json::from_value(json!({"id": "a", "name": "n", "type": "SSH",
                "isVisible": null, "enabled": "false"}))
        .unwrap();
        assert!(a.is_visible && a.is_notification_enabled);
        assert!(!a.enabled);
        let body = serde_json::to_value(NewApplication::from(&a)).unwrap();
        assert_eq!(body["isVisible"], json!(true));
        assert_eq!(body["isNotificationEnabled"], json!(true));
        assert_eq!(body["enabled"], json!(false));
        assert_eq!(body["id"], json!("a"));
    }

    #[test]
    fn unknown_fields_survive_and_doc_discriminators_do_not() {
        let a: Application = serde_json::from_value(json!({"id": "a", "name": "n",
            "type": "HTTP", "createdOn": 5, "health": {"status": "Available"},
            "ApplicationHTTP": "ApplicationHTTP", "futureField": {"x": 1}}))
        .unwrap();
        assert_eq!(a.created_on, 5);
        assert_eq!(a.extra.len(), 2);
        let body = serde_json::to_value(NewApplication::from(&a)).unwrap();
        assert_eq!(body["futureField"], json!({"x": 1}));
        assert!(body.get("ApplicationHTTP").is_none());
        assert!(body.get("createdOn").is_none() && body.get("health").is_none());
    }

    #[test]
    fn constructors_per_type() {
        let h = NewApplication::http("w", ApplicationSubType::HttpLuminateDomain, "http://x");
        assert_eq!(h.app_type, ApplicationType::Http);
        let v = serde_json::to_value(&h).unwrap();
        assert_eq!(
            v["connectionSettings"],
            json!({"internalAddress": "http://x"})
        );
        assert_eq!(v["subType"], json!("HTTP_LUMINATE_DOMAIN"));
        let t = NewApplication::tcp(
            "t",
            vec![TcpTarget {
                target: "10.0.0.1".into(),
                ports: vec![22, 80],
            }],
        );
        assert_eq!(
            serde_json::to_value(&t).unwrap()["tcpTunnelSettings"],
            json!([{"target": "10.0.0.1", "ports": [22, 80]}])
        );
        let s = NewApplication::segment("s", ApplicationSubType::SegmentSpecificIps, &["10.0.0.1"]);
        assert_eq!(
            serde_json::to_value(&s).unwrap()["multipleSegmentSettings"],
            json!([{"originalIp": "10.0.0.1"}])
        );
        assert_eq!(
            NewApplication::rdp("r", "tcp://h:3389").app_type,
            ApplicationType::Rdp
        );
        assert_eq!(
            NewApplication::ssh("r", "tcp://h:22").app_type,
            ApplicationType::Ssh
        );
        assert_eq!(
            NewApplication::dynamic_ssh("d", CloudIntegrationData::default()).app_type,
            ApplicationType::DynamicSsh
        );
        assert_eq!(
            ApplicationType::from_wire("sshgw"),
            ApplicationType::DynamicSsh
        );
        assert!(ConnectionSettings::fields_for(&ApplicationType::Ssh).contains(&"luminateAddress"));
    }
}
