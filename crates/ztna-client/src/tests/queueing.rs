//! The queue as seen from the wire: 429 pause, retries, lanes, cancellation, Busy.

use super::fake::*;
use crate::{ApiError, Lane};
use futures::future::join_all;
use std::time::{Duration, Instant};
use ztna_wire::NewSite;

#[tokio::test]
async fn a_429_pauses_the_whole_queue_then_the_call_succeeds() {
    let fake = Fake::start(|s, n| {
        if s.path == "/v2/sites/a" && n == 0 {
            Reply::raw(429, "").rid("r-429")
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    let first = tokio::spawn({
        let c = c.clone();
        async move { c.get_site("a").await }
    });
    fake.wait_for(1).await;
    let throttled_at = fake.seen()[0].at;
    tokio::time::sleep(Duration::from_millis(100)).await;
    // Another caller, on another lane, also waits for the pause.
    c.lane(Lane::Background).get_site("b").await.unwrap();
    assert_eq!(first.await.unwrap().unwrap().id, "a");
    let seen = fake.seen();
    assert_eq!(seen.len(), 3);
    for s in &seen[1..] {
        let after = s.at.duration_since(throttled_at);
        assert!(
            after >= Duration::from_secs(1),
            "{} sent {after:?} after the 429",
            s.path
        );
    }
    assert!(metrics_text(&c).contains("upstream_throttled_total 1"));
}

#[tokio::test]
async fn post_is_not_retried_on_500_but_get_and_put_are() {
    let fake = Fake::start(|s, n| {
        if n == 0 {
            Reply::raw(500, "boom").rid("r-500")
        } else {
            default_reply(s, n)
        }
    })
    .await;
    let c = static_client(&fake, |_| {});
    let e = c.create_site(&NewSite::named("n")).await.unwrap_err();
    assert_eq!(
        e,
        ApiError::Upstream {
            status: 500,
            message: "boom".into(),
            request_id: Some("r-500".into())
        }
    );
    assert_eq!(fake.count("POST", "/v2/sites"), 1);
    assert_eq!(c.get_site("g").await.unwrap().id, "g");
    assert_eq!(fake.count("GET", "/v2/sites/g"), 2);
    c.update_site("u", &NewSite::named("n")).await.unwrap();
    assert_eq!(fake.count("PUT", "/v2/sites/u"), 2);
}

#[tokio::test]
async fn retries_are_bounded() {
    let fake = Fake::start(|_, _| Reply::raw(503, "down")).await;
    let c = static_client(&fake, |c| c.max_retries = 2);
    assert!(matches!(
        c.get_site("g").await,
        Err(ApiError::Upstream { status: 503, .. })
    ));
    assert_eq!(fake.count("GET", "/v2/sites/g"), 3);
}

#[tokio::test]
async fn post_is_not_retried_after_a_timeout() {
    let fake = Fake::start(|s, n| default_reply(s, n).after(Duration::from_millis(500))).await;
    let c = static_client(&fake, |c| c.request_timeout = Duration::from_millis(100));
    assert_eq!(
        c.create_site(&NewSite::named("n")).await.unwrap_err(),
        ApiError::Timeout
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(fake.count("POST", "/v2/sites"), 1);
}

#[tokio::test]
async fn an_interactive_call_overtakes_waiting_bulk_calls() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.rate_per_second = 5);
    let bulk = c.lane(Lane::Bulk);
    let mut tasks = Vec::new();
    for i in 0..4 {
        let b = bulk.clone();
        tasks.push(tokio::spawn(
            async move { b.get_site(&format!("b{i}")).await },
        ));
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    let i = c.clone();
    tasks.push(tokio::spawn(async move { i.get_site("i").await }));
    for r in join_all(tasks).await {
        r.unwrap().unwrap();
    }
    let order: Vec<String> = fake.api_calls().into_iter().map(|s| s.path).collect();
    assert!(order[0].starts_with("/v2/sites/b"), "{order:?}");
    assert_eq!(order[1], "/v2/sites/i", "{order:?}");
}

#[tokio::test]
async fn a_dropped_call_is_never_sent() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.rate_per_second = 2);
    c.get_site("a").await.unwrap();
    let dropped = tokio::time::timeout(Duration::from_millis(100), c.get_site("b")).await;
    assert!(dropped.is_err());
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(fake.api_calls().len(), 1);
    // The freed slot goes to the next caller without delay.
    let t = Instant::now();
    c.get_site("c").await.unwrap();
    assert!(t.elapsed() < Duration::from_millis(300));
    assert_eq!(fake.count("GET", "/v2/sites/b"), 0);
}

#[tokio::test]
async fn a_full_lane_answers_busy_at_once() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| {
        c.rate_per_second = 1;
        c.max_queue = 1;
    });
    c.get_site("a").await.unwrap();
    let waiting = tokio::spawn({
        let c = c.clone();
        async move { c.get_site("b").await }
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let t = Instant::now();
    match c.get_site("c").await {
        Err(ApiError::Busy { retry_after }) => {
            assert!(retry_after >= Duration::from_secs(1));
            assert!(t.elapsed() < Duration::from_millis(100));
        }
        other => panic!("expected Busy, got {other:?}"),
    }
    // Other lanes still have room.
    let bg = c.lane(Lane::Background);
    let bg_call = tokio::spawn(async move { bg.get_site("d").await });
    waiting.await.unwrap().unwrap();
    bg_call.await.unwrap().unwrap();
    assert_eq!(fake.count("GET", "/v2/sites/c"), 0);
}

#[tokio::test]
async fn an_interactive_joiner_promotes_a_queued_bulk_get() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.rate_per_second = 5);
    let bulk = c.lane(Lane::Bulk);
    let mut tasks = Vec::new();
    for id in ["b0", "b1", "b2", "b3", "x"] {
        let b = bulk.clone();
        tasks.push(tokio::spawn(async move { b.get_site(id).await }));
    }
    tokio::time::sleep(Duration::from_millis(50)).await;
    // The same GET, interactive: it joins the queued Bulk call and lifts it.
    let (joined, waited) = crate::measure_queue_wait(c.get_site("x")).await;
    assert_eq!(joined.unwrap().id, "x");
    assert!(waited < Duration::from_millis(400), "{waited:?}");
    for r in join_all(tasks).await {
        r.unwrap().unwrap();
    }
    let order: Vec<String> = fake.api_calls().into_iter().map(|s| s.path).collect();
    assert_eq!(order.len(), 5, "{order:?}");
    assert_eq!(order[1], "/v2/sites/x", "{order:?}");
    assert_eq!(fake.count("GET", "/v2/sites/x"), 1);
}

#[tokio::test]
async fn measure_queue_wait_reports_the_calls_wait() {
    let fake = Fake::sites().await;
    let c = static_client(&fake, |c| c.rate_per_second = 5);
    let (r, first) = crate::measure_queue_wait(c.get_site("a")).await;
    r.unwrap();
    assert!(first < Duration::from_millis(50), "{first:?}");
    // The next slot is 200 ms after the first grant.
    let (r, second) = crate::measure_queue_wait(async {
        c.get_site("b").await?;
        c.get_site("a").await // cache hit: no wait
    })
    .await;
    r.unwrap();
    assert!(
        second > Duration::from_millis(100) && second < Duration::from_millis(300),
        "{second:?}"
    );
}
