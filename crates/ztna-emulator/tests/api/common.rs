//! Shared helpers: an in-process client holding a bearer token, and error-body checks.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use base64::Engine;
use serde_json::Value;
use tower::ServiceExt;
use ztna_emulator::{Emulator, EmulatorConfig, REQUEST_ID_HEADER};

pub const CLIENT_ID: &str = "test-client";
pub const CLIENT_SECRET: &str = "test-secret-value";

/// A small tenant without rate limit, so functional tests are not throttled.
pub fn config() -> EmulatorConfig {
    EmulatorConfig {
        seed: 7,
        client_id: CLIENT_ID.into(),
        client_secret: CLIENT_SECRET.into(),
        rate_per_second: 0,
        // The reference's example objects (three extra sites among them) are left out here:
        // these tests count the generated sites and use the examples' ids as unknown ids.
        // `examples_config()` has them.
        reference_examples: false,
        // Small logs: the full 250,000 documents take seconds to generate in a debug build,
        // for every tenant. `tests/api/startup.rs` builds the full default tenant once.
        audit_logs: 3_000,
        forensics_logs: 12_000,
        ..EmulatorConfig::default()
    }
}

/// [`config`] with the reference's example objects under their documented ids.
pub fn examples_config() -> EmulatorConfig {
    EmulatorConfig {
        reference_examples: true,
        ..config()
    }
}

pub fn basic(id: &str, secret: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"))
    )
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Resp {
    pub fn request_id(&self) -> String {
        self.headers
            .get(REQUEST_ID_HEADER)
            .expect("x-lum-request-id header")
            .to_str()
            .unwrap()
            .to_owned()
    }

    /// Asserts the documented error body, with the header's request id.
    #[track_caller]
    pub fn assert_error(&self, status: u16) -> &str {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        let obj = self.body.as_object().expect("error body is an object");
        let mut keys: Vec<_> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "message",
                "reasonPhrase",
                "request-identifier",
                "status",
                "timestamp"
            ]
        );
        assert_eq!(obj["request-identifier"], self.request_id());
        assert_eq!(obj["status"], status);
        assert!(obj["timestamp"].as_i64().unwrap() > 1_600_000_000_000);
        assert_eq!(
            obj["reasonPhrase"],
            StatusCode::from_u16(status)
                .unwrap()
                .canonical_reason()
                .unwrap()
        );
        obj["message"].as_str().unwrap()
    }
}

/// Sends one request through the router, with optional authorization and JSON body.
pub async fn send(
    router: &Router,
    method: Method,
    path: &str,
    authorization: Option<&str>,
    body: Option<Value>,
) -> Resp {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(auth) = authorization {
        request = request.header(header::AUTHORIZATION, auth);
    }
    let body = match body {
        Some(v) => {
            request = request.header(header::CONTENT_TYPE, "application/json");
            Body::from(serde_json::to_vec(&v).unwrap())
        }
        None => Body::empty(),
    };
    let response = router
        .clone()
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("non-JSON body: {}", String::from_utf8_lossy(&bytes)))
    };
    // Every response, success or not, carries a request id.
    let id = headers
        .get(REQUEST_ID_HEADER)
        .expect("x-lum-request-id on every response");
    assert!(uuid::Uuid::parse_str(id.to_str().unwrap()).is_ok());
    Resp {
        status,
        headers,
        body,
    }
}

/// An authenticated in-process client.
pub struct Api {
    pub emulator: Emulator,
    pub router: Router,
    pub bearer: String,
}

impl Api {
    pub async fn new() -> Self {
        Self::with(config()).await
    }

    pub async fn with(config: EmulatorConfig) -> Self {
        let emulator = Emulator::new(config);
        let router = emulator.router();
        let token = send(
            &router,
            Method::POST,
            "/v1/oauth/token",
            Some(&basic(CLIENT_ID, CLIENT_SECRET)),
            None,
        )
        .await;
        assert_eq!(token.status, StatusCode::OK, "{}", token.body);
        let bearer = format!("Bearer {}", token.body["access_token"].as_str().unwrap());
        Self {
            emulator,
            router,
            bearer,
        }
    }

    pub async fn get(&self, path: &str) -> Resp {
        send(&self.router, Method::GET, path, Some(&self.bearer), None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Resp {
        send(
            &self.router,
            Method::POST,
            path,
            Some(&self.bearer),
            Some(body),
        )
        .await
    }

    pub async fn put(&self, path: &str, body: Value) -> Resp {
        send(
            &self.router,
            Method::PUT,
            path,
            Some(&self.bearer),
            Some(body),
        )
        .await
    }

    pub async fn delete(&self, path: &str) -> Resp {
        send(&self.router, Method::DELETE, path, Some(&self.bearer), None).await
    }

    /// `/_emulator` calls need no token.
    pub async fn control(&self, method: Method, path: &str, body: Option<Value>) -> Resp {
        send(&self.router, method, path, None, body).await
    }

    /// Every site (all pages).
    pub async fn all_sites(&self) -> Vec<Value> {
        let mut all = Vec::new();
        for page in 0.. {
            let r = self.get(&format!("/v2/sites?size=100&page={page}")).await;
            assert_eq!(r.status, StatusCode::OK);
            all.extend(r.body["content"].as_array().unwrap().iter().cloned());
            if r.body["last"] == true {
                break;
            }
        }
        all
    }

    /// Every connector (all pages).
    pub async fn all_connectors(&self) -> Vec<Value> {
        let mut all = Vec::new();
        for page in 0.. {
            let r = self
                .get(&format!("/v2/connectors?size=100&page={page}"))
                .await;
            assert_eq!(r.status, StatusCode::OK);
            all.extend(r.body["content"].as_array().unwrap().iter().cloned());
            if r.body["last"] == true {
                break;
            }
        }
        all
    }

    /// The first site in the given authentication mode.
    pub async fn site_in_mode(&self, mode: &str) -> Value {
        self.all_sites()
            .await
            .into_iter()
            .find(|s| s["authentication_mode"] == mode)
            .unwrap_or_else(|| panic!("no {mode}-mode site"))
    }

    /// The id of a fixed editor site by name.
    pub fn editor_site(&self, name: &str) -> String {
        self.emulator
            .editor_sites()
            .into_iter()
            .find(|(_, n)| n == name)
            .map(|(id, _)| id)
            .unwrap()
    }
}
