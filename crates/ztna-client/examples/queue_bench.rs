//! Queue benchmark against the tenant emulator with its REAL limit (token bucket of 5,
//! refilled at 5/s; every 429 counted by the emulator). Run with
//! `cargo run --release -p ztna-client --example queue_bench` (`make bench`).
//!
//! Prints `name: value` lines:
//! (a) sustained rate under saturation (150 concurrent GETs of distinct URLs) and the 429s the
//!     emulator sent;
//! (b) the queue wait of 30 interactive GETs (spaced 300 ms) while a 300-call Bulk job runs,
//!     per call, as reported by `ztna_client::measure_queue_wait` (enqueue → grant);
//! (c) upstream calls for the sites overview of a 200-site tenant, cold and warm.

use std::error::Error;
use std::time::{Duration, Instant};

use futures::future::join_all;
use ztna_client::{
    measure_queue_wait, ApiOrigin, ClientConfig, Credentials, Lane, ListQuery, Secret, TenantClient,
};
use ztna_emulator::{Emulator, EmulatorConfig, RunningEmulator};

type BoxError = Box<dyn Error + Send + Sync>;

const SATURATION_CALLS: usize = 150;
const BULK_CALLS: usize = 300;
const INTERACTIVE_CALLS: usize = 30;
const INTERACTIVE_SPACING: Duration = Duration::from_millis(300);
const OVERVIEW_SITES: usize = 200;

async fn emulator(sites: usize) -> Result<RunningEmulator, BoxError> {
    let config = EmulatorConfig {
        sites,
        rate_per_second: 5,
        // Exactly `sites` sites: no reference example sites on top.
        reference_examples: false,
        ..EmulatorConfig::default()
    };
    Ok(Emulator::new(config)
        .spawn(([127, 0, 0, 1], 0).into())
        .await?)
}

/// The console's client with default settings (5/s, 5 s cache), except a queue deep enough
/// for the whole 300-call Bulk job to be queued at once.
fn new_client(emu: &RunningEmulator) -> Result<TenantClient, BoxError> {
    let defaults = EmulatorConfig::default();
    let mut config = ClientConfig::new(
        ApiOrigin::parse(&emu.origin())?,
        Credentials::ClientCredentials {
            client_id: defaults.client_id,
            client_secret: Secret::new(defaults.client_secret),
        },
    );
    config.max_queue = 512;
    Ok(TenantClient::new(config)?)
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

/// Nearest-rank percentile of a non-empty sorted slice.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// `upstream_queue_wait_seconds{lane="interactive"}` sum and count, from the metrics text.
fn interactive_wait_histogram(client: &TenantClient) -> Result<(f64, f64), BoxError> {
    let mut registry = prometheus_client::registry::Registry::default();
    client.register_metrics(&mut registry);
    let mut text = String::new();
    prometheus_client::encoding::text::encode(&mut text, &registry)?;
    let value = |name: &str| -> f64 {
        let prefix = format!("{name}{{lane=\"interactive\"}} ");
        text.lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0.0)
    };
    Ok((
        value("upstream_queue_wait_seconds_sum"),
        value("upstream_queue_wait_seconds_count"),
    ))
}

