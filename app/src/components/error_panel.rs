//! How an error looks on a page: what happened, what to do, and the request id.

use crate::error::{AppError, ErrorKind};
use leptos::prelude::*;

#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_http_status(&error);
    let signed_out = error.kind == ErrorKind::SignedOut;
    view! {
        <section class="panel error-panel" role="alert">
            <h2>{error.title()}</h2>
            <p>{error.message.clone()}</p>
            <p class="muted">{error.hint.clone()}</p>
            {error
                .request_id
                .clone()
                .map(|id| {
                    view! {
                        <p class="request-id">
                            "Tenant request id: " <code>{id}</code>
                        </p>
                    }
                })}
            {signed_out.then(|| view! { <a class="btn primary" href="/login" rel="external">"Sign in"</a> })}
        </section>
    }
}

/// Without JavaScript, the HTTP status is what a browser (and a script) sees.
#[cfg(feature = "ssr")]
fn set_http_status(error: &AppError) {
    use http::StatusCode;
    let status = match error.kind {
        ErrorKind::SignedOut => StatusCode::UNAUTHORIZED,
        ErrorKind::Forbidden => StatusCode::FORBIDDEN,
        ErrorKind::NotFound => StatusCode::NOT_FOUND,
        ErrorKind::Invalid | ErrorKind::Conflict => StatusCode::BAD_REQUEST,
        ErrorKind::Busy => StatusCode::SERVICE_UNAVAILABLE,
        ErrorKind::Upstream => StatusCode::BAD_GATEWAY,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}
