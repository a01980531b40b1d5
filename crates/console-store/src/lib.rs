//! The admin console's own persistent embedded store (SQLite via rusqlite, bundled).
//!
//! Holds console accounts, HTTP sessions (a [`tower_sessions::SessionStore`], so
//! sessions survive a restart), the append-only audit trail of changes made
//! through the console, and background jobs (bulk changes) with their items
//! ([`Store::create_job`]; the state machine is described in `jobs.rs`). Password hashing
//! lives in [`password`].
//!
//! All blocking SQLite work runs on `tokio::task::spawn_blocking`; one connection
//! is shared behind a mutex (a poisoned mutex surfaces as [`StoreError::Database`]).

mod accounts;
mod audit;
mod error;
mod jobs;
pub mod password;
mod schedules;
mod schema;
mod sessions;

use std::fmt;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::Connection;
use time::OffsetDateTime;

pub use accounts::{Account, NewAccount};
pub use audit::{AuditEntry, AuditQuery, NewAuditEntry, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT};
pub use error::StoreError;
pub use jobs::{
    ItemOutcome, ItemState, Job, JobItem, JobState, NewJob, NewJobItem, DEFAULT_JOB_LIMIT,
    INTERRUPTED_ERROR, MAX_JOB_LIMIT,
};
pub use schedules::{NewScheduledUnblock, ScheduledUnblock};
pub use schema::SCHEMA_VERSION;
pub use sessions::SqliteSessionStore;

/// How long a statement waits for a lock held by another connection.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Handle to the console database. Cheap to clone; all clones share one connection.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating if needed, including parent directories) the database at
    /// `path`, enables WAL mode and a busy timeout, and runs migrations.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(parent) = path.parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    StoreError::Database(format!("creating {}: {e}", parent.display()))
                })?;
            }
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(%mode, path = %path.display(), "console-store: WAL mode not available");
        }
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        Self::init(conn)
    }

    /// Opens a private in-memory database (tests, ephemeral demo mode).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        Self::init(conn)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// A tower-sessions store over the same database.
    pub fn session_store(&self) -> SqliteSessionStore {
        SqliteSessionStore::new(self.clone())
    }

    /// Runs `f` with the connection on the blocking thread pool.
    pub(crate) async fn with_conn<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        F: FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
        T: Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            let mut guard = conn
                .lock()
                .map_err(|_| StoreError::Database("connection mutex poisoned".to_owned()))?;
            f(&mut guard)
        })
        .await?
    }
}

/// Current time truncated to microseconds (the precision we store), plus its
/// stored representation.
pub(crate) fn now_micros() -> (OffsetDateTime, i64) {
    let us = to_micros(OffsetDateTime::now_utc());
    // `us` came from a valid OffsetDateTime, so it converts back.
    let at = from_micros(us).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    (at, us)
}

/// Unix microseconds, saturating at the i64 range.
pub(crate) fn to_micros(t: OffsetDateTime) -> i64 {
    let us = t.unix_timestamp_nanos() / 1_000;
    i64::try_from(us).unwrap_or(if us < 0 { i64::MIN } else { i64::MAX })
}

pub(crate) fn from_micros(us: i64) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1_000)
        .map_err(|e| StoreError::Corrupt(format!("timestamp {us}us out of range: {e}")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn poisoned_mutex_is_an_error_not_a_panic() {
        let store = Store::open_in_memory().unwrap();
        let conn = Arc::clone(&store.conn);
        let _ = std::thread::spawn(move || {
            let _guard = conn.lock().unwrap();
            panic!("poison the connection mutex");
        })
        .join();
        let err = store.list_accounts().await.unwrap_err();
        assert!(
            matches!(err, StoreError::Database(ref m) if m.contains("poisoned")),
            "{err:?}"
        );
    }

    #[test]
    fn micros_round_trip() {
        let (at, us) = now_micros();
        assert_eq!(from_micros(us).unwrap(), at);
        assert_eq!(to_micros(at), us);
    }
}
