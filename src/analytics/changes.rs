//! What changed between two periods: the touchpoints and transitions whose rates moved, ranked
//! by how unlikely the move is to be chance.
//!
//! Each figure compared is a proportion of counts (`docs/metrics.md`, "What changed"):
//! - a transition's share of moves: its pairs ÷ all the pairs out of its first touchpoint (its
//!   events that have a next), per period. Not ÷ its events, as the report's `share`: in a
//!   recent period many events have no next *yet*, and that would read as a fall of every
//!   transition. For the same reason a move counts only when its first event is at least that
//!   touchpoint's p90 time to next before as-of;
//! - a touchpoint's reach (its customers ÷ the period's customers), engagement rate (as the
//!   report defines it) and drop-off rate (its drop-offs ÷ its customers).
//!
//! Each is tested with the pooled two-proportion z-test, two-sided, when both periods have at
//! least `min_count` in the denominator; the p-values are adjusted for the number of tests with
//! Benjamini–Hochberg (`q_value`). Drop-off is compared only when both periods are settled: in a
//! period that ended less than the inactivity threshold before as-of, customers have not had the
//! time to drop, and its lower drop-off would read as an improvement that is not one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::periods::{kept_span, Window};
use super::report::{PlaceSums, Sums};
use super::trend::day_text;
use super::{as_u32, Analysis, Evaluation, DAY_MS};
use crate::error::{Error, Result};

/// A change is called significant when its q-value (its p-value adjusted for the number of tests)
/// is under this.
pub const SIGNIFICANT_Q: f64 = 0.05;

/// The two periods to compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangePeriods {
    /// The last `days` UTC days up to as-of (its day included) against the `days` before.
    Last { days: u32 },
    /// Period A `[a_from_ms, a_to_ms)` against period B `[b_from_ms, b_to_ms)`.
    Between {
        #[ts(type = "number")]
        a_from_ms: i64,
        #[ts(type = "number")]
        a_to_ms: i64,
        #[ts(type = "number")]
        b_from_ms: i64,
        #[ts(type = "number")]
        b_to_ms: i64,
    },
}

/// A period of the comparison, `[from, to)`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ComparedPeriod {
    /// First day, `YYYY-MM-DD` (UTC).
    pub from: String,
    /// Last day, `YYYY-MM-DD` (UTC), included.
    pub to: String,
    #[ts(type = "number")]
    pub from_ms: i64,
    #[ts(type = "number")]
    pub to_ms: i64,
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub events: u64,
    /// Whether its drop-offs are final (see [`super::PeriodReport::settled`]).
    pub settled: bool,
}

/// Every tested change between two periods, most significant first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Changes {
    pub a: ComparedPeriod,
    pub b: ComparedPeriod,
    /// The tests; drop-off rates are compared only when both periods are settled.
    #[serde(flatten)]
    #[ts(flatten)]
    pub tested: Differences,
}

/// The tested differences between two reports of the same log: two periods ([`Changes`]), or
/// A and B of the app's Compare (two segments, or two date ranges).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Differences {
    /// The least denominator, on each side, for a figure to be tested.
    #[ts(type = "number")]
    pub min_count: u64,
    /// Whether drop-off rates were compared: for Compare, when each report is measured at its
    /// own latest event (the default as-of), both have given their customers the same time to
    /// drop; with a chosen as-of, only when both are settled.
    pub dropoff_compared: bool,
    /// Figures seen on a side that were not tested, for too small a denominator.
    #[ts(type = "number")]
    pub untested: u64,
    pub edges: Vec<EdgeChange>,
    pub nodes: Vec<NodeChange>,
}

/// A transition's share of the moves out of its first touchpoint, in A and in B.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EdgeChange {
    pub from: String,
    pub to: String,
    #[ts(type = "number | null")]
    pub from_touchpoint_id: Option<i64>,
    #[ts(type = "number | null")]
    pub to_touchpoint_id: Option<i64>,
    pub designed: bool,
    #[ts(type = "number")]
    pub a_count: u64,
    /// Moves out of `from` in A (its events followed by another): the share's denominator.
    #[ts(type = "number")]
    pub a_total: u64,
    /// `a_count ÷ a_total × 100`.
    pub a_share: f64,
    #[ts(type = "number")]
    pub b_count: u64,
    #[ts(type = "number")]
    pub b_total: u64,
    pub b_share: f64,
    pub p_value: f64,
    pub q_value: f64,
    /// `q_value` < [`SIGNIFICANT_Q`]: unlikely to be chance.
    pub significant: bool,
}

