//! Schema migrations, tracked in a one-row `schema_version` table.

use rusqlite::{Connection, OptionalExtension};

use crate::StoreError;

/// Migration `i` (0-based) brings the schema from version `i` to `i + 1`.
/// Append only; never edit a released migration.
const MIGRATIONS: &[&str] = &[
    // v1: accounts, sessions, audit trail.
    r#"
    CREATE TABLE accounts (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        username        TEXT    NOT NULL,
        username_key    TEXT    NOT NULL UNIQUE,          -- lower-cased username
        display_name    TEXT    NOT NULL,
        role            TEXT    NOT NULL,
        site_scope      TEXT    NOT NULL DEFAULT '[]',    -- JSON array of site ids
        password_hash   TEXT    NOT NULL,
        disabled        INTEGER NOT NULL DEFAULT 0,
        created_at      INTEGER NOT NULL,                 -- unix microseconds
        last_login_at   INTEGER                           -- unix microseconds
    );

    CREATE TABLE sessions (
        id              TEXT    PRIMARY KEY NOT NULL,
        data            TEXT    NOT NULL,                 -- serde_json of the tower-sessions Record
        expiry_date     INTEGER NOT NULL                  -- unix seconds
    );
    CREATE INDEX sessions_expiry_idx ON sessions (expiry_date);

    CREATE TABLE audit_log (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        at              INTEGER NOT NULL,                 -- unix microseconds
        actor           TEXT    NOT NULL,
        action          TEXT    NOT NULL,
        target_kind     TEXT    NOT NULL,
        target_id       TEXT,
        target_name     TEXT,
        outcome         TEXT    NOT NULL,
        request_id      TEXT,
        detail          TEXT    NOT NULL DEFAULT 'null'   -- JSON
    );
    CREATE INDEX audit_at_idx     ON audit_log (at);
    CREATE INDEX audit_actor_idx  ON audit_log (actor, at);
    CREATE INDEX audit_target_idx ON audit_log (target_id, at);

    -- The audit trail is append-only.
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    "#,
    // v2: background jobs (bulk changes) and their items.
    r#"
    CREATE TABLE jobs (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        kind            TEXT    NOT NULL,                 -- e.g. "sites.delete"
        actor           TEXT    NOT NULL,                 -- console username
        title           TEXT    NOT NULL,
        state           TEXT    NOT NULL,                 -- queued|running|succeeded|failed|partially_failed|cancelled
        created_at      INTEGER NOT NULL,                 -- unix microseconds
        updated_at      INTEGER NOT NULL,                 -- unix microseconds
        finished_at     INTEGER                           -- unix microseconds, final states only
    );
    CREATE INDEX jobs_created_idx ON jobs (created_at);
    CREATE INDEX jobs_actor_idx   ON jobs (actor, created_at);
    CREATE INDEX jobs_state_idx   ON jobs (state);

    CREATE TABLE job_items (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id          INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
        target_id       TEXT    NOT NULL,
        target_name     TEXT    NOT NULL,
        payload         TEXT    NOT NULL DEFAULT 'null',  -- JSON
        state           TEXT    NOT NULL,                 -- pending|running|succeeded|failed|cancelled
        error           TEXT,
        request_id      TEXT,                             -- tenant x-lum-request-id of the last attempt
        attempts        INTEGER NOT NULL DEFAULT 0,
        updated_at      INTEGER NOT NULL                  -- unix microseconds
    );
    CREATE INDEX job_items_job_idx ON job_items (job_id, state, id);
    "#,
    // v3: scheduled unblocks of tenant users (one per user).
    r#"
    CREATE TABLE scheduled_unblocks (
        idp_id          TEXT    NOT NULL,
        user_id         TEXT    NOT NULL,
        user_name       TEXT    NOT NULL,
        due_at          INTEGER NOT NULL,                 -- unix microseconds
        created_by      TEXT    NOT NULL,                 -- console username
        reason          TEXT    NOT NULL,
        created_at      INTEGER NOT NULL,                 -- unix microseconds
        PRIMARY KEY (idp_id, user_id)
    );
    CREATE INDEX scheduled_unblocks_due_idx ON scheduled_unblocks (due_at);
    "#,
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to [`SCHEMA_VERSION`]. Idempotent.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    tx.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);")?;
    let current: Option<i64> = tx
        .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
        .optional()?;
    let current = match current {
        Some(v) => v,
        None => {
            tx.execute("INSERT INTO schema_version (version) VALUES (0)", [])?;
            0
        }
    };
    if current > SCHEMA_VERSION {
        return Err(StoreError::Corrupt(format!(
            "database schema version {current} is newer than this build supports ({SCHEMA_VERSION})"
        )));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        tracing::info!(version = i + 1, "console-store: applied schema migration");
    }
    tx.execute("UPDATE schema_version SET version = ?1", [SCHEMA_VERSION])?;
    tx.commit()?;
    Ok(())
}
