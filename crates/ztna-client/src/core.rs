//! The generic request path: token, queue, send, retry, error mapping, cache and merge.

use crate::cache::{RawResponse, ReadCache, Start};
use crate::config::ClientConfig;
use crate::endpoint::{Endpoint, Target};
use crate::error::{scrub_serde_message, ApiError, ClientError};
use crate::metrics::Metrics;
use crate::origin::ApiOrigin;
use crate::queue::{Queue, SharedLane, Slot};
use crate::secret::Credentials;
use crate::token::{Bearer, TokenManager};
use crate::{request_ids, wait_probe};
use futures::future::BoxFuture;
use futures::FutureExt;
use rand::Rng;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use serde::de::DeserializeOwned;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use ztna_wire::TokenResponse;

/// Header carrying the tenant's request id.
pub(crate) const REQUEST_ID_HEADER: &str = "x-lum-request-id";

/// After a 429 the whole queue waits this long, plus up to [`THROTTLE_JITTER_MS`].
const THROTTLE_PAUSE: Duration = Duration::from_secs(1);
const THROTTLE_JITTER_MS: u64 = 250;

enum Auth {
    Bearer(Bearer),
    Basic,
}

pub(crate) struct Inner {
    pub origin: ApiOrigin,
    http: reqwest::Client,
    pub queue: Queue,
    pub tokens: TokenManager,
    pub cache: ReadCache,
    pub metrics: Metrics,
    max_retries: u32,
    pub last_success: Mutex<Option<std::time::Instant>>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.queue.close();
    }
}

fn check_config(c: &ClientConfig) -> Result<NonZeroU32, ClientError> {
    let invalid = |key, reason| Err(ClientError::InvalidConfig { key, reason });
    if c.max_queue == 0 {
        return invalid("max_queue", "must be at least 1");
    }
    if c.request_timeout.is_zero() {
        return invalid("request_timeout", "must be more than zero");
    }
    match &c.credentials {
        Credentials::ClientCredentials {
            client_id,
            client_secret,
        } => {
            if client_id.trim().is_empty() {
                return invalid("client_id", "is empty");
            }
            if client_secret.is_empty() {
                return invalid("client_secret", "is empty");
            }
        }
        Credentials::StaticToken(t) => {
            if t.expose().trim().is_empty() {
                return invalid("token", "is empty");
            }
        }
    }
    match NonZeroU32::new(c.rate_per_second) {
        Some(r) => Ok(r),
        None => invalid("rate_per_second", "must be at least 1"),
    }
}