/// Which rate of a touchpoint changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeMetric {
    ReachPct,
    EngagementRate,
    DropoffRate,
}

/// A touchpoint's rate, in percent, in A and in B.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NodeChange {
    pub touchpoint: String,
    #[ts(type = "number")]
    pub touchpoint_id: i64,
    pub metric: ChangeMetric,
    pub a: f64,
    pub b: f64,
    #[ts(type = "number")]
    pub a_count: u64,
    #[ts(type = "number")]
    pub a_total: u64,
    #[ts(type = "number")]
    pub b_count: u64,
    #[ts(type = "number")]
    pub b_total: u64,
    pub p_value: f64,
    pub q_value: f64,
    /// `q_value` < [`SIGNIFICANT_Q`]: unlikely to be chance.
    pub significant: bool,
}

/// Counts of one proportion in both periods.
#[derive(Debug, Clone, Copy)]
struct Counts {
    a: (u64, u64),
    b: (u64, u64),
}

impl Analysis {
    /// Compares `periods` under `evaluation`'s filters and as-of time.
    pub fn changes(
        &self,
        evaluation: &Evaluation,
        periods: &ChangePeriods,
        min_count: u64,
    ) -> Result<Changes> {
        evaluation.facts.check_made_by(self)?;
        let facts = &evaluation.facts;
        let (a, b) = resolve(periods, facts.as_of_ms)?;
        let until = self.moves_until(evaluation);
        let until = Some(until.as_slice());
        let (sa, sb) = if a.to <= b.from || b.to <= a.from {
            let (first, second) = if a.from <= b.from { (a, b) } else { (b, a) };
            let mut sums = self
                .period_sums(evaluation, &[first, second], until)
                .into_iter();
            let (x, y) = (
                sums.next().unwrap_or_default(),
                sums.next().unwrap_or_default(),
            );
            if a.from <= b.from {
                (x, y)
            } else {
                (y, x)
            }
        } else {
            let mut sa = self.period_sums(evaluation, &[a], until);
            let mut sb = self.period_sums(evaluation, &[b], until);
            (sa.pop().unwrap_or_default(), sb.pop().unwrap_or_default())
        };
        let settled_before = facts.settled_before();
        let settled = |w: Window| settled_before.is_some_and(|t| w.to <= t);
        let dropoff_compared = settled(a) && settled(b);
        let tested = self.tested(&sa, &sb, min_count, dropoff_compared);
        let span = |w: Window, s: &Sums| ComparedPeriod {
            from: day_text(w.from),
            to: day_text(w.to - 1),
            from_ms: w.from,
            to_ms: w.to,
            customers: s.customers,
            events: s.events,
            settled: settled(w),
        };
        Ok(Changes {
            a: span(a, &sa),
            b: span(b, &sb),
            tested,
        })
    }

    /// Tests the differences between the reports of `a` and `b` (two evaluations of this
    /// analysis), each figure when both have at least `min_count` behind it.
    pub fn differences(
        &self,
        a: &Evaluation,
        b: &Evaluation,
        min_count: u64,
    ) -> Result<Differences> {
        a.facts.check_made_by(self)?;
        b.facts.check_made_by(self)?;
        let whole = |evaluation: &Evaluation| {
            let until = self.moves_until(evaluation);
            let all = Window {
                from: i64::MIN,
                to: i64::MAX,
            };
            self.period_sums(evaluation, &[all], Some(&until))
                .pop()
                .unwrap_or_default()
        };
        let (sa, sb) = (whole(a), whole(b));
        let footing = |evaluation: &Evaluation| {
            let facts = &evaluation.facts;
            let last = kept_span(self, evaluation).map(|(_, last)| last);
            let own_latest = last.is_some() && last == facts.as_of_ms;
            let settled = match (last, facts.settled_before()) {
                (Some(last), Some(t)) => last < t,
                _ => false,
            };
            (own_latest, settled)
        };
        let dropoff_compared = match (footing(a), footing(b)) {
            ((true, _), (true, _)) => true,
            ((_, settled_a), (_, settled_b)) => settled_a && settled_b,
        };
        Ok(self.tested(&sa, &sb, min_count, dropoff_compared))
    }

