//! Client settings.

use crate::origin::ApiOrigin;
use crate::secret::Credentials;
use std::time::Duration;

/// Settings of one [`crate::TenantClient`]. Build it with [`ClientConfig::new`] and change the
/// fields you need.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    pub origin: ApiOrigin,
    pub credentials: Credentials,
    /// Requests per second for the whole tenant (token calls included). Default 5.
    pub rate_per_second: u32,
    /// How long a GET answer is served from memory. Default 5 s; zero disables the cache.
    pub cache_ttl: Duration,
    /// Calls waiting per lane before new ones are refused with `ApiError::Busy`. Default 256.
    pub max_queue: usize,
    /// Time allowed for one HTTP exchange (connect, send, read the body). Default 15 s.
    pub request_timeout: Duration,
    /// Retries after a 429, and (for GET/PUT/DELETE) after a 5xx, timeout or transport error.
    /// Default 3.
    pub max_retries: u32,
}

impl ClientConfig {
    pub const DEFAULT_RATE_PER_SECOND: u32 = 5;
    pub const DEFAULT_CACHE_TTL: Duration = Duration::from_secs(5);
    pub const DEFAULT_MAX_QUEUE: usize = 256;
    pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(15);
    pub const DEFAULT_MAX_RETRIES: u32 = 3;

    pub fn new(origin: ApiOrigin, credentials: Credentials) -> Self {
        Self {
            origin,
            credentials,
            rate_per_second: Self::DEFAULT_RATE_PER_SECOND,
            cache_ttl: Self::DEFAULT_CACHE_TTL,
            max_queue: Self::DEFAULT_MAX_QUEUE,
            request_timeout: Self::DEFAULT_REQUEST_TIMEOUT,
            max_retries: Self::DEFAULT_MAX_RETRIES,
        }
    }
}
