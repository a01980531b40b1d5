#![allow(clippy::unwrap_used, clippy::expect_used)]

use console_store::{AuditEntry, AuditQuery, NewAuditEntry, Store};
use serde_json::json;
use time::{Duration, OffsetDateTime};

fn entry(actor: &str, action: &str, target_id: Option<&str>) -> NewAuditEntry {
    NewAuditEntry {
        actor: actor.to_owned(),
        action: action.to_owned(),
        target_kind: action.split('.').next().unwrap_or_default().to_owned(),
        target_id: target_id.map(str::to_owned),
        target_name: target_id.map(|t| format!("name of {t}")),
        outcome: "ok".to_owned(),
        request_id: Some(format!("req-{action}")),
        detail: json!({ "action": action, "n": [1, 2, 3] }),
    }
}

fn ids(entries: &[AuditEntry]) -> Vec<i64> {
    entries.iter().map(|e| e.id).collect()
}

/// Records entries with a small pause between them so timestamps differ.
async fn seed(store: &Store) -> Vec<AuditEntry> {
    let news = [
        entry("alice", "site.create", Some("s1")),
        entry("bob", "site.update", Some("s1")),
        entry("alice", "policy.create", Some("p1")),
        entry("alice", "sites.bulk", None),
        entry("bob", "site.delete", Some("s2")),
    ];
    let mut out = Vec::new();
    for n in news {
        out.push(store.record_audit(n).await.unwrap());
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    out
}

#[tokio::test]
async fn record_and_list_newest_first() {
    let store = Store::open_in_memory().unwrap();
    let before = OffsetDateTime::now_utc() - Duration::seconds(1);
    let recorded = seed(&store).await;
    let first = &recorded[0];
    assert_eq!(first.actor, "alice");
    assert_eq!(first.action, "site.create");
    assert_eq!(first.target_kind, "site");
    assert_eq!(first.target_id.as_deref(), Some("s1"));
    assert_eq!(first.target_name.as_deref(), Some("name of s1"));
    assert_eq!(first.outcome, "ok");
    assert_eq!(first.request_id.as_deref(), Some("req-site.create"));
    assert_eq!(
        first.detail,
        json!({ "action": "site.create", "n": [1, 2, 3] })
    );
    assert!(first.at >= before);

    let all = store.list_audit(&AuditQuery::default()).await.unwrap();
    let mut expected = recorded.clone();
    expected.reverse();
    assert_eq!(all, expected, "newest first, round-trips exactly");
}

#[tokio::test]
async fn filters() {
    let store = Store::open_in_memory().unwrap();
    let r = seed(&store).await;
    let list = |q: AuditQuery| {
        let store = store.clone();
        async move { ids(&store.list_audit(&q).await.unwrap()) }
    };

    assert_eq!(
        list(AuditQuery {
            actor: Some("alice".into()),
            ..Default::default()
        })
        .await,
        vec![r[3].id, r[2].id, r[0].id]
    );
    // prefix is a plain prefix: "site." does not match "sites.bulk"
    assert_eq!(
        list(AuditQuery {
            action_prefix: Some("site.".into()),
            ..Default::default()
        })
        .await,
        vec![r[4].id, r[1].id, r[0].id]
    );
    assert_eq!(
        list(AuditQuery {
            action_prefix: Some("site".into()),
            ..Default::default()
        })
        .await,
        vec![r[4].id, r[3].id, r[1].id, r[0].id]
    );
    // LIKE wildcards are literal
    assert!(list(AuditQuery {
        action_prefix: Some("%".into()),
        ..Default::default()
    })
    .await
    .is_empty());
    assert_eq!(
        list(AuditQuery {
            target_id: Some("s1".into()),
            ..Default::default()
        })
        .await,
        vec![r[1].id, r[0].id]
    );
    // since inclusive, until exclusive
    assert_eq!(
        list(AuditQuery {
            since: Some(r[2].at),
            ..Default::default()
        })
        .await,
        vec![r[4].id, r[3].id, r[2].id]
    );
    assert_eq!(
        list(AuditQuery {
            until: Some(r[2].at),
            ..Default::default()
        })
        .await,
        vec![r[1].id, r[0].id]
    );
    assert_eq!(
        list(AuditQuery {
            since: Some(r[1].at),
            until: Some(r[4].at),
            ..Default::default()
        })
        .await,
        vec![r[3].id, r[2].id, r[1].id]
    );
    // combined filters
    assert_eq!(
        list(AuditQuery {
            actor: Some("bob".into()),
            action_prefix: Some("site.".into()),
            target_id: Some("s2".into()),
            ..Default::default()
        })
        .await,
        vec![r[4].id]
    );
    assert!(list(AuditQuery {
        actor: Some("nobody".into()),
        ..Default::default()
    })
    .await
    .is_empty());
}

#[tokio::test]
async fn limit_default_and_cap() {
    let store = Store::open_in_memory().unwrap();
    for i in 0..1005 {
        store
            .record_audit(entry("bulk", &format!("site.create.{i}"), None))
            .await
            .unwrap();
    }
    let q = |limit| AuditQuery {
        limit,
        ..Default::default()
    };
    let default = store.list_audit(&q(0)).await.unwrap();
    assert_eq!(default.len(), 100);
    assert_eq!(default[0].action, "site.create.1004", "newest first");
    assert_eq!(store.list_audit(&q(3)).await.unwrap().len(), 3);
    assert_eq!(store.list_audit(&q(5000)).await.unwrap().len(), 1000);
    assert_eq!(store.list_audit(&q(1000)).await.unwrap().len(), 1000);
    assert_eq!(q(0).effective_limit(), 100);
    assert_eq!(q(5000).effective_limit(), 1000);
}

#[tokio::test]
async fn audit_table_is_append_only() {
    let dir = std::env::temp_dir().join(format!(
        "console-store-test-audit-{}-{}",
        std::process::id(),
        OffsetDateTime::now_utc().unix_timestamp_nanos()
    ));
    let path = dir.join("console.db");
    let store = Store::open(&path).unwrap();
    store
        .record_audit(entry("alice", "site.create", Some("s1")))
        .await
        .unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(conn
        .execute("UPDATE audit_log SET actor = 'mallory'", [])
        .is_err());
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
    drop(conn);
    assert_eq!(
        store.list_audit(&AuditQuery::default()).await.unwrap()[0].actor,
        "alice"
    );
    drop(store);
    let _ = std::fs::remove_dir_all(dir);
}
