//! Sites: list (paged), create, get, update, delete, and health status.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Map, Value};

use super::{bool_field, string_field, ApiJson, ListParams, Page};
use crate::error::ApiError;
use crate::state::parse_id;
use crate::state::sites::SiteInput;
use crate::state::views::{SiteStatusView, SiteView};
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/sites", get(list).post(create))
        .route("/v2/sites/{id}", get(get_one).put(update).delete(remove))
        .route("/v2/sites/{id}/status", get(status))
}

fn site_input(obj: &Map<String, Value>) -> Result<SiteInput, ApiError> {
    Ok(SiteInput {
        id: string_field(obj, "id")?,
        name: string_field(obj, "name")?,
        region: string_field(obj, "region")?,
        kubernetes_persistent_volume_name: string_field(obj, "kubernetes_persistent_volume_name")?,
        mute_health_notification: bool_field(obj, "mute_health_notification")?,
        authentication_mode: string_field(obj, "authentication_mode")?,
    })
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<SiteView>>, ApiError> {
    let params = ListParams::parse(&query)?;
    let tenant = emulator.tenant();
    let mut rows: Vec<_> = tenant
        .sites
        .values()
        .filter(|s| params.matches([s.name.as_str()]))
        .map(|s| (s.id.to_string(), s.name.clone(), s))
        .collect();
    params.sort(&mut rows);
    let now = timefmt::now();
    Ok(Json(
        Page::of(rows, &params).map(|(_, _, site)| SiteView::new(&tenant, site, now)),
    ))
}

async fn create(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<SiteView>), ApiError> {
    let input = site_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    let id = tenant.create_site(input)?;
    let site = tenant.site(id)?;
    Ok((
        StatusCode::CREATED,
        Json(SiteView::new(&tenant, site, timefmt::now())),
    ))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<SiteView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let site = tenant.site(id)?;
    Ok(Json(SiteView::new(&tenant, site, timefmt::now())))
}

async fn update(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<SiteView>, ApiError> {
    let id = parse_id(&id)?;
    let input = site_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    tenant.update_site(id, input)?;
    let site = tenant.site(id)?;
    Ok(Json(SiteView::new(&tenant, site, timefmt::now())))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().delete_site(id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn status(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<SiteStatusView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    tenant.site(id)?;
    Ok(Json(SiteStatusView::new(
        &tenant.connectors_of(id),
        timefmt::now(),
    )))
}
