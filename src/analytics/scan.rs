//! The one scan that every report needs, split over the cores by ranges of customers.
//!
//! Each range is summed into its own accumulator (per-place counters, per-transition counts and
//! durations, per-stage funnel counts) and its own slice of the per-customer facts; ranges are cut
//! at fixed event counts and merged in order, so the result does not depend on the core count.
//! Counting distinct customers needs no set: customers are visited one after the other, so a
//! per-place "last customer seen" stamp is enough.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::filter::Filter;
use super::parallel::map_parallel;
use super::params::Params;
use super::{Analysis, DAY_MS, NO_STAGE};
use crate::error::Result;
use crate::log::NONE;

/// Ranges of customers scanned separately; fixed so that sums are added in the same order on
/// every machine.
const RANGES: usize = 8;
/// Up to this many places, transitions are found in a dense matrix instead of a hash map.
const DENSE_PLACES: usize = 512;

/// What one scan under some [`Params`] learnt about every customer: the facts behind their
/// status, the pages of customers and the histograms. [`Evaluation`] pairs them with the report.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    pub(crate) filter: Filter,
    /// `None` when nothing is kept and no as-of time was given.
    pub(crate) as_of_ms: Option<i64>,
    pub(crate) inactive_days: u32,
    /// Per customer: place of the latest kept event ([`NONE`] when none is kept).
    pub(crate) last_place: Vec<u32>,
    pub(crate) last_instant: Vec<i64>,
    pub(crate) kept_events: Vec<u32>,
    pub(crate) furthest_stage: Vec<u32>,
    /// Per place: whether it is a goal of the journey (a copy of the analysis's marks, so that a
    /// customer's status needs nothing but the evaluation).
    pub(crate) place_goal: Vec<bool>,
    /// Per place: p90 of the seconds to the next event.
    pub(crate) p90_next_s: Vec<Option<f64>>,
}

impl Facts {
    /// Refuses an evaluation made by another analysis, whose per-customer facts do not line up.
    pub(crate) fn check_made_by(&self, analysis: &Analysis) -> Result<()> {
        if self.last_place.len() == analysis.customer_count() {
            Ok(())
        } else {
            Err(crate::error::Error::InvalidInput(
                "these results belong to another log; run the report again".to_owned(),
            ))
        }
    }

    /// The three tests behind a customer's status. Each asks one question only; `status()` (in
    /// `customers.rs`) applies metrics.md's precedence once: completed, dropped, stalled, active.
    ///
    /// Latest kept event at a goal of the journey.
    pub(crate) fn ended_at_goal(&self, customer: usize) -> bool {
        self.kept_events[customer] > 0
            && self
                .place_goal
                .get(self.last_place[customer] as usize)
                .copied()
                .unwrap_or(false)
    }

    /// Latest kept event strictly before as-of minus the inactivity threshold.
    pub(crate) fn inactive(&self, customer: usize) -> bool {
        self.kept_events[customer] > 0
            && self
                .settled_before()
                .is_some_and(|threshold| self.last_instant[customer] < threshold)
    }

    /// The instant before which a period must end for its drop-offs to be final: as-of minus
    /// the inactivity threshold (`None` when there is no as-of time).
    pub(crate) fn settled_before(&self) -> Option<i64> {
        self.as_of_ms
            .map(|t| t.saturating_sub(i64::from(self.inactive_days) * DAY_MS))
    }

    /// Idle at a node for longer than the node's p90 time to next.
    pub(crate) fn idle_past_p90(&self, customer: usize) -> bool {
        let place = self.last_place[customer];
        let (Some(as_of), Some(Some(p90))) = (self.as_of_ms, self.p90_next_s.get(place as usize))
        else {
            return false;
        };
        let idle_s = (as_of - self.last_instant[customer]) as f64 / 1000.0;
        self.kept_events[customer] > 0 && idle_s > *p90
    }
}

/// Per-place, per-transition and per-stage sums over some customers.
#[derive(Debug, Clone)]
pub(crate) struct Totals {
    pub events: u64,
    pub customers: u64,
    pub max_instant: Option<i64>,
    pub place_events: Vec<u64>,
    pub place_customers: Vec<u64>,
    pub place_exposure_events: Vec<u64>,
    pub place_interacting: Vec<u64>,
    pub place_value_sum: Vec<f64>,
    pub place_value_count: Vec<u64>,
    pub place_last_here: Vec<u64>,
    pub stage_reached: Vec<u64>,
    pub stage_converted: Vec<u64>,
    pub transitions: Transitions,
}

