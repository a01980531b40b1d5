//! The emulated tenant: regions, sites, connectors and registration keys, plus the
//! bookkeeping that is not tenant data (tokens, counters, pending faults).
//!
//! Operations live next to their resource (`sites.rs`, `connectors.rs`,
//! `registration_keys.rs`) and return [`EmulatorError`], so the HTTP routes and the library
//! controls share the same rules.

pub(crate) mod applications;
pub(crate) mod auth;
pub(crate) mod chaos;
pub(crate) mod cloud_integrations;
pub(crate) mod collections;
pub(crate) mod connectors;
pub(crate) mod directory;
pub(crate) mod dns;
pub(crate) mod faults;
pub(crate) mod identities;
pub(crate) mod logs;
pub(crate) mod model;
pub(crate) mod policies;
pub(crate) mod registration_keys;
pub(crate) mod role_bindings;
pub(crate) mod scim;
pub(crate) mod sites;
pub(crate) mod ssh_clients;
pub(crate) mod stats;
pub(crate) mod views;

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::error::EmulatorError;
use model::{Connector, Region, Site};

/// A JSON property that may be missing, explicitly `null`, or set. PUT treats these
/// differently (missing keeps, null clears), so a plain `Option` is not enough.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) enum Field<T> {
    #[default]
    Absent,
    Null,
    Value(T),
}

impl<T> Field<T> {
    /// The value, treating missing and null alike (as the reference says they are).
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Value(v) => Some(v),
            Self::Absent | Self::Null => None,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Tenant {
    /// `<32 hex>_<tenant>`, as in the connector's `TENANT_IDENTIFIER`.
    pub tenant_identifier: String,
    /// `<tenant>.luminatesec.com`, the connector's `ENDPOINT_URL`.
    pub endpoint_url: String,
    /// Latest connector version, e.g. `2.5.8`.
    pub latest_version: String,
    /// Build suffix of the latest version, e.g. `1021` in `2.5.8+1021`.
    pub latest_build: u32,
    pub regions: Vec<Region>,
    pub sites: BTreeMap<Uuid, Site>,
    pub connectors: BTreeMap<Uuid, Connector>,
    /// The three sites the console's demo `editor` account edits.
    pub fixed_sites: Vec<Uuid>,
    pub next_seq: u64,
    /// Users, groups and API clients that policies and role bindings may name
    /// (filled by the identity seed before the seeds that point at people).
    pub directory: Vec<directory::SubjectRef>,
    /// Identity providers, users, groups, blocked users (SCIM users and groups included).
    pub identities: identities::Store,
    /// DNS resiliency groups and their servers.
    pub dns: dns::Store,
    pub ssh_clients: ssh_clients::Store,
    pub cloud_integrations: cloud_integrations::Store,
    /// Audit and forensics log documents, searched by `/v2/logs/*`.
    pub logs: logs::Store,
    /// Applications, each in a collection and bound to at most one site.
    pub applications: BTreeMap<Uuid, applications::Application>,
    /// Access and activity policies.
    pub policies: BTreeMap<Uuid, policies::Policy>,
    /// Collections (the root always exists) and their site links.
    pub collections: collections::Collections,
    /// Tenant, collection and site role bindings.
    pub role_bindings: BTreeMap<Uuid, role_bindings::RoleBinding>,
}

/// Parses a path id. The real tenant rejects anything but a hyphenated UUID with 400.
pub(crate) fn parse_id(raw: &str) -> Result<Uuid, EmulatorError> {
    if raw.len() != 36 {
        return Err(EmulatorError::InvalidId);
    }
    Uuid::try_parse(raw).map_err(|_| EmulatorError::InvalidId)
}

impl Tenant {
    pub fn site(&self, id: Uuid) -> Result<&Site, EmulatorError> {
        self.sites
            .get(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Site {id} was not found")))
    }

    pub fn site_mut(&mut self, id: Uuid) -> Result<&mut Site, EmulatorError> {
        self.sites
            .get_mut(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Site {id} was not found")))
    }

    pub fn connector(&self, id: Uuid) -> Result<&Connector, EmulatorError> {
        self.connectors
            .get(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Connector {id} was not found")))
    }

    pub fn connector_mut(&mut self, id: Uuid) -> Result<&mut Connector, EmulatorError> {
        self.connectors
            .get_mut(&id)
            .ok_or_else(|| EmulatorError::NotFound(format!("Connector {id} was not found")))
    }

    /// A site's connectors in creation order.
    pub fn connectors_of(&self, site_id: Uuid) -> Vec<&Connector> {
        let mut list: Vec<&Connector> = self
            .connectors
            .values()
            .filter(|c| c.site_id == site_id)
            .collect();
        list.sort_by_key(|c| c.seq);
        list
    }

    pub fn region(&self, name: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.name == name)
    }

    pub fn default_region(&self) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.is_default)
            .or_else(|| self.regions.first())
    }

    pub fn take_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// `<major.minor.patch>+<build>` of the latest connector.
    pub fn latest_full_version(&self) -> String {
        format!("{}+{}", self.latest_version, self.latest_build)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_id_accepts_only_hyphenated_uuids() {
        assert!(parse_id("6fd0a892-8b70-471a-9dd7-bf374b07451f").is_ok());
        assert!(parse_id("6FD0A892-8B70-471A-9DD7-BF374B07451F").is_ok());
        assert_eq!(
            parse_id("6fd0a8928b70471a9dd7bf374b07451f"),
            Err(EmulatorError::InvalidId)
        );
        assert_eq!(parse_id("not-a-uuid"), Err(EmulatorError::InvalidId));
        assert_eq!(
            parse_id("6fd0a892-8b70-471a-9dd7-bf374b07451g"),
            Err(EmulatorError::InvalidId)
        );
    }
}
