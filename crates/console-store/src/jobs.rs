//! Background jobs (bulk changes run item by item by the BFF's job runner) and their items.
//!
//! State machine. Items: `pending → running` ([`Store::claim_next_item`], attempts + 1),
//! `running → succeeded | failed` ([`Store::finish_item`]), `failed → pending`
//! ([`Store::retry_failed`]), `pending → cancelled` ([`Store::cancel_job`]), and
//! `running → pending` after a restart ([`Store::unfinished_jobs`]).
//!
//! Jobs: `queued → running` (first claim, or [`Store::set_job_state`]), `running → queued`
//! (restart recovery, or `set_job_state`), and, once no item is pending or running, the final
//! state follows from the items: all succeeded (or no items) → `succeeded`, all failed →
//! `failed`, both → `partially_failed` (set by the `finish_item` that ends the last item).
//! `queued | running → cancelled` ([`Store::cancel_job`]): pending items are cancelled, a
//! running item still records its outcome. `failed | partially_failed → queued` when
//! [`Store::retry_failed`] sends items back. Final states are otherwise left only that way;
//! a refused transition is [`StoreError::Conflict`].

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{from_micros, now_micros, Store, StoreError};

/// Default number of jobs [`Store::list_jobs`] returns (when `limit == 0`).
pub const DEFAULT_JOB_LIMIT: u32 = 50;
/// Upper bound on the `limit` of [`Store::list_jobs`].
pub const MAX_JOB_LIMIT: u32 = 500;
/// Longer error texts are cut to this many characters.
const MAX_ERROR_CHARS: usize = 2000;
/// The error recorded for an item that was running in a cancelled job when the console
/// stopped: whether the tenant applied it is unknown.
pub const INTERRUPTED_ERROR: &str =
    "interrupted: the console stopped before the outcome of this item was known";

/// The state of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Created (or requeued), no item running.
    Queued,
    /// The runner is working on it.
    Running,
    /// Every item succeeded (or there were none).
    Succeeded,
    /// Every item failed.
    Failed,
    /// Some items succeeded, some failed.
    PartiallyFailed,
    /// Stopped by a person; its pending items were cancelled.
    Cancelled,
}

impl JobState {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::PartiallyFailed => "partially_failed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "queued" => Self::Queued,
            "running" => Self::Running,
            "succeeded" => Self::Succeeded,
            "failed" => Self::Failed,
            "partially_failed" => Self::PartiallyFailed,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }

    /// Succeeded, failed, partially failed or cancelled.
    pub fn is_final(&self) -> bool {
        !matches!(self, Self::Queued | Self::Running)
    }
}

/// The state of one job item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Pending,
    Running,
    Succeeded,
    Failed,
    /// The job was cancelled before this item was attempted (again).
    Cancelled,
}

impl ItemState {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => Self::Pending,
            "running" => Self::Running,
            "succeeded" => Self::Succeeded,
            "failed" => Self::Failed,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }
}

/// One thing a job does (e.g. delete one site).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewJobItem {
    pub target_id: String,
    pub target_name: String,
    /// Whatever the runner needs to act on the target.
    pub payload: serde_json::Value,
}

/// A job to create; its items run in the given order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewJob {
    /// What the job does, e.g. "sites.delete".
    pub kind: String,
    /// Console username that started it.
    pub actor: String,
    /// Human title, e.g. "Delete 12 sites".
    pub title: String,
    pub items: Vec<NewJobItem>,
}

/// A job, with its item counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub actor: String,
    pub title: String,
    pub state: JobState,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// When it reached a final state.
    #[serde(with = "time::serde::rfc3339::option")]
    pub finished_at: Option<OffsetDateTime>,
    /// Items in all.
    pub total: u32,
    /// Items in a final state (succeeded, failed or cancelled): progress is `done / total`.
    pub done: u32,
    pub succeeded: u32,
    pub failed: u32,
    pub cancelled: u32,
    pub pending: u32,
    pub running: u32,
}

/// One item of a job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobItem {
    pub id: i64,
    pub job_id: i64,
    pub target_id: String,
    pub target_name: String,
    pub payload: serde_json::Value,
    pub state: ItemState,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Tenant request id of the last attempt, when the tenant answered.
    pub request_id: Option<String>,
    /// Times the item was claimed. More than 1 after a retry or a restart: an item that was
    /// running when the console stopped may or may not have been applied.
    pub attempts: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// The outcome of one item: `Ok(request id)` or `Err((error, request id))`.
