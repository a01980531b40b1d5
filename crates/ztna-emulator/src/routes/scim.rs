//! SCIM users and groups of a Generic SAML identity provider:
//! `/v2/identities/{idp}/scim/users` and `/v2/identities/{idp}/scim/groups`.
//!
//! Lists page the SCIM way: `startIndex` (1-based) and `count` (`itemsPerPage` accepted
//! too), answered with `startIndex`, `itemsPerPage` and `totalResults`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::ApiJson;
use crate::error::ApiError;
use crate::state::directory::SubjectKind;
use crate::state::identities::{check_entity_id, check_idp_id, Group, Store, User};
use crate::state::scim::{GroupPatch, ScimFilter, ScimGroupInput, ScimUserInput};
use crate::timefmt;
use crate::Emulator;

const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
const GROUP_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Group";
const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
/// The reference spells the PatchOp schema with `schemas:core`; accept both.
const PATCH_SCHEMA_REFERENCE: &str = "urn:ietf:params:scim:schemas:core:2.0:PatchOp";

/// Largest SCIM page; larger `count`s are cut down to it, as SCIM allows.
const MAX_COUNT: usize = 100;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route(
            "/v2/identities/{idp}/scim/users",
            get(list_users).post(create_user),
        )
        .route(
            "/v2/identities/{idp}/scim/users/{id}",
            get(get_user).put(update_user).delete(delete_user),
        )
        .route(
            "/v2/identities/{idp}/scim/groups",
            get(list_groups).post(create_group),
        )
        .route(
            "/v2/identities/{idp}/scim/groups/{id}",
            get(get_group)
                .put(update_group)
                .patch(patch_group)
                .delete(delete_group),
        )
}

// ---- JSON shapes --------------------------------------------------------------------------

#[derive(Debug, Serialize)]
struct NameView {
    #[serde(rename = "givenName")]
    given_name: Option<String>,
    #[serde(rename = "familyName")]
    family_name: Option<String>,
}

#[derive(Debug, Serialize)]
struct EmailView {
    value: String,
    primary: bool,
}

#[derive(Debug, Serialize)]
struct ScimUserView {
    id: String,
    schemas: [&'static str; 1],
    name: NameView,
    emails: Vec<EmailView>,
    #[serde(rename = "userName")]
    user_name: String,
    #[serde(rename = "externalId")]
    external_id: Option<String>,
    #[serde(rename = "displayName")]
    display_name: Option<String>,
    #[serde(rename = "targetWorkstations")]
    target_workstations: Vec<String>,
}

impl ScimUserView {
    fn new(u: &User) -> Self {
        let scim = u.scim.clone().unwrap_or_default();
        let emails = if scim.emails.is_empty() {
            vec![EmailView {
                value: u.email.clone(),
                primary: true,
            }]
        } else {
            scim.emails
                .into_iter()
                .map(|(value, primary)| EmailView { value, primary })
                .collect()
        };
        Self {
            id: u.id.clone(),
            schemas: [USER_SCHEMA],
            name: NameView {
                given_name: u.first_name.clone(),
                family_name: u.last_name.clone(),
            },
            emails,
            user_name: u.username.clone(),
            external_id: scim.external_id,
            display_name: scim.display_name.or_else(|| Some(u.display_name())),
            target_workstations: scim.target_workstations,
        }
    }
}

#[derive(Debug, Serialize)]
struct MemberView {
    value: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Debug, Serialize)]
