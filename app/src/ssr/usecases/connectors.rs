//! Connectors of a site: add, remove, replace, follow until they run, and the one secret
//! read (the deployment command and environment).
//!
//! Every connector is reached through its site: the site is checked against the caller's
//! scope first, then read, and the connector must belong to it, so a connector id of
//! another site answers "not found" like a missing one.

use crate::error::{AppError, ErrorKind};
use crate::model::deploy::{format_environment, DeploymentView};
use crate::model::wizard::{ConnectorProgress, ConnectorSummary, DeployKind, SiteConnectors};
use crate::model::SiteMode;
use crate::ssr::audit::{audited, Change};
use crate::ssr::authz::{check_site, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::format;
use crate::ssr::state::ConsoleState;
use crate::ssr::usecases::sites::{fallback_state, mode, site_error, site_for, states};
use time::OffsetDateTime;
use ztna_client::{ApiError, Lane};
use ztna_wire::{Connector, DeploymentType, NewConnector, Site, UpdateStatus};

/// What the add-connector form sends.
#[derive(Clone, Debug, Default)]
pub struct NewConnectorInput {
    pub name: String,
    /// `linux`, `windows`, `docker-compose` or `kubernetes`.
    pub deployment: String,
    pub enabled: bool,
    pub send_logs: bool,
    /// The persistent volume (Kubernetes only).
    pub volume: String,
}

const NAME_MAX: usize = 255;

fn invalid(field: &str, message: impl Into<String>, hint: &str) -> AppError {
    let mut e = AppError::new(ErrorKind::Invalid, message, hint);
    e.field = Some(field.to_string());
    e
}

/// The create-connector body from the form.
pub fn new_connector_body(input: &NewConnectorInput) -> Result<NewConnector, AppError> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(invalid(
            "name",
            "Enter a name for the connector.",
            "For example the host it will run on.",
        ));
    }
    if name.chars().count() > NAME_MAX {
        return Err(invalid(
            "name",
            format!("The name is too long; at most {NAME_MAX} characters are allowed."),
            "Shorten the name.",
        ));
    }
    let Some(kind) = DeployKind::parse(&input.deployment) else {
        return Err(invalid(
            "deployment",
            "Choose where the connector will run.",
            "Linux, Windows, Docker Compose or Kubernetes.",
        ));
    };
    let volume = input.volume.trim();
    let volume = match kind {
        DeployKind::Kubernetes if volume.is_empty() => {
            return Err(invalid(
                "volume",
                "Enter the persistent volume the connector keeps its certificate on.",
                "Kubernetes connectors need a persistent volume to survive restarts.",
            ))
        }
        DeployKind::Kubernetes => Some(volume.to_string()),
        _ => None,
    };
    Ok(NewConnector {
        name: name.to_string(),
        deployment_type: DeploymentType::from_wire(kind.as_str()),
        send_logs: input.send_logs,
        enabled: input.enabled,
        kubernetes_persistent_volume_name: volume,
    })
}

fn connector_of<'a>(site: &'a Site, connector_id: &str) -> Result<&'a Connector, AppError> {
    site.connector_objects
        .iter()
        .find(|c| c.id == connector_id && !connector_id.is_empty())
        .ok_or_else(|| AppError::not_found("connector"))
}

fn connector_error(e: ApiError) -> AppError {
    match e {
        ApiError::NotFound { .. } => {
            AppError::not_found("connector").with_request_id(e.request_id().map(str::to_string))
        }
        ApiError::Conflict { .. } => {
            let mut app = from_api(&e);
            app.field = Some("name".into());
            app.message = "A connector with this name already exists.".into();
            app.hint = "Connector names are unique in the tenant; choose another name.".into();
            app
        }
        other => from_api(&other),
    }
}

fn summary(site: &Site) -> Vec<ConnectorSummary> {
    let by_id = states(site.site_status.as_ref());
    let mut list: Vec<ConnectorSummary> = site
        .connector_objects
        .iter()
        .map(|c| ConnectorSummary {
            id: c.id.clone(),
            name: c.name.clone(),
            deployment_label: c.deployment_type.label().to_string(),
            state: by_id
                .get(c.id.as_str())
                .map(|(s, _)| *s)
                .unwrap_or_else(|| fallback_state(c)),
        })
        .collect();
    list.sort_by_key(|c| c.name.to_lowercase());
    list
}

/// The site and its connectors, for the add-connector step.
pub async fn site_connectors(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
) -> Result<SiteConnectors, AppError> {
    let site = site_for(state, principal, Permission::ManageConnectors, site_id).await?;
    Ok(SiteConnectors {
        site_id: site.id.clone(),
        site_name: site.name.clone(),
        mode: mode(&site.authentication_mode),
        connectors: summary(&site),
    })
}

