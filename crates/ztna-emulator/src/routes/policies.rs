//! Policies: list (paged, sorted, filtered by name), create, get, update, delete; the
//! configuration catalogs; and the policies of an application (list, replace, add, remove;
//! the remove call carries a body).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::Value;

use super::{string_field, ApiJson, ListParams, Page};
use crate::error::ApiError;
use crate::state::parse_id;
use crate::state::policies::{
    action_types_json, condition_definitions_json, validator_types_json, PolicyInput, PolicyView,
};
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/policies", get(list).post(create))
        .route("/v2/policies/{id}", get(get_one).put(update).delete(remove))
        .route(
            "/v2/policies/config/condition-definitions",
            get(condition_definitions),
        )
        .route("/v2/policies/config/action-types", get(action_types))
        .route("/v2/policies/config/validator-types", get(validator_types))
        .route(
            "/v2/policies/by-app-id/{id}",
            get(of_app)
                .put(replace_for_app)
                .post(add_for_app)
                .delete(remove_for_app),
        )
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<PolicyView>>, ApiError> {
    let params = ListParams::parse(&query)?;
    let tenant = emulator.tenant();
    let mut rows: Vec<_> = tenant
        .policies
        .values()
        .filter(|p| params.matches([p.name.as_str()]))
        .map(|p| (p.id.to_string(), p.name.clone(), p))
        .collect();
    params.sort(&mut rows);
    let now = timefmt::now();
    Ok(Json(
        Page::of(rows, &params).map(|(_, _, p)| PolicyView::new(&tenant, p, false, now)),
    ))
}

async fn create(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<PolicyView>), ApiError> {
    let input = PolicyInput(body.object(false)?);
    let now = timefmt::now();
    let mut tenant = emulator.tenant();
    let id = tenant.create_policy(&input, now)?;
    let policy = tenant.policy(id)?;
    Ok((
        StatusCode::CREATED,
        Json(PolicyView::new(&tenant, policy, true, now)),
    ))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<PolicyView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let policy = tenant.policy(id)?;
    Ok(Json(PolicyView::new(&tenant, policy, true, timefmt::now())))
}

async fn update(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<PolicyView>, ApiError> {
    let id = parse_id(&id)?;
    let input = PolicyInput(body.object(false)?);
    let now = timefmt::now();
    let mut tenant = emulator.tenant();
    tenant.update_policy(id, &input, now)?;
    let policy = tenant.policy(id)?;
    Ok(Json(PolicyView::new(&tenant, policy, true, now)))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().delete_policy(id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn condition_definitions() -> Json<Value> {
    Json(condition_definitions_json())
}

async fn action_types() -> Json<Value> {
    Json(action_types_json())
}

async fn validator_types() -> Json<Value> {
    Json(validator_types_json())
}

async fn of_app(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<Vec<PolicyView>>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    tenant.application(id)?;
    let now = timefmt::now();
    Ok(Json(
        tenant
            .policies_of_app(id)
            .into_iter()
            .map(|p| PolicyView::new(&tenant, p, false, now))
            .collect(),
    ))
}

#[derive(Clone, Copy)]
enum Change {
    Replace,
    Add,
    Remove,
}

/// `{"applicationType", "policyIds"}`; 200 with an empty body.
fn change_for_app(
    emulator: &Emulator,
    id: &str,
    body: ApiJson,
    change: Change,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(id)?;
    let obj = body.object(false)?;
    let mut tenant = emulator.tenant();
    let ids = tenant.check_app_policies(
        id,
        string_field(&obj, "applicationType")?,
        obj.get("policyIds"),
    )?;
    match change {
        Change::Replace => tenant.set_app_policies(id, &ids),
        Change::Add => tenant.add_app_to_policies(id, &ids),
        Change::Remove => tenant.remove_app_from_policies(id, &ids),
    }
    Ok(StatusCode::OK)
}

async fn replace_for_app(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    change_for_app(&emulator, &id, body, Change::Replace)
}

async fn add_for_app(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    change_for_app(&emulator, &id, body, Change::Add)
}

async fn remove_for_app(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    change_for_app(&emulator, &id, body, Change::Remove)
}
