//! Probes: `/healthz` (the process serves) and `/readyz` (a tenant token is held and
//! the tenant answered recently).

use crate::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use http::StatusCode;
use std::time::Duration;
use ztna_client::Lane;

/// How recent the tenant's last answer must be to count as reachable without asking.
const FRESH: Duration = Duration::from_secs(30);

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let client = &state.console.client;
    let fresh = |r: &ztna_client::Readiness| {
        r.token_held && r.last_success.is_some_and(|at| at.elapsed() < FRESH)
    };
    let mut readiness = client.readiness();
    if !fresh(&readiness) {
        // Ask the tenant something cheap (cached briefly by the client) on the
        // background lane, so probes never delay a person.
        let probe = client.lane(Lane::Background);
        let _ = tokio::time::timeout(Duration::from_secs(5), probe.list_regions()).await;
        readiness = client.readiness();
    }
    let ready = fresh(&readiness);
    let body = Json(serde_json::json!({
        "ready": ready,
        "token_held": readiness.token_held,
        "tenant_reachable": readiness.last_success.is_some_and(|at| at.elapsed() < FRESH),
    }));
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, body).into_response()
}
