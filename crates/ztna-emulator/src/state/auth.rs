//! Issued access tokens.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use uuid::Uuid;

#[derive(Debug)]
pub(crate) struct TokenStore {
    ttl: Duration,
    /// Live tokens and when they expire.
    live: HashMap<String, Instant>,
    /// Every token ever issued, so tests can check none of them leaks anywhere.
    issued: Vec<String>,
}

impl TokenStore {
    pub fn new(ttl_secs: u64) -> Self {
        Self {
            ttl: Duration::from_secs(ttl_secs),
            live: HashMap::new(),
            issued: Vec::new(),
        }
    }

    pub fn issue(&mut self) -> String {
        let now = Instant::now();
        // Forget expired tokens on the way, so the map stays small in a long-running process.
        self.live.retain(|_, expires| *expires > now);
        let token = Uuid::new_v4().to_string();
        self.live.insert(token.clone(), now + self.ttl);
        self.issued.push(token.clone());
        token
    }

    /// Lifetime of tokens issued from now on.
    pub fn set_ttl(&mut self, secs: u64) {
        self.ttl = Duration::from_secs(secs);
    }

    pub fn ttl_secs(&self) -> u64 {
        self.ttl.as_secs()
    }

    pub fn is_valid(&self, token: &str) -> bool {
        self.live
            .get(token)
            .is_some_and(|expires| *expires > Instant::now())
    }

    pub fn issued(&self) -> Vec<String> {
        self.issued.clone()
    }
}

/// Compares secrets in time independent of where they differ.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_expire() {
        let mut store = TokenStore::new(0);
        let token = store.issue();
        assert!(!store.is_valid(&token));
        assert_eq!(store.issued(), vec![token]);

        let mut store = TokenStore::new(3600);
        let token = store.issue();
        assert!(store.is_valid(&token));
        assert!(!store.is_valid("something-else"));
    }

    #[test]
    fn compares_secrets() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
