//! What every emulated API request passes before reaching a handler, in the tenant's order:
//! the tenant-wide rate limit, then any injected fault, then (for `/v2`) the bearer token.
//!
//! `/_emulator` is a local dev tool: it skips all three, so tests and the console can flip
//! state and read counters without spending the tenant's request budget.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::control::CONTROL_PREFIX;
use crate::error::ApiError;
use crate::Emulator;

pub(crate) fn is_control(path: &str) -> bool {
    path == CONTROL_PREFIX
        || path
            .strip_prefix(CONTROL_PREFIX)
            .is_some_and(|rest| rest.starts_with('/'))
}

fn requires_bearer(path: &str) -> bool {
    path == "/v2" || path.starts_with("/v2/")
}

pub(crate) fn rate_limit_message(rate: u32) -> String {
    format!("Rate limit exceeded: {rate} requests per second")
}

pub(crate) async fn gate(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    if is_control(path) {
        return next.run(request).await;
    }

    if let Some(degraded) = crate::life::degrade(&emulator).await {
        return degraded;
    }

    if !emulator.limiter().try_acquire() {
        return ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            rate_limit_message(emulator.limiter().rate()),
        )
        .into_response();
    }

    if let Some(fault) = emulator.take_fault(path) {
        let status =
            StatusCode::from_u16(fault.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let message = fault.message.unwrap_or_else(|| match status {
            StatusCode::TOO_MANY_REQUESTS => rate_limit_message(emulator.limiter().rate()),
            StatusCode::SERVICE_UNAVAILABLE => {
                "Service temporarily unavailable, please retry later".into()
            }
            StatusCode::UNAUTHORIZED => "Access token is invalid or expired".into(),
            _ => "Internal error - failed to process request".into(),
        });
        return ApiError::new(status, message).into_response();
    }

    if requires_bearer(path) {
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            });
        match bearer {
            None => {
                return ApiError::unauthorized(
                    "Full authentication is required to access this resource: missing Bearer token",
                )
                .into_response()
            }
            Some(token) if !emulator.accepts_bearer(token) => {
                return ApiError::unauthorized("Access token is invalid or expired").into_response()
            }
            Some(_) => {}
        }
    }

    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_paths() {
        assert!(is_control("/_emulator"));
        assert!(is_control("/_emulator/stats"));
        assert!(!is_control("/_emulatorx"));
        assert!(!is_control("/v2/sites"));
        assert!(requires_bearer("/v2/sites"));
        assert!(!requires_bearer("/v1/oauth/token"));
        assert!(!requires_bearer("/v20"));
    }
}