struct ScimGroupView {
    id: String,
    schemas: [&'static str; 1],
    #[serde(rename = "externalId")]
    external_id: Option<String>,
    #[serde(rename = "displayName")]
    display_name: String,
    members: Vec<MemberView>,
}

impl ScimGroupView {
    fn new(store: &Store, g: &Group) -> Self {
        Self {
            id: g.id.clone(),
            schemas: [GROUP_SCHEMA],
            external_id: g.external_id.clone(),
            display_name: g.name.clone(),
            members: store
                .members_of(g)
                .map(|u| MemberView {
                    value: u.id.clone(),
                    kind: "User",
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize)]
struct ListView<T> {
    content: Vec<T>,
    #[serde(rename = "itemsPerPage")]
    items_per_page: usize,
    schemas: [&'static str; 1],
    #[serde(rename = "startIndex")]
    start_index: usize,
    #[serde(rename = "totalResults")]
    total_results: usize,
}

// ---- parsing ------------------------------------------------------------------------------

struct ListQuery {
    start_index: usize,
    count: usize,
    filter: Option<ScimFilter>,
}

fn list_query(query: &HashMap<String, String>) -> Result<ListQuery, ApiError> {
    let number = |key: &str| -> Result<Option<i64>, ApiError> {
        match query.get(key).map(|v| v.trim()).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => v.parse::<i64>().map(Some).map_err(|_| {
                ApiError::bad_request(format!(
                    "Invalid request parameters: {key} must be an integer"
                ))
            }),
        }
    };
    // SCIM: a startIndex below 1 is read as 1, a negative count as 0.
    let start_index = number("startIndex")?.unwrap_or(1).max(1);
    let count = number("count")?
        .or(number("itemsPerPage")?)
        .unwrap_or(MAX_COUNT as i64)
        .clamp(0, MAX_COUNT as i64);
    let filter = match query
        .get("filter")
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
    {
        Some(raw) => Some(ScimFilter::parse(raw)?),
        None => None,
    };
    Ok(ListQuery {
        start_index: usize::try_from(start_index).unwrap_or(1),
        count: usize::try_from(count).unwrap_or(0),
        filter,
    })
}

fn list_page<T>(items: Vec<T>, q: &ListQuery) -> ListView<T> {
    let total_results = items.len();
    let content: Vec<T> = items
        .into_iter()
        .skip(q.start_index - 1)
        .take(q.count)
        .collect();
    ListView {
        items_per_page: content.len(),
        content,
        schemas: [LIST_SCHEMA],
        start_index: q.start_index,
        total_results,
    }
}

fn opt_string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, ApiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::bad_request(format!(
            "Invalid request parameters: {key} must be a string"
        ))),
    }
}

fn check_schemas(
    obj: &Map<String, Value>,
    expected: &[&str],
    required: bool,
) -> Result<(), ApiError> {
    match obj.get("schemas") {
        None | Some(Value::Null) if !required => Ok(()),
        Some(Value::Array(list))
            if list
                .iter()
                .any(|s| s.as_str().is_some_and(|s| expected.contains(&s))) =>
        {
            Ok(())
        }
        _ => Err(ApiError::bad_request(format!(
            "Invalid request parameters: schemas must contain \"{}\"",
            expected.first().copied().unwrap_or_default()
        ))),
    }
}

fn user_input(body: ApiJson) -> Result<ScimUserInput, ApiError> {
    let obj = body.object(false)?;
    check_schemas(&obj, &[USER_SCHEMA], false)?;
    let (has_name, given_name, family_name) =
        match obj.get("name") {
            None | Some(Value::Null) => (false, None, None),
            Some(Value::Object(name)) => (
                true,
                opt_string(name, "givenName")?,
                opt_string(name, "familyName")?,
            ),
            Some(_) => return Err(ApiError::bad_request(
                "Invalid request parameters: name must be an object with givenName and familyName",
            )),
        };
    let emails = match obj.get("emails") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|e| match e {
                Value::Object(e) => {
                    let value = opt_string(e, "value")?.ok_or_else(|| {
                        ApiError::bad_request(
                            "Invalid request parameters: every email needs a value",
                        )
                    })?;
                    let primary = matches!(e.get("primary"), Some(Value::Bool(true)))
                        || matches!(e.get("primary"), Some(Value::String(s)) if s == "true");
                    Ok((value, primary))
                }
                _ => Err(ApiError::bad_request(
                    "Invalid request parameters: emails must be objects with value and primary",
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(ApiError::bad_request(
                "Invalid request parameters: emails must be an array",
            ))
        }
    };
    let target_workstations = match obj.get("targetWorkstations") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| {
                v.as_str().map(str::to_owned).ok_or_else(|| {
                    ApiError::bad_request(
                        "Invalid request parameters: targetWorkstations must be strings",
                    )
                })
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(ApiError::bad_request(
                "Invalid request parameters: targetWorkstations must be an array",
            ))
        }
    };
    Ok(ScimUserInput {
        user_name: opt_string(&obj, "userName")?,
        given_name,
        family_name,
        has_name,
        emails,
        external_id: opt_string(&obj, "externalId")?,
        display_name: opt_string(&obj, "displayName")?,
        target_workstations,
    })
}

/// `[{"value": id, "type": "User"}]` → ids. Nested groups are not supported.
fn member_ids(value: &Value) -> Result<Vec<String>, ApiError> {
    let list = match value {
        Value::Null => return Ok(Vec::new()),
        Value::Array(list) => list,
        _ => {
            return Err(ApiError::bad_request(
                "Invalid request parameters: members must be an array of {\"value\", \"type\"}",
            ))
        }
    };
    list.iter()
        .map(|m| {
            let obj = m.as_object().ok_or_else(|| {
                ApiError::bad_request("Invalid request parameters: every member must be an object")
            })?;
            if let Some(kind) = obj.get("type").and_then(Value::as_str) {
                if !kind.eq_ignore_ascii_case("user") {
                    return Err(ApiError::bad_request(format!(
                        "Invalid request parameters: member type '{kind}' is not supported (only User)"
                    )));
                }
            }
            opt_string(obj, "value")?.ok_or_else(|| {
                ApiError::bad_request("Invalid request parameters: every member needs a value")
            })
        })
        .collect()
}

fn group_input(body: ApiJson) -> Result<ScimGroupInput, ApiError> {
    let obj = body.object(false)?;
    check_schemas(&obj, &[GROUP_SCHEMA], false)?;
    Ok(ScimGroupInput {
        display_name: opt_string(&obj, "displayName")?,
        external_id: opt_string(&obj, "externalId")?,
        members: member_ids(obj.get("members").unwrap_or(&Value::Null))?,
    })
}

/// `members[value eq "id"]` → `id`.
fn member_path_id(path: &str) -> Option<String> {
    let inner = path
        .trim()
        .strip_prefix("members[")?
        .strip_suffix(']')?
        .trim();
    let filter = ScimFilter::parse(inner).ok()?;
    (filter.attribute == "value").then_some(filter.value)
}

fn patch_ops(body: ApiJson) -> Result<Vec<GroupPatch>, ApiError> {
    let obj = body.object(false)?;
    check_schemas(&obj, &[PATCH_SCHEMA, PATCH_SCHEMA_REFERENCE], true)?;
    let ops = obj
        .get("Operations")
        .and_then(Value::as_array)
        .filter(|ops| !ops.is_empty())
        .ok_or_else(|| {
            ApiError::bad_request(
                "Invalid request parameters: Operations must be a non-empty array",
            )
        })?;
    let mut out = Vec::new();
    for op in ops {
        let op = op.as_object().ok_or_else(|| {
            ApiError::bad_request("Invalid request parameters: every operation must be an object")
        })?;
        let name = opt_string(op, "op")?
            .unwrap_or_default()
            .to_ascii_lowercase();
        let path = opt_string(op, "path")?;
        let value = op.get("value").cloned().unwrap_or(Value::Null);
        let lowered = path.as_deref().map(|p| p.trim().to_ascii_lowercase());
        match (name.as_str(), lowered.as_deref()) {
            ("add", Some("members")) => out.push(GroupPatch::AddMembers(member_ids(&value)?)),
            ("replace", Some("members")) => {
                out.push(GroupPatch::ReplaceMembers(member_ids(&value)?))
            }
            ("add" | "replace", Some("displayname")) => {
                let name = value.as_str().ok_or_else(|| {
                    ApiError::bad_request("Invalid request parameters: displayName must be a string")
                })?;
                out.push(GroupPatch::ReplaceDisplayName(name.to_owned()));
            }
            ("add" | "replace", Some("externalid")) => {
                out.push(GroupPatch::ReplaceExternalId(value.as_str().map(str::to_owned)));
            }
            ("remove", Some("members")) if value.is_null() => {
                out.push(GroupPatch::RemoveAllMembers)
            }
            ("remove", Some("members")) => {
                out.push(GroupPatch::RemoveMembers(member_ids(&value)?))
            }
            ("remove", Some(p)) if p.starts_with("members[") => {
                let id = path.as_deref().and_then(member_path_id).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "Invalid request parameters: unsupported path '{}'",
                        path.as_deref().unwrap_or_default()
                    ))
                })?;
                out.push(GroupPatch::RemoveMembers(vec![id]));
            }
            ("add" | "replace", None) => {
                // No path: the value is a partial group.
                let partial = value.as_object().ok_or_else(|| {
                    ApiError::bad_request(
                        "Invalid request parameters: an operation without path needs an object value",
                    )
                })?;
                if let Some(name) = partial.get("displayName").and_then(Value::as_str) {
                    out.push(GroupPatch::ReplaceDisplayName(name.to_owned()));
                }
                if let Some(external) = partial.get("externalId") {
                    out.push(GroupPatch::ReplaceExternalId(
                        external.as_str().map(str::to_owned),
                    ));
                }
                if let Some(members) = partial.get("members") {
                    let ids = member_ids(members)?;
                    out.push(if name == "add" {
                        GroupPatch::AddMembers(ids)
                    } else {
                        GroupPatch::ReplaceMembers(ids)
                    });
                }
            }
            (op @ ("add" | "remove" | "replace"), p) => {
                return Err(ApiError::bad_request(format!(
                    "Invalid request parameters: unsupported path '{}' for operation {op}",
                    p.unwrap_or_default()
                )))
            }
            (other, _) => {
                return Err(ApiError::bad_request(format!(
                    "Invalid request parameters: unsupported operation '{other}' (use add, remove or replace)"
                )))
            }
        }
    }
    Ok(out)
}