/// Observed directly-follows pairs: their counts, customers and durations.
///
/// A range records each pair's slot and duration in two flat columns, reserved up front for the
/// range's events, so that recording never reallocates; [`super::durations`] later groups them
/// by pair in one pass.
#[derive(Debug, Clone, Default)]
pub(crate) struct Transitions {
    places: usize,
    dense: Vec<u32>,
    /// Beyond [`DENSE_PLACES`] (and in trends, where places are per period): a fast hash, the
    /// keys being small integers of our own.
    sparse: HashMap<(u32, u32), u32, FixedState>,
    pub pairs: Vec<(u32, u32)>,
    pub count: Vec<u64>,
    pub customers: Vec<u64>,
    seen: Vec<u32>,
    pair_slot: Vec<u32>,
    pair_ms: Vec<i64>,
    /// The recorded pairs of merged ranges, with their slots' numbers in this table.
    pub pending: Vec<PendingPairs>,
}

/// One range's recorded pairs: `slots[i]` (a slot of the range, `remap`ped to the merged table)
/// took `ms[i]` milliseconds.
#[derive(Debug, Clone, Default)]
pub(crate) struct PendingPairs {
    pub remap: Vec<u32>,
    pub slots: Vec<u32>,
    pub ms: Vec<i64>,
}

impl Transitions {
    pub(super) fn new(places: usize, pairs_hint: usize) -> Self {
        let dense = if places <= DENSE_PLACES {
            vec![NONE; places * places]
        } else {
            Vec::new()
        };
        Transitions {
            places,
            dense,
            pair_slot: Vec::with_capacity(pairs_hint),
            pair_ms: Vec::with_capacity(pairs_hint),
            ..Transitions::default()
        }
    }

    fn slot(&mut self, from: u32, to: u32) -> usize {
        let known = if self.dense.is_empty() {
            self.sparse.get(&(from, to)).copied()
        } else {
            let cell = self.dense[from as usize * self.places + to as usize];
            (cell != NONE).then_some(cell)
        };
        if let Some(slot) = known {
            return slot as usize;
        }
        let slot = self.pairs.len();
        let code = super::as_u32(slot);
        if self.dense.is_empty() {
            self.sparse.insert((from, to), code);
        } else {
            self.dense[from as usize * self.places + to as usize] = code;
        }
        self.pairs.push((from, to));
        self.count.push(0);
        self.customers.push(0);
        self.seen.push(0);
        slot
    }

    pub(super) fn record(&mut self, from: u32, to: u32, duration_ms: i64, stamp: u32) {
        let slot = self.slot(from, to);
        self.count[slot] += 1;
        if self.seen[slot] != stamp {
            self.seen[slot] = stamp;
            self.customers[slot] += 1;
        }
        self.pair_slot.push(super::as_u32(slot));
        self.pair_ms.push(duration_ms);
    }

    /// Adds `other`'s counts; its recorded pairs are kept aside, not copied.
    pub(super) fn absorb(&mut self, other: Transitions) {
        let remap = other
            .pairs
            .iter()
            .enumerate()
            .map(|(i, &(from, to))| {
                let slot = self.slot(from, to);
                self.count[slot] += other.count[i];
                self.customers[slot] += other.customers[i];
                super::as_u32(slot)
            })
            .collect();
        self.pending.push(PendingPairs {
            remap,
            slots: other.pair_slot,
            ms: other.pair_ms,
        });
    }
}

/// Per-customer facts of one range, written into slices of the evaluation's vectors.
struct CustomerFacts<'a> {
    first: usize,
    last_place: &'a mut [u32],
    last_instant: &'a mut [i64],
    kept_events: &'a mut [u32],
    furthest_stage: &'a mut [u32],
}

/// Scratch state reused from customer to customer.
pub(super) struct Stamps {
    stamp: u32,
    place_seen: Vec<u32>,
    place_interacting_seen: Vec<u32>,
    stage_seen: Vec<u32>,
    stage_first: Vec<u32>,
    stage_last: Vec<u32>,
    stages_met: Vec<u32>,
}

