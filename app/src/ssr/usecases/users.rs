//! Helpdesk: find tenant users across identity providers, see one, block and unblock
//! them (with an optional scheduled unblock), and the blocked users list.
//!
//! Every block and unblock goes through `ssr::audit` (reason and the tenant's request id);
//! a scheduled unblock lives in the console's store and is fired by [`run_scheduler`] on
//! the client's background lane, audited as [`SCHEDULER_ACTOR`].

use crate::error::{AppError, ErrorKind};
use crate::model::users::{
    BlockInfo, BlockedPage, BlockedRow, GroupHit, ScheduleView, UserDetail, UserEvent, UserRow,
    UserSearch,
};
use crate::ssr::audit::{audited, Change};
use crate::ssr::authz::{check, Permission, Principal};
use crate::ssr::errors::from_api;
use crate::ssr::format;
use crate::ssr::state::ConsoleState;
use console_store::{AuditQuery, ItemOutcome, NewAuditEntry, NewScheduledUnblock, Store};
use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;
use time::OffsetDateTime;
use ztna_client::{ApiError, IdentityQuery, LogKind, TenantClient};
use ztna_wire::{IdentityProvider, LogSearch, MatchField, PageCursor, SearchQuery, User};

/// Who the audit trail names for unblocks the console does by itself.
pub const SCHEDULER_ACTOR: &str = "console-scheduler";
/// Pages of one provider read for one search (100 users each).
const SEARCH_PAGES: usize = 3;
const PER_PAGE: u32 = 100;
/// Groups whose names match a search whose members are listed.
const GROUP_HITS: usize = 3;
/// The longest a scheduled unblock may lie ahead.
const MAX_SCHEDULE_DAYS: i64 = 90;
/// Events of the tenant's audit log shown on a user's page.
const USER_EVENTS: usize = 30;

fn store_error(e: console_store::StoreError) -> AppError {
    tracing::error!(error = %e, "console store failed");
    AppError::internal()
}

fn invalid(field: &str, message: &str, hint: &str) -> AppError {
    let mut e = AppError::new(ErrorKind::Invalid, message, hint);
    e.field = Some(field.to_string());
    e
}

/// The audit trail's target id of a tenant user.
pub fn target_id(idp_id: &str, user_id: &str) -> String {
    format!("{idp_id}/{user_id}")
}

// ------------------------------------------------------------------ names

/// Names of users seen before (identity names rarely change): the blocked list would
/// otherwise read every blocked user from the tenant on every load.
type Names = Mutex<HashMap<(String, String), (String, String)>>;

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| Mutex::new(HashMap::new()))
}

fn remember(user: &User, idp_id: &str) {
    let mut names = names().lock().unwrap_or_else(|p| p.into_inner());
    if names.len() > 50_000 {
        names.clear();
    }
    names.insert(
        (idp_id.to_string(), user.id.clone()),
        (user.display_name(), email_of(user)),
    );
}

fn known_name(idp_id: &str, user_id: &str) -> Option<(String, String)> {
    names()
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&(idp_id.to_string(), user_id.to_string()))
        .cloned()
}

/// A user's name for a job item: as seen before, else the e-mail, else the id.
pub fn display_name(idp_id: &str, user_id: &str) -> String {
    match known_name(idp_id, user_id) {
        Some((name, email)) if !email.is_empty() => format!("{name} ({email})"),
        Some((name, _)) => name,
        None => user_id.to_string(),
    }
}

fn email_of(user: &User) -> String {
    user.email
        .clone()
        .filter(|e| !e.trim().is_empty())
        .or_else(|| user.notification_email.clone())
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| user.username.clone())
}

fn row(user: &User, idp: &IdentityProvider, now: OffsetDateTime) -> UserRow {
    UserRow {
        idp_id: idp.id.clone(),
        idp_name: idp_label(idp),
        id: user.id.clone(),
        name: user.display_name(),
        email: email_of(user),
        last_login: user.last_login.map(|at| format::when(at, now)),
        logins: user.logins_count,
        mfa: user.has_mfa_secret,
        blocked: user.blocked,
    }
}

fn idp_label(idp: &IdentityProvider) -> String {
    if idp.name.trim().is_empty() {
        idp.id.clone()
    } else {
        idp.name.clone()
    }
}

