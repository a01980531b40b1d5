//! [`TenantClient`]: the public handle.

use crate::config::ClientConfig;
use crate::core::{decode, Inner};
use crate::endpoint::Endpoint;
use crate::error::{ApiError, ClientError};
use crate::origin::ApiOrigin;
use crate::queue::{Lane, Slot};
use prometheus_client::registry::Registry;
use reqwest::Method;
use serde::de::DeserializeOwned;
use std::fmt;
use std::sync::Arc;
use std::time::Instant;

/// What `/readyz` needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Readiness {
    /// A usable token is held (always true with a static token).
    pub token_held: bool,
    /// When the tenant last answered a call (2xx, or a 4xx other than 401/403/429).
    pub last_success: Option<Instant>,
}

/// The client of one tenant credential: create ONE per credential and share it (clones are
/// cheap and share the queue, token, cache and metrics). Every call goes through one
/// rate-limited, prioritised queue; [`TenantClient::lane`] picks the lane of a handle's calls.
#[derive(Clone)]
pub struct TenantClient {
    inner: Arc<Inner>,
    lane: Lane,
}

impl fmt::Debug for TenantClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TenantClient")
            .field("origin", &self.inner.origin)
            .field("lane", &self.lane)
            .finish_non_exhaustive()
    }
}

impl TenantClient {
    /// Builds the client and spawns its queue dispatcher: call it inside a tokio runtime.
    pub fn new(config: ClientConfig) -> Result<Self, ClientError> {
        Ok(Self {
            inner: Inner::build(config)?,
            lane: Lane::Interactive,
        })
    }

    /// The same client (same queue), with calls on `lane`.
    pub fn lane(&self, lane: Lane) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            lane,
        }
    }

    /// The lane of this handle's calls.
    pub fn current_lane(&self) -> Lane {
        self.lane
    }

    pub fn origin(&self) -> &ApiOrigin {
        &self.inner.origin
    }

    /// Registers `upstream_requests_total`, `upstream_throttled_total`,
    /// `upstream_queue_wait_seconds`, `upstream_queue_depth` and `upstream_cache_hits_total`.
    pub fn register_metrics(&self, registry: &mut Registry) {
        self.inner.metrics.register(registry);
    }

    pub fn readiness(&self) -> Readiness {
        Readiness {
            token_held: self.inner.tokens.token_held(),
            last_success: *self
                .inner
                .last_success
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        }
    }

    fn slot(&self) -> Slot {
        Slot::from(self.lane)
    }

    /// The generic call: GETs go through the cache and merge, writes invalidate; the 2xx body
    /// is decoded as `T`.
    pub(crate) async fn call<T: DeserializeOwned>(&self, ep: Endpoint) -> Result<T, ApiError> {
        if ep.method == Method::GET {
            let raw = self.inner.read(ep, self.slot()).await?;
            decode(&raw)
        } else {
            let raw = self.inner.write(&ep, self.slot()).await?;
            decode(&raw)
        }
    }

    /// A call whose 2xx body is ignored.
    pub(crate) async fn call_empty(&self, ep: Endpoint) -> Result<(), ApiError> {
        if ep.method == Method::GET {
            self.inner.read(ep, self.slot()).await.map(drop)
        } else {
            self.inner.write(&ep, self.slot()).await.map(drop)
        }
    }
}
