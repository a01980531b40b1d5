//! An in-memory emulator of a Symantec ZTNA (formerly Luminate) tenant's REST API.
//!
//! The console embeds it (in-process, on a loopback port) when no real tenant is configured,
//! and `src/bin/ztna-emulator.rs` serves it standalone. It follows
//! `shared/reference/ztna-api-v2.txt`: OAuth token call, 5 requests per second for the whole
//! tenant, `x-lum-request-id` on every response, the documented error body, and the sites,
//! regions, registration keys and connectors resources with the reference's JSON shapes.
//! Its own controls and counters live under `/_emulator/` only.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use ztna_emulator::{Emulator, EmulatorConfig};
//! let running = Emulator::new(EmulatorConfig::default())
//!     .spawn(([127, 0, 0, 1], 0).into())
//!     .await?;
//! println!("tenant API at {}", running.origin());
//! running.shutdown().await;
//! # Ok(()) }
//! ```

mod config;
mod control;
mod deploy;
mod error;
mod gate;
mod life;
mod rate_limit;
mod routes;
mod seed;
mod state;
mod timefmt;

use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::http::{Method, StatusCode};
use axum::Router;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::EmulatorConfig;
pub use error::{EmulatorError, REQUEST_ID_HEADER};
pub use state::chaos::ChaosSettings;
pub use state::faults::Fault;
pub use state::stats::Stats;

use rate_limit::RateLimiter;
use state::auth::{constant_time_eq, TokenStore};
use state::chaos::Chaos;
use state::faults::FaultQueue;
use state::Tenant;

/// The emulated tenant. Cloning is cheap: all clones share one tenant.
#[derive(Clone)]
pub struct Emulator {
    inner: Arc<Inner>,
}

struct Inner {
    config: EmulatorConfig,
    tenant: Mutex<Tenant>,
    tokens: Mutex<TokenStore>,
    limiter: RateLimiter,
    faults: Mutex<FaultQueue>,
    stats: Mutex<Stats>,
    chaos: Mutex<Chaos>,
}

/// Locks a mutex, carrying on after a panic elsewhere: the emulator's state stays usable, which
/// is what a dev tool wants.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}

impl Emulator {
    /// Builds the tenant, seeded deterministically from `config.seed`.
    pub fn new(config: EmulatorConfig) -> Self {
        let tenant = seed::seed_tenant(&config, timefmt::anchor());
        Self {
            inner: Arc::new(Inner {
                tokens: Mutex::new(TokenStore::new(config.token_ttl_secs)),
                limiter: RateLimiter::new(config.rate_per_second),
                tenant: Mutex::new(tenant),
                faults: Mutex::new(FaultQueue::default()),
                stats: Mutex::new(Stats::default()),
                chaos: Mutex::new(Chaos::default()),
                config,
            }),
        }
    }

