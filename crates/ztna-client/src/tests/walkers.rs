//! The page walkers of every paging family against the fake upstream: page/size, identity
//! `pageOffset`/`nextPage` (number or string cursors), SCIM `startIndex`, log `search_after`.

use super::fake::*;
use crate::{ApiError, ApplicationQuery, IdentityQuery, ListQuery, LogKind};
use futures::StreamExt;
use serde_json::{json, Value};
use ztna_wire::{ApplicationType, LogSearch, SearchQuery};

/// A query parameter of a raw path, decoded.
fn param(path: &str, key: &str) -> Option<String> {
    let query = path.split_once('?')?.1;
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

fn user(id: &str) -> Value {
    json!({"id": id, "username": format!("{id}@acme.com"), "identity_provider_id": "idp"})
}

fn identity_page(ids: &[&str], last: bool, next: Value) -> Reply {
    Reply::ok(json!({
        "content": ids.iter().map(|i| user(i)).collect::<Vec<_>>(),
        "first": false, "last": last, "size": 2, "totalElements": 0, "perPage": 2,
        "nextPage": next
    }))
}

fn offsets(fake: &Fake) -> Vec<Option<String>> {
    fake.api_calls()
        .iter()
        .map(|s| param(&s.path, "pageOffset"))
        .collect()
}

#[tokio::test]
async fn all_applications_keeps_its_filters_on_every_page() {
    let fake = Fake::start(|s, _| {
        let page: i64 = param(&s.path, "page").unwrap().parse().unwrap();
        Reply::ok(json!({
            "content": [{"id": format!("a{page}"), "name": "x", "type": "HTTP"}],
            "last": page == 2, "totalPages": 0, "number": page
        }))
    })
    .await;
    let c = static_client(&fake, |_| {});
    let q = ApplicationQuery {
        list: ListQuery {
            size: 1,
            ..ListQuery::default()
        },
        app_type: Some(ApplicationType::Tcp),
        site_id: Some("s 1".into()),
    };
    let ids: Vec<String> = c
        .all_applications(&q)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["a0", "a1", "a2"]);
    for s in fake.api_calls() {
        assert_eq!(param(&s.path, "type").as_deref(), Some("TCP"));
        assert_eq!(param(&s.path, "siteId").as_deref(), Some("s 1"));
    }
}

#[tokio::test]
async fn all_users_passes_number_and_string_cursors_back_as_received() {
    let fake = Fake::start(|s, _| match param(&s.path, "pageOffset").as_deref() {
        None => identity_page(&["u1", "u2"], false, json!(2)),
        Some("2") => identity_page(&["u3", "u4"], false, json!("eyJvIjo0fQ==")),
        Some("eyJvIjo0fQ==") => identity_page(&["u5"], true, json!(null)),
        Some(other) => Reply::json(400, json!({"message": format!("bad cursor {other}")})),
    })
    .await;
    let c = static_client(&fake, |_| {});
    let users = c
        .all_users("auth0|idp", &IdentityQuery::default())
        .await
        .unwrap();
    assert_eq!(users.len(), 5);
    assert_eq!(
        offsets(&fake),
        [None, Some("2".into()), Some("eyJvIjo0fQ==".into())]
    );
    let first = &fake.api_calls()[0].path;
    assert!(
        first.starts_with("/v2/identities/auth0%7Cidp/users?perPage=25"),
        "{first}"
    );
}

