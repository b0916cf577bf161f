//! The sums of the report per period: what trends draw and what "what changed" compares.
//!
//! What a period counts (`docs/metrics.md`, "Numbers over time"):
//! - **Activity** is the period's own events, counted as the report counts the events that a
//!   date range keeps: events, distinct customers, reach, repeat, engagement, values, and the
//!   stage funnel's reach and conversion within the period.
//! - **A transition belongs to the period of its first event**, and so does that event's time to
//!   next: the next event may fall after the period. Each pair is counted in exactly one period,
//!   so the periods' counts add up to the report's.
//! - **Outcomes** (`last_here`, `dropoff`, `stalled_now`, `completed_here`, and the funnel's
//!   `current`, `dropped` and `completed`) count each customer once, in the period of their
//!   latest event, with their status as of the report's as-of time. They add up to the report's
//!   too.
//!
//! How: one more scan over the sorted columns with the period folded into the place: place `p`
//! in period `b` is the virtual place `b × places + p`, and stage `s` the virtual stage
//! `b × stages + s`, so the report's counters, transition table and quantile selection serve
//! unchanged. One customer's events are in time order, so their periods never go back, and each
//! new period starts a new round of the distinct-customer stamps.

use super::durations::next_quantiles;
use super::filter::Filter;
use super::parallel::map_parallel;
use super::report::{ratio, PairStats, PlaceSums, Placement, StageSums, Sums};
use super::scan::{Stamps, Totals};
use super::{as_u32, Analysis, Evaluation, NO_STAGE};

/// A span of time `[from, to)` in UTC milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    pub from: i64,
    pub to: i64,
}

/// The window of `windows` (sorted, not overlapping) that holds `t`.
pub(super) fn window_of(windows: &[Window], t: i64) -> Option<usize> {
    let after = windows.partition_point(|w| w.from <= t);
    let b = after.checked_sub(1)?;
    windows.get(b).filter(|w| t < w.to).map(|_| b)
}

/// One range's counters, per virtual place and stage, and per window.
struct PeriodTotals {
    totals: Totals,
    events: Vec<u64>,
    customers: Vec<u64>,
}

impl PeriodTotals {
    fn absorb(&mut self, other: PeriodTotals) {
        self.totals.absorb(other.totals);
        for (a, b) in self.events.iter_mut().zip(other.events) {
            *a += b;
        }
        for (a, b) in self.customers.iter_mut().zip(other.customers) {
            *a += b;
        }
    }
}