pub type ItemOutcome = Result<Option<String>, (String, Option<String>)>;

const JOB_SELECT: &str = "SELECT j.id, j.kind, j.actor, j.title, j.state, j.created_at, \
     j.updated_at, j.finished_at, COUNT(i.id), \
     COALESCE(SUM(i.state = 'succeeded'), 0), COALESCE(SUM(i.state = 'failed'), 0), \
     COALESCE(SUM(i.state = 'cancelled'), 0), COALESCE(SUM(i.state = 'pending'), 0), \
     COALESCE(SUM(i.state = 'running'), 0) \
     FROM jobs j LEFT JOIN job_items i ON i.job_id = j.id";

const ITEM_COLUMNS: &str = "id, job_id, target_id, target_name, payload, state, error, \
                            request_id, attempts, updated_at";

struct JobRow {
    id: i64,
    kind: String,
    actor: String,
    title: String,
    state: String,
    created_at: i64,
    updated_at: i64,
    finished_at: Option<i64>,
    counts: [i64; 6],
}

impl JobRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(JobRow {
            id: r.get(0)?,
            kind: r.get(1)?,
            actor: r.get(2)?,
            title: r.get(3)?,
            state: r.get(4)?,
            created_at: r.get(5)?,
            updated_at: r.get(6)?,
            finished_at: r.get(7)?,
            counts: [
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
                r.get(11)?,
                r.get(12)?,
                r.get(13)?,
            ],
        })
    }

    fn decode(self) -> Result<Job, StoreError> {
        let state = JobState::parse(&self.state).ok_or_else(|| {
            StoreError::Corrupt(format!("job {} has state {:?}", self.id, self.state))
        })?;
        let [total, succeeded, failed, cancelled, pending, running] =
            self.counts.map(|n| u32::try_from(n).unwrap_or(u32::MAX));
        Ok(Job {
            id: self.id,
            kind: self.kind,
            actor: self.actor,
            title: self.title,
            state,
            created_at: from_micros(self.created_at)?,
            updated_at: from_micros(self.updated_at)?,
            finished_at: self.finished_at.map(from_micros).transpose()?,
            total,
            done: succeeded.saturating_add(failed).saturating_add(cancelled),
            succeeded,
            failed,
            cancelled,
            pending,
            running,
        })
    }
}

struct ItemRow {
    id: i64,
    job_id: i64,
    target_id: String,
    target_name: String,
    payload: String,
    state: String,
    error: Option<String>,
    request_id: Option<String>,
    attempts: i64,
    updated_at: i64,
}

impl ItemRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(ItemRow {
            id: r.get(0)?,
            job_id: r.get(1)?,
            target_id: r.get(2)?,
            target_name: r.get(3)?,
            payload: r.get(4)?,
            state: r.get(5)?,
            error: r.get(6)?,
            request_id: r.get(7)?,
            attempts: r.get(8)?,
            updated_at: r.get(9)?,
        })
    }

    fn decode(self) -> Result<JobItem, StoreError> {
        let state = ItemState::parse(&self.state).ok_or_else(|| {
            StoreError::Corrupt(format!("job item {} has state {:?}", self.id, self.state))
        })?;
        let payload = serde_json::from_str(&self.payload)
            .map_err(|e| StoreError::Corrupt(format!("job item {} payload: {e}", self.id)))?;
        Ok(JobItem {
            id: self.id,
            job_id: self.job_id,
            target_id: self.target_id,
            target_name: self.target_name,
            payload,
            state,
            error: self.error,
            request_id: self.request_id,
            attempts: u32::try_from(self.attempts).unwrap_or(u32::MAX),
            updated_at: from_micros(self.updated_at)?,
        })
    }
}

fn load_job(conn: &Connection, id: i64) -> Result<Option<Job>, StoreError> {
    let sql = format!("{JOB_SELECT} WHERE j.id = ?1 GROUP BY j.id");
    conn.query_row(&sql, [id], JobRow::from_row)
        .optional()?
        .map(JobRow::decode)
        .transpose()
}

fn require_job(conn: &Connection, id: i64) -> Result<Job, StoreError> {
    load_job(conn, id)?.ok_or(StoreError::NotFound)
}