async fn providers(client: &TenantClient) -> Result<Vec<IdentityProvider>, AppError> {
    client
        .list_identity_providers(true)
        .await
        .map_err(|e| from_api(&e))
}

// ------------------------------------------------------------------ search

/// One provider's matches: at most `max_pages` pages, each `nextPage` passed back exactly
/// as received (number or opaque string). `true` when there were more.
pub async fn walk_provider(
    client: &TenantClient,
    idp_id: &str,
    base: &IdentityQuery,
    max_pages: usize,
) -> Result<(Vec<User>, bool), ApiError> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut sent: HashSet<PageCursor> = HashSet::new();
    let mut cursor: Option<PageCursor> = None;
    for read in 1..=max_pages.max(1) {
        let q = IdentityQuery {
            page_offset: cursor.clone(),
            ..base.clone()
        };
        let page = client.list_users(idp_id, &q).await?;
        if page.content.is_empty() {
            return Ok((out, false));
        }
        let before = out.len();
        for user in page.content {
            if seen.insert(user.id.clone()) {
                out.push(user);
            }
        }
        let total = usize::try_from(page.total_elements).unwrap_or(0);
        if out.len() == before || page.last || (total > 0 && out.len() >= total) {
            return Ok((out, false));
        }
        let Some(next) = page.next_page else {
            return Ok((out, false));
        };
        if !sent.insert(next.clone()) {
            return Ok((out, false));
        }
        if read == max_pages {
            return Ok((out, true));
        }
        cursor = Some(next);
    }
    Ok((out, false))
}

/// Merges the matches of every provider: each user once, by name then e-mail.
pub fn merge(found: Vec<UserRow>) -> Vec<UserRow> {
    let mut seen = HashSet::new();
    let mut rows: Vec<UserRow> = found
        .into_iter()
        .filter(|r| seen.insert((r.idp_id.clone(), r.id.clone())))
        .collect();
    rows.sort_by(|a, b| {
        (a.name.to_lowercase(), a.email.to_lowercase(), &a.idp_name).cmp(&(
            b.name.to_lowercase(),
            b.email.to_lowercase(),
            &b.idp_name,
        ))
    });
    rows
}

/// Searches every identity provider (local and external) by name or e-mail.
pub async fn search(state: &ConsoleState, q: &str) -> Result<UserSearch, AppError> {
    let q = q.trim().to_string();
    if q.chars().count() < 2 {
        return Err(invalid(
            "q",
            "Type at least two characters of a name or e-mail address.",
            "For example a surname, or the part of the address before the @.",
        ));
    }
    let client = &state.client;
    let idps = providers(client).await?;
    let needle = q.to_lowercase();
    let now = OffsetDateTime::now_utc();
    // One provider after the other: the queue spaces the calls out anyway.
    let mut answers = Vec::with_capacity(idps.len());
    for idp in &idps {
        let needle = needle.clone();
        let answer = async {
            // By name (the filter matches names and usernames) and, for something that
            // looks like an address, by e-mail too.
            let by_name = IdentityQuery {
                filter: Some(needle.clone()),
                per_page: PER_PAGE,
                ..IdentityQuery::default()
            };
            let (mut users, mut more) =
                walk_provider(client, &idp.id, &by_name, SEARCH_PAGES).await?;
            if needle.contains('@') {
                let by_email = IdentityQuery {
                    email: Some(needle.clone()),
                    per_page: PER_PAGE,
                    ..IdentityQuery::default()
                };
                let (more_users, more_too) =
                    walk_provider(client, &idp.id, &by_email, SEARCH_PAGES).await?;
                users.extend(more_users);
                more |= more_too;
            }
            let groups = client
                .list_groups(
                    &idp.id,
                    &IdentityQuery {
                        filter: Some(needle.clone()),
                        per_page: GROUP_HITS as u32,
                        ..IdentityQuery::default()
                    },
                )
                .await?
                .content;
            let mut hits = Vec::new();
            for group in groups.into_iter().take(GROUP_HITS) {
                let members = client
                    .all_group_members(&idp.id, &group.id, PER_PAGE)
                    .await?;
                for m in &members {
                    remember(m, &idp.id);
                }
                hits.push(GroupHit {
                    idp_name: idp_label(idp),
                    name: group.name.clone(),
                    members: merge(members.iter().map(|u| row(u, idp, now)).collect()),
                });
            }
            for u in &users {
                remember(u, &idp.id);
            }
            let rows: Vec<UserRow> = users.iter().map(|u| row(u, idp, now)).collect();
            Ok::<_, ApiError>((rows, hits, more))
        }
        .await;
        answers.push(answer);
    }
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    let mut truncated = false;
    for answer in answers {
        let (r, g, more) = answer.map_err(|e| from_api(&e))?;
        rows.extend(r);
        groups.extend(g);
        truncated |= more;
    }
    Ok(UserSearch {
        q,
        rows: merge(rows),
        groups,
        providers: idps.iter().map(idp_label).collect(),
        truncated,
    })
}

