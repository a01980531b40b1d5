//! One-off pages for secrets, for browsers without JavaScript.
//!
//! With JavaScript, the deploy view and the registration-key panel fetch a secret through
//! a server function into their local state. Without it, their forms post here, and the
//! answer is a small page rendered for this request only: it is not a Leptos page (so no
//! state is serialised into it), it is `Cache-Control: no-store` (set by the security
//! headers layer) and nothing of it is logged. Authorization and the audit trail are the
//! same use cases the server functions call.

use crate::state::AppState;
use app::error::{AppError, ErrorKind};
use app::model::deploy::{DeploymentView, NewRegistrationKey, SECRET_NOTE};
use app::model::encode_component;
use app::ssr::authz::Principal;
use app::ssr::usecases::{connectors, registration_keys};
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use http::StatusCode;
use serde::Deserialize;

/// `POST /actions/sites/{site}/connectors/{connector}/deployment`
pub async fn deployment(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    Path((site_id, connector_id)): Path<(String, String)>,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return Redirect::to("/login?error=expired").into_response();
    };
    let back = format!(
        "/sites/{}/connectors/{}",
        encode_component(&site_id),
        encode_component(&connector_id)
    );
    match connectors::deployment(&state.console, &principal, &site_id, &connector_id).await {
        Ok(view) => page(&state, "Deployment command", &deployment_body(&view, &back)),
        Err(error) => error_page(&state, &error, &back),
    }
}

#[derive(Deserialize)]
pub struct RotateForm {
    #[serde(default)]
    previous: String,
}

/// `POST /actions/sites/{site}/keys/rotate` with `previous=keep|revoke`.
pub async fn rotate_key(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    Path(site_id): Path<String>,
    Form(form): Form<RotateForm>,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return Redirect::to("/login?error=expired").into_response();
    };
    let back = format!("/sites/{}", encode_component(&site_id));
    let revoke = form.previous == "revoke";
    match registration_keys::rotate(&state.console, &principal, &site_id, revoke).await {
        Ok(key) => page(&state, "New registration key", &key_body(&key, &back)),
        Err(error) => error_page(&state, &error, &back),
    }
}

fn deployment_body(view: &DeploymentView, back: &str) -> String {
    let expiry = match view.otp_expires_in {
        Some(secs) if secs > 0 => format!(
            "<p>The one-time password expires in {}.</p>",
            escape(&app::model::wizard::remaining(secs))
        ),
        Some(_) => "<p class=\"text-bad\">The one-time password has expired.</p>".to_string(),
        None => String::new(),
    };
    format!(
        "<h1>Deploy {name}</h1>\
         <p class=\"notice notice-warn\"><strong>The command holds a one-time secret.</strong> {note}</p>\
         {expiry}\
         <div class=\"copy-block\"><div class=\"copy-head\"><span class=\"copy-label\">Deployment command ({label})</span></div>\
         <pre class=\"copy-text\" id=\"deployment-command\" tabindex=\"0\"><code>{command}</code></pre></div>\
         <div class=\"copy-block\"><div class=\"copy-head\"><span class=\"copy-label\">Environment variables: {format}</span></div>\
         <pre class=\"copy-text\" id=\"deployment-environment\" tabindex=\"0\"><code>{environment}</code></pre></div>\
         <p class=\"muted\">Container name: <code>{container}</code></p>\
         <p class=\"muted\">This page is not stored: going back and showing it again fetches it anew.</p>\
         <p><a class=\"btn btn-primary\" href=\"{back}\">Back to the connector</a></p>",
        name = escape(&view.connector_name),
        note = escape(SECRET_NOTE),
        label = escape(&view.deployment_label),
        command = escape(&view.command),
        format = escape(&view.environment_format),
        environment = escape(&view.environment),
        container = escape(&view.container_name),
        back = escape(back),
    )
}

fn key_body(key: &NewRegistrationKey, back: &str) -> String {
    let previous = if key.revoked_previous {
        "The previous key was revoked: containers still using it can no longer register."
    } else {
        "The previous key (if any) keeps working for its grace period."
    };
    format!(
        "<h1>New registration key</h1>\
         <p class=\"notice notice-warn\"><strong>Copy the new key now: it is shown only this once.</strong> \
         Store it in your secret manager and pass it to the connector containers. {previous}</p>\
         <div class=\"copy-block\"><div class=\"copy-head\"><span class=\"copy-label\">New registration key</span></div>\
         <pre class=\"copy-text\" id=\"new-registration-key\" tabindex=\"0\"><code>{secret}</code></pre></div>\
         <p class=\"muted\">Key id: <code>{id}</code></p>\
         <p><a class=\"btn btn-primary\" href=\"{back}\">I have stored the key: back to the site</a></p>",
        secret = escape(&key.key),
        id = escape(&key.key_id),
        back = escape(back),
    )
}

fn error_page(state: &AppState, error: &AppError, back: &str) -> Response {
    let status = match error.kind {
        ErrorKind::SignedOut => StatusCode::UNAUTHORIZED,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Invalid | ErrorKind::Conflict => StatusCode::BAD_REQUEST,
        ErrorKind::Busy => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Upstream => StatusCode::BAD_GATEWAY,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let request_id = error
        .request_id
        .as_ref()
        .map(|id| {
            format!(
                "<p class=\"request-id\">Tenant request id: <code>{}</code></p>",
                escape(id)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<section class=\"panel error-panel\" role=\"alert\"><h2>{title}</h2><p>{message}</p>\
         <p class=\"muted\">{hint}</p>{request_id}</section><p><a class=\"btn\" href=\"{back}\">Back</a></p>",
        title = escape(error.title()),
        message = escape(&error.message),
        hint = escape(&error.hint),
        back = escape(back),
    );
    let mut response = page(state, error.title(), &body);
    *response.status_mut() = status;
    response
}

fn page(state: &AppState, title: &str, body: &str) -> Response {
    let options = &state.leptos_options;
    let css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"color-scheme\" content=\"light dark\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{title} · ZTNA Console</title><link rel=\"stylesheet\" href=\"{css}\"></head>\
         <body><header class=\"topbar\"><a class=\"brand\" href=\"/sites\">\
         <span class=\"brand-mark\" aria-hidden=\"true\">◆</span>ZTNA Console</a></header>\
         <main id=\"main\" class=\"content narrow stack\">{body}</main></body></html>",
        title = escape(title),
        css = escape(&css),
    ))
    .into_response()
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
