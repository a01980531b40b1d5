//! The sites overview and a site with its connectors.
//!
//! The overview costs one list call per 100 sites (sites embed their status and
//! connectors), served from the client's short read cache when warm; searching,
//! sorting and paging happen here, over exactly the sites the caller may see, so a
//! delegated editor's counts and pages never include a site outside their scope.

use crate::error::AppError;
use crate::model::SiteMode;
use crate::model::{
    ConnectorCounts, ConnectorRow, ConnectorState, Health, SiteDetail, SiteQuery, SiteRow,
    SiteSort, SitesPage,
};
use crate::ssr::audit::{audited, Change};
use crate::ssr::authz::{check, check_site, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::format;
use crate::ssr::state::ConsoleState;
use std::collections::HashMap;
use time::OffsetDateTime;
use ztna_client::{ApiError, ListQuery};
use ztna_wire::{
    AuthenticationMode, Connector, LastSeen, NewSite, Site, SiteHealth, SiteStatus, UpdateStatus,
};

pub async fn list(principal: &Principal, query: SiteQuery) -> Result<SitesPage, AppError> {
    let state = ConsoleState::current()?;
    let sites = state
        .client
        .all_sites(&ListQuery {
            size: 100,
            ..ListQuery::default()
        })
        .await
        .map_err(|e| from_api(&e))?;
    let mut page = build_page(
        sites.iter().filter(|s| principal.can_see_site(&s.id)),
        query,
    );
    page.can_edit = principal.may(Permission::EditSites);
    page.can_create = principal.may(Permission::CreateSites);
    Ok(page)
}

/// Search, overview, sort and page over the visible sites. Pure, so it is unit tested.
pub fn build_page<'a>(visible: impl Iterator<Item = &'a Site>, query: SiteQuery) -> SitesPage {
    let mut rows: Vec<SiteRow> = Vec::new();
    let (mut online, mut offline, mut not_configured, mut visible_count) = (0, 0, 0, 0);
    let mut counts = ConnectorCounts::default();
    let needle = query.q.to_lowercase();
    for site in visible {
        let row = site_row(site);
        visible_count += 1;
        match row.health {
            Health::Online => online += 1,
            Health::Offline => offline += 1,
            Health::NotConfigured => not_configured += 1,
            Health::Unknown(_) => {}
        }
        counts.add(&row.counts);
        if needle.is_empty()
            || row.name.to_lowercase().contains(&needle)
            || row.region.to_lowercase().contains(&needle)
        {
            rows.push(row);
        }
    }
    rows.sort_by(|a, b| {
        let by_name = a.name.to_lowercase().cmp(&b.name.to_lowercase());
        let primary = match query.sort {
            SiteSort::Name => std::cmp::Ordering::Equal,
            SiteSort::Region => a.region.cmp(&b.region),
            SiteSort::Health => a.health.rank().cmp(&b.health.rank()),
            SiteSort::Connectors => a.counts.total().cmp(&b.counts.total()),
        };
        primary.then(by_name)
    });
    if query.descending {
        rows.reverse();
    }
    let matching = rows.len() as u32;
    let pages = matching.div_ceil(SiteQuery::PAGE_SIZE).max(1);
    let page = query.page.clamp(1, pages);
    let start = ((page - 1) * SiteQuery::PAGE_SIZE) as usize;
    let rows = rows
        .into_iter()
        .skip(start)
        .take(SiteQuery::PAGE_SIZE as usize)
        .collect();
    SitesPage {
        rows,
        matching,
        visible: visible_count,
        page,
        pages,
        online,
        offline,
        not_configured,
        counts,
        query: SiteQuery { page, ..query },
        can_edit: false,
        can_create: false,
    }
}

pub async fn detail(principal: &Principal, id: &str) -> Result<SiteDetail, AppError> {
    // Scope first: a site outside scope is "not found" without even asking the tenant.
    if id.trim().is_empty() || !principal.can_see_site(id) {
        return Err(AppError::not_found("site"));
    }
    let state = ConsoleState::current()?;
    let (site, latest) = tokio::join!(
        state.client.get_site(id),
        state.client.latest_connector_version()
    );
    let site = site.map_err(|e| match e {
        ApiError::NotFound { .. } => {
            AppError::not_found("site").with_request_id(e.request_id().map(str::to_string))
        }
        other => from_api(&other),
    })?;
    // The latest version only decorates the page: without it, the page still works.
    let latest = latest
        .map(|v| v.connector_version)
        .map_err(|e| tracing::info!(error = %e, "latest connector version unavailable"))
        .ok();
    let mut detail = site_detail(&site, latest, OffsetDateTime::now_utc());
    detail.can_edit = principal.may(Permission::EditSites);
    detail.can_manage_connectors = principal.may(Permission::ManageConnectors);
    detail.can_manage_keys = principal.may(Permission::ManageRegistrationKeys);
    detail.can_delete = principal.may(Permission::DeleteSites);
    Ok(detail)
}

