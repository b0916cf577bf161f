//! Cohorts and churn: the customers grouped by the week or month of their first kept event, the
//! share of each group still active one, two, … periods later, and where the ones who churned
//! stopped (`docs/metrics.md`, "Cohorts and churn").
//!
//! A customer is **active** at an instant `m` when they have a kept event in
//! `[m − inactive_days, m]`: the same threshold that decides who has dropped, so a customer active
//! at as-of is exactly one who has not dropped. Each period is measured at its last instant, and
//! the period that holds as-of at as-of itself (`partial`). **Churned** customers are the ones the
//! report counts as dropped; a customer who reached a goal is completed, never churned.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::customers::Status;
use super::periods::{kept_span, window_of};
use super::trend::{day_text, periods, Period};
use super::{rfc3339, Analysis, Evaluation, DAY_MS};
use crate::error::Result;

/// Every cohort, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Cohorts {
    pub by: Period,
    /// The instant retention and churn are measured up to (RFC 3339), as in the report.
    pub as_of: Option<String>,
    pub inactive_days: u32,
    pub cohorts: Vec<Cohort>,
}

/// The customers whose first kept event lies in one period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Cohort {
    /// The period's first day, `YYYY-MM-DD` (UTC).
    pub start: String,
    /// The day after its last: the period is `[start, end)`.
    pub end: String,
    #[ts(type = "number")]
    pub start_ms: i64,
    #[ts(type = "number")]
    pub end_ms: i64,
    #[ts(type = "number")]
    pub customers: u64,
    /// The cohort's own period (offset 0), then each later one that has begun by as-of.
    pub retention: Vec<Retention>,
    /// Customers of the cohort whose latest event is at a goal.
    #[ts(type = "number")]
    pub completed: u64,
    /// Customers of the cohort who have dropped as of as-of.
    #[ts(type = "number")]
    pub churned: u64,
    /// Where the churned customers' latest events are, most customers first.
    pub churned_at: Vec<ChurnedAt>,
}

/// How many of a cohort are active at the end of one period.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Retention {
    /// Periods since the cohort's own: 0 is the period the cohort was formed in.
    pub offset: u32,
    /// The instant the activity is measured at (RFC 3339): the period's last millisecond, or
    /// as-of for the period that holds it.
    pub measured_at: String,
    /// The period had not ended by as-of, so it is measured at as-of.
    pub partial: bool,
    #[ts(type = "number")]
    pub active: u64,
    /// `active` ÷ the cohort's customers × 100.
    pub active_pct: f64,
}

/// One place where churned customers of a cohort stopped.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChurnedAt {
    /// A touchpoint's name, or a log value that the map does not know.
    pub touchpoint: String,
    /// `None` for a log value that the map does not know.
    #[ts(type = "number | null")]
    pub touchpoint_id: Option<i64>,
    #[ts(type = "number")]
    pub customers: u64,
    /// `customers` ÷ the cohort's churned customers × 100.
    pub share_pct: f64,
}

/// What the scan counts for one cohort.
#[derive(Default)]
struct Tally {
    customers: u64,
    completed: u64,
    churned: u64,
    active: Vec<u64>,
    churned_at: HashMap<u32, u64>,
}

