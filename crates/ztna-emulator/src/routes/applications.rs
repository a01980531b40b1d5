//! Applications: list (paged, sorted, filtered by text, type and site), create, get, update,
//! delete, bind to a site, and health status.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{bool_field, string_field, ApiJson, ListParams, Page, SortKey};
use crate::error::ApiError;
use crate::state::applications::{
    parse_body_id, AppType, ApplicationInput, ApplicationView, HealthView,
};
use crate::state::{parse_id, Field, Tenant};
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/applications", get(list).post(create))
        .route(
            "/v2/applications/{id}",
            get(get_one).put(update).delete(remove),
        )
        .route("/v2/applications/{id}/site-binding/{site_id}", put(bind))
        .route("/v2/applications/{id}/status", get(status))
}

/// Any JSON value, keeping missing and null apart.
pub(crate) fn value_field(obj: &Map<String, Value>, key: &str) -> Field<Value> {
    match obj.get(key) {
        None => Field::Absent,
        Some(Value::Null) => Field::Null,
        Some(v) => Field::Value(v.clone()),
    }
}

fn application_input(obj: &Map<String, Value>) -> Result<ApplicationInput, ApiError> {
    Ok(ApplicationInput {
        id: string_field(obj, "id")?,
        name: string_field(obj, "name")?,
        app_type: string_field(obj, "type")?,
        sub_type: string_field(obj, "subType")?,
        icon: string_field(obj, "icon")?,
        is_visible: bool_field(obj, "isVisible")?,
        is_notification_enabled: bool_field(obj, "isNotificationEnabled")?,
        enabled: bool_field(obj, "enabled")?,
        collection_id: string_field(obj, "collectionId")?,
        connection_settings: value_field(obj, "connectionSettings"),
        link_translation_settings: value_field(obj, "linkTranslationSettings"),
        request_customization_settings: value_field(obj, "requestCustomizationSettings"),
        tcp_tunnel_settings: value_field(obj, "tcpTunnelSettings"),
        cloud_integration_data: value_field(obj, "cloudIntegrationData"),
        segment_settings: value_field(obj, "segmentSettings"),
        multiple_segment_settings: value_field(obj, "multipleSegmentSettings"),
    })
}

/// One entry of the list's `sort` array, as in the reference.
#[derive(Debug, Serialize)]
struct SortView {
    direction: &'static str,
    property: &'static str,
    #[serde(rename = "ignoreCase")]
    ignore_case: bool,
    #[serde(rename = "nullHandling")]
    null_handling: u8,
    ascending: bool,
    descending: bool,
}

/// The page envelope plus the `sort` array the applications list carries.
#[derive(Debug, Serialize)]
struct ApplicationPage {
    #[serde(flatten)]
    page: Page<ApplicationView>,
    sort: Vec<SortView>,
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<ApplicationPage>, ApiError> {
    let params = ListParams::parse(&query)?;
    let app_type = match query
        .get("type")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        Some(raw) => Some(AppType::parse(raw, "type")?),
        None => None,
    };
    let site = match query
        .get("siteId")
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
    {
        Some(raw) => Some(parse_body_id(raw, "siteId")?),
        None => None,
    };
    let tenant = emulator.tenant();
    let mut rows: Vec<_> = tenant
        .applications
        .values()
        .filter(|a| app_type.is_none_or(|t| a.app_type == t))
        .filter(|a| site.is_none_or(|s| a.site_id == Some(s)))
        .filter(|a| {
            params
                .filter
                .as_deref()
                .is_none_or(|needle| Tenant::application_matches(a, needle))
        })
        .map(|a| (a.id.to_string(), a.name.clone(), a))
        .collect();
    params.sort(&mut rows);
    let now = timefmt::now();
    let page = Page::of(rows, &params).map(|(_, _, app)| ApplicationView::new(&tenant, app, now));
    let sort = vec![SortView {
        direction: if params.descending { "desc" } else { "asc" },
        property: match params.sort {
            SortKey::Id => "id",
            SortKey::Name => "name",
        },
        ignore_case: false,
        null_handling: 1,
        ascending: !params.descending,
        descending: params.descending,
    }];
    Ok(Json(ApplicationPage { page, sort }))
}

async fn create(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ApplicationView>), ApiError> {
    let input = application_input(&body.object(false)?)?;
    let now = timefmt::now();
    let mut tenant = emulator.tenant();
    let id = tenant.create_application(input, now)?;
    let app = tenant.application(id)?;
    Ok((
        StatusCode::CREATED,
        Json(ApplicationView::new(&tenant, app, now)),
    ))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let app = tenant.application(id)?;
    Ok(Json(ApplicationView::new(&tenant, app, timefmt::now())))
}

async fn update(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<ApplicationView>, ApiError> {
    let id = parse_id(&id)?;
    let input = application_input(&body.object(false)?)?;
    let now = timefmt::now();
    let mut tenant = emulator.tenant();
    tenant.update_application(id, input, now)?;
    let app = tenant.application(id)?;
    Ok(Json(ApplicationView::new(&tenant, app, now)))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().delete_application(id)?;
    Ok(StatusCode::NO_CONTENT)
}

/// No body; 200 with an empty body on success.
async fn bind(
    State(emulator): State<Emulator>,
    Path((id, site_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    let site_id = parse_id(&site_id)?;
    emulator.tenant().bind_application(id, site_id)?;
    Ok(StatusCode::OK)
}

async fn status(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<HealthView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let app = tenant.application(id)?;
    Ok(Json(tenant.application_health(app, timefmt::now())))
}
