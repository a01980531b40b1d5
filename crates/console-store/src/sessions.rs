//! tower-sessions store over the console database.

use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};

use crate::{Store, StoreError};

/// [`SessionStore`] + [`ExpiredDeletion`] backed by the `sessions` table.
/// Get one from [`Store::session_store`].
#[derive(Clone, Debug)]
pub struct SqliteSessionStore {
    store: Store,
}

impl SqliteSessionStore {
    pub(crate) fn new(store: Store) -> Self {
        SqliteSessionStore { store }
    }
}

fn backend(e: StoreError) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(record).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for SqliteSessionStore {
    /// Inserts the record; on an id collision (with any stored row, expired or
    /// not) a fresh id is drawn and the insert retried.
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let mut owned = record.clone();
        let created = self
            .store
            .with_conn(move |conn| loop {
                let data = encode(&owned).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                let inserted = conn.execute(
                    "INSERT INTO sessions (id, data, expiry_date) VALUES (?1, ?2, ?3)
                         ON CONFLICT (id) DO NOTHING",
                    params![
                        owned.id.to_string(),
                        data,
                        owned.expiry_date.unix_timestamp()
                    ],
                )?;
                if inserted == 1 {
                    return Ok(owned);
                }
                tracing::debug!("console-store: session id collision, drawing a new id");
                owned.id = Id::default();
            })
            .await
            .map_err(backend)?;
        *record = created;
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let id = record.id.to_string();
        let expiry = record.expiry_date.unix_timestamp();
        self.store
            .with_conn(move |conn| {
                conn.execute(
                    "INSERT INTO sessions (id, data, expiry_date) VALUES (?1, ?2, ?3)
                     ON CONFLICT (id) DO UPDATE SET
                         data = excluded.data, expiry_date = excluded.expiry_date",
                    params![id, data, expiry],
                )?;
                Ok(())
            })
            .await
            .map_err(backend)
    }

    /// Expired rows are treated as absent.
    async fn load(&self, session_id: &Id) -> session_store::Result<Option<Record>> {
        let id = session_id.to_string();
        let now = OffsetDateTime::now_utc();
        let data: Option<String> = self
            .store
            .with_conn(move |conn| {
                Ok(conn
                    .query_row(
                        "SELECT data FROM sessions WHERE id = ?1 AND expiry_date >= ?2",
                        params![id, now.unix_timestamp()],
                        |r| r.get(0),
                    )
                    .optional()?)
            })
            .await
            .map_err(backend)?;
        let Some(data) = data else {
            return Ok(None);
        };
        let record: Record =
            serde_json::from_str(&data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        // The column has whole seconds; the record has the exact expiry.
        Ok((record.expiry_date > now).then_some(record))
    }

    async fn delete(&self, session_id: &Id) -> session_store::Result<()> {
        let id = session_id.to_string();
        self.store
            .with_conn(move |conn| {
                conn.execute("DELETE FROM sessions WHERE id = ?1", [id])?;
                Ok(())
            })
            .await
            .map_err(backend)
    }
}

#[async_trait]
impl ExpiredDeletion for SqliteSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let deleted = self
            .store
            .with_conn(move |conn| {
                Ok(conn.execute("DELETE FROM sessions WHERE expiry_date < ?1", [now])?)
            })
            .await
            .map_err(backend)?;
        if deleted > 0 {
            tracing::debug!(deleted, "console-store: removed expired sessions");
        }
        Ok(())
    }
}
