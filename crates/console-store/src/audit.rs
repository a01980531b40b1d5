//! Append-only audit trail of changes made through the console.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Row};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{from_micros, now_micros, to_micros, Store, StoreError};

/// Default page size of [`Store::list_audit`] (when `limit == 0`).
pub const DEFAULT_AUDIT_LIMIT: u32 = 100;
/// Upper bound on [`AuditQuery::limit`].
pub const MAX_AUDIT_LIMIT: u32 = 1000;

/// One change to record. The store stamps `id` and `at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewAuditEntry {
    /// Console username that made the change.
    pub actor: String,
    /// Dotted action name, e.g. "site.create".
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    /// "ok" | "error".
    pub outcome: String,
    /// Tenant `x-lum-request-id`, if the tenant answered.
    pub request_id: Option<String>,
    pub detail: serde_json::Value,
}

/// A recorded audit entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// When it was recorded (UTC, microsecond precision).
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub actor: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub detail: serde_json::Value,
}

/// Filters for [`Store::list_audit`]; all given filters must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    /// Exact actor username.
    pub actor: Option<String>,
    /// Action starts with this (case-sensitive), e.g. "site." or "site.create".
    pub action_prefix: Option<String>,
    /// Exact target id.
    pub target_id: Option<String>,
    /// Inclusive lower bound on `at`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub since: Option<OffsetDateTime>,
    /// Exclusive upper bound on `at`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub until: Option<OffsetDateTime>,
    /// Max entries; 0 means [`DEFAULT_AUDIT_LIMIT`], capped at [`MAX_AUDIT_LIMIT`].
    pub limit: u32,
}

impl AuditQuery {
    /// The limit actually applied.
    pub fn effective_limit(&self) -> u32 {
        match self.limit {
            0 => DEFAULT_AUDIT_LIMIT,
            n => n.min(MAX_AUDIT_LIMIT),
        }
    }
}

const AUDIT_COLUMNS: &str = "id, at, actor, action, target_kind, target_id, target_name, \
                             outcome, request_id, detail";

struct AuditRow {
    id: i64,
    at: i64,
    actor: String,
    action: String,
    target_kind: String,
    target_id: Option<String>,
    target_name: Option<String>,
    outcome: String,
    request_id: Option<String>,
    detail: String,
}

impl AuditRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(AuditRow {
            id: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            action: r.get(3)?,
            target_kind: r.get(4)?,
            target_id: r.get(5)?,
            target_name: r.get(6)?,
            outcome: r.get(7)?,
            request_id: r.get(8)?,
            detail: r.get(9)?,
        })
    }

    fn decode(self) -> Result<AuditEntry, StoreError> {
        let detail = serde_json::from_str(&self.detail)
            .map_err(|e| StoreError::Corrupt(format!("audit entry {} detail: {e}", self.id)))?;
        Ok(AuditEntry {
            id: self.id,
            at: from_micros(self.at)?,
            actor: self.actor,
            action: self.action,
            target_kind: self.target_kind,
            target_id: self.target_id,
            target_name: self.target_name,
            outcome: self.outcome,
            request_id: self.request_id,
            detail,
        })
    }
}

impl Store {
    /// Appends an entry to the audit trail, stamped with the current time.
    pub async fn record_audit(&self, entry: NewAuditEntry) -> Result<AuditEntry, StoreError> {
        self.with_conn(move |conn| {
            let detail = serde_json::to_string(&entry.detail)
                .map_err(|e| StoreError::Corrupt(format!("audit detail: {e}")))?;
            let (at, at_us) = now_micros();
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, target_kind, target_id, target_name,
                                        outcome, request_id, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    at_us,
                    entry.actor,
                    entry.action,
                    entry.target_kind,
                    entry.target_id,
                    entry.target_name,
                    entry.outcome,
                    entry.request_id,
                    detail
                ],
            )?;
            Ok(AuditEntry {
                id: conn.last_insert_rowid(),
                at,
                actor: entry.actor,
                action: entry.action,
                target_kind: entry.target_kind,
                target_id: entry.target_id,
                target_name: entry.target_name,
                outcome: entry.outcome,
                request_id: entry.request_id,
                detail: entry.detail,
            })
        })
        .await
    }

    /// Matching entries, newest first (by time, then by insertion order).
    pub async fn list_audit(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>, StoreError> {
        let mut clauses: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        // Pushes a bound value and returns its 1-based placeholder number.
        let mut bind = |v: Value| {
            args.push(v);
            args.len()
        };
        if let Some(actor) = &q.actor {
            let n = bind(Value::Text(actor.clone()));
            clauses.push(format!("actor = ?{n}"));
        }
        if let Some(prefix) = &q.action_prefix {
            // Exact prefix match; no LIKE wildcards to escape.
            let n = bind(Value::Text(prefix.clone()));
            clauses.push(format!("substr(action, 1, length(?{n})) = ?{n}"));
        }
        if let Some(target_id) = &q.target_id {
            let n = bind(Value::Text(target_id.clone()));
            clauses.push(format!("target_id = ?{n}"));
        }
        if let Some(since) = q.since {
            let n = bind(Value::Integer(to_micros(since)));
            clauses.push(format!("at >= ?{n}"));
        }
        if let Some(until) = q.until {
            let n = bind(Value::Integer(to_micros(until)));
            clauses.push(format!("at < ?{n}"));
        }
        let limit = bind(Value::Integer(i64::from(q.effective_limit())));
        let where_sql = if clauses.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", clauses.join(" AND "))
        };
        let sql = format!(
            "SELECT {AUDIT_COLUMNS} FROM audit_log {where_sql} ORDER BY at DESC, id DESC LIMIT ?{limit}"
        );
        self.with_conn(move |conn| {
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(params_from_iter(args), AuditRow::from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(AuditRow::decode).collect()
        })
        .await
    }
}
