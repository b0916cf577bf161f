//! Numbers over time: trends per period and "what changed" between two periods, on a log small
//! enough to compute by hand, on random logs against the report, and on a generated log with a
//! break injected on a known day.
//!
//! The hand fixture starts on Monday 2 March 2026 (day 0); as-of is day 45 and the inactivity
//! threshold 30 days, so a customer whose latest event is before day 15 has dropped:
//! - c1: Ad impression d0, Ad click d1, Shop d8, Reward d9 (goal)   → completed in week 2
//! - c2: Ad click d2, Shop d3                                        → dropped in week 1
//! - c3: Shop d40                                                    → stalled in week 6
//!   (Shop's p90 time to next is one day: its only next is c1's d8 → d9)

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::{exposure, hand_log, journey, push, DAY, HOUR, MONDAY};
use percorso::analytics::{
    two_proportion_p, Analysis, ChangePeriods, Params, Period, PeriodReport, Report,
};
use percorso::log::EventLog;
use proptest::prelude::*;

fn hand_params() -> Params {
    Params {
        as_of_ms: Some(MONDAY + 45 * DAY),
        ..Params::default()
    }
}

fn trend(log: &EventLog, params: &Params, by: Period) -> Vec<PeriodReport> {
    let analysis = Analysis::new(log, &journey(), &exposure());
    let evaluation = analysis.evaluate(params).unwrap_or_else(|e| panic!("{e}"));
    analysis
        .trend(&evaluation, by)
        .unwrap_or_else(|e| panic!("{e}"))
        .periods
}

fn node<'a>(r: &'a Report, name: &str) -> &'a percorso::analytics::Node {
    r.nodes
        .iter()
        .find(|n| n.touchpoint == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

fn edge<'a>(r: &'a Report, from: &str, to: &str) -> Option<&'a percorso::analytics::Edge> {
    r.edges.iter().find(|e| e.from == from && e.to == to)
}

#[test]
fn weekly_trend_of_the_hand_fixture() {
    let weeks = trend(&hand_log(), &hand_params(), Period::Week);
    let starts: Vec<&str> = weeks.iter().map(|w| w.start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2026-03-02",
            "2026-03-09",
            "2026-03-16",
            "2026-03-23",
            "2026-03-30",
            "2026-04-06"
        ],
        "every week from the first event's to the last's, the empty ones included"
    );
    assert_eq!(weeks[0].end, "2026-03-09");
    let settled: Vec<bool> = weeks.iter().map(|w| w.settled).collect();
    assert_eq!(settled, [true, true, false, false, false, false]);

    let w1 = &weeks[0].report;
    assert_eq!((w1.events, w1.customers), (4, 2));
    let ad = node(w1, "Ad");
    assert_eq!((ad.events, ad.customers), (3, 2));
    assert_eq!(ad.reach_pct, Some(100.0));
    // Ad has an exposure (c1's impression); both customers also clicked.
    assert!(ad.engagement_by_exposure);
    assert_eq!(ad.engagement_rate, Some(100.0));
    // Ad's events this week are followed after 1 d, 7 d (c1's Ad d1 → Shop d8, next week) and
    // 1 d: median 1 d; p90 = 1 + 0.8 × (7 − 1) = 5.8 d.
    assert_eq!(ad.median_next_s, Some(86_400.0));
    let p90 = ad.p90_next_s.unwrap_or_default();
    assert!((p90 - 5.8 * 86_400.0).abs() < 1e-6, "{p90}");
    let shop = node(w1, "Shop");
    assert_eq!((shop.events, shop.customers, shop.last_here), (1, 1, 1));
    assert_eq!((shop.dropoff, shop.dropoff_rate), (1, Some(100.0)));
    assert_eq!(shop.value_mean, Some(4.0));
    // A transition belongs to the week of its first event: c1's Ad → Shop counts here.
    let ad_shop = edge(w1, "Ad", "Shop").unwrap_or_else(|| panic!("Ad → Shop"));
    assert_eq!((ad_shop.count, ad_shop.customers), (2, 2));
    let share = ad_shop.share.unwrap_or_default();
    assert!((share - 200.0 / 3.0).abs() < 1e-9, "{share}");
    assert_eq!(ad_shop.median_s, Some(4.0 * 86_400.0));
    assert_eq!(edge(w1, "Ad", "Ad").map(|e| e.count), Some(1));
    // Both reached Aware; only c2 went on to Buy within the week.
    let aware = &w1.stages[0];
    assert_eq!((aware.reached, aware.conversion_next), (2, Some(50.0)));
    let buy = &w1.stages[1];
    assert_eq!((buy.reached, buy.current, buy.dropped), (1, 1, 1));

    let w2 = &weeks[1].report;
    assert_eq!((w2.events, w2.customers), (2, 1));
    let reward = node(w2, "Reward");
    assert_eq!((reward.completed_here, reward.dropoff), (1, 0));
    assert_eq!(w2.stages[2].completed, 1);
    assert_eq!(w2.stages[1].conversion_next, Some(100.0));
    assert_eq!(edge(w2, "Shop", "Reward").map(|e| e.count), Some(1));
    assert_eq!(
        edge(w2, "Ad", "Shop").map(|e| e.count),
        Some(0),
        "designed, unused"
    );

    for empty in &weeks[2..5] {
        assert_eq!((empty.report.events, empty.report.customers), (0, 0));
        assert_eq!(node(&empty.report, "Ad").reach_pct, None);
    }
    let w6 = &weeks[5].report;
    assert_eq!(node(w6, "Shop").stalled_now, 1);
    assert_eq!(node(w6, "Shop").dropoff, 0);
}

