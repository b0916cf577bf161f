//! Benchmark of the analytics engine on a generated log:
//! `cargo bench --bench analytics -- [events]` (default 1,000,000).
//!
//! Prints the log size, the time to build the analysis, a full report, a report filtered by a
//! date range and one filtered by a segment, and the peak resident memory of the process.

use std::time::Instant;

use percorso::analytics::{Analysis, Params, Segment};
use percorso::demo::{retail, DemoConfig};
use percorso::journey::{
    Journey, JourneyId, Stage, StageId, Touchpoint, TouchpointId, Transition, TransitionId,
};
use percorso::Result;

const DAY_MS: i64 = 86_400_000;

#[path = "support/log.rs"]
mod generated;

fn main() -> Result<()> {
    let log = generated::demo_log(generated::events_asked());

    let journey = demo_journey();
    let exposure = vec!["impression".to_owned(), "delivered".to_owned()];
    let started = Instant::now();
    let analysis = Analysis::new(&log, &journey, &exposure);
    println!(
        "build Analysis:    {:>8.3} s",
        started.elapsed().as_secs_f64()
    );

    let (full, seconds) = timed(|| analysis.report(&Params::default()))?;
    println!(
        "full report:       {seconds:>8.3} s  ({} nodes, {} edges)",
        full.nodes.len(),
        full.edges.len()
    );

    let end = DemoConfig::default().end.timestamp_millis();
    let last_month = Params {
        from_ms: Some(end - 30 * DAY_MS),
        ..Params::default()
    };
    let (_, seconds) = timed(|| analysis.report(&last_month))?;
    println!("date range report: {seconds:>8.3} s  (last 30 days)");
    let north = Params {
        segments: vec![Segment {
            attribute: "region".into(),
            value: "North".into(),
        }],
        ..Params::default()
    };
    let (_, seconds) = timed(|| analysis.report(&north))?;
    println!("segment report:    {seconds:>8.3} s  (region = North)");
    println!("peak RSS:          {}", peak_rss());
    Ok(())
}

fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, f64)> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed().as_secs_f64()))
}

/// The demo journey with row ids as a fresh workspace would give them.
fn demo_journey() -> Journey {
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
    }
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".to_owned())
}
