//! A call's queue wait, for callers that want it per call (job runners, benchmarks).

use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

tokio::task_local! {
    static QUEUE_WAIT: Cell<Duration>;
}

/// Runs `calls` (one or more [`crate::TenantClient`] calls) and returns their output with the
/// time they waited in the tenant queue for their permits: from enqueue (or promotion to a
/// higher lane) to grant, summed over attempts, as in `upstream_queue_wait_seconds`. Counted
/// for successful calls only; a cache hit waits zero; a caller joining a merged GET gets the
/// shared call's wait; the wait for a token fetch the call triggered is not included. The
/// innermost `measure_queue_wait` gets the waits of calls nested in several.
pub async fn measure_queue_wait<F: Future>(calls: F) -> (F::Output, Duration) {
    QUEUE_WAIT
        .scope(Cell::new(Duration::ZERO), async move {
            let out = calls.await;
            (out, QUEUE_WAIT.with(Cell::get))
        })
        .await
}

/// Adds `d` to the enclosing [`measure_queue_wait`], if any.
pub(crate) fn record(d: Duration) {
    let _ = QUEUE_WAIT.try_with(|c| c.set(c.get() + d));
}
