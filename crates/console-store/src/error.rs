//! The store's error type.

/// Everything that can go wrong in the console store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness constraint was violated (e.g. the username is taken).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The row addressed by id does not exist.
    #[error("not found")]
    NotFound,
    /// SQLite (or file-system) failure, including a poisoned connection mutex.
    #[error("database error: {0}")]
    Database(String),
    /// A stored value could not be decoded (bad JSON, out-of-range timestamp, schema too new).
    #[error("corrupt data: {0}")]
    Corrupt(String),
    /// A blocking task panicked or was cancelled.
    #[error("background task failed: {0}")]
    Join(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.to_string())
    }
}

impl From<tokio::task::JoinError> for StoreError {
    fn from(e: tokio::task::JoinError) -> Self {
        StoreError::Join(e.to_string())
    }
}

/// True if `e` is a UNIQUE / PRIMARY KEY constraint violation.
pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(err, _)
            if err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                || err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
    )
}