    /// Every transition and touchpoint figure of `sa` against `sb` with at least `min_count`
    /// behind it on both sides, tested, with q-values, most significant first.
    fn tested(&self, sa: &Sums, sb: &Sums, min_count: u64, dropoff_compared: bool) -> Differences {
        let mut untested = 0u64;
        let mut edges = self.edge_changes(sa, sb, min_count, &mut untested);
        let mut nodes = self.node_changes(sa, sb, min_count, dropoff_compared, &mut untested);
        adjust(&mut edges, &mut nodes);
        Differences {
            min_count,
            dropoff_compared,
            untested,
            edges,
            nodes,
        }
    }

    /// Per place: the last instant at which an event's move is counted, as-of minus the place's
    /// p90 time to next. A later event may well be followed, but not yet: counting it would make
    /// the quick moves (a repeat, a self-loop) look more common in the most recent period than
    /// the slow ones. Places with no p90 (unmapped values, no next at all) are not cut.
    fn moves_until(&self, evaluation: &Evaluation) -> Vec<i64> {
        let facts = &evaluation.facts;
        (0..self.place_count())
            .map(|p| {
                let p90 = facts.p90_next_s.get(p).copied().flatten();
                match (facts.as_of_ms, p90) {
                    (Some(as_of), Some(s)) => as_of.saturating_sub((s * 1000.0).ceil() as i64),
                    _ => i64::MAX,
                }
            })
            .collect()
    }

    fn edge_changes(
        &self,
        a: &Sums,
        b: &Sums,
        min_count: u64,
        untested: &mut u64,
    ) -> Vec<EdgeChange> {
        let mut pairs: Vec<(u32, u32)> = a.pairs.iter().chain(&b.pairs).map(|(p, _)| *p).collect();
        pairs.sort_unstable();
        pairs.dedup();
        let count_of = |sums: &Sums, pair: (u32, u32)| {
            sums.pairs
                .iter()
                .find(|(p, _)| *p == pair)
                .map_or(0, |(_, s)| s.count)
        };
        // The moves out of a place: its events that the same customer follows with another.
        let moves_of = |sums: &Sums, place: u32| {
            sums.pairs
                .iter()
                .filter(|((from, _), _)| *from == place)
                .map(|(_, s)| s.count)
                .sum::<u64>()
        };
        let mut list = Vec::new();
        for (from, to) in pairs {
            let counts = Counts {
                a: (count_of(a, (from, to)), moves_of(a, from)),
                b: (count_of(b, (from, to)), moves_of(b, from)),
            };
            let Some(p_value) = test(counts, min_count) else {
                *untested += 1;
                continue;
            };
            list.push(EdgeChange {
                from: self.place_name(from).to_owned(),
                to: self.place_name(to).to_owned(),
                from_touchpoint_id: self.touchpoint_id(from).map(|id| id.0),
                to_touchpoint_id: self.touchpoint_id(to).map(|id| id.0),
                designed: self.places.designed.contains(&(from, to)),
                a_count: counts.a.0,
                a_total: counts.a.1,
                a_share: percent(counts.a),
                b_count: counts.b.0,
                b_total: counts.b.1,
                b_share: percent(counts.b),
                p_value,
                q_value: p_value,
                significant: false,
            });
        }
        list
    }

    fn node_changes(
        &self,
        a: &Sums,
        b: &Sums,
        min_count: u64,
        dropoff: bool,
        untested: &mut u64,
    ) -> Vec<NodeChange> {
        let mut list = Vec::new();
        let node_count = self.places.node_count;
        for p in 0..node_count {
            let place = as_u32(p);
            let (Some(pa), Some(pb)) = (a.places.get(p), b.places.get(p)) else {
                continue;
            };
            if pa.events == 0 && pb.events == 0 {
                continue;
            }
            let mut metrics = vec![(
                ChangeMetric::ReachPct,
                Counts {
                    a: (pa.customers, a.customers),
                    b: (pb.customers, b.customers),
                },
            )];
            if let Some(counts) = self.engagement_counts(place, (a, pa), (b, pb)) {
                metrics.push((ChangeMetric::EngagementRate, counts));
            }
            if dropoff && !self.places.is_goal(place) {
                let counts = Counts {
                    a: (pa.dropoff, pa.customers),
                    b: (pb.dropoff, pb.customers),
                };
                metrics.push((ChangeMetric::DropoffRate, counts));
            }
            for (metric, counts) in metrics {
                let Some(p_value) = test(counts, min_count) else {
                    *untested += 1;
                    continue;
                };
                list.push(NodeChange {
                    touchpoint: self.place_name(place).to_owned(),
                    touchpoint_id: self.touchpoint_id(place).map_or(0, |id| id.0),
                    metric,
                    a: percent(counts.a),
                    b: percent(counts.b),
                    a_count: counts.a.0,
                    a_total: counts.a.1,
                    b_count: counts.b.0,
                    b_total: counts.b.1,
                    p_value,
                    q_value: p_value,
                    significant: false,
                });
            }
        }
        list
    }

