//! Plain form actions that start bulk jobs, and the server-sent events of a job.
//!
//! A form post (works without JavaScript) is authorized here with the same rules as
//! the server functions (`app::ssr::authz`), becomes a job, and redirects to the job's
//! page. Every selected object must be within the caller's scope, or nothing happens.

use crate::state::AppState;
use app::ssr::authz::{Permission, Principal};
use app::ssr::jobs::kinds;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use console_store::{NewJob, NewJobItem};
use futures::stream::{self, Stream};
use http::StatusCode;
use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;
use ztna_client::ListQuery;

const MAX_ITEMS: usize = 500;

/// `POST /actions/sites/notifications` with `site=<id>` (repeated) and `mute=true|false`.
pub async fn site_notifications(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return Redirect::to("/login?error=expired").into_response();
    };
    if !principal.may(Permission::EditSites) {
        return (
            StatusCode::FORBIDDEN,
            "Your console role does not allow changing sites.",
        )
            .into_response();
    }
    let mut seen = std::collections::HashSet::new();
    let ids: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "site")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty() && seen.insert(v.clone()))
        .collect();
    let mute = fields.iter().any(|(k, v)| k == "mute" && v == "true");
    if ids.is_empty() {
        return Redirect::to("/sites?notice=none_selected").into_response();
    }
    if ids.len() > MAX_ITEMS {
        return Redirect::to("/sites?notice=too_many").into_response();
    }
    if ids.iter().any(|id| !principal.can_see_site(id)) {
        tracing::warn!(user = %principal.username, "bulk action on a site outside scope refused");
        return Redirect::to("/sites?notice=not_allowed").into_response();
    }
    // Names for the job's items, from the same (cached) list the sites page uses.
    let names: HashMap<String, String> = match state
        .console
        .client
        .all_sites(&ListQuery {
            size: 100,
            ..ListQuery::default()
        })
        .await
    {
        Ok(sites) => sites.into_iter().map(|s| (s.id, s.name)).collect(),
        Err(e) => {
            tracing::warn!(error = %e, "site names unavailable for a job");
            HashMap::new()
        }
    };
    if ids
        .iter()
        .any(|id| !names.is_empty() && !names.contains_key(id))
    {
        return Redirect::to("/sites?notice=not_allowed").into_response();
    }
    let verb = if mute { "Mute" } else { "Unmute" };
    let job = NewJob {
        kind: kinds::SITE_NOTIFICATIONS.to_string(),
        actor: principal.username.clone(),
        title: format!(
            "{verb} health notifications of {} site{}",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" }
        ),
        items: ids
            .iter()
            .map(|id| NewJobItem {
                target_id: id.clone(),
                target_name: names.get(id).cloned().unwrap_or_else(|| id.clone()),
                payload: serde_json::json!({ "mute": mute }),
            })
            .collect(),
    };
    match state.console.jobs.submit(job).await {
        Ok(job) => Redirect::to(&format!("/jobs/{}", job.id)).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.message).into_response(),
    }
}

/// `GET /events/jobs/{id}`: the whole job as JSON after every change, until it finishes.
pub async fn job_events(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    Path(id): Path<i64>,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let jobs = state.console.jobs.clone();
    // Authorize once up front: a job the caller may not see is "not found".
    if jobs.view(&principal, id).await.is_err() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let changes = jobs.subscribe();
    Sse::new(job_stream(jobs, principal, id, changes))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response()
}

fn job_stream(
    jobs: app::ssr::jobs::JobRunner,
    principal: Principal,
    id: i64,
    changes: tokio::sync::broadcast::Receiver<i64>,
) -> impl Stream<Item = Result<Event, Infallible>> {
    // State: (first event still to send, finished, receiver).
    stream::unfold(
        (true, false, changes),
        move |(first, finished, mut changes)| {
            let jobs = jobs.clone();
            let principal = principal.clone();
            async move {
                if finished {
                    return None;
                }
                if !first {
                    // Wait for a change of this job (or a lag: then re-read anyway).
                    loop {
                        match changes.recv().await {
                            Ok(changed) if changed == id => break,
                            Ok(_) => continue,
                            Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => break,
                            Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
                        }
                    }
                }
                let view = jobs.view(&principal, id).await.ok()?;
                let done = view.finished;
                let data = serde_json::to_string(&view).ok()?;
                Some((Ok(Event::default().data(data)), (false, done, changes)))
            }
        },
    )
}
