//! CSRF protection for every state-changing request.
//!
//! Browsers state where a request comes from (`Sec-Fetch-Site`, `Origin`); a request that
//! changes state is accepted only when it comes from this console's own origin. This
//! covers the sign-in and sign-out forms and every server function (which are POSTs),
//! with or without JavaScript, and needs no token in pages. The session cookie is also
//! `SameSite=Lax`, a second line of defence.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, Method, StatusCode};

pub async fn guard(request: Request, next: Next) -> Response {
    if is_safe(request.method()) || same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "cross-site request refused");
        (
            StatusCode::FORBIDDEN,
            "This request did not come from the console's own pages, so it was refused. Reload the console and try again.",
        )
            .into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        // "none" is a navigation the person started (typed URL, bookmark).
        return site == "same-origin" || site == "none";
    }
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match source.and_then(authority) {
        Some(authority) => authority.eq_ignore_ascii_case(host),
        None => false,
    }
}

/// `host[:port]` of an absolute http(s) URL.
fn authority(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    (!authority.is_empty() && !authority.contains('@')).then_some(authority)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_origin_rules() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://evil.example")
        ])));
        assert!(same_origin(&headers(&[
            ("host", "c.example"),
            ("referer", "https://c.example/sites?q=1")
        ])));
        assert!(!same_origin(&headers(&[
            ("host", "c.example"),
            ("referer", "https://c.example@evil/")
        ])));
        assert!(
            !same_origin(&headers(&[("host", "c.example")])),
            "no origin at all is refused"
        );
        assert!(!same_origin(&headers(&[
            ("host", "c.example"),
            ("origin", "null")
        ])));
    }
}
