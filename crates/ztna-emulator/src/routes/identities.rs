//! Identities: identity providers, users and groups of a provider, local users, blocked
//! users, group membership.
//!
//! Only `{identity-provider-id}` routes are registered (no static `local` twins, which would
//! shadow them in the router); the local-only operations check the provider in the handler.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{string_field, ApiJson};
use crate::error::ApiError;
use crate::state::directory::SubjectKind;
use crate::state::identities::{
    check_entity_id, check_idp_id, Group, IdentityPage, IdentityProvider, IdentityQuery,
    LocalUserInput, NextPage, Store, User, LOCAL,
};
use crate::timefmt::{self, iso_seconds};
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route(
            "/v2/identities/settings/identity-providers",
            get(list_providers),
        )
        .route("/v2/identities/settings/blocked-users", get(list_blocked))
        .route(
            "/v2/identities/{idp}/users",
            get(list_users).post(create_local_user),
        )
        .route(
            "/v2/identities/{idp}/users/{id}",
            get(get_user).put(update_local_user).delete(delete_user),
        )
        .route(
            "/v2/identities/{idp}/users/{id}/block",
            post(block).delete(unblock),
        )
        .route(
            "/v2/identities/{idp}/groups",
            get(list_groups).post(create_group),
        )
        .route(
            "/v2/identities/{idp}/groups/{id}",
            get(get_group).delete(delete_group),
        )
        .route("/v2/identities/{idp}/groups/{id}/users", get(group_users))
        .route(
            "/v2/identities/{idp}/groups/{id}/users/{user}",
            put(add_member).delete(remove_member),
        )
}

// ---- JSON shapes --------------------------------------------------------------------------

#[derive(Debug, Serialize)]
pub(crate) struct ProviderView {
    id: String,
    name: String,
    provider: String,
    is_authenticator: bool,
    is_user_store: bool,
    authenticator_id: Option<String>,
    created_at: String,
    updated_at: String,
    auth0_connection_id: String,
    upn_override_value_data_mapping: Option<String>,
}

impl ProviderView {
    fn new(p: &IdentityProvider) -> Self {
        Self {
            id: p.id.clone(),
            name: p.name.clone(),
            provider: p.provider.clone(),
            is_authenticator: p.is_authenticator,
            is_user_store: p.is_user_store,
            authenticator_id: p.authenticator_id.clone(),
            created_at: iso_seconds(p.created_at),
            updated_at: iso_seconds(p.updated_at),
            auth0_connection_id: p.auth0_connection_id.clone(),
            upn_override_value_data_mapping: p.upn_override_value_data_mapping.clone(),
        }
    }
}

/// A user, field for field as in the reference (including `email`, deprecated there).
#[derive(Debug, Serialize)]
pub(crate) struct UserView {
    username: String,
    notification_email: String,
    upn: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    email: String,
    created_at: String,
    updated_at: String,
    last_login: Option<String>,
    logins_count: u32,
    repository_type: String,
    is_admin: bool,
    is_deleted: bool,
    blocked: bool,
    #[serde(rename = "hasMfaSecret")]
    has_mfa_secret: bool,
    id: String,
    identity_provider_id: String,
}

