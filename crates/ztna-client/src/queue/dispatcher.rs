//! The dispatcher task: grants permits by priority, at the limiter's pace, honouring pauses.

use super::clock::TokioClock;
use super::lane::Slot;
use super::state::{Shared, State};
use crate::metrics::Metrics;
use governor::clock::Clock;
use std::sync::Arc;
use tokio::time::Instant;

enum Step {
    Closed,
    Idle,
    SleepUntil(Instant),
    Granted,
}

pub(super) async fn run(shared: Arc<Shared>) {
    loop {
        let step = {
            let mut st = shared.lock();
            step(&shared, &mut st)
        };
        match step {
            Step::Closed => return,
            Step::Idle => shared.wake.notified().await,
            Step::SleepUntil(until) => {
                tokio::select! {
                    () = tokio::time::sleep_until(until) => {}
                    () = shared.wake.notified() => {}
                }
            }
            Step::Granted => {}
        }
    }
}

fn step(shared: &Shared, st: &mut State) -> Step {
    if st.closed {
        // Dropping the senders ends every waiting ticket with `Cancelled`.
        for lane in &mut st.lanes {
            lane.clear();
        }
        for slot in Slot::ALL {
            shared.publish_depth(st, slot);
        }
        return Step::Closed;
    }
    if st.is_empty() {
        return Step::Idle;
    }
    let now = Instant::now();
    if let Some(until) = st.paused_until {
        if until > now {
            return Step::SleepUntil(until);
        }
        st.paused_until = None;
    }
    if let Err(not_until) = shared.limiter.check() {
        return Step::SleepUntil(now + not_until.wait_time_from(TokioClock.now()));
    }
    // One cell spent: hand it to the first live waiter, by priority.
    for slot in Slot::ALL {
        while let Some(w) = st.lanes[slot.index()].pop_front() {
            let waited = now.saturating_duration_since(w.enqueued);
            if w.tx.send(waited).is_ok() {
                shared
                    .metrics
                    .queue_wait
                    .get_or_create(&Metrics::lane(slot.label()))
                    .observe(waited.as_secs_f64());
                shared.publish_depth(st, slot);
                return Step::Granted;
            }
        }
        shared.publish_depth(st, slot);
    }
    Step::Granted
}