// ------------------------------------------------------------------ detail

/// The latest block of a user done through the console, from the audit trail.
async fn last_block(store: &Store, idp_id: &str, user_id: &str) -> Option<BlockInfo> {
    let entries = store
        .list_audit(&AuditQuery {
            target_id: Some(target_id(idp_id, user_id)),
            action_prefix: Some("user.".into()),
            limit: 20,
            ..AuditQuery::default()
        })
        .await
        .map_err(|e| tracing::warn!(error = %e, "audit trail unreadable"))
        .ok()?;
    let now = OffsetDateTime::now_utc();
    // Newest first: the block only counts if no unblock came after it.
    let latest = entries.iter().find(|e| e.outcome == "ok")?;
    (latest.action == "user.block").then(|| BlockInfo {
        since: Some(format::when(latest.at, now)),
        by: Some(latest.actor.clone()),
        reason: latest
            .detail
            .get("reason")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        request_id: latest.request_id.clone(),
    })
}

/// One user: fields, console block record, scheduled unblock, recent audit-log events, and
/// (when asked: it reads every group of the provider) the groups.
pub async fn detail(
    state: &ConsoleState,
    principal: &Principal,
    idp_id: &str,
    user_id: &str,
    with_groups: bool,
) -> Result<UserDetail, AppError> {
    let client = &state.client;
    let idps = providers(client).await?;
    let idp = idps
        .iter()
        .find(|p| p.id == idp_id)
        .ok_or_else(|| AppError::not_found("user"))?;
    let user = client
        .get_user(idp_id, user_id)
        .await
        .map_err(|e| match e {
            ApiError::NotFound { .. } | ApiError::InvalidId { .. } => AppError::not_found("user"),
            other => from_api(&other),
        })?;
    remember(&user, idp_id);
    let now = OffsetDateTime::now_utc();
    let mut view = row(&user, idp, now);
    let blocked_list = client.list_blocked_users().await.unwrap_or_default();
    let tenant_block = blocked_list
        .iter()
        .find(|b| b.identity_provider_id == idp_id && b.user_id == user_id);
    view.blocked = view.blocked || tenant_block.is_some();
    let block = if view.blocked {
        let console = last_block(&state.store, idp_id, user_id).await;
        Some(BlockInfo {
            since: tenant_block
                .and_then(|b| b.created_at)
                .map(|at| format::when(at, now))
                .or_else(|| console.as_ref().and_then(|c| c.since.clone())),
            by: console.as_ref().and_then(|c| c.by.clone()),
            reason: console.as_ref().and_then(|c| c.reason.clone()),
            request_id: console.and_then(|c| c.request_id),
        })
    } else {
        None
    };
    let schedule = state
        .store
        .scheduled_unblock(idp_id, user_id)
        .await
        .map_err(store_error)?
        .map(|s| ScheduleView {
            due: format::when(s.due_at, now),
            by: s.created_by,
        });
    let (events, events_error) = match user_events(client, &user, now).await {
        Ok(events) => (events, None),
        Err(e) => (Vec::new(), Some(from_api(&e).message)),
    };
    let groups = if with_groups {
        Some(groups_of(client, idp_id, user_id).await?)
    } else {
        None
    };
    Ok(UserDetail {
        username: user.username.clone(),
        created: user.created_at.map(|at| format::when(at, now)),
        user: view,
        block,
        schedule,
        groups,
        events,
        events_error,
        can_block: principal.may(Permission::BlockUsers),
    })
}

