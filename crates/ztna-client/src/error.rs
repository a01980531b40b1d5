//! Errors: [`ApiError`] for calls, [`ClientError`] for construction.

use std::time::Duration;
use ztna_wire::ErrorBody;

fn secs_ceil(d: Duration) -> u128 {
    d.as_millis().div_ceil(1000).max(1)
}

fn rid(id: &Option<String>) -> String {
    match id {
        Some(id) => format!(" (request id {id})"),
        None => String::new(),
    }
}

/// The outcome of a failed call. Every variant that follows an HTTP answer carries the
/// answer's request id (header `x-lum-request-id`, else the body's `request-identifier`).
/// Messages never contain a token, a secret or a URL with credentials.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// 400: the tenant refused the request; `message` is the vendor's.
    #[error("the tenant refused the request: {message}{}", rid(.request_id))]
    BadRequest {
        message: String,
        request_id: Option<String>,
    },
    /// 401, after one token refresh (client credentials) or at once (static token).
    #[error("the tenant did not accept the console's API credentials{}", rid(.request_id))]
    Unauthorized { request_id: Option<String> },
    /// 403: the API client's role, or its collection scope, does not cover this.
    #[error(
        "the console's API client lacks the role or collection scope for this: {message}{}",
        rid(.request_id)
    )]
    Forbidden {
        message: String,
        request_id: Option<String>,
    },
    /// 404.
    #[error("not found{}", rid(.request_id))]
    NotFound { request_id: Option<String> },
    /// 409: a value is already used; `field` names it when the vendor's message does.
    #[error("conflict: {message}{}", rid(.request_id))]
    Conflict {
        message: String,
        field: Option<String>,
        request_id: Option<String>,
    },
    /// 429 still after the retries.
    #[error("the tenant is rate limiting the console; try again shortly{}", rid(.request_id))]
    RateLimited { request_id: Option<String> },
    /// Any other non-2xx answer (5xx after retries for idempotent calls, 3xx, ...).
    #[error("the tenant answered HTTP {status}: {message}{}", rid(.request_id))]
    Upstream {
        status: u16,
        message: String,
        request_id: Option<String>,
    },
    /// The call's lane is full: nothing was sent.
    #[error("tenant busy, retry in {} s", secs_ceil(*.retry_after))]
    Busy { retry_after: Duration },
    /// No answer within the request timeout (after retries for idempotent calls).
    #[error("the tenant did not answer in time")]
    Timeout,
    /// The tenant could not be reached.
    #[error("could not reach the tenant: {detail}")]
    Transport { detail: String },
    /// A 2xx answer whose body is not what the API documents.
    #[error("unexpected answer from the tenant: {detail}{}", rid(.request_id))]
    Decode {
        detail: String,
        request_id: Option<String>,
    },
    /// An empty (or `.`/`..`) identifier: refused before any URL was built.
    #[error("the {what} is empty or invalid")]
    InvalidId { what: &'static str },
    /// The client shut down while the call was queued.
    #[error("the call was cancelled")]
    Cancelled,
}

impl ApiError {
    /// The tenant's request id, for support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::BadRequest { request_id, .. }
            | Self::Unauthorized { request_id }
            | Self::Forbidden { request_id, .. }
            | Self::NotFound { request_id }
            | Self::Conflict { request_id, .. }
            | Self::RateLimited { request_id }
            | Self::Upstream { request_id, .. }
            | Self::Decode { request_id, .. } => request_id.as_deref(),
            Self::Busy { .. }
            | Self::Timeout
            | Self::Transport { .. }
            | Self::InvalidId { .. }
            | Self::Cancelled => None,
        }
    }

    /// The HTTP status of the answer this error follows, if any.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::BadRequest { .. } => Some(400),
            Self::Unauthorized { .. } => Some(401),
            Self::Forbidden { .. } => Some(403),
            Self::NotFound { .. } => Some(404),
            Self::Conflict { .. } => Some(409),
            Self::RateLimited { .. } => Some(429),
            Self::Upstream { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Builds the error of a non-2xx answer.
    pub(crate) fn from_answer(status: u16, request_id: Option<String>, body: &[u8]) -> Self {
        let parsed: Option<ErrorBody> = serde_json::from_slice(body).ok();
        let request_id = request_id.or_else(|| {
            parsed
                .as_ref()
                .and_then(|b| b.request_identifier.clone())
                .filter(|s| !s.is_empty())
        });
        let message = parsed
            .as_ref()
            .and_then(ErrorBody::summary)
            .map(|m| truncate(m.trim(), 500))
            .unwrap_or_else(|| fallback_message(status, body));
        match status {
            400 => Self::BadRequest {
                message,
                request_id,
            },
            401 => Self::Unauthorized { request_id },
            403 => Self::Forbidden {
                message,
                request_id,
            },
            404 => Self::NotFound { request_id },
            409 => Self::Conflict {
                field: parsed
                    .as_ref()
                    .and_then(ErrorBody::error_field)
                    .or_else(|| conflict_field(&message)),
                message,
                request_id,
            },
            429 => Self::RateLimited { request_id },
            _ => Self::Upstream {
                status,
                message,
                request_id,
            },
        }
    }
}

