//! Every number of the report on a log small enough to compute by hand.
//!
//! The main fixture (times in days from 0; as-of defaults to the latest event, day 100, so
//! customers whose latest event is before day 70 have dropped off):
//! - c1: Ad impression d0, Ad click d1, Shop d2 (value 10), Reward d3 (value 20)  → completed
//!   (idle for 97 days, but at a goal: contract v2 counts a conversion, never a drop-off)
//! - c2: Ad impression d0 (exposure only)                                        → dropped
//! - c3: Shop d50, Shop d50+1h (self-loop), "Mystery" d51 (unmapped)             → dropped
//! - c4: "store" d100 (alias of Shop, one event)                                  → active
//! - c5: Ad click d90, Shop d95 (value −5)                                        → stalled
//! - c6: Reward d99 (goal)                                                        → completed

#[path = "support/fixtures.rs"]
mod fixtures;

use fixtures::{exposure, journey, push, DAY, HOUR};
use percorso::analytics::{
    Analysis, CustomerQuery, Edge, HistogramTarget, Node, Params, PlaceRef, Report, Segment,
    StageFunnel, Status,
};
use percorso::journey::{StageId, TouchpointId};
use percorso::log::EventLog;

fn log() -> EventLog {
    let mut log = EventLog::default();
    push(&mut log, "c1", "Ad", 0, "impression", "social", None);
    push(&mut log, "c2", "Ad", 0, "impression", "social", None);
    push(&mut log, "c1", "Ad", DAY, "click", "social", None);
    push(&mut log, "c1", "Shop", 2 * DAY, "view", "store", Some(10.0));
    push(&mut log, "c3", "Shop", 50 * DAY, "view", "store", None);
    push(
        &mut log,
        "c1",
        "Reward",
        3 * DAY,
        "redeem",
        "app",
        Some(20.0),
    );
    push(
        &mut log,
        "c3",
        "Shop",
        50 * DAY + HOUR,
        "view",
        "store",
        None,
    );
    push(&mut log, "c3", "Mystery", 51 * DAY, "view", "web", None);
    push(&mut log, "c4", "store", 100 * DAY, "view", "store", None);
    push(&mut log, "c5", "Ad", 90 * DAY, "click", "social", None);
    push(
        &mut log,
        "c5",
        "Shop",
        95 * DAY,
        "view",
        "store",
        Some(-5.0),
    );
    push(&mut log, "c6", "Reward", 99 * DAY, "redeem", "app", None);
    for (c, region, device) in [
        ("c1", "North", "ios"),
        ("c2", "South", "android"),
        ("c3", "North", "android"),
        ("c4", "Islands", "ios"),
        ("c5", "South", "ios"),
    ] {
        log.set_attribute(c, "region", region);
        log.set_attribute(c, "device", device);
    }
    log
}

fn analysis() -> Analysis {
    Analysis::new(&log(), &journey(), &exposure())
}

fn report(params: Params) -> Report {
    analysis().report(&params).unwrap_or_else(|e| panic!("{e}"))
}

fn node<'a>(report: &'a Report, name: &str) -> &'a Node {
    report
        .nodes
        .iter()
        .find(|n| n.touchpoint == name)
        .unwrap_or_else(|| panic!("not in the report"))
}