/// The tenant's "no such site" as the console's "not found, or not yours".
pub(crate) fn site_error(e: ApiError) -> AppError {
    match e {
        ApiError::NotFound { .. } => {
            AppError::not_found("site").with_request_id(e.request_id().map(str::to_string))
        }
        other => from_api(&other),
    }
}

/// A site within the caller's scope, after `permission` is checked (before the tenant is
/// asked anything).
pub(crate) async fn site_for(
    state: &ConsoleState,
    principal: &Principal,
    permission: Permission,
    id: &str,
) -> Result<Site, AppError> {
    check_site(principal, permission, id)?;
    state.client.get_site(id).await.map_err(site_error)
}

pub fn mode(mode: &AuthenticationMode) -> SiteMode {
    match mode {
        AuthenticationMode::Connector => SiteMode::Connector,
        AuthenticationMode::Site => SiteMode::Site,
        AuthenticationMode::Other(s) => SiteMode::Other(s.clone()),
    }
}

/// What the new-site form sends.
#[derive(Clone, Debug, Default)]
pub struct NewSiteInput {
    pub name: String,
    /// Empty: the tenant's default region.
    pub region: String,
    /// `connector` or `site`.
    pub mode: String,
    pub notifications: bool,
}

/// What the edit form sends (the authentication mode is not editable).
#[derive(Clone, Debug, Default)]
pub struct SiteEdit {
    pub name: String,
    pub notifications: bool,
}

const NAME_MIN: usize = 2;
const NAME_MAX: usize = 700;

fn invalid(field: &str, message: impl Into<String>, hint: &str) -> AppError {
    let mut e = AppError::new(crate::error::ErrorKind::Invalid, message, hint);
    e.field = Some(field.to_string());
    e
}

/// A site name as the tenant accepts it (2..700 characters, trimmed).
pub fn valid_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let len = name.chars().count();
    if len < NAME_MIN {
        return Err(invalid(
            "name",
            "Enter a name of at least 2 characters.",
            "For example the site's city or datacenter.",
        ));
    }
    if len > NAME_MAX {
        return Err(invalid(
            "name",
            format!("The name is {len} characters long; at most {NAME_MAX} are allowed."),
            "Shorten the name.",
        ));
    }
    Ok(name.to_string())
}

/// The create-site body from the form, checked against the tenant's regions.
pub fn new_site_body(input: &NewSiteInput, regions: &[String]) -> Result<NewSite, AppError> {
    let name = valid_name(&input.name)?;
    let region = input.region.trim();
    let region = if region.is_empty() {
        None
    } else if regions.iter().any(|r| r == region) {
        Some(region.to_string())
    } else {
        return Err(invalid(
            "region",
            format!("“{region}” is not one of the tenant's regions."),
            "Choose a region from the list.",
        ));
    };
    let authentication_mode = match SiteMode::parse(&input.mode) {
        Some(SiteMode::Connector) => AuthenticationMode::Connector,
        Some(SiteMode::Site) => AuthenticationMode::Site,
        _ => {
            return Err(invalid(
                "mode",
                "Choose how connectors of this site authenticate.",
                "It cannot be changed later.",
            ))
        }
    };
    Ok(NewSite {
        name,
        kubernetes_persistent_volume_name: None,
        mute_health_notification: !input.notifications,
        region,
        authentication_mode,
    })
}

/// A conflict on the name is reported at the name field.
fn at_name_field(e: &ApiError) -> AppError {
    let mut app = from_api(e);
    if matches!(e, ApiError::Conflict { .. }) {
        app.field = Some("name".to_string());
        app.message = "A site with this name already exists.".to_string();
        app.hint = "Site names are unique in the tenant; choose another name.".to_string();
    }
    app
}

