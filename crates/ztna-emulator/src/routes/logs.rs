//! Log search: `POST /v2/logs/audit` and `POST /v2/logs/forensics`.
//!
//! Body: `{"size": 0..=1000 (default 1000), "query": {"free_text", "from_date", "to_date",
//! "match_or_fields": [{"field_name", "field_values"}]}, "search_after": [number, string]}`.
//! Answer: `{"Hits": total, "Logs": [{"Id", "Data", "SearchAfterValues"}]}`, ascending by date;
//! pass the last `SearchAfterValues` back as `search_after` for the next page.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::ApiJson;
use crate::error::ApiError;
use crate::state::logs::{parse_tiebreak, LogKind, SearchQuery, MAX_SIZE, MAX_WINDOW};
use crate::timefmt;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new()
        .route("/v2/logs/audit", post(audit))
        .route("/v2/logs/forensics", post(forensics))
}

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(format!("Invalid request parameters: {}", message.into()))
}

/// Epoch milliseconds from a number, a numeric string or an RFC 3339 date.
fn date(obj: &Map<String, Value>, key: &str) -> Result<Option<i64>, ApiError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .map(Some)
            .ok_or_else(|| bad(format!("{key} must be epoch milliseconds"))),
        Some(Value::String(s)) => {
            if let Ok(n) = s.trim().parse::<i64>() {
                return Ok(Some(n));
            }
            OffsetDateTime::parse(s.trim(), &Rfc3339)
                .map(|t| Some(timefmt::epoch_millis(t)))
                .map_err(|_| {
                    bad(format!(
                        "{key} must be epoch milliseconds or an ISO-8601 date"
                    ))
                })
        }
        Some(_) => Err(bad(format!("{key} must be epoch milliseconds"))),
    }
}

fn search_after(value: Option<&Value>) -> Result<Option<(i64, u128)>, ApiError> {
    let list = match value {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Array(list)) if list.is_empty() => return Ok(None),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(bad("search_after must be an array")),
    };
    let invalid = || {
        bad("search_after must be the SearchAfterValues of a previous result: [timestamp, \"luminate-<log type>#<id>\"]")
    };
    let ts = match list.first() {
        Some(Value::Number(n)) => n.as_i64().ok_or_else(invalid)?,
        Some(Value::String(s)) => s.trim().parse::<i64>().map_err(|_| invalid())?,
        _ => return Err(invalid()),
    };
    let tiebreak = match list.get(1) {
        Some(Value::String(s)) => parse_tiebreak(s).ok_or_else(invalid)?,
        None => u128::MAX,
        _ => return Err(invalid()),
    };
    if list.len() > 2 {
        return Err(invalid());
    }
    Ok(Some((ts, tiebreak)))
}

fn parse(body: ApiJson) -> Result<SearchQuery, ApiError> {
    let obj = body.object(false)?;
    let size = match obj.get("size") {
        None | Some(Value::Null) => MAX_SIZE,
        Some(Value::Number(n)) => {
            let n = n.as_i64().ok_or_else(|| bad("size must be an integer"))?;
            if !(0..=MAX_SIZE as i64).contains(&n) {
                return Err(bad(format!(
                    "size must be between 0 and {MAX_SIZE} (got {n})"
                )));
            }
            usize::try_from(n).unwrap_or(MAX_SIZE)
        }
        Some(_) => return Err(bad("size must be an integer")),
    };
    let query = match obj.get("query") {
        Some(Value::Object(q)) => q.clone(),
        None | Some(Value::Null) => return Err(bad("query is required")),
        Some(_) => return Err(bad("query must be an object")),
    };
    let terms = match query.get("free_text") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => s
            .split_whitespace()
            .map(|t| t.trim_matches('"').to_lowercase())
            .filter(|t| !t.is_empty())
            .collect(),
        Some(_) => return Err(bad("free_text must be a string")),
    };
    let now = timefmt::epoch_millis(timefmt::now());
    let window = i64::try_from(MAX_WINDOW.whole_milliseconds()).unwrap_or(i64::MAX);
    let (from_ms, to_ms) = match (date(&query, "from_date")?, date(&query, "to_date")?) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => (from, now.max(from)),
        (None, Some(to)) => (to - window, to),
        (None, None) => (now - window, now),
    };
    SearchQuery::check_window(from_ms, to_ms)?;
    let fields = match query.get("match_or_fields") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .map(|entry| {
                let entry = entry
                    .as_object()
                    .ok_or_else(|| bad("match_or_fields entries must be objects"))?;
                let name = entry
                    .get("field_name")
                    .and_then(Value::as_str)
                    .filter(|n| !n.trim().is_empty())
                    .ok_or_else(|| bad("match_or_fields entries need a field_name"))?;
                let values = match entry.get("field_values") {
                    Some(Value::Array(values)) => values
                        .iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(s.to_lowercase()),
                            Value::Number(n) => Ok(n.to_string()),
                            Value::Bool(b) => Ok(b.to_string()),
                            _ => Err(bad("field_values must be strings or numbers")),
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                    _ => return Err(bad("match_or_fields entries need field_values (an array)")),
                };
                Ok((name.trim().to_owned(), values))
            })
            .collect::<Result<Vec<_>, ApiError>>()?,
        Some(_) => return Err(bad("match_or_fields must be an array")),
    };
    Ok(SearchQuery {
        terms,
        from_ms,
        to_ms,
        fields,
        size,
        search_after: search_after(obj.get("search_after"))?,
    })
}

fn search(emulator: &Emulator, kind: LogKind, body: ApiJson) -> Result<Json<Value>, ApiError> {
    let query = parse(body)?;
    let tenant = emulator.tenant();
    let (hits, page) = tenant.logs.search(kind, &query);
    let logs: Vec<Value> = page
        .into_iter()
        .filter_map(|i| tenant.logs.render(kind, i))
        .collect();
    Ok(Json(json!({"Hits": hits, "Logs": logs})))
}

async fn audit(State(emulator): State<Emulator>, body: ApiJson) -> Result<Json<Value>, ApiError> {
    search(&emulator, LogKind::Audit, body)
}

async fn forensics(
    State(emulator): State<Emulator>,
    body: ApiJson,
) -> Result<Json<Value>, ApiError> {
    search(&emulator, LogKind::Forensics, body)
}
