//! The machine-readable report of `metrics.md`, field for field, and its assembly from the sums
//! of one scan. Field names are the contract's; fields may be added, never renamed.

use serde::Serialize;
use ts_rs::TS;

use super::customers::Status;
use super::durations::next_quantiles;
use super::places::Places;
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

pub(super) fn ratio(part: f64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part / whole as f64)
}

/// What a report is built from, whichever engine summed it: per place (touchpoints, then
/// unmapped values, as [`Places`] numbers them), per observed pair of places, per stage.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sums {
    pub as_of_ms: Option<i64>,
    pub inactive_days: u32,
    pub events: u64,
    pub customers: u64,
    pub places: Vec<PlaceSums>,
    pub pairs: Vec<((u32, u32), PairStats)>,
    pub stages: Vec<StageSums>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PlaceSums {
    pub events: u64,
    pub customers: u64,
    /// Events whose type a mapping lists as an exposure.
    pub exposure_events: u64,
    /// Customers with at least one event here that is not an exposure.
    pub interacting: u64,
    pub value_mean: Option<f64>,
    pub last_here: u64,
    pub median_next_s: Option<f64>,
    pub p90_next_s: Option<f64>,
    pub dropoff: u64,
    pub stalled: u64,
    pub completed: u64,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct StageSums {
    pub reached: u64,
    pub current: u64,
    pub dropped: u64,
    pub completed: u64,
    /// Customers who reached the next stage after their first event in this one.
    pub converted: u64,
}

/// What was observed of one directly-follows pair.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PairStats {
    pub count: u64,
    pub customers: u64,
    pub median_s: Option<f64>,
    pub p90_s: Option<f64>,
}

/// The report of `metrics.md` from `sums` over `places`.
pub(crate) fn build_report(places: &Places, sums: Sums) -> Report {
    let nodes = (0..places.node_count)
        .map(|p| node(places, &sums, p))
        .collect();
    let edges = edges(places, &sums);
    let stages = stages(places, &sums);
    let unmapped = unmapped(places, &sums);
    Report {
        as_of: sums.as_of_ms.map(rfc3339),
        inactive_days: sums.inactive_days,
        customers: sums.customers,
        events: sums.events,
        nodes,
        edges,
        stages,
        unmapped,
    }
}

/// The local engine's sums: one scan's totals, and its customers placed by status.
pub(crate) fn assemble(analysis: &Analysis, facts: &mut Facts, mut totals: Totals) -> Report {
    let quantiles = next_quantiles(analysis.place_count(), &mut totals.transitions);
    let (median_next, p90_next): (Vec<_>, Vec<_>) = quantiles.place.into_iter().unzip();
    // Only nodes can hold stalled customers: an unmapped value has no p90 to stall against.
    facts.p90_next_s = p90_next
        .iter()
        .enumerate()
        .map(|(p, q)| q.filter(|_| analysis.is_node(super::as_u32(p))))
        .collect();
    let placement = place_customers(analysis, facts);
    let places = (0..analysis.place_count())
        .map(|p| PlaceSums {
            events: totals.place_events[p],
            customers: totals.place_customers[p],
            exposure_events: totals.place_exposure_events[p],
            interacting: totals.place_interacting[p],
            value_mean: ratio(totals.place_value_sum[p], totals.place_value_count[p]),
            last_here: totals.place_last_here[p],
            median_next_s: median_next[p],
            p90_next_s: p90_next[p],
            dropoff: placement.dropoff[p],
            stalled: placement.stalled[p],
            completed: placement.completed[p],
        })
        .collect();
    let transitions = &totals.transitions;
    let pairs = quantiles
        .transition
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
    let stages = (0..analysis.stage_count())
        .map(|s| StageSums {
            reached: totals.stage_reached[s],
            current: placement.stage_current[s],
            dropped: placement.stage_dropped[s],
            completed: placement.stage_completed[s],
            converted: totals.stage_converted[s],
        })
        .collect();
    let sums = Sums {
        as_of_ms: facts.as_of_ms,
        inactive_days: facts.inactive_days,
        events: totals.events,
        customers: totals.customers,
        places,
        pairs,
        stages,
    };
    build_report(&analysis.places, sums)
}

/// Per-customer outcomes that need the as-of time and the p90s, summed per place and stage (in
/// a trend, per place and stage of each period).
pub(super) struct Placement {
    pub dropoff: Vec<u64>,
    pub stalled: Vec<u64>,
    pub completed: Vec<u64>,
    pub stage_current: Vec<u64>,
    pub stage_dropped: Vec<u64>,
    pub stage_completed: Vec<u64>,
}

impl Placement {
    pub fn new(places: usize, stages: usize) -> Self {
        Placement {
            dropoff: vec![0; places],
            stalled: vec![0; places],
            completed: vec![0; places],
            stage_current: vec![0; stages],
            stage_dropped: vec![0; stages],
            stage_completed: vec![0; stages],
        }
    }

