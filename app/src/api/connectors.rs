//! Connectors of a site: add, remove, replace, follow, and the deployment secret.

use crate::error::AppError;
use crate::model::deploy::DeploymentView;
use crate::model::wizard::{ConnectorProgress, SiteConnectors};
use leptos::prelude::*;

/// A site and its connectors, for the add-connector step.
#[server(endpoint = "connectors/of_site")]
pub async fn get_site_connectors(site_id: String) -> Result<SiteConnectors, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageConnectors, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::connectors::site_connectors(&state, &principal, &site_id).await
}

/// Adds a connector, then opens its deploy step.
#[server(endpoint = "connectors/create")]
pub async fn create_connector(
    site_id: String,
    #[server(default)] name: String,
    #[server(default)] deployment: String,
    #[server(default)] enabled: Option<String>,
    #[server(default)] send_logs: Option<String>,
    #[server(default)] volume: String,
) -> Result<String, AppError> {
    use crate::model::encode_component;
    use crate::ssr::authz::{require_site, Permission};
    use crate::ssr::forms::keep_input;
    use crate::ssr::usecases::connectors::{create, NewConnectorInput};
    use leptos::server_fn::ServerFn;
    let principal = require_site(Permission::ManageConnectors, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let input = NewConnectorInput {
        name: name.clone(),
        deployment: deployment.clone(),
        enabled: enabled.is_some(),
        send_logs: send_logs.is_some(),
        volume: volume.clone(),
    };
    let result = create(&state, &principal, &site_id, input).await;
    let site = encode_component(&site_id);
    let id = keep_input(
        CreateConnector::PATH,
        &format!("/sites/{site}/connectors/new"),
        &[
            ("name", &name),
            ("deployment", &deployment),
            ("enabled", if enabled.is_some() { "on" } else { "off" }),
            ("send_logs", if send_logs.is_some() { "on" } else { "off" }),
            ("volume", &volume),
        ],
        result,
    )?;
    leptos_axum::redirect(&format!(
        "/sites/{site}/connectors/{}",
        encode_component(&id)
    ));
    Ok(id)
}

/// Removes a connector from its site.
#[server(endpoint = "connectors/delete")]
pub async fn delete_connector(site_id: String, connector_id: String) -> Result<(), AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageConnectors, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::connectors::delete(&state, &principal, &site_id, &connector_id).await
}

/// Removes every connector of a site (before deleting the site).
#[server(endpoint = "connectors/delete_all")]
pub async fn delete_site_connectors(site_id: String) -> Result<u32, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageConnectors, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::connectors::delete_all(&state, &principal, &site_id).await
}

/// Replaces a connector that never registered (expired OTP) by a fresh one with the same
/// settings, and opens the new one's deploy step.
#[server(endpoint = "connectors/replace")]
pub async fn replace_connector(site_id: String, connector_id: String) -> Result<String, AppError> {
    use crate::model::encode_component;
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ManageConnectors, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    let id = crate::ssr::usecases::connectors::replace(&state, &principal, &site_id, &connector_id)
        .await?;
    leptos_axum::redirect(&format!(
        "/sites/{}/connectors/{}",
        encode_component(&site_id),
        encode_component(&id)
    ));
    Ok(id)
}

/// Where a connector stands. `poll`: asked by the waiting page every few seconds, on the
/// tenant queue's background lane.
#[server(endpoint = "connectors/progress")]
pub async fn get_connector_progress(
    site_id: String,
    connector_id: String,
    #[server(default)] poll: bool,
) -> Result<ConnectorProgress, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ViewSites, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::connectors::progress(&state, &principal, &site_id, &connector_id, poll)
        .await
}

/// The deployment command and environment: they hold the connector's one-time password.
/// Called only by the deploy view, when the person asks to see them.
#[server(endpoint = "connectors/deployment")]
pub async fn connector_deployment(
    site_id: String,
    connector_id: String,
) -> Result<DeploymentView, AppError> {
    use crate::ssr::authz::{require_site, Permission};
    let principal = require_site(Permission::ViewDeploymentSecrets, &site_id)?;
    let state = crate::ssr::state::ConsoleState::current()?;
    crate::ssr::usecases::connectors::deployment(&state, &principal, &site_id, &connector_id).await
}