impl Inner {
    pub fn build(config: ClientConfig) -> Result<Arc<Self>, ClientError> {
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(ClientError::NoRuntime);
        }
        let rate = check_config(&config)?;
        let http = reqwest::Client::builder()
            .timeout(config.request_timeout)
            .connect_timeout(config.request_timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("ztna-console/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| ClientError::Http {
                detail: e.to_string(),
            })?;
        let metrics = Metrics::new();
        Ok(Arc::new(Self {
            origin: config.origin,
            http,
            queue: Queue::start(rate, config.max_queue, metrics.clone()),
            tokens: TokenManager::new(config.credentials),
            cache: ReadCache::new(config.cache_ttl),
            metrics,
            max_retries: config.max_retries,
            last_success: Mutex::new(None),
        }))
    }

    /// A GET: from the cache, else joined to an identical running call, else a new call.
    pub async fn read(
        self: &Arc<Self>,
        ep: Endpoint,
        slot: Slot,
    ) -> Result<Arc<RawResponse>, ApiError> {
        let key = ep.path_and_query();
        let family = ep.family;
        let cacheable = ep.cacheable;
        let lane = Arc::new(SharedLane::new(slot));
        let start = self
            .cache
            .get_or_start(&key, family, cacheable, &lane, |generation, id| {
                let inner = Arc::clone(self);
                let key = key.clone();
                let lane = Arc::clone(&lane);
                async move {
                    let r = inner.execute_on(&ep, &lane).await.map(Arc::new);
                    inner
                        .cache
                        .finish(&key, family, id, generation, cacheable, &r);
                    r
                }
                .boxed()
                .shared()
            });
        let r = match start {
            Start::Hit(resp) => {
                self.metrics.cache_hits.inc();
                tracing::debug!(path = %key, "upstream cache hit");
                return Ok(resp);
            }
            Start::Flight(f) => f.await,
            Start::Joined(f, lane) => {
                // A joiner on a higher-priority lane must not wait at the first caller's.
                lane.raise(&self.queue, slot);
                f.await
            }
        };
        if let Ok(resp) = &r {
            wait_probe::record(resp.queue_wait);
            request_ids::record(resp.request_id.as_deref());
        }
        r
    }

    /// A write: sent, then the cached reads of its family and of the families it names in
    /// `also` are dropped (read-only searches drop nothing).
    pub async fn write(&self, ep: &Endpoint, slot: Slot) -> Result<RawResponse, ApiError> {
        let r = self.execute(ep, slot).await;
        if !matches!(r, Err(ApiError::Busy { .. } | ApiError::Cancelled)) {
            for family in ep.invalidates() {
                self.cache.invalidate(family);
            }
        }
        if let Ok(resp) = &r {
            wait_probe::record(resp.queue_wait);
            request_ids::record(resp.request_id.as_deref());
        }
        r
    }

    async fn bearer(&self) -> Result<Bearer, ApiError> {
        self.tokens.bearer(|| self.fetch_token()).await
    }

    /// Boxed (a concrete `dyn Future + Send`): it breaks the cycle
    /// `execute` → `bearer` → `fetch_token` → `execute` (token target, no bearer).
    fn fetch_token(&self) -> BoxFuture<'_, Result<TokenResponse, ApiError>> {
        async move {
            let ep = Endpoint::token();
            let raw = self.execute(&ep, Slot::Token).await?;
            let answer: TokenResponse =
                serde_json::from_slice(&raw.body).map_err(|_| ApiError::Decode {
                    detail: "the token answer is not the documented JSON".into(),
                    request_id: raw.request_id.clone(),
                })?;
            if answer.access_token.is_empty() {
                if !answer.error.is_empty() {
                    return Err(ApiError::Unauthorized {
                        request_id: raw.request_id.clone(),
                    });
                }
                return Err(ApiError::Decode {
                    detail: "the token answer has no access_token".into(),
                    request_id: raw.request_id.clone(),
                });
            }
            Ok(answer)
        }
        .boxed()
    }

    fn mark_answered(&self) {
        *self.last_success.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(std::time::Instant::now());
    }

    /// Sends `ep` through the queue until it has an answer: 429 pauses the whole queue and
    /// retries; 401 refreshes the token once (client credentials); 5xx, timeouts and transport
    /// errors are retried with backoff for idempotent calls only. Non-2xx ends as an error.
    pub async fn execute(&self, ep: &Endpoint, slot: Slot) -> Result<RawResponse, ApiError> {
        self.execute_on(ep, &SharedLane::new(slot)).await
    }

    /// [`Inner::execute`] on a lane that may rise while the call waits (merged GETs).
    async fn execute_on(&self, ep: &Endpoint, lane: &SharedLane) -> Result<RawResponse, ApiError> {
        let mut retries = 0u32;
        let mut refreshed = false;
        let mut again = false;
        let mut queue_wait = Duration::ZERO;
        loop {
            let auth = match ep.target {
                Target::Token => Auth::Basic,
                Target::Api => Auth::Bearer(self.bearer().await?),
            };
            let granted = lane.enqueue(&self.queue, again)?.granted().await;
            lane.sent();
            queue_wait += granted?;
            again = true;
            let started = std::time::Instant::now();
            let result = self.send_once(ep, &auth).await;
            let status = result.as_ref().ok().map(|r| r.status);
            self.metrics.request(ep.operation, status);
            tracing::debug!(
                operation = ep.operation,
                method = %ep.method,
                status = status.map_or_else(|| "error".to_owned(), |s| s.to_string()),
                duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                request_id = result.as_ref().ok().and_then(|r| r.request_id.as_deref()).unwrap_or("-"),
                retries,
                "upstream call"
            );
            let mut resp = match result {
                Ok(r) => r,
                Err(e) => {
                    if ep.is_idempotent() && retries < self.max_retries {
                        retries += 1;
                        tokio::time::sleep(backoff(retries)).await;
                        continue;
                    }
                    return Err(e);
                }
            };
            match resp.status {
                200..=299 => {
                    self.mark_answered();
                    resp.queue_wait = queue_wait;
                    return Ok(resp);
                }
                429 => {
                    self.metrics.throttled.inc();
                    let jitter = rand::thread_rng().gen_range(0..=THROTTLE_JITTER_MS);
                    self.queue
                        .pause_for(THROTTLE_PAUSE + Duration::from_millis(jitter));
                    if retries < self.max_retries {
                        retries += 1;
                        continue;
                    }
                }
                401 if ep.target == Target::Api && !self.tokens.is_static() && !refreshed => {
                    if let Auth::Bearer(b) = &auth {
                        self.tokens.invalidate(b.generation).await;
                    }
                    refreshed = true;
                    continue;
                }
                500..=599 if ep.is_idempotent() && retries < self.max_retries => {
                    retries += 1;
                    tokio::time::sleep(backoff(retries)).await;
                    continue;
                }
                s if s < 500 && !matches!(s, 401 | 403 | 429) => self.mark_answered(),
                _ => {}
            }
            let err = ApiError::from_answer(resp.status, resp.request_id, &resp.body);
            return Err(match (ep.target, err) {
                // The token endpoint says "bad credentials" with 400 or 401.
                (Target::Token, ApiError::BadRequest { request_id, .. }) => {
                    ApiError::Unauthorized { request_id }
                }
                (_, e) => e,
            });
        }
    }

    async fn send_once(&self, ep: &Endpoint, auth: &Auth) -> Result<RawResponse, ApiError> {
        let url = match ep.target {
            Target::Api => self.origin.api_url(&ep.path_and_query()),
            Target::Token => self.origin.token_url(),
        };
        let mut rb = self
            .http
            .request(ep.method.clone(), url)
            .header(ACCEPT, "application/json");
        rb = match auth {
            Auth::Bearer(b) => {
                let mut value = HeaderValue::try_from(format!("Bearer {}", b.token.expose()))
                    .map_err(|_| ApiError::Transport {
                        detail: "the API token has characters not allowed in an HTTP header".into(),
                    })?;
                value.set_sensitive(true);
                rb.header(AUTHORIZATION, value)
            }
            Auth::Basic => match self.tokens.basic() {
                Some((id, secret)) => rb.basic_auth(id, Some(secret.expose())),
                None => return Err(ApiError::Unauthorized { request_id: None }),
            },
        };
        if let Some(body) = &ep.body {
            rb = rb
                .header(CONTENT_TYPE, body.content_type)
                .body(body.bytes.clone());
        }
        let resp = rb.send().await.map_err(transport_error)?;
        let status = resp.status().as_u16();
        let request_id = resp
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);
        let body = resp.bytes().await.map_err(transport_error)?;
        Ok(RawResponse {
            status,
            request_id,
            body: body.to_vec(),
            queue_wait: Duration::ZERO,
        })
    }
}