fn edge<'a>(report: &'a Report, from: &str, to: &str) -> &'a Edge {
    report
        .edges
        .iter()
        .find(|e| e.from == from && e.to == to)
        .unwrap_or_else(|| panic!("not in the report"))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn every_number_of_the_report_matches_the_hand_computation() {
    let r = report(Params::default());
    assert_eq!(r.as_of.as_deref(), Some("1970-04-11T00:00:00Z"));
    assert_eq!((r.inactive_days, r.customers, r.events), (30, 6, 12));

    let ad = node(&r, "Ad");
    assert_eq!(
        (ad.stage.as_str(), ad.touchpoint_id, ad.events, ad.customers),
        ("Aware", 1, 4, 3)
    );
    assert_eq!(ad.reach_pct, Some(50.0));
    assert!(close(ad.repeat, 4.0 / 3.0));
    assert_eq!(
        (ad.last_here, ad.dropoff, ad.stalled_now, ad.completed_here),
        (1, 1, 0, 0)
    );
    assert!(close(ad.dropoff_rate, 100.0 / 3.0));
    // Next after Ad: 1 d, 1 d, 5 d → median 86400 s, p90 = 86400 + 0.8 × 345600.
    assert_eq!(
        (ad.median_next_s, ad.p90_next_s),
        (Some(86_400.0), Some(362_880.0))
    );
    // Exposed: c1, c2, c5; interacting (a click): c1, c5.
    assert!(ad.engagement_by_exposure);
    assert!(close(ad.engagement_rate, 200.0 / 3.0));
    assert_eq!(ad.value_mean, None);

    let shop = node(&r, "Shop");
    assert_eq!(
        (
            shop.events,
            shop.customers,
            shop.last_here,
            shop.dropoff,
            shop.stalled_now
        ),
        (5, 4, 2, 0, 1)
    );
    assert!(close(shop.reach_pct, 400.0 / 6.0));
    assert_eq!((shop.repeat, shop.dropoff_rate), (Some(1.25), Some(0.0)));
    // Next after Shop: 1 h, 23 h, 1 d → median 82800 s, p90 = 82800 + 0.8 × 3600.
    assert_eq!(
        (shop.median_next_s, shop.p90_next_s),
        (Some(82_800.0), Some(85_680.0))
    );
    // No exposure at Shop: its 4 customers ÷ the 4 who reached stage Buy.
    assert!(!shop.engagement_by_exposure);
    assert_eq!(
        (shop.engagement_rate, shop.value_mean),
        (Some(100.0), Some(2.5))
    );

    let reward = node(&r, "Reward");
    assert_eq!(
        (
            reward.events,
            reward.customers,
            reward.last_here,
            reward.dropoff,
            reward.stalled_now,
            reward.completed_here
        ),
        (2, 2, 2, 0, 0, 2)
    );
    assert!(close(reward.reach_pct, 100.0 / 3.0));
    assert_eq!((reward.repeat, reward.dropoff_rate), (Some(1.0), Some(0.0)));
    assert_eq!((reward.median_next_s, reward.p90_next_s), (None, None));
    assert_eq!(
        (reward.engagement_rate, reward.value_mean, reward.goal),
        (Some(100.0), Some(20.0), true)
    );

    let expected_edges = [
        ("Ad", "Ad", 1, 1, 25.0, 86_400.0, 86_400.0, false),
        ("Ad", "Shop", 2, 2, 50.0, 259_200.0, 397_440.0, true),
        ("Shop", "Shop", 1, 1, 20.0, 3_600.0, 3_600.0, false),
        ("Shop", "Reward", 1, 1, 20.0, 86_400.0, 86_400.0, true),
        ("Shop", "Mystery", 1, 1, 20.0, 82_800.0, 82_800.0, false),
    ];
    assert_eq!(r.edges.len(), expected_edges.len());
    for (from, to, count, customers, share, median, p90, designed) in expected_edges {
        let e = edge(&r, from, to);
        assert_eq!(
            (
                e.count,
                e.customers,
                e.share,
                e.median_s,
                e.p90_s,
                e.designed
            ),
            (
                count,
                customers,
                Some(share),
                Some(median),
                Some(p90),
                designed
            ),
            "{from} → {to}"
        );
    }
    assert_eq!(edge(&r, "Shop", "Mystery").to_touchpoint_id, None);

    let stage = |name: &str| r.stages.iter().find(|s| s.stage == name).unwrap().clone();
    let aware = stage("Aware");
    assert_eq!(
        (aware.reached, aware.current, aware.dropped, aware.completed),
        (3, 1, 1, 0)
    );
    assert!(close(aware.conversion_next, 200.0 / 3.0));
    assert_eq!(
        stage("Buy"),
        StageFunnel {
            stage: "Buy".into(),
            stage_id: 20,
            reached: 4,
            current: 2,
            dropped: 0,
            completed: 0,
            conversion_next: Some(25.0)
        }
    );
    assert_eq!(
        stage("Love"),
        StageFunnel {
            stage: "Love".into(),
            stage_id: 30,
            reached: 2,
            current: 2,
            dropped: 0,
            completed: 2,
            conversion_next: None
        }
    );

    assert_eq!(r.unmapped.len(), 1);
    assert_eq!(
        (r.unmapped[0].value.as_str(), r.unmapped[0].events),
        ("Mystery", 1)
    );
}

