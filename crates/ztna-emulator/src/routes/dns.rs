//! DNS resiliency (`/v2/wss-integration-tenant/dns-groups`): groups, their servers, server
//! priority order, enabling and disabling groups.
//!
//! Input is lenient like the tenant: `domainSuffixes`, `servers`, `DnsServerIds` and
//! `groupIds` may be arrays, JSON-encoded strings, or arrays of JSON-encoded strings (the
//! reference's examples send `["[\"a.com\",\"b.com\"]"]`); booleans may be `true` or `"true"`.
//! Output is shaped like the reference's examples: `domainSuffixes` and `servers` are
//! JSON-encoded strings and `sendNotifications` is `"true"`/`"false"`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{Map, Value};

use super::{bool_field, string_field, ApiJson, ListParams, Page};
use crate::error::ApiError;
use crate::state::dns::{check_dns_id, DnsGroup, DnsServer, GroupInput, ServerInput, Store};
use crate::state::Field;
use crate::timefmt::{self, iso_millis};
use crate::Emulator;

const BASE: &str = "/v2/wss-integration-tenant/dns-groups";

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route(BASE, get(list_groups).post(create_group))
        .route(&format!("{BASE}/enable-by-ids"), post(enable_groups))
        .route(
            &format!("{BASE}/{{group}}"),
            get(get_group).put(update_group).delete(delete_group),
        )
        .route(
            &format!("{BASE}/{{group}}/servers"),
            get(list_servers).post(create_server),
        )
        // The reference's own example lists servers with a trailing slash.
        .route(
            &format!("{BASE}/{{group}}/servers/"),
            get(list_servers).post(create_server),
        )
        .route(
            &format!("{BASE}/{{group}}/servers/delete-by-ids"),
            post(delete_servers),
        )
        .route(
            &format!("{BASE}/{{group}}/servers/{{server}}"),
            get(get_server).put(update_server),
        )
        .route(&format!("{BASE}/{{group}}/server-order"), put(server_order))
}

// ---- JSON shapes --------------------------------------------------------------------------

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    id: String,
    name: String,
    status: &'static str,
    #[serde(rename = "domainSuffixes")]
    domain_suffixes: String,
    #[serde(rename = "sendNotifications")]
    send_notifications: &'static str,
    servers: String,
    #[serde(rename = "serverInUsed")]
    server_in_used: Option<String>,
    #[serde(rename = "activeServerAddress")]
    active_server_address: Option<String>,
}

