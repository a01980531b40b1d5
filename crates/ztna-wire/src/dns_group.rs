//! DNS resiliency groups (`/v2/wss-integration-tenant/dns-groups`).
//!
//! The reference's examples send `domainSuffixes` and `servers` as JSON-encoded strings and
//! `sendNotifications`/`enable` as `"true"`; newer clients send arrays and booleans. Both
//! are read; arrays and booleans are written.

use crate::lenient::{flex_bool, flex_string, flex_string_opt, string_list};
use serde::{Deserialize, Serialize};

/// A DNS group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DnsGroup {
    #[serde(default, deserialize_with = "flex_string")]
    pub id: String,
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    /// E.g. `Available` (kept as text).
    #[serde(default, deserialize_with = "flex_string")]
    pub status: String,
    #[serde(default, deserialize_with = "string_list")]
    pub domain_suffixes: Vec<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub send_notifications: bool,
    /// IDs of the group's DNS servers, highest priority first.
    #[serde(default, deserialize_with = "string_list")]
    pub servers: Vec<String>,
    /// The server in use (its id).
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub server_in_used: Option<String>,
    #[serde(default, deserialize_with = "flex_string_opt")]
    pub active_server_address: Option<String>,
}

/// The body of create and update DNS group (every field always written).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewDnsGroup {
    #[serde(default, deserialize_with = "flex_string")]
    pub name: String,
    #[serde(default, deserialize_with = "string_list")]
    pub domain_suffixes: Vec<String>,
    #[serde(default, deserialize_with = "flex_bool")]
    pub send_notifications: bool,
}

impl From<&DnsGroup> for NewDnsGroup {
    /// The update body that keeps a group as it is.
    fn from(g: &DnsGroup) -> Self {
        Self {
            name: g.name.clone(),
            domain_suffixes: g.domain_suffixes.clone(),
            send_notifications: g.send_notifications,
        }
    }
}

/// Body of enable/disable DNS groups.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EnableDnsGroups {
    #[serde(default, deserialize_with = "flex_bool")]
    pub enable: bool,
    #[serde(default, deserialize_with = "string_list")]
    pub group_ids: Vec<String>,
}
