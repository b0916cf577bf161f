//! Identities that hold for every log: no event is lost or counted twice between touchpoints,
//! transitions, stages and the unmapped list, whatever the filters.

#[path = "support/fixtures.rs"]
mod fixtures;

use std::collections::BTreeMap;

use fixtures::{exposure, journey, push, HOUR};
use percorso::analytics::{Analysis, Params, Report};
use percorso::log::EventLog;
use proptest::prelude::*;

const VALUES: [&str; 6] = ["Ad", "Shop", "Reward", "store", "Mystery", "Other"];
const TYPES: [&str; 2] = ["impression", "click"];
const CHANNELS: [&str; 2] = ["web", "store"];

type RawEvent = (usize, usize, i64, usize, usize);

fn raw_events() -> impl Strategy<Value = Vec<RawEvent>> {
    // Few customers and coarse instants, so that ties and self-loops are common.
    prop::collection::vec(
        (0..6usize, 0..VALUES.len(), 0..40i64, 0..2usize, 0..2usize),
        0..60,
    )
}

fn build(events: &[RawEvent]) -> EventLog {
    let mut log = EventLog::default();
    for &(c, v, t, ty, ch) in events {
        push(
            &mut log,
            &format!("c{c}"),
            VALUES[v],
            t * HOUR,
            TYPES[ty],
            CHANNELS[ch],
            None,
        );
    }
    log
}

fn params() -> impl Strategy<Value = Params> {
    (
        0..5u32,
        prop::option::of(0..20i64),
        prop::option::of(20..45i64),
        any::<bool>(),
    )
        .prop_map(|(days, from, to, store_only)| Params {
            inactive_days: days,
            from_ms: from.map(|h| h * HOUR),
            to_ms: to.map(|h| h * HOUR),
            channels: if store_only {
                vec!["store".into()]
            } else {
                Vec::new()
            },
            ..Params::default()
        })
}

type Pairs = BTreeMap<(String, String), Vec<i64>>;

/// Directly-follows pairs counted the slow, obvious way, on what the filters keep.
fn reference_pairs(events: &[RawEvent], p: &Params) -> BTreeMap<(String, String), u64> {
    reference_durations(events, p)
        .into_iter()
        .map(|(k, v)| (k, v.len() as u64))
        .collect()
}

/// Each pair's durations in milliseconds, found by sorting the kept events.
fn reference_durations(events: &[RawEvent], p: &Params) -> Pairs {
    let name = |v: usize| {
        if VALUES[v] == "store" {
            "Shop"
        } else {
            VALUES[v]
        }
    };
    let mut kept: Vec<(usize, i64, usize, usize)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            p.from_ms.is_none_or(|f| e.2 * HOUR >= f) && p.to_ms.is_none_or(|t| e.2 * HOUR < t)
        })
        .filter(|(_, e)| p.channels.is_empty() || CHANNELS[e.4] == "store")
        .map(|(i, e)| (e.0, e.2, i, e.1))
        .collect();
    kept.sort();
    let mut pairs = BTreeMap::new();
    for w in kept.windows(2) {
        if w[0].0 == w[1].0 {
            let key = (name(w[0].3).to_owned(), name(w[1].3).to_owned());
            pairs
                .entry(key)
                .or_insert_with(Vec::new)
                .push((w[1].1 - w[0].1) * HOUR);
        }
    }
    pairs
}

/// Type 7 quantile of a sorted sample, in seconds.
fn type7(sorted_ms: &[i64], q: f64) -> Option<f64> {
    let n = sorted_ms.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let low = sorted_ms[lo] as f64 / 1000.0;
    let high = sorted_ms[(lo + 1).min(n - 1)] as f64 / 1000.0;
    Some(if h > lo as f64 {
        low + (high - low) * (h - lo as f64)
    } else {
        low
    })
}

/// Per touchpoint: events, customers, last_here, dropoff, completed_here and stalled_now,
/// computed the plain way from metrics.md's words on the kept events.
type Outcomes = (u64, u64, u64, u64, u64, u64);

fn reference_nodes(events: &[RawEvent], p: &Params) -> BTreeMap<String, Outcomes> {
    let name = |v: usize| match VALUES[v] {
        "store" => Some("Shop"),
        "Ad" | "Shop" | "Reward" => Some(VALUES[v]),
        _ => None,
    };
    // (customer, instant, import order, touchpoint) of every kept event, in the engine's order.
    let mut kept: Vec<(usize, i64, usize, Option<&str>)> = events
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            p.from_ms.is_none_or(|f| e.2 * HOUR >= f) && p.to_ms.is_none_or(|t| e.2 * HOUR < t)
        })
        .filter(|(_, e)| p.channels.is_empty() || CHANNELS[e.4] == "store")
        .map(|(i, e)| (e.0, e.2 * HOUR, i, name(e.1)))
        .collect();
    kept.sort();
    let Some(as_of) = kept.iter().map(|e| e.1).max() else {
        return BTreeMap::new();
    };
    let threshold = as_of - i64::from(p.inactive_days) * fixtures::DAY;
    let durations = reference_durations(events, p);
    let p90 = |touchpoint: &str| {
        let mut sample: Vec<i64> = durations
            .iter()
            .filter(|((from, _), _)| from == touchpoint)
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        sample.sort_unstable();
        type7(&sample, 0.9)
    };
    let mut nodes: BTreeMap<String, Outcomes> = BTreeMap::new();
    let mut reached: BTreeMap<&str, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for e in &kept {
        if let Some(t) = e.3 {
            nodes.entry(t.to_owned()).or_default().0 += 1;
            reached.entry(t).or_default().insert(e.0);
        }
    }
    for (t, who) in &reached {
        nodes.entry((*t).to_owned()).or_default().1 = who.len() as u64;
    }
    // Each customer's latest event: the last of theirs in the sorted order.
    for (i, e) in kept.iter().enumerate() {
        let latest = kept.get(i + 1).is_none_or(|next| next.0 != e.0);
        let Some(t) = e.3.filter(|_| latest) else {
            continue;
        };
        let node = nodes.entry(t.to_owned()).or_default();
        node.2 += 1;
        if t == "Reward" {
            node.4 += 1;
        } else if e.1 < threshold {
            node.3 += 1;
        } else if p90(t).is_some_and(|q| (as_of - e.1) as f64 / 1000.0 > q) {
            node.5 += 1;
        }
    }
    nodes
}

