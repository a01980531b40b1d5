//! One behaviour suite for the session store, run against an in-memory and a
//! file-backed database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use console_store::Store;
use serde_json::json;
use time::{Duration, OffsetDateTime};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{ExpiredDeletion, SessionStore};

use common::TempDir;

fn record(expires_in: Duration, data: &[(&str, serde_json::Value)]) -> Record {
    Record {
        id: Id::default(),
        data: data
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect::<HashMap<_, _>>(),
        expiry_date: OffsetDateTime::now_utc() + expires_in,
    }
}

/// The whole behaviour suite against one backing store.
async fn session_suite(store: &Store) {
    let sessions = store.session_store();

    // create + load
    let mut a = record(Duration::hours(1), &[("user_id", json!(7))]);
    let original_id = a.id;
    sessions.create(&mut a).await.unwrap();
    assert_eq!(a.id, original_id, "no collision: id kept");
    assert_eq!(sessions.load(&a.id).await.unwrap(), Some(a.clone()));

    // unknown id
    assert_eq!(sessions.load(&Id::default()).await.unwrap(), None);

    // save updates data and expiry
    a.data.insert("csrf".into(), json!("t0k3n"));
    a.expiry_date += Duration::minutes(30);
    sessions.save(&a).await.unwrap();
    assert_eq!(sessions.load(&a.id).await.unwrap(), Some(a.clone()));

    // save of a never-created record inserts it
    let b = record(Duration::hours(1), &[("k", json!("v"))]);
    sessions.save(&b).await.unwrap();
    assert_eq!(sessions.load(&b.id).await.unwrap(), Some(b.clone()));

    // delete (and deleting again is fine)
    sessions.delete(&b.id).await.unwrap();
    assert_eq!(sessions.load(&b.id).await.unwrap(), None);
    sessions.delete(&b.id).await.unwrap();

    // id collision on create: a fresh id is drawn, the existing session is untouched
    let mut clash = record(Duration::hours(1), &[("user_id", json!(99))]);
    clash.id = a.id;
    sessions.create(&mut clash).await.unwrap();
    assert_ne!(clash.id, a.id, "colliding create must draw a new id");
    assert_eq!(sessions.load(&a.id).await.unwrap(), Some(a.clone()));
    assert_eq!(sessions.load(&clash.id).await.unwrap(), Some(clash.clone()));

    // expiry honoured: expired rows (even by a fraction of a second) load as None
    let expired = record(Duration::seconds(-5), &[("old", json!(true))]);
    sessions.save(&expired).await.unwrap();
    assert_eq!(sessions.load(&expired.id).await.unwrap(), None);
    let just_expired = record(Duration::milliseconds(-1), &[]);
    sessions.save(&just_expired).await.unwrap();
    assert_eq!(sessions.load(&just_expired.id).await.unwrap(), None);

    // delete_expired removes expired rows and keeps live ones. Observed through
    // `create`: re-creating with an id still in the table collides (new id drawn),
    // with an id whose row is gone keeps the id.
    let mut probe_expired = record(Duration::seconds(-60), &[]);
    sessions.create(&mut probe_expired).await.unwrap();
    sessions.delete_expired().await.unwrap();

    let mut reuse_expired = record(Duration::hours(1), &[]);
    reuse_expired.id = probe_expired.id;
    sessions.create(&mut reuse_expired).await.unwrap();
    assert_eq!(
        reuse_expired.id, probe_expired.id,
        "expired row was deleted, so its id is free again"
    );
    let mut reuse_live = record(Duration::hours(1), &[]);
    reuse_live.id = a.id;
    sessions.create(&mut reuse_live).await.unwrap();
    assert_ne!(reuse_live.id, a.id, "live row must survive delete_expired");
    assert_eq!(sessions.load(&a.id).await.unwrap(), Some(a.clone()));
    assert_eq!(sessions.load(&clash.id).await.unwrap(), Some(clash));

    // the session store handle is cloneable and shares the database
    let other = store.clone().session_store();
    assert_eq!(other.load(&a.id).await.unwrap(), Some(a));
}

#[tokio::test]
async fn session_suite_in_memory() {
    let store = Store::open_in_memory().unwrap();
    session_suite(&store).await;
}

#[tokio::test]
async fn session_suite_file_backed() {
    let dir = TempDir::new("sessions");
    let store = Store::open(&dir.db_path()).unwrap();
    session_suite(&store).await;
}

#[tokio::test]
async fn session_survives_restart() {
    let dir = TempDir::new("restart");
    let path = dir.db_path();

    let mut rec = record(
        Duration::hours(8),
        &[("user_id", json!(42)), ("role", json!("admin"))],
    );
    let expired = record(Duration::seconds(-1), &[]);
    {
        let store = Store::open(&path).unwrap();
        let sessions = store.session_store();
        sessions.create(&mut rec).await.unwrap();
        sessions.save(&expired).await.unwrap();
    } // every handle dropped: connection closed

    let store = Store::open(&path).unwrap();
    let sessions = store.session_store();
    assert_eq!(sessions.load(&rec.id).await.unwrap(), Some(rec));
    assert_eq!(sessions.load(&expired.id).await.unwrap(), None);
}