#[test]
fn months_and_the_date_filter_bound_the_periods() {
    let months = trend(&hand_log(), &hand_params(), Period::Month);
    let starts: Vec<&str> = months.iter().map(|m| m.start.as_str()).collect();
    assert_eq!(starts, ["2026-03-01", "2026-04-01"]);
    assert_eq!(months[0].report.events, 6);
    // The date filter's start opens the first period even when it holds no event.
    let params = Params {
        from_ms: Some(MONDAY - 3 * DAY),
        to_ms: Some(MONDAY + 2 * DAY),
        ..hand_params()
    };
    let days = trend(&hand_log(), &params, Period::Day);
    let starts: Vec<&str> = days.iter().map(|d| d.start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2026-02-27",
            "2026-02-28",
            "2026-03-01",
            "2026-03-02",
            "2026-03-03"
        ]
    );
    assert_eq!(days[3].report.events, 1);
}

#[test]
fn what_changed_ranks_a_moved_transition_with_its_counts() {
    let log = hand_log();
    let analysis = Analysis::new(&log, &journey(), &exposure());
    let evaluation = analysis
        .evaluate(&hand_params())
        .unwrap_or_else(|e| panic!("{e}"));
    // A: days 0–1 (c1's Ad → Ad and Ad → Shop); B: days 2–8 (c2's Ad → Shop, c2's Shop with no
    // next, c1's Shop → Reward).
    let periods = ChangePeriods::Between {
        a_from_ms: MONDAY,
        a_to_ms: MONDAY + 2 * DAY,
        b_from_ms: MONDAY + 2 * DAY,
        b_to_ms: MONDAY + 9 * DAY,
    };
    let changes = analysis
        .changes(&evaluation, &periods, 1)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (changes.a.from.as_str(), changes.a.to.as_str()),
        ("2026-03-02", "2026-03-03")
    );
    assert_eq!(
        (changes.b.from.as_str(), changes.b.to.as_str()),
        ("2026-03-04", "2026-03-10")
    );
    assert_eq!((changes.a.customers, changes.b.customers), (1, 2));
    assert!(changes.tested.dropoff_compared, "both periods are settled");
    // Ad → Shop: 1 of Ad's 2 moves in A, 1 of its 1 move in B (c2's Shop on day 3 has no next,
    // so it is no move: the share is of moves, not of events).
    let find = |c: &percorso::analytics::Changes, from: &str, to: &str| {
        c.tested
            .edges
            .iter()
            .find(|e| e.from == from && e.to == to)
            .cloned()
    };
    let ad_shop = find(&changes, "Ad", "Shop").unwrap_or_else(|| panic!("Ad → Shop"));
    assert_eq!((ad_shop.a_count, ad_shop.a_total), (1, 2));
    assert_eq!((ad_shop.b_count, ad_shop.b_total), (1, 1));
    assert_eq!((ad_shop.a_share, ad_shop.b_share), (50.0, 100.0));
    assert_eq!(ad_shop.p_value, two_proportion_p(1, 2, 1, 1));
    // Shop has no move in A: nothing of it can be tested.
    assert!(find(&changes, "Shop", "Reward").is_none());
    // Sorted most significant first.
    let p: Vec<f64> = changes.tested.edges.iter().map(|e| e.p_value).collect();
    assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
    // With a minimum count of 2, Ad's single move in B tests nothing.
    let strict = analysis
        .changes(&evaluation, &periods, 2)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(strict.tested.edges.is_empty());
    assert!(strict.tested.untested > changes.tested.untested);
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let log = hand_log();
    let analysis = Analysis::new(&log, &journey(), &exposure());
    let evaluation = analysis
        .evaluate(&hand_params())
        .unwrap_or_else(|e| panic!("{e}"));
    let periods = ChangePeriods::Between {
        a_from_ms: MONDAY + DAY,
        a_to_ms: MONDAY,
        b_from_ms: MONDAY,
        b_to_ms: MONDAY + DAY,
    };
    let e = analysis.changes(&evaluation, &periods, 1).unwrap_err();
    assert!(e.to_string().contains("period A"), "{e}");
}