impl UserView {
    pub(crate) fn new(store: &Store, u: &User) -> Self {
        Self {
            username: u.username.clone(),
            notification_email: u.notification_email.clone(),
            upn: u.upn.clone(),
            first_name: u.first_name.clone(),
            last_name: u.last_name.clone(),
            email: u.email.clone(),
            created_at: iso_seconds(u.created_at),
            updated_at: iso_seconds(u.updated_at),
            last_login: u.last_login.map(iso_seconds),
            logins_count: u.logins_count,
            repository_type: repository_type(store, &u.idp_id),
            is_admin: u.is_admin,
            is_deleted: false,
            blocked: store.is_blocked(&u.idp_id, &u.id),
            has_mfa_secret: u.has_mfa_secret,
            id: u.id.clone(),
            identity_provider_id: u.idp_id.clone(),
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    id: String,
    name: String,
    repository_type: String,
    identity_provider_id: String,
    created_at: String,
    updated_at: String,
}

impl GroupView {
    fn new(store: &Store, g: &Group) -> Self {
        Self {
            id: g.id.clone(),
            name: g.name.clone(),
            repository_type: repository_type(store, &g.idp_id),
            identity_provider_id: g.idp_id.clone(),
            created_at: iso_seconds(g.created_at),
            updated_at: iso_seconds(g.updated_at),
        }
    }
}

fn repository_type(store: &Store, idp: &str) -> String {
    store
        .provider(idp)
        .map(|p| p.provider.clone())
        .unwrap_or_else(|_| LOCAL.to_owned())
}

#[derive(Debug, Serialize)]
struct BlockedView {
    identity_provider_id: String,
    user_id: String,
    created_at: String,
}

/// The identity list envelope: `perPage` is the number of items on this page, `size` the
/// page size asked for, `nextPage` a number or an opaque string (null after the last page of
/// a cursor-paged provider).
#[derive(Debug, Serialize)]
pub(crate) struct IdentityPageView<T> {
    content: Vec<T>,
    first: bool,
    last: bool,
    size: usize,
    #[serde(rename = "totalElements")]
    total_elements: usize,
    #[serde(rename = "perPage")]
    per_page: usize,
    #[serde(rename = "nextPage")]
    next_page: Value,
}

impl<T> IdentityPageView<T> {
    fn new(page: IdentityPage<T>, size: usize) -> Self {
        Self {
            per_page: page.content.len(),
            content: page.content,
            first: page.first,
            last: page.last,
            size,
            total_elements: page.total,
            next_page: match page.next {
                NextPage::Number(n) => Value::from(n),
                NextPage::Cursor(c) => Value::String(c),
                NextPage::None => Value::Null,
            },
        }
    }
}

// ---- helpers ------------------------------------------------------------------------------

/// The provider of a path, after checking the id's format (400) and existence (404).
fn provider<'a>(store: &'a Store, idp: &str) -> Result<&'a IdentityProvider, ApiError> {
    check_idp_id(idp)?;
    Ok(store.provider(idp)?)
}

fn entity(store: &Store, idp: &str, kind: SubjectKind, id: &str) -> Result<(), ApiError> {
    let p = provider(store, idp)?;
    check_entity_id(p, kind, id)?;
    Ok(())
}

/// Local-only operations answer like an unknown operation for other providers.
fn require_local(idp: &str, what: &str) -> Result<(), ApiError> {
    if idp == LOCAL {
        Ok(())
    } else {
        Err(ApiError::not_found(format!(
            "No API operation for {what} of identity provider {idp}: only the local directory ('local') supports it"
        )))
    }
}

fn local_user_input(obj: &Map<String, Value>) -> Result<LocalUserInput, ApiError> {
    Ok(LocalUserInput {
        username: string_field(obj, "username")?,
        notification_email: string_field(obj, "notification_email")?,
        identity_provider_id: string_field(obj, "identity_provider_id")?,
        upn: string_field(obj, "upn")?,
        first_name: string_field(obj, "first_name")?,
        last_name: string_field(obj, "last_name")?,
        email: string_field(obj, "email")?,
        repository_type: string_field(obj, "repository_type")?,
    })
}

// ---- handlers -----------------------------------------------------------------------------

async fn list_providers(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Vec<ProviderView>>, ApiError> {
    let include_local = match query.get("includeLocal").map(|v| v.trim()) {
        None | Some("") => false,
        Some(v) if v.eq_ignore_ascii_case("true") => true,
        Some(v) if v.eq_ignore_ascii_case("false") => false,
        Some(_) => {
            return Err(ApiError::bad_request(
                "Invalid request parameters: includeLocal must be true or false",
            ))
        }
    };
    let tenant = emulator.tenant();
    Ok(Json(
        tenant
            .identities
            .providers
            .iter()
            .filter(|p| include_local || p.id != LOCAL)
            .map(ProviderView::new)
            .collect(),
    ))
}

async fn list_blocked(State(emulator): State<Emulator>) -> Json<Vec<BlockedView>> {
    let tenant = emulator.tenant();
    Json(
        tenant
            .identities
            .blocked
            .iter()
            .map(|b| BlockedView {
                identity_provider_id: b.idp_id.clone(),
                user_id: b.user_id.clone(),
                created_at: iso_seconds(b.created_at),
            })
            .collect(),
    )
}

async fn list_users(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<IdentityPageView<UserView>>, ApiError> {
    let params = IdentityQuery::parse(&query, false)?;
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    let paging = provider(store, &idp)?.paging;
    let rows: Vec<_> = store
        .users_of(&idp)
        .filter(|u| params.matches_user(u))
        .map(|u| (params.user_key(u), u.id.clone(), u))
        .collect();
    let page = params.page(paging, rows)?.map(|u| UserView::new(store, u));
    Ok(Json(IdentityPageView::new(page, params.per_page)))
}

async fn get_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<Json<UserView>, ApiError> {
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    entity(store, &idp, SubjectKind::User, &id)?;
    Ok(Json(UserView::new(store, store.user(&idp, &id)?)))
}

async fn delete_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::User, &id)?;
    tenant.remove_user(&idp, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn create_local_user(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    require_local(&idp, "POST users")?;
    let input = local_user_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    let id = tenant.create_local_user(input, timefmt::now(), &mut rand::thread_rng())?;
    let store = &tenant.identities;
    Ok((
        StatusCode::CREATED,
        Json(UserView::new(store, store.user(LOCAL, &id)?)),
    ))
}

async fn update_local_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
    body: ApiJson,
) -> Result<Json<UserView>, ApiError> {
    require_local(&idp, "PUT users")?;
    let input = local_user_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::User, &id)?;
    tenant.update_local_user(&id, input, timefmt::now())?;
    let store = &tenant.identities;
    Ok(Json(UserView::new(store, store.user(LOCAL, &id)?)))
}