fn load_item(conn: &Connection, id: i64) -> Result<Option<JobItem>, StoreError> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM job_items WHERE id = ?1");
    conn.query_row(&sql, [id], ItemRow::from_row)
        .optional()?
        .map(ItemRow::decode)
        .transpose()
}

fn write_state(
    tx: &Transaction<'_>,
    id: i64,
    state: JobState,
    now_us: i64,
) -> Result<(), StoreError> {
    let finished = state.is_final().then_some(now_us);
    tx.execute(
        "UPDATE jobs SET state = ?2, updated_at = ?3, finished_at = ?4 WHERE id = ?1",
        params![id, state.as_str(), now_us, finished],
    )?;
    Ok(())
}

/// The final state the items call for, when none is pending or running.
fn settled_state(job: &Job) -> Option<JobState> {
    if job.pending > 0 || job.running > 0 {
        return None;
    }
    Some(match (job.succeeded, job.failed) {
        (_, 0) => JobState::Succeeded,
        (0, _) => JobState::Failed,
        _ => JobState::PartiallyFailed,
    })
}

/// Moves a queued or running job whose items are all settled to its final state.
fn settle(tx: &Transaction<'_>, id: i64, now_us: i64) -> Result<(), StoreError> {
    let job = require_job(tx, id)?;
    if job.state.is_final() {
        return Ok(());
    }
    if let Some(state) = settled_state(&job) {
        write_state(tx, id, state, now_us)?;
    }
    Ok(())
}

fn truncate_chars(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => s[..end].to_owned(),
        None => s,
    }
}

fn conflict(job: &Job, what: &str) -> StoreError {
    StoreError::Conflict(format!("job {} is {}: {what}", job.id, job.state.as_str()))
}

