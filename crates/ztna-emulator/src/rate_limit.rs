//! The tenant-wide rate limit: a token bucket holding `rate` tokens, refilled at `rate` tokens
//! per second.
//!
//! The capacity equals the rate so that a burst of 20 requests gets 15 refusals, while a client
//! spacing its requests `1/rate` seconds apart always finds a token. One bucket serves every
//! client, because the real limit counts "the accumulated requests of all of your clients".

use std::sync::Mutex;
use std::time::Instant;

#[derive(Debug)]
pub(crate) struct RateLimiter {
    rate: u32,
    bucket: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    /// A limiter allowing `rate` requests per second; `0` means unlimited.
    pub fn new(rate: u32) -> Self {
        Self {
            rate,
            bucket: Mutex::new(Bucket {
                tokens: f64::from(rate),
                refilled_at: Instant::now(),
            }),
        }
    }

    pub fn rate(&self) -> u32 {
        self.rate
    }

    /// Takes one token if there is one. `false` means: answer 429.
    pub fn try_acquire(&self) -> bool {
        self.try_acquire_at(Instant::now())
    }

    fn try_acquire_at(&self, now: Instant) -> bool {
        if self.rate == 0 {
            return true;
        }
        let mut bucket = self
            .bucket
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let capacity = f64::from(self.rate);
        let elapsed = now.saturating_duration_since(bucket.refilled_at);
        bucket.tokens = (bucket.tokens + elapsed.as_secs_f64() * capacity).min(capacity);
        bucket.refilled_at = bucket.refilled_at.max(now);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn burst_is_capped_at_rate() {
        let limiter = RateLimiter::new(5);
        let t0 = Instant::now();
        let granted = (0..20).filter(|_| limiter.try_acquire_at(t0)).count();
        assert_eq!(granted, 5);
    }

    #[test]
    fn paced_client_is_never_refused() {
        let limiter = RateLimiter::new(5);
        let t0 = Instant::now();
        for i in 0..100u32 {
            assert!(limiter.try_acquire_at(t0 + Duration::from_millis(200) * i));
        }
    }

    #[test]
    fn refills_after_a_second() {
        let limiter = RateLimiter::new(5);
        let t0 = Instant::now();
        for _ in 0..5 {
            assert!(limiter.try_acquire_at(t0));
        }
        assert!(!limiter.try_acquire_at(t0));
        let later = t0 + Duration::from_secs(1);
        assert_eq!((0..10).filter(|_| limiter.try_acquire_at(later)).count(), 5);
    }

    #[test]
    fn zero_means_unlimited() {
        let limiter = RateLimiter::new(0);
        assert!((0..1000).all(|_| limiter.try_acquire()));
    }
}
