//! The health report: offline and not-configured sites, outdated connectors and failed
//! updates, from the sites list (sites embed their connectors and status), so it costs
//! one list call per 100 sites plus the latest version, never one call per site.

use crate::error::AppError;
use crate::model::health::{ConnectorIssue, HealthReport, SiteIssue};
use crate::model::Health;
use crate::ssr::authz::{check, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::state::ConsoleState;
use crate::ssr::usecases::connectors::is_outdated;
use crate::ssr::usecases::sites::health;
use ztna_client::ListQuery;
use ztna_wire::{Site, UpdateStatus};

pub async fn report(state: &ConsoleState, principal: &Principal) -> Result<HealthReport, AppError> {
    check(principal, Permission::ViewSites)?;
    let query = ListQuery {
        size: 100,
        ..ListQuery::default()
    };
    let (sites, latest) = tokio::join!(
        state.client.all_sites(&query),
        state.client.latest_connector_version()
    );
    let sites = sites.map_err(|e| from_api(&e))?;
    let latest = latest
        .map(|v| v.connector_version)
        .map_err(|e| tracing::info!(error = %e, "latest connector version unavailable"))
        .ok();
    Ok(build_report(
        sites.iter().filter(|s| principal.can_see_site(&s.id)),
        latest,
    ))
}

/// Pure, so it is unit tested.
pub fn build_report<'a>(
    sites: impl Iterator<Item = &'a Site>,
    latest: Option<String>,
) -> HealthReport {
    let mut report = HealthReport {
        latest_version: latest.clone(),
        sites_checked: 0,
        connectors_checked: 0,
        offline: Vec::new(),
        not_configured: Vec::new(),
        outdated: Vec::new(),
        failed_updates: Vec::new(),
    };
    for site in sites {
        report.sites_checked += 1;
        report.connectors_checked += site.connector_objects.len() as u32;
        let issue = || SiteIssue {
            site_id: site.id.clone(),
            site_name: site.name.clone(),
            region: site.region.clone().unwrap_or_else(|| "default".into()),
            connectors: site.connector_objects.len() as u32,
        };
        match health(site.site_status.as_ref()) {
            Health::Offline => report.offline.push(issue()),
            Health::NotConfigured => report.not_configured.push(issue()),
            Health::Online | Health::Unknown(_) => {}
        }
        for c in site.connector_objects.iter().filter(|c| c.registered) {
            let connector_issue = |detail: Option<String>| ConnectorIssue {
                site_id: site.id.clone(),
                site_name: site.name.clone(),
                connector_id: c.id.clone(),
                connector_name: c.name.clone(),
                version: c.version.clone().filter(|v| !v.is_empty()),
                update_status: c.update_status.label().to_string(),
                detail,
            };
            if matches!(c.update_status, UpdateStatus::UpdateFailed) {
                report.failed_updates.push(connector_issue(
                    c.update_status_info.clone().filter(|s| !s.is_empty()),
                ));
            }
            if let (Some(latest), Some(v)) = (&latest, &c.version) {
                if is_outdated(v, latest) {
                    report.outdated.push(connector_issue(None));
                }
            }
        }
    }
    let by_site =
        |a: &SiteIssue, b: &SiteIssue| a.site_name.to_lowercase().cmp(&b.site_name.to_lowercase());
    report.offline.sort_by(by_site);
    report.not_configured.sort_by(by_site);
    let by_connector = |a: &ConnectorIssue, b: &ConnectorIssue| {
        (a.site_name.to_lowercase(), a.connector_name.to_lowercase())
            .cmp(&(b.site_name.to_lowercase(), b.connector_name.to_lowercase()))
    };
    report.outdated.sort_by(by_connector);
    report.failed_updates.sort_by(by_connector);
    report
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn site(id: &str, status: &str, connectors: serde_json::Value) -> Site {
        serde_json::from_value(json!({
            "id": id, "name": format!("Site {id}"), "region": "us-west1",
            "authentication_mode": "connector",
            "connector_objects": connectors,
            "site_status": {"Status": status},
        }))
        .unwrap()
    }

    #[test]
    fn the_report_lists_what_needs_attention() {
        let sites = [
            site(
                "a",
                "online",
                json!([
                    {"id": "a1", "name": "ok", "registered": true, "version": "2.5.8+1", "update_status": "UpToDate", "deployment_type": "linux"},
                    {"id": "a2", "name": "old", "registered": true, "version": "2.4.0", "update_status": "UpdateFailed", "update_status_info": "disk full", "deployment_type": "linux"},
                    {"id": "a3", "name": "new", "registered": false, "deployment_type": "linux"}
                ]),
            ),
            site("b", "offline", json!([])),
            site("c", "not-configured", json!([])),
        ];
        let r = build_report(sites.iter(), Some("2.5.8".into()));
        assert_eq!(r.sites_checked, 3);
        assert_eq!(r.connectors_checked, 3);
        assert_eq!(r.offline.len(), 1);
        assert_eq!(r.offline[0].site_id, "b");
        assert_eq!(r.not_configured[0].site_id, "c");
        assert_eq!(r.outdated.len(), 1, "only the registered, older one");
        assert_eq!(r.outdated[0].connector_name, "old");
        assert_eq!(r.failed_updates[0].detail.as_deref(), Some("disk full"));
        assert!(!r.all_clear());
        // Scope is applied before: a filtered iterator reports only those sites.
        let mine = build_report(sites.iter().filter(|s| s.id == "a"), None);
        assert!(mine.offline.is_empty() && mine.outdated.is_empty());
        assert_eq!(mine.failed_updates.len(), 1);
    }
}