impl Analysis {
    /// The cohorts of what `evaluation`'s filters keep, by week or month of first event.
    pub fn cohorts(&self, evaluation: &Evaluation, by: Period) -> Result<Cohorts> {
        evaluation.facts.check_made_by(self)?;
        let facts = &evaluation.facts;
        let mut result = Cohorts {
            by,
            as_of: facts.as_of_ms.map(rfc3339),
            inactive_days: facts.inactive_days,
            cohorts: Vec::new(),
        };
        let Some(as_of) = facts.as_of_ms else {
            return Ok(result);
        };
        let threshold = i64::from(facts.inactive_days) * DAY_MS;
        // Per customer, the instants of their kept events up to as-of (oldest first): a
        // customer whose first one is later is not yet a customer as of as-of.
        let kept = |c: usize, into: &mut Vec<i64>| {
            into.clear();
            into.extend(
                self.events_of(c)
                    .filter(|&e| facts.filter.keeps_event(self, e))
                    .map(|e| self.instant[e])
                    .take_while(|&t| t <= as_of),
            );
        };
        // The first cohort's period holds the earliest kept instant; when even that is after
        // as-of, nobody is a customer yet.
        let first = match kept_span(self, evaluation) {
            Some((first, _)) if first <= as_of => first,
            _ => return Ok(result),
        };
        let mut instants = Vec::new();
        let windows = periods(by, first, as_of.saturating_add(1))?;
        // Each period is measured at its last instant, or at as-of when it holds as-of (then
        // it is partial).
        let measured: Vec<(i64, bool)> = windows
            .iter()
            .map(|w| ((w.to - 1).min(as_of), w.to - 1 > as_of))
            .collect();
        let mut tallies: Vec<Tally> = windows
            .iter()
            .enumerate()
            .map(|(i, _)| Tally {
                active: vec![0; windows.len() - i],
                ..Tally::default()
            })
            .collect();
        for c in 0..self.customer_count() {
            if facts.kept_events[c] == 0 {
                continue;
            }
            kept(c, &mut instants);
            let Some(i) = instants.first().and_then(|&t| window_of(&windows, t)) else {
                continue;
            };
            let tally = &mut tallies[i];
            tally.customers += 1;
            match facts.status(c) {
                Status::Completed => tally.completed += 1,
                Status::Dropped => {
                    tally.churned += 1;
                    *tally.churned_at.entry(facts.last_place[c]).or_default() += 1;
                }
                Status::Stalled | Status::Active => {}
            }
            // Both lists are in time order: one walk finds, for each measuring instant, the
            // first event not older than the threshold.
            let mut next = 0;
            for (offset, &(m, _)) in measured[i..].iter().enumerate() {
                while instants.get(next).is_some_and(|&t| t < m - threshold) {
                    next += 1;
                }
                if instants.get(next).is_some_and(|&t| t <= m) {
                    tally.active[offset] += 1;
                }
            }
        }
        result.cohorts = windows
            .iter()
            .zip(tallies)
            .enumerate()
            .filter(|(_, (_, tally))| tally.customers > 0)
            .map(|(i, (w, tally))| self.cohort(w.from, w.to, tally, &measured[i..]))
            .collect();
        Ok(result)
    }

    fn cohort(&self, from: i64, to: i64, tally: Tally, measured: &[(i64, bool)]) -> Cohort {
        let pct = |part: u64, whole: u64| {
            if whole == 0 {
                0.0
            } else {
                part as f64 / whole as f64 * 100.0
            }
        };
        let retention = tally
            .active
            .iter()
            .zip(measured)
            .enumerate()
            .map(|(offset, (&active, &(m, partial)))| Retention {
                offset: u32::try_from(offset).unwrap_or(u32::MAX),
                measured_at: rfc3339(m),
                partial,
                active,
                active_pct: pct(active, tally.customers),
            })
            .collect();
        let mut churned_at: Vec<ChurnedAt> = tally
            .churned_at
            .into_iter()
            .map(|(place, customers)| ChurnedAt {
                touchpoint: self.place_name(place).to_owned(),
                touchpoint_id: self.touchpoint_id(place).map(|id| id.0),
                customers,
                share_pct: pct(customers, tally.churned),
            })
            .collect();
        churned_at.sort_by(|a, b| {
            b.customers
                .cmp(&a.customers)
                .then_with(|| a.touchpoint.cmp(&b.touchpoint))
        });
        Cohort {
            start: day_text(from),
            end: day_text(to),
            start_ms: from,
            end_ms: to,
            customers: tally.customers,
            retention,
            completed: tally.completed,
            churned: tally.churned,
            churned_at,
        }
    }
}
