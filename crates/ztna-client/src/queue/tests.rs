//! Queue tests on a paused tokio clock: virtual time, exact and fast.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::error::ApiError;
use crate::metrics::Metrics;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::time::Instant;

fn queue(rate: u32, max_queue: usize) -> Queue {
    Queue::start(NonZeroU32::new(rate).unwrap(), max_queue, Metrics::new())
}

const BULK: Slot = Slot::Lane(Lane::Bulk);
const INTERACTIVE: Slot = Slot::Lane(Lane::Interactive);

#[tokio::test(start_paused = true)]
async fn limiter_spaces_calls_evenly_on_a_paused_clock() {
    let q = queue(5, 256);
    let start = Instant::now();
    let mut grants = Vec::new();
    for _ in 0..6 {
        q.enqueue(INTERACTIVE, false)
            .unwrap()
            .granted()
            .await
            .unwrap();
        grants.push(start.elapsed());
    }
    let want: Vec<Duration> = (0..6).map(|i| Duration::from_millis(200 * i)).collect();
    assert_eq!(grants, want);
}

#[tokio::test(start_paused = true)]
async fn limiter_spacing_with_concurrent_callers() {
    let q = queue(5, 256);
    let start = Instant::now();
    let tickets: Vec<_> = (0..11).map(|_| q.enqueue(BULK, false).unwrap()).collect();
    futures::future::join_all(tickets.into_iter().map(Ticket::granted)).await;
    assert_eq!(start.elapsed(), Duration::from_millis(2000));
}

/// Spawns a task that waits for a grant on `slot` and then records `name`.
fn record(q: &Queue, slot: Slot, name: &'static str, log: &Arc<Mutex<Vec<(&'static str, u128)>>>) {
    let ticket = q.enqueue(slot, false).unwrap();
    let log = Arc::clone(log);
    let start = Instant::now();
    tokio::spawn(async move {
        ticket.granted().await.unwrap();
        log.lock()
            .unwrap()
            .push((name, start.elapsed().as_millis()));
    });
}

#[tokio::test(start_paused = true)]
async fn interactive_goes_before_waiting_bulk_calls() {
    let q = queue(5, 256);
    let log = Arc::new(Mutex::new(Vec::new()));
    for name in ["b1", "b2", "b3", "b4"] {
        record(&q, BULK, name, &log);
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    record(&q, INTERACTIVE, "i1", &log);
    record(&q, Slot::Lane(Lane::Background), "g1", &log);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let order: Vec<&str> = log.lock().unwrap().iter().map(|(n, _)| *n).collect();
    assert_eq!(order, ["b1", "i1", "g1", "b2", "b3", "b4"]);
}

#[tokio::test(start_paused = true)]
async fn token_slot_goes_first() {
    let q = queue(5, 256);
    let log = Arc::new(Mutex::new(Vec::new()));
    record(&q, INTERACTIVE, "i1", &log);
    record(&q, INTERACTIVE, "i2", &log);
    record(&q, Slot::Token, "token", &log);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let order: Vec<&str> = log.lock().unwrap().iter().map(|(n, _)| *n).collect();
    assert_eq!(order, ["token", "i1", "i2"]);
}

#[tokio::test(start_paused = true)]
async fn dropped_ticket_is_skipped_and_spends_no_budget() {
    let q = queue(5, 256);
    let start = Instant::now();
    let a = q.enqueue(BULK, false).unwrap();
    let b = q.enqueue(BULK, false).unwrap();
    let c = q.enqueue(BULK, false).unwrap();
    a.granted().await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
    drop(b);
    assert_eq!(q.depth(BULK), 1);
    c.granted().await.unwrap();
    // C took B's place: 200 ms, not 400 ms.
    assert_eq!(start.elapsed(), Duration::from_millis(200));
}

#[tokio::test(start_paused = true)]
async fn a_future_dropped_while_waiting_is_removed() {
    let q = queue(5, 256);
    q.enqueue(BULK, false).unwrap().granted().await.unwrap();
    let waiting = q.enqueue(BULK, false).unwrap().granted();
    let r = tokio::time::timeout(Duration::from_millis(50), waiting).await;
    assert!(r.is_err(), "still waiting after 50 ms");
    assert_eq!(q.depth(BULK), 0);
}

#[tokio::test(start_paused = true)]
async fn full_lane_is_busy_others_are_not() {
    let q = queue(5, 2);
    let _a = q.enqueue(BULK, false).unwrap();
    let _b = q.enqueue(BULK, false).unwrap();
    match q.enqueue(BULK, false) {
        Err(ApiError::Busy { retry_after }) => assert!(retry_after >= Duration::from_secs(1)),
        other => panic!("expected Busy, got {:?}", other.map(|_| ())),
    }
    // A retry is never refused, nor is another lane or the token call.
    let _r = q.enqueue(BULK, true).unwrap();
    let _i = q.enqueue(INTERACTIVE, false).unwrap();
    let _t = q.enqueue(Slot::Token, false).unwrap();
}

#[tokio::test(start_paused = true)]
async fn pause_holds_the_whole_queue() {
    let q = queue(5, 256);
    let start = Instant::now();
    q.enqueue(INTERACTIVE, false)
        .unwrap()
        .granted()
        .await
        .unwrap();
    q.pause_for(Duration::from_secs(1));
    let t1 = q.enqueue(BULK, false).unwrap();
    let t2 = q.enqueue(Slot::Token, false).unwrap();
    t2.granted().await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(1));
    t1.granted().await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(1200));
    // A shorter pause never shortens a longer one.
    q.pause_for(Duration::from_secs(2));
    q.pause_for(Duration::from_millis(10));
    q.enqueue(BULK, false).unwrap().granted().await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_millis(3200));
}