/// Creates a site (tenant admins only). Returns its id and mode.
pub async fn create(
    state: &ConsoleState,
    principal: &Principal,
    input: NewSiteInput,
) -> Result<(String, SiteMode), AppError> {
    check(principal, Permission::CreateSites)?;
    // Validate what needs no tenant call first.
    valid_name(&input.name)?;
    let regions: Vec<String> = if input.region.trim().is_empty() {
        Vec::new()
    } else {
        state
            .client
            .list_regions()
            .await
            .map_err(|e| from_api(&e))?
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    let body = new_site_body(&input, &regions)?;
    let change = Change::new("site.create", "site").detail(serde_json::json!({
        "name": body.name,
        "region": body.region,
        "authentication_mode": body.authentication_mode.as_str(),
        "mute_health_notification": body.mute_health_notification,
    }));
    let site = audited(
        state,
        principal,
        change,
        state.client.create_site(&body),
        |s: &Site| Some((s.id.clone(), s.name.clone())),
    )
    .await
    .map_err(|e| at_name_field(&e))?;
    Ok((site.id.clone(), mode(&site.authentication_mode)))
}

/// Only the edited fields change; everything else is written back as read.
pub fn apply_edit(site: &mut Site, edit: &SiteEdit) {
    site.name = edit.name.trim().to_string();
    site.mute_health_notification = !edit.notifications;
}

/// Renames a site and/or switches its health notifications (read-merge-write).
pub async fn update(
    state: &ConsoleState,
    principal: &Principal,
    id: &str,
    edit: SiteEdit,
) -> Result<(), AppError> {
    check_site(principal, Permission::EditSites, id)?;
    let name = valid_name(&edit.name)?;
    let edit = SiteEdit { name, ..edit };
    let change = Change::new("site.update", "site")
        .target(id, edit.name.clone())
        .detail(serde_json::json!({
            "name": edit.name,
            "mute_health_notification": !edit.notifications,
        }));
    let for_write = edit.clone();
    audited(
        state,
        principal,
        change,
        state
            .client
            .update_site_with(id, move |site| apply_edit(site, &for_write)),
        |_| None,
    )
    .await
    .map_err(|e| match e {
        ApiError::NotFound { .. } => site_error(e),
        other => at_name_field(&other),
    })?;
    Ok(())
}

/// Deletes a site (tenant admins only). The tenant refuses while connectors remain; its
/// message is shown as is.
pub async fn delete(state: &ConsoleState, principal: &Principal, id: &str) -> Result<(), AppError> {
    let site = site_for(state, principal, Permission::DeleteSites, id).await?;
    let change = Change::new("site.delete", "site")
        .target(id, site.name.clone())
        .detail(serde_json::json!({
            "connectors": site.connector_objects.len(),
            "applications": site.application_ids.len(),
        }));
    audited(
        state,
        principal,
        change,
        state.client.delete_site(id),
        |_| None,
    )
    .await
    .map_err(|e| match e {
        ApiError::NotFound { .. } => site_error(e),
        ApiError::BadRequest {
            message,
            request_id,
        } => AppError::new(
            crate::error::ErrorKind::Invalid,
            format!("The tenant refused to delete the site: {message}"),
            "Delete what still belongs to the site first, then delete the site.",
        )
        .with_request_id(request_id),
        other => from_api(&other),
    })
}

pub(crate) fn health(status: Option<&SiteStatus>) -> Health {
    match status.map(|s| &s.status) {
        Some(SiteHealth::Online) => Health::Online,
        Some(SiteHealth::Offline) => Health::Offline,
        Some(SiteHealth::NotConfigured) | None => Health::NotConfigured,
        Some(SiteHealth::Other(s)) => Health::Unknown(s.clone()),
    }
}

pub(crate) fn counts(status: Option<&SiteStatus>) -> ConnectorCounts {
    status
        .map(|s| ConnectorCounts {
            up: s.connectors_up.len() as u32,
            down: s.connectors_down.len() as u32,
            pending: s.connectors_not_configured.len() as u32,
            disabled: s.connectors_disabled.len() as u32,
        })
        .unwrap_or_default()
}

fn auth_mode(mode: &AuthenticationMode) -> String {
    match mode {
        AuthenticationMode::Connector => "Connector".to_string(),
        AuthenticationMode::Site => "Site key".to_string(),
        AuthenticationMode::Other(s) => s.clone(),
    }
}

fn site_row(site: &Site) -> SiteRow {
    SiteRow {
        id: site.id.clone(),
        name: site.name.clone(),
        region: site.region.clone().unwrap_or_else(|| "default".into()),
        health: health(site.site_status.as_ref()),
        auth_mode: auth_mode(&site.authentication_mode),
        counts: counts(site.site_status.as_ref()),
        applications: site.application_ids.len() as u32,
    }
}

/// Where each connector of a site stands, and since when it was seen.
pub(crate) fn states(status: Option<&SiteStatus>) -> HashMap<&str, (ConnectorState, &LastSeen)> {
    let mut map = HashMap::new();
    if let Some(s) = status {
        for (list, state) in [
            (&s.connectors_up, ConnectorState::Up),
            (&s.connectors_down, ConnectorState::Down),
            (&s.connectors_not_configured, ConnectorState::Pending),
            (&s.connectors_disabled, ConnectorState::Disabled),
        ] {
            for c in list {
                map.insert(c.id.as_str(), (state, &c.last_seen));
            }
        }
    }
    map
}

/// When the status lists do not mention a connector, its own fields decide.
pub(crate) fn fallback_state(c: &Connector) -> ConnectorState {
    if !c.enabled {
        ConnectorState::Disabled
    } else if !c.registered {
        ConnectorState::Pending
    } else {
        ConnectorState::Down
    }
}

pub fn site_detail(site: &Site, latest: Option<String>, now: OffsetDateTime) -> SiteDetail {
    let status = site.site_status.as_ref();
    let by_id = states(status);
    let mut connectors: Vec<ConnectorRow> = site
        .connector_objects
        .iter()
        .map(|c| {
            let (state, last_seen) = match by_id.get(c.id.as_str()) {
                Some((state, seen)) => (*state, **seen),
                None => (fallback_state(c), LastSeen::Never),
            };
            let otp_expires = (!c.registered).then_some(c.date_otp_expire).flatten();
            ConnectorRow {
                id: c.id.clone(),
                name: c.name.clone(),
                state,
                deployment_type: c.deployment_type.label().to_string(),
                version: c.version.clone(),
                outdated: match (&latest, &c.version) {
                    (Some(latest), Some(v)) => {
                        c.registered && super::connectors::is_outdated(v, latest)
                    }
                    _ => false,
                },
                // An unregistered connector has no update status yet.
                update_status: if c.registered {
                    c.update_status.label().to_string()
                } else {
                    "—".to_string()
                },
                update_failed: matches!(c.update_status, UpdateStatus::UpdateFailed),
                update_status_info: c.update_status_info.clone().filter(|s| !s.is_empty()),
                last_seen: match last_seen {
                    LastSeen::At(at) => Some(format::when(at, now)),
                    LastSeen::Never => None,
                },
                hostname: c.hostname.clone().filter(|s| !s.is_empty()),
                internal_ip: c.internal_ip.clone().filter(|s| !s.is_empty()),
                external_ip: c.external_ip.clone().filter(|s| !s.is_empty()),
                geo_location: c.geo_location.clone().filter(|s| !s.is_empty()),
                otp_expires: otp_expires.map(|at| format::when(at, now)),
                otp_expired: otp_expires.is_some_and(|at| at < now),
            }
        })
        .collect();
    connectors.sort_by_key(|c| c.name.to_lowercase());
    SiteDetail {
        id: site.id.clone(),
        name: site.name.clone(),
        region: site.region.clone().unwrap_or_else(|| "default".into()),
        health: health(status),
        auth_mode: auth_mode(&site.authentication_mode),
        mode: mode(&site.authentication_mode),
        notifications_muted: site.mute_health_notification,
        collections: site.count_collections,
        applications: site.application_ids.len() as u32,
        kubernetes_volume: site
            .kubernetes_persistent_volume_name
            .clone()
            .filter(|s| !s.is_empty()),
        counts: counts(status),
        connectors,
        latest_version: latest,
        can_edit: false,
        can_manage_connectors: false,
        can_manage_keys: false,
        can_delete: false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::Role;
    use serde_json::json;
    use time::macros::datetime;

    /// The reference's site example, with a few variations per site.
    fn site(id: &str, name: &str, region: &str, status: &str, up: usize) -> Site {
        let ups: Vec<_> = (0..up)
            .map(|i| json!({"Id": format!("{id}-c{i}"), "last_seen": "2026-12-03T11:55:00.000Z"}))
            .collect();
        serde_json::from_value(json!({
            "id": id,
            "name": name,
            "kubernetes_persistent_volume_name": null,
            "connectors": [],
            "application_ids": ["a1", "a2"],
            "connector_objects": [],
            "site_status": {
                "ConnectorsUp": ups,
                "ConnectorsDown": null,
                "ConnectorsNotConfigured": [{"Id": "x", "last_seen": "1901-01-01T00:00:00.000Z"}],
                "ConnectorsDisabled": null,
                "Status": status
            },
            "mute_health_notification": false,
            "countCollections": 1,
            "region": region,
            "authentication_mode": "connector"
        }))
        .unwrap()
    }

    fn principal(role: Role, scope: &[&str]) -> Principal {
        Principal {
            account_id: 1,
            username: "u".into(),
            display_name: "U".into(),
            role,
            site_scope: scope.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn tenant() -> Vec<Site> {
        (0..45)
            .map(|i| {
                let status = ["online", "offline", "not-configured"][i % 3];
                let region = ["us-west1", "europe-west1", "asia-southeast1"][i % 3];
                site(
                    &format!("s{i:02}"),
                    &format!("Site {i:02}"),
                    region,
                    status,
                    i % 4,
                )
            })
            .collect()
    }

    #[test]
    fn pages_cover_every_visible_site_once() {
        let sites = tenant();
        let mut seen = Vec::new();
        for page in 1..=3 {
            let q = SiteQuery {
                page,
                ..SiteQuery::default()
            };
            let p = build_page(sites.iter(), q);
            assert_eq!(p.visible, 45);
            assert_eq!(p.pages, 3);
            seen.extend(p.rows.into_iter().map(|r| r.id));
        }
        seen.dedup();
        assert_eq!(seen.len(), 45);
        // A page past the end shows the last page instead of nothing.
        let last = build_page(
            sites.iter(),
            SiteQuery {
                page: 99,
                ..SiteQuery::default()
            },
        );
        assert_eq!(last.page, 3);
        assert_eq!(last.rows.len(), 5);
    }

    #[test]
    fn overview_counts_and_search() {
        let sites = tenant();
        let p = build_page(
            sites.iter(),
            SiteQuery {
                q: "EUROPE".into(),
                ..SiteQuery::default()
            },
        );
        assert_eq!((p.online, p.offline, p.not_configured), (15, 15, 15));
        assert_eq!(
            p.matching, 15,
            "search matches the region too, case-insensitively"
        );
        assert!(p.rows.iter().all(|r| r.region == "europe-west1"));
        assert_eq!(p.counts.pending, 45);
    }

    #[test]
    fn sorting_by_health_puts_offline_first_and_reverses() {
        let sites = tenant();
        let q = SiteQuery {
            sort: SiteSort::Health,
            ..SiteQuery::default()
        };
        let asc = build_page(sites.iter(), q.clone());
        assert_eq!(asc.rows[0].health, Health::Offline);
        let desc = build_page(
            sites.iter(),
            SiteQuery {
                descending: true,
                ..q
            },
        );
        assert_eq!(desc.rows[0].health, Health::Online);
    }

    #[test]
    fn scope_filters_before_counting() {
        let sites = tenant();
        let editor = principal(Role::Delegated, &["s01", "s02"]);
        let p = build_page(
            sites.iter().filter(|s| editor.can_see_site(&s.id)),
            SiteQuery::default(),
        );
        assert_eq!(p.visible, 2);
        assert_eq!(p.rows.len(), 2);
        let helpdesk = principal(Role::Helpdesk, &[]);
        assert_eq!(
            build_page(
                sites.iter().filter(|s| helpdesk.can_see_site(&s.id)),
                SiteQuery::default()
            )
            .visible,
            0
        );
    }

    #[test]
    fn site_detail_from_the_reference_example() {
        // The reference's get-site example, verbatim.
        let site: Site = serde_json::from_value(json!({
            "id": "6fd0a892-8b70-471a-9dd7-bf374b07451f",
            "name": "DataCenterEurope",
            "kubernetes_persistent_volume_name": "pv-81e55b9b-298b-11e9-b2bd-0ace4f35b420",
            "connectors": ["2db3162f-b720-40d3-8067-345a5a25c9ec", "a784ec20-24b9-445b-877d-cbbd7f67c444"],
            "application_ids": ["2db3162f-b720-40d3-8067-345a5a25c9ec", "a784ec20-24b9-445b-877d-cbbd7f67c444"],
            "connector_objects": [{
                "id": "1e1513c8-3801-4e58-bba3-e2466bd3fbb4",
                "name": "TestSite-Connector-3",
                "version": "2.5.1+964",
                "registered": true,
                "otp": null,
                "date_created": "2025-07-28T13:34:25Z",
                "date_registered": "2025-07-28T13:34:25Z",
                "date_otp_expire": "2025-07-28T13:34:25Z",
                "send_logs": false,
                "enabled": true,
                "connector_status": "StatusReady",
                "update_status": "UpdateFailed",
                "update_status_info": "error downloading new connector",
                "internal_ip": "10.10.10.1",
                "external_ip": "109.155.209.167",
                "hostname": "TestSite-Connector-3-Linux",
                "geo_location": "Microsoft Azure, Netherlands, Amsterdam",
                "deployment_type": "kubernetes",
                "kubernetes_persistent_volume_name": "pv-81e55b9b-298b-11e9-b2bd-0ace4f35b420"
            }],
            "site_status": {
                "ConnectorsUp": [
                    {"Id": "72e508f9-33fd-4166-ae82-8a25b0e90915", "last_seen": "2019-02-24T12:05:51.000Z"},
                    {"Id": "d05ccd0f-0cec-4de2-a815-281169c9ca7b", "last_seen": "2019-02-24T12:05:51.000Z"}
                ],
                "ConnectorsDown": null,
                "ConnectorsNotConfigured": [
                    {"Id": "50f4837b-ec1d-4cbd-aefa-5a54733f0558", "last_seen": "1901-01-01T00:00:00.000Z"}
                ],
                "ConnectorsDisabled": null,
                "Status": "not-configured"
            },
            "mute_health_notification": false,
            "countCollections": 1,
            "region": "europe-west1",
            "authentication_mode": "connector"
        }))
        .unwrap();
        let now = datetime!(2026-12-03 12:00 UTC);
        let d = site_detail(&site, Some("2.5.8".into()), now);
        assert_eq!(d.health, Health::NotConfigured);
        assert_eq!(d.counts.up, 2);
        assert_eq!(d.counts.pending, 1);
        assert_eq!(d.connectors.len(), 1);
        let c = &d.connectors[0];
        // Not in the status lists: registered and enabled, so shown as down, never seen.
        assert_eq!(c.state, ConnectorState::Down);
        assert_eq!(c.last_seen, None);
        assert!(c.update_failed);
        assert_eq!(
            c.update_status_info.as_deref(),
            Some("error downloading new connector")
        );
        assert!(c.outdated, "2.5.1 is older than 2.5.8");
        assert_eq!(c.deployment_type, "Kubernetes");
        assert_eq!(
            c.otp_expires, None,
            "registered connectors have no OTP expiry"
        );
    }

    #[test]
    fn pending_connector_shows_its_otp_expiry_but_never_the_otp() {
        let site: Site = serde_json::from_value(json!({
            "id": "s", "name": "S", "region": "us-west1",
            "connector_objects": [{
                "id": "c1", "name": "new", "registered": false, "enabled": true,
                "otp": "2d1e1bfa-1234-41bf-a805-a3d1aa7eb5d1",
                "date_otp_expire": "2026-12-04T11:00:00Z",
                "deployment_type": "linux"
            }],
            "site_status": {"ConnectorsNotConfigured": [{"Id": "c1", "last_seen": "1901-01-01T00:00:00.000Z"}], "Status": "not-configured"}
        }))
        .unwrap();
        let d = site_detail(&site, None, datetime!(2026-12-03 12:00 UTC));
        let c = &d.connectors[0];
        assert_eq!(c.state, ConnectorState::Pending);
        assert_eq!(
            c.otp_expires.as_ref().map(|w| w.relative.as_str()),
            Some("in 23 h")
        );
        assert!(!c.otp_expired);
        let json = serde_json::to_string(&d).unwrap();
        assert!(
            !json.contains("2d1e1bfa"),
            "the OTP never reaches the view model"
        );
    }
}
