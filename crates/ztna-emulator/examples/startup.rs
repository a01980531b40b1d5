//! Measures building the full default demo tenant: wall time and peak resident memory.
//!
//! `cargo run --release -p ztna-emulator --example startup`
//!
//! Peak memory is the process's `VmHWM` from `/proc/self/status` (Linux), i.e. the high-water
//! mark of resident memory, which includes the seeding's temporary allocations.

use std::time::Instant;

use ztna_emulator::{Emulator, EmulatorConfig};

fn status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let before = status_kb("VmHWM:").unwrap_or(0);
    let started = Instant::now();
    let emulator = Emulator::new(EmulatorConfig::default());
    let elapsed = started.elapsed();
    let peak = status_kb("VmHWM:").unwrap_or(0);
    let now = status_kb("VmRSS:").unwrap_or(0);
    println!("config: {:?}", emulator.config());
    println!("start-up: {:.0} ms", elapsed.as_secs_f64() * 1000.0);
    println!(
        "peak RSS: {:.1} MB (before seeding {:.1} MB), RSS after: {:.1} MB",
        peak as f64 / 1024.0,
        before as f64 / 1024.0,
        now as f64 / 1024.0
    );
}