fn check_ids(
    store: &Store,
    idp: &str,
    kind: SubjectKind,
    id: Option<&str>,
) -> Result<(), ApiError> {
    check_idp_id(idp)?;
    let provider = store.provider(idp)?;
    if let Some(id) = id {
        check_entity_id(provider, kind, id)?;
    }
    Ok(())
}

// ---- handlers -----------------------------------------------------------------------------

async fn list_users(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<ListView<ScimUserView>>, ApiError> {
    let q = list_query(&query)?;
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    check_ids(store, &idp, SubjectKind::User, None)?;
    let mut users: Vec<&User> = store
        .users_of(&idp)
        .filter(|u| q.filter.as_ref().is_none_or(|f| f.matches_user(u)))
        .collect();
    users.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(Json(list_page(
        users.into_iter().map(ScimUserView::new).collect(),
        &q,
    )))
}

async fn create_user(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ScimUserView>), ApiError> {
    let input = user_input(body)?;
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::User, None)?;
    let id = tenant.create_scim_user(&idp, input, timefmt::now())?;
    Ok((
        StatusCode::CREATED,
        Json(ScimUserView::new(tenant.identities.user(&idp, &id)?)),
    ))
}

async fn get_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<Json<ScimUserView>, ApiError> {
    let tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::User, Some(&id))?;
    Ok(Json(ScimUserView::new(tenant.identities.user(&idp, &id)?)))
}