fn report(events: &[RawEvent], p: &Params) -> Report {
    Analysis::new(&build(events), &journey(), &exposure())
        .report(p)
        .unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #[test]
    fn transitions_out_plus_customers_ending_here_equal_a_touchpoints_events(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        for n in &r.nodes {
            let out: u64 = r.edges.iter().filter(|e| e.from == n.touchpoint).map(|e| e.count).sum();
            prop_assert_eq!(out + n.last_here, n.events, "{}", n.touchpoint);
        }
    }

    #[test]
    fn node_and_unmapped_events_add_up_to_all_events(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        let nodes: u64 = r.nodes.iter().map(|n| n.events).sum();
        let unmapped: u64 = r.unmapped.iter().map(|u| u.events).sum();
        prop_assert_eq!(nodes + unmapped, r.events);
        let pairs: u64 = r.edges.iter().map(|e| e.count).sum();
        prop_assert_eq!(pairs + r.customers, r.events);
    }

    #[test]
    fn stage_placement_accounts_for_every_customer_with_a_mapped_latest_event(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        let current: u64 = r.stages.iter().map(|s| s.current).sum();
        let mapped_latest: u64 = r.nodes.iter().map(|n| n.last_here).sum();
        prop_assert_eq!(current, mapped_latest);
        let dropped: u64 = r.stages.iter().map(|s| s.dropped).sum();
        prop_assert_eq!(dropped, r.nodes.iter().map(|n| n.dropoff).sum::<u64>());
        let completed: u64 = r.stages.iter().map(|s| s.completed).sum();
        prop_assert_eq!(completed, r.nodes.iter().map(|n| n.completed_here).sum::<u64>());
        prop_assert!(mapped_latest <= r.customers);
    }

    #[test]
    fn dropoff_and_stalls_are_among_those_whose_latest_event_is_here(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        for n in &r.nodes {
            prop_assert!(n.dropoff + n.stalled_now + n.completed_here <= n.last_here, "{}", n.touchpoint);
            // Contract v2: at a goal everyone whose latest event is here completed.
            if n.goal {
                prop_assert_eq!((n.dropoff, n.stalled_now, n.completed_here), (0, 0, n.last_here));
            } else {
                prop_assert_eq!(n.completed_here, 0);
            }
            prop_assert!(n.last_here <= n.customers && n.customers <= n.events.max(n.customers));
            prop_assert!(n.customers <= r.customers);
        }
        for e in &r.edges {
            prop_assert!(e.customers <= e.count);
        }
    }

    #[test]
    fn transition_counts_match_a_naive_sort_of_the_kept_events(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        let observed: BTreeMap<(String, String), u64> = r
            .edges
            .iter()
            .filter(|e| e.count > 0)
            .map(|e| ((e.from.clone(), e.to.clone()), e.count))
            .collect();
        prop_assert_eq!(observed, reference_pairs(&events, &p));
    }

    #[test]
    fn every_touchpoints_counts_and_outcomes_match_a_plain_reading_of_the_contract(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        let reference = reference_nodes(&events, &p);
        for n in &r.nodes {
            let found = (n.events, n.customers, n.last_here, n.dropoff, n.completed_here, n.stalled_now);
            let expected = reference.get(&n.touchpoint).copied().unwrap_or_default();
            prop_assert_eq!(found, expected, "{}", n.touchpoint);
        }
        let customers: std::collections::BTreeSet<usize> = events
            .iter()
            .filter(|e| p.from_ms.is_none_or(|f| e.2 * HOUR >= f) && p.to_ms.is_none_or(|t| e.2 * HOUR < t))
            .filter(|e| p.channels.is_empty() || CHANNELS[e.4] == "store")
            .map(|e| e.0)
            .collect();
        prop_assert_eq!(r.customers, customers.len() as u64);
    }

    #[test]
    fn medians_and_p90s_match_a_full_sort(events in raw_events(), p in params()) {
        let r = report(&events, &p);
        let pairs = reference_durations(&events, &p);
        for e in r.edges.iter().filter(|e| e.count > 0) {
            let mut sample = pairs[&(e.from.clone(), e.to.clone())].clone();
            sample.sort_unstable();
            prop_assert_eq!((e.median_s, e.p90_s), (type7(&sample, 0.5), type7(&sample, 0.9)));
        }
        for n in &r.nodes {
            let mut sample: Vec<i64> = pairs
                .iter()
                .filter(|((from, _), _)| *from == n.touchpoint)
                .flat_map(|(_, d)| d.iter().copied())
                .collect();
            sample.sort_unstable();
            prop_assert_eq!((n.median_next_s, n.p90_next_s), (type7(&sample, 0.5), type7(&sample, 0.9)), "{}", n.touchpoint);
        }
    }
}