fn refuse_site_mode(site: &Site) -> Result<(), AppError> {
    if mode(&site.authentication_mode) == SiteMode::Site {
        return Err(AppError::new(
            ErrorKind::Invalid,
            "This site uses a registration key: its connectors register themselves.",
            "Use the site's registration key to deploy connectors instead.",
        ));
    }
    Ok(())
}

/// Adds a connector to a connector-mode site. Returns the new connector's id.
pub async fn create(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    input: NewConnectorInput,
) -> Result<String, AppError> {
    check_site(principal, Permission::ManageConnectors, site_id)?;
    let body = new_connector_body(&input)?;
    let site = state.client.get_site(site_id).await.map_err(site_error)?;
    refuse_site_mode(&site)?;
    create_in(state, principal, &site, &body).await
}

async fn create_in(
    state: &ConsoleState,
    principal: &Principal,
    site: &Site,
    body: &NewConnector,
) -> Result<String, AppError> {
    let change = Change::new("connector.create", "connector").detail(serde_json::json!({
        "site_id": site.id,
        "site_name": site.name,
        "name": body.name,
        "deployment_type": body.deployment_type.as_str(),
        "enabled": body.enabled,
        "send_logs": body.send_logs,
    }));
    // The answer holds the OTP: only its id and name leave this function.
    let created = audited(
        state,
        principal,
        change,
        state.client.create_connector(&site.id, body),
        |c: &Connector| Some((c.id.clone(), c.name.clone())),
    )
    .await
    .map_err(connector_error)?;
    Ok(created.id.clone())
}

/// Removes a connector from its site.
pub async fn delete(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    connector_id: &str,
) -> Result<(), AppError> {
    let site = site_for(state, principal, Permission::ManageConnectors, site_id).await?;
    let connector = connector_of(&site, connector_id)?;
    delete_one(state, principal, &site, connector).await
}

async fn delete_one(
    state: &ConsoleState,
    principal: &Principal,
    site: &Site,
    connector: &Connector,
) -> Result<(), AppError> {
    let change = Change::new("connector.delete", "connector")
        .target(connector.id.clone(), connector.name.clone())
        .detail(serde_json::json!({ "site_id": site.id, "site_name": site.name }));
    audited(
        state,
        principal,
        change,
        state.client.delete_connector(&connector.id),
        |_| None,
    )
    .await
    .map_err(connector_error)
}

/// Removes every connector of a site (so that the site itself can be deleted). Stops at
/// the first failure; returns how many were removed.
pub async fn delete_all(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
) -> Result<u32, AppError> {
    let site = site_for(state, principal, Permission::ManageConnectors, site_id).await?;
    let mut removed = 0;
    for connector in &site.connector_objects {
        delete_one(state, principal, &site, connector).await?;
        removed += 1;
    }
    Ok(removed)
}

/// A connector that never registered (its OTP expired, or its command was lost) is
/// replaced by a fresh one with the same settings: deleted, then created again. Returns
/// the new connector's id.
pub async fn replace(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    connector_id: &str,
) -> Result<String, AppError> {
    let site = site_for(state, principal, Permission::ManageConnectors, site_id).await?;
    refuse_site_mode(&site)?;
    let old = connector_of(&site, connector_id)?;
    if old.registered {
        return Err(AppError::new(
            ErrorKind::Invalid,
            "This connector has already registered; there is nothing to replace.",
            "Reload the page to see its state.",
        ));
    }
    let body = NewConnector {
        name: old.name.clone(),
        deployment_type: old.deployment_type.clone(),
        send_logs: old.send_logs,
        enabled: old.enabled,
        kubernetes_persistent_volume_name: old.kubernetes_persistent_volume_name.clone(),
    };
    delete_one(state, principal, &site, old).await?;
    create_in(state, principal, &site, &body).await
}

/// Where a connector stands, for the wizard's "waiting" step. `poll` uses the background
/// lane, so following a deployment never delays what people click.
pub async fn progress(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    connector_id: &str,
    poll: bool,
) -> Result<ConnectorProgress, AppError> {
    check_site(principal, Permission::ViewSites, site_id)?;
    let client = if poll {
        state.client.lane(Lane::Background)
    } else {
        state.client.clone()
    };
    let site = client.get_site(site_id).await.map_err(site_error)?;
    let connector = connector_of(&site, connector_id)?;
    // The latest version matters only once the connector runs (the check panel).
    let latest = if connector.registered {
        client
            .latest_connector_version()
            .await
            .map(|v| v.connector_version)
            .map_err(|e| tracing::info!(error = %e, "latest connector version unavailable"))
            .ok()
    } else {
        None
    };
    let mut view = progress_of(&site, connector, latest, OffsetDateTime::now_utc());
    view.can_deploy = principal.may(Permission::ViewDeploymentSecrets)
        && principal.may(Permission::ManageConnectors);
    Ok(view)
}

