//! Five people reload the sites page for 20 s: the tenant never answers 429, and the
//! queue's metrics show it at work. (A behaviour check with a fixed duration, not a
//! timing assertion; the queue benchmark prints the figures.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{browser, spawn_with, PASSWORD};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_clients_reloading_for_20_seconds_never_see_a_429() {
    // A short cache so the queue keeps working during the run.
    let console = spawn_with(&[("ZTNA_CACHE_TTL_SECS", "1")], common::fresh_data_dir()).await;
    let started = Instant::now();
    let mut workers = Vec::new();
    for n in 0..5 {
        let client = browser(&console);
        let user = if n % 2 == 0 { "admin" } else { "editor" };
        console.sign_in(&client, user, PASSWORD).await;
        let base = console.base.clone();
        workers.push(tokio::spawn(async move {
            let mut loads = 0u32;
            let mut failures = 0u32;
            while started.elapsed() < Duration::from_secs(20) {
                let page = (loads % 3) + 1;
                match client.get(format!("{base}/sites?page={page}")).send().await {
                    Ok(r) if r.status() == 200 => loads += 1,
                    _ => failures += 1,
                }
            }
            (loads, failures)
        }));
    }
    let mut loads = 0;
    for w in workers {
        let (l, f) = w.await.unwrap();
        assert_eq!(f, 0, "every reload succeeded");
        loads += l;
    }
    let stats = console.emulator.as_ref().unwrap().stats();
    println!(
        "page loads: {loads}; upstream requests: {}; 429s sent by the tenant: {}",
        stats.requests_total, stats.throttled_total
    );
    assert!(loads >= 50, "the pages kept loading ({loads})");
    assert_eq!(
        stats.throttled_total, 0,
        "the tenant never had to answer 429"
    );

    let metrics = browser(&console)
        .get(console.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let requests: f64 = metrics
        .lines()
        .filter(|l| l.starts_with("upstream_requests_total{") && l.contains("status=\"200\""))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum();
    assert!(requests >= 10.0, "the queue sent the reads:\n{metrics}");
    let waits = metrics
        .lines()
        .find(|l| l.starts_with("upstream_queue_wait_seconds_count{") && l.contains("interactive"))
        .and_then(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .unwrap_or(0.0);
    assert!(waits >= 10.0, "queue waits were measured:\n{metrics}");
    assert!(metrics.contains("upstream_cache_hits_total"), "{metrics}");
}
