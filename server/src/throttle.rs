//! Login throttling: repeated failed sign-ins pause sign-in for that username and for
//! that client address, with a pause that doubles while the failures go on.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// Failures tolerated inside `window` before a pause.
    pub free_failures: u32,
    pub window: Duration,
    pub first_pause: Duration,
    pub max_pause: Duration,
}

#[derive(Debug)]
struct Entry {
    failures: u32,
    window_start: Instant,
    paused_until: Option<Instant>,
}

#[derive(Debug)]
pub struct LoginThrottle {
    per_user: Policy,
    per_address: Policy,
    entries: Mutex<HashMap<String, Entry>>,
    /// One sign-in attempt at a time per username (see [`LoginThrottle::turn`]).
    turns: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        LoginThrottle::new(
            Policy {
                free_failures: 5,
                window: Duration::from_secs(15 * 60),
                first_pause: Duration::from_secs(30),
                max_pause: Duration::from_secs(15 * 60),
            },
            Policy {
                free_failures: 20,
                window: Duration::from_secs(15 * 60),
                first_pause: Duration::from_secs(60),
                max_pause: Duration::from_secs(30 * 60),
            },
        )
    }
}

impl LoginThrottle {
    pub fn new(per_user: Policy, per_address: Policy) -> Self {
        LoginThrottle {
            per_user,
            per_address,
            entries: Mutex::new(HashMap::new()),
            turns: Mutex::new(HashMap::new()),
        }
    }

    /// Waits for this username's turn: attempts for one username are checked one after
    /// another, so a burst of parallel guesses cannot all pass [`LoginThrottle::check`]
    /// before the first failures are counted.
    pub async fn turn(&self, username: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
            if turns.len() > 10_000 {
                turns.retain(|_, l| Arc::strong_count(l) > 1);
            }
            turns
                .entry(username.to_lowercase())
                .or_insert_with(|| Arc::new(tokio::sync::Mutex::new(())))
                .clone()
        };
        lock.lock_owned().await
    }

    fn keys(username: &str, address: &str) -> [(String, bool); 2] {
        [
            (format!("user:{}", username.to_lowercase()), true),
            (format!("addr:{address}"), false),
        ]
    }

    /// `Some(wait)` while sign-in is paused for this username or address.
    pub fn check(&self, username: &str, address: &str) -> Option<Duration> {
        let now = Instant::now();
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        Self::keys(username, address)
            .iter()
            .filter_map(|(key, _)| entries.get(key)?.paused_until)
            .filter(|until| *until > now)
            .map(|until| until - now)
            .max()
    }

    /// Counts a failure; returns the pause it started, if any.
    pub fn failed(&self, username: &str, address: &str) -> Option<Duration> {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let mut longest = None;
        for (key, is_user) in Self::keys(username, address) {
            let policy = if is_user {
                self.per_user
            } else {
                self.per_address
            };
            let entry = entries.entry(key).or_insert(Entry {
                failures: 0,
                window_start: now,
                paused_until: None,
            });
            if now.duration_since(entry.window_start) > policy.window
                && entry.paused_until.is_none_or(|u| u <= now)
            {
                entry.failures = 0;
                entry.window_start = now;
            }
            entry.failures += 1;
            if entry.failures > policy.free_failures {
                let doublings = (entry.failures - policy.free_failures - 1).min(16);
                let pause = policy
                    .first_pause
                    .saturating_mul(1u32 << doublings)
                    .min(policy.max_pause);
                entry.paused_until = Some(now + pause);
                longest = longest.max(Some(pause));
            }
        }
        // Keep the map bounded: forget entries that are neither paused nor recent.
        if entries.len() > 10_000 {
            entries.retain(|_, e| {
                e.paused_until.is_some_and(|u| u > now)
                    || now.duration_since(e.window_start) < Duration::from_secs(3600)
            });
        }
        longest
    }

    /// A successful sign-in clears the username's record (not the address's).
    pub fn succeeded(&self, username: &str) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries.remove(&format!("user:{}", username.to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn pauses_after_free_failures_and_doubles() {
        let t = LoginThrottle::default();
        for _ in 0..5 {
            assert_eq!(t.failed("Admin", "1.2.3.4"), None);
        }
        assert_eq!(t.check("admin", "9.9.9.9"), None);
        assert_eq!(t.failed("admin", "1.2.3.4"), Some(Duration::from_secs(30)));
        assert!(
            t.check("ADMIN", "9.9.9.9").is_some(),
            "username is case-insensitive"
        );
        assert_eq!(t.failed("admin", "1.2.3.4"), Some(Duration::from_secs(60)));
        tokio::time::advance(Duration::from_secs(61)).await;
        assert_eq!(t.check("admin", "1.2.3.4"), None);
        t.succeeded("admin");
        assert_eq!(t.failed("admin", "1.2.3.4"), None);
    }

    #[tokio::test(start_paused = true)]
    async fn one_address_guessing_many_usernames_is_paused() {
        let t = LoginThrottle::default();
        for i in 0..20 {
            assert_eq!(t.failed(&format!("user{i}"), "6.6.6.6"), None);
        }
        assert!(t.failed("another", "6.6.6.6").is_some());
        assert!(t.check("fresh-name", "6.6.6.6").is_some());
        assert!(t.check("fresh-name", "1.1.1.1").is_none());
    }
}