async fn update_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
    body: ApiJson,
) -> Result<Json<ScimUserView>, ApiError> {
    let input = user_input(body)?;
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::User, Some(&id))?;
    tenant.update_scim_user(&idp, &id, input, timefmt::now())?;
    Ok(Json(ScimUserView::new(tenant.identities.user(&idp, &id)?)))
}

async fn delete_user(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::User, Some(&id))?;
    tenant.delete_scim_user(&idp, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_groups(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<ListView<ScimGroupView>>, ApiError> {
    let q = list_query(&query)?;
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    check_ids(store, &idp, SubjectKind::Group, None)?;
    let mut groups: Vec<&Group> = store
        .groups_of(&idp)
        .filter(|g| q.filter.as_ref().is_none_or(|f| f.matches_group(g)))
        .collect();
    groups.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    Ok(Json(list_page(
        groups
            .into_iter()
            .map(|g| ScimGroupView::new(store, g))
            .collect(),
        &q,
    )))
}

async fn create_group(
    State(emulator): State<Emulator>,
    Path(idp): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ScimGroupView>), ApiError> {
    let input = group_input(body)?;
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::Group, None)?;
    let id = tenant.create_scim_group(&idp, input, timefmt::now())?;
    let store = &tenant.identities;
    Ok((
        StatusCode::CREATED,
        Json(ScimGroupView::new(store, store.group(&idp, &id)?)),
    ))
}

async fn get_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<Json<ScimGroupView>, ApiError> {
    let tenant = emulator.tenant();
    let store = &tenant.identities;
    check_ids(store, &idp, SubjectKind::Group, Some(&id))?;
    Ok(Json(ScimGroupView::new(store, store.group(&idp, &id)?)))
}

async fn update_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
    body: ApiJson,
) -> Result<Json<ScimGroupView>, ApiError> {
    let input = group_input(body)?;
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::Group, Some(&id))?;
    tenant.update_scim_group(&idp, &id, input, timefmt::now())?;
    let store = &tenant.identities;
    Ok(Json(ScimGroupView::new(store, store.group(&idp, &id)?)))
}

