//! Benchmark of journey discovery on a generated log:
//! `cargo bench --bench discovery -- [events]` (default 1,000,000).
//!
//! Prints the time to sort the log with every value a touchpoint of its own (what the app does
//! once, on the first "Discover from log…", and keeps), then the time of a discovery on it (one
//! scan of the kept events and the proposal), with the stage count chosen from the data and
//! asked for, and what was proposed.

use std::time::Instant;

use percorso::analytics::{unassigned_journey, Analysis, Params};
use percorso::Result;

#[path = "support/log.rs"]
mod generated;

fn main() -> Result<()> {
    let log = generated::demo_log(generated::events_asked());

    let started = Instant::now();
    let analysis = Analysis::new(&log, &unassigned_journey(&log), &[]);
    println!(
        "sort by log value:   {:>8.3} s  (once; the app keeps it)",
        started.elapsed().as_secs_f64()
    );

    for stages in [None, Some(6)] {
        let started = Instant::now();
        let evaluation = analysis.evaluate(&Params::default())?;
        let discovery = analysis.discover(&evaluation, stages, "Discovered")?;
        let seconds = started.elapsed().as_secs_f64();
        let names: Vec<&str> = discovery
            .journey
            .stages
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        println!(
            "discover ({}): {seconds:>8.3} s  ({} stages: {}; {} touchpoints, {} transitions)",
            if stages.is_some() {
                "asked 6"
            } else {
                "chosen "
            },
            names.len(),
            names.join(" | "),
            discovery.journey.touchpoints.len(),
            discovery.journey.transitions.len()
        );
    }
    Ok(())
}
