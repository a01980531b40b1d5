//! Scheduled unblocks: "unblock this tenant user at this time", kept across restarts.
//!
//! One schedule per user (identity provider id + user id); scheduling again replaces it.
//! The console's scheduler asks for the due ones ([`Store::due_unblocks`]), unblocks them
//! through the tenant client and removes them ([`Store::cancel_unblock`]).

use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{from_micros, now_micros, to_micros, Store, StoreError};

/// A schedule to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewScheduledUnblock {
    pub idp_id: String,
    pub user_id: String,
    /// The user's name as shown when it was scheduled.
    pub user_name: String,
    pub due_at: OffsetDateTime,
    /// Console username that scheduled it.
    pub created_by: String,
    pub reason: String,
}

/// A recorded schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduledUnblock {
    pub idp_id: String,
    pub user_id: String,
    pub user_name: String,
    pub due_at: OffsetDateTime,
    pub created_by: String,
    pub reason: String,
    pub created_at: OffsetDateTime,
}

const COLUMNS: &str = "idp_id, user_id, user_name, due_at, created_by, reason, created_at";

type Raw = (String, String, String, i64, String, String, i64);

fn raw(r: &Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
    ))
}

fn decode(r: Raw) -> Result<ScheduledUnblock, StoreError> {
    Ok(ScheduledUnblock {
        idp_id: r.0,
        user_id: r.1,
        user_name: r.2,
        due_at: from_micros(r.3)?,
        created_by: r.4,
        reason: r.5,
        created_at: from_micros(r.6)?,
    })
}

impl Store {
    /// Records (or replaces) the scheduled unblock of one user.
    pub async fn schedule_unblock(
        &self,
        new: NewScheduledUnblock,
    ) -> Result<ScheduledUnblock, StoreError> {
        self.with_conn(move |conn| {
            let (created_at, created_us) = now_micros();
            conn.execute(
                "INSERT INTO scheduled_unblocks (idp_id, user_id, user_name, due_at, created_by,
                                                 reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (idp_id, user_id) DO UPDATE SET
                    user_name = excluded.user_name, due_at = excluded.due_at,
                    created_by = excluded.created_by, reason = excluded.reason,
                    created_at = excluded.created_at",
                params![
                    new.idp_id,
                    new.user_id,
                    new.user_name,
                    to_micros(new.due_at),
                    new.created_by,
                    new.reason,
                    created_us
                ],
            )?;
            Ok(ScheduledUnblock {
                idp_id: new.idp_id,
                user_id: new.user_id,
                user_name: new.user_name,
                due_at: from_micros(to_micros(new.due_at))?,
                created_by: new.created_by,
                reason: new.reason,
                created_at,
            })
        })
        .await
    }

    /// Removes the schedule of one user; true if there was one.
    pub async fn cancel_unblock(&self, idp_id: &str, user_id: &str) -> Result<bool, StoreError> {
        let (idp_id, user_id) = (idp_id.to_owned(), user_id.to_owned());
        self.with_conn(move |conn| {
            let n = conn.execute(
                "DELETE FROM scheduled_unblocks WHERE idp_id = ?1 AND user_id = ?2",
                params![idp_id, user_id],
            )?;
            Ok(n > 0)
        })
        .await
    }

    /// The schedule of one user, if any.
    pub async fn scheduled_unblock(
        &self,
        idp_id: &str,
        user_id: &str,
    ) -> Result<Option<ScheduledUnblock>, StoreError> {
        let (idp_id, user_id) = (idp_id.to_owned(), user_id.to_owned());
        self.with_conn(move |conn| {
            let row = conn
                .query_row(
                    &format!(
                        "SELECT {COLUMNS} FROM scheduled_unblocks WHERE idp_id = ?1 AND user_id = ?2"
                    ),
                    params![idp_id, user_id],
                    raw,
                )
                .optional()?;
            row.map(decode).transpose()
        })
        .await
    }

    /// Every schedule, soonest first.
    pub async fn scheduled_unblocks(&self) -> Result<Vec<ScheduledUnblock>, StoreError> {
        self.with_conn(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM scheduled_unblocks ORDER BY due_at, idp_id, user_id"
            ))?;
            let rows = stmt.query_map([], raw)?.collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(decode).collect()
        })
        .await
    }

    /// Schedules due at `now` or earlier (also those that came due while the console was
    /// down), soonest first.
    pub async fn due_unblocks(
        &self,
        now: OffsetDateTime,
    ) -> Result<Vec<ScheduledUnblock>, StoreError> {
        let now = to_micros(now);
        self.with_conn(move |conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM scheduled_unblocks WHERE due_at <= ?1
                 ORDER BY due_at, idp_id, user_id"
            ))?;
            let rows = stmt
                .query_map(params![now], raw)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(decode).collect()
        })
        .await
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use time::Duration;

    fn new(user: &str, due_at: OffsetDateTime) -> NewScheduledUnblock {
        NewScheduledUnblock {
            idp_id: "local".into(),
            user_id: user.into(),
            user_name: format!("{user}@acme.com"),
            due_at,
            created_by: "helpdesk".into(),
            reason: "INC-1".into(),
        }
    }

    #[tokio::test]
    async fn schedules_are_replaced_listed_due_and_cancelled() {
        let store = Store::open_in_memory().unwrap();
        let now = OffsetDateTime::now_utc();
        store
            .schedule_unblock(new("a", now + Duration::hours(1)))
            .await
            .unwrap();
        store
            .schedule_unblock(new("b", now - Duration::minutes(5)))
            .await
            .unwrap();
        // Scheduling again replaces.
        let mut again = new("a", now - Duration::minutes(1));
        again.reason = "INC-2".into();
        store.schedule_unblock(again).await.unwrap();
        let all = store.scheduled_unblocks().await.unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].user_id, "b", "soonest first");
        let due = store.due_unblocks(now).await.unwrap();
        assert_eq!(
            due.iter().map(|s| s.user_id.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
        let a = store
            .scheduled_unblock("local", "a")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(a.reason, "INC-2");
        assert!(store.cancel_unblock("local", "a").await.unwrap());
        assert!(!store.cancel_unblock("local", "a").await.unwrap());
        assert!(store
            .scheduled_unblock("local", "a")
            .await
            .unwrap()
            .is_none());
        assert!(store
            .due_unblocks(now - Duration::hours(1))
            .await
            .unwrap()
            .is_empty());
    }
}
