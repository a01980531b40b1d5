#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashSet;

use common::TempDir;
use console_store::{
    ItemState, Job, JobState, NewJob, NewJobItem, Store, StoreError, INTERRUPTED_ERROR,
    SCHEMA_VERSION,
};
use serde_json::json;

fn new_job(actor: &str, n: usize) -> NewJob {
    NewJob {
        kind: "sites.delete".to_owned(),
        actor: actor.to_owned(),
        title: format!("Delete {n} sites"),
        items: (0..n)
            .map(|i| NewJobItem {
                target_id: format!("site-{i}"),
                target_name: format!("Site {i}"),
                payload: json!({ "site_id": format!("site-{i}"), "n": i }),
            })
            .collect(),
    }
}

/// (total, done, succeeded, failed, cancelled, pending, running)
fn counts(j: &Job) -> (u32, u32, u32, u32, u32, u32, u32) {
    (
        j.total,
        j.done,
        j.succeeded,
        j.failed,
        j.cancelled,
        j.pending,
        j.running,
    )
}

fn item_states(items: &[console_store::JobItem]) -> Vec<ItemState> {
    items.iter().map(|i| i.state).collect()
}

#[tokio::test]
async fn create_and_read_a_job() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 3)).await.unwrap();
    assert_eq!(job.state, JobState::Queued);
    assert_eq!(
        (job.kind.as_str(), job.actor.as_str(), job.title.as_str()),
        ("sites.delete", "alice", "Delete 3 sites")
    );
    assert_eq!(counts(&job), (3, 0, 0, 0, 0, 3, 0));
    assert!(job.finished_at.is_none());
    assert_eq!(store.job(job.id).await.unwrap(), Some(job.clone()));
    assert_eq!(store.job(job.id + 100).await.unwrap(), None);

    let items = store.job_items(job.id).await.unwrap();
    assert_eq!(items.len(), 3);
    for (i, item) in items.iter().enumerate() {
        assert_eq!(item.job_id, job.id);
        assert_eq!(item.target_id, format!("site-{i}"));
        assert_eq!(item.target_name, format!("Site {i}"));
        assert_eq!(
            item.payload,
            json!({ "site_id": format!("site-{i}"), "n": i })
        );
        assert_eq!(item.state, ItemState::Pending);
        assert_eq!(
            (item.attempts, &item.error, &item.request_id),
            (0, &None, &None)
        );
    }
    assert!(store.job_items(job.id + 100).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_job_without_items_is_done_at_once() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 0)).await.unwrap();
    assert_eq!(job.state, JobState::Succeeded);
    assert!(job.finished_at.is_some());
    assert_eq!(store.claim_next_item(job.id).await.unwrap(), None);
}

#[tokio::test]
async fn items_run_in_order_and_the_job_succeeds() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 2)).await.unwrap();

    let first = store.claim_next_item(job.id).await.unwrap().unwrap();
    assert_eq!(
        (first.target_id.as_str(), first.state, first.attempts),
        ("site-0", ItemState::Running, 1)
    );
    let j = store.job(job.id).await.unwrap().unwrap();
    assert_eq!(j.state, JobState::Running);
    assert_eq!(counts(&j), (2, 0, 0, 0, 0, 1, 1));

    let j = store
        .finish_item(first.id, Ok(Some("req-1".into())))
        .await
        .unwrap();
    assert_eq!(j.state, JobState::Running);
    assert_eq!(counts(&j), (2, 1, 1, 0, 0, 1, 0));

    let second = store.claim_next_item(job.id).await.unwrap().unwrap();
    assert_eq!(second.target_id, "site-1");
    let j = store.finish_item(second.id, Ok(None)).await.unwrap();
    assert_eq!(j.state, JobState::Succeeded);
    assert_eq!(counts(&j), (2, 2, 2, 0, 0, 0, 0));
    assert!(j.finished_at.is_some());
    assert_eq!(store.claim_next_item(job.id).await.unwrap(), None);

    let items = store.job_items(job.id).await.unwrap();
    assert_eq!(items[0].request_id.as_deref(), Some("req-1"));
    assert_eq!(items[1].request_id, None);
    assert_eq!(
        item_states(&items),
        [ItemState::Succeeded, ItemState::Succeeded]
    );
}