    /// Counts a customer of `status` whose latest event is at `place`, in `stage` if it has one.
    pub fn count(&mut self, place: usize, stage: Option<usize>, status: Status) {
        match status {
            Status::Completed => self.completed[place] += 1,
            Status::Dropped => self.dropoff[place] += 1,
            Status::Stalled => self.stalled[place] += 1,
            Status::Active => {}
        }
        if let Some(s) = stage {
            self.stage_current[s] += 1;
            match status {
                Status::Dropped => self.stage_dropped[s] += 1,
                Status::Completed => self.stage_completed[s] += 1,
                Status::Stalled | Status::Active => {}
            }
        }
    }
}

fn place_customers(analysis: &Analysis, facts: &Facts) -> Placement {
    let mut placement = Placement::new(analysis.place_count(), analysis.stage_count());
    for c in 0..analysis.customer_count() {
        let place = facts.last_place[c];
        if place == NONE || !analysis.is_node(place) {
            continue;
        }
        let stage = analysis.stage_of(place);
        let stage = (stage != NO_STAGE).then_some(stage as usize);
        placement.count(place as usize, stage, facts.status(c));
    }
    placement
}

fn node(places: &Places, sums: &Sums, p: usize) -> Node {
    let place = super::as_u32(p);
    let here = sums.places.get(p).cloned().unwrap_or_default();
    let stage = places.stage_of(place);
    let by_exposure = here.exposure_events > 0;
    let engagement_rate = if by_exposure {
        pct(here.interacting, here.customers)
    } else {
        let stage_reached = sums.stages.get(stage as usize).map_or(0, |s| s.reached);
        pct(here.customers, stage_reached)
    };
    Node {
        touchpoint: places.name(place).to_owned(),
        stage: places.stage_name(stage).unwrap_or_default().to_owned(),
        touchpoint_id: places.touchpoint_id(place).map_or(0, |id| id.0),
        events: here.events,
        customers: here.customers,
        reach_pct: pct(here.customers, sums.customers),
        repeat: ratio(here.events as f64, here.customers),
        last_here: here.last_here,
        dropoff: here.dropoff,
        dropoff_rate: pct(here.dropoff, here.customers),
        median_next_s: here.median_next_s,
        p90_next_s: here.p90_next_s,
        stalled_now: here.stalled,
        completed_here: here.completed,
        engagement_rate,
        engagement_by_exposure: by_exposure,
        value_mean: here.value_mean,
        goal: places.is_goal(place),
    }
}

/// Observed transitions and designed ones with no pair, ordered by their endpoints' places.
fn edges(places: &Places, sums: &Sums) -> Vec<Edge> {
    let mut pairs: Vec<((u32, u32), PairStats)> = sums.pairs.clone();
    let unobserved: Vec<(u32, u32)> = places
        .designed
        .iter()
        .filter(|pair| !sums.pairs.iter().any(|(p, _)| p == *pair))
        .copied()
        .collect();
    pairs.extend(unobserved.into_iter().map(|p| (p, PairStats::default())));
    pairs.sort_by_key(|(pair, _)| *pair);
    pairs
        .into_iter()
        .map(|(pair, stats)| {
            let from_events = sums.places.get(pair.0 as usize).map_or(0, |p| p.events);
            edge(places, from_events, pair, stats)
        })
        .collect()
}

fn edge(places: &Places, from_events: u64, (from, to): (u32, u32), stats: PairStats) -> Edge {
    Edge {
        from: places.name(from).to_owned(),
        to: places.name(to).to_owned(),
        from_touchpoint_id: places.touchpoint_id(from).map(|id| id.0),
        to_touchpoint_id: places.touchpoint_id(to).map(|id| id.0),
        count: stats.count,
        customers: stats.customers,
        share: pct(stats.count, from_events),
        median_s: stats.median_s,
        p90_s: stats.p90_s,
        designed: places.designed.contains(&(from, to)),
    }
}

fn stages(places: &Places, sums: &Sums) -> Vec<StageFunnel> {
    let last = places.stage_count().saturating_sub(1);
    (0..places.stage_count())
        .map(|s| {
            let position = super::as_u32(s);
            let here = sums.stages.get(s).cloned().unwrap_or_default();
            StageFunnel {
                stage: places.stage_name(position).unwrap_or_default().to_owned(),
                stage_id: places.stage_id(position).map_or(0, |id| id.0),
                reached: here.reached,
                current: here.current,
                dropped: here.dropped,
                completed: here.completed,
                conversion_next: if s == last {
                    None
                } else {
                    pct(here.converted, here.reached)
                },
            }
        })
        .collect()
}

/// Log values the map does not know that have events in the filtered log, most frequent first.
fn unmapped(places: &Places, sums: &Sums) -> Vec<Unmapped> {
    let mut list: Vec<Unmapped> = (places.node_count..places.count())
        .filter_map(|p| {
            let events = sums.places.get(p).map_or(0, |s| s.events);
            (events > 0).then(|| Unmapped {
                value: places.name(super::as_u32(p)).to_owned(),
                events,
            })
        })
        .collect();
    list.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.value.cmp(&b.value)));
    list
}
