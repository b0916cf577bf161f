//! The machine-readable report of `metrics.md`, field for field, and its assembly from the sums
//! of one scan. Field names are the contract's; fields may be added, never renamed.

use serde::Serialize;
use ts_rs::TS;

use super::customers::Status;
use super::durations::{next_quantiles, MedianP90};
use super::scan::{Facts, Totals};
use super::{rfc3339, Analysis, NO_STAGE};
use crate::log::NONE;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Report {
    /// RFC 3339; `null` only when nothing is kept and no as-of time was given.
    pub as_of: Option<String>,
    pub inactive_days: u32,
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub events: u64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub stages: Vec<StageFunnel>,
    pub unmapped: Vec<Unmapped>,
}

/// One touchpoint of the map with its numbers.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Node {
    pub touchpoint: String,
    pub stage: String,
    #[ts(type = "number")]
    pub touchpoint_id: i64,
    #[ts(type = "number")]
    pub events: u64,
    #[ts(type = "number")]
    pub customers: u64,
    pub reach_pct: Option<f64>,
    pub repeat: Option<f64>,
    #[ts(type = "number")]
    pub last_here: u64,
    #[ts(type = "number")]
    pub dropoff: u64,
    pub dropoff_rate: Option<f64>,
    pub median_next_s: Option<f64>,
    pub p90_next_s: Option<f64>,
    #[ts(type = "number")]
    pub stalled_now: u64,
    /// Customers whose latest event is here when this is a goal; 0 elsewhere (v2).
    #[ts(type = "number")]
    pub completed_here: u64,
    pub engagement_rate: Option<f64>,
    /// Whether engagement_rate is interacting ÷ exposed (true) or reach of the stage (false).
    pub engagement_by_exposure: bool,
    pub value_mean: Option<f64>,
    pub goal: bool,
}

/// One directly-follows transition, observed or designed. Unmapped endpoints are named by their
/// raw log value and have no touchpoint id.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Edge {
    pub from: String,
    pub to: String,
    #[ts(type = "number | null")]
    pub from_touchpoint_id: Option<i64>,
    #[ts(type = "number | null")]
    pub to_touchpoint_id: Option<i64>,
    #[ts(type = "number")]
    pub count: u64,
    #[ts(type = "number")]
    pub customers: u64,
    pub share: Option<f64>,
    pub median_s: Option<f64>,
    pub p90_s: Option<f64>,
    pub designed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StageFunnel {
    pub stage: String,
    #[ts(type = "number")]
    pub stage_id: i64,
    #[ts(type = "number")]
    pub reached: u64,
    #[ts(type = "number")]
    pub current: u64,
    #[ts(type = "number")]
    pub dropped: u64,
    /// Completed customers whose current stage is this one (v2).
    #[ts(type = "number")]
    pub completed: u64,
    pub conversion_next: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Unmapped {
    pub value: String,
    #[ts(type = "number")]
    pub events: u64,
}

/// `part ÷ whole × 100`, or `None` when `whole` is 0.
fn pct(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64 * 100.0)
}

fn ratio(part: f64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part / whole as f64)
}

/// Per-customer outcomes that need the as-of time and the p90s, summed per place and stage.
struct Placement {
    dropoff: Vec<u64>,
    stalled: Vec<u64>,
    completed: Vec<u64>,
    stage_current: Vec<u64>,
    stage_dropped: Vec<u64>,
    stage_completed: Vec<u64>,
}

pub(crate) fn assemble(analysis: &Analysis, facts: &mut Facts, mut totals: Totals) -> Report {
    let quantiles = next_quantiles(analysis.place_count(), &mut totals.transitions);
    let (median_next, p90_next): (Vec<_>, Vec<_>) = quantiles.place.into_iter().unzip();
    // Only nodes can hold stalled customers: an unmapped value has no p90 to stall against.
    facts.p90_next_s = p90_next
        .iter()
        .enumerate()
        .map(|(p, q)| q.filter(|_| p < analysis.node_count))
        .collect();
    let placement = place_customers(analysis, facts);
    let nodes = (0..analysis.node_count)
        .map(|p| {
            node(
                analysis,
                &totals,
                &placement,
                p,
                median_next[p],
                p90_next[p],
            )
        })
        .collect();
    let edges = edges(analysis, &totals, &quantiles.transition);
    let stages = stages(analysis, &totals, &placement);
    let unmapped = unmapped(analysis, &totals);
    Report {
        as_of: facts.as_of_ms.map(rfc3339),
        inactive_days: facts.inactive_days,
        customers: totals.customers,
        events: totals.events,
        nodes,
        edges,
        stages,
        unmapped,
    }
}

fn place_customers(analysis: &Analysis, facts: &Facts) -> Placement {
    let (places, stages) = (analysis.place_count(), analysis.stage_count());
    let mut placement = Placement {
        dropoff: vec![0; places],
        stalled: vec![0; places],
        completed: vec![0; places],
        stage_current: vec![0; stages],
        stage_dropped: vec![0; stages],
        stage_completed: vec![0; stages],
    };
    for c in 0..analysis.customer_count() {
        let place = facts.last_place[c];
        if place == NONE || !analysis.is_node(place) {
            continue;
        }
        let status = facts.status(c);
        let counter = match status {
            Status::Completed => Some(&mut placement.completed),
            Status::Dropped => Some(&mut placement.dropoff),
            Status::Stalled => Some(&mut placement.stalled),
            Status::Active => None,
        };
        if let Some(counter) = counter {
            counter[place as usize] += 1;
        }
        let stage = analysis.stage_of(place);
        if stage != NO_STAGE {
            let s = stage as usize;
            placement.stage_current[s] += 1;
            match status {
                Status::Dropped => placement.stage_dropped[s] += 1,
                Status::Completed => placement.stage_completed[s] += 1,
                Status::Stalled | Status::Active => {}
            }
        }
    }
    placement
}

