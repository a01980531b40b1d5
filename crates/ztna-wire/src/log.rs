//! Audit and forensics log search (`POST /v2/logs/audit`, `POST /v2/logs/forensics`).
//!
//! Log documents vary by log type and version, so each is kept as JSON ([`LogEntry::data`])
//! with typed accessors for the common fields. `search_after` cursors are arrays of mixed
//! numbers and strings, passed back exactly as received.

use crate::lenient::{datetime_of, decode_embedded_json, flex_i64, flex_string, null_default};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

/// The body of a log search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogSearch {
    pub query: SearchQuery,
    /// 0..=1000 (documented default 1000).
    #[serde(default = "LogSearch::default_size")]
    pub size: u32,
    /// The `SearchAfterValues` of the last document of the previous page (absent for the
    /// first page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search_after: Option<Vec<Value>>,
}

impl LogSearch {
    pub const MAX_SIZE: u32 = 1000;
    /// The longest window the tenant accepts between `from_date` and `to_date`.
    pub const MAX_WINDOW_MS: i64 = 30 * 24 * 60 * 60 * 1000;

    fn default_size() -> u32 {
        Self::MAX_SIZE
    }

    /// A first-page search of `query` with `size` documents per page (clamped to 1..=1000).
    pub fn new(query: SearchQuery, size: u32) -> Self {
        Self {
            query,
            size: size.clamp(1, Self::MAX_SIZE),
            search_after: None,
        }
    }
}

/// The query of a log search: free text, a time window (epoch milliseconds, at most 30
/// days) and field matches (any value of a field matches).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free_text: Option<String>,
    #[serde(default, deserialize_with = "flex_i64")]
    pub from_date: i64,
    #[serde(default, deserialize_with = "flex_i64")]
    pub to_date: i64,
    #[serde(
        default,
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub match_or_fields: Vec<MatchField>,
}

impl SearchQuery {
    /// Whether the window is non-empty and at most 30 days long.
    pub fn window_ok(&self) -> bool {
        self.to_date >= self.from_date && self.to_date - self.from_date <= LogSearch::MAX_WINDOW_MS
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchField {
    #[serde(default, deserialize_with = "flex_string")]
    pub field_name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub field_values: Vec<String>,
}

/// The answer of a log search: the total number of hits and this page's documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogSearchResult {
    #[serde(
        rename = "Hits",
        alias = "hits",
        default,
        deserialize_with = "flex_i64"
    )]
    pub hits: i64,
    #[serde(
        rename = "Logs",
        alias = "logs",
        default,
        deserialize_with = "null_default"
    )]
    pub logs: Vec<LogEntry>,
}

/// One log document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    #[serde(rename = "Id", alias = "id", default, deserialize_with = "flex_string")]
    pub id: String,
    /// The document as the tenant sent it.
    #[serde(rename = "Data", alias = "data", default)]
    pub data: Value,
    /// The cursor that continues after this document (numbers and strings, as received).
    #[serde(
        rename = "SearchAfterValues",
        alias = "searchAfterValues",
        default,
        deserialize_with = "null_default"
    )]
    pub search_after_values: Vec<Value>,
}

impl LogEntry {
    /// A field of the document.
    pub fn field(&self, name: &str) -> Option<&Value> {
        self.data.get(name).filter(|v| !v.is_null())
    }

    /// The first of `names` that holds a non-empty string (trailing newlines, which some log
    /// types add, removed).
    pub fn text(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.field(n)
                .and_then(Value::as_str)
                .map(|s| s.trim_end_matches(['\n', '\r']))
                .filter(|s| !s.is_empty())
        })
    }

    /// `@timestamp`.
    pub fn timestamp(&self) -> Option<OffsetDateTime> {
        self.field("@timestamp")
            .or_else(|| self.field("timestamp"))
            .and_then(datetime_of)
    }

    /// `eventType` (audit) or `event_type` (forensics).
    pub fn event_type(&self) -> Option<&str> {
        self.text(&["eventType", "event_type"])
    }

    /// `eventStatus` (audit) or `action_result` (forensics).
    pub fn outcome(&self) -> Option<&str> {
        self.text(&["eventStatus", "action_result"])
    }

    /// Who acted: `user`, else `entity_name`.
    pub fn user(&self) -> Option<&str> {
        self.text(&["user", "entity_name"])
    }

    /// The client address (`client_ip`, `clientip`, `sourceHost`).
    pub fn client_ip(&self) -> Option<&str> {
        self.text(&["client_ip", "clientip", "sourceHost"])
    }

    /// What was acted on: `resourceName` (audit) or `app_name` (forensics).
    pub fn resource_name(&self) -> Option<&str> {
        self.text(&["resourceName", "app_name"])
    }

    /// A one-line description: `summary`, `description`, else the event type.
    pub fn summary(&self) -> Option<&str> {
        self.text(&["summary", "description"])
            .or_else(|| self.event_type())
    }

    /// `message`, which carries an escaped JSON document, decoded.
    pub fn message_json(&self) -> Option<Value> {
        self.field("message")
            .and_then(Value::as_str)
            .and_then(decode_embedded_json)
    }

    /// `previous_revision` and `current_revision` of a change, decoded.
    pub fn revisions(&self) -> (Option<Value>, Option<Value>) {
        let get = |n: &str| {
            self.field(n)
                .and_then(Value::as_str)
                .and_then(decode_embedded_json)
        };
        (get("previous_revision"), get("current_revision"))
    }
}