    /// The engagement rate's counts in both periods, when both follow the same rule of the
    /// report (interacting ÷ customers when the touchpoint has exposures, else its customers ÷
    /// its stage's).
    fn engagement_counts(
        &self,
        place: u32,
        (a, pa): (&Sums, &PlaceSums),
        (b, pb): (&Sums, &PlaceSums),
    ) -> Option<Counts> {
        let by_exposure = (pa.exposure_events > 0, pb.exposure_events > 0);
        let stage = self.stage_of(place) as usize;
        let reached = |s: &Sums| s.stages.get(stage).map_or(0, |s| s.reached);
        match by_exposure {
            (true, true) => Some(Counts {
                a: (pa.interacting, pa.customers),
                b: (pb.interacting, pb.customers),
            }),
            (false, false) => Some(Counts {
                a: (pa.customers, reached(a)),
                b: (pb.customers, reached(b)),
            }),
            _ => None,
        }
    }
}

/// Periods A and B as windows; [`ChangePeriods::Last`] ends at the end of as-of's UTC day.
fn resolve(periods: &ChangePeriods, as_of_ms: Option<i64>) -> Result<(Window, Window)> {
    let (a, b) = match *periods {
        ChangePeriods::Last { days } => {
            if days == 0 {
                return Err(Error::InvalidInput(
                    "compare periods of at least one day".to_owned(),
                ));
            }
            let Some(as_of) = as_of_ms else {
                return Err(Error::InvalidInput(
                    "the filters keep no event, so there is no period to compare; widen the \
                     dates or clear a filter"
                        .to_owned(),
                ));
            };
            let span = i64::from(days) * DAY_MS;
            let end = as_of.div_euclid(DAY_MS) * DAY_MS + DAY_MS;
            (
                Window {
                    from: end - 2 * span,
                    to: end - span,
                },
                Window {
                    from: end - span,
                    to: end,
                },
            )
        }
        ChangePeriods::Between {
            a_from_ms,
            a_to_ms,
            b_from_ms,
            b_to_ms,
        } => (
            Window {
                from: a_from_ms,
                to: a_to_ms,
            },
            Window {
                from: b_from_ms,
                to: b_to_ms,
            },
        ),
    };
    for (name, w) in [("A", a), ("B", b)] {
        if w.from >= w.to {
            return Err(Error::InvalidInput(format!(
                "period {name} ends before it starts ({} to {}); give its first day, then its \
                 last",
                day_text(w.from),
                day_text(w.to - 1)
            )));
        }
    }
    Ok((a, b))
}

fn percent((count, total): (u64, u64)) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64 * 100.0
    }
}

/// The p-value of `counts`, or `None` when a period's denominator is under `min_count`.
fn test(counts: Counts, min_count: u64) -> Option<f64> {
    let min = min_count.max(1);
    (counts.a.1 >= min && counts.b.1 >= min)
        .then(|| two_proportion_p(counts.a.0, counts.a.1, counts.b.0, counts.b.1))
}

/// The two-sided p-value of the pooled two-proportion z-test of `x1 / n1` against `x2 / n2`
/// (statsmodels' `proportions_ztest`, R's `prop.test(correct = FALSE)`). Equal proportions, and
/// proportions of 0 or 1 in both, give 1.
pub fn two_proportion_p(x1: u64, n1: u64, x2: u64, n2: u64) -> f64 {
    if n1 == 0 || n2 == 0 {
        return 1.0;
    }
    let (n1, n2) = (n1 as f64, n2 as f64);
    let (p1, p2) = (x1 as f64 / n1, x2 as f64 / n2);
    let pooled = (x1 + x2) as f64 / (n1 + n2);
    let variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if variance <= 0.0 {
        return 1.0;
    }
    let z = (p1 - p2) / variance.sqrt();
    libm::erfc(z.abs() / std::f64::consts::SQRT_2).min(1.0)
}

