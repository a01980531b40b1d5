//! The one error type a person sees.
//!
//! Every failure that reaches a page is an [`AppError`]: what went wrong, what to do
//! about it, and the tenant's request id (`x-lum-request-id`) when the tenant answered,
//! so support can trace it. Upstream errors are mapped to it in exactly one place
//! (`ssr::errors`).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// Not signed in, or the session ended.
    SignedOut,
    /// Signed in, but the role does not allow it.
    Forbidden,
    /// Missing, or outside the caller's scope (deliberately the same answer).
    NotFound,
    /// Bad input; `field` names the form field when there is one.
    Invalid,
    /// A value is already used by another object.
    Conflict,
    /// The tenant's rate budget is exhausted for now.
    Busy,
    /// The tenant answered with an error or could not be reached.
    Upstream,
    /// A fault in the console itself.
    Internal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    /// What went wrong, in one sentence.
    pub message: String,
    /// What the person can do about it.
    pub hint: String,
    /// The tenant's `x-lum-request-id`, when the tenant answered.
    pub request_id: Option<String>,
    /// The form field the message belongs to, for bad input.
    pub field: Option<String>,
}

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>, hint: impl Into<String>) -> Self {
        AppError {
            kind,
            message: message.into(),
            hint: hint.into(),
            request_id: None,
            field: None,
        }
    }

    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    pub fn signed_out() -> Self {
        AppError::new(
            ErrorKind::SignedOut,
            "Your session has ended.",
            "Sign in again to continue.",
        )
    }

    pub fn forbidden() -> Self {
        AppError::new(
            ErrorKind::Forbidden,
            "Your console role does not allow this.",
            "Ask a tenant admin if you need access.",
        )
    }

    /// The same answer for "missing" and "not yours", so nothing leaks.
    pub fn not_found(what: &str) -> Self {
        AppError::new(
            ErrorKind::NotFound,
            format!("This {what} was not found, or it is not yours to see."),
            "Check the link, or go back to the list.",
        )
    }

    pub fn internal() -> Self {
        AppError::new(
            ErrorKind::Internal,
            "The console hit an internal error.",
            "Try again; if it keeps happening, check the console's log.",
        )
    }

    pub fn title(&self) -> &'static str {
        match self.kind {
            ErrorKind::SignedOut => "Signed out",
            ErrorKind::Forbidden => "Not allowed",
            ErrorKind::NotFound => "Not found",
            ErrorKind::Invalid => "Please check your input",
            ErrorKind::Conflict => "Already in use",
            ErrorKind::Busy => "Tenant busy",
            ErrorKind::Upstream => "The tenant returned an error",
            ErrorKind::Internal => "Something went wrong",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The browser could not reach the console, or got an answer it could not read.
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => AppError::new(
                ErrorKind::Upstream,
                "The console could not be reached.",
                "Check your connection and try again.",
            ),
            _ => AppError::internal(),
        }
    }
}
