//! Trends: the report of `metrics.md` for each day, week or month of the filtered log.
//!
//! Periods are UTC calendar days, ISO weeks (Monday to Sunday) and calendar months. A trend runs
//! from the period that holds the first kept event (or the date filter's start) to the one that
//! holds the last (or the filter's end), with empty periods included, so that a gap shows as a
//! gap. What each period's report counts is in [`super::periods`].

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::periods::{kept_span, Window};
use super::report::build_report;
use super::{rfc3339, Analysis, Evaluation, Report, DAY_MS};
use crate::error::{Error, Result};

/// The most periods a trend has: ten years of days.
pub const MAX_PERIODS: usize = 3_660;

/// How long one period of a trend is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
    Month,
}

impl Period {
    pub fn name(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The first day of the period that holds `ms`.
    fn floor(self, ms: i64) -> Option<NaiveDate> {
        let day = chrono::DateTime::from_timestamp_millis(ms)?.date_naive();
        match self {
            Period::Day => Some(day),
            Period::Week => {
                day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
            }
            Period::Month => day.with_day(1),
        }
    }

    /// The first day of the period after the one that starts on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Day => start.checked_add_days(Days::new(1)),
            Period::Week => start.checked_add_days(Days::new(7)),
            Period::Month => start.checked_add_months(Months::new(1)),
        }
    }
}

/// The report of every period, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Trend {
    pub by: Period,
    /// The as-of time of every period's outcomes (RFC 3339), as in the report.
    pub as_of: Option<String>,
    pub inactive_days: u32,
    pub periods: Vec<PeriodReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeriodReport {
    /// The period's first day, `YYYY-MM-DD` (UTC).
    pub start: String,
    /// The day after the period's last, `YYYY-MM-DD` (UTC): the period is `[start, end)`.
    pub end: String,
    #[ts(type = "number")]
    pub start_ms: i64,
    #[ts(type = "number")]
    pub end_ms: i64,
    /// Whether the period ended at least the inactivity threshold before as-of: every customer
    /// whose latest event is in it has had the whole threshold to come back, so its drop-offs
    /// are final. In a period that is not settled, drop-off can still grow.
    pub settled: bool,
    pub report: Report,
}

impl Analysis {
    /// The report of each `by` period of what `evaluation`'s filters keep.
    pub fn trend(&self, evaluation: &Evaluation, by: Period) -> Result<Trend> {
        evaluation.facts.check_made_by(self)?;
        let facts = &evaluation.facts;
        let windows = match kept_span(self, evaluation) {
            Some((first, last)) => {
                let from = if facts.filter.from == i64::MIN {
                    first
                } else {
                    facts.filter.from
                };
                let to = if facts.filter.to == i64::MAX {
                    last.saturating_add(1)
                } else {
                    facts.filter.to
                };
                periods(by, from, to)?
            }
            None => Vec::new(),
        };
        let settled_before = facts.settled_before();
        let sums = self.period_sums(evaluation, &windows, None);
        let periods = windows
            .iter()
            .zip(sums)
            .map(|(w, sums)| PeriodReport {
                start: day_text(w.from),
                end: day_text(w.to),
                start_ms: w.from,
                end_ms: w.to,
                settled: settled_before.is_some_and(|t| w.to <= t),
                report: build_report(&self.places, sums),
            })
            .collect();
        Ok(Trend {
            by,
            as_of: facts.as_of_ms.map(rfc3339),
            inactive_days: facts.inactive_days,
            periods,
        })
    }
}

/// The `by` periods that cover `[from, to)`.
pub(super) fn periods(by: Period, from: i64, to: i64) -> Result<Vec<Window>> {
    let mut windows = Vec::new();
    let mut start = by.floor(from);
    while let Some(day) = start {
        let from_ms = midnight_ms(day);
        if from_ms >= to {
            break;
        }
        if windows.len() == MAX_PERIODS {
            let days = (to - from) / DAY_MS + 1;
            return Err(Error::TooManyPeriods {
                by: by.name(),
                days,
                max: MAX_PERIODS,
            });
        }
        let next = by.next(day);
        let to_ms = next.map_or(i64::MAX, midnight_ms);
        windows.push(Window {
            from: from_ms,
            to: to_ms,
        });
        start = next;
    }
    Ok(windows)
}

fn midnight_ms(day: NaiveDate) -> i64 {
    day.and_hms_opt(0, 0, 0)
        .map_or(i64::MAX, |t| t.and_utc().timestamp_millis())
}

/// A UTC day as `YYYY-MM-DD`.
pub(crate) fn day_text(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(text: &str) -> i64 {
        chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| t.timestamp_millis())
            .unwrap_or_default()
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2026-03-04 is a Wednesday.
        let w = periods(
            Period::Week,
            ms("2026-03-04T10:00:00Z"),
            ms("2026-03-10T00:00:00Z"),
        )
        .unwrap();
        let days: Vec<_> = w
            .iter()
            .map(|w| (day_text(w.from), day_text(w.to)))
            .collect();
        assert_eq!(
            days,
            [
                ("2026-03-02".into(), "2026-03-09".into()),
                ("2026-03-09".into(), "2026-03-16".into())
            ]
        );
        let m = periods(
            Period::Month,
            ms("2026-01-31T23:00:00Z"),
            ms("2026-03-01T00:00:00Z"),
        )
        .unwrap();
        let days: Vec<_> = m.iter().map(|w| day_text(w.from)).collect();
        assert_eq!(days, ["2026-01-01", "2026-02-01"]);
        let d = periods(
            Period::Day,
            ms("2026-01-31T23:00:00Z"),
            ms("2026-02-01T00:00:01Z"),
        )
        .unwrap();
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn a_span_of_decades_by_day_is_refused_with_what_to_do() {
        let e = periods(Period::Day, 0, ms("2026-01-01T00:00:00Z")).unwrap_err();
        assert!(e.to_string().contains("week or month"), "{e}");
        assert!(periods(Period::Month, 0, ms("2026-01-01T00:00:00Z")).is_ok());
    }
}