fn node(
    analysis: &Analysis,
    totals: &Totals,
    placement: &Placement,
    p: usize,
    median_next_s: Option<f64>,
    p90_next_s: Option<f64>,
) -> Node {
    let place = super::as_u32(p);
    let customers = totals.place_customers[p];
    let stage = analysis.stage_of(place);
    let by_exposure = totals.place_exposure_events[p] > 0;
    let engagement_rate = if by_exposure {
        pct(totals.place_interacting[p], customers)
    } else {
        let stage_reached = totals
            .stage_reached
            .get(stage as usize)
            .copied()
            .unwrap_or(0);
        pct(customers, stage_reached)
    };
    Node {
        touchpoint: analysis.place_name(place).to_owned(),
        stage: analysis.stage_name(stage).unwrap_or_default().to_owned(),
        touchpoint_id: analysis.touchpoint_id(place).map_or(0, |id| id.0),
        events: totals.place_events[p],
        customers,
        reach_pct: pct(customers, totals.customers),
        repeat: ratio(totals.place_events[p] as f64, customers),
        last_here: totals.place_last_here[p],
        dropoff: placement.dropoff[p],
        dropoff_rate: pct(placement.dropoff[p], customers),
        median_next_s,
        p90_next_s,
        stalled_now: placement.stalled[p],
        completed_here: placement.completed[p],
        engagement_rate,
        engagement_by_exposure: by_exposure,
        value_mean: ratio(totals.place_value_sum[p], totals.place_value_count[p]),
        goal: analysis.place_goal[p],
    }
}

/// What was observed of one directly-follows pair.
struct PairStats {
    count: u64,
    customers: u64,
    median_s: Option<f64>,
    p90_s: Option<f64>,
}

impl PairStats {
    const UNOBSERVED: PairStats = PairStats {
        count: 0,
        customers: 0,
        median_s: None,
        p90_s: None,
    };
}

/// Observed transitions and designed ones with no pair, ordered by their endpoints' places.
fn edges(analysis: &Analysis, totals: &Totals, quantiles: &[MedianP90]) -> Vec<Edge> {
    let transitions = &totals.transitions;
    let mut pairs: Vec<((u32, u32), PairStats)> = quantiles
        .iter()
        .enumerate()
        .map(|(slot, &(median_s, p90_s))| {
            let stats = PairStats {
                count: transitions.count[slot],
                customers: transitions.customers[slot],
                median_s,
                p90_s,
            };
            (transitions.pairs[slot], stats)
        })
        .collect();
    let unobserved: Vec<(u32, u32)> = analysis
        .designed
        .iter()
        .filter(|pair| !transitions.pairs.contains(pair))
        .copied()
        .collect();
    pairs.extend(unobserved.into_iter().map(|p| (p, PairStats::UNOBSERVED)));
    pairs.sort_by_key(|(pair, _)| *pair);
    pairs
        .into_iter()
        .map(|(pair, stats)| edge(analysis, totals.place_events[pair.0 as usize], pair, stats))
        .collect()
}

fn edge(analysis: &Analysis, from_events: u64, (from, to): (u32, u32), stats: PairStats) -> Edge {
    Edge {
        from: analysis.place_name(from).to_owned(),
        to: analysis.place_name(to).to_owned(),
        from_touchpoint_id: analysis.touchpoint_id(from).map(|id| id.0),
        to_touchpoint_id: analysis.touchpoint_id(to).map(|id| id.0),
        count: stats.count,
        customers: stats.customers,
        share: pct(stats.count, from_events),
        median_s: stats.median_s,
        p90_s: stats.p90_s,
        designed: analysis.designed.contains(&(from, to)),
    }
}

fn stages(analysis: &Analysis, totals: &Totals, placement: &Placement) -> Vec<StageFunnel> {
    let last = analysis.stage_count().saturating_sub(1);
    (0..analysis.stage_count())
        .map(|s| {
            let position = super::as_u32(s);
            StageFunnel {
                stage: analysis.stage_name(position).unwrap_or_default().to_owned(),
                stage_id: analysis.stage_id(position).map_or(0, |id| id.0),
                reached: totals.stage_reached[s],
                current: placement.stage_current[s],
                dropped: placement.stage_dropped[s],
                completed: placement.stage_completed[s],
                conversion_next: if s == last {
                    None
                } else {
                    pct(totals.stage_converted[s], totals.stage_reached[s])
                },
            }
        })
        .collect()
}

/// Log values the map does not know that have events in the filtered log, most frequent first.
fn unmapped(analysis: &Analysis, totals: &Totals) -> Vec<Unmapped> {
    let mut list: Vec<Unmapped> = (analysis.node_count..analysis.place_count())
        .filter(|&p| totals.place_events[p] > 0)
        .map(|p| Unmapped {
            value: analysis.place_name(super::as_u32(p)).to_owned(),
            events: totals.place_events[p],
        })
        .collect();
    list.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.value.cmp(&b.value)));
    list
}
