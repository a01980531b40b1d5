//! A scriptable fake tenant: records every request, answers with a closure.

use crate::{ApiOrigin, ClientConfig, Credentials, Secret, TenantClient};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One request as the fake saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    /// Raw path and query, as sent (not decoded).
    pub path: String,
    pub auth: Option<String>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Seen {
    pub fn is_token(&self) -> bool {
        self.path.starts_with("/v1/oauth/token")
    }
}

pub struct Reply {
    pub status: u16,
    pub body: String,
    pub request_id: Option<String>,
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: Value) -> Self {
        Self {
            status,
            body: body.to_string(),
            request_id: None,
            delay: Duration::ZERO,
        }
    }
    pub fn ok(body: Value) -> Self {
        Self::json(200, body)
    }
    pub fn raw(status: u16, body: &str) -> Self {
        Self {
            body: body.to_owned(),
            ..Self::json(status, Value::Null)
        }
    }
    pub fn rid(mut self, id: &str) -> Self {
        self.request_id = Some(id.to_owned());
        self
    }
    pub fn after(mut self, d: Duration) -> Self {
        self.delay = d;
        self
    }
}

/// A token answer `tok-{n}` (n from 1).
pub fn token_reply(n: usize) -> Reply {
    Reply::ok(json!({
        "access_token": format!("tok-{n}"), "expires_in": 3600, "scope": "luminate-scope",
        "token_type": "Bearer", "error": "", "error_description": ""
    }))
}

pub fn site_json(id: &str) -> Value {
    json!({"id": id, "name": format!("site {id}"), "authentication_mode": "connector"})
}

type Handler = dyn Fn(&Seen, usize) -> Reply + Send + Sync;

struct FakeState {
    seen: Mutex<Vec<Seen>>,
    handler: Box<Handler>,
}

pub struct Fake {
    pub origin: ApiOrigin,
    state: Arc<FakeState>,
}

async fn handle(
    State(st): State<Arc<FakeState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let seen = Seen {
        method: method.to_string(),
        path: uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        auth: headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: body.to_vec(),
        at: Instant::now(),
    };
    let reply = {
        let mut log = st.seen.lock().unwrap();
        let nth = log
            .iter()
            .filter(|s| s.method == seen.method && s.path == seen.path)
            .count();
        log.push(seen.clone());
        (st.handler)(&seen, nth)
    };
    if !reply.delay.is_zero() {
        tokio::time::sleep(reply.delay).await;
    }
    let mut h = HeaderMap::new();
    h.insert("content-type", HeaderValue::from_static("application/json"));
    if let Some(id) = reply.request_id {
        h.insert("x-lum-request-id", HeaderValue::from_str(&id).unwrap());
    }
    (StatusCode::from_u16(reply.status).unwrap(), h, reply.body).into_response()
}

impl Fake {
    pub async fn start(handler: impl Fn(&Seen, usize) -> Reply + Send + Sync + 'static) -> Self {
        let state = Arc::new(FakeState {
            seen: Mutex::new(Vec::new()),
            handler: Box::new(handler),
        });
        let app = Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            origin: ApiOrigin::parse(&format!("http://{addr}")).unwrap(),
            state,
        }
    }

    /// A fake answering every GET with a site named after the last path segment, writes with
    /// a site, deletes with 200, and token calls with `tok-n`.
    pub async fn sites() -> Self {
        Self::start(default_reply).await
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }

    pub fn api_calls(&self) -> Vec<Seen> {
        self.seen().into_iter().filter(|s| !s.is_token()).collect()
    }

    pub fn token_calls(&self) -> usize {
        self.seen().iter().filter(|s| s.is_token()).count()
    }

    pub fn count(&self, method: &str, path: &str) -> usize {
        self.seen()
            .iter()
            .filter(|s| s.method == method && s.path == path)
            .count()
    }

    /// Waits (up to 5 s) until the fake has seen `n` requests.
    pub async fn wait_for(&self, n: usize) {
        let deadline = Instant::now() + Duration::from_secs(5);
        while self.seen().len() < n {
            assert!(
                Instant::now() < deadline,
                "fake saw fewer than {n} requests"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

pub fn default_reply(s: &Seen, _nth: usize) -> Reply {
    if s.is_token() {
        return token_reply(1);
    }
    let path = s.path.split('?').next().unwrap_or_default();
    let last = path.rsplit('/').next().unwrap_or_default();
    match (s.method.as_str(), path) {
        ("GET", "/v2/regions") => Reply::ok(json!([{"name": "us-west1", "is_default": true}])),
        ("GET", p) if p.starts_with("/v2/regions/") => {
            Reply::ok(json!({"name": last, "is_default": false}))
        }
        ("GET", p) if p.ends_with("/registration_keys") => Reply::ok(json!({
            "registration_keys": [{"id": "k1", "status": "active"}]
        })),
        ("GET", p) if p.ends_with("/command") => {
            Reply::ok(json!({"deployment_commands": "docker run -e OTP='x'"}))
        }
        ("GET", "/v2/sites") => Reply::ok(json!({
            "content": [site_json("s1")], "first": true, "last": true, "size": 50,
            "totalElements": 1, "totalPages": 1, "number": 0, "numberOfElements": 1
        })),
        ("POST", "/v2/connectors") => Reply::json(201, json!({"id": "c1", "name": "c"})),
        ("GET", _) | ("POST", _) | ("PUT", _) => Reply::ok(site_json(last)),
        _ => Reply::raw(200, ""),
    }
}

/// A config for tests: fast limiter, short timeouts.
pub fn config(fake: &Fake, credentials: Credentials) -> ClientConfig {
    let mut c = ClientConfig::new(fake.origin.clone(), credentials);
    c.rate_per_second = 1000;
    c.request_timeout = Duration::from_secs(5);
    c
}

pub fn static_creds() -> Credentials {
    Credentials::StaticToken(Secret::new("static-tok"))
}

pub fn client_creds() -> Credentials {
    Credentials::ClientCredentials {
        client_id: "id".into(),
        client_secret: Secret::new("secret"),
    }
}

pub fn static_client(fake: &Fake, tweak: impl FnOnce(&mut ClientConfig)) -> TenantClient {
    let mut c = config(fake, static_creds());
    tweak(&mut c);
    TenantClient::new(c).unwrap()
}

pub fn creds_client(fake: &Fake, tweak: impl FnOnce(&mut ClientConfig)) -> TenantClient {
    let mut c = config(fake, client_creds());
    tweak(&mut c);
    TenantClient::new(c).unwrap()
}

/// The client's metrics in Prometheus text.
pub fn metrics_text(client: &TenantClient) -> String {
    let mut reg = prometheus_client::registry::Registry::default();
    client.register_metrics(&mut reg);
    let mut out = String::new();
    prometheus_client::encoding::text::encode(&mut out, &reg).unwrap();
    out
}