/// The tenant's audit-log events of the user in the last 7 days (newest first).
async fn user_events(
    client: &TenantClient,
    user: &User,
    now: OffsetDateTime,
) -> Result<Vec<UserEvent>, ApiError> {
    let mut values: Vec<String> = [Some(user.username.clone()), user.email.clone()]
        .into_iter()
        .flatten()
        .filter(|v| !v.trim().is_empty())
        .collect();
    values.dedup();
    let to = now.unix_timestamp() * 1000;
    let search = LogSearch::new(
        SearchQuery {
            free_text: None,
            from_date: to - 7 * 24 * 3600 * 1000,
            to_date: to,
            match_or_fields: vec![MatchField {
                field_name: "user".into(),
                field_values: values,
            }],
        },
        USER_EVENTS as u32,
    );
    let logs = client.all_logs(LogKind::Audit, search, USER_EVENTS).await?;
    let mut events: Vec<(Option<OffsetDateTime>, UserEvent)> = logs
        .iter()
        .map(|l| {
            let at = l.timestamp();
            (
                at,
                UserEvent {
                    at: at.map(|t| format::when(t, now)),
                    event: l.event_type().unwrap_or("event").to_string(),
                    outcome: l.outcome().unwrap_or("").to_string(),
                    summary: l
                        .resource_name()
                        .or_else(|| l.summary())
                        .unwrap_or("")
                        .to_string(),
                },
            )
        })
        .collect();
    events.sort_by_key(|e| std::cmp::Reverse(e.0));
    Ok(events.into_iter().map(|(_, e)| e).collect())
}

/// The groups of the user's provider that have the user as a member (every member page
/// of every group is read: a group's paging does not stop early).
async fn groups_of(
    client: &TenantClient,
    idp_id: &str,
    user_id: &str,
) -> Result<Vec<String>, AppError> {
    let groups = client
        .all_groups(
            idp_id,
            &IdentityQuery {
                per_page: PER_PAGE,
                ..IdentityQuery::default()
            },
        )
        .await
        .map_err(|e| from_api(&e))?;
    let mut names = Vec::new();
    for g in &groups {
        let members = client
            .all_group_members(idp_id, &g.id, PER_PAGE)
            .await
            .map_err(|e| from_api(&e))?;
        if members.iter().any(|m| m.id == user_id) {
            names.push(g.name.clone());
        }
    }
    names.sort_by_key(|n| n.to_lowercase());
    Ok(names)
}

// ------------------------------------------------------------------ block / unblock

/// Reads the optional end time of a block (`YYYY-MM-DDTHH:MM`, UTC, as a
/// `datetime-local` input sends it); it must lie in the future, within 90 days.
pub fn parse_until(text: &str, now: OffsetDateTime) -> Result<Option<OffsetDateTime>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || {
        invalid(
            "until",
            "The end time is not a date and time.",
            "Use the form YYYY-MM-DD HH:MM (UTC), or leave it empty to block until unblocked.",
        )
    };
    let normal = text.replace(' ', "T");
    let (date, clock) = normal.split_once('T').ok_or_else(bad)?;
    let date = time::Date::parse(
        date,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .map_err(|_| bad())?;
    let clock = clock.trim_end_matches('Z');
    let clock = if clock.len() == 5 {
        format!("{clock}:00")
    } else {
        clock.chars().take(8).collect()
    };
    let clock = time::Time::parse(
        &clock,
        time::macros::format_description!("[hour]:[minute]:[second]"),
    )
    .map_err(|_| bad())?;
    let at = time::PrimitiveDateTime::new(date, clock).assume_utc();
    if at <= now {
        return Err(invalid(
            "until",
            "The end time has already passed.",
            "Pick a time in the future (UTC), or leave it empty.",
        ));
    }
    if at > now + time::Duration::days(MAX_SCHEDULE_DAYS) {
        return Err(invalid(
            "until",
            "The end time is more than 90 days away.",
            "Pick an earlier time, or leave it empty and unblock by hand.",
        ));
    }
    Ok(Some(at))
}

