//! `/_emulator/…`: the emulator's own controls and counters. Not part of the tenant API: no
//! auth and no rate limit (it is a dev tool bound to loopback), JSON in and out, errors in the
//! same documented body.
//!
//! - `GET    /_emulator/stats`                       counters ([`crate::Stats`])
//! - `GET    /_emulator/faults`                      pending faults
//! - `POST   /_emulator/faults`                      `{"status", "count", "path_prefix"?, "message"?}`
//! - `DELETE /_emulator/faults`                      drop pending faults
//! - `POST   /_emulator/connectors/{id}/register`    complete the connector's handshake
//! - `POST   /_emulator/connectors/{id}/health`      `{"up": bool}`
//! - `POST   /_emulator/sites/{id}/connectors`       a site-mode container registering with
//!   `{"registration_key", "name"?, "deployment_type"?}`

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::error::ApiError;
use crate::routes::{bool_field, string_field, ApiJson};
use crate::state::faults::Fault;
use crate::state::parse_id;
use crate::state::stats::Stats;
use crate::state::views::ConnectorView;
use crate::timefmt;
use crate::Emulator;

pub(crate) const CONTROL_PREFIX: &str = "/_emulator";

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/_emulator/stats", get(stats))
        .route(
            "/_emulator/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/_emulator/connectors/{id}/register", post(register))
        .route("/_emulator/connectors/{id}/health", post(health))
        .route("/_emulator/sites/{id}/connectors", post(register_with_key))
}

async fn stats(State(emulator): State<Emulator>) -> Json<Stats> {
    Json(emulator.stats())
}

async fn list_faults(State(emulator): State<Emulator>) -> Json<Vec<Fault>> {
    Json(emulator.pending_faults())
}

async fn add_fault(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<Fault>), ApiError> {
    let fault: Fault = serde_json::from_value(body.0).map_err(|e| {
        ApiError::bad_request(format!(
            "Invalid fault: {e} (expected {{\"status\": 503, \"count\": 1, \"path_prefix\": \"/v2/sites\"}})"
        ))
    })?;
    emulator.inject_fault(fault.clone())?;
    Ok((StatusCode::CREATED, Json(fault)))
}

async fn clear_faults(State(emulator): State<Emulator>) -> StatusCode {
    emulator.clear_faults();
    StatusCode::NO_CONTENT
}

async fn register(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<ConnectorView>, ApiError> {
    emulator.register_connector(&id)?;
    let id = parse_id(&id)?;
    Ok(Json(ConnectorView::new(emulator.tenant().connector(id)?)))
}

async fn health(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<ConnectorView>, ApiError> {
    let up = bool_field(&body.object(false)?, "up")?
        .into_option()
        .ok_or_else(|| {
            ApiError::bad_request("Invalid request body: \"up\" (boolean) is required")
        })?;
    emulator.set_connector_health(&id, up)?;
    let id = parse_id(&id)?;
    Ok(Json(ConnectorView::new(emulator.tenant().connector(id)?)))
}

async fn register_with_key(
    State(emulator): State<Emulator>,
    Path(site_id): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ConnectorView>), ApiError> {
    let site_id = parse_id(&site_id)?;
    let obj = body.object(false)?;
    let key = string_field(&obj, "registration_key")?
        .into_option()
        .ok_or_else(|| {
            ApiError::bad_request("Invalid request body: \"registration_key\" is required")
        })?;
    let name = string_field(&obj, "name")?.into_option();
    let deployment = string_field(&obj, "deployment_type")?.into_option();
    let mut tenant = emulator.tenant();
    let id = tenant.register_with_key(
        site_id,
        &key,
        name,
        deployment,
        timefmt::now(),
        &mut rand::thread_rng(),
    )?;
    Ok((
        StatusCode::CREATED,
        Json(ConnectorView::new(tenant.connector(id)?)),
    ))
}