/// Is `version` older than `latest`? Versions look like `2.5.1+964`; the build suffix is
/// ignored and parts compare as numbers.
pub fn is_outdated(version: &str, latest: &str) -> bool {
    fn parts(v: &str) -> Vec<u64> {
        v.split('+')
            .next()
            .unwrap_or_default()
            .split('.')
            .map(|p| p.trim().parse::<u64>().unwrap_or(0))
            .collect()
    }
    let (v, l) = (parts(version), parts(latest));
    let n = v.len().max(l.len());
    let at = |x: &Vec<u64>, i: usize| x.get(i).copied().unwrap_or(0);
    for i in 0..n {
        match at(&v, i).cmp(&at(&l, i)) {
            std::cmp::Ordering::Less => return true,
            std::cmp::Ordering::Greater => return false,
            std::cmp::Ordering::Equal => {}
        }
    }
    false
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.trim().is_empty())
}

pub fn progress_of(
    site: &Site,
    c: &Connector,
    latest: Option<String>,
    now: OffsetDateTime,
) -> ConnectorProgress {
    let by_id = states(site.site_status.as_ref());
    let state = match by_id.get(c.id.as_str()) {
        Some((state, _)) => *state,
        None => fallback_state(c),
    };
    let otp_expires = (!c.registered).then_some(c.date_otp_expire).flatten();
    let outdated = match (&latest, &c.version) {
        (Some(latest), Some(v)) => c.registered && is_outdated(v, latest),
        _ => false,
    };
    ConnectorProgress {
        site_id: site.id.clone(),
        site_name: site.name.clone(),
        id: c.id.clone(),
        name: c.name.clone(),
        kind: DeployKind::parse(c.deployment_type.as_str()),
        deployment_label: c.deployment_type.label().to_string(),
        enabled: c.enabled,
        send_logs: c.send_logs,
        kubernetes_volume: non_empty(&c.kubernetes_persistent_volume_name),
        registered: c.registered,
        state,
        hostname: non_empty(&c.hostname),
        internal_ip: non_empty(&c.internal_ip),
        external_ip: non_empty(&c.external_ip),
        version: non_empty(&c.version),
        latest_version: latest,
        outdated,
        update_status: if c.registered {
            c.update_status.label().to_string()
        } else {
            "—".to_string()
        },
        update_failed: matches!(c.update_status, UpdateStatus::UpdateFailed),
        update_status_info: non_empty(&c.update_status_info),
        otp_expires_in: otp_expires.map(|at| (at - now).whole_seconds()),
        otp_expires_exact: otp_expires.map(format::exact),
        can_deploy: false,
    }
}