/// The text of a body that is not an error document (plain text is kept, HTML is not).
fn fallback_message(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() || text.starts_with('<') || text.starts_with('{') {
        reqwest::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("no details")
            .to_owned()
    } else {
        truncate(text, 300)
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// Fields a conflict can be about, longest first.
const KNOWN_FIELDS: &[&str] = &[
    "kubernetes_persistent_volume_name",
    "authentication_mode",
    "deployment_type",
    "hostname",
    "region",
    "name",
];

/// The field a 409 message names, e.g. "Site with name 'X' already exists" → `name`,
/// "field 'kubernetes_persistent_volume_name' must be unique" → that.
pub(crate) fn conflict_field(message: &str) -> Option<String> {
    let words: Vec<&str> = message
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '\'' | '"' | '`')))
        .filter(|w| !w.is_empty())
        .collect();
    let unquote = |w: &str| w.trim_matches(|c| matches!(c, '\'' | '"' | '`')).to_owned();
    for pair in words.windows(2) {
        let lead = pair[0].to_ascii_lowercase();
        if matches!(
            lead.as_str(),
            "field" | "property" | "attribute" | "parameter"
        ) {
            let quoted = pair[1].starts_with(['\'', '"', '`']);
            let cand = unquote(pair[1]);
            let known = KNOWN_FIELDS.iter().any(|k| k.eq_ignore_ascii_case(&cand));
            if !cand.is_empty() && (quoted || known || cand.contains('_')) {
                return Some(cand);
            }
        }
    }
    for field in KNOWN_FIELDS {
        if words.iter().any(|w| unquote(w).eq_ignore_ascii_case(field)) {
            return Some((*field).to_owned());
        }
    }
    None
}

/// Why a [`crate::TenantClient`] could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("TenantClient::new must be called inside a tokio runtime")]
    NoRuntime,
    #[error("invalid client setting {key}: {reason}")]
    InvalidConfig {
        key: &'static str,
        reason: &'static str,
    },
    #[error("could not build the HTTP client: {detail}")]
    Http { detail: String },
}

/// A serde error message with the quoted input values left out (they could be secrets).
pub(crate) fn scrub_serde_message(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    let mut quote: Option<char> = None;
    for c in msg.chars() {
        match quote {
            Some(q) if c == q => {
                out.push('…');
                out.push(c);
                quote = None;
            }
            Some(_) => {}
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    quote = Some(c);
                }
            }
        }
    }
    truncate(&out, 300)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn conflict_fields() {
        for (msg, want) in [
            ("Site with name 'DataCenterEurope' already exists", Some("name")),
            ("name already exists", Some("name")),
            (
                "Value of field 'kubernetes_persistent_volume_name' is already used",
                Some("kubernetes_persistent_volume_name"),
            ),
            ("duplicate value for field display_name", Some("display_name")),
            ("Field \"hostname\" must be unique", Some("hostname")),
            (
                "Conflict - Value of one of the provided fields is already used by an existing object.",
                None,
            ),
            ("", None),
        ] {
            assert_eq!(conflict_field(msg).as_deref(), want, "{msg}");
        }
    }

    #[test]
    fn answers_map_to_variants() {
        let body = br#"{"request-identifier":"body-rid","status":400,"reasonPhrase":"Bad Request","message":"Invalid ID format"}"#;
        assert_eq!(
            ApiError::from_answer(400, Some("hdr-rid".into()), body),
            ApiError::BadRequest {
                message: "Invalid ID format".into(),
                request_id: Some("hdr-rid".into())
            }
        );
        // Without the header, the body's request id is used.
        assert_eq!(
            ApiError::from_answer(400, None, body).request_id(),
            Some("body-rid")
        );
        let e = ApiError::from_answer(502, None, b"<html>bad gateway</html>");
        assert_eq!(
            e,
            ApiError::Upstream {
                status: 502,
                message: "Bad Gateway".into(),
                request_id: None
            }
        );
        assert_eq!(
            ApiError::from_answer(503, None, b"try later").to_string(),
            "the tenant answered HTTP 503: try later"
        );
    }

    #[test]
    fn busy_message() {
        let e = ApiError::Busy {
            retry_after: Duration::from_millis(2500),
        };
        assert_eq!(e.to_string(), "tenant busy, retry in 3 s");
        let e = ApiError::Busy {
            retry_after: Duration::from_millis(10),
        };
        assert_eq!(e.to_string(), "tenant busy, retry in 1 s");
    }

    #[test]
    fn serde_messages_are_scrubbed() {
        assert_eq!(
            scrub_serde_message("invalid type: string \"s3cret\", expected u64 at line 1 column 9"),
            "invalid type: string \"…\", expected u64 at line 1 column 9"
        );
    }
}