/// Blocks a user (ending all their sessions), with a required reason and an optional
/// time after which the console unblocks them by itself.
pub async fn block(
    state: &ConsoleState,
    principal: &Principal,
    idp_id: &str,
    user_id: &str,
    reason: &str,
    until: &str,
) -> Result<(), AppError> {
    check(principal, Permission::BlockUsers)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid(
            "reason",
            "Give a reason: a ticket number or a few words.",
            "The reason is kept in the console's audit trail.",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(invalid(
            "reason",
            "The reason is longer than 500 characters.",
            "Shorten it; a ticket number is enough.",
        ));
    }
    let now = OffsetDateTime::now_utc();
    let until = parse_until(until, now)?;
    let client = &state.client;
    let user = client
        .get_user(idp_id, user_id)
        .await
        .map_err(|e| match e {
            ApiError::NotFound { .. } | ApiError::InvalidId { .. } => AppError::not_found("user"),
            other => from_api(&other),
        })?;
    let name = user.display_name();
    let change = Change::new("user.block", "user")
        .target(target_id(idp_id, user_id), name.clone())
        .detail(serde_json::json!({
            "identity_provider_id": idp_id,
            "user_id": user_id,
            "email": email_of(&user),
            "reason": reason,
            "until": until.map(format::exact),
        }));
    audited(
        state,
        principal,
        change,
        client.block_user(idp_id, user_id),
        |_| None,
    )
    .await
    .map_err(|e| from_api(&e))?;
    match until {
        Some(due_at) => {
            state
                .store
                .schedule_unblock(NewScheduledUnblock {
                    idp_id: idp_id.to_string(),
                    user_id: user_id.to_string(),
                    user_name: name,
                    due_at,
                    created_by: principal.username.clone(),
                    reason: reason.to_string(),
                })
                .await
                .map_err(store_error)?;
        }
        None => {
            // A new block without an end replaces an earlier schedule.
            state
                .store
                .cancel_unblock(idp_id, user_id)
                .await
                .map_err(store_error)?;
        }
    }
    Ok(())
}

/// Unblocks a user now (and drops a scheduled unblock).
pub async fn unblock(
    state: &ConsoleState,
    principal: &Principal,
    idp_id: &str,
    user_id: &str,
    reason: &str,
) -> Result<(), AppError> {
    check(principal, Permission::BlockUsers)?;
    let name = known_name(idp_id, user_id)
        .map(|(n, _)| n)
        .unwrap_or_default();
    let reason = reason.trim();
    let change = Change::new("user.unblock", "user")
        .target(target_id(idp_id, user_id), name)
        .detail(serde_json::json!({
            "identity_provider_id": idp_id,
            "user_id": user_id,
            "reason": (!reason.is_empty()).then_some(reason),
        }));
    audited(
        state,
        principal,
        change,
        state.client.unblock_user(idp_id, user_id),
        |_| None,
    )
    .await
    .map_err(|e| match e {
        ApiError::NotFound { .. } | ApiError::InvalidId { .. } => AppError::not_found("user"),
        other => from_api(&other),
    })?;
    state
        .store
        .cancel_unblock(idp_id, user_id)
        .await
        .map_err(store_error)?;
    Ok(())
}

// ------------------------------------------------------------------ blocked list

