//! JSON shapes, field for field as in the reference examples (including explicit nulls).

use serde::Serialize;
use time::OffsetDateTime;

use super::model::{Connector, Health, Region, RegistrationKey, Site};
use super::Tenant;
use crate::timefmt::{self, iso_millis, iso_seconds};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ConnectorView {
    pub id: String,
    pub name: String,
    pub version: Option<String>,
    pub registered: bool,
    pub otp: Option<String>,
    pub date_created: String,
    pub date_registered: Option<String>,
    pub date_otp_expire: String,
    pub send_logs: bool,
    pub enabled: bool,
    pub connector_status: &'static str,
    pub update_status: Option<&'static str>,
    pub update_status_info: Option<String>,
    pub internal_ip: Option<String>,
    pub external_ip: Option<String>,
    pub hostname: Option<String>,
    pub geo_location: Option<String>,
    pub deployment_type: &'static str,
    pub kubernetes_persistent_volume_name: Option<String>,
}

impl ConnectorView {
    pub fn new(c: &Connector) -> Self {
        let r = c.registration.as_ref();
        Self {
            id: c.id.to_string(),
            name: c.name.clone(),
            version: r.map(|r| r.version.clone()),
            registered: r.is_some(),
            otp: c.otp.clone(),
            date_created: iso_seconds(c.date_created),
            date_registered: r.map(|r| iso_seconds(r.date_registered)),
            date_otp_expire: iso_seconds(c.date_otp_expire),
            send_logs: c.send_logs,
            enabled: c.enabled,
            connector_status: if r.is_some() {
                "StatusReady"
            } else {
                "StatusUndefined"
            },
            update_status: r.map(|r| r.update_status.as_str()),
            update_status_info: r.and_then(|r| r.update_status_info.clone()),
            internal_ip: r.map(|r| r.internal_ip.clone()),
            external_ip: r.map(|r| r.external_ip.clone()),
            hostname: r.map(|r| r.hostname.clone()),
            geo_location: r.map(|r| r.geo_location.clone()),
            deployment_type: c.deployment_type.as_str(),
            kubernetes_persistent_volume_name: c.kubernetes_persistent_volume_name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LastSeen {
    #[serde(rename = "Id")]
    pub id: String,
    pub last_seen: String,
}

/// Empty buckets are `null`, as in the reference.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteStatusView {
    #[serde(rename = "ConnectorsUp")]
    pub up: Option<Vec<LastSeen>>,
    #[serde(rename = "ConnectorsDown")]
    pub down: Option<Vec<LastSeen>>,
    #[serde(rename = "ConnectorsNotConfigured")]
    pub not_configured: Option<Vec<LastSeen>>,
    #[serde(rename = "ConnectorsDisabled")]
    pub disabled: Option<Vec<LastSeen>>,
    #[serde(rename = "Status")]
    pub status: &'static str,
}

impl SiteStatusView {
    pub fn new(connectors: &[&Connector], now: OffsetDateTime) -> Self {
        let bucket = |health: Health| {
            let items: Vec<LastSeen> = connectors
                .iter()
                .filter(|c| c.health() == health)
                .map(|c| LastSeen {
                    id: c.id.to_string(),
                    last_seen: c
                        .last_seen(now)
                        .map_or_else(|| timefmt::NEVER_SEEN.to_owned(), iso_millis),
                })
                .collect();
            (!items.is_empty()).then_some(items)
        };
        let status = if connectors.iter().any(|c| c.health() == Health::Up) {
            "online"
        } else if connectors.iter().any(|c| c.registration.is_some()) {
            "offline"
        } else {
            "not-configured"
        };
        Self {
            up: bucket(Health::Up),
            down: bucket(Health::Down),
            not_configured: bucket(Health::NotConfigured),
            disabled: bucket(Health::Disabled),
            status,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    pub id: String,
    pub name: String,
    pub kubernetes_persistent_volume_name: Option<String>,
    pub connectors: Vec<String>,
    pub application_ids: Vec<String>,
    pub connector_objects: Vec<ConnectorView>,
    pub site_status: SiteStatusView,
    pub mute_health_notification: bool,
    #[serde(rename = "countCollections")]
    pub count_collections: i32,
    pub region: String,
    pub authentication_mode: &'static str,
}

impl SiteView {
    pub fn new(tenant: &Tenant, site: &Site, now: OffsetDateTime) -> Self {
        let connectors = tenant.connectors_of(site.id);
        Self {
            id: site.id.to_string(),
            name: site.name.clone(),
            kubernetes_persistent_volume_name: site.kubernetes_persistent_volume_name.clone(),
            connectors: connectors.iter().map(|c| c.id.to_string()).collect(),
            application_ids: site.application_ids.iter().map(|a| a.to_string()).collect(),
            connector_objects: connectors.iter().map(|c| ConnectorView::new(c)).collect(),
            site_status: SiteStatusView::new(&connectors, now),
            mute_health_notification: site.mute_health_notification,
            count_collections: site.count_collections,
            region: site.region.clone(),
            authentication_mode: site.authentication_mode.as_str(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegionView {
    pub name: String,
    pub is_default: bool,
}

impl RegionView {
    pub fn new(region: &Region) -> Self {
        Self {
            name: region.name.clone(),
            is_default: region.is_default,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegistrationKeyView {
    pub id: String,
    pub date_created: String,
    pub last_used: Option<String>,
    pub expiration_date: Option<String>,
    pub status: &'static str,
}

impl RegistrationKeyView {
    pub fn new(key: &RegistrationKey) -> Self {
        Self {
            id: key.id.to_string(),
            date_created: iso_seconds(key.date_created),
            last_used: key.last_used.map(iso_seconds),
            expiration_date: key.expiration_date.map(iso_seconds),
            status: "active",
        }
    }
}