/// Benjamini–Hochberg q-values over every test, then both lists sorted most significant first.
fn adjust(edges: &mut [EdgeChange], nodes: &mut [NodeChange]) {
    let mut p: Vec<(f64, usize)> = edges
        .iter()
        .map(|e| e.p_value)
        .chain(nodes.iter().map(|n| n.p_value))
        .enumerate()
        .map(|(i, p)| (p, i))
        .collect();
    p.sort_by(|x, y| x.0.total_cmp(&y.0));
    let m = p.len() as f64;
    let mut q = vec![1.0; p.len()];
    let mut running = 1.0f64;
    for (rank, &(value, i)) in p.iter().enumerate().rev() {
        running = running.min(value * m / (rank + 1) as f64);
        q[i] = running.min(1.0);
    }
    let split = edges.len();
    for (e, &q) in edges.iter_mut().zip(&q) {
        e.q_value = q;
        e.significant = q < SIGNIFICANT_Q;
    }
    for (n, &q) in nodes.iter_mut().zip(q.get(split..).unwrap_or_default()) {
        n.q_value = q;
        n.significant = q < SIGNIFICANT_Q;
    }
    edges.sort_by(|x, y| {
        significance(x.p_value, x.a_share, x.b_share)
            .cmp(&significance(y.p_value, y.a_share, y.b_share))
            .then_with(|| (&x.from, &x.to).cmp(&(&y.from, &y.to)))
    });
    nodes.sort_by(|x, y| {
        significance(x.p_value, x.a, x.b)
            .cmp(&significance(y.p_value, y.a, y.b))
            .then_with(|| x.touchpoint.cmp(&y.touchpoint))
    });
}

/// The order of significance: the smaller p-value first (equal to a part in a million, so that
/// rounding does not decide), then the larger relative move (2% → 29% before 98% → 71%, which
/// is the same move seen from the other side), then the larger difference.
fn significance(p: f64, a: f64, b: f64) -> impl Ord {
    let evidence = if p > 0.0 {
        (-p.log10() * 1e6).round() as i64
    } else {
        i64::MAX
    };
    let relative = match (a > 0.0, b > 0.0) {
        (true, true) => ((b / a).ln().abs() * 1e6).round() as i64,
        (false, false) => 0,
        _ => i64::MAX,
    };
    let difference = ((b - a).abs() * 1e6).round() as i64;
    std::cmp::Reverse((evidence, relative, difference))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_z_test_agrees_with_statsmodels_documented_example() {
        // statsmodels.stats.proportion.proportions_ztest(count=[5, 12], nobs=[83, 99]):
        // zstat -1.4078304151258787, pvalue 0.15918129181156992 (its documentation's example).
        let p = two_proportion_p(5, 83, 12, 99);
        assert!((p - 0.159_181_291_811_569_95).abs() < 1e-12, "{p}");
        // Symmetric, and no difference gives 1.
        assert_eq!(p, two_proportion_p(12, 99, 5, 83));
        assert_eq!(two_proportion_p(10, 100, 20, 200), 1.0);
        assert_eq!(two_proportion_p(0, 100, 0, 50), 1.0);
    }

    #[test]
    fn benjamini_hochberg_matches_the_textbook_step_up() {
        // p = 0.01, 0.04, 0.03, 0.20 (m = 4): sorted 0.01, 0.03, 0.04, 0.20 give
        // 0.04, 0.0533…, 0.0533…, 0.20 (R: p.adjust(p, "BH")).
        let node = |p: f64| NodeChange {
            touchpoint: format!("{p}"),
            touchpoint_id: 0,
            metric: ChangeMetric::ReachPct,
            a: 0.0,
            b: 0.0,
            a_count: 0,
            a_total: 0,
            b_count: 0,
            b_total: 0,
            p_value: p,
            q_value: p,
            significant: false,
        };
        let mut nodes = vec![node(0.01), node(0.04), node(0.03), node(0.20)];
        adjust(&mut [], &mut nodes);
        let q: Vec<f64> = nodes.iter().map(|n| n.q_value).collect();
        let expected = [0.04, 0.04 * 4.0 / 3.0, 0.04 * 4.0 / 3.0, 0.20];
        for (q, e) in q.iter().zip(expected) {
            assert!((q - e).abs() < 1e-12, "{q} vs {e}");
        }
    }
}
