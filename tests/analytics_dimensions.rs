//! What the filter controls offer is read from the log: attribute values, channels, and the
//! events per day that a date range is brushed on.

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::{exposure, journey, push, DAY, HOUR};
use percorso::analytics::{Analysis, AttributeValues};
use percorso::log::EventLog;

fn log() -> EventLog {
    let mut log = EventLog::default();
    push(&mut log, "c1", "Ad", 2 * HOUR, "view", "social", None);
    push(&mut log, "c1", "Shop", 23 * HOUR, "view", "store", None);
    push(&mut log, "c2", "Shop", DAY, "view", "web", None);
    push(
        &mut log,
        "c2",
        "Reward",
        9 * DAY + HOUR,
        "redeem",
        "app",
        None,
    );
    log.set_attribute("c1", "region", "North");
    log.set_attribute("c2", "region", "East");
    log
}

#[test]
fn the_segment_values_and_channels_offered_are_those_of_the_log_sorted() {
    let dims = Analysis::new(&log(), &journey(), &exposure()).dimensions();
    assert_eq!(
        dims.attributes,
        vec![AttributeValues {
            name: "region".into(),
            values: vec!["East".into(), "North".into()],
        }]
    );
    assert_eq!(dims.channels, vec!["app", "social", "store", "web"]);
}

#[test]
fn the_timeline_counts_every_event_once_in_whole_day_bins() {
    let analysis = Analysis::new(&log(), &journey(), &exposure());
    let daily = analysis.timeline(100);
    assert_eq!(daily.start_ms, 0);
    assert_eq!(daily.bin_ms, DAY);
    assert_eq!(daily.counts, vec![2, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    let coarse = analysis.timeline(3);
    assert_eq!(coarse.bin_ms, 4 * DAY);
    assert_eq!(coarse.counts, vec![3, 0, 1]);
    assert_eq!(coarse.counts.iter().sum::<u64>(), 4);
}

#[test]
fn an_empty_log_has_an_empty_timeline() {
    let analysis = Analysis::new(&EventLog::default(), &journey(), &exposure());
    assert!(analysis.timeline(10).counts.is_empty());
}
