//! The one mapping from upstream (tenant API) errors to what a person sees.
//!
//! Every message says what went wrong and what to do, and carries the tenant's request
//! id when there is one. Nothing from the request itself (URL, headers, token) is
//! copied into a message.

use crate::error::{AppError, ErrorKind};
use ztna_client::ApiError;

pub fn from_api(error: &ApiError) -> AppError {
    let request_id = error.request_id().map(str::to_string);
    let app = match error {
        ApiError::BadRequest { message, .. } => AppError::new(
            ErrorKind::Invalid,
            format!("The tenant refused the request: {message}"),
            "Correct the input and try again.",
        ),
        ApiError::Unauthorized { .. } => AppError::new(
            ErrorKind::Upstream,
            "The console's API credentials were refused by the tenant.",
            "An operator must check the console's client id and secret (or client token).",
        ),
        ApiError::Forbidden { .. } => AppError::new(
            ErrorKind::Upstream,
            "The console's API client lacks a role or collection scope for this.",
            "A tenant admin must grant the console's API client the needed role in Tenant Roles.",
        ),
        ApiError::NotFound { .. } => AppError::new(
            ErrorKind::NotFound,
            "The tenant has no such object (it may have been deleted).",
            "Go back to the list and reload it.",
        ),
        ApiError::Conflict { message, field, .. } => {
            let mut e = AppError::new(
                ErrorKind::Conflict,
                match field {
                    Some(f) => format!("This {f} is already used by another object."),
                    None => format!("A value is already in use: {message}"),
                },
                "Choose a different value.",
            );
            e.field = field.clone();
            e
        }
        ApiError::RateLimited { .. } => AppError::new(
            ErrorKind::Busy,
            "The tenant is rate limiting requests right now.",
            "Wait a few seconds and try again.",
        ),
        ApiError::Busy { retry_after } => AppError::new(
            ErrorKind::Busy,
            "The tenant's request budget is used up by other work.",
            format!("Retry in {} s.", retry_after.as_secs().max(1)),
        ),
        ApiError::Upstream { status, .. } => AppError::new(
            ErrorKind::Upstream,
            format!("The tenant answered with an error (HTTP {status})."),
            "Try again in a minute; if it persists, contact support with the request id.",
        ),
        ApiError::Timeout => AppError::new(
            ErrorKind::Upstream,
            "The tenant did not answer in time.",
            "Try again in a minute.",
        ),
        ApiError::Transport { .. } => AppError::new(
            ErrorKind::Upstream,
            "The tenant could not be reached.",
            "Check the console's network and API origin setting, then try again.",
        ),
        ApiError::Decode { .. } => AppError::new(
            ErrorKind::Upstream,
            "The tenant's answer could not be read.",
            "Report this with the request id; the API may have changed.",
        ),
        ApiError::InvalidId { what } => AppError::new(
            ErrorKind::Invalid,
            format!("A {what} identifier is missing."),
            "Go back to the list and pick the object again.",
        ),
        ApiError::Cancelled => AppError::new(
            ErrorKind::Upstream,
            "The request was cancelled.",
            "Try again.",
        ),
        #[allow(unreachable_patterns)]
        _ => AppError::new(
            ErrorKind::Upstream,
            "The tenant request failed.",
            "Try again; if it persists, contact support with the request id.",
        ),
    };
    if !matches!(error, ApiError::Transport { .. } | ApiError::Decode { .. }) {
        tracing::info!(error = %error, request_id = ?request_id, "tenant call failed");
    } else {
        tracing::warn!(error = %error, request_id = ?request_id, "tenant call failed");
    }
    app.with_request_id(request_id)
}

/// A one-line description of a tenant error for the audit trail (the client's messages
/// never hold a token, a secret or a URL).
pub fn describe(error: &ApiError) -> String {
    error.to_string()
}