#[tokio::test(start_paused = true)]
async fn close_cancels_waiting_calls() {
    let q = queue(1, 256);
    q.enqueue(BULK, false).unwrap().granted().await.unwrap();
    let waiting = q.enqueue(BULK, false).unwrap();
    q.close();
    assert_eq!(waiting.granted().await, Err(ApiError::Cancelled));
    assert!(matches!(q.enqueue(BULK, false), Err(ApiError::Cancelled)));
}

const BACKGROUND: Slot = Slot::Lane(Lane::Background);

/// Like [`record`], for a call queued through a [`SharedLane`].
fn record_shared(
    q: &Queue,
    lane: &Arc<SharedLane>,
    name: &'static str,
    log: &Arc<Mutex<Vec<(&'static str, u128)>>>,
) {
    let ticket = lane.enqueue(q, false).unwrap();
    let log = Arc::clone(log);
    let start = Instant::now();
    tokio::spawn(async move {
        ticket.granted().await.unwrap();
        log.lock()
            .unwrap()
            .push((name, start.elapsed().as_millis()));
    });
}

#[tokio::test(start_paused = true)]
async fn a_higher_lane_joiner_promotes_the_queued_call() {
    let q = queue(5, 256);
    let log = Arc::new(Mutex::new(Vec::new()));
    for name in ["b1", "b2", "b3", "b4"] {
        record(&q, BULK, name, &log);
    }
    let merged = Arc::new(SharedLane::new(BULK));
    record_shared(&q, &merged, "merged", &log);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(q.depth(BULK), 4);
    record(&q, INTERACTIVE, "i1", &log);
    // An Interactive caller joins the Bulk call: it moves behind i1, ahead of b2..b4.
    merged.raise(&q, INTERACTIVE);
    assert_eq!((q.depth(BULK), q.depth(INTERACTIVE)), (3, 2));
    // A lower lane joining later changes nothing.
    merged.raise(&q, BACKGROUND);
    merged.raise(&q, BULK);
    assert_eq!((q.depth(BULK), q.depth(INTERACTIVE)), (3, 2));
    tokio::time::sleep(Duration::from_secs(2)).await;
    let got = log.lock().unwrap().clone();
    assert_eq!(
        got,
        [
            ("b1", 0),
            ("i1", 150), // from its own start at 50 ms
            ("merged", 400),
            ("b2", 600),
            ("b3", 800),
            ("b4", 1000)
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn without_a_joiner_the_merged_call_keeps_its_lane() {
    let q = queue(5, 256);
    let log = Arc::new(Mutex::new(Vec::new()));
    record(&q, BULK, "b1", &log);
    let merged = Arc::new(SharedLane::new(BULK));
    record_shared(&q, &merged, "merged", &log);
    record(&q, BULK, "b2", &log);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let order: Vec<&str> = log.lock().unwrap().iter().map(|(n, _)| *n).collect();
    assert_eq!(order, ["b1", "merged", "b2"]);
}

#[tokio::test(start_paused = true)]
async fn a_raise_between_attempts_sends_the_retry_on_the_new_lane() {
    let q = queue(5, 256);
    let lane = SharedLane::new(BULK);
    lane.enqueue(&q, false).unwrap().granted().await.unwrap();
    lane.sent();
    // Raised while nothing waits (e.g. during a retry's backoff): nothing to move now...
    lane.raise(&q, INTERACTIVE);
    assert_eq!((q.depth(BULK), q.depth(INTERACTIVE)), (0, 0));
    // ...but the next attempt is queued on the raised lane.
    let _bulk = q.enqueue(BULK, false).unwrap();
    let retry = lane.enqueue(&q, true).unwrap();
    assert_eq!((q.depth(BULK), q.depth(INTERACTIVE)), (1, 1));
    drop(retry);
    assert_eq!(q.depth(INTERACTIVE), 0);
}

#[tokio::test(start_paused = true)]
async fn promotion_moves_only_upward_and_resets_the_lane_wait() {
    let q = queue(5, 256);
    q.enqueue(BULK, false).unwrap().granted().await.unwrap();
    let t = q.enqueue(BACKGROUND, false).unwrap();
    assert!(!q.promote(t.id(), BACKGROUND));
    assert!(!q.promote(t.id(), BULK));
    assert_eq!(q.depth(BACKGROUND), 1);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(q.promote(t.id(), INTERACTIVE));
    assert_eq!((q.depth(BACKGROUND), q.depth(INTERACTIVE)), (0, 1));
    // Waited 200 ms in all; 150 ms of it in the Interactive lane.
    assert_eq!(t.granted().await.unwrap(), Duration::from_millis(150));
    assert!(!q.promote(999, INTERACTIVE));
}

#[tokio::test(start_paused = true)]
async fn a_promoted_ticket_dropped_leaves_its_new_lane() {
    let q = queue(5, 256);
    q.enqueue(BULK, false).unwrap().granted().await.unwrap();
    let t = q.enqueue(BULK, false).unwrap();
    assert!(q.promote(t.id(), INTERACTIVE));
    drop(t);
    assert_eq!((q.depth(BULK), q.depth(INTERACTIVE)), (0, 0));
}