#[tokio::test]
async fn all_users_stops_on_last_empty_page_missing_or_repeated_cursor() {
    // `last` (trusted for users) even though a next cursor is given.
    let fake =
        Fake::start(|_, n| identity_page(&[format!("u{n}").as_str()], true, json!(n + 1))).await;
    let c = static_client(&fake, |c| c.cache_ttl = std::time::Duration::ZERO);
    c.all_users("idp", &IdentityQuery::default()).await.unwrap();
    assert_eq!(fake.api_calls().len(), 1);

    // An empty page.
    let fake = Fake::start(|s, _| match param(&s.path, "pageOffset") {
        None => identity_page(&["u1"], false, json!(2)),
        Some(_) => identity_page(&[], false, json!(3)),
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(
        c.all_users("idp", &IdentityQuery::default())
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(fake.api_calls().len(), 2);

    // No nextPage.
    let fake = Fake::start(|_, _| identity_page(&["u1"], false, json!(null))).await;
    let c = static_client(&fake, |_| {});
    c.all_users("idp", &IdentityQuery::default()).await.unwrap();
    assert_eq!(fake.api_calls().len(), 1);

    // The same cursor again (with new items each time): stops before sending it twice.
    let fake = Fake::start(|s, _| {
        let n = param(&s.path, "pageOffset").unwrap_or_default();
        identity_page(&[format!("u{n}").as_str()], false, json!("same"))
    })
    .await;
    let c = static_client(&fake, |_| {});
    let users = c.all_users("idp", &IdentityQuery::default()).await.unwrap();
    assert_eq!(users.len(), 2);
    assert_eq!(offsets(&fake), [None, Some("same".into())]);
}

#[tokio::test]
async fn all_group_members_does_not_trust_last() {
    // Every page says `last: true`; the walk follows nextPage until it repeats.
    let fake = Fake::start(|s, _| match param(&s.path, "pageOffset").as_deref() {
        None => identity_page(&["u1"], true, json!(1)),
        Some("1") => identity_page(&["u2"], true, json!("c2")),
        Some(_) => identity_page(&["u3"], true, json!("c2")),
    })
    .await;
    let c = static_client(&fake, |_| {});
    let members = c.all_group_members("local", "g|1", 50).await.unwrap();
    let ids: Vec<&str> = members.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u2", "u3"]);
    assert_eq!(offsets(&fake), [None, Some("1".into()), Some("c2".into())]);
    let first = &fake.api_calls()[0].path;
    assert_eq!(first, "/v2/identities/local/groups/g%7C1/users?perPage=50");

    // ...and stops on an empty page.
    let fake = Fake::start(|s, _| match param(&s.path, "pageOffset") {
        None => identity_page(&["u1"], true, json!(5)),
        Some(_) => identity_page(&[], true, json!(6)),
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(c.all_group_members("idp", "g", 0).await.unwrap().len(), 1);
    assert_eq!(fake.api_calls().len(), 2);
}

#[tokio::test]
async fn all_groups_walks_cursors() {
    let fake = Fake::start(|s, _| match param(&s.path, "pageOffset") {
        None => Reply::ok(json!({"content": [{"id": "g1", "name": "a"}], "nextPage": "x"})),
        Some(_) => Reply::ok(json!({"content": [{"id": "g2", "name": "b"}], "last": true})),
    })
    .await;
    let c = static_client(&fake, |_| {});
    let q = IdentityQuery {
        page_offset: None,
        email: Some("ignored".into()),
        ..IdentityQuery::default()
    };
    assert_eq!(c.all_groups("idp", &q).await.unwrap().len(), 2);
    assert!(fake
        .api_calls()
        .iter()
        .all(|s| param(&s.path, "email").is_none()));
}

fn scim_users(from: u32, n: u32, total: u32) -> Reply {
    let items: Vec<Value> = (from..from + n)
        .map(|i| json!({"id": format!("s{i}"), "userName": format!("u{i}")}))
        .collect();
    Reply::ok(json!({
        "content": items, "itemsPerPage": n, "startIndex": from, "totalResults": total,
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"]
    }))
}

#[tokio::test]
async fn all_scim_users_stops_at_total_results() {
    // 250 users, pages of 100: startIndex 1, 101, 201.
    let fake = Fake::start(|s, _| {
        let start: u32 = param(&s.path, "startIndex").unwrap().parse().unwrap();
        let count: u32 = param(&s.path, "count").unwrap().parse().unwrap();
        scim_users(start, count.min(251 - start), 250)
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(c.all_scim_users("idp").await.unwrap().len(), 250);
    let starts: Vec<String> = fake
        .api_calls()
        .iter()
        .map(|s| param(&s.path, "startIndex").unwrap())
        .collect();
    assert_eq!(starts, ["1", "101", "201"]);
}

#[tokio::test]
async fn all_scim_groups_stops_when_start_index_is_ignored_or_page_empty() {
    // A server answering the first page whatever startIndex says, without totalResults.
    let fake = Fake::start(|_, _| {
        Reply::ok(json!({"Resources": [{"id": "g1", "displayName": "a"}], "startIndex": 1}))
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(c.all_scim_groups("idp").await.unwrap().len(), 1);
    assert_eq!(fake.api_calls().len(), 2);

    let fake = Fake::start(|s, _| match param(&s.path, "startIndex").as_deref() {
        Some("1") => Reply::ok(json!({"content": [{"id": "g1", "displayName": "a"}]})),
        _ => Reply::ok(json!({"content": []})),
    })
    .await;
    let c = static_client(&fake, |_| {});
    assert_eq!(c.all_scim_groups("idp").await.unwrap().len(), 1);
    assert_eq!(fake.api_calls().len(), 2);
}

fn log_doc(n: usize) -> Value {
    json!({
        "Id": format!("l{n}"),
        "Data": {"@timestamp": "2021-01-01T12:35:03.724Z", "eventType": "LOGIN"},
        "SearchAfterValues": [1_553_589_827_407_i64 + n as i64, format!("luminate-audit#{n}")]
    })
}

/// A log fake with `total` documents, honouring `size` and `search_after`.
async fn log_fake(total: usize) -> Fake {
    Fake::start(move |s, _| {
        let body: Value = serde_json::from_slice(&s.body).unwrap();
        let size = body["size"].as_u64().unwrap() as usize;
        let from = match body.get("search_after") {
            Some(Value::Array(c)) => {
                c[1].as_str()
                    .unwrap()
                    .rsplit('#')
                    .next()
                    .unwrap()
                    .parse::<usize>()
                    .unwrap()
                    + 1
            }
            _ => 0,
        };
        let docs: Vec<Value> = (from..total.min(from + size)).map(log_doc).collect();
        Reply::ok(json!({"Hits": total, "Logs": docs}))
    })
    .await
}

fn search(size: u32) -> LogSearch {
    LogSearch::new(
        SearchQuery {
            free_text: None,
            from_date: 1_553_502_809_000,
            to_date: 1_553_675_609_000,
            match_or_fields: Vec::new(),
        },
        size,
    )
}

fn sent_bodies(fake: &Fake) -> Vec<Value> {
    fake.api_calls()
        .iter()
        .map(|s| serde_json::from_slice(&s.body).unwrap())
        .collect()
}

#[tokio::test]
async fn log_pages_pass_search_after_back_exactly_and_stop_on_a_short_page() {
    let fake = log_fake(5).await;
    let c = static_client(&fake, |_| {});
    let pages: Vec<Vec<_>> = c
        .search_logs_pages(LogKind::Audit, search(2), 100)
        .map(Result::unwrap)
        .collect()
        .await;
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    assert_eq!(sizes, [2, 2, 1]);
    let bodies = sent_bodies(&fake);
    assert_eq!(bodies.len(), 3, "a short page ends the walk");
    assert!(bodies[0].get("search_after").is_none());
    // Mixed number and string, exactly as the last document of the page before gave it.
    assert_eq!(
        bodies[1]["search_after"],
        json!([1_553_589_827_408_i64, "luminate-audit#1"])
    );
    assert_eq!(
        bodies[2]["search_after"],
        json!([1_553_589_827_410_i64, "luminate-audit#3"])
    );
    assert!(fake
        .api_calls()
        .iter()
        .all(|s| s.method == "POST" && s.path == "/v2/logs/audit"));
}

#[tokio::test]
async fn log_pages_stop_on_empty_page_max_docs_and_repeated_cursor() {
    // Exactly 4 documents in pages of 2: the third page is empty.
    let fake = log_fake(4).await;
    let c = static_client(&fake, |_| {});
    let docs = c
        .all_logs(LogKind::Forensics, search(2), 100)
        .await
        .unwrap();
    assert_eq!(docs.len(), 4);
    assert_eq!(fake.api_calls().len(), 3);

    // The caller's maximum: the last page asks only for what is left.
    let fake = log_fake(1000).await;
    let c = static_client(&fake, |_| {});
    let docs = c.all_logs(LogKind::Audit, search(3), 7).await.unwrap();
    assert_eq!(docs.len(), 7);
    let sizes: Vec<u64> = sent_bodies(&fake)
        .iter()
        .map(|b| b["size"].as_u64().unwrap())
        .collect();
    assert_eq!(sizes, [3, 3, 1]);

    // A server that ignores search_after: the same cursor comes back and the walk stops.
    let fake =
        Fake::start(|_, _| Reply::ok(json!({"Hits": 9, "Logs": [log_doc(0), log_doc(1)]}))).await;
    let c = static_client(&fake, |_| {});
    let docs = c.all_logs(LogKind::Audit, search(2), 100).await.unwrap();
    assert_eq!(docs.len(), 4);
    assert_eq!(fake.api_calls().len(), 2);

    // Nothing asked, nothing sent.
    let fake = log_fake(10).await;
    let c = static_client(&fake, |_| {});
    assert!(c
        .all_logs(LogKind::Audit, search(2), 0)
        .await
        .unwrap()
        .is_empty());
    assert!(fake.api_calls().is_empty());
}

#[tokio::test]
async fn log_stream_ends_after_an_error() {
    let fake = Fake::start(|_, _| Reply::json(400, json!({"message": "window too long"}))).await;
    let c = static_client(&fake, |_| {});
    let items: Vec<_> = c
        .search_logs_pages(LogKind::Audit, search(10), 100)
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0], Err(ApiError::BadRequest { .. })));
}

#[tokio::test]
async fn log_searches_are_retried_like_reads() {
    let fake = Fake::start(|_, n| {
        if n == 0 {
            Reply::raw(503, "")
        } else {
            Reply::ok(json!({"Hits": 0, "Logs": []}))
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    c.search_audit_logs(&search(10)).await.unwrap();
    assert_eq!(fake.api_calls().len(), 2);
}