#[tokio::test]
async fn final_state_follows_the_items() {
    let store = Store::open_in_memory().unwrap();
    // Mixed: partially failed.
    let job = store.create_job(new_job("alice", 3)).await.unwrap();
    for i in 0..3 {
        let item = store.claim_next_item(job.id).await.unwrap().unwrap();
        let outcome = if i == 1 {
            Err(("site not found".to_owned(), Some("req-404".to_owned())))
        } else {
            Ok(Some(format!("req-{i}")))
        };
        store.finish_item(item.id, outcome).await.unwrap();
    }
    let j = store.job(job.id).await.unwrap().unwrap();
    assert_eq!(j.state, JobState::PartiallyFailed);
    assert_eq!(counts(&j), (3, 3, 2, 1, 0, 0, 0));
    let failed = &store.job_items(job.id).await.unwrap()[1];
    assert_eq!(failed.state, ItemState::Failed);
    assert_eq!(failed.error.as_deref(), Some("site not found"));
    assert_eq!(failed.request_id.as_deref(), Some("req-404"));

    // All failed: failed. A very long error is cut.
    let job = store.create_job(new_job("alice", 2)).await.unwrap();
    for _ in 0..2 {
        let item = store.claim_next_item(job.id).await.unwrap().unwrap();
        store
            .finish_item(item.id, Err(("x".repeat(5000), None)))
            .await
            .unwrap();
    }
    let j = store.job(job.id).await.unwrap().unwrap();
    assert_eq!(j.state, JobState::Failed);
    assert!(j.finished_at.is_some());
    let items = store.job_items(job.id).await.unwrap();
    assert_eq!(items[0].error.as_ref().unwrap().len(), 2000);
}

#[tokio::test]
async fn finishing_needs_a_running_item() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 2)).await.unwrap();
    let items = store.job_items(job.id).await.unwrap();
    // Pending: not claimed yet.
    assert!(matches!(
        store.finish_item(items[0].id, Ok(None)).await,
        Err(StoreError::Conflict(_))
    ));
    let claimed = store.claim_next_item(job.id).await.unwrap().unwrap();
    store.finish_item(claimed.id, Ok(None)).await.unwrap();
    // Twice.
    assert!(matches!(
        store
            .finish_item(claimed.id, Err(("late".into(), None)))
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.finish_item(9999, Ok(None)).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.claim_next_item(9999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn concurrent_claims_get_distinct_items() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 3)).await.unwrap();
    let claims: Vec<_> = (0..4)
        .map(|_| {
            let s = store.clone();
            tokio::spawn(async move { s.claim_next_item(job.id).await.unwrap() })
        })
        .collect();
    let mut got = Vec::new();
    for c in claims {
        got.push(c.await.unwrap());
    }
    let ids: HashSet<i64> = got.iter().flatten().map(|i| i.id).collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(got.iter().filter(|i| i.is_none()).count(), 1);
}

