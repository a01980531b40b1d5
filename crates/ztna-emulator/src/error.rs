//! The documented error body, the request id, and the middleware that ties them together.
//!
//! Every response gets a fresh `x-lum-request-id`. Handlers and inner middleware only say
//! *which* error happened ([`ApiError`]); the outermost middleware ([`request_context`])
//! renders the body, so the `request-identifier` in the body is always the id in the header,
//! and even errors produced by axum itself (405, body rejections) get the documented shape.

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use thiserror::Error;
use uuid::Uuid;

use crate::timefmt;
use crate::Emulator;

/// Response header carrying the per-request id.
pub const REQUEST_ID_HEADER: &str = "x-lum-request-id";

/// A failed tenant operation; also returned by the library controls
/// ([`Emulator::register_connector`], [`Emulator::set_connector_health`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EmulatorError {
    /// The id is not a UUID.
    #[error("Invalid request parameters: Invalid ID format - failed to process request")]
    InvalidId,
    /// The request is well-formed JSON but not acceptable.
    #[error("{0}")]
    BadRequest(String),
    /// No object with that id or name.
    #[error("{0}")]
    NotFound(String),
    /// A unique field clashes with an existing object.
    #[error("{0}")]
    Conflict(String),
}

impl EmulatorError {
    /// HTTP status the tenant answers with for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::InvalidId | Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Conflict(_) => StatusCode::CONFLICT,
        }
    }
}

/// An error response in the making: status and message; the body is rendered by
/// [`request_context`] once the request id is known.
#[derive(Debug, Clone, Error)]
#[error("{status}: {message}")]
pub(crate) struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, message)
    }
}

impl From<EmulatorError> for ApiError {
    fn from(err: EmulatorError) -> Self {
        Self::new(err.status(), err.to_string())
    }
}

/// Carried in the response extensions from the handler to [`request_context`].
#[derive(Clone)]
struct ErrorMessage(String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        response.extensions_mut().insert(ErrorMessage(self.message));
        response
    }
}

/// The documented error body.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    #[serde(rename = "request-identifier")]
    request_identifier: String,
    timestamp: i64,
    status: u16,
    #[serde(rename = "reasonPhrase")]
    reason_phrase: &'a str,
    message: &'a str,
}

fn render_error(status: StatusCode, request_id: Uuid, message: &str) -> Response {
    let body = ErrorBody {
        request_identifier: request_id.to_string(),
        timestamp: timefmt::epoch_millis(timefmt::now()),
        status: status.as_u16(),
        reason_phrase: status.canonical_reason().unwrap_or("Error"),
        message,
    };
    let bytes = serde_json::to_vec(&body).unwrap_or_default();
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// Outermost middleware: assigns the request id, renders error bodies, counts the request.
pub(crate) async fn request_context(
    State(emulator): State<Emulator>,
    request: Request,
    next: Next,
) -> Response {
    let request_id = Uuid::new_v4();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let operation = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned());

    let response = next.run(request).await;
    let status = response.status();
    let mut response = if status.is_client_error() || status.is_server_error() {
        let message = error_message(response).await;
        render_error(status, request_id, &message)
    } else {
        response
    };

    if let Ok(value) = HeaderValue::from_str(&request_id.to_string()) {
        response.headers_mut().insert(REQUEST_ID_HEADER, value);
    }
    if method != Method::HEAD {
        tracing::debug!(%method, %path, status = status.as_u16(), %request_id, "request");
    }
    emulator.record_request(&method, &path, operation.as_deref(), status);
    response
}

/// The message of an error response: ours from the extension, axum's from its plain-text body.
async fn error_message(response: Response) -> String {
    let status = response.status();
    if let Some(ErrorMessage(message)) = response.extensions().get::<ErrorMessage>() {
        return message.clone();
    }
    let text = axum::body::to_bytes(response.into_body(), 16 * 1024)
        .await
        .map(|bytes| String::from_utf8_lossy(&bytes).trim().to_owned())
        .unwrap_or_default();
    if text.is_empty() {
        status.canonical_reason().unwrap_or("Error").to_owned()
    } else {
        text
    }
}