/// A checkout where "Pay" is followed by "Error" for 2% of customers until day 46, and for 29%
/// from day 46 on (the last 14 days of the log); 100 customers a day start at "Home".
fn broken_log() -> EventLog {
    let mut log = EventLog::default();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for day in 0..60i64 {
        for i in 0..100 {
            let customer = format!("d{day}-{i}");
            let start = MONDAY + day * DAY + i * 600_000;
            push(&mut log, &customer, "Home", start, "view", "web", None);
            push(
                &mut log,
                &customer,
                "Pay",
                start + HOUR,
                "view",
                "web",
                None,
            );
            let error_rate = if day < 46 { 0.02 } else { 0.29 };
            let then = if next() < error_rate { "Error" } else { "Done" };
            push(
                &mut log,
                &customer,
                then,
                start + 2 * HOUR,
                "view",
                "web",
                None,
            );
        }
    }
    log
}

#[test]
fn an_injected_break_tops_what_changed_and_shows_in_its_trend() {
    let log = broken_log();
    let journey = percorso::analytics::unassigned_journey(&log);
    let analysis = Analysis::new(&log, &journey, &[]);
    let evaluation = analysis
        .evaluate(&Params::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let changes = analysis
        .changes(&evaluation, &ChangePeriods::Last { days: 14 }, 30)
        .unwrap_or_else(|e| panic!("{e}"));
    let top = &changes.tested.edges[0];
    assert_eq!((top.from.as_str(), top.to.as_str()), ("Pay", "Error"));
    assert!(top.a_share < 5.0 && top.b_share > 20.0, "{top:?}");
    assert!(
        top.p_value < 1e-6 && top.q_value < 1e-6 && top.significant,
        "{top:?}"
    );
    assert!(
        !changes.tested.dropoff_compared,
        "the last two weeks are not settled"
    );

    let days = analysis
        .trend(&evaluation, Period::Day)
        .unwrap_or_else(|e| panic!("{e}"))
        .periods;
    assert_eq!(days.len(), 60);
    let share = |d: &PeriodReport| edge(&d.report, "Pay", "Error").and_then(|e| e.share);
    let before: Vec<f64> = days[..46].iter().filter_map(share).collect();
    let after: Vec<f64> = days[46..].iter().filter_map(share).collect();
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    assert!(mean(&before) < 5.0, "{before:?}");
    assert!(mean(&after) > 20.0, "{after:?}");
    assert_eq!(days[46].start, "2026-04-17", "the break's day");
}

// --- Every log: the periods add up to the report, and a period's activity is the report of
// its date range.

const VALUES: [&str; 5] = ["Ad", "Shop", "Reward", "store", "Mystery"];
const TYPES: [&str; 2] = ["impression", "click"];

fn build(events: &[(usize, usize, i64, usize)]) -> EventLog {
    let mut log = EventLog::default();
    for &(c, v, t, ty) in events {
        let at = MONDAY + t * 6 * HOUR;
        push(
            &mut log,
            &format!("c{c}"),
            VALUES[v],
            at,
            TYPES[ty],
            "web",
            Some(t as f64),
        );
    }
    log
}

fn sum(periods: &[PeriodReport], f: impl Fn(&Report) -> u64) -> u64 {
    periods.iter().map(|p| f(&p.report)).sum()
}

proptest! {
    #[test]
    fn periods_add_up_to_the_report_and_match_their_date_range(
        events in prop::collection::vec((0..6usize, 0..VALUES.len(), 0..60i64, 0..2usize), 0..50),
        by in prop::sample::select(vec![Period::Day, Period::Week]),
        inactive_days in 0..4u32,
    ) {
        let log = build(&events);
        let analysis = Analysis::new(&log, &journey(), &exposure());
        let params = Params { inactive_days, ..Params::default() };
        let evaluation = analysis.evaluate(&params).unwrap_or_else(|e| panic!("{e}"));
        let whole = evaluation.report().clone();
        let periods = analysis.trend(&evaluation, by).unwrap_or_else(|e| panic!("{e}")).periods;
        prop_assert_eq!(sum(&periods, |r| r.events), whole.events);
        for (i, n) in whole.nodes.iter().enumerate() {
            prop_assert_eq!(sum(&periods, |r| r.nodes[i].events), n.events);
            prop_assert_eq!(sum(&periods, |r| r.nodes[i].last_here), n.last_here);
            prop_assert_eq!(sum(&periods, |r| r.nodes[i].dropoff), n.dropoff);
            prop_assert_eq!(sum(&periods, |r| r.nodes[i].stalled_now), n.stalled_now);
            prop_assert_eq!(sum(&periods, |r| r.nodes[i].completed_here), n.completed_here);
        }
        for e in &whole.edges {
            let count: u64 = periods
                .iter()
                .filter_map(|p| edge(&p.report, &e.from, &e.to))
                .map(|x| x.count)
                .sum();
            prop_assert_eq!(count, e.count, "{} → {}", &e.from, &e.to);
        }
        for (i, s) in whole.stages.iter().enumerate() {
            prop_assert_eq!(sum(&periods, |r| r.stages[i].current), s.current);
            prop_assert_eq!(sum(&periods, |r| r.stages[i].dropped), s.dropped);
            prop_assert_eq!(sum(&periods, |r| r.stages[i].completed), s.completed);
        }
        for p in &periods {
            let ranged = analysis
                .report(&Params { from_ms: Some(p.start_ms), to_ms: Some(p.end_ms), ..params.clone() })
                .unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(p.report.events, ranged.events);
            prop_assert_eq!(p.report.customers, ranged.customers);
            for (a, b) in p.report.nodes.iter().zip(&ranged.nodes) {
                prop_assert_eq!(a.events, b.events);
                prop_assert_eq!(a.customers, b.customers);
                prop_assert_eq!(a.reach_pct, b.reach_pct);
                prop_assert_eq!(a.engagement_rate, b.engagement_rate);
                prop_assert_eq!(a.value_mean, b.value_mean);
            }
            for (a, b) in p.report.stages.iter().zip(&ranged.stages) {
                prop_assert_eq!(a.reached, b.reached);
                prop_assert_eq!(a.conversion_next, b.conversion_next);
            }
        }
    }
}
