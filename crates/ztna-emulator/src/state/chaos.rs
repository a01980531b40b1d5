//! Degraded-service knobs for the emulated API (set through `/_emulator/…`): added latency,
//! random errors by status, 429 storms and dropped connections.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use rand::Rng;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default)]
pub(crate) struct Chaos {
    pub latency: Duration,
    /// Status → percentage of API requests answered with it.
    pub error_rates: BTreeMap<u16, u8>,
    pub storm_until: Option<Instant>,
    pub drops_pending: u32,
}

/// The current settings, as `GET /_emulator/chaos` shows them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChaosSettings {
    /// Added to every API request, in milliseconds.
    pub latency_ms: u64,
    /// Status → percentage of API requests that fail with it.
    pub error_rates: BTreeMap<u16, u8>,
    /// Milliseconds left of the current 429 storm (0: none).
    pub storm_remaining_ms: u64,
    /// Connections still to be dropped.
    pub drops_pending: u32,
}

impl Chaos {
    pub fn settings(&self, now: Instant) -> ChaosSettings {
        ChaosSettings {
            latency_ms: u64::try_from(self.latency.as_millis()).unwrap_or(u64::MAX),
            error_rates: self.error_rates.clone(),
            storm_remaining_ms: self
                .storm_until
                .map(|until| until.saturating_duration_since(now))
                .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
            drops_pending: self.drops_pending,
        }
    }

    pub fn storming(&self, now: Instant) -> bool {
        self.storm_until.is_some_and(|until| until > now)
    }

    /// Draws whether this request fails, and with which status.
    pub fn roll_error(&self, rng: &mut impl Rng) -> Option<u16> {
        if self.error_rates.is_empty() {
            return None;
        }
        let roll: f64 = rng.gen_range(0.0..100.0);
        let mut acc = 0.0;
        for (status, percent) in &self.error_rates {
            acc += f64::from(*percent);
            if roll < acc {
                return Some(*status);
            }
        }
        None
    }

    /// Takes one pending drop, if any.
    pub fn take_drop(&mut self) -> bool {
        if self.drops_pending > 0 {
            self.drops_pending -= 1;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn error_rates_roughly_hold() {
        let mut chaos = Chaos::default();
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(3);
        assert_eq!(chaos.roll_error(&mut rng), None);
        chaos.error_rates.insert(503, 10);
        chaos.error_rates.insert(500, 5);
        let mut counts = BTreeMap::new();
        for _ in 0..10_000 {
            if let Some(s) = chaos.roll_error(&mut rng) {
                *counts.entry(s).or_insert(0) += 1;
            }
        }
        let c503 = counts.get(&503).copied().unwrap_or(0);
        let c500 = counts.get(&500).copied().unwrap_or(0);
        assert!((800..1200).contains(&c503), "{c503}");
        assert!((350..650).contains(&c500), "{c500}");
        chaos.drops_pending = 1;
        assert!(chaos.take_drop());
        assert!(!chaos.take_drop());
    }
}
