//! Cohorts and churn, and Compare's tested differences: on a log small enough to compute by
//! hand, and on random logs against a plain re-implementation of the definition.
//!
//! The hand fixture is the one of `analytics_time.rs`: day 0 is Monday 2 March 2026, as-of is
//! day 45 and the inactivity threshold 30 days.
//! - c1: Ad d0, Ad d1, Shop d8, Reward d9 (goal)   → completed
//! - c2: Ad d2, store (Shop) d3                    → dropped at Shop
//! - c3: Shop d40                                  → stalled

#[path = "support/fixtures.rs"]
mod fixtures;

use std::collections::BTreeMap;

use fixtures::{exposure, hand_log, journey, push, DAY, HOUR, MONDAY};
use percorso::analytics::{Analysis, Cohorts, Params, Period, Segment};
use percorso::log::EventLog;
use proptest::prelude::*;

fn cohorts(log: &EventLog, params: &Params, by: Period) -> Cohorts {
    let analysis = Analysis::new(log, &journey(), &exposure());
    let evaluation = analysis.evaluate(params).unwrap_or_else(|e| panic!("{e}"));
    analysis
        .cohorts(&evaluation, by)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn as_of_day_45() -> Params {
    Params {
        as_of_ms: Some(MONDAY + 45 * DAY),
        ..Params::default()
    }
}

#[test]
fn weekly_cohorts_of_the_hand_fixture() {
    let result = cohorts(&hand_log(), &as_of_day_45(), Period::Week);
    assert_eq!(result.as_of.as_deref(), Some("2026-04-16T00:00:00Z"));
    let starts: Vec<&str> = result.cohorts.iter().map(|c| c.start.as_str()).collect();
    assert_eq!(
        starts,
        ["2026-03-02", "2026-04-06"],
        "only the weeks in which someone first appeared"
    );

    let first = &result.cohorts[0];
    assert_eq!((first.customers, first.completed, first.churned), (2, 1, 1));
    // Measured at each week's last instant, 30 days back: c2 (last d3) is active up to the end
    // of week 4 (d28 − 1 ms), c1 (last d9) up to the end of week 5 (d35 − 1 ms); nobody at the
    // end of week 6 (d42 − 1 ms), nor at as-of (d45, inside week 7).
    let active: Vec<u64> = first.retention.iter().map(|r| r.active).collect();
    assert_eq!(active, [2, 2, 2, 2, 1, 0, 0]);
    let pct: Vec<f64> = first.retention.iter().map(|r| r.active_pct).collect();
    assert_eq!(pct, [100.0, 100.0, 100.0, 100.0, 50.0, 0.0, 0.0]);
    let partial: Vec<bool> = first.retention.iter().map(|r| r.partial).collect();
    assert_eq!(partial, [false, false, false, false, false, false, true]);
    assert_eq!(first.retention[0].measured_at, "2026-03-08T23:59:59.999Z");
    assert_eq!(first.retention[6].measured_at, "2026-04-16T00:00:00Z");
    // c2 churned; its last event is "store", an alias of Shop.
    assert_eq!(first.churned_at.len(), 1);
    assert_eq!(first.churned_at[0].touchpoint, "Shop");
    assert_eq!(
        (first.churned_at[0].customers, first.churned_at[0].share_pct),
        (1, 100.0)
    );
    assert!(first.churned_at[0].touchpoint_id.is_some());

    let last = &result.cohorts[1];
    assert_eq!((last.customers, last.completed, last.churned), (1, 0, 0));
    let active: Vec<(u64, bool)> = last
        .retention
        .iter()
        .map(|r| (r.active, r.partial))
        .collect();
    assert_eq!(
        active,
        [(1, false), (1, true)],
        "c3 is stalled, not churned"
    );
    assert!(last.churned_at.is_empty());
}

#[test]
fn monthly_cohorts_of_the_hand_fixture() {
    let result = cohorts(&hand_log(), &as_of_day_45(), Period::Month);
    let rows: Vec<(&str, u64, Vec<u64>)> = result
        .cohorts
        .iter()
        .map(|c| {
            (
                c.start.as_str(),
                c.customers,
                c.retention.iter().map(|r| r.active).collect(),
            )
        })
        .collect();
    // March, measured at 31 March 23:59:59.999 (c1 and c2 within 30 days) and at as-of (16
    // April: nobody); April, c3 at as-of.
    assert_eq!(
        rows,
        [("2026-03-01", 2, vec![2, 0]), ("2026-04-01", 1, vec![1]),]
    );
}

#[test]
fn filters_decide_who_is_in_a_cohort_and_when_they_first_appear() {
    // From day 5 on, c2 is gone, and c1 first appears on day 8 (week 2).
    let params = Params {
        from_ms: Some(MONDAY + 5 * DAY),
        ..as_of_day_45()
    };
    let result = cohorts(&hand_log(), &params, Period::Week);
    let sizes: Vec<(&str, u64)> = result
        .cohorts
        .iter()
        .map(|c| (c.start.as_str(), c.customers))
        .collect();
    assert_eq!(sizes, [("2026-03-09", 1), ("2026-04-06", 1)]);
    // A segment keeps whole customers: c1 alone is from the North.
    let mut log = hand_log();
    log.set_attribute("c1", "region", "North");
    log.set_attribute("c2", "region", "South");
    log.set_attribute("c3", "region", "South");
    let params = Params {
        segments: vec![Segment {
            attribute: "region".to_owned(),
            value: "North".to_owned(),
        }],
        ..as_of_day_45()
    };
    let north = cohorts(&log, &params, Period::Week);
    assert_eq!(north.cohorts.len(), 1);
    let c1 = &north.cohorts[0];
    assert_eq!((c1.customers, c1.completed, c1.churned), (1, 1, 0));
    let active: Vec<u64> = c1.retention.iter().map(|r| r.active).collect();
    assert_eq!(active, [1, 1, 1, 1, 1, 0, 0]);
}

// --- Random logs against the definition, computed here from the raw events.

const VALUES: [&str; 5] = ["Ad", "Shop", "Reward", "store", "Mystery"];

fn build(events: &[(usize, usize, i64)]) -> EventLog {
    let mut log = EventLog::default();
    for &(c, v, t) in events {
        push(
            &mut log,
            &format!("c{c}"),
            VALUES[v],
            MONDAY + t * 6 * HOUR,
            "click",
            "web",
            None,
        );
    }
    log
}

proptest! {
    #[test]
    fn retention_is_the_share_with_an_event_in_the_window_before_each_period_end(
        events in prop::collection::vec((0..8usize, 0..VALUES.len(), 0..200i64), 1..60),
        by in prop::sample::select(vec![Period::Week, Period::Month]),
        inactive_days in 1..20u32,
    ) {
        let log = build(&events);
        let params = Params { inactive_days, ..Params::default() };
        let analysis = Analysis::new(&log, &journey(), &exposure());
        let evaluation = analysis.evaluate(&params).unwrap_or_else(|e| panic!("{e}"));
        let report = evaluation.report().clone();
        let result = analysis.cohorts(&evaluation, by).unwrap_or_else(|e| panic!("{e}"));

        let mut instants: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
        // Per customer, the latest event's instant and value (equal instants: the later row).
        let mut latest: BTreeMap<usize, (i64, usize)> = BTreeMap::new();
        for &(c, v, t) in &events {
            let at = MONDAY + t * 6 * HOUR;
            instants.entry(c).or_default().push(at);
            let last = latest.entry(c).or_insert((at, v));
            if at >= last.0 {
                *last = (at, v);
            }
        }
        let as_of = instants.values().flatten().copied().max().unwrap_or_default();
        let threshold = i64::from(inactive_days) * DAY;
        prop_assert_eq!(result.cohorts.iter().map(|c| c.customers).sum::<u64>(), report.customers);
        for cohort in &result.cohorts {
            let members: Vec<(&usize, &Vec<i64>)> = instants
                .iter()
                .filter(|(_, v)| {
                    let first = v.iter().copied().min().unwrap_or_default();
                    cohort.start_ms <= first && first < cohort.end_ms
                })
                .collect();
            // Dropped: silent for longer than the threshold, and not at the goal (Reward).
            let churned = members
                .iter()
                .filter(|(c, _)| {
                    let (at, v) = latest[*c];
                    at < as_of - threshold && VALUES[v] != "Reward"
                })
                .count() as u64;
            prop_assert_eq!(churned, cohort.churned);
            prop_assert_eq!(members.len() as u64, cohort.customers);
            for r in &cohort.retention {
                let m = chrono::DateTime::parse_from_rfc3339(&r.measured_at)
                    .map(|t| t.timestamp_millis())
                    .unwrap_or_default();
                prop_assert!(m <= as_of);
                let active = members
                    .iter()
                    .filter(|(_, v)| v.iter().any(|&t| m - threshold <= t && t <= m))
                    .count() as u64;
                prop_assert_eq!(active, r.active, "offset {} at {}", r.offset, &r.measured_at);
            }
            let last = cohort.retention.last().map(|r| r.partial || r.measured_at.ends_with("59.999Z"));
            prop_assert_eq!(last, Some(true));
            prop_assert_eq!(cohort.churned_at.iter().map(|p| p.customers).sum::<u64>(), cohort.churned);
        }
        // Churned at a touchpoint is the report's drop-off there.
        for node in &report.nodes {
            let churned: u64 = result
                .cohorts
                .iter()
                .flat_map(|c| &c.churned_at)
                .filter(|p| p.touchpoint == node.touchpoint)
                .map(|p| p.customers)
                .sum();
            prop_assert_eq!(churned, node.dropoff, "{}", &node.touchpoint);
        }
    }
}

// --- Compare: the differences between two reports, by the test of "what changed".

#[test]
fn compare_tests_segments_by_the_two_proportion_test() {
    // Two groups of 100 customers: in A 10 go on from Ad to Shop, in B 40; the rest stop at Ad.
    let mut log = EventLog::default();
    for i in 0..200 {
        let group = if i < 100 { "A" } else { "B" };
        let customer = format!("{group}{i}");
        let start = MONDAY + i64::from(i) * HOUR;
        push(&mut log, &customer, "Ad", start, "click", "social", None);
        let goes_on = if i < 100 { i < 10 } else { i < 140 };
        if goes_on {
            push(
                &mut log,
                &customer,
                "Shop",
                start + HOUR,
                "view",
                "store",
                None,
            );
        }
        log.set_attribute(&customer, "group", group);
    }
    let analysis = Analysis::new(&log, &journey(), &exposure());
    let segment = |value: &str| Params {
        segments: vec![Segment {
            attribute: "group".to_owned(),
            value: value.to_owned(),
        }],
        ..Params::default()
    };
    let a = analysis
        .evaluate(&segment("A"))
        .unwrap_or_else(|e| panic!("{e}"));
    let b = analysis
        .evaluate(&segment("B"))
        .unwrap_or_else(|e| panic!("{e}"));
    let differences = analysis
        .differences(&a, &b, 30)
        .unwrap_or_else(|e| panic!("{e}"));
    let reach = differences
        .nodes
        .iter()
        .find(|n| n.touchpoint == "Shop" && format!("{:?}", n.metric) == "ReachPct")
        .unwrap_or_else(|| panic!("Shop's reach: {:?}", differences.nodes));
    assert_eq!((reach.a, reach.b), (10.0, 40.0));
    // 10/100 against 40/100: pooled p = 0.25, z = 0.3 / √(0.25 × 0.75 × 0.02) = 4.899,
    // p = erfc(4.899 / √2) = 9.6e-7.
    assert!(
        (reach.p_value - 9.6e-7).abs() < 0.05e-7,
        "{}",
        reach.p_value
    );
    assert!(reach.significant);
    // Ad's reach is 100% on both sides: no difference to find.
    let ad = differences
        .nodes
        .iter()
        .find(|n| n.touchpoint == "Ad" && format!("{:?}", n.metric) == "ReachPct")
        .unwrap_or_else(|| panic!("Ad's reach"));
    assert_eq!(ad.p_value, 1.0);
    assert!(!ad.significant);
    assert!(
        differences.dropoff_compared,
        "each side at its own latest event"
    );
}
