//! What every request handler on the server can reach.

use crate::error::AppError;
use console_store::Store;
use leptos::prelude::use_context;
use ztna_client::TenantClient;

/// Shared by every request: the one tenant client (and so the one queue), the store.
///
/// The tenant credential lives inside `client` and is never exposed from it.
#[derive(Clone)]
pub struct ConsoleState {
    pub client: TenantClient,
    pub store: Store,
    /// "acme (emulator)" or the tenant's API host.
    pub tenant_label: String,
    pub emulated: bool,
    /// Bulk changes as tracked jobs.
    pub jobs: crate::ssr::jobs::JobRunner,
}

impl ConsoleState {
    /// The state provided to server functions and SSR by the BFF's router.
    pub fn current() -> Result<ConsoleState, AppError> {
        use_context::<ConsoleState>().ok_or_else(|| {
            tracing::error!("ConsoleState missing from the request context");
            AppError::internal()
        })
    }
}
