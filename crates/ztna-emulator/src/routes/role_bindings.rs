//! Role bindings: list (paged, sorted by `sort` + `direction`, filtered), create tenant,
//! collection and site role bindings, and delete by ids.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{string_field, ApiJson, ListParams, Page};
use crate::error::ApiError;
use crate::state::role_bindings::{
    binding_filter, binding_ids, BindingRequest, BindingSort, RoleBindingView, ScopeKind,
};
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/collection/role-bindings", get(list))
        .route("/v2/collection/tenant-role-bindings", post(create_tenant))
        .route(
            "/v2/collection/collection-role-bindings",
            post(create_collection),
        )
        .route("/v2/collection/site-role-bindings", post(create_site))
        .route("/v2/collection/role-bindings/delete", post(remove))
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<RoleBindingView>>, ApiError> {
    // `sort` here is a key of its own vocabulary and `direction` is separate: page and size
    // are read the usual way.
    let paging: HashMap<String, String> = query
        .iter()
        .filter(|(k, _)| k.as_str() == "page" || k.as_str() == "size")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let params = ListParams::parse(&paging)?;
    let raw_sort = query.get("sort").map(String::as_str).unwrap_or("");
    // `sort=role,desc` is accepted too.
    let (key, inline_dir) = raw_sort.split_once(',').unwrap_or((raw_sort, ""));
    let sort = BindingSort::parse(key).ok_or_else(|| {
        ApiError::bad_request(format!(
            "Invalid request parameters: unsupported sort key '{}' (use displayName, entityType, role, createdAt or subjectType)",
            key.trim()
        ))
    })?;
    let direction = query
        .get("direction")
        .map(String::as_str)
        .filter(|d| !d.trim().is_empty())
        .unwrap_or(inline_dir);
    let descending = match direction.trim().to_ascii_lowercase().as_str() {
        "" | "asc" => false,
        "desc" => true,
        other => {
            return Err(ApiError::bad_request(format!(
                "Invalid request parameters: unsupported sort direction '{other}' (use asc or desc)"
            )))
        }
    };
    let filter = binding_filter(&query)?;
    let tenant = emulator.tenant();
    let rows = tenant.list_role_bindings(&filter, sort, descending);
    Ok(Json(
        Page::of(rows, &params).map(|b| RoleBindingView::new(&tenant, b)),
    ))
}

#[derive(Debug, Serialize)]
struct Created {
    #[serde(rename = "roleBindings")]
    role_bindings: Vec<RoleBindingView>,
}

fn create(
    emulator: &Emulator,
    kind: ScopeKind,
    obj: &Map<String, Value>,
) -> Result<Json<Created>, ApiError> {
    let scope_key = match kind {
        ScopeKind::Tenant => None,
        ScopeKind::Collection => Some("collectionId"),
        ScopeKind::Site => Some("siteId"),
    };
    let request = BindingRequest {
        role: string_field(obj, "roleType")?.into_option(),
        scope_id: match scope_key {
            Some(key) => string_field(obj, key)?.into_option(),
            None => None,
        },
        entities: obj.get("entities").cloned(),
    };
    let mut tenant = emulator.tenant();
    let ids = tenant.create_role_bindings(kind, request, timefmt::now())?;
    let role_bindings = ids
        .iter()
        .filter_map(|id| tenant.role_bindings.get(id))
        .map(|b| RoleBindingView::new(&tenant, b))
        .collect();
    Ok(Json(Created { role_bindings }))
}

/// `{"roleType", "entities"}`; 200 with `{"roleBindings": [...]}`.
async fn create_tenant(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<Created>, ApiError> {
    create(&emulator, ScopeKind::Tenant, &body.object(false)?)
}

/// `{"roleType", "collectionId", "entities"}`.
async fn create_collection(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<Created>, ApiError> {
    create(&emulator, ScopeKind::Collection, &body.object(false)?)
}

/// `{"roleType", "siteId", "entities"}`.
async fn create_site(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<Created>, ApiError> {
    create(&emulator, ScopeKind::Site, &body.object(false)?)
}

/// `{"roleBindingIds": [...]}`, all or nothing; 200 with an empty body.
async fn remove(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<axum::http::StatusCode, ApiError> {
    let ids = binding_ids(&body.object(false)?)?;
    emulator.tenant().delete_role_bindings(&ids)?;
    Ok(axum::http::StatusCode::OK)
}