    /// All `/v1`, `/v2` and `/_emulator` routes, with the request-id, rate-limit, fault and
    /// auth middleware.
    pub fn router(&self) -> Router {
        Router::new()
            .merge(routes::token::routes())
            .merge(routes::sites::routes())
            .merge(routes::regions::routes())
            .merge(routes::registration_keys::routes())
            .merge(routes::connectors::routes())
            .merge(routes::applications::routes())
            .merge(routes::policies::routes())
            .merge(routes::collections::routes())
            .merge(routes::role_bindings::routes())
            .merge(routes::dns::routes())
            .merge(routes::identities::routes())
            .merge(routes::scim::routes())
            .merge(routes::ssh_clients::routes())
            .merge(routes::cloud_integrations::routes())
            .merge(routes::logs::routes())
            .merge(control::routes())
            .fallback(routes::not_found)
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                gate::gate,
            ))
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                error::request_context,
            ))
            .layer(axum::middleware::from_fn_with_state(
                self.clone(),
                life::drop_connections,
            ))
            .with_state(self.clone())
    }

    /// Binds `addr` (port 0 picks a free port) and serves the router in a tokio task until
    /// [`RunningEmulator::shutdown`]. Dropping the handle does not stop the server.
    pub async fn spawn(self, addr: SocketAddr) -> std::io::Result<RunningEmulator> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let app = self.router();
        let task = tokio::spawn(async move {
            let signal = async move {
                // A dropped sender means "nobody will ever ask us to stop": keep serving.
                if stopped.await.is_err() {
                    std::future::pending::<()>().await;
                }
            };
            if let Err(err) = axum::serve(listener, app)
                .with_graceful_shutdown(signal)
                .await
            {
                tracing::warn!(%err, "ztna emulator server stopped with an error");
            }
        });
        tracing::info!(%addr, "ztna emulator listening");
        Ok(RunningEmulator {
            addr,
            emulator: self,
            stop,
            task,
        })
    }

    /// Every bearer token issued so far, including expired ones.
    pub fn issued_tokens(&self) -> Vec<String> {
        lock(&self.inner.tokens).issued()
    }

    /// A snapshot of the request counters.
    pub fn stats(&self) -> Stats {
        lock(&self.inner.stats).clone()
    }

    /// The three fixed sites the demo `editor` account edits, as (id, current name):
    /// "Frankfurt Datacenter", "London Office", "Toronto Lab" unless renamed (deleted ones are
    /// left out).
    pub fn editor_sites(&self) -> Vec<(String, String)> {
        let tenant = lock(&self.inner.tenant);
        tenant
            .fixed_sites
            .iter()
            .filter_map(|id| tenant.sites.get(id))
            .map(|site| (site.id.to_string(), site.name.clone()))
            .collect()
    }

    /// Simulates the connector container completing its handshake (as
    /// `POST /_emulator/connectors/{id}/register`).
    pub fn register_connector(&self, id: &str) -> Result<(), EmulatorError> {
        let id = state::parse_id(id)?;
        lock(&self.inner.tenant).register_connector(id, timefmt::now(), &mut rand::thread_rng())
    }

    /// Flips a registered connector up or down (as `POST /_emulator/connectors/{id}/health`).
    pub fn set_connector_health(&self, id: &str, up: bool) -> Result<(), EmulatorError> {
        let id = state::parse_id(id)?;
        lock(&self.inner.tenant).set_connector_health(id, up, timefmt::now())
    }

    /// Makes the next `fault.count` matching API requests fail (as `POST /_emulator/faults`).
    pub fn inject_fault(&self, fault: Fault) -> Result<(), EmulatorError> {
        if !(400..=599).contains(&fault.status) {
            return Err(EmulatorError::BadRequest(format!(
                "status must be an HTTP error status (400..=599), got {}",
                fault.status
            )));
        }
        lock(&self.inner.faults).push(fault);
        Ok(())
    }

    /// Drops every pending fault.
    pub fn clear_faults(&self) {
        lock(&self.inner.faults).clear();
    }

    /// The configuration this emulator was built with.
    pub fn config(&self) -> &EmulatorConfig {
        &self.inner.config
    }

    // ---- crate-internal access ------------------------------------------------------------

    pub(crate) fn tenant(&self) -> MutexGuard<'_, Tenant> {
        lock(&self.inner.tenant)
    }

    pub(crate) fn limiter(&self) -> &RateLimiter {
        &self.inner.limiter
    }

    pub(crate) fn pending_faults(&self) -> Vec<Fault> {
        lock(&self.inner.faults).pending()
    }

    pub(crate) fn take_fault(&self, path: &str) -> Option<Fault> {
        let fault = lock(&self.inner.faults).take(path)?;
        lock(&self.inner.stats).faults_injected += 1;
        Some(fault)
    }

    /// Checks HTTP Basic credentials against the configured client id and secret.
    pub(crate) fn check_client(&self, client_id: &str, client_secret: &str) -> bool {
        let config = &self.inner.config;
        // Evaluate both comparisons so timing does not reveal which one failed.
        let id_ok = constant_time_eq(client_id.as_bytes(), config.client_id.as_bytes());
        let secret_ok = constant_time_eq(client_secret.as_bytes(), config.client_secret.as_bytes());
        id_ok & secret_ok
    }

    pub(crate) fn issue_token(&self) -> String {
        let token = lock(&self.inner.tokens).issue();
        lock(&self.inner.stats).tokens_issued += 1;
        token
    }

    /// An issued, unexpired token, or the configured static client token.
    pub(crate) fn accepts_bearer(&self, token: &str) -> bool {
        let static_ok = self
            .inner
            .config
            .client_token
            .as_deref()
            .is_some_and(|t| !t.is_empty() && constant_time_eq(t.as_bytes(), token.as_bytes()));
        static_ok || lock(&self.inner.tokens).is_valid(token)
    }

    pub(crate) fn record_request(
        &self,
        method: &Method,
        path: &str,
        operation: Option<&str>,
        status: StatusCode,
    ) {
        if gate::is_control(path) {
            return;
        }
        lock(&self.inner.stats).record(method.as_str(), path, operation, status.as_u16());
    }
}

/// A served emulator. Stop it with [`RunningEmulator::shutdown`].
#[derive(Debug)]
pub struct RunningEmulator {
    /// The bound address (the real port when 0 was asked for).
    pub addr: SocketAddr,
    /// The tenant being served, for inspection and controls.
    pub emulator: Emulator,
    stop: oneshot::Sender<()>,
    task: JoinHandle<()>,
}

impl RunningEmulator {
    /// `http://127.0.0.1:PORT`, the origin to configure the API client with.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits (at most five seconds, then aborts) for in-flight
    /// requests.
    pub async fn shutdown(self) {
        let _ = self.stop.send(());
        let mut task = self.task;
        if tokio::time::timeout(std::time::Duration::from_secs(5), &mut task)
            .await
            .is_err()
        {
            tracing::warn!("ztna emulator did not stop within 5 seconds; aborting it");
            task.abort();
        }
    }
}