impl Store {
    /// Creates a job in state `queued` with its items `pending`, in order (a job without
    /// items is `succeeded` at once).
    pub async fn create_job(&self, new: NewJob) -> Result<Job, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let (_, now_us) = now_micros();
            tx.execute(
                "INSERT INTO jobs (kind, actor, title, state, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'queued', ?4, ?4)",
                params![new.kind, new.actor, new.title, now_us],
            )?;
            let id = tx.last_insert_rowid();
            {
                let mut insert = tx.prepare(
                    "INSERT INTO job_items (job_id, target_id, target_name, payload, state,
                                            updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'pending', ?5)",
                )?;
                for item in &new.items {
                    let payload = serde_json::to_string(&item.payload)
                        .map_err(|e| StoreError::Corrupt(format!("job item payload: {e}")))?;
                    insert.execute(params![
                        id,
                        item.target_id,
                        item.target_name,
                        payload,
                        now_us
                    ])?;
                }
            }
            settle(&tx, id, now_us)?;
            let job = require_job(&tx, id)?;
            tx.commit()?;
            Ok(job)
        })
        .await
    }

    /// The job with its counts, if it exists.
    pub async fn job(&self, id: i64) -> Result<Option<Job>, StoreError> {
        self.with_conn(move |conn| load_job(conn, id)).await
    }

    /// The job's items, in creation order (empty for an unknown job).
    pub async fn job_items(&self, job_id: i64) -> Result<Vec<JobItem>, StoreError> {
        self.with_conn(move |conn| {
            let sql = format!("SELECT {ITEM_COLUMNS} FROM job_items WHERE job_id = ?1 ORDER BY id");
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map([job_id], ItemRow::from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(ItemRow::decode).collect()
        })
        .await
    }

    /// Jobs, newest first, optionally only one actor's; `limit` 0 means
    /// [`DEFAULT_JOB_LIMIT`], capped at [`MAX_JOB_LIMIT`].
    pub async fn list_jobs(&self, actor: Option<&str>, limit: u32) -> Result<Vec<Job>, StoreError> {
        let actor = actor.map(str::to_owned);
        let limit = match limit {
            0 => DEFAULT_JOB_LIMIT,
            n => n.min(MAX_JOB_LIMIT),
        };
        self.with_conn(move |conn| {
            let sql = format!(
                "{JOB_SELECT} WHERE ?1 IS NULL OR j.actor = ?1 GROUP BY j.id \
                 ORDER BY j.created_at DESC, j.id DESC LIMIT ?2"
            );
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt
                .query_map(params![actor, i64::from(limit)], JobRow::from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(JobRow::decode).collect()
        })
        .await
    }

    /// Takes the job's next pending item (creation order): it becomes `running` with one more
    /// attempt, and a `queued` job becomes `running`. `None` when nothing is pending or the
    /// job is not queued or running (e.g. cancelled); `NotFound` for an unknown job.
    pub async fn claim_next_item(&self, job_id: i64) -> Result<Option<JobItem>, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let job = require_job(&tx, job_id)?;
            if job.state.is_final() {
                return Ok(None);
            }
            let next: Option<i64> = tx
                .query_row(
                    "SELECT id FROM job_items WHERE job_id = ?1 AND state = 'pending'
                     ORDER BY id LIMIT 1",
                    [job_id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(item_id) = next else {
                return Ok(None);
            };
            let (_, now_us) = now_micros();
            tx.execute(
                "UPDATE job_items SET state = 'running', attempts = attempts + 1, updated_at = ?2
                 WHERE id = ?1",
                params![item_id, now_us],
            )?;
            if job.state == JobState::Queued {
                write_state(&tx, job_id, JobState::Running, now_us)?;
            }
            let item = load_item(&tx, item_id)?.ok_or(StoreError::NotFound)?;
            tx.commit()?;
            Ok(Some(item))
        })
        .await
    }

    /// Records a running item's outcome: `Ok(request id)` → `succeeded`,
    /// `Err((error, request id))` → `failed`. When it was the job's last unsettled item, the
    /// job takes its final state (a cancelled job stays cancelled). Returns the job.
    /// `NotFound` for an unknown item, `Conflict` for one that is not running.
    pub async fn finish_item(&self, item_id: i64, outcome: ItemOutcome) -> Result<Job, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let item = load_item(&tx, item_id)?.ok_or(StoreError::NotFound)?;
            if item.state != ItemState::Running {
                return Err(StoreError::Conflict(format!(
                    "job item {item_id} is {}, not running",
                    item.state.as_str()
                )));
            }
            let (state, error, request_id) = match outcome {
                Ok(request_id) => (ItemState::Succeeded, None, request_id),
                Err((error, request_id)) => (
                    ItemState::Failed,
                    Some(truncate_chars(error, MAX_ERROR_CHARS)),
                    request_id,
                ),
            };
            let (_, now_us) = now_micros();
            tx.execute(
                "UPDATE job_items SET state = ?2, error = ?3, request_id = ?4, updated_at = ?5
                 WHERE id = ?1",
                params![item_id, state.as_str(), error, request_id, now_us],
            )?;
            tx.execute(
                "UPDATE jobs SET updated_at = ?2 WHERE id = ?1",
                params![item.job_id, now_us],
            )?;
            settle(&tx, item.job_id, now_us)?;
            let job = require_job(&tx, item.job_id)?;
            tx.commit()?;
            Ok(job)
        })
        .await
    }

    /// Sends the job's failed items back to `pending` (error and request id cleared, attempts
    /// kept) and returns how many. A `failed` or `partially_failed` job with items to retry
    /// becomes `queued` again; a queued or running one keeps its state. `Conflict` for a
    /// cancelled job, `NotFound` for an unknown one.
    pub async fn retry_failed(&self, job_id: i64) -> Result<u32, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let job = require_job(&tx, job_id)?;
            if job.state == JobState::Cancelled {
                return Err(conflict(&job, "a cancelled job is not retried"));
            }
            let (_, now_us) = now_micros();
            let n = tx.execute(
                "UPDATE job_items SET state = 'pending', error = NULL, request_id = NULL,
                                      updated_at = ?2
                 WHERE job_id = ?1 AND state = 'failed'",
                params![job_id, now_us],
            )?;
            if n > 0 && job.state.is_final() {
                write_state(&tx, job_id, JobState::Queued, now_us)?;
            }
            tx.commit()?;
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        })
        .await
    }

    /// Moves the job to `state`, if the state machine allows it (see the module docs):
    /// `queued ↔ running`; to a final state other than `cancelled` only once no item is
    /// pending or running and only the state the items call for; to `cancelled` as
    /// [`Store::cancel_job`]. Setting the current state is a no-op. `Conflict` otherwise.
    pub async fn set_job_state(&self, job_id: i64, state: JobState) -> Result<Job, StoreError> {
        if state == JobState::Cancelled {
            return self.cancel_job(job_id).await;
        }
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let job = require_job(&tx, job_id)?;
            if job.state == state {
                return Ok(job);
            }
            if job.state.is_final() {
                return Err(conflict(
                    &job,
                    "a finished job only moves on through retry_failed",
                ));
            }
            if state.is_final() {
                match settled_state(&job) {
                    Some(s) if s == state => {}
                    Some(s) => {
                        return Err(conflict(
                            &job,
                            &format!("its items make it {}, not {}", s.as_str(), state.as_str()),
                        ))
                    }
                    None => {
                        return Err(conflict(&job, "items are still pending or running"));
                    }
                }
            }
            let (_, now_us) = now_micros();
            write_state(&tx, job_id, state, now_us)?;
            let job = require_job(&tx, job_id)?;
            tx.commit()?;
            Ok(job)
        })
        .await
    }

    /// Cancels a queued or running job: its pending items become `cancelled` and the job
    /// `cancelled`; a running item still records its outcome through
    /// [`Store::finish_item`]. Cancelling a cancelled job is a no-op; a finished job is a
    /// `Conflict`.
    pub async fn cancel_job(&self, job_id: i64) -> Result<Job, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let job = require_job(&tx, job_id)?;
            match job.state {
                JobState::Cancelled => return Ok(job),
                s if s.is_final() => return Err(conflict(&job, "it has already finished")),
                _ => {}
            }
            let (_, now_us) = now_micros();
            tx.execute(
                "UPDATE job_items SET state = 'cancelled', updated_at = ?2
                 WHERE job_id = ?1 AND state = 'pending'",
                params![job_id, now_us],
            )?;
            write_state(&tx, job_id, JobState::Cancelled, now_us)?;
            let job = require_job(&tx, job_id)?;
            tx.commit()?;
            Ok(job)
        })
        .await
    }

    /// Restart recovery, to call once at start-up before the job runner runs: every item left
    /// `running` goes back to `pending` (its attempt stays counted: it may have been applied,
    /// see [`JobItem::attempts`]), or becomes `failed` with [`INTERRUPTED_ERROR`] in a
    /// cancelled job; running jobs go back to `queued`; jobs with nothing left to do take
    /// their final state. Returns the jobs to resume (queued), oldest first.
    pub async fn unfinished_jobs(&self) -> Result<Vec<Job>, StoreError> {
        self.with_conn(move |conn| {
            let tx = conn.transaction()?;
            let (_, now_us) = now_micros();
            tx.execute(
                "UPDATE job_items SET state = 'failed', error = ?1, updated_at = ?2
                 WHERE state = 'running'
                   AND job_id IN (SELECT id FROM jobs WHERE state = 'cancelled')",
                params![INTERRUPTED_ERROR, now_us],
            )?;
            tx.execute(
                "UPDATE job_items SET state = 'pending', updated_at = ?1 WHERE state = 'running'",
                [now_us],
            )?;
            tx.execute(
                "UPDATE jobs SET state = 'queued', updated_at = ?1 WHERE state = 'running'",
                [now_us],
            )?;
            let ids: Vec<i64> = {
                let mut stmt =
                    tx.prepare("SELECT id FROM jobs WHERE state = 'queued' ORDER BY id")?;
                let ids = stmt
                    .query_map([], |r| r.get(0))?
                    .collect::<Result<Vec<_>, _>>()?;
                ids
            };
            let mut jobs = Vec::new();
            for id in ids {
                settle(&tx, id, now_us)?;
                let job = require_job(&tx, id)?;
                if job.state == JobState::Queued {
                    jobs.push(job);
                }
            }
            tx.commit()?;
            Ok(jobs)
        })
        .await
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn states_round_trip() {
        for s in [
            JobState::Queued,
            JobState::Running,
            JobState::Succeeded,
            JobState::Failed,
            JobState::PartiallyFailed,
            JobState::Cancelled,
        ] {
            assert_eq!(JobState::parse(s.as_str()), Some(s));
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::String(s.as_str().to_owned())
            );
        }
        for s in [
            ItemState::Pending,
            ItemState::Running,
            ItemState::Succeeded,
            ItemState::Failed,
            ItemState::Cancelled,
        ] {
            assert_eq!(ItemState::parse(s.as_str()), Some(s));
        }
        assert_eq!(JobState::parse("done"), None);
    }

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate_chars("héllo".into(), 2), "hé");
        assert_eq!(truncate_chars("abc".into(), 5), "abc");
    }
}
