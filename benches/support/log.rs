//! The generated log the in-memory benchmarks run on, and the demo journey it follows.
// Each benchmark uses a part of this file.
#![allow(dead_code)]

use std::time::Instant;

use percorso::Result;

use percorso::demo::{retail, DemoConfig, Generator};
use percorso::journey::{
    Journey, JourneyId, Stage, StageId, Touchpoint, TouchpointId, Transition, TransitionId,
};
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
    demo_log_over(events, DemoConfig::default().span_days)
}

/// As [`demo_log`], with customers starting over `span_days` days.
pub fn demo_log_over(events: u64, span_days: u32) -> EventLog {
    let customers = (events as f64 / EVENTS_PER_CUSTOMER).round() as u64;
    let started = Instant::now();
    let log = Generator::new(DemoConfig {
        customers,
        span_days,
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

/// The demo journey with row ids as a fresh workspace would give them.
pub fn demo_journey() -> Journey {
    let draft = retail::journey();
    let stages: Vec<Stage> = draft
        .stages
        .iter()
        .enumerate()
        .map(|(i, name)| Stage {
            id: StageId(i as i64 + 1),
            name: name.clone(),
        })
        .collect();
    let touchpoints: Vec<Touchpoint> = draft
        .touchpoints
        .iter()
        .enumerate()
        .map(|(i, t)| Touchpoint {
            id: TouchpointId(i as i64 + 1),
            stage: StageId(t.stage as i64 + 1),
            name: t.name.clone(),
            channel: t.channel,
            kind: t.kind,
            x: 0.0,
            y: 0.0,
            entry: t.entry,
            goal: t.goal,
            ..Touchpoint::default()
        })
        .collect();
    let transitions = draft
        .transitions
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| Transition {
            id: TransitionId(i as i64 + 1),
            from: TouchpointId(a as i64 + 1),
            to: TouchpointId(b as i64 + 1),
        })
        .collect();
    Journey {
        id: JourneyId(1),
        name: draft.name,
        description: draft.description,
        personas: Vec::new(),
        stages,
        touchpoints,
        transitions,
        views: Vec::new(),
        notes: Vec::new(),
        stories: Vec::new(),
    }
}

pub fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".to_owned())
}

/// `f`'s value and how long it took, in seconds.
pub fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, f64)> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed().as_secs_f64()))
}
