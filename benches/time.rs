//! Benchmark of numbers over time on a generated year:
//! `cargo bench --bench time -- [events]` (default 1,000,000).
//!
//! Customers of the demo journey start over 365 days. Prints the time to build the analysis,
//! to evaluate the filters once (the report, which the app has already computed when a trend is
//! asked for), then a trend by day, by week and by month from that evaluation, and "what
//! changed" for the last 7 and 28 days against the ones before; and the peak resident memory.

use std::time::Instant;

use percorso::analytics::{Analysis, ChangePeriods, Params, Period};
use percorso::Result;

#[path = "support/log.rs"]
mod generated;

fn main() -> Result<()> {
    let log = generated::demo_log_over(generated::events_asked(), 365);
    let exposure = vec!["impression".to_owned(), "delivered".to_owned()];
    let started = Instant::now();
    let analysis = Analysis::new(&log, &generated::demo_journey(), &exposure);
    println!(
        "build Analysis:    {:>8.3} s",
        started.elapsed().as_secs_f64()
    );
    drop(log);

    let (evaluation, seconds) = generated::timed(|| analysis.evaluate(&Params::default()))?;
    println!("evaluate (report): {seconds:>8.3} s");
    for by in [Period::Day, Period::Week, Period::Month] {
        let (trend, seconds) = generated::timed(|| analysis.trend(&evaluation, by))?;
        println!(
            "trend by {:<6}    {seconds:>8.3} s  ({} periods)",
            by.name(),
            trend.periods.len()
        );
    }
    for days in [7, 28] {
        let periods = ChangePeriods::Last { days };
        let (changes, seconds) = generated::timed(|| analysis.changes(&evaluation, &periods, 30))?;
        println!(
            "changes, {days:>2} days:  {seconds:>8.3} s  ({} transitions, {} touchpoint rates tested)",
            changes.tested.edges.len(),
            changes.tested.nodes.len()
        );
    }
    println!("peak RSS:          {}", generated::peak_rss());
    Ok(())
}
