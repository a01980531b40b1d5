//! `POST /v1/oauth/token`: HTTP Basic client id and secret in, bearer token out.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::Engine;
use serde::Serialize;

use crate::error::ApiError;
use crate::Emulator;

pub(crate) fn routes() -> Router<Emulator> {
    Router::new().route("/v1/oauth/token", post(issue))
}

/// Exactly the reference's response, field order included.
#[derive(Debug, Serialize)]
struct TokenResponse {
    access_token: String,
    expires_in: u64,
    scope: &'static str,
    token_type: &'static str,
    error: &'static str,
    error_description: &'static str,
}

/// `(client id, client secret)` from an `Authorization: Basic …` header.
fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let decoded = String::from_utf8(decoded).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

async fn issue(State(emulator): State<Emulator>, headers: HeaderMap) -> Result<Response, ApiError> {
    let Some((client_id, client_secret)) = basic_credentials(&headers) else {
        return Err(ApiError::unauthorized(
            "Full authentication is required: send the API client id and secret with HTTP Basic authentication",
        ));
    };
    if !emulator.check_client(&client_id, &client_secret) {
        return Err(ApiError::unauthorized("Bad client credentials"));
    }
    let body = TokenResponse {
        access_token: emulator.issue_token(),
        expires_in: emulator.token_ttl_secs(),
        scope: "luminate-scope",
        token_type: "Bearer",
        error: "",
        error_description: "",
    };
    let mut response = Json(body).into_response();
    // A bearer token must not be kept by any cache between us and the client.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_basic_credentials() {
        let mut headers = HeaderMap::new();
        assert!(basic_credentials(&headers).is_none());
        // "id:se:cret" — the secret may itself contain a colon.
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic aWQ6c2U6Y3JldA=="),
        );
        assert_eq!(
            basic_credentials(&headers),
            Some(("id".into(), "se:cret".into()))
        );
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer aWQ6c2VjcmV0"),
        );
        assert!(basic_credentials(&headers).is_none());
    }
}