#[tokio::test]
async fn retry_failed_sends_failed_items_back() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 2)).await.unwrap();
    let a = store.claim_next_item(job.id).await.unwrap().unwrap();
    store.finish_item(a.id, Ok(None)).await.unwrap();
    let b = store.claim_next_item(job.id).await.unwrap().unwrap();
    let j = store
        .finish_item(b.id, Err(("HTTP 503".into(), Some("req-b".into()))))
        .await
        .unwrap();
    assert_eq!(j.state, JobState::PartiallyFailed);

    assert_eq!(store.retry_failed(job.id).await.unwrap(), 1);
    let j = store.job(job.id).await.unwrap().unwrap();
    assert_eq!(j.state, JobState::Queued);
    assert!(j.finished_at.is_none());
    assert_eq!(counts(&j), (2, 1, 1, 0, 0, 1, 0));
    let retried = &store.job_items(job.id).await.unwrap()[1];
    assert_eq!(retried.state, ItemState::Pending);
    assert_eq!(
        (&retried.error, &retried.request_id, retried.attempts),
        (&None, &None, 1)
    );

    let again = store.claim_next_item(job.id).await.unwrap().unwrap();
    assert_eq!((again.id, again.attempts), (b.id, 2));
    let j = store.finish_item(again.id, Ok(None)).await.unwrap();
    assert_eq!(j.state, JobState::Succeeded);

    // Nothing to retry: 0, state unchanged.
    assert_eq!(store.retry_failed(job.id).await.unwrap(), 0);
    assert_eq!(
        store.job(job.id).await.unwrap().unwrap().state,
        JobState::Succeeded
    );
    assert!(matches!(
        store.retry_failed(9999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn cancel_stops_pending_items_and_lets_the_running_one_finish() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 4)).await.unwrap();
    let running = store.claim_next_item(job.id).await.unwrap().unwrap();

    let j = store.cancel_job(job.id).await.unwrap();
    assert_eq!(j.state, JobState::Cancelled);
    assert!(j.finished_at.is_some());
    assert_eq!(counts(&j), (4, 3, 0, 0, 3, 0, 1));
    assert_eq!(store.claim_next_item(job.id).await.unwrap(), None);

    // The item in flight still records its outcome; the job stays cancelled.
    let j = store
        .finish_item(running.id, Ok(Some("req".into())))
        .await
        .unwrap();
    assert_eq!(j.state, JobState::Cancelled);
    assert_eq!(counts(&j), (4, 4, 1, 0, 3, 0, 0));
    assert_eq!(
        item_states(&store.job_items(job.id).await.unwrap()),
        [
            ItemState::Succeeded,
            ItemState::Cancelled,
            ItemState::Cancelled,
            ItemState::Cancelled
        ]
    );

    // Cancelling again is a no-op; a cancelled job is not retried.
    assert_eq!(store.cancel_job(job.id).await.unwrap(), j);
    assert!(matches!(
        store.retry_failed(job.id).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.set_job_state(job.id, JobState::Running).await,
        Err(StoreError::Conflict(_))
    ));

    // A finished job cannot be cancelled.
    let done = store.create_job(new_job("alice", 0)).await.unwrap();
    assert!(matches!(
        store.cancel_job(done.id).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        store.cancel_job(9999).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn set_job_state_follows_the_state_machine() {
    let store = Store::open_in_memory().unwrap();
    let job = store.create_job(new_job("alice", 1)).await.unwrap();
    let j = store
        .set_job_state(job.id, JobState::Running)
        .await
        .unwrap();
    assert_eq!(j.state, JobState::Running);
    let j = store.set_job_state(job.id, JobState::Queued).await.unwrap();
    assert_eq!(j.state, JobState::Queued);
    // Same state: no-op.
    assert_eq!(
        store.set_job_state(job.id, JobState::Queued).await.unwrap(),
        j
    );
    // Not final while an item is pending.
    assert!(matches!(
        store.set_job_state(job.id, JobState::Succeeded).await,
        Err(StoreError::Conflict(_))
    ));
    let item = store.claim_next_item(job.id).await.unwrap().unwrap();
    assert!(matches!(
        store.set_job_state(job.id, JobState::Failed).await,
        Err(StoreError::Conflict(_))
    ));
    let j = store
        .finish_item(item.id, Err(("boom".into(), None)))
        .await
        .unwrap();
    assert_eq!(j.state, JobState::Failed);
    // Final: only retry_failed moves it on.
    for s in [
        JobState::Queued,
        JobState::Running,
        JobState::Succeeded,
        JobState::PartiallyFailed,
    ] {
        assert!(
            matches!(
                store.set_job_state(job.id, s).await,
                Err(StoreError::Conflict(_))
            ),
            "{s:?}"
        );
    }
    assert_eq!(
        store.set_job_state(job.id, JobState::Failed).await.unwrap(),
        j
    );

    // Cancelled through set_job_state is cancel_job.
    let other = store.create_job(new_job("alice", 2)).await.unwrap();
    let c = store
        .set_job_state(other.id, JobState::Cancelled)
        .await
        .unwrap();
    assert_eq!((c.state, c.cancelled), (JobState::Cancelled, 2));
    assert!(matches!(
        store.set_job_state(9999, JobState::Running).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn list_jobs_newest_first_by_actor_with_limit() {
    let store = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for actor in ["alice", "bob", "alice", "carol", "alice"] {
        ids.push(store.create_job(new_job(actor, 1)).await.unwrap().id);
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let all: Vec<i64> = store
        .list_jobs(None, 0)
        .await
        .unwrap()
        .iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(all, ids.iter().rev().copied().collect::<Vec<_>>());
    let alice: Vec<i64> = store
        .list_jobs(Some("alice"), 0)
        .await
        .unwrap()
        .iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(alice, [ids[4], ids[2], ids[0]]);
    let two = store.list_jobs(Some("alice"), 2).await.unwrap();
    assert_eq!(two.len(), 2);
    assert_eq!(two[0].total, 1);
    assert!(store
        .list_jobs(Some("nobody"), 10)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn jobs_survive_a_restart_and_resume() {
    let dir = TempDir::new("jobs");
    let path = dir.db_path();
    let (resumable, cancelled, finished, queued, running_item) = {
        let store = Store::open(&path).unwrap();
        // A job cut short: one item done, one in flight, one pending.
        let resumable = store.create_job(new_job("alice", 3)).await.unwrap();
        let a = store.claim_next_item(resumable.id).await.unwrap().unwrap();
        store
            .finish_item(a.id, Ok(Some("req-a".into())))
            .await
            .unwrap();
        let running_item = store.claim_next_item(resumable.id).await.unwrap().unwrap();
        // A cancelled job whose item was in flight.
        let cancelled = store.create_job(new_job("bob", 2)).await.unwrap();
        store.claim_next_item(cancelled.id).await.unwrap().unwrap();
        store.cancel_job(cancelled.id).await.unwrap();
        // A finished job, and one never started.
        let finished = store.create_job(new_job("bob", 1)).await.unwrap();
        let f = store.claim_next_item(finished.id).await.unwrap().unwrap();
        store.finish_item(f.id, Ok(None)).await.unwrap();
        let queued = store.create_job(new_job("carol", 1)).await.unwrap();
        (
            resumable.id,
            cancelled.id,
            finished.id,
            queued.id,
            running_item,
        )
    };

    let store = Store::open(&path).unwrap();
    // Before recovery, everything is as it was left.
    let j = store.job(resumable).await.unwrap().unwrap();
    assert_eq!(j.state, JobState::Running);
    assert_eq!(counts(&j), (3, 1, 1, 0, 0, 1, 1));

    let unfinished = store.unfinished_jobs().await.unwrap();
    let ids: Vec<i64> = unfinished.iter().map(|j| j.id).collect();
    assert_eq!(ids, [resumable, queued]);
    assert!(unfinished.iter().all(|j| j.state == JobState::Queued));
    assert_eq!(counts(&unfinished[0]), (3, 1, 1, 0, 0, 2, 0));

    let items = store.job_items(resumable).await.unwrap();
    assert_eq!(
        item_states(&items),
        [ItemState::Succeeded, ItemState::Pending, ItemState::Pending]
    );
    assert_eq!(items[0].request_id.as_deref(), Some("req-a"));
    assert_eq!((items[1].id, items[1].attempts), (running_item.id, 1));

    // The cancelled job's interrupted item failed, with the reason.
    let c = store.job(cancelled).await.unwrap().unwrap();
    assert_eq!(c.state, JobState::Cancelled);
    assert_eq!(counts(&c), (2, 2, 0, 1, 1, 0, 0));
    let citems = store.job_items(cancelled).await.unwrap();
    assert_eq!(citems[0].error.as_deref(), Some(INTERRUPTED_ERROR));
    assert_eq!(
        store.job(finished).await.unwrap().unwrap().state,
        JobState::Succeeded
    );

    // Resuming: the interrupted item comes first, counted as a second attempt.
    let next = store.claim_next_item(resumable).await.unwrap().unwrap();
    assert_eq!((next.id, next.attempts), (running_item.id, 2));
    store.finish_item(next.id, Ok(None)).await.unwrap();
    let last = store.claim_next_item(resumable).await.unwrap().unwrap();
    let j = store.finish_item(last.id, Ok(None)).await.unwrap();
    assert_eq!(j.state, JobState::Succeeded);

    // Recovery is idempotent.
    let again: Vec<i64> = store
        .unfinished_jobs()
        .await
        .unwrap()
        .iter()
        .map(|j| j.id)
        .collect();
    assert_eq!(again, [queued]);
}

#[tokio::test]
async fn a_version_1_database_is_migrated() {
    let dir = TempDir::new("jobs-migrate");
    let path = dir.db_path();
    drop(Store::open(&path).unwrap());
    {
        // Turn it back into a version 1 database (accounts, sessions, audit only).
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE scheduled_unblocks; DROP TABLE job_items; DROP TABLE jobs; \
             UPDATE schema_version SET version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let job = store.create_job(new_job("alice", 1)).await.unwrap();
    assert_eq!(store.job(job.id).await.unwrap().unwrap().total, 1);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!((version, SCHEMA_VERSION), (3, 3));
}
