//! The short-lived read cache and the merging of identical concurrent GETs.

use crate::endpoint::Family;
use crate::error::ApiError;
use crate::queue::SharedLane;
use futures::future::{BoxFuture, Shared, WeakShared};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::time::Instant;

/// An HTTP answer as read off the wire.
pub(crate) struct RawResponse {
    pub status: u16,
    pub request_id: Option<String>,
    pub body: Vec<u8>,
    /// Time the call waited in the queue for its permits (every attempt).
    pub queue_wait: Duration,
}

pub(crate) type FlightResult = Result<Arc<RawResponse>, ApiError>;
pub(crate) type FlightFuture = BoxFuture<'static, FlightResult>;
/// One upstream GET shared by every caller that asked for the same path and query while it
/// ran. It runs while at least one caller still awaits it; when all have gone it is dropped
/// (and its queued call with it).
pub(crate) type Flight = Shared<FlightFuture>;

struct Entry {
    family: Family,
    stored: Instant,
    resp: Arc<RawResponse>,
}

struct FlightSlot {
    id: u64,
    family: Family,
    weak: WeakShared<FlightFuture>,
    lane: Arc<SharedLane>,
}

#[derive(Default)]
struct State {
    entries: HashMap<String, Entry>,
    flights: HashMap<String, FlightSlot>,
    generations: HashMap<Family, u64>,
    next_flight: u64,
}

pub(crate) enum Start {
    Hit(Arc<RawResponse>),
    /// A new flight, on the caller's lane.
    Flight(Flight),
    /// A running flight, and its lane (which a higher-priority joiner raises).
    Joined(Flight, Arc<SharedLane>),
}

/// Keyed by path and query. Invalidation is per [`Family`] and also detaches running
/// flights, so a read started before a write is neither joined nor stored after it.
pub(crate) struct ReadCache {
    ttl: Duration,
    state: Mutex<State>,
}

const MAX_ENTRIES: usize = 1024;

impl ReadCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            state: Mutex::new(State::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A fresh cached answer, else the running flight for `key`, else a new flight built by
    /// `make(generation, flight_id)` (called under the lock; it must not block) that sends on
    /// `lane`.
    pub fn get_or_start(
        &self,
        key: &str,
        family: Family,
        cacheable: bool,
        lane: &Arc<SharedLane>,
        make: impl FnOnce(u64, u64) -> Flight,
    ) -> Start {
        let mut st = self.lock();
        if cacheable && !self.ttl.is_zero() {
            if let Some(e) = st.entries.get(key) {
                if e.stored.elapsed() < self.ttl {
                    return Start::Hit(Arc::clone(&e.resp));
                }
                st.entries.remove(key);
            }
        }
        if let Some(s) = st.flights.get(key) {
            if let Some(f) = s.weak.upgrade() {
                return Start::Joined(f, Arc::clone(&s.lane));
            }
        }
        st.next_flight += 1;
        let id = st.next_flight;
        let generation = st.generations.get(&family).copied().unwrap_or(0);
        let flight = make(generation, id);
        if let Some(weak) = flight.downgrade() {
            st.flights.insert(
                key.to_owned(),
                FlightSlot {
                    id,
                    family,
                    weak,
                    lane: Arc::clone(lane),
                },
            );
        }
        Start::Flight(flight)
    }

    /// Called by a flight when it ends: forgets it and stores a success (unless the family
    /// was invalidated meanwhile).
    pub fn finish(
        &self,
        key: &str,
        family: Family,
        flight_id: u64,
        generation: u64,
        cacheable: bool,
        result: &FlightResult,
    ) {
        let mut st = self.lock();
        if st.flights.get(key).is_some_and(|s| s.id == flight_id) {
            st.flights.remove(key);
        }
        let current = st.generations.get(&family).copied().unwrap_or(0);
        if let (Ok(resp), true) = (
            result,
            cacheable && !self.ttl.is_zero() && current == generation,
        ) {
            if st.entries.len() >= MAX_ENTRIES {
                let ttl = self.ttl;
                st.entries.retain(|_, e| e.stored.elapsed() < ttl);
                if st.entries.len() >= MAX_ENTRIES {
                    st.entries.clear();
                }
            }
            if let Some(resp) = without_one_time_secrets(resp) {
                st.entries.insert(
                    key.to_owned(),
                    Entry {
                        family,
                        stored: Instant::now(),
                        resp,
                    },
                );
            }
        }
    }

    /// Drops every cached answer and running flight of `family`.
    pub fn invalidate(&self, family: Family) {
        let mut st = self.lock();
        *st.generations.entry(family).or_insert(0) += 1;
        st.entries.retain(|_, e| e.family != family);
        st.flights.retain(|_, s| s.family != family);
    }
}

/// Sites and connectors embed unregistered connectors' one-time passwords (`otp`). Those
/// are secrets: the cache keeps a copy with every `otp` set to null, so a secret is never
/// kept beyond the call that fetched it (callers that need it fetch the deployment
/// command or environment, which are never cached).
fn without_one_time_secrets(resp: &Arc<RawResponse>) -> Option<Arc<RawResponse>> {
    fn scrub(v: &mut serde_json::Value) -> bool {
        let mut changed = false;
        match v {
            serde_json::Value::Object(map) => {
                if let Some(otp) = map.get_mut("otp") {
                    if !otp.is_null() {
                        *otp = serde_json::Value::Null;
                        changed = true;
                    }
                }
                for value in map.values_mut() {
                    changed |= scrub(value);
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    changed |= scrub(item);
                }
            }
            _ => {}
        }
        changed
    }
    // Cheap test first: most answers carry no OTP at all.
    if !resp.body.windows(5).any(|w| w == b"\"otp\"") {
        return Some(Arc::clone(resp));
    }
    // Not readable as JSON: keep nothing rather than a possible secret.
    let mut json = serde_json::from_slice::<serde_json::Value>(&resp.body).ok()?;
    if !scrub(&mut json) {
        return Some(Arc::clone(resp));
    }
    let body = serde_json::to_vec(&json).ok()?;
    Some(Arc::new(RawResponse {
        status: resp.status,
        request_id: resp.request_id.clone(),
        body,
        queue_wait: resp.queue_wait,
    }))
}

#[cfg(test)]
mod otp_tests {
    use super::*;

    #[test]
    fn cached_copies_hold_no_one_time_password() {
        let body = br#"{"content":[{"id":"s","connector_objects":[{"id":"c","otp":"2d1e1bfa-secret","registered":false},{"id":"d","otp":null}]}]}"#;
        let resp = Arc::new(RawResponse {
            status: 200,
            request_id: Some("r".into()),
            body: body.to_vec(),
            queue_wait: Duration::ZERO,
        });
        let kept = without_one_time_secrets(&resp).unwrap_or_else(|| Arc::clone(&resp));
        let text = String::from_utf8(kept.body.clone()).unwrap_or_default();
        assert!(!text.contains("2d1e1bfa-secret"), "{text}");
        assert!(text.contains("\"registered\":false"));
        let plain = Arc::new(RawResponse {
            status: 200,
            request_id: None,
            body: br#"{"name":"x"}"#.to_vec(),
            queue_wait: Duration::ZERO,
        });
        let same = without_one_time_secrets(&plain).unwrap_or_else(|| Arc::clone(&resp));
        assert!(Arc::ptr_eq(&plain, &same));
    }
}
