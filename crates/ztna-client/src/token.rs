//! The bearer token: static, or fetched with client credentials and refreshed early.

use crate::error::ApiError;
use crate::secret::{Credentials, Secret};
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;
use ztna_wire::TokenResponse;

/// The token to send, with the generation it belongs to (to invalidate exactly it).
#[derive(Clone)]
pub(crate) struct Bearer {
    pub token: Arc<Secret>,
    pub generation: u64,
}

enum Source {
    Static(Arc<Secret>),
    Client {
        client_id: String,
        client_secret: Secret,
    },
}

struct Held {
    token: Arc<Secret>,
    refresh_at: Instant,
    expires_at: Instant,
    generation: u64,
}

impl Held {
    fn bearer(&self) -> Bearer {
        Bearer {
            token: Arc::clone(&self.token),
            generation: self.generation,
        }
    }
}

/// Lifetime assumed when the answer gives none.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(300);
/// A failed early refresh is retried no sooner than this while the old token still works.
const REFRESH_RETRY: Duration = Duration::from_secs(5);

/// When to refresh (early) and when the token expires, from `expires_in`: refresh at
/// lifetime minus a fifth of it, and at most one minute early.
pub(crate) fn lifetimes(expires_in: u64) -> (Duration, Duration) {
    let life = if expires_in == 0 {
        DEFAULT_LIFETIME
    } else {
        Duration::from_secs(expires_in)
    };
    let margin = (life / 5).min(Duration::from_secs(60));
    (life - margin, life)
}

pub(crate) struct TokenManager {
    source: Source,
    /// Held across a fetch, so concurrent callers share one token call.
    held: tokio::sync::Mutex<Option<Held>>,
    /// When the held token expires, for `readiness()` (which cannot await).
    valid_until: Mutex<Option<Instant>>,
    generation: AtomicU64,
}

impl TokenManager {
    pub fn new(credentials: Credentials) -> Self {
        let source = match credentials {
            Credentials::StaticToken(t) => Source::Static(Arc::new(t)),
            Credentials::ClientCredentials {
                client_id,
                client_secret,
            } => Source::Client {
                client_id,
                client_secret,
            },
        };
        Self {
            source,
            held: tokio::sync::Mutex::new(None),
            valid_until: Mutex::new(None),
            generation: AtomicU64::new(0),
        }
    }

    pub fn is_static(&self) -> bool {
        matches!(self.source, Source::Static(_))
    }

    /// Client id and secret for the token call (`None` with a static token).
    pub fn basic(&self) -> Option<(&str, &Secret)> {
        match &self.source {
            Source::Client {
                client_id,
                client_secret,
            } => Some((client_id, client_secret)),
            Source::Static(_) => None,
        }
    }

    /// A static token is always held; a fetched one while it has not expired.
    pub fn token_held(&self) -> bool {
        match self.source {
            Source::Static(_) => true,
            Source::Client { .. } => self
                .valid_until
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .is_some_and(|t| Instant::now() < t),
        }
    }

    fn publish(&self, until: Option<Instant>) {
        *self.valid_until.lock().unwrap_or_else(|p| p.into_inner()) = until;
    }

    /// The bearer to use now. Fetches a new token with `fetch` when none is held or the held
    /// one is due for refresh; one fetch at a time, the other callers wait for it.
    pub async fn bearer<F, Fut>(&self, fetch: F) -> Result<Bearer, ApiError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<TokenResponse, ApiError>>,
    {
        if let Source::Static(t) = &self.source {
            return Ok(Bearer {
                token: Arc::clone(t),
                generation: 0,
            });
        }
        let mut held = self.held.lock().await;
        if let Some(h) = held.as_ref().filter(|h| Instant::now() < h.refresh_at) {
            return Ok(h.bearer());
        }
        match fetch().await {
            Ok(answer) => {
                let now = Instant::now();
                let (refresh, life) = lifetimes(answer.expires_in);
                let generation = self.generation.fetch_add(1, Ordering::Relaxed) + 1;
                let h = Held {
                    token: Arc::new(Secret::new(answer.access_token.expose())),
                    refresh_at: now + refresh,
                    expires_at: now + life,
                    generation,
                };
                self.publish(Some(h.expires_at));
                let b = h.bearer();
                *held = Some(h);
                Ok(b)
            }
            Err(e) => {
                let now = Instant::now();
                if let Some(h) = held.as_mut().filter(|h| now < h.expires_at) {
                    tracing::warn!(error = %e, "token refresh failed; using the current token until it expires");
                    h.refresh_at = (now + REFRESH_RETRY).min(h.expires_at);
                    return Ok(h.bearer());
                }
                *held = None;
                self.publish(None);
                Err(e)
            }
        }
    }