impl Analysis {
    /// Scans what `params` keep: every customer's facts and the sums the report is made of.
    /// The p90s that a customer's status needs come later, from the report's quantiles.
    pub(crate) fn scan(&self, params: &Params) -> Result<(Facts, Totals)> {
        let filter = Filter::new(self, params)?;
        let customers = self.customer_count();
        let mut last_place = vec![NONE; customers];
        let mut last_instant = vec![0i64; customers];
        let mut kept_events = vec![0u32; customers];
        let mut furthest_stage = vec![NO_STAGE; customers];
        let bounds = self.range_bounds();
        let facts = split_facts(
            &bounds,
            &mut last_place,
            &mut last_instant,
            &mut kept_events,
            &mut furthest_stage,
        );
        let totals = self.scan_ranges(&filter, &bounds, facts);
        let as_of_ms = params.as_of_ms.or(totals.max_instant);
        let facts = Facts {
            filter,
            as_of_ms,
            inactive_days: params.inactive_days,
            last_place,
            last_instant,
            kept_events,
            furthest_stage,
            place_goal: self.places.goal.clone(),
            p90_next_s: Vec::new(),
        };
        Ok((facts, totals))
    }

    /// Customer boundaries of the ranges, cut at about equal event counts.
    pub(super) fn range_bounds(&self) -> Vec<usize> {
        let customers = self.customer_count();
        let events = self.event_count().max(1);
        let mut bounds = vec![0];
        for r in 1..RANGES {
            let target = events * r / RANGES;
            let c = self
                .customer_start
                .partition_point(|&s| s < target)
                .min(customers);
            bounds.push(c.max(*bounds.last().unwrap_or(&0)));
        }
        bounds.push(customers);
        bounds
    }

    fn scan_ranges(
        &self,
        filter: &Filter,
        bounds: &[usize],
        facts: Vec<CustomerFacts<'_>>,
    ) -> Totals {
        let work: Vec<_> = bounds.windows(2).map(|w| w[0]..w[1]).zip(facts).collect();
        let events = |(range, _): &(std::ops::Range<usize>, CustomerFacts<'_>)| {
            self.events_of_customers(range.clone()).len()
        };
        let parts = map_parallel(work, events, |(range, mut facts)| {
            self.scan_range(filter, range, &mut facts)
        });
        let mut totals = Totals::new(self.place_count(), self.stage_count(), 0);
        for part in parts {
            totals.absorb(part);
        }
        totals
    }

    fn scan_range(
        &self,
        filter: &Filter,
        customers: std::ops::Range<usize>,
        facts: &mut CustomerFacts<'_>,
    ) -> Totals {
        let events = self
            .customer_start
            .get(customers.end)
            .copied()
            .unwrap_or(0)
            .saturating_sub(
                self.customer_start
                    .get(customers.start)
                    .copied()
                    .unwrap_or(0),
            );
        let mut totals = Totals::new(self.place_count(), self.stage_count(), events);
        let mut stamps = Stamps::new(self.place_count(), self.stage_count());
        for c in customers {
            if filter.keeps_customer(c) {
                self.scan_customer(filter, c, &mut totals, &mut stamps, facts);
            }
        }
        totals
    }

    fn scan_customer(
        &self,
        filter: &Filter,
        customer: usize,
        totals: &mut Totals,
        stamps: &mut Stamps,
        facts: &mut CustomerFacts<'_>,
    ) {
        stamps.next_customer();
        let stamp = stamps.stamp;
        let mut previous: Option<(u32, i64)> = None;
        let mut position = 0u32;
        let mut furthest = NO_STAGE;
        for e in self.events_of(customer) {
            if !filter.keeps_event(self, e) {
                continue;
            }
            let (place, t) = (self.place[e], self.instant[e]);
            totals.count_event(self, e, place as usize, stamps);
            let stage = self.stage_of(place);
            if stage != NO_STAGE {
                stamps.meet_stage(stage, position, &mut totals.stage_reached);
                furthest = if furthest == NO_STAGE {
                    stage
                } else {
                    furthest.max(stage)
                };
            }
            if let Some((from, t0)) = previous {
                totals.transitions.record(from, place, t - t0, stamp);
            }
            previous = Some((place, t));
            position += 1;
        }
        let Some((place, t)) = previous else { return };
        totals.events += u64::from(position);
        totals.customers += 1;
        totals.max_instant = Some(totals.max_instant.map_or(t, |m| m.max(t)));
        totals.place_last_here[place as usize] += 1;
        stamps.count_conversions(&mut totals.stage_converted);
        let i = customer - facts.first;
        facts.last_place[i] = place;
        facts.last_instant[i] = t;
        facts.kept_events[i] = position;
        facts.furthest_stage[i] = furthest;
    }
}

impl Default for Totals {
    fn default() -> Self {
        Totals::new(0, 0, 0)
    }
}

