//! The one way a change made through the console reaches its audit trail.
//!
//! Every change (site create/update/delete, connector create/delete, registration key
//! rotate/clean, and reading a deployment secret) runs inside [`audited`]: the tenant
//! calls are wrapped in `ztna_client::capture_request_ids`, and the outcome is written with
//! who did it, what, to which object, and the tenant's request id of the write (or of the
//! error). `detail` never holds a secret.

use crate::ssr::authz::Principal;
use crate::ssr::state::ConsoleState;
use console_store::NewAuditEntry;
use std::future::Future;
use ztna_client::ApiError;

/// What is being done, to what.
#[derive(Clone, Debug)]
pub struct Change {
    /// Dotted action name, e.g. `site.create`.
    pub action: &'static str,
    /// `site`, `connector` or `registration_key`.
    pub target_kind: &'static str,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    /// Non-secret facts worth keeping (the site of a connector, the choice made…).
    pub detail: serde_json::Value,
}

impl Change {
    pub fn new(action: &'static str, target_kind: &'static str) -> Change {
        Change {
            action,
            target_kind,
            target_id: None,
            target_name: None,
            detail: serde_json::Value::Null,
        }
    }

    pub fn target(mut self, id: impl Into<String>, name: impl Into<String>) -> Change {
        self.target_id = Some(id.into());
        let name = name.into();
        self.target_name = (!name.is_empty()).then_some(name);
        self
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Change {
        self.detail = detail;
        self
    }
}

/// Runs `calls` (tenant calls), records the outcome in the audit trail, and returns it.
/// `created` names the object a successful call created (its id and name), when the
/// change's target was not known before.
pub async fn audited<T, F>(
    state: &ConsoleState,
    principal: &Principal,
    change: Change,
    calls: F,
    created: impl FnOnce(&T) -> Option<(String, String)>,
) -> Result<T, ApiError>
where
    F: Future<Output = Result<T, ApiError>>,
{
    let (result, ids) = ztna_client::capture_request_ids(calls).await;
    let mut change = change;
    let (outcome, request_id, error) = match &result {
        Ok(value) => {
            if let Some((id, name)) = created(value) {
                change = change.target(id, name);
            }
            // The last answer is the write's (reads come first).
            ("ok", ids.last().cloned(), None)
        }
        Err(e) => (
            "error",
            e.request_id()
                .map(str::to_string)
                .or_else(|| ids.last().cloned()),
            Some(crate::ssr::errors::describe(e)),
        ),
    };
    record(state, principal, change, outcome, request_id, error).await;
    result
}

/// Writes one entry. A failing audit write is logged, never shown as the change failing.
pub async fn record(
    state: &ConsoleState,
    principal: &Principal,
    change: Change,
    outcome: &str,
    request_id: Option<String>,
    error: Option<String>,
) {
    let mut detail = match change.detail {
        serde_json::Value::Object(map) => map,
        serde_json::Value::Null => serde_json::Map::new(),
        other => {
            let mut map = serde_json::Map::new();
            map.insert("value".into(), other);
            map
        }
    };
    if let Some(error) = error {
        detail.insert("error".into(), serde_json::Value::String(error));
    }
    let entry = NewAuditEntry {
        actor: principal.username.clone(),
        action: change.action.to_string(),
        target_kind: change.target_kind.to_string(),
        target_id: change.target_id,
        target_name: change.target_name,
        outcome: outcome.to_string(),
        request_id,
        detail: serde_json::Value::Object(detail),
    };
    tracing::info!(
        user = %principal.username,
        action = %entry.action,
        target = ?entry.target_id,
        outcome = %entry.outcome,
        request_id = ?entry.request_id,
        "change"
    );
    if let Err(e) = state.store.record_audit(entry).await {
        tracing::warn!(error = %e, "audit write failed");
    }
}