    /// Forgets the token of `generation` (after a 401), unless a newer one replaced it.
    pub async fn invalidate(&self, generation: u64) {
        let mut held = self.held.lock().await;
        if held.as_ref().is_some_and(|h| h.generation == generation) {
            *held = None;
            self.publish(None);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use ztna_wire::SecretString;

    fn answer(token: &str, expires_in: u64) -> TokenResponse {
        TokenResponse {
            access_token: SecretString::new(token),
            expires_in,
            scope: String::new(),
            token_type: "Bearer".into(),
            error: String::new(),
            error_description: String::new(),
        }
    }

    fn manager() -> TokenManager {
        TokenManager::new(Credentials::ClientCredentials {
            client_id: "id".into(),
            client_secret: Secret::new("secret"),
        })
    }

    #[test]
    fn refreshes_early() {
        assert_eq!(
            lifetimes(3600),
            (Duration::from_secs(3540), Duration::from_secs(3600))
        );
        assert_eq!(
            lifetimes(100),
            (Duration::from_secs(80), Duration::from_secs(100))
        );
        assert_eq!(lifetimes(0).1, DEFAULT_LIFETIME);
    }

    #[tokio::test(start_paused = true)]
    async fn cached_until_refresh_time_then_refetched() {
        let m = manager();
        let calls = AtomicUsize::new(0);
        let fetch = || async {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            Ok(answer(&format!("t{n}"), 100))
        };
        assert!(!m.token_held());
        assert_eq!(m.bearer(fetch).await.unwrap().token.expose(), "t0");
        assert!(m.token_held());
        tokio::time::advance(Duration::from_secs(79)).await;
        assert_eq!(m.bearer(fetch).await.unwrap().token.expose(), "t0");
        tokio::time::advance(Duration::from_secs(2)).await;
        // Past the refresh point (80 s of 100 s): a new token, before the old one expires.
        assert_eq!(m.bearer(fetch).await.unwrap().token.expose(), "t1");
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn failed_early_refresh_keeps_the_valid_token() {
        let m = manager();
        m.bearer(|| async { Ok(answer("t0", 100)) }).await.unwrap();
        tokio::time::advance(Duration::from_secs(85)).await;
        let b = m.bearer(|| async { Err(ApiError::Timeout) }).await.unwrap();
        assert_eq!(b.token.expose(), "t0");
        tokio::time::advance(Duration::from_secs(20)).await;
        assert!(!m.token_held());
        assert_eq!(
            m.bearer(|| async { Err(ApiError::Timeout) }).await.err(),
            Some(ApiError::Timeout)
        );
    }

    #[tokio::test]
    async fn invalidate_only_the_given_generation() {
        let m = manager();
        let b0 = m.bearer(|| async { Ok(answer("t0", 3600)) }).await.unwrap();
        m.invalidate(b0.generation + 7).await;
        assert!(m.token_held());
        m.invalidate(b0.generation).await;
        assert!(!m.token_held());
        let b1 = m.bearer(|| async { Ok(answer("t1", 3600)) }).await.unwrap();
        assert_eq!(b1.token.expose(), "t1");
        // A late invalidation of the old token leaves the new one alone.
        m.invalidate(b0.generation).await;
        assert!(m.token_held());
    }

    #[tokio::test]
    async fn static_token_never_fetches() {
        let m = TokenManager::new(Credentials::StaticToken(Secret::new("static")));
        let b = m
            .bearer(|| async { Err(ApiError::Cancelled) })
            .await
            .unwrap();
        assert_eq!(b.token.expose(), "static");
        assert!(m.token_held());
        assert!(m.basic().is_none());
    }
}