fn pass(ok: bool) -> &'static str {
    if ok {
        "PASS"
    } else {
        "FAIL"
    }
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    // ---- (a) and (b): one tenant of 500 sites, one client ------------------------------
    let emu = emulator(500).await?;
    let client = new_client(&emu)?;
    // Warm-up (not measured): the token and the site ids, then let the limiter go idle.
    let ids: Vec<String> = client
        .lane(Lane::Bulk)
        .all_sites(&ListQuery {
            size: 100,
            ..ListQuery::default()
        })
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    if ids.len() < SATURATION_CALLS + BULK_CALLS {
        return Err(format!("the emulator seeded only {} sites", ids.len()).into());
    }
    tokio::time::sleep(Duration::from_secs(1)).await;

    // (a) Saturation: 150 concurrent GETs of distinct URLs.
    let before = emu.emulator.stats();
    let started = Instant::now();
    let calls = ids[..SATURATION_CALLS].iter().map(|id| {
        let c = client.clone();
        async move {
            let r = c.get_site(id).await;
            (r.is_ok(), started.elapsed())
        }
    });
    let results = join_all(calls).await;
    let after = emu.emulator.stats();
    let completed = results.iter().filter(|(ok, _)| *ok).count();
    let elapsed = results.iter().map(|(_, at)| *at).max().unwrap_or_default();
    let sustained = completed as f64 / elapsed.as_secs_f64();
    let sat_429 = after.throttled_total - before.throttled_total;
    println!("saturation_calls: {SATURATION_CALLS}");
    println!("saturation_completed: {completed}");
    println!(
        "saturation_upstream_requests: {}",
        after.requests_total - before.requests_total
    );
    println!(
        "saturation_elapsed_s: {:.3} (first call issued -> last call completed)",
        elapsed.as_secs_f64()
    );
    println!("sustained_rps: {sustained:.3}");
    println!("saturation_429s: {sat_429}");
    tokio::time::sleep(Duration::from_secs(1)).await;

    // (b) Interactive calls during a 300-call Bulk job.
    let before = emu.emulator.stats();
    let (hist_sum0, hist_count0) = interactive_wait_histogram(&client)?;
    let bulk = client.lane(Lane::Bulk);
    let bulk_started = Instant::now();
    let bulk_job = tokio::spawn({
        let ids = ids[SATURATION_CALLS..SATURATION_CALLS + BULK_CALLS].to_vec();
        async move {
            let calls = ids.iter().map(|id| bulk.get_site(id));
            let ok = join_all(calls).await.iter().filter(|r| r.is_ok()).count();
            (ok, bulk_started.elapsed())
        }
    });
    // Let the Bulk job fill the queue first.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let mut interactive = Vec::new();
    for id in &ids[..INTERACTIVE_CALLS] {
        let c = client.clone();
        let id = id.clone();
        interactive.push(tokio::spawn(async move {
            let t = Instant::now();
            let (r, wait) = measure_queue_wait(c.site_status(&id)).await;
            (r.is_ok(), wait, t.elapsed())
        }));
        tokio::time::sleep(INTERACTIVE_SPACING).await;
    }
    let mut waits = Vec::new();
    let mut latencies = Vec::new();
    let mut interactive_ok = 0;
    for r in join_all(interactive).await {
        let (ok, wait, latency) = r?;
        if ok {
            interactive_ok += 1;
            waits.push(wait);
            latencies.push(latency);
        }
    }
    let (hist_sum1, hist_count1) = interactive_wait_histogram(&client)?;
    let (bulk_ok, bulk_elapsed) = bulk_job.await?;
    let after = emu.emulator.stats();
    waits.sort();
    latencies.sort();
    let p95_wait = percentile(&waits, 0.95);
    let hist_calls = hist_count1 - hist_count0;
    let hist_mean = if hist_calls > 0.0 {
        (hist_sum1 - hist_sum0) / hist_calls
    } else {
        0.0
    };
    println!(
        "interactive_wait_method: per-call queue wait, enqueue -> grant, reported by \
         ztna_client::measure_queue_wait (same measure as upstream_queue_wait_seconds)"
    );
    println!("interactive_calls: {INTERACTIVE_CALLS}");
    println!("interactive_completed: {interactive_ok}");
    println!("interactive_wait_p50_ms: {}", ms(percentile(&waits, 0.5)));
    println!("interactive_wait_p95_ms: {}", ms(p95_wait));
    println!(
        "interactive_wait_max_ms: {}",
        ms(waits.last().copied().unwrap_or_default())
    );
    println!(
        "interactive_wait_mean_ms_from_histogram: {:.1} ({} observations)",
        hist_mean * 1000.0,
        hist_calls
    );
    println!(
        "interactive_latency_p50_ms: {} (end to end, wait + upstream)",
        ms(percentile(&latencies, 0.5))
    );
    println!(
        "interactive_latency_p95_ms: {}",
        ms(percentile(&latencies, 0.95))
    );
    println!("bulk_calls: {BULK_CALLS}");
    println!("bulk_completed: {bulk_ok}");
    println!("bulk_elapsed_s: {:.3}", bulk_elapsed.as_secs_f64());
    let mixed_requests = after.requests_total - before.requests_total;
    println!("bulk_phase_upstream_requests: {mixed_requests}");
    println!(
        "bulk_phase_rps: {:.3}",
        mixed_requests as f64 / bulk_elapsed.as_secs_f64()
    );
    let mixed_429 = after.throttled_total - before.throttled_total;
    println!("bulk_phase_429s: {mixed_429}");
    emu.shutdown().await;

    // ---- (c) Sites overview of a 200-site tenant, cold then warm ---------------------------
    let emu = emulator(OVERVIEW_SITES).await?;
    let client = new_client(&emu)?;
    let overview = ListQuery {
        size: 100,
        ..ListQuery::default()
    };
    let before = emu.emulator.stats().requests_total;
    let sites = client.all_sites(&overview).await?;
    let cold_done = emu.emulator.stats().requests_total;
    let warm_sites = client.all_sites(&overview).await?;
    let warm_done = emu.emulator.stats().requests_total;
    let cold = cold_done - before;
    let warm = warm_done - cold_done;
    println!("overview_sites: {}", sites.len());
    println!(
        "overview_sites_with_status: {}",
        sites.iter().filter(|s| s.site_status.is_some()).count()
    );
    println!("overview_calls_cold: {cold} (token call included)");
    println!(
        "overview_calls_warm: {warm} (second overview within the cache TTL, {} sites)",
        warm_sites.len()
    );
    println!(
        "overview_calls_naive: {} (one list call plus one status call per site, token not counted)",
        1 + sites.len()
    );
    println!("overview_429s: {}", emu.emulator.stats().throttled_total);
    emu.shutdown().await;

    println!(
        "target_sustained_rps_ge_4_9_with_0_429s: {}",
        pass(sustained >= 4.9 && sat_429 == 0 && completed == SATURATION_CALLS)
    );
    println!(
        "target_interactive_p95_wait_le_400ms: {}",
        pass(p95_wait <= Duration::from_millis(400) && interactive_ok == INTERACTIVE_CALLS)
    );
    println!(
        "target_overview_cold_le_3_warm_0: {}",
        pass(cold <= 3 && warm == 0)
    );
    Ok(())
}