/// Everyone blocked, with who blocked them and why (for blocks done through the
/// console) and their scheduled unblock.
pub async fn blocked(state: &ConsoleState, principal: &Principal) -> Result<BlockedPage, AppError> {
    let client = &state.client;
    let idps = providers(client).await?;
    let list = client
        .list_blocked_users()
        .await
        .map_err(|e| from_api(&e))?;
    let schedules: HashMap<(String, String), OffsetDateTime> = state
        .store
        .scheduled_unblocks()
        .await
        .map_err(store_error)?
        .into_iter()
        .map(|s| ((s.idp_id, s.user_id), s.due_at))
        .collect();
    let now = OffsetDateTime::now_utc();
    let mut details = Vec::with_capacity(list.len());
    for b in &list {
        let name = match known_name(&b.identity_provider_id, &b.user_id) {
            Some(n) => Some(n),
            None => match client.get_user(&b.identity_provider_id, &b.user_id).await {
                Ok(u) => {
                    remember(&u, &b.identity_provider_id);
                    Some((u.display_name(), email_of(&u)))
                }
                Err(e) => {
                    tracing::info!(error = %e, "blocked user not readable");
                    None
                }
            },
        };
        let console = last_block(&state.store, &b.identity_provider_id, &b.user_id).await;
        details.push((name, console));
    }
    let mut rows: Vec<BlockedRow> = list
        .iter()
        .zip(details)
        .map(|(b, (name, console))| {
            let (name, email) = name.unwrap_or_else(|| (b.user_id.clone(), String::new()));
            BlockedRow {
                idp_id: b.identity_provider_id.clone(),
                idp_name: idps
                    .iter()
                    .find(|p| p.id == b.identity_provider_id)
                    .map(idp_label)
                    .unwrap_or_else(|| b.identity_provider_id.clone()),
                user_id: b.user_id.clone(),
                name,
                email,
                since: b
                    .created_at
                    .map(|at| format::when(at, now))
                    .or_else(|| console.as_ref().and_then(|c| c.since.clone())),
                reason: console.as_ref().and_then(|c| c.reason.clone()),
                by: console.and_then(|c| c.by),
                schedule: schedules
                    .get(&(b.identity_provider_id.clone(), b.user_id.clone()))
                    .map(|at| format::when(*at, now)),
            }
        })
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    Ok(BlockedPage {
        rows,
        can_block: principal.may(Permission::BlockUsers),
    })
}

// ------------------------------------------------------------------ bulk and schedules

/// One item of a bulk unblock job (payload `{"idp_id", "user_id", "reason"}`): Ok carries
/// the tenant's request id of the unblock.
pub async fn unblock_item(
    client: &TenantClient,
    store: &Store,
    payload: &serde_json::Value,
) -> ItemOutcome {
    let field = |k: &str| payload.get(k).and_then(|v| v.as_str()).unwrap_or_default();
    let (idp_id, user_id) = (field("idp_id"), field("user_id"));
    if idp_id.is_empty() || user_id.is_empty() {
        return Err(("the job item names no user".into(), None));
    }
    let (result, ids) =
        ztna_client::capture_request_ids(client.unblock_user(idp_id, user_id)).await;
    match result {
        Ok(()) => {
            if let Err(e) = store.cancel_unblock(idp_id, user_id).await {
                tracing::warn!(error = %e, "could not drop a scheduled unblock");
            }
            Ok(ids.last().cloned())
        }
        Err(e) => {
            let app = from_api(&e);
            Err((app.message, app.request_id))
        }
    }
}

/// Fires every scheduled unblock that is due (also those that came due while the console
/// was down). A user the tenant no longer has is dropped; other failures stay scheduled
/// and are tried again on the next round. Returns how many were unblocked.
pub async fn fire_due_unblocks(client: &TenantClient, store: &Store) -> usize {
    let due = match store.due_unblocks(OffsetDateTime::now_utc()).await {
        Ok(due) => due,
        Err(e) => {
            tracing::error!(error = %e, "scheduled unblocks unreadable");
            return 0;
        }
    };
    let mut fired = 0;
    for s in due {
        let (result, ids) =
            ztna_client::capture_request_ids(client.unblock_user(&s.idp_id, &s.user_id)).await;
        let (outcome, request_id, error, drop) = match &result {
            Ok(()) => ("ok", ids.last().cloned(), None, true),
            Err(e @ ApiError::NotFound { .. }) => (
                "error",
                e.request_id().map(str::to_string),
                Some(crate::ssr::errors::describe(e)),
                true,
            ),
            Err(e) => (
                "error",
                e.request_id().map(str::to_string),
                Some(crate::ssr::errors::describe(e)),
                false,
            ),
        };
        let entry = NewAuditEntry {
            actor: SCHEDULER_ACTOR.to_string(),
            action: "user.unblock".into(),
            target_kind: "user".into(),
            target_id: Some(target_id(&s.idp_id, &s.user_id)),
            target_name: Some(s.user_name.clone()),
            outcome: outcome.into(),
            request_id,
            detail: serde_json::json!({
                "identity_provider_id": s.idp_id,
                "user_id": s.user_id,
                "reason": format!("scheduled by {} ({})", s.created_by, s.reason),
                "due": format::exact(s.due_at),
                "error": error,
            }),
        };
        tracing::info!(user = %entry.target_id.clone().unwrap_or_default(), outcome, "scheduled unblock");
        if let Err(e) = store.record_audit(entry).await {
            tracing::warn!(error = %e, "audit write failed");
        }
        if drop {
            if let Err(e) = store.cancel_unblock(&s.idp_id, &s.user_id).await {
                tracing::warn!(error = %e, "could not drop a fired schedule");
            }
        }
        if result.is_ok() {
            fired += 1;
        }
    }
    fired
}

