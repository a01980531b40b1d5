//! The health report: what needs attention across the sites the caller may see.

use serde::{Deserialize, Serialize};

/// A site that needs attention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteIssue {
    pub site_id: String,
    pub site_name: String,
    pub region: String,
    /// Connectors of the site (all states).
    pub connectors: u32,
}

/// A connector that needs attention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectorIssue {
    pub site_id: String,
    pub site_name: String,
    pub connector_id: String,
    pub connector_name: String,
    pub version: Option<String>,
    /// The update status and its detail (the reason of a failed update).
    pub update_status: String,
    pub detail: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthReport {
    pub latest_version: Option<String>,
    pub sites_checked: u32,
    pub connectors_checked: u32,
    pub offline: Vec<SiteIssue>,
    pub not_configured: Vec<SiteIssue>,
    pub outdated: Vec<ConnectorIssue>,
    pub failed_updates: Vec<ConnectorIssue>,
}

impl HealthReport {
    pub fn all_clear(&self) -> bool {
        self.offline.is_empty()
            && self.not_configured.is_empty()
            && self.outdated.is_empty()
            && self.failed_updates.is_empty()
    }
}
