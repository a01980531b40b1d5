//! Collections: site links (link, list by collection, unlink), list (paged, sorted, filtered
//! by name, application, site and policy), create, get, update, delete, and the collections of
//! a site.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::{string_field, ApiJson, ListParams, Page};
use crate::error::{ApiError, EmulatorError};
use crate::state::applications::parse_body_id;
use crate::state::collections::{CollectionView, SiteLinkView};
use crate::state::parse_id;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/collection", get(list).post(create))
        .route(
            "/v2/collection/{id}",
            get(get_one).put(update).delete(remove),
        )
        .route("/v2/collection/site-links", post(link))
        .route("/v2/collection/site-links/{id}", get(links_of))
        .route("/v2/collection/site-links/{id}/{site_id}", delete(unlink))
        .route("/v2/collection/site/{site_id}", get(of_site))
}

#[derive(Debug, Serialize)]
struct Links {
    links: Vec<SiteLinkView>,
}

/// `{"links": [{"siteId", "collectionId"}]}`, all or nothing; 200 with the links made.
async fn link(State(emulator): State<Emulator>, body: ApiJson) -> Result<Json<Links>, ApiError> {
    let obj = body.object(false)?;
    let Some(list) = obj.get("links").and_then(Value::as_array) else {
        return Err(ApiError::bad_request(
            "Invalid request parameters: links is required (an array of {siteId, collectionId})",
        ));
    };
    if list.is_empty() {
        return Err(ApiError::bad_request(
            "Invalid request parameters: links must hold at least one link",
        ));
    }
    let id_of = |v: &Value, key: &str| -> Result<Uuid, ApiError> {
        let raw = v.get(key).and_then(Value::as_str).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid request parameters: links[].{key} is required"
            ))
        })?;
        Ok(Uuid::try_parse(raw.trim()).map_err(|_| EmulatorError::InvalidId)?)
    };
    let pairs = list
        .iter()
        .map(|v| Ok((id_of(v, "siteId")?, id_of(v, "collectionId")?)))
        .collect::<Result<Vec<_>, ApiError>>()?;
    emulator.tenant().link_sites(&pairs)?;
    Ok(Json(Links {
        links: pairs
            .into_iter()
            .map(|(site, collection)| SiteLinkView::new(collection, site))
            .collect(),
    }))
}

async fn links_of(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<Links>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    tenant.collection(id)?;
    Ok(Json(Links {
        links: tenant
            .sites_of_collection(id)
            .into_iter()
            .map(|site| SiteLinkView::new(id, site))
            .collect(),
    }))
}

async fn unlink(
    State(emulator): State<Emulator>,
    Path((id, site_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    let site_id = parse_id(&site_id)?;
    emulator.tenant().unlink_site(id, site_id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<CollectionView>>, ApiError> {
    let params = ListParams::parse(&query)?;
    let id_param = |key: &str| -> Result<Option<Uuid>, ApiError> {
        match query.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(raw) => Ok(Some(parse_body_id(raw, key)?)),
        }
    };
    let application = id_param("application-id")?;
    let site = id_param("site-id")?;
    let policy = id_param("policy-id")?;
    let name = query
        .get("name")
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty());
    let tenant = emulator.tenant();
    let app_collection = application.map(|a| tenant.applications.get(&a).map(|a| a.collection_id));
    let policy_collection = policy.map(|p| tenant.policies.get(&p).map(|p| p.collection_id));
    let site_collections = site.map(|s| tenant.collections_of_site(s));
    let mut rows: Vec<_> = tenant
        .collections
        .items
        .values()
        .filter(|c| params.matches([c.name.as_str()]))
        .filter(|c| {
            name.as_deref()
                .is_none_or(|n| c.name.to_lowercase().contains(n))
        })
        .filter(|c| app_collection.is_none_or(|a| a == Some(c.id)))
        .filter(|c| policy_collection.is_none_or(|p| p == Some(c.id)))
        .filter(|c| {
            site_collections
                .as_ref()
                .is_none_or(|list| list.contains(&c.id))
        })
        .map(|c| (c.id.to_string(), c.name.clone(), c))
        .collect();
    params.sort(&mut rows);
    Ok(Json(
        Page::of(rows, &params).map(|(_, _, c)| CollectionView::new(&tenant, c)),
    ))
}

/// `{"name"}` (an `id`, if sent, is ignored); 201.
async fn create(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<CollectionView>), ApiError> {
    let obj = body.object(false)?;
    let name = string_field(&obj, "name")?.into_option();
    let mut tenant = emulator.tenant();
    let id = tenant.create_collection(name)?;
    let c = tenant.collection(id)?;
    Ok((StatusCode::CREATED, Json(CollectionView::new(&tenant, c))))
}

async fn get_one(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<CollectionView>, ApiError> {
    let id = parse_id(&id)?;
    let tenant = emulator.tenant();
    let c = tenant.collection(id)?;
    Ok(Json(CollectionView::new(&tenant, c)))
}

async fn update(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<CollectionView>, ApiError> {
    let id = parse_id(&id)?;
    let obj = body.object(false)?;
    let name = string_field(&obj, "name")?.into_option();
    let mut tenant = emulator.tenant();
    tenant.update_collection(id, name)?;
    let c = tenant.collection(id)?;
    Ok(Json(CollectionView::new(&tenant, c)))
}

async fn remove(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = parse_id(&id)?;
    emulator.tenant().delete_collection(id)?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Serialize)]
struct CollectionIds {
    #[serde(rename = "collectionIds")]
    collection_ids: Vec<String>,
}

async fn of_site(
    State(emulator): State<Emulator>,
    Path(site_id): Path<String>,
) -> Result<Json<CollectionIds>, ApiError> {
    let site_id = parse_id(&site_id)?;
    let tenant = emulator.tenant();
    tenant.site(site_id)?;
    Ok(Json(CollectionIds {
        collection_ids: tenant
            .collections_of_site(site_id)
            .into_iter()
            .map(|c| c.to_string())
            .collect(),
    }))
}
