//! DNS servers of a DNS group (`/v2/wss-integration-tenant/dns-groups/{id}/servers`).

use crate::enums::wire_enum;
use crate::lenient::{datetime_opt, flex_string, serialize_datetime_opt, string_list};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

wire_enum! {
    /// `healthStatus` of a DNS server (`UnAvailable` as documented; `Unavailable` accepted).
    pub enum DnsServerHealth (default DnsServerHealth::Other(String::new())) {
        Available = "Available", label "Available";
        Unavailable = "UnAvailable", label "Unavailable";
    }
}

/// A DNS server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsServer {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub group_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub site_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    /// The server's IP address.
    #[serde(default, deserialize_with = "flex_string")]
    pub internal_address: String,
    #[serde(default)]
    pub health_status: DnsServerHealth,
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

/// The body of create and update DNS server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewDnsServer {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub internal_address: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub site_id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub group_id: String,
}

impl From<&DnsServer> for NewDnsServer {
    /// The update body that keeps a server as it is.
    fn from(s: &DnsServer) -> Self {
        Self {
            name: s.name.clone(),
            internal_address: s.internal_address.clone(),
            site_id: s.site_id.clone(),
            group_id: s.group_id.clone(),
        }
    }
}

/// `{"DnsServerIds": [...]}`: body of delete-by-ids and of the priority order (first =
/// highest priority).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsServerIds {
    #[serde(
        rename = "DnsServerIds",
        alias = "dnsServerIds",
        default,
        deserialize_with = "string_list"
    )]
    pub dns_server_ids: Vec<String>,
}
