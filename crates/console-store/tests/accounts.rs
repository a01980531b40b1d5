#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use console_store::{password, NewAccount, Store, StoreError, SCHEMA_VERSION};

use common::TempDir;

fn new_account(username: &str, role: &str) -> NewAccount {
    NewAccount {
        username: username.to_owned(),
        display_name: format!("{username} display"),
        role: role.to_owned(),
        site_scope: vec!["site-1".to_owned(), "site-2".to_owned()],
        password_hash: format!("$argon2id$fake-hash-of-{username}"),
    }
}

#[tokio::test]
async fn create_and_lookup() {
    let store = Store::open_in_memory().unwrap();
    let before = time::OffsetDateTime::now_utc() - time::Duration::seconds(1);
    let alice = store
        .create_account(new_account("Alice", "admin"))
        .await
        .unwrap();
    assert!(alice.id > 0);
    assert_eq!(alice.username, "Alice");
    assert_eq!(alice.display_name, "Alice display");
    assert_eq!(alice.role, "admin");
    assert_eq!(alice.site_scope, vec!["site-1", "site-2"]);
    assert_eq!(alice.password_hash, "$argon2id$fake-hash-of-Alice");
    assert!(!alice.disabled);
    assert!(alice.created_at >= before);
    assert_eq!(alice.last_login_at, None);

    // case-insensitive lookup
    for name in ["Alice", "alice", "ALICE"] {
        assert_eq!(
            store.account_by_username(name).await.unwrap(),
            Some(alice.clone())
        );
    }
    assert_eq!(store.account_by_username("bob").await.unwrap(), None);
    assert_eq!(
        store.account_by_id(alice.id).await.unwrap(),
        Some(alice.clone())
    );
    assert_eq!(store.account_by_id(alice.id + 100).await.unwrap(), None);

    let bob = store
        .create_account(NewAccount {
            site_scope: vec![],
            ..new_account("bob", "viewer")
        })
        .await
        .unwrap();
    assert!(bob.site_scope.is_empty());
    let all = store.list_accounts().await.unwrap();
    assert_eq!(all, vec![alice, bob]);
}

#[tokio::test]
async fn duplicate_username_conflicts() {
    let store = Store::open_in_memory().unwrap();
    store
        .create_account(new_account("carol", "admin"))
        .await
        .unwrap();
    for dup in ["carol", "CAROL", "Carol"] {
        let err = store
            .create_account(new_account(dup, "viewer"))
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::Conflict(_)), "{dup}: {err:?}");
    }
    assert_eq!(store.list_accounts().await.unwrap().len(), 1);
}

#[tokio::test]
async fn upsert_creates_then_updates() {
    let store = Store::open_in_memory().unwrap();
    let created = store
        .upsert_account(new_account("demo-admin", "admin"))
        .await
        .unwrap();
    store.set_disabled(created.id, true).await.unwrap();
    store.record_login(created.id).await.unwrap();
    let logged_in = store.account_by_id(created.id).await.unwrap().unwrap();

    let updated = store
        .upsert_account(NewAccount {
            username: "Demo-Admin".to_owned(),
            display_name: "Demo Administrator".to_owned(),
            role: "delegated".to_owned(),
            site_scope: vec!["site-9".to_owned()],
            password_hash: "new-hash".to_owned(),
        })
        .await
        .unwrap();
    assert_eq!(updated.id, created.id);
    assert_eq!(updated.username, "demo-admin", "original spelling kept");
    assert_eq!(updated.display_name, "Demo Administrator");
    assert_eq!(updated.role, "delegated");
    assert_eq!(updated.site_scope, vec!["site-9"]);
    assert_eq!(updated.password_hash, "new-hash");
    assert_eq!(updated.created_at, created.created_at);
    assert!(updated.disabled, "upsert does not touch `disabled`");
    assert_eq!(updated.last_login_at, logged_in.last_login_at);
    assert_eq!(store.list_accounts().await.unwrap().len(), 1);
}

#[tokio::test]
async fn disable_password_and_login() {
    let store = Store::open_in_memory().unwrap();
    let dave = store
        .create_account(new_account("dave", "helpdesk"))
        .await
        .unwrap();

    store.set_disabled(dave.id, true).await.unwrap();
    assert!(
        store
            .account_by_id(dave.id)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );
    store.set_disabled(dave.id, false).await.unwrap();
    assert!(
        !store
            .account_by_id(dave.id)
            .await
            .unwrap()
            .unwrap()
            .disabled
    );

    store.set_password_hash(dave.id, "rotated").await.unwrap();
    assert_eq!(
        store
            .account_by_id(dave.id)
            .await
            .unwrap()
            .unwrap()
            .password_hash,
        "rotated"
    );

    let before = time::OffsetDateTime::now_utc() - time::Duration::seconds(1);
    store.record_login(dave.id).await.unwrap();
    let last = store
        .account_by_id(dave.id)
        .await
        .unwrap()
        .unwrap()
        .last_login_at
        .unwrap();
    assert!(last >= before && last <= time::OffsetDateTime::now_utc());

    let missing = dave.id + 1;
    assert!(matches!(
        store.set_disabled(missing, true).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.set_password_hash(missing, "x").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.record_login(missing).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn debug_hides_password_hash() {
    let store = Store::open_in_memory().unwrap();
    let new = new_account("erin", "admin");
    let secret = new.password_hash.clone();
    assert!(!format!("{new:?}").contains(&secret));
    let erin = store.create_account(new).await.unwrap();
    let dbg = format!("{erin:?}");
    assert!(!dbg.contains(&secret), "{dbg}");
    assert!(dbg.contains("erin") && dbg.contains("<redacted>"), "{dbg}");
}

#[test]
fn password_hash_and_verify() {
    let phc = password::hash("correct horse battery staple").unwrap();
    assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
    assert!(password::verify("correct horse battery staple", &phc));
    assert!(!password::verify("Correct horse battery staple", &phc));
    assert!(!password::verify("", &phc));
    assert!(!password::verify("anything", "not a phc string"));
    // random salt: same password, different hash
    let again = password::hash("correct horse battery staple").unwrap();
    assert_ne!(phc, again);
    assert!(password::verify("correct horse battery staple", &again));
    // no panic, callable repeatedly
    password::dummy_verify("whatever");
    password::dummy_verify("");
}

#[test]
fn password_generate() {
    for len in [0, 1, 16, 64] {
        let p = password::generate(len);
        assert_eq!(p.chars().count(), len);
        assert!(p.chars().all(|c| c.is_ascii_alphanumeric()), "{p}");
        assert!(!p.chars().any(|c| "0Oo1lI".contains(c)), "{p}");
    }
    assert_ne!(password::generate(24), password::generate(24));
}

#[tokio::test]
async fn migrations_idempotent() {
    let dir = TempDir::new("migrate");
    let path = dir.db_path();
    let id = {
        let store = Store::open(&path).unwrap();
        store
            .create_account(new_account("frank", "admin"))
            .await
            .unwrap()
            .id
    };
    // open twice more: migrations re-run as no-ops, data intact
    for _ in 0..2 {
        let store = Store::open(&path).unwrap();
        let frank = store.account_by_username("frank").await.unwrap().unwrap();
        assert_eq!(frank.id, id);
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let versions: Vec<i64> = conn
        .prepare("SELECT version FROM schema_version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(versions, vec![SCHEMA_VERSION]);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode.to_lowercase(), "wal");
    assert!(dir.path().join("nested").is_dir(), "parent dirs created");

    // in-memory stores migrate too
    let mem = Store::open_in_memory().unwrap();
    assert!(mem.list_accounts().await.unwrap().is_empty());
}