fn ids_of(status: Status) -> Vec<String> {
    let a = analysis();
    let e = a
        .evaluate(&Params::default())
        .unwrap_or_else(|e| panic!("{e}"));
    let page = a
        .customers(
            &e,
            &CustomerQuery {
                status: Some(status),
                ..CustomerQuery::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
    page.rows.into_iter().map(|r| r.customer).collect()
}

#[test]
fn completed_wins_over_dropped_which_wins_over_stalled() {
    assert_eq!(ids_of(Status::Dropped), ["c2", "c3"]);
    assert_eq!(ids_of(Status::Stalled), ["c5"]);
    assert_eq!(ids_of(Status::Completed), ["c1", "c6"]);
    assert_eq!(ids_of(Status::Active), ["c4"]);
}

/// Contract v2: a goal has no drop-off and no stalls, only completions, even when customers
/// also pass through it and so give it a p90 time to next.
///
/// - g1: Shop d0, Reward d1, Shop d2, Reward d3 (latest at the goal, 1 day before as-of)
/// - g2: Reward d0, Shop d0+1h (Reward's only other "next": 1 h)
/// - g3: Shop d4 (as-of is d4)
///
/// Reward's nexts are 1 d (g1) and 1 h (g2), so its p90 is under a day: without v2, g1 would be
/// stalled there. g2 is at Shop, idle 4 days minus an hour, past Shop's p90 of 1 d: stalled.
#[test]
fn a_customer_at_a_goal_is_completed_never_stalled_or_dropped() {
    let mut log = EventLog::default();
    push(&mut log, "g1", "Shop", 0, "view", "store", None);
    push(&mut log, "g1", "Reward", DAY, "redeem", "app", None);
    push(&mut log, "g1", "Shop", 2 * DAY, "view", "store", None);
    push(&mut log, "g1", "Reward", 3 * DAY, "redeem", "app", None);
    push(&mut log, "g2", "Reward", 0, "redeem", "app", None);
    push(&mut log, "g2", "Shop", HOUR, "view", "store", None);
    push(&mut log, "g3", "Shop", 4 * DAY, "view", "store", None);
    let a = Analysis::new(&log, &journey(), &exposure());
    let r = a.report(&Params::default()).unwrap();
    let reward = node(&r, "Reward");
    assert!(reward.p90_next_s.is_some_and(|p90| p90 < 86_400.0));
    assert_eq!(
        (
            reward.last_here,
            reward.dropoff,
            reward.stalled_now,
            reward.completed_here
        ),
        (1, 0, 0, 1)
    );
    let shop = node(&r, "Shop");
    assert_eq!(
        (
            shop.last_here,
            shop.dropoff,
            shop.stalled_now,
            shop.completed_here
        ),
        (2, 0, 1, 0)
    );
    let love = r.stages.iter().find(|s| s.stage == "Love").unwrap();
    assert_eq!((love.current, love.dropped, love.completed), (1, 0, 1));

    // Thirty days later everyone is past the inactivity threshold: g1 still converted.
    let later = a
        .report(&Params {
            as_of_ms: Some(40 * DAY),
            ..Params::default()
        })
        .unwrap();
    let reward = node(&later, "Reward");
    assert_eq!((reward.dropoff, reward.completed_here), (0, 1));
    assert_eq!(node(&later, "Shop").dropoff, 2);
    let e = a.evaluate(&Params::default()).unwrap();
    let row = a.customer(&e, "g1").unwrap().unwrap();
    assert_eq!(row.status, Status::Completed);
}

#[test]
fn a_customer_whose_latest_event_is_unmapped_has_no_current_stage() {
    let a = analysis();
    let e = a.evaluate(&Params::default()).unwrap();
    let page = a
        .customers(
            &e,
            &CustomerQuery {
                reached_stage: Some(StageId(20)),
                ..CustomerQuery::default()
            },
        )
        .unwrap();
    let c3 = page.rows.iter().find(|r| r.customer == "c3").unwrap();
    assert_eq!(
        (c3.current_stage.as_deref(), c3.furthest_stage.as_deref()),
        (None, Some("Buy"))
    );
    assert_eq!((c3.latest_touchpoint.as_str(), c3.events), ("Mystery", 3));
    assert_eq!(page.total, 4);
}

#[test]
fn the_customers_behind_a_touchpoint_a_transition_and_a_stage() {
    let a = analysis();
    let e = a.evaluate(&Params::default()).unwrap();
    let ids = |q: CustomerQuery| -> Vec<String> {
        a.customers(&e, &q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.customer)
            .collect()
    };
    let shop = Some(TouchpointId(2));
    assert_eq!(
        ids(CustomerQuery {
            touchpoint: shop,
            ..Default::default()
        }),
        ["c4", "c5"]
    );
    assert_eq!(
        ids(CustomerQuery {
            touchpoint: shop,
            status: Some(Status::Stalled),
            ..Default::default()
        }),
        ["c5"]
    );
    assert_eq!(
        ids(CustomerQuery {
            touchpoint: Some(TouchpointId(1)),
            status: Some(Status::Dropped),
            ..Default::default()
        }),
        ["c2"]
    );
    let ad_to_shop = (
        PlaceRef::Touchpoint(TouchpointId(1)),
        PlaceRef::Touchpoint(TouchpointId(2)),
    );
    assert_eq!(
        ids(CustomerQuery {
            transition: Some(ad_to_shop),
            ..Default::default()
        }),
        ["c1", "c5"]
    );
    let to_mystery = (
        PlaceRef::Touchpoint(TouchpointId(2)),
        PlaceRef::Unmapped("Mystery".into()),
    );
    assert_eq!(
        ids(CustomerQuery {
            transition: Some(to_mystery),
            ..Default::default()
        }),
        ["c3"]
    );
    assert_eq!(
        ids(CustomerQuery {
            stage: Some(StageId(20)),
            ..Default::default()
        }),
        ["c4", "c5"]
    );
}

#[test]
fn customer_pages_are_sorted_and_cut() {
    let a = analysis();
    let e = a.evaluate(&Params::default()).unwrap();
    let q = CustomerQuery {
        sort: percorso::analytics::CustomerSort::Events,
        descending: true,
        offset: 1,
        limit: 2,
        ..Default::default()
    };
    let page = a.customers(&e, &q).unwrap();
    assert_eq!(page.total, 6);
    // Events: c1 4, c3 3, c5 2, then one each; descending with ties by id reversed.
    let ids: Vec<_> = page.rows.iter().map(|r| r.customer.as_str()).collect();
    assert_eq!(ids, ["c3", "c5"]);
    let q = CustomerQuery {
        sort: percorso::analytics::CustomerSort::LastEvent,
        limit: 3,
        ..Default::default()
    };
    let ids: Vec<_> = a
        .customers(&e, &q)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.customer)
        .collect();
    assert_eq!(ids, ["c2", "c1", "c3"]);
}

#[test]
fn a_date_range_keeps_only_the_events_inside_it() {
    let r = report(Params {
        from_ms: Some(50 * DAY),
        to_ms: Some(100 * DAY),
        ..Params::default()
    });
    // Kept: c3's three events, c5's two, c6's one; as-of becomes day 99, so day 69 is the line.
    assert_eq!(
        (r.customers, r.events, r.as_of.as_deref()),
        (3, 6, Some("1970-04-10T00:00:00Z"))
    );
    let shop = node(&r, "Shop");
    assert_eq!(
        (shop.events, shop.customers, shop.last_here, shop.dropoff),
        (3, 2, 1, 0)
    );
    // Next after Shop: 1 h and 23 h → median 43200 s, p90 = 3600 + 0.9 × 79200; c5 idle 4 days.
    assert_eq!(
        (shop.median_next_s, shop.p90_next_s, shop.stalled_now),
        (Some(43_200.0), Some(74_880.0), 1)
    );
    let ad = node(&r, "Ad");
    assert_eq!(
        (ad.events, ad.engagement_by_exposure, ad.engagement_rate),
        (1, false, Some(100.0))
    );
    assert_eq!(
        r.stages.iter().map(|s| s.dropped).collect::<Vec<_>>(),
        [0, 0, 0]
    );
}

#[test]
fn segments_of_one_attribute_are_alternatives_and_of_two_must_all_match() {
    let seg = |attribute: &str, value: &str| Segment {
        attribute: attribute.into(),
        value: value.into(),
    };
    let r = report(Params {
        segments: vec![
            seg("region", "North"),
            seg("region", "South"),
            seg("device", "android"),
        ],
        ..Params::default()
    });
    // c2 and c3 (android, North or South): whole customers, 1 + 3 events.
    assert_eq!(
        (r.customers, r.events, r.as_of.as_deref()),
        (2, 4, Some("1970-02-21T00:00:00Z"))
    );
    assert_eq!(node(&r, "Ad").dropoff, 1);
    assert_eq!(
        (node(&r, "Shop").events, node(&r, "Shop").last_here),
        (2, 0)
    );
    let r = report(Params {
        segments: vec![seg("region", "Islands")],
        ..Params::default()
    });
    assert_eq!((r.customers, r.events, node(&r, "Shop").events), (1, 1, 1));
}

#[test]
fn an_unknown_segment_attribute_is_an_error_that_names_the_known_ones() {
    let err = analysis()
        .report(&Params {
            segments: vec![Segment {
                attribute: "regio".into(),
                value: "North".into(),
            }],
            ..Params::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("region"), "{err}");
}

#[test]
fn a_channel_filter_keeps_the_events_of_that_channel() {
    let r = report(Params {
        channels: vec!["store".into()],
        ..Params::default()
    });
    assert_eq!((r.customers, r.events), (4, 5));
    assert_eq!(
        (
            node(&r, "Ad").events,
            node(&r, "Shop").events,
            node(&r, "Reward").events
        ),
        (0, 5, 0)
    );
    assert!(r.unmapped.is_empty());
    let observed: Vec<_> = r
        .edges
        .iter()
        .filter(|e| e.count > 0)
        .map(|e| (e.from.as_str(), e.to.as_str(), e.count))
        .collect();
    assert_eq!(observed, [("Shop", "Shop", 1)]);
}

#[test]
fn a_filter_that_empties_the_log_gives_zeros_and_nulls() {
    let r = report(Params {
        from_ms: Some(500 * DAY),
        ..Params::default()
    });
    assert_eq!((r.as_of, r.customers, r.events), (None, 0, 0));
    for n in &r.nodes {
        assert_eq!(
            (n.events, n.customers, n.last_here, n.dropoff, n.stalled_now),
            (0, 0, 0, 0, 0)
        );
        assert_eq!(
            (
                n.reach_pct,
                n.repeat,
                n.dropoff_rate,
                n.engagement_rate,
                n.p90_next_s
            ),
            (None, None, None, None, None)
        );
    }
    // The designed transitions are still listed, with no pair.
    assert_eq!(
        r.edges
            .iter()
            .map(|e| (e.count, e.share))
            .collect::<Vec<_>>(),
        [(0, None), (0, None)]
    );
    assert!(r
        .stages
        .iter()
        .all(|s| s.reached == 0 && s.conversion_next.is_none()));
    assert!(r.unmapped.is_empty());
}

#[test]
fn a_later_as_of_drops_everyone_inactive_since_except_who_completed() {
    let r = report(Params {
        as_of_ms: Some(200 * DAY),
        ..Params::default()
    });
    assert_eq!(r.as_of.as_deref(), Some("1970-07-20T00:00:00Z"));
    let dropped: Vec<u64> = r.nodes.iter().map(|n| n.dropoff).collect();
    // Reward is the goal: c1 and c6 ended there, so they completed (v2), however long ago.
    assert_eq!(dropped, [1, 2, 0]);
    let completed: Vec<u64> = r.nodes.iter().map(|n| n.completed_here).collect();
    assert_eq!(completed, [0, 0, 2]);
    assert!(r.nodes.iter().all(|n| n.stalled_now == 0));
}

#[test]
fn equal_instants_keep_file_order() {
    let mut log = EventLog::default();
    push(&mut log, "c", "Shop", 1_000, "view", "web", None);
    push(&mut log, "c", "Ad", 1_000, "click", "web", None);
    let r = Analysis::new(&log, &journey(), &exposure())
        .report(&Params::default())
        .unwrap();
    let e = edge(&r, "Shop", "Ad");
    assert_eq!((e.count, e.median_s, e.designed), (1, Some(0.0), false));
    assert_eq!(edge(&r, "Ad", "Shop").count, 0);
    assert_eq!(
        (node(&r, "Ad").last_here, node(&r, "Shop").last_here),
        (1, 0)
    );
}

#[test]
fn mixed_offsets_for_one_customer_are_ordered_by_instant_not_text() {
    let instant = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .timestamp_millis()
    };
    let mut log = EventLog::default();
    // In text "09:00Z" sorts before "10:00+02:00", but 10:00+02:00 is 08:00Z: an hour earlier.
    push(
        &mut log,
        "c",
        "Shop",
        instant("2026-03-01T09:00:00Z"),
        "view",
        "web",
        None,
    );
    push(
        &mut log,
        "c",
        "Ad",
        instant("2026-03-01T10:00:00+02:00"),
        "click",
        "web",
        None,
    );
    let r = Analysis::new(&log, &journey(), &exposure())
        .report(&Params::default())
        .unwrap();
    let e = edge(&r, "Ad", "Shop");
    assert_eq!((e.count, e.median_s, e.designed), (1, Some(3_600.0), true));
    assert_eq!(r.as_of.as_deref(), Some("2026-03-01T09:00:00Z"));
    assert_eq!(node(&r, "Shop").last_here, 1);
}

#[test]
fn a_one_event_customer_has_no_time_to_next_and_no_transition() {
    let mut log = EventLog::default();
    push(
        &mut log,
        "solo",
        "Reward",
        5 * DAY,
        "redeem",
        "app",
        Some(3.0),
    );
    let r = Analysis::new(&log, &journey(), &exposure())
        .report(&Params::default())
        .unwrap();
    let reward = node(&r, "Reward");
    assert_eq!(
        (
            reward.events,
            reward.customers,
            reward.last_here,
            reward.dropoff
        ),
        (1, 1, 1, 0)
    );
    assert_eq!(
        (reward.median_next_s, reward.p90_next_s, reward.value_mean),
        (None, None, Some(3.0))
    );
    assert!(r.edges.iter().all(|e| e.count == 0));
}

#[test]
fn variants_count_customers_per_complete_path() {
    let mut log = EventLog::default();
    for (c, path) in [
        ("a", &["Ad", "Shop"][..]),
        ("b", &["Ad", "Shop"]),
        ("c", &["Ad"]),
        ("d", &["Shop", "Mystery"]),
    ] {
        for (i, tp) in path.iter().enumerate() {
            push(&mut log, c, tp, i as i64 * DAY, "view", "web", None);
        }
    }
    let a = Analysis::new(&log, &journey(), &exposure());
    let variants = a
        .variants(&a.evaluate(&Params::default()).unwrap(), 2)
        .unwrap();
    let got: Vec<_> = variants
        .iter()
        .map(|v| (v.path.join(">"), v.customers, v.share))
        .collect();
    assert_eq!(
        got,
        [
            ("Ad>Shop".to_owned(), 2, Some(50.0)),
            ("Ad".to_owned(), 1, Some(25.0))
        ]
    );
}

#[test]
fn the_time_to_next_histogram_counts_every_duration_once() {
    let a = analysis();
    let e = a.evaluate(&Params::default()).unwrap();
    let ad = PlaceRef::Touchpoint(TouchpointId(1));
    let h = a
        .histogram(&e, &HistogramTarget::Touchpoint(ad.clone()))
        .unwrap();
    assert_eq!(h.total, 3);
    let bin_of = |s: f64| {
        h.bins
            .iter()
            .position(|b| b.lower_s <= s && b.upper_s.is_none_or(|u| s < u))
            .unwrap()
    };
    assert_eq!(h.bins[bin_of(86_400.0)].count, 2);
    assert_eq!(h.bins[bin_of(432_000.0)].count, 1);
    assert_eq!((h.bins[0].lower_s, h.bins[1].lower_s), (0.0, 60.0));
    let t = a
        .histogram(
            &e,
            &HistogramTarget::Transition(ad, PlaceRef::Touchpoint(TouchpointId(2))),
        )
        .unwrap();
    assert_eq!((t.total, t.bins[bin_of(432_000.0)].count), (2, 1));
}

#[test]
fn a_customer_path_lists_every_event_with_its_place() {
    let path = analysis().customer_path("c3").unwrap();
    let got: Vec<_> = path
        .events
        .iter()
        .map(|e| {
            (
                e.touchpoint.as_str(),
                e.stage.as_deref(),
                e.channel.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Shop", Some("Buy"), Some("store")),
            ("Shop", Some("Buy"), Some("store")),
            ("Mystery", None, Some("web"))
        ]
    );
    assert_eq!(path.events[1].instant, "1970-02-20T01:00:00Z");
    assert!(analysis().customer_path("nobody").is_err());
}

#[test]
fn with_no_map_every_log_value_is_a_touchpoint_of_stage_unassigned() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = percorso::Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let source = percorso::workspace::SourceDraft {
        name: "log".into(),
        file_name: "log.csv".into(),
        content_hash: "x".into(),
        timezone: "UTC".into(),
        mapping: r#"{"exposure_types":["impression"]}"#.into(),
        rows_read: 12,
        rows_rejected: 0,
        duplicates: 0,
    };
    ws.add_source(&source, &log()).unwrap();
    let a = Analysis::from_workspace(&ws, None).unwrap();
    let r = a.report(&Params::default()).unwrap();
    let nodes: Vec<_> = r
        .nodes
        .iter()
        .map(|n| (n.touchpoint.as_str(), n.stage.as_str(), n.events))
        .collect();
    assert_eq!(
        nodes,
        [
            ("Ad", "Unassigned", 4),
            ("Shop", "Unassigned", 4),
            ("Reward", "Unassigned", 2),
            ("Mystery", "Unassigned", 1),
            ("store", "Unassigned", 1),
        ]
    );
    assert!(r.unmapped.is_empty());
    assert_eq!((r.customers, r.events, r.stages[0].reached), (6, 12, 6));
    // The exposure types of the source's mapping still apply.
    assert!(node(&r, "Ad").engagement_by_exposure);
}

#[test]
fn a_log_with_hundreds_of_unmapped_values_still_counts_every_transition() {
    let mut log = EventLog::default();
    for i in 0..600 {
        push(
            &mut log,
            "c",
            &format!("page {i}"),
            i * DAY,
            "view",
            "web",
            None,
        );
    }
    let r = Analysis::new(&log, &journey(), &exposure())
        .report(&Params::default())
        .unwrap();
    let observed: Vec<_> = r.edges.iter().filter(|e| e.count > 0).collect();
    assert_eq!(observed.len(), 599);
    assert!(observed
        .iter()
        .all(|e| e.count == 1 && e.median_s == Some(86_400.0) && !e.designed));
    assert_eq!((r.unmapped.len(), r.events), (600, 600));
}

#[test]
fn results_of_another_log_are_refused_not_misread() {
    let small = Analysis::new(&EventLog::default(), &journey(), &exposure());
    let evaluation = small.evaluate(&Params::default()).unwrap();
    assert!(analysis()
        .customers(&evaluation, &CustomerQuery::default())
        .is_err());
}

#[test]
fn a_customer_idle_on_an_unmapped_value_is_active_not_stalled() {
    let mut log = EventLog::default();
    push(&mut log, "x", "Mystery", 0, "view", "web", None);
    push(&mut log, "x", "Mystery", 60_000, "view", "web", None);
    push(&mut log, "z", "Shop", 2 * HOUR, "view", "web", None);
    let a = Analysis::new(&log, &journey(), &exposure());
    let e = a.evaluate(&Params::default()).unwrap();
    let page = a.customers(&e, &CustomerQuery::default()).unwrap();
    let statuses: Vec<_> = page
        .rows
        .iter()
        .map(|r| (r.customer.as_str(), r.status))
        .collect();
    assert_eq!(statuses, [("x", Status::Active), ("z", Status::Active)]);
}

#[test]
fn one_customer_is_looked_up_with_status_and_stages_under_the_filters() {
    let a = analysis();
    let all = a.evaluate(&Params::default()).unwrap();
    let c5 = a.customer(&all, "c5").unwrap().unwrap();
    assert_eq!(c5.status, Status::Stalled);
    assert_eq!(c5.current_stage.as_deref(), Some("Buy"));
    assert_eq!(c5.furthest_stage.as_deref(), Some("Buy"));
    let late = a
        .evaluate(&Params {
            from_ms: Some(96 * DAY),
            ..Params::default()
        })
        .unwrap();
    assert_eq!(a.customer(&late, "c5").unwrap(), None);
    assert!(a.customer(&all, "nobody").is_err());
}
