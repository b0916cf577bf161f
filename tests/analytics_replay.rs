//! The replay of Present mode: sampled dots, exact counters.

use percorso::analytics::{Analysis, Params};
use percorso::demo;

#[path = "support/workspace.rs"]
mod support;
use support::small_demo;

const DAY: i64 = 86_400_000;

/// The analysis of a small demo workspace, and the folder that holds its file.
fn demo_analysis() -> Result<(tempfile::TempDir, Analysis), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let config = small_demo(1_500);
    let ws = demo::create(dir.path().join("d.percorso"), false, &config)?;
    let analysis = Analysis::from_workspace(&ws, None)?;
    Ok((dir, analysis))
}

/// The replay's last counters against the report's node events, for the same filters.
fn assert_counters_end_at_the_report(analysis: &Analysis, params: &Params) -> percorso::Result<()> {
    let replay = analysis.replay(params, 200, 50)?;
    let report = analysis.report(params)?;
    let nodes = replay.touchpoints.len();
    assert_eq!(replay.count_at_ms.len(), 51);
    assert!(replay.count_at_ms.windows(2).all(|w| w[0] <= w[1]));
    let last = &replay.counts[50 * nodes..];
    for node in &report.nodes {
        let n = replay
            .touchpoints
            .iter()
            .position(|t| t.0 == node.touchpoint_id);
        assert_eq!(
            n.map(|n| u64::from(last[n])),
            Some(node.events),
            "{}",
            node.touchpoint
        );
    }
    // Counters never go down.
    for i in 1..=50 {
        for n in 0..nodes {
            assert!(replay.counts[i * nodes + n] >= replay.counts[(i - 1) * nodes + n]);
        }
    }
    Ok(())
}

#[test]
fn the_counters_end_at_the_reports_events_per_node_with_and_without_a_date_filter() {
    let (_dir, analysis) = demo_analysis().unwrap();
    assert_counters_end_at_the_report(&analysis, &Params::default()).unwrap();
    let all = analysis.replay(&Params::default(), 200, 10).unwrap();
    let from = all.start_ms + 30 * DAY;
    let window = Params {
        from_ms: Some(from),
        to_ms: Some(from + 60 * DAY),
        ..Params::default()
    };
    assert_counters_end_at_the_report(&analysis, &window).unwrap();
    let narrow = analysis.replay(&window, 200, 10).unwrap();
    assert!(narrow.start_ms >= from && narrow.end_ms <= from + 60 * DAY + 1);
    assert!(narrow.customers < all.customers);
}

#[test]
fn the_dots_are_a_fixed_sample_of_at_most_the_asked_number_of_customers() {
    let (_dir, analysis) = demo_analysis().unwrap();
    let replay = analysis.replay(&Params::default(), 200, 10).unwrap();
    assert!(
        replay.shown <= 200 && replay.shown >= 150,
        "{}",
        replay.shown
    );
    assert_eq!(replay.starts.len() as u64, replay.shown + 1);
    assert_eq!(
        *replay.starts.last().unwrap() as usize,
        replay.times_s.len()
    );
    assert_eq!(replay.times_s.len(), replay.nodes.len());
    // Each customer's events are in time order, within the replay's span, on the map.
    for k in 0..replay.shown as usize {
        let (a, b) = (replay.starts[k] as usize, replay.starts[k + 1] as usize);
        assert!(b > a, "a drawn customer has at least one event");
        assert!(replay.times_s[a..b].windows(2).all(|w| w[0] <= w[1]));
        assert!(replay.nodes[a..b]
            .iter()
            .all(|&n| (n as usize) < replay.touchpoints.len()));
    }
    let span_s = (replay.end_ms - replay.start_ms) as f64 / 1000.0;
    assert!(replay.times_s.iter().all(|&t| (0.0..=span_s).contains(&t)));
    // The same question gives the same dots.
    assert_eq!(
        analysis.replay(&Params::default(), 200, 10).unwrap(),
        replay
    );
    // Asking for more than there are shows everyone.
    let everyone = analysis.replay(&Params::default(), 1_000_000, 10).unwrap();
    assert_eq!(everyone.shown, everyone.customers);
}

#[test]
fn a_filter_that_keeps_nothing_gives_an_empty_replay() {
    let (_dir, analysis) = demo_analysis().unwrap();
    let none = Params {
        from_ms: Some(0),
        to_ms: Some(1),
        ..Params::default()
    };
    let replay = analysis.replay(&none, 200, 10).unwrap();
    assert_eq!((replay.customers, replay.shown), (0, 0));
    assert!(replay.counts.iter().all(|&c| c == 0));
}
