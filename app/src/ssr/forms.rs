//! Forms that work without JavaScript keep what the person typed when they fail.
//!
//! An `ActionForm` posted without JavaScript is a plain form post to the server function;
//! on error, Leptos sends the browser back to the page with only the error in the URL, and
//! the typed values are gone. For such posts, [`keep_input`] redirects to the form's page
//! with the (non-secret) typed values as query parameters plus the encoded error, which the
//! page reads to fill the form and show the message at the field. With JavaScript the form
//! is never reloaded, so nothing is needed.

use crate::error::AppError;
use crate::model::encode_component;
use leptos::server_fn::error::ServerFnUrlError;

/// Is the current request a plain (not JavaScript) form post?
pub fn is_plain_form_post() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// On error in a plain form post, sends the browser back to `page` with `fields` (never
/// a secret) and the error for the server function at `server_fn_path`.
pub fn keep_input<T>(
    server_fn_path: &str,
    page: &str,
    fields: &[(&str, &str)],
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    if let Err(error) = &result {
        if is_plain_form_post() {
            if let Some(location) = location(server_fn_path, page, fields, error) {
                leptos_axum::redirect(&location);
            }
        }
    }
    result
}

/// The page URL with the typed values and the encoded error (path and query only).
pub fn location(
    server_fn_path: &str,
    page: &str,
    fields: &[(&str, &str)],
    error: &AppError,
) -> Option<String> {
    let query = fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        // `%20`, not `+`, for spaces: the router reads query values percent-decoded only.
        .map(|(k, v)| format!("{k}={}", encode_component(v).replace('+', "%20")))
        .collect::<Vec<_>>()
        .join("&");
    let base = if query.is_empty() {
        format!("http://console.invalid{page}")
    } else {
        format!("http://console.invalid{page}?{query}")
    };
    let url = ServerFnUrlError::new(server_fn_path, error.clone())
        .to_url(&base)
        .ok()?;
    Some(match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn the_location_keeps_the_fields_and_carries_the_error() {
        let mut error = AppError::new(ErrorKind::Conflict, "taken", "choose another");
        error.field = Some("name".into());
        let at = location(
            "/api/sites/create",
            "/sites/new",
            &[("name", "Paris Office"), ("region", ""), ("mode", "site")],
            &error,
        )
        .unwrap_or_default();
        assert!(
            at.starts_with("/sites/new?name=Paris%20Office&mode=site&__path="),
            "{at}"
        );
        assert!(at.contains("__err="), "{at}");
        assert!(!at.contains("region="), "empty values are left out");
    }
}