/// Backoff before retry `n` (1-based): 200 ms, 400 ms, 800 ms, ... at most 5 s, plus jitter.
fn backoff(n: u32) -> Duration {
    let base = 200u64
        .saturating_mul(1 << n.saturating_sub(1).min(5))
        .min(5_000);
    Duration::from_millis(base + rand::thread_rng().gen_range(0..=100))
}

/// A transport failure, described without the URL (or anything else secret).
fn transport_error(e: reqwest::Error) -> ApiError {
    if e.is_timeout() {
        return ApiError::Timeout;
    }
    let e = e.without_url();
    let mut detail = if e.is_connect() {
        "connection failed"
    } else if e.is_body() || e.is_decode() {
        "reading the answer failed"
    } else if e.is_request() {
        "sending the request failed"
    } else {
        "HTTP error"
    }
    .to_owned();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        let text = s.to_string();
        if !text.is_empty() && !detail.ends_with(&text) {
            detail.push_str(": ");
            detail.push_str(&text);
        }
        source = s.source();
    }
    if detail.len() > 400 {
        let mut end = 400;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
    }
    ApiError::Transport { detail }
}

/// Decodes a 2xx body.
pub(crate) fn decode<T: DeserializeOwned>(raw: &RawResponse) -> Result<T, ApiError> {
    serde_json::from_slice(&raw.body).map_err(|e| ApiError::Decode {
        detail: scrub_serde_message(&e.to_string()),
        request_id: raw.request_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert!(
            backoff(1) >= Duration::from_millis(200) && backoff(1) <= Duration::from_millis(300)
        );
        assert!(backoff(2) >= Duration::from_millis(400));
        assert!(backoff(30) <= Duration::from_millis(5_100));
    }
}
