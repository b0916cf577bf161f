//! The generated log the in-memory benchmarks run on.

use std::time::Instant;

use percorso::demo::{DemoConfig, Generator};
use percorso::EventLog;

/// The demo generates about 6.8 events per customer.
const EVENTS_PER_CUSTOMER: f64 = 6.8;

/// The number of events asked for on the command line (`10_000_000` or `10000000`), by default
/// 1,000,000.
pub fn events_asked() -> u64 {
    std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000)
}

/// The demo generator's log of about `events` events, with its size and how long it took
/// printed.
pub fn demo_log(events: u64) -> EventLog {
    let customers = (events as f64 / EVENTS_PER_CUSTOMER).round() as u64;
    let started = Instant::now();
    let log = Generator::new(DemoConfig {
        customers,
        ..DemoConfig::default()
    })
    .log();
    println!("events:            {}", log.len());
    println!("customers:         {}", log.customers.len());
    println!(
        "generate log:      {:>8.3} s",
        started.elapsed().as_secs_f64()
    );
    log
}
