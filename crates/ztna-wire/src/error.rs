//! The error body of every non-2xx answer.

use crate::lenient::tolerant;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `{"request-identifier", "timestamp", "status", "reasonPhrase", "message"}`; some
/// deployments say `requestIdentifier` and add an `errors` array. Every field is optional and
/// a field of an unexpected type reads as absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(
        rename = "request-identifier",
        alias = "requestIdentifier",
        alias = "request_identifier",
        default,
        deserialize_with = "tolerant"
    )]
    pub request_identifier: Option<String>,
    #[serde(default, deserialize_with = "tolerant")]
    pub timestamp: Option<i64>,
    #[serde(default, deserialize_with = "tolerant")]
    pub status: Option<u16>,
    #[serde(
        rename = "reasonPhrase",
        alias = "reason_phrase",
        default,
        deserialize_with = "tolerant"
    )]
    pub reason_phrase: Option<String>,
    #[serde(default, deserialize_with = "tolerant")]
    pub message: Option<String>,
    #[serde(default, deserialize_with = "tolerant")]
    pub errors: Vec<Value>,
}

impl ErrorBody {
    /// The most useful human text: `message`, else the first entry of `errors` (its
    /// `message` or the string itself), else `reasonPhrase`.
    pub fn summary(&self) -> Option<String> {
        let nonempty = |s: &String| !s.trim().is_empty();
        if let Some(m) = self.message.as_ref().filter(|s| nonempty(s)) {
            return Some(m.clone());
        }
        for e in &self.errors {
            let text = match e {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o
                    .get("message")
                    .or_else(|| o.get("defaultMessage"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                _ => None,
            };
            if let Some(t) = text.filter(nonempty) {
                return Some(t);
            }
        }
        self.reason_phrase.clone().filter(nonempty)
    }

    /// A field named by the `errors` entries (`{"field": "name", ...}`), if any.
    pub fn error_field(&self) -> Option<String> {
        self.errors.iter().find_map(|e| {
            e.get("field")
                .or_else(|| e.get("property"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        })
    }
}
