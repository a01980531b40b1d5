//! The deployment wizard: a new site, its connectors, and following a connector until it
//! runs. No secrets here (the one secret view is `model::deploy`).

use crate::model::ConnectorState;
use serde::{Deserialize, Serialize};

/// How connectors of a site prove who they are. Chosen at creation, never changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SiteMode {
    /// Each connector is created in the console and registers once with its own
    /// one-time password (OTP).
    Connector,
    /// Connectors register themselves with the site's long-lived registration key.
    Site,
    /// A mode this console does not know (shown as the tenant spells it).
    Other(String),
}

impl SiteMode {
    pub fn as_str(&self) -> &str {
        match self {
            SiteMode::Connector => "connector",
            SiteMode::Site => "site",
            SiteMode::Other(s) => s.as_str(),
        }
    }

    pub fn parse(s: &str) -> Option<SiteMode> {
        match s.trim() {
            "connector" => Some(SiteMode::Connector),
            "site" => Some(SiteMode::Site),
            _ => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            SiteMode::Connector => "Connector (one-time password per connector)".into(),
            SiteMode::Site => "Site (registration key)".into(),
            SiteMode::Other(s) => s.clone(),
        }
    }

    /// The short label used in tables.
    pub fn short_label(&self) -> String {
        match self {
            SiteMode::Connector => "Connector".into(),
            SiteMode::Site => "Site key".into(),
            SiteMode::Other(s) => s.clone(),
        }
    }
}

/// A connectivity region to choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOption {
    pub name: String,
    pub is_default: bool,
}

/// Where a connector runs. The tenant's deployment command differs per type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DeployKind {
    Linux,
    Windows,
    DockerCompose,
    Kubernetes,
}

impl DeployKind {
    pub const ALL: [DeployKind; 4] = [
        DeployKind::Linux,
        DeployKind::Windows,
        DeployKind::DockerCompose,
        DeployKind::Kubernetes,
    ];

    /// The tenant's spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            DeployKind::Linux => "linux",
            DeployKind::Windows => "windows",
            DeployKind::DockerCompose => "docker-compose",
            DeployKind::Kubernetes => "kubernetes",
        }
    }

    pub fn parse(s: &str) -> Option<DeployKind> {
        DeployKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    pub fn label(self) -> &'static str {
        match self {
            DeployKind::Linux => "Linux",
            DeployKind::Windows => "Windows",
            DeployKind::DockerCompose => "Docker Compose",
            DeployKind::Kubernetes => "Kubernetes",
        }
    }

    /// One line on where the command runs.
    pub fn hint(self) -> &'static str {
        match self {
            DeployKind::Linux => {
                "A Linux host with Docker; the command starts the connector container."
            }
            DeployKind::Windows => "A Windows host with Docker; run the command in PowerShell.",
            DeployKind::DockerCompose => {
                "A host with Docker Compose; the connector runs as a compose service."
            }
            DeployKind::Kubernetes => {
                "A Kubernetes cluster; the connector keeps its certificate on a persistent volume."
            }
        }
    }
}

/// A connector being deployed, as the wizard follows it (polled until it runs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectorProgress {
    pub site_id: String,
    pub site_name: String,
    pub id: String,
    pub name: String,
    pub kind: Option<DeployKind>,
    /// The deployment type as the tenant names it (for unknown types).
    pub deployment_label: String,
    pub enabled: bool,
    pub send_logs: bool,
    pub kubernetes_volume: Option<String>,
    pub registered: bool,
    pub state: ConnectorState,
    pub hostname: Option<String>,
    pub internal_ip: Option<String>,
    pub external_ip: Option<String>,
    pub version: Option<String>,
    /// The tenant's latest connector version (once the connector registered).
    pub latest_version: Option<String>,
    pub outdated: bool,
    pub update_status: String,
    pub update_failed: bool,
    pub update_status_info: Option<String>,
    /// Seconds until the one-time password expires, as of `checked_at` (negative: expired).
    /// `None` once registered.
    pub otp_expires_in: Option<i64>,
    /// The exact expiry, for the tooltip.
    pub otp_expires_exact: Option<String>,
    /// May the viewer see the deployment command and replace or remove the connector?
    pub can_deploy: bool,
}

impl ConnectorProgress {
    /// Registered and reporting up: nothing left to wait for.
    pub fn running(&self) -> bool {
        self.registered && self.state == ConnectorState::Up
    }

    pub fn otp_expired(&self) -> bool {
        !self.registered && self.otp_expires_in.is_some_and(|s| s <= 0)
    }

    /// Worth asking the tenant again: not running yet and the OTP may still be used.
    pub fn keep_waiting(&self) -> bool {
        !self.running() && !self.otp_expired()
    }
}

/// "23 h 59 min", "4 min 05 s", "42 s": the remaining time of a countdown.
pub fn remaining(secs: i64) -> String {
    if secs <= 0 {
        return "expired".to_string();
    }
    let (h, m, s) = (secs / 3600, (secs % 3600) / 60, secs % 60);
    if h > 0 {
        format!("{h} h {m:02} min {s:02} s")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    }
}

/// A site and its connectors, for the "add connectors" step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SiteConnectors {
    pub site_id: String,
    pub site_name: String,
    pub mode: SiteMode,
    pub connectors: Vec<ConnectorSummary>,
}

/// A connector in the "add connectors" list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConnectorSummary {
    pub id: String,
    pub name: String,
    pub deployment_label: String,
    pub state: ConnectorState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_time_reads_naturally() {
        assert_eq!(remaining(0), "expired");
        assert_eq!(remaining(-5), "expired");
        assert_eq!(remaining(42), "42 s");
        assert_eq!(remaining(245), "4 min 05 s");
        assert_eq!(remaining(86_399), "23 h 59 min 59 s");
    }

    #[test]
    fn deploy_kinds_round_trip() {
        for k in DeployKind::ALL {
            assert_eq!(DeployKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(DeployKind::parse("fargate"), None);
    }
}
