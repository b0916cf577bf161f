//! Benchmark of the analytics engine on a generated log:
//! `cargo bench --bench analytics -- [events]` (default 1,000,000).
//!
//! Prints the log size, the time to build the analysis, a full report, a report filtered by a
//! date range and one filtered by a segment, and the peak resident memory of the process.

use std::time::Instant;

use percorso::analytics::{Analysis, Params, Segment};
use percorso::demo::DemoConfig;
use percorso::Result;

const DAY_MS: i64 = 86_400_000;

#[path = "support/log.rs"]
mod generated;

fn main() -> Result<()> {
    let log = generated::demo_log(generated::events_asked());

    let journey = generated::demo_journey();
    let exposure = vec!["impression".to_owned(), "delivered".to_owned()];
    let started = Instant::now();
    let analysis = Analysis::new(&log, &journey, &exposure);
    println!(
        "build Analysis:    {:>8.3} s",
        started.elapsed().as_secs_f64()
    );

    let (full, seconds) = generated::timed(|| analysis.report(&Params::default()))?;
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
    let (_, seconds) = generated::timed(|| analysis.report(&last_month))?;
    println!("date range report: {seconds:>8.3} s  (last 30 days)");
    let north = Params {
        segments: vec![Segment {
            attribute: "region".into(),
            value: "North".into(),
        }],
        ..Params::default()
    };
    let (_, seconds) = generated::timed(|| analysis.report(&north))?;
    println!("segment report:    {seconds:>8.3} s  (region = North)");
    println!("peak RSS:          {}", generated::peak_rss());
    Ok(())
}