async fn patch_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
    body: ApiJson,
) -> Result<Json<ScimGroupView>, ApiError> {
    let ops = patch_ops(body)?;
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::Group, Some(&id))?;
    tenant.patch_scim_group(&idp, &id, ops, timefmt::now())?;
    let store = &tenant.identities;
    Ok(Json(ScimGroupView::new(store, store.group(&idp, &id)?)))
}

async fn delete_group(
    State(emulator): State<Emulator>,
    Path((idp, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let mut tenant = emulator.tenant();
    check_ids(&tenant.identities, &idp, SubjectKind::Group, Some(&id))?;
    tenant.delete_scim_group(&idp, &id)?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn patch_paths() {
        assert_eq!(
            member_path_id(r#"members[value eq "abc"]"#),
            Some("abc".into())
        );
        assert_eq!(member_path_id("members"), None);
        let ops = patch_ops(ApiJson(json!({
            "schemas": [PATCH_SCHEMA],
            "Operations": [
                {"op": "Add", "path": "members", "value": [{"value": "u1", "type": "User"}]},
                {"op": "remove", "path": "members[value eq \"u2\"]"},
                {"op": "replace", "path": "displayName", "value": "New"},
                {"op": "replace", "value": {"displayName": "Newer"}}
            ]
        })))
        .unwrap();
        assert_eq!(
            ops,
            vec![
                GroupPatch::AddMembers(vec!["u1".into()]),
                GroupPatch::RemoveMembers(vec!["u2".into()]),
                GroupPatch::ReplaceDisplayName("New".into()),
                GroupPatch::ReplaceDisplayName("Newer".into()),
            ]
        );
        assert!(patch_ops(ApiJson(json!({"Operations": []}))).is_err());
        assert!(patch_ops(ApiJson(json!({
            "schemas": [PATCH_SCHEMA],
            "Operations": [{"op": "move", "path": "members"}]
        })))
        .is_err());
    }
}
