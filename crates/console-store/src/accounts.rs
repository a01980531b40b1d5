//! Console accounts.

use std::fmt;

use rusqlite::{params, Connection, OptionalExtension, Row};
use time::OffsetDateTime;

use crate::error::is_unique_violation;
use crate::{from_micros, now_micros, Store, StoreError};

/// Input for [`Store::create_account`] / [`Store::upsert_account`].
#[derive(Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    /// "admin" | "viewer" | "delegated" | "helpdesk" — not interpreted by the store.
    pub role: String,
    /// Tenant site ids this account may act on.
    pub site_scope: Vec<String>,
    /// Argon2id PHC string (see [`crate::password::hash`]).
    pub password_hash: String,
}

impl fmt::Debug for NewAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewAccount")
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("role", &self.role)
            .field("site_scope", &self.site_scope)
            .field("password_hash", &"<redacted>")
            .finish()
    }
}

/// A stored console account. `Debug` never prints the password hash.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub site_scope: Vec<String>,
    pub password_hash: String,
    pub disabled: bool,
    pub created_at: OffsetDateTime,
    pub last_login_at: Option<OffsetDateTime>,
}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("display_name", &self.display_name)
            .field("role", &self.role)
            .field("site_scope", &self.site_scope)
            .field("password_hash", &"<redacted>")
            .field("disabled", &self.disabled)
            .field("created_at", &self.created_at)
            .field("last_login_at", &self.last_login_at)
            .finish()
    }
}

const ACCOUNT_COLUMNS: &str = "id, username, display_name, role, site_scope, password_hash, \
                               disabled, created_at, last_login_at";

/// Raw column values; decoded outside the rusqlite row callback so JSON and
/// timestamp problems become [`StoreError::Corrupt`].
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    site_scope: String,
    password_hash: String,
    disabled: bool,
    created_at: i64,
    last_login_at: Option<i64>,
}

impl AccountRow {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(AccountRow {
            id: r.get(0)?,
            username: r.get(1)?,
            display_name: r.get(2)?,
            role: r.get(3)?,
            site_scope: r.get(4)?,
            password_hash: r.get(5)?,
            disabled: r.get(6)?,
            created_at: r.get(7)?,
            last_login_at: r.get(8)?,
        })
    }

    fn decode(self) -> Result<Account, StoreError> {
        let site_scope = serde_json::from_str(&self.site_scope)
            .map_err(|e| StoreError::Corrupt(format!("account {} site_scope: {e}", self.id)))?;
        Ok(Account {
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            role: self.role,
            site_scope,
            password_hash: self.password_hash,
            disabled: self.disabled,
            created_at: from_micros(self.created_at)?,
            last_login_at: self.last_login_at.map(from_micros).transpose()?,
        })
    }
}

/// The case-insensitive lookup key for a username.
fn username_key(username: &str) -> String {
    username.to_lowercase()
}

fn scope_json(scope: &[String]) -> Result<String, StoreError> {
    serde_json::to_string(scope).map_err(|e| StoreError::Corrupt(format!("site_scope: {e}")))
}

fn select_by_key(conn: &Connection, key: &str) -> Result<Option<Account>, StoreError> {
    conn.query_row(
        &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username_key = ?1"),
        [key],
        AccountRow::from_row,
    )
    .optional()?
    .map(AccountRow::decode)
    .transpose()
}

fn select_by_id(conn: &Connection, id: i64) -> Result<Option<Account>, StoreError> {
    conn.query_row(
        &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?1"),
        [id],
        AccountRow::from_row,
    )
    .optional()?
    .map(AccountRow::decode)
    .transpose()
}

fn require_changed(changed: usize) -> Result<(), StoreError> {
    if changed == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}

impl Store {
    /// Creates an account. [`StoreError::Conflict`] if the username is taken
    /// (compared case-insensitively).
    pub async fn create_account(&self, new: NewAccount) -> Result<Account, StoreError> {
        self.with_conn(move |conn| {
            let key = username_key(&new.username);
            let scope = scope_json(&new.site_scope)?;
            let (_, now) = now_micros();
            let inserted = conn.execute(
                "INSERT INTO accounts (username, username_key, display_name, role, site_scope,
                                       password_hash, disabled, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)",
                params![
                    new.username,
                    key,
                    new.display_name,
                    new.role,
                    scope,
                    new.password_hash,
                    now
                ],
            );
            match inserted {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Conflict(format!(
                        "username {:?} is already taken",
                        new.username
                    )))
                }
                Err(e) => return Err(e.into()),
            }
            select_by_id(conn, conn.last_insert_rowid())?.ok_or(StoreError::NotFound)
        })
        .await
    }

    /// Creates the account, or updates display name, role, site scope and
    /// password hash of the existing one with that (case-insensitive) username.
    /// `disabled`, `created_at` and `last_login_at` of an existing account are kept.
    pub async fn upsert_account(&self, new: NewAccount) -> Result<Account, StoreError> {
        self.with_conn(move |conn| {
            let key = username_key(&new.username);
            let scope = scope_json(&new.site_scope)?;
            let (_, now) = now_micros();
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO accounts (username, username_key, display_name, role, site_scope,
                                       password_hash, disabled, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)
                 ON CONFLICT (username_key) DO UPDATE SET
                     display_name  = excluded.display_name,
                     role          = excluded.role,
                     site_scope    = excluded.site_scope,
                     password_hash = excluded.password_hash",
                params![
                    new.username,
                    key,
                    new.display_name,
                    new.role,
                    scope,
                    new.password_hash,
                    now
                ],
            )?;
            let account = select_by_key(&tx, &key)?.ok_or(StoreError::NotFound)?;
            tx.commit()?;
            Ok(account)
        })
        .await
    }

    /// Looks an account up by username, case-insensitively.
    pub async fn account_by_username(&self, username: &str) -> Result<Option<Account>, StoreError> {
        let key = username_key(username);
        self.with_conn(move |conn| select_by_key(conn, &key)).await
    }

    pub async fn account_by_id(&self, id: i64) -> Result<Option<Account>, StoreError> {
        self.with_conn(move |conn| select_by_id(conn, id)).await
    }

    /// All accounts, ordered by username (case-insensitively).
    pub async fn list_accounts(&self) -> Result<Vec<Account>, StoreError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY username_key, id"
            ))?;
            let rows = stmt
                .query_map([], AccountRow::from_row)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(AccountRow::decode).collect()
        })
        .await
    }

    /// [`StoreError::NotFound`] if there is no such account.
    pub async fn set_password_hash(&self, id: i64, hash: &str) -> Result<(), StoreError> {
        let hash = hash.to_owned();
        self.with_conn(move |conn| {
            require_changed(conn.execute(
                "UPDATE accounts SET password_hash = ?1 WHERE id = ?2",
                params![hash, id],
            )?)
        })
        .await
    }

    /// [`StoreError::NotFound`] if there is no such account.
    pub async fn set_disabled(&self, id: i64, disabled: bool) -> Result<(), StoreError> {
        self.with_conn(move |conn| {
            require_changed(conn.execute(
                "UPDATE accounts SET disabled = ?1 WHERE id = ?2",
                params![disabled, id],
            )?)
        })
        .await
    }

    /// Sets `last_login_at` to now. [`StoreError::NotFound`] if there is no such account.
    pub async fn record_login(&self, id: i64) -> Result<(), StoreError> {
        self.with_conn(move |conn| {
            let (_, now) = now_micros();
            require_changed(conn.execute(
                "UPDATE accounts SET last_login_at = ?1 WHERE id = ?2",
                params![now, id],
            )?)
        })
        .await
    }
}
