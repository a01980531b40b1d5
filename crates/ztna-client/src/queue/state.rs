//! Shared queue state.

use super::clock::{TokioClock, TokioInstant};
use super::dispatcher;
use super::lane::Slot;
use super::ticket::Ticket;
use crate::error::ApiError;
use crate::metrics::Metrics;
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use std::collections::VecDeque;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{oneshot, Notify};
use tokio::time::Instant;

pub(super) type Limiter =
    RateLimiter<NotKeyed, InMemoryState, TokioClock, NoOpMiddleware<TokioInstant>>;

pub(super) struct Waiter {
    pub id: u64,
    /// Receives the time waited (since `enqueued`) with the grant.
    pub tx: oneshot::Sender<Duration>,
    /// When the call entered its current lane (its promotion time after a promotion).
    pub enqueued: Instant,
}

pub(super) struct State {
    pub lanes: [VecDeque<Waiter>; Slot::COUNT],
    pub paused_until: Option<Instant>,
    pub closed: bool,
    next_id: u64,
}

impl State {
    pub fn is_empty(&self) -> bool {
        self.lanes.iter().all(VecDeque::is_empty)
    }
}

pub(super) struct Shared {
    pub state: Mutex<State>,
    pub wake: Notify,
    pub limiter: Limiter,
    pub rate: NonZeroU32,
    pub max_queue: usize,
    pub metrics: Metrics,
}

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding this lock cannot leave the state inconsistent in a way that
        // matters more than stopping the whole client would.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn publish_depth(&self, st: &State, slot: Slot) {
        let len = st.lanes[slot.index()].len();
        self.metrics
            .queue_depth
            .get_or_create(&Metrics::lane(slot.label()))
            .set(i64::try_from(len).unwrap_or(i64::MAX));
    }

    /// Removes a waiter whose ticket was dropped before its grant (from whichever lane it
    /// is in: a promotion may have moved it).
    pub fn cancel(&self, id: u64) {
        let mut st = self.lock();
        for slot in Slot::ALL {
            let lane = &mut st.lanes[slot.index()];
            if let Some(pos) = lane.iter().position(|w| w.id == id) {
                lane.remove(pos);
                self.publish_depth(&st, slot);
                drop(st);
                self.wake.notify_one();
                return;
            }
        }
    }
}

/// Handle on one tenant's queue. Cheap to clone; the dispatcher stops on [`Queue::close`].
#[derive(Clone)]
pub(crate) struct Queue {
    shared: Arc<Shared>,
}

impl Queue {
    /// Spawns the dispatcher on the current tokio runtime.
    pub fn start(rate: NonZeroU32, max_queue: usize, metrics: Metrics) -> Self {
        let quota = Quota::per_second(rate).allow_burst(NonZeroU32::MIN);
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                lanes: Default::default(),
                paused_until: None,
                closed: false,
                next_id: 0,
            }),
            wake: Notify::new(),
            limiter: RateLimiter::direct_with_clock(quota, TokioClock),
            rate,
            max_queue,
            metrics,
        });
        {
            let st = shared.lock();
            for slot in Slot::ALL {
                shared.publish_depth(&st, slot);
            }
        }
        tokio::spawn(dispatcher::run(Arc::clone(&shared)));
        Self { shared }
    }

    /// Queues a call on `slot`. A `retry` goes to the front of its lane and is never refused;
    /// a new call is refused with [`ApiError::Busy`] when its lane is full.
    pub fn enqueue(&self, slot: Slot, retry: bool) -> Result<Ticket, ApiError> {
        let (tx, rx) = oneshot::channel();
        let mut st = self.shared.lock();
        if st.closed {
            return Err(ApiError::Cancelled);
        }
        let idx = slot.index();
        if !retry && slot != Slot::Token && st.lanes[idx].len() >= self.shared.max_queue {
            return Err(ApiError::Busy {
                retry_after: self.estimate_wait(&st, slot),
            });
        }
        st.next_id += 1;
        let id = st.next_id;
        let waiter = Waiter {
            id,
            tx,
            enqueued: Instant::now(),
        };
        if retry {
            st.lanes[idx].push_front(waiter);
        } else {
            st.lanes[idx].push_back(waiter);
        }
        self.shared.publish_depth(&st, slot);
        drop(st);
        self.shared.wake.notify_one();
        Ok(Ticket::new(Arc::clone(&self.shared), id, rx))
    }

    /// How long a new call on `slot` would wait: everything ahead of it at the steady rate,
    /// plus any pause; at least one second.
    fn estimate_wait(&self, st: &State, slot: Slot) -> Duration {
        let ahead: usize = st.lanes[..=slot.index()].iter().map(VecDeque::len).sum();
        let per = Duration::from_secs(1) / self.shared.rate.get();
        let ahead = u32::try_from(ahead.saturating_add(1)).unwrap_or(u32::MAX);
        let pause = st
            .paused_until
            .map(|p| p.saturating_duration_since(Instant::now()))
            .unwrap_or_default();
        let secs = (per.saturating_mul(ahead) + pause)
            .as_millis()
            .div_ceil(1000);
        Duration::from_secs(u64::try_from(secs).unwrap_or(u64::MAX).max(1))
    }

    /// Moves the waiting call `id` up to lane `to` (at its back: callers already waiting
    /// there keep their turn) if it waits in a lower-priority lane. Its wait, as reported with
    /// the grant and in the histogram of `to`, counts from the promotion. Returns whether it
    /// moved; `false` when it was already granted, dropped, or in `to` or higher.
    pub fn promote(&self, id: u64, to: Slot) -> bool {
        let mut st = self.shared.lock();
        let Some((from, pos)) = Slot::ALL
            .into_iter()
            .filter(|s| s.index() > to.index())
            .find_map(|s| {
                st.lanes[s.index()]
                    .iter()
                    .position(|w| w.id == id)
                    .map(|pos| (s, pos))
            })
        else {
            return false;
        };
        let Some(mut waiter) = st.lanes[from.index()].remove(pos) else {
            return false;
        };
        waiter.enqueued = Instant::now();
        st.lanes[to.index()].push_back(waiter);
        self.shared.publish_depth(&st, from);
        self.shared.publish_depth(&st, to);
        true
    }

    /// Holds every permit for at least `d` (after a 429). Pauses only ever extend.
    pub fn pause_for(&self, d: Duration) {
        let until = Instant::now() + d;
        let mut st = self.shared.lock();
        if st.paused_until.is_none_or(|p| p < until) {
            st.paused_until = Some(until);
        }
        drop(st);
        self.shared.wake.notify_one();
    }

    /// Stops the dispatcher; waiting calls end with [`ApiError::Cancelled`].
    pub fn close(&self) {
        self.shared.lock().closed = true;
        self.shared.wake.notify_one();
    }

    #[cfg(test)]
    pub fn depth(&self, slot: Slot) -> usize {
        self.shared.lock().lanes[slot.index()].len()
    }
}
