//! HTTP client of the Symantec ZTNA (formerly Luminate) v2 API.
//!
//! One [`TenantClient`] per tenant credential, shared by every caller in the process. All its
//! calls (token included) go through one queue: GCRA at `rate_per_second` with burst 1,
//! strict priority lanes, a whole-queue pause after a 429, bounded lanes
//! ([`ApiError::Busy`]), cancellation on drop, merging of identical concurrent GETs and a
//! short read cache invalidated by writes.
//!
//! Modules: `origin` (the one place adding `/v2`), `secret`, `config`, `error`, `query`,
//! `endpoint` + `core` (the generic request path), `token`, `queue/*`, `cache`, `metrics`,
//! `pager`, and `resources/*` (one thin file per resource).

mod cache;
mod client;
mod config;
mod core;
mod endpoint;
mod error;
mod metrics;
mod origin;
mod pager;
mod path;
mod query;
mod queue;
mod request_ids;
mod resources;
mod secret;
mod token;
mod wait_probe;

pub use client::{Readiness, TenantClient};
pub use config::ClientConfig;
pub use error::{ApiError, ClientError};
pub use origin::{ApiOrigin, OriginError};
pub use query::{
    ApplicationQuery, CollectionQuery, IdentityQuery, ListQuery, RoleBindingQuery, ScimQuery,
};
pub use queue::Lane;
pub use request_ids::capture_request_ids;
pub use resources::LogKind;
pub use secret::{Credentials, Secret};
pub use wait_probe::measure_queue_wait;
/// The wire models, re-exported.
pub use ztna_wire as wire;

#[cfg(test)]
mod tests;
