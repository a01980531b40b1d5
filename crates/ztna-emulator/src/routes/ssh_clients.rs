//! `GET /v2/ssh-clients`: the tenant's SSH clients, paged like sites, sorted by `name`,
//! `created_on`, `last_accessed`, `expires` or `description` (`sort=name` or
//! `sort=name,desc`; the reference's example sends `sort=undefined`, read as the default).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use super::{ListParams, Page};
use crate::error::ApiError;
use crate::state::ssh_clients::SshClient;
use crate::timefmt::iso_millis;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new().route("/v2/ssh-clients", get(list))
}

#[derive(Debug, Serialize)]
struct SshClientView {
    id: String,
    name: String,
    description: String,
    key_size: u32,
    created_on: String,
    modified_on: String,
    last_accessed: Option<String>,
    expires: String,
}

impl SshClientView {
    fn new(c: &SshClient) -> Self {
        Self {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            key_size: c.key_size,
            created_on: iso_millis(c.created_on),
            modified_on: iso_millis(c.modified_on),
            last_accessed: c.last_accessed.map(iso_millis),
            expires: iso_millis(c.expires),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Name,
    CreatedOn,
    LastAccessed,
    Expires,
    Description,
}

fn parse_sort(raw: Option<&String>) -> Result<(SortKey, bool), ApiError> {
    let raw = raw.map(|s| s.trim()).unwrap_or_default();
    if raw.is_empty() || raw.eq_ignore_ascii_case("undefined") {
        return Ok((SortKey::Name, false));
    }
    let (key, dir) = raw.split_once(',').unwrap_or((raw, "asc"));
    let key = match key.trim().to_ascii_lowercase().as_str() {
        "name" => SortKey::Name,
        "created_on" => SortKey::CreatedOn,
        "last_accessed" => SortKey::LastAccessed,
        "expires" => SortKey::Expires,
        "description" => SortKey::Description,
        other => {
            return Err(ApiError::bad_request(format!(
                "Invalid request parameters: unsupported sort key '{other}' (use name, created_on, last_accessed, expires or description)"
            )))
        }
    };
    let descending = match dir.trim().to_ascii_lowercase().as_str() {
        "asc" | "" => false,
        "desc" => true,
        other => {
            return Err(ApiError::bad_request(format!(
                "Invalid request parameters: unsupported sort direction '{other}' (use asc or desc)"
            )))
        }
    };
    Ok((key, descending))
}

async fn list(
    State(emulator): State<Emulator>,
    Query(mut query): Query<HashMap<String, String>>,
) -> Result<Json<Page<SshClientView>>, ApiError> {
    let (key, descending) = parse_sort(query.remove("sort").as_ref())?;
    let params = ListParams::parse(&query)?;
    let tenant = emulator.tenant();
    let mut clients: Vec<&SshClient> = tenant
        .ssh_clients
        .clients
        .iter()
        .filter(|c| params.matches([c.name.as_str(), c.description.as_str()]))
        .collect();
    clients.sort_by(|a, b| {
        let ord = match key {
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::CreatedOn => a.created_on.cmp(&b.created_on),
            SortKey::LastAccessed => a.last_accessed.cmp(&b.last_accessed),
            SortKey::Expires => a.expires.cmp(&b.expires),
            SortKey::Description => a
                .description
                .to_lowercase()
                .cmp(&b.description.to_lowercase()),
        }
        .then_with(|| a.id.cmp(&b.id));
        if descending {
            ord.reverse()
        } else {
            ord
        }
    });
    Ok(Json(Page::of(clients, &params).map(SshClientView::new)))
}