async fn block(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::User, &id)?;
    tenant.block_user(&idp, &id, timefmt::now())?;
    Ok(StatusCode::NO_CONTENT)
}

async fn unblock(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::User, &id)?;
    tenant.unblock_user(&idp, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_groups(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<IdentityPageView<GroupView>>, ApiError> {
    let params = IdentityQuery::parse(&query, true)?;
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    let paging = provider(store, &idp)?.paging;
    let rows: Vec<_> = store
        .groups_of(&idp)
        .filter(|g| params.matches_group(g))
        .map(|g| (params.group_key(g), g.id.clone(), g))
        .collect();
    let page = params.page(paging, rows)?.map(|g| GroupView::new(store, g));
    Ok(Json(IdentityPageView::new(page, params.per_page)))
}

async fn get_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<Json<GroupView>, ApiError> {
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    entity(store, &idp, SubjectKind::Group, &id)?;
    Ok(Json(GroupView::new(store, store.group(&idp, &id)?)))
}

async fn delete_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::Group, &id)?;
    tenant.remove_group(&idp, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn create_group(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<GroupView>), ApiError> {
    let obj = body.object(false)?;
    let name = string_field(&obj, "name")?.into_option();
    let mut tenant = emulator.tenant();
    provider(&tenant.identities, &idp)?;
    let id = tenant.create_group(&idp, name, None, Vec::new(), timefmt::now())?;
    let store = &tenant.identities;
    Ok((
        StatusCode::CREATED,
        Json(GroupView::new(store, store.group(&idp, &id)?)),
    ))
}

async fn group_users(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<IdentityPageView<UserView>>, ApiError> {
    let params = IdentityQuery::parse(&query, false)?;
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    entity(store, &idp, SubjectKind::Group, &id)?;
    let paging = store.provider(&idp)?.paging;
    let group = store.group(&idp, &id)?;
    let rows: Vec<_> = store
        .members_of(group)
        .filter(|u| params.matches_user(u))
        .map(|u| (params.user_key(u), u.id.clone(), u))
        .collect();
    let page = params.page(paging, rows)?.map(|u| UserView::new(store, u));
    Ok(Json(IdentityPageView::new(page, params.per_page)))
}

async fn add_member(
    State(emulator): State<Emulator>,
    Path((idp, group, user)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    require_local(&idp, "PUT group users")?;
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::Group, &group)?;
    entity(&tenant.identities, &idp, SubjectKind::User, &user)?;
    tenant.add_group_member(&idp, &group, &user, timefmt::now())?;
    Ok(StatusCode::NO_CONTENT)
}

async fn remove_member(
    State(emulator): State<Emulator>,
    Path((idp, group, user)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    require_local(&idp, "DELETE group users")?;
    let mut tenant = emulator.tenant();
    entity(&tenant.identities, &idp, SubjectKind::Group, &group)?;
    entity(&tenant.identities, &idp, SubjectKind::User, &user)?;
    tenant.remove_group_member(&idp, &group, &user, timefmt::now())?;
    Ok(StatusCode::NO_CONTENT)
}
