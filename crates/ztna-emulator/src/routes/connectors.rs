//! Connectors: list (paged), create (bound to a site), get, delete, deployment command,
//! environment variables, and the latest connector version.
//!
//! `/v2/connectors/version` is a static route, which axum's router prefers over
//! `/v2/connectors/{id}`, so "version" is never taken for an id.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use super::{bool_field, string_field, ApiJson, ListParams, Page};
use crate::deploy::{self, CommandView, EnvironmentView};
use crate::error::ApiError;
use crate::state::connectors::ConnectorInput;
use crate::state::parse_id;
use crate::state::views::ConnectorView;
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/connectors", get(list).post(create))
        .route("/v2/connectors/version", get(version))
        .route("/v2/connectors/{id}", get(get_one).delete(remove))
        .route("/v2/connectors/{id}/command", get(command))
        .route(
            "/v2/connectors/{id}/environment_variables",
            get(environment),
        )
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<ConnectorView>>, ApiError> {
    let params = ListParams::parse(&query)?;
    let tenant = emulator.tenant();
    // The reference filters connectors on name and addresses.
    let mut rows: Vec<_> = tenant
        .connectors
        .values()
        .filter(|c| {
            let r = c.registration.as_ref();
            params.matches(
                [
                    Some(c.name.as_str()),
                    r.map(|r| r.internal_ip.as_str()),
                    r.map(|r| r.external_ip.as_str()),
                ]
                .into_iter()
                .flatten(),
            )
        })
        .map(|c| (c.id.to_string(), c.name.clone(), c))
        .collect();
    params.sort(&mut rows);
    Ok(Json(
        Page::of(rows, &params).map(|(_, _, c)| ConnectorView::new(c)),
    ))
}

async fn create(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ConnectorView>), ApiError> {
    let site_id = query
        .get("bind_to_site_id")
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| {
            ApiError::bad_request("Invalid request parameters: bind_to_site_id is required")
        })?;
    let site_id = parse_id(site_id.trim())?;
    let obj = body.object(false)?;
    let input = ConnectorInput {
        name: string_field(&obj, "name")?,
        deployment_type: string_field(&obj, "deployment_type")?,
        send_logs: bool_field(&obj, "send_logs")?,
        enabled: bool_field(&obj, "enabled")?,
        kubernetes_persistent_volume_name: string_field(&obj, "kubernetes_persistent_volume_name")?,
    };
    let mut tenant = emulator.tenant();
    let id = tenant.create_connector(site_id, input, timefmt::now())?;
    let connector = tenant.connector(id)?;
    Ok((StatusCode::CREATED, Json(ConnectorView::new(connector))))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<ConnectorView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    Ok(Json(ConnectorView::new(tenant.connector(id)?)))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().delete_connector(id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn command(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<CommandView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let connector = tenant.connector(id)?;
    Ok(Json(deploy::command(&tenant, connector)))
}

async fn environment(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<EnvironmentView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let connector = tenant.connector(id)?;
    Ok(Json(deploy::environment(&tenant, connector)))
}

#[derive(Debug, Serialize)]
struct VersionView {
    connector_version: String,
}

async fn version(State(emulator): State<Emulator>) -> Json<VersionView> {
    Json(VersionView {
        connector_version: emulator.tenant().latest_version.clone(),
    })
}