impl Analysis {
    /// The report's sums for each of `windows` (sorted, not overlapping) under the filters and
    /// as-of time of `evaluation`. With `moves_until`, a pair counts only when its first event
    /// is at or before `moves_until[place of that event]`.
    pub(crate) fn period_sums(
        &self,
        evaluation: &Evaluation,
        windows: &[Window],
        moves_until: Option<&[i64]>,
    ) -> Vec<Sums> {
        let facts = &evaluation.facts;
        let (places, stages, count) = (self.place_count(), self.stage_count(), windows.len());
        let bounds = self.range_bounds();
        let ranges: Vec<_> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
        let parts = map_parallel(
            ranges,
            |r| self.events_of_customers(r.clone()).len(),
            |r| self.scan_periods(&facts.filter, windows, moves_until, r),
        );
        let mut acc = PeriodTotals {
            totals: Totals::new(places * count, stages * count, 0),
            events: vec![0; count],
            customers: vec![0; count],
        };
        for part in parts {
            acc.absorb(part);
        }
        let mut outcomes = Placement::new(places * count, stages * count);
        for c in 0..self.customer_count() {
            if facts.kept_events[c] == 0 {
                continue;
            }
            let Some(b) = window_of(windows, facts.last_instant[c]) else {
                continue;
            };
            let place = facts.last_place[c];
            acc.totals.place_last_here[b * places + place as usize] += 1;
            if self.is_node(place) {
                let stage = self.stage_of(place);
                let stage = (stage != NO_STAGE).then(|| b * stages + stage as usize);
                outcomes.count(b * places + place as usize, stage, facts.status(c));
            }
        }
        let quantiles = next_quantiles(places * count, &mut acc.totals.transitions);
        let totals = &acc.totals;
        let mut pairs: Vec<Vec<((u32, u32), PairStats)>> = vec![Vec::new(); count];
        for (slot, &(from, to)) in totals.transitions.pairs.iter().enumerate() {
            let (b, p) = (from as usize / places, from as usize % places);
            let (median_s, p90_s) = quantiles.transition[slot];
            if let Some(list) = pairs.get_mut(b) {
                list.push((
                    (as_u32(p), to),
                    PairStats {
                        count: totals.transitions.count[slot],
                        customers: totals.transitions.customers[slot],
                        median_s,
                        p90_s,
                    },
                ));
            }
        }
        pairs
            .into_iter()
            .enumerate()
            .map(|(b, pairs)| Sums {
                as_of_ms: facts.as_of_ms,
                inactive_days: facts.inactive_days,
                events: acc.events[b],
                customers: acc.customers[b],
                places: (0..places)
                    .map(|p| {
                        let v = b * places + p;
                        let (median_next_s, p90_next_s) = quantiles.place[v];
                        PlaceSums {
                            events: totals.place_events[v],
                            customers: totals.place_customers[v],
                            exposure_events: totals.place_exposure_events[v],
                            interacting: totals.place_interacting[v],
                            value_mean: ratio(
                                totals.place_value_sum[v],
                                totals.place_value_count[v],
                            ),
                            last_here: totals.place_last_here[v],
                            median_next_s,
                            p90_next_s,
                            dropoff: outcomes.dropoff[v],
                            stalled: outcomes.stalled[v],
                            completed: outcomes.completed[v],
                        }
                    })
                    .collect(),
                pairs,
                stages: (0..stages)
                    .map(|s| {
                        let v = b * stages + s;
                        StageSums {
                            reached: totals.stage_reached[v],
                            current: outcomes.stage_current[v],
                            dropped: outcomes.stage_dropped[v],
                            completed: outcomes.stage_completed[v],
                            converted: totals.stage_converted[v],
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    fn scan_periods(
        &self,
        filter: &Filter,
        windows: &[Window],
        moves_until: Option<&[i64]>,
        customers: std::ops::Range<usize>,
    ) -> PeriodTotals {
        let (places, stages, count) = (self.place_count(), self.stage_count(), windows.len());
        let hint = self.events_of_customers(customers.clone()).len();
        let mut acc = PeriodTotals {
            totals: Totals::new(places * count, stages * count, hint),
            events: vec![0; count],
            customers: vec![0; count],
        };
        let mut stamps = Stamps::new(places, stages);
        let mut customer_stamp = 0u32;
        for c in customers {
            if !filter.keeps_customer(c) {
                continue;
            }
            customer_stamp += 1;
            let mut previous: Option<(u32, i64, u32)> = None;
            let mut segment: Option<usize> = None;
            let mut position = 0u32;
            for e in self.events_of(c) {
                if !filter.keeps_event(self, e) {
                    continue;
                }
                let (place, t) = (self.place[e], self.instant[e]);
                let counted = |from: u32, t0: i64| {
                    moves_until
                        .is_none_or(|until| until.get(from as usize).is_none_or(|&u| t0 <= u))
                };
                if let Some((from, t0, _)) = previous.filter(|&(_, t0, p)| counted(p, t0)) {
                    acc.totals
                        .transitions
                        .record(from, place, t - t0, customer_stamp);
                }
                let Some(b) = window_of(windows, t) else {
                    previous = None;
                    continue;
                };
                if segment != Some(b) {
                    if let Some(done) = segment {
                        acc.close(done, position, &stamps, stages);
                    }
                    stamps.next_customer();
                    segment = Some(b);
                    position = 0;
                }
                let v = b * places + place as usize;
                let totals = &mut acc.totals;
                totals.count_event(self, e, v, &mut stamps);
                let stage = self.stage_of(place);
                if stage != NO_STAGE {
                    let reached = &mut totals.stage_reached[b * stages..(b + 1) * stages];
                    stamps.meet_stage(stage, position, reached);
                }
                previous = Some((as_u32(v), t, place));
                position += 1;
            }
            if let Some(done) = segment {
                acc.close(done, position, &stamps, stages);
            }
        }
        acc
    }
}

impl PeriodTotals {
    /// Ends one customer's run of events in window `b`.
    fn close(&mut self, b: usize, events: u32, stamps: &Stamps, stages: usize) {
        self.events[b] += u64::from(events);
        self.customers[b] += 1;
        stamps.count_conversions(&mut self.totals.stage_converted[b * stages..(b + 1) * stages]);
    }
}

/// The earliest and the latest instant that `evaluation`'s filters keep.
pub(crate) fn kept_span(analysis: &Analysis, evaluation: &Evaluation) -> Option<(i64, i64)> {
    let facts = &evaluation.facts;
    let mut span: Option<(i64, i64)> = None;
    for c in 0..analysis.customer_count() {
        if facts.kept_events[c] == 0 {
            continue;
        }
        let first = analysis
            .events_of(c)
            .find(|&e| facts.filter.keeps_event(analysis, e))
            .map_or(facts.last_instant[c], |e| analysis.instant[e]);
        let last = facts.last_instant[c];
        span = Some(span.map_or((first, last), |(lo, hi)| (lo.min(first), hi.max(last))));
    }
    span
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_falls_in_the_window_that_holds_it_or_none() {
        let windows = [Window { from: 0, to: 10 }, Window { from: 20, to: 30 }];
        assert_eq!(window_of(&windows, -1), None);
        assert_eq!(window_of(&windows, 0), Some(0));
        assert_eq!(window_of(&windows, 9), Some(0));
        assert_eq!(window_of(&windows, 10), None);
        assert_eq!(window_of(&windows, 25), Some(1));
        assert_eq!(window_of(&windows, 30), None);
        assert_eq!(window_of(&[], 5), None);
    }
}