impl GroupView {
    pub(crate) fn new(store: &Store, g: &DnsGroup) -> Self {
        let activity = store.activity(g);
        Self {
            id: g.id.clone(),
            name: g.name.clone(),
            status: activity.status,
            domain_suffixes: serde_json::to_string(&g.domain_suffixes).unwrap_or_default(),
            send_notifications: if g.send_notifications {
                "true"
            } else {
                "false"
            },
            servers: serde_json::to_string(&g.servers).unwrap_or_default(),
            server_in_used: activity.server_in_use,
            active_server_address: activity.address,
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct ServerView {
    id: String,
    #[serde(rename = "groupId")]
    group_id: String,
    #[serde(rename = "siteId")]
    site_id: String,
    name: String,
    #[serde(rename = "internalAddress")]
    internal_address: String,
    #[serde(rename = "healthStatus")]
    health_status: &'static str,
    #[serde(rename = "createdAt")]
    created_at: String,
    #[serde(rename = "updatedAt")]
    updated_at: String,
}

impl ServerView {
    pub(crate) fn new(s: &DnsServer) -> Self {
        Self {
            id: s.id.clone(),
            group_id: s.group_id.clone(),
            site_id: s.site_id.to_string(),
            name: s.name.clone(),
            internal_address: s.internal_address.clone(),
            health_status: if s.healthy {
                "Available"
            } else {
                "UnAvailable"
            },
            created_at: iso_millis(s.created_at),
            updated_at: iso_millis(s.updated_at),
        }
    }
}

// ---- lenient input ------------------------------------------------------------------------

/// A list of strings sent as an array, a JSON-encoded array, an array of JSON-encoded
/// arrays, or a comma-separated string.
pub(crate) fn string_list(
    obj: &Map<String, Value>,
    key: &str,
) -> Result<Field<Vec<String>>, ApiError> {
    let invalid = || {
        ApiError::bad_request(format!(
            "Invalid request parameters: {key} must be an array of strings"
        ))
    };
    let expand = |s: &str, out: &mut Vec<String>| -> Result<(), ApiError> {
        let t = s.trim();
        if t.starts_with('[') {
            let inner: Vec<Value> = serde_json::from_str(t).map_err(|_| invalid())?;
            for v in inner {
                out.push(v.as_str().ok_or_else(invalid)?.trim().to_owned());
            }
        } else {
            out.extend(
                t.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned),
            );
        }
        Ok(())
    };
    match obj.get(key) {
        None => Ok(Field::Absent),
        Some(Value::Null) => Ok(Field::Null),
        Some(Value::String(s)) => {
            let mut out = Vec::new();
            expand(s, &mut out)?;
            Ok(Field::Value(out))
        }
        Some(Value::Array(items)) => {
            let mut out = Vec::new();
            for item in items {
                expand(item.as_str().ok_or_else(invalid)?, &mut out)?;
            }
            Ok(Field::Value(out))
        }
        Some(_) => Err(invalid()),
    }
}

fn group_input(obj: &Map<String, Value>) -> Result<GroupInput, ApiError> {
    Ok(GroupInput {
        name: string_field(obj, "name")?,
        domain_suffixes: string_list(obj, "domainSuffixes")?,
        send_notifications: bool_field(obj, "sendNotifications")?,
        servers: string_list(obj, "servers")?,
    })
}

fn server_input(obj: &Map<String, Value>) -> Result<ServerInput, ApiError> {
    Ok(ServerInput {
        name: string_field(obj, "name")?,
        internal_address: string_field(obj, "internalAddress")?,
        site_id: string_field(obj, "siteId")?,
        group_id: string_field(obj, "groupId")?,
    })
}

fn server_ids(body: ApiJson) -> Result<Vec<String>, ApiError> {
    let obj = body.object(false)?;
    string_list(&obj, "DnsServerIds")?
        .into_option()
        .ok_or_else(|| {
            ApiError::bad_request("Invalid request parameters: DnsServerIds is required")
        })
}

// ---- handlers -----------------------------------------------------------------------------

async fn list_groups(
    State(emulator): State<Emulator>,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Json<Page<GroupView>>, ApiError> {
    let params = ListParams::parse(&query)?;
    let tenant = emulator.tenant();
    let store = &tenant.dns;
    let mut rows: Vec<_> = store
        .groups
        .values()
        .filter(|g| {
            params.matches(
                std::iter::once(g.name.as_str())
                    .chain(g.domain_suffixes.iter().map(String::as_str)),
            )
        })
        .map(|g| (g.id.clone(), g.name.clone(), g))
        .collect();
    params.sort(&mut rows);
    Ok(Json(
        Page::of(rows, &params).map(|(_, _, g)| GroupView::new(store, g)),
    ))
}

async fn create_group(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<(StatusCode, Json<GroupView>), ApiError> {
    let input = group_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    let id = tenant.create_dns_group(input)?;
    let store = &tenant.dns;
    Ok((
        StatusCode::CREATED,
        Json(GroupView::new(store, store.group(&id)?)),
    ))
}

async fn get_group(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<Json<GroupView>, ApiError> {
    check_dns_id(&id)?;
    let tenant = emulator.tenant();
    let store = &tenant.dns;
    Ok(Json(GroupView::new(store, store.group(&id)?)))
}

async fn update_group(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
    body: ApiJson,
) -> Result<Json<GroupView>, ApiError> {
    check_dns_id(&id)?;
    let input = group_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    tenant.update_dns_group(&id, input)?;
    let store = &tenant.dns;
    Ok(Json(GroupView::new(store, store.group(&id)?)))
}

async fn delete_group(
    State(emulator): State<Emulator>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    check_dns_id(&id)?;
    emulator.tenant().delete_dns_group(&id)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn enable_groups(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    let obj = body.object(false)?;
    let enable = bool_field(&obj, "enable")?
        .into_option()
        .ok_or_else(|| ApiError::bad_request("Invalid request parameters: enable is required"))?;
    let ids = string_list(&obj, "groupIds")?
        .into_option()
        .ok_or_else(|| ApiError::bad_request("Invalid request parameters: groupIds is required"))?;
    emulator.tenant().enable_dns_groups(ids, enable)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn list_servers(
    State(emulator): State<Emulator>,
    Path(group): Path<String>,
) -> Result<Json<Vec<ServerView>>, ApiError> {
    check_dns_id(&group)?;
    let tenant = emulator.tenant();
    let store = &tenant.dns;
    let g = store.group(&group)?;
    Ok(Json(store.servers_of(g).map(ServerView::new).collect()))
}

async fn create_server(
    State(emulator): State<Emulator>,
    Path(group): Path<String>,
    body: ApiJson,
) -> Result<(StatusCode, Json<ServerView>), ApiError> {
    check_dns_id(&group)?;
    let input = server_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    let id = tenant.create_dns_server(&group, input, timefmt::now())?;
    Ok((
        StatusCode::CREATED,
        Json(ServerView::new(tenant.dns.server(&group, &id)?)),
    ))
}

async fn get_server(
    State(emulator): State<Emulator>,
    Path((group, id)): Path<(String, String)>,
) -> Result<Json<ServerView>, ApiError> {
    check_dns_id(&group)?;
    check_dns_id(&id)?;
    let tenant = emulator.tenant();
    Ok(Json(ServerView::new(tenant.dns.server(&group, &id)?)))
}

async fn update_server(
    State(emulator): State<Emulator>,
    Path((group, id)): Path<(String, String)>,
    body: ApiJson,
) -> Result<Json<ServerView>, ApiError> {
    check_dns_id(&group)?;
    check_dns_id(&id)?;
    let input = server_input(&body.object(false)?)?;
    let mut tenant = emulator.tenant();
    tenant.update_dns_server(&group, &id, input, timefmt::now())?;
    Ok(Json(ServerView::new(tenant.dns.server(&group, &id)?)))
}

async fn delete_servers(
    State(emulator): State<Emulator>,
    Path(group): Path<String>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    check_dns_id(&group)?;
    let ids = server_ids(body)?;
    emulator.tenant().delete_dns_servers(&group, ids)?;
    Ok(StatusCode::NO_CONTENT)
}

async fn server_order(
    State(emulator): State<Emulator>,
    Path(group): Path<String>,
    body: ApiJson,
) -> Result<StatusCode, ApiError> {
    check_dns_id(&group)?;
    let ids = server_ids(body)?;
    emulator.tenant().set_dns_server_order(&group, ids)?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list(v: Value) -> Result<Field<Vec<String>>, ApiError> {
        string_list(v.as_object().unwrap(), "k")
    }

    #[test]
    fn lenient_lists() {
        let want = Field::Value(vec!["a.com".to_owned(), "b.com".to_owned()]);
        assert_eq!(list(json!({"k": ["a.com", "b.com"]})).unwrap(), want);
        assert_eq!(list(json!({"k": "[\"a.com\",\"b.com\"]"})).unwrap(), want);
        assert_eq!(list(json!({"k": ["[\"a.com\",\"b.com\"]"]})).unwrap(), want);
        assert_eq!(list(json!({"k": "a.com, b.com"})).unwrap(), want);
        assert_eq!(list(json!({})).unwrap(), Field::Absent);
        assert!(list(json!({"k": [1]})).is_err());
        assert!(list(json!({"k": "[1,"})).is_err());
    }
}
