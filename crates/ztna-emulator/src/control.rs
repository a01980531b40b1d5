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
//! - `POST   /_emulator/dns/servers/{id}/health`     `{"healthy": bool}`: the group fails over
//! - `POST   /_emulator/latency`                     `{"ms": N}` added to every API request
//! - `POST   /_emulator/error-rate`                  `{"status": 503, "percent": 10}` (0 removes)
//! - `POST   /_emulator/storm`                       `{"seconds": N}`: every API request 429
//! - `POST   /_emulator/drop`                        `{"count": N}`: close the next N API
//!   connections without an answer
//! - `POST   /_emulator/token-ttl`                   `{"secs": N}` for tokens issued from now on
//! - `GET    /_emulator/chaos`                       the settings above; `DELETE` resets them

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};

use crate::error::ApiError;
use crate::routes::{bool_field, string_field, ApiJson};
use crate::state::chaos::ChaosSettings;
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
        .route("/_emulator/dns/servers/{id}/health", post(dns_health))
        .route("/_emulator/latency", post(latency))
        .route("/_emulator/error-rate", post(error_rate))
        .route("/_emulator/storm", post(storm))
        .route("/_emulator/drop", post(drop_connections))
        .route("/_emulator/token-ttl", post(token_ttl))
        .route("/_emulator/chaos", get(chaos).delete(clear_chaos))
}

/// A non-negative integer property of a control body.
fn number(body: ApiJson, key: &str) -> Result<u64, ApiError> {
    let obj = body.object(false)?;
    obj.get(key)
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid request body: \"{key}\" (a non-negative integer) is required"
            ))
        })
}

#[derive(Debug, serde::Serialize)]
struct DnsHealthView {
    id: String,
    healthy: bool,
    group: crate::routes::dns::GroupView,
}

async fn dns_health(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<DnsHealthView>, ApiError> {
    let healthy = bool_field(&body.object(false)?, "healthy")?
        .into_option()
        .ok_or_else(|| {
            ApiError::bad_request("Invalid request body: \"healthy\" (boolean) is required")
        })?;
    emulator.set_dns_server_health(&id, healthy)?;
    let tenant = emulator.tenant();
    let group_id = tenant
        .dns
        .servers
        .get(&id)
        .map(|s| s.group_id.clone())
        .unwrap_or_default();
    let group = tenant.dns.group(&group_id)?;
    Ok(Json(DnsHealthView {
        id,
        healthy,
        group: crate::routes::dns::GroupView::new(&tenant.dns, group),
    }))
}

async fn latency(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<ChaosSettings>, ApiError> {
    emulator.set_latency(number(body, "ms")?)?;
    Ok(Json(emulator.chaos()))
}

async fn error_rate(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<ChaosSettings>, ApiError> {
    let obj = body.object(false)?;
    let get = |key: &str| {
        obj.get(key)
            .and_then(serde_json::Value::as_u64)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "Invalid request body: \"{key}\" is required (expected {{\"status\": 503, \"percent\": 10}})"
                ))
            })
    };
    let status = u16::try_from(get("status")?).unwrap_or(0);
    let percent = get("percent")?;
    if percent > 100 {
        return Err(ApiError::bad_request(
            "Invalid request body: percent must be between 0 and 100",
        ));
    }
    emulator.set_error_rate(status, u8::try_from(percent).unwrap_or(100))?;
    Ok(Json(emulator.chaos()))
}

async fn storm(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<ChaosSettings>, ApiError> {
    emulator.start_storm(number(body, "seconds")?)?;
    Ok(Json(emulator.chaos()))
}

async fn drop_connections(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<ChaosSettings>, ApiError> {
    let count = u32::try_from(number(body, "count")?)
        .map_err(|_| ApiError::bad_request("Invalid request body: count is too large"))?;
    emulator.drop_connections(count);
    Ok(Json(emulator.chaos()))
}

#[derive(Debug, serde::Serialize)]
struct TokenTtlView {
    secs: u64,
}

async fn token_ttl(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<TokenTtlView>, ApiError> {
    emulator.set_token_ttl(number(body, "secs")?);
    Ok(Json(TokenTtlView {
        secs: emulator.token_ttl_secs(),
    }))
}

async fn chaos(State(emulator): State<Emulator>) -> Json<ChaosSettings> {
    Json(emulator.chaos())
}

async fn clear_chaos(State(emulator): State<Emulator>) -> StatusCode {
    emulator.clear_chaos();
    StatusCode::NO_CONTENT
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