/// The deployment command and environment of a connector: the one secret read. Never
/// cached (the client reads both uncached), never logged, recorded in the audit trail.
pub async fn deployment(
    state: &ConsoleState,
    principal: &Principal,
    site_id: &str,
    connector_id: &str,
) -> Result<DeploymentView, AppError> {
    check_site(principal, Permission::ViewDeploymentSecrets, site_id)?;
    let site = state.client.get_site(site_id).await.map_err(site_error)?;
    let connector = connector_of(&site, connector_id)?.clone();
    let change = Change::new("connector.deployment_view", "connector")
        .target(connector.id.clone(), connector.name.clone())
        .detail(serde_json::json!({ "site_id": site.id, "site_name": site.name }));
    let (command, environment) = audited(
        state,
        principal,
        change,
        async {
            let (command, environment) = tokio::join!(
                state.client.connector_command(&connector.id),
                state.client.connector_environment(&connector.id)
            );
            Ok::<_, ApiError>((command?, environment?))
        },
        |_| None,
    )
    .await
    .map_err(connector_error)?;
    let kind = DeployKind::parse(connector.deployment_type.as_str());
    let vars: Vec<(String, String)> = environment
        .environment_variables
        .iter()
        .map(|v| (v.name.clone(), v.value.to_env_string()))
        .collect();
    let (environment_format, formatted) = format_environment(kind, &vars);
    let now = OffsetDateTime::now_utc();
    Ok(DeploymentView {
        connector_id: connector.id.clone(),
        connector_name: connector.name.clone(),
        kind,
        deployment_label: connector.deployment_type.label().to_string(),
        command: command.deployment_commands,
        container_name: environment.container_name,
        environment: formatted,
        environment_format,
        otp_expires_in: (!connector.registered)
            .then_some(connector.date_otp_expire)
            .flatten()
            .map(|at| (at - now).whole_seconds()),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::ConnectorState;
    use serde_json::json;
    use time::macros::datetime;

    fn input(name: &str, deployment: &str, volume: &str) -> NewConnectorInput {
        NewConnectorInput {
            name: name.into(),
            deployment: deployment.into(),
            enabled: true,
            send_logs: false,
            volume: volume.into(),
        }
    }

    #[test]
    fn connector_form_is_checked_field_by_field() {
        let e = new_connector_body(&input(" ", "linux", "")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("name"));
        let e = new_connector_body(&input("a", "fargate", "")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("deployment"));
        let e = new_connector_body(&input("a", "kubernetes", " ")).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("volume"));
        let ok = new_connector_body(&input(" edge-1 ", "kubernetes", "pv-1")).unwrap();
        assert_eq!(ok.name, "edge-1");
        assert_eq!(ok.deployment_type.as_str(), "kubernetes");
        assert_eq!(
            ok.kubernetes_persistent_volume_name.as_deref(),
            Some("pv-1")
        );
        let linux = new_connector_body(&input("b", "linux", "ignored")).unwrap();
        assert_eq!(linux.kubernetes_persistent_volume_name, None);
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(is_outdated("2.5.1+964", "2.5.8"));
        assert!(is_outdated("2.5.8", "2.5.10"));
        assert!(!is_outdated("2.5.10+1", "2.5.8"));
        assert!(!is_outdated("2.5.8+12", "2.5.8"));
    }

    fn site(connector: serde_json::Value, status: serde_json::Value) -> Site {
        serde_json::from_value(json!({
            "id": "s1", "name": "Paris", "region": "europe-west1",
            "authentication_mode": "connector",
            "connector_objects": [connector],
            "site_status": status,
        }))
        .unwrap()
    }

    #[test]
    fn a_fresh_connector_counts_down_its_otp() {
        let s = site(
            json!({"id": "c1", "name": "edge", "registered": false, "enabled": true,
                   "otp": "9f3c-secret", "date_otp_expire": "2026-12-04T12:00:00Z",
                   "deployment_type": "linux"}),
            json!({"ConnectorsNotConfigured": [{"Id": "c1", "last_seen": "1901-01-01T00:00:00.000Z"}], "Status": "not-configured"}),
        );
        let now = datetime!(2026-12-03 12:00 UTC);
        let p = progress_of(&s, &s.connector_objects[0], None, now);
        assert_eq!(p.state, ConnectorState::Pending);
        assert_eq!(p.otp_expires_in, Some(86_400));
        assert!(p.keep_waiting());
        assert!(!p.otp_expired());
        assert_eq!(p.kind, Some(DeployKind::Linux));
        assert!(!serde_json::to_string(&p).unwrap().contains("9f3c-secret"));
        // A day later the OTP is gone: stop waiting, offer a fresh connector.
        let later = progress_of(
            &s,
            &s.connector_objects[0],
            None,
            now + time::Duration::days(2),
        );
        assert!(later.otp_expired());
        assert!(!later.keep_waiting());
    }

    #[test]
    fn a_registered_connector_reports_where_it_runs() {
        let s = site(
            json!({"id": "c1", "name": "edge", "registered": true, "enabled": true,
                   "version": "2.5.1+964", "hostname": "edge-host", "internal_ip": "10.0.0.4",
                   "external_ip": "203.0.113.9", "update_status": "UpdateFailed",
                   "update_status_info": "error downloading new connector",
                   "deployment_type": "docker-compose"}),
            json!({"ConnectorsUp": [{"Id": "c1", "last_seen": "2026-12-03T11:59:00.000Z"}], "Status": "online"}),
        );
        let p = progress_of(
            &s,
            &s.connector_objects[0],
            Some("2.5.8".into()),
            datetime!(2026-12-03 12:00 UTC),
        );
        assert!(p.running());
        assert!(!p.keep_waiting());
        assert_eq!(p.hostname.as_deref(), Some("edge-host"));
        assert!(p.outdated);
        assert!(p.update_failed);
        assert_eq!(p.otp_expires_in, None);
    }

    #[test]
    fn connectors_are_found_only_in_their_site() {
        let s = site(
            json!({"id": "c1", "name": "edge", "deployment_type": "linux"}),
            json!(null),
        );
        assert!(connector_of(&s, "c1").is_ok());
        assert_eq!(
            connector_of(&s, "other").unwrap_err().kind,
            ErrorKind::NotFound
        );
        assert_eq!(connector_of(&s, "").unwrap_err().kind, ErrorKind::NotFound);
    }
}