/// The scheduler: fires due unblocks now and then every `every`, on the background lane.
/// Runs for the life of the process.
pub async fn run_scheduler(client: TenantClient, store: Store, every: Duration) {
    let client = client.lane(ztna_client::Lane::Background);
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let n = fire_due_unblocks(&client, &store).await;
        if n > 0 {
            tracing::info!(unblocked = n, "scheduled unblocks fired");
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn r(idp: &str, id: &str, name: &str) -> UserRow {
        UserRow {
            idp_id: idp.into(),
            idp_name: idp.to_uppercase(),
            id: id.into(),
            name: name.into(),
            email: format!("{id}@x"),
            last_login: None,
            logins: 0,
            mfa: false,
            blocked: false,
        }
    }

    #[test]
    fn merging_keeps_each_user_once_sorted_by_name() {
        let merged = merge(vec![
            r("okta", "2", "zoe"),
            r("local", "1", "Adam"),
            r("okta", "2", "zoe"),
            // The same id in another provider is another user.
            r("azure", "2", "Zoe"),
            r("local", "3", "bea"),
        ]);
        let keys: Vec<(&str, &str)> = merged
            .iter()
            .map(|r| (r.idp_id.as_str(), r.id.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("local", "1"),
                ("local", "3"),
                ("azure", "2"),
                ("okta", "2")
            ]
        );
    }

    #[test]
    fn end_times_are_utc_in_the_future_within_90_days() {
        let now = datetime!(2026-12-03 12:00 UTC);
        assert_eq!(parse_until("", now).unwrap(), None);
        assert_eq!(
            parse_until("2026-12-03T13:30", now).unwrap(),
            Some(datetime!(2026-12-03 13:30 UTC))
        );
        assert_eq!(
            parse_until("2026-12-04 08:00:30", now).unwrap(),
            Some(datetime!(2026-12-04 08:00:30 UTC))
        );
        for (text, why) in [
            ("2026-12-03T11:59", "passed"),
            ("2027-06-01T00:00", "90 days"),
            ("tomorrow", "not a date"),
            ("2026-13-01T00:00", "not a date"),
        ] {
            let e = parse_until(text, now).unwrap_err();
            assert_eq!(e.field.as_deref(), Some("until"), "{text}");
            assert!(e.message.contains(why), "{text}: {}", e.message);
        }
    }

    #[tokio::test]
    async fn due_schedules_fire_once_and_are_audited_as_the_scheduler() {
        // A client pointing nowhere: the unblock fails, so the schedule stays for the
        // next round, and the attempt is audited as the scheduler.
        let store = Store::open_in_memory().unwrap();
        store
            .schedule_unblock(NewScheduledUnblock {
                idp_id: "local".into(),
                user_id: "u1".into(),
                user_name: "U One".into(),
                due_at: OffsetDateTime::now_utc() - time::Duration::seconds(1),
                created_by: "helpdesk".into(),
                reason: "INC-7".into(),
            })
            .await
            .unwrap();
        let origin = ztna_client::ApiOrigin::parse("http://127.0.0.1:9").unwrap();
        let mut config = ztna_client::ClientConfig::new(
            origin,
            ztna_client::Credentials::StaticToken(ztna_client::Secret::new("t".to_string())),
        );
        config.request_timeout = Duration::from_millis(500);
        config.max_retries = 0;
        let client = TenantClient::new(config).unwrap();
        assert_eq!(fire_due_unblocks(&client, &store).await, 0);
        assert!(store
            .scheduled_unblock("local", "u1")
            .await
            .unwrap()
            .is_some());
        let audit = store.list_audit(&AuditQuery::default()).await.unwrap();
        assert_eq!(audit[0].actor, SCHEDULER_ACTOR);
        assert_eq!(audit[0].outcome, "error");
        assert_eq!(audit[0].target_id.as_deref(), Some("local/u1"));
    }
}
