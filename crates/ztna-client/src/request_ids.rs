//! The tenant's request ids of a caller's calls, for the console's audit trail: every
//! change made through the console is recorded with the `x-lum-request-id` of the write.

use std::cell::RefCell;
use std::future::Future;

tokio::task_local! {
    static REQUEST_IDS: RefCell<Vec<String>>;
}

/// Runs `calls` (one or more [`crate::TenantClient`] calls) and returns their output with
/// the request ids of the answers they received, in order (reads and writes; a cache hit
/// adds the id of the answer it reuses). Errors carry their own request id
/// (`ApiError::request_id`).
pub async fn capture_request_ids<F: Future>(calls: F) -> (F::Output, Vec<String>) {
    REQUEST_IDS
        .scope(RefCell::new(Vec::new()), async move {
            let out = calls.await;
            let ids = REQUEST_IDS.with(|ids| ids.take());
            (out, ids)
        })
        .await
}

/// Adds an answer's request id to the enclosing [`capture_request_ids`], if any.
pub(crate) fn record(id: Option<&str>) {
    if let Some(id) = id {
        let _ = REQUEST_IDS.try_with(|ids| ids.borrow_mut().push(id.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn ids_are_collected_in_order_and_only_inside_the_scope() {
        record(Some("outside"));
        let ((), ids) = capture_request_ids(async {
            record(Some("a"));
            record(None);
            record(Some("b"));
        })
        .await;
        assert_eq!(ids, vec!["a".to_string(), "b".to_string()]);
    }
}