impl Totals {
    /// Counts event `e` at the place's counters of index `slot` (its place, or in a trend its
    /// place in its period); the stamps, per place, count each customer once.
    pub(super) fn count_event(
        &mut self,
        analysis: &Analysis,
        e: usize,
        slot: usize,
        stamps: &mut Stamps,
    ) {
        let p = analysis.place[e] as usize;
        self.place_events[slot] += 1;
        if stamps.place_seen[p] != stamps.stamp {
            stamps.place_seen[p] = stamps.stamp;
            self.place_customers[slot] += 1;
        }
        if analysis.is_exposure_event(e) {
            self.place_exposure_events[slot] += 1;
        } else if stamps.place_interacting_seen[p] != stamps.stamp {
            stamps.place_interacting_seen[p] = stamps.stamp;
            self.place_interacting[slot] += 1;
        }
        let v = analysis.value[e];
        if !v.is_nan() {
            self.place_value_sum[slot] += v;
            self.place_value_count[slot] += 1;
        }
    }

    pub(super) fn new(places: usize, stages: usize, pairs_hint: usize) -> Self {
        Totals {
            events: 0,
            customers: 0,
            max_instant: None,
            place_events: vec![0; places],
            place_customers: vec![0; places],
            place_exposure_events: vec![0; places],
            place_interacting: vec![0; places],
            place_value_sum: vec![0.0; places],
            place_value_count: vec![0; places],
            place_last_here: vec![0; places],
            stage_reached: vec![0; stages],
            stage_converted: vec![0; stages],
            transitions: Transitions::new(places, pairs_hint),
        }
    }

    pub(super) fn absorb(&mut self, other: Totals) {
        self.events += other.events;
        self.customers += other.customers;
        self.max_instant = match (self.max_instant, other.max_instant) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        add(&mut self.place_events, &other.place_events);
        add(&mut self.place_customers, &other.place_customers);
        add(
            &mut self.place_exposure_events,
            &other.place_exposure_events,
        );
        add(&mut self.place_interacting, &other.place_interacting);
        for (a, b) in self.place_value_sum.iter_mut().zip(&other.place_value_sum) {
            *a += b;
        }
        add(&mut self.place_value_count, &other.place_value_count);
        add(&mut self.place_last_here, &other.place_last_here);
        add(&mut self.stage_reached, &other.stage_reached);
        add(&mut self.stage_converted, &other.stage_converted);
        self.transitions.absorb(other.transitions);
    }
}

fn add(into: &mut [u64], from: &[u64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

impl Stamps {
    pub(super) fn new(places: usize, stages: usize) -> Self {
        Stamps {
            stamp: 0,
            place_seen: vec![0; places],
            place_interacting_seen: vec![0; places],
            stage_seen: vec![0; stages],
            stage_first: vec![0; stages],
            stage_last: vec![0; stages],
            stages_met: Vec::with_capacity(stages),
        }
    }

    pub(super) fn next_customer(&mut self) {
        self.stamp += 1;
        self.stages_met.clear();
    }

    pub(super) fn meet_stage(&mut self, stage: u32, position: u32, reached: &mut [u64]) {
        let s = stage as usize;
        if self.stage_seen[s] != self.stamp {
            self.stage_seen[s] = self.stamp;
            self.stage_first[s] = position;
            self.stages_met.push(stage);
            reached[s] += 1;
        }
        self.stage_last[s] = position;
    }

    /// A customer converts from stage s when they have an event in stage s + 1 after their first
    /// event in stage s.
    pub(super) fn count_conversions(&self, converted: &mut [u64]) {
        for &s in &self.stages_met {
            let (s, next) = (s as usize, s as usize + 1);
            if next < self.stage_seen.len()
                && self.stage_seen[next] == self.stamp
                && self.stage_last[next] > self.stage_first[s]
            {
                converted[s] += 1;
            }
        }
    }
}

fn split_facts<'a>(
    bounds: &[usize],
    mut last_place: &'a mut [u32],
    mut last_instant: &'a mut [i64],
    mut kept_events: &'a mut [u32],
    mut furthest_stage: &'a mut [u32],
) -> Vec<CustomerFacts<'a>> {
    let mut facts = Vec::with_capacity(bounds.len());
    for w in bounds.windows(2) {
        let n = w[1] - w[0];
        let (a, rest_a) = last_place.split_at_mut(n);
        let (b, rest_b) = last_instant.split_at_mut(n);
        let (c, rest_c) = kept_events.split_at_mut(n);
        let (d, rest_d) = furthest_stage.split_at_mut(n);
        facts.push(CustomerFacts {
            first: w[0],
            last_place: a,
            last_instant: b,
            kept_events: c,
            furthest_stage: d,
        });
        (last_place, last_instant, kept_events, furthest_stage) = (rest_a, rest_b, rest_c, rest_d);
    }
    facts
}
