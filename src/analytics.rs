//! Analytics: every number of `docs/metrics.md`, computed over the columnar event log.
//!
//! Why it is built this way: analysts check our numbers against DuckDB and pandas, and the app
//! must answer at ten million events without a wait. So an [`Analysis`] is built once per log and
//! journey: it sorts the events by (customer, instant, import order) into its own columns and
//! resolves every log value to a touchpoint. Each question (a report under some filters) is then
//! one scan over those columns, split over the cores by customer ranges, with no allocation per
//! event. An [`Evaluation`] keeps what one scan learnt about every customer so that the pages of
//! customers, variants and histograms behind the numbers do not rescan more than they must.
//!
//! How the app and the CLI use it: [`Analysis::from_workspace`] (or [`Analysis::new`]) once per
//! log; [`Analysis::evaluate`] on each change of filters, then [`Evaluation::report`] for the map
//! and funnel, and with that evaluation [`Analysis::customers`] (pages of the customers behind a
//! number), [`Analysis::variants`] and [`Analysis::histogram`]; [`Analysis::customer_path`] for one
//! customer. Every result is an aggregate or a page, never the raw log.
//!
//! Choices that `metrics.md` leaves open (in full in `docs/metrics-choices.md`):
//! - Unmapped log values stay real events: they count in the top-level `events` and `customers`,
//!   are endpoints of transitions (`designed: false`, named by the raw value) and are listed in
//!   `unmapped` with their event count. They are not nodes, belong to no stage, and a customer
//!   whose latest event is unmapped has no current stage and is `dropped` or `active`, never
//!   `stalled` or `completed`.
//! - `reach_pct` divides by all customers of the filtered log, unmapped-only customers included.
//! - Engagement: a node has exposure types when at least one of its kept events has an event
//!   type that a source's mapping lists under `exposure_types`.
//! - Quantiles are type 7 (linear interpolation between closest ranks) on durations in seconds.
//! - A rate or percentage whose denominator is 0 is `null`, never NaN; numbers are not rounded.
//! - `as_of` does not filter events (use the date range for that); with no event kept and no
//!   `as_of` given it is `null`.
//! - The segment filter names attributes exactly; an unknown attribute is an error, an unknown
//!   value matches nobody. The channel filter compares the channel text exactly.

mod changes;
mod cohorts;
mod customers;
mod dimensions;
mod discover;
mod durations;
mod filter;
mod histogram;
mod names;
mod parallel;
pub mod params;
mod periods;
mod places;
mod quantile;
mod replay;
mod report;
mod scan;
mod trend;
mod unassigned;
mod variants;

use std::sync::atomic::{AtomicBool, Ordering};

use crate::journey::{Journey, StageId, TouchpointId};
use crate::log::{Attribute, EventLog, NONE};
use names::PackedNames;
pub(crate) use places::Places;
#[cfg(feature = "spark")]
pub(crate) use report::{build_report, PairStats, PlaceSums, StageSums, Sums};
use scan::Facts;
use serde::Serialize;
use ts_rs::TS;

pub use changes::{
    two_proportion_p, ChangeMetric, ChangePeriods, Changes, ComparedPeriod, Differences,
    EdgeChange, NodeChange, SIGNIFICANT_Q,
};
pub use cohorts::{ChurnedAt, Cohort, Cohorts, Retention};
pub use customers::{
    write_customers_csv, CustomerEvent, CustomerPage, CustomerPath, CustomerQuery, CustomerRow,
    CustomerSort, PlaceRef, Status,
};
pub use dimensions::{AttributeValues, Dimensions, Timeline};
pub use discover::{DiscoveredValue, Discovery, StageSuggestion, MAX_STAGES};
pub use histogram::{Bin, Histogram, HistogramTarget};
pub use params::{Params, Segment};
pub use replay::Replay;
pub use report::{Edge, Node, Report, StageFunnel, Unmapped};
pub use trend::{Period, PeriodReport, Trend, MAX_PERIODS};
pub use unassigned::{unassigned_journey, unassigned_journey_of};
pub use variants::Variant;

/// What a long analysis is doing, for a progress bar: reading the events from the workspace
/// (`done` of `total` events), ordering each customer's events, or counting every number of the
/// report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct LoadProgress {
    pub step: LoadStep,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LoadStep {
    Reading,
    Ordering,
    Counting,
}

/// Marks a place that belongs to no stage (an unmapped log value).
pub(crate) const NO_STAGE: u32 = u32::MAX;
pub(crate) const DAY_MS: i64 = 86_400_000;

/// The log sorted and resolved against one journey, ready to answer any number of questions.
///
/// A *place* is where an event happens: the journey's touchpoints first (place `i` is
/// `journey.touchpoints[i]`), then the log values that match no touchpoint.
#[derive(Debug, Clone)]
pub struct Analysis {
    places: Places,
    is_exposure: Vec<bool>,
    customer_ids: PackedNames,
    channel_names: Vec<String>,
    event_type_names: Vec<String>,
    attributes: Vec<Attribute>,
    /// Customer `c`'s events are `customer_start[c]..customer_start[c + 1]` of the columns below.
    customer_start: Vec<usize>,
    instant: Vec<i64>,
    place: Vec<u32>,
    channel: Vec<u32>,
    event_type: Vec<u32>,
    value: Vec<f64>,
}

/// What one scan under some [`Params`] learnt: the report, and every customer's facts that the
/// pages of customers, the variants and the histograms behind its numbers are read from.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub(crate) facts: Facts,
    report: Report,
}

impl Evaluation {
    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn into_report(self) -> Report {
        self.report
    }
}

impl Analysis {
    /// Sorts and resolves `log` against `journey`. `exposure_types` are the event types that mean
    /// the customer was only exposed (impression, delivered…), as the sources' mappings list them.
    pub fn new(log: &EventLog, journey: &Journey, exposure_types: &[String]) -> Analysis {
        Analysis::with_ties(log, journey, exposure_types, Ties::ImportOrder)
    }

    /// As [`Analysis::new`], with events at one instant ordered by `ties`.
    pub fn with_ties(
        log: &EventLog,
        journey: &Journey,
        exposure_types: &[String],
        ties: Ties,
    ) -> Analysis {
        let (places, place_of_code) =
            Places::resolve(journey, log.touchpoints.values().iter().map(String::as_str));
        let is_exposure = log
            .event_types
            .values()
            .iter()
            .map(|t| exposure_types.iter().any(|e| e == t))
            .collect();
        let (customer_start, order) = sort_events(log, ties);
        let columns = SortedColumns::gather(log, &order, &place_of_code);
        Analysis {
            places,
            is_exposure,
            customer_ids: PackedNames::new(log.customers.values()),
            channel_names: log.channels.values().to_vec(),
            event_type_names: log.event_types.values().to_vec(),
            attributes: log.attributes.clone(),
            customer_start,
            instant: columns.instant,
            place: columns.place,
            channel: columns.channel,
            event_type: columns.event_type,
            value: columns.value,
        }
    }

    /// Builds the analysis of a workspace's whole log on one of its journeys (default: the
    /// first). With no journey, or one with no touchpoint yet, every log value is a touchpoint
    /// of stage "Unassigned", as metrics.md prescribes.
    pub fn from_workspace(
        workspace: &crate::workspace::Workspace,
        journey: Option<crate::journey::JourneyId>,
    ) -> crate::Result<Analysis> {
        let never = AtomicBool::new(false);
        Analysis::from_workspace_reporting(workspace, journey, &mut |_| {}, &never)
    }

    /// [`Analysis::from_workspace`], telling `progress` how far it is: the events read so far,
    /// then the ordering of each customer's events. Setting `cancel` stops it after the chunk
    /// of events being read, or before the ordering, with [`crate::Error::Cancelled`].
    pub fn from_workspace_reporting(
        workspace: &crate::workspace::Workspace,
        journey: Option<crate::journey::JourneyId>,
        progress: &mut dyn FnMut(LoadProgress),
        cancel: &AtomicBool,
    ) -> crate::Result<Analysis> {
        let chosen = match journey {
            Some(id) => Some(id),
            None => workspace.journeys()?.first().map(|j| j.id),
        };
        let log = workspace.load_log_reporting(
            &mut |done, total| {
                progress(LoadProgress {
                    step: LoadStep::Reading,
                    done,
                    total,
                });
            },
            cancel,
        )?;
        if cancel.load(Ordering::Relaxed) {
            return Err(crate::Error::Cancelled);
        }
        let events = log.len() as u64;
        progress(LoadProgress {
            step: LoadStep::Ordering,
            done: 0,
            total: events,
        });
        let journey = match chosen {
            Some(id) => workspace.journey(id)?,
            None => unassigned_journey(&log),
        };
        let journey = if journey.touchpoints.is_empty() {
            unassigned_journey(&log)
        } else {
            journey
        };
        let exposure_types = workspace.exposure_types()?;
        Ok(Analysis::new(&log, &journey, &exposure_types))
    }

    /// Builds the analysis of a workspace's whole log with every log value as a touchpoint of
    /// its own, whatever journeys the workspace has: what discovery proposes a journey from.
    pub fn of_log_values(workspace: &crate::workspace::Workspace) -> crate::Result<Analysis> {
        let log = workspace.load_log()?;
        let exposure_types = workspace.exposure_types()?;
        Ok(Analysis::new(
            &log,
            &unassigned_journey(&log),
            &exposure_types,
        ))
    }

    /// Scans what `params` keep and returns the report with every customer's facts.
    pub fn evaluate(&self, params: &Params) -> crate::Result<Evaluation> {
        let (mut facts, totals) = self.scan(params)?;
        let report = report::assemble(self, &mut facts, totals);
        Ok(Evaluation { facts, report })
    }

    /// The full report of `metrics.md` on what `params` keep.
    pub fn report(&self, params: &Params) -> crate::Result<Report> {
        Ok(self.evaluate(params)?.into_report())
    }

    pub fn journey(&self) -> &Journey {
        &self.places.journey
    }

    pub fn event_count(&self) -> usize {
        self.instant.len()
    }

    pub fn customer_count(&self) -> usize {
        self.customer_ids.len()
    }

    fn events_of(&self, customer: usize) -> std::ops::Range<usize> {
        let start = self.customer_start.get(customer).copied().unwrap_or(0);
        let end = self
            .customer_start
            .get(customer + 1)
            .copied()
            .unwrap_or(start);
        start..end
    }

    /// The events of customers `customers.start..customers.end`, which are contiguous.
    fn events_of_customers(&self, customers: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = self.events_of(customers.start).start;
        let end = self
            .customer_start
            .get(customers.end)
            .copied()
            .unwrap_or(start);
        start..end.max(start)
    }

    fn place_count(&self) -> usize {
        self.places.count()
    }

    fn stage_count(&self) -> usize {
        self.places.stage_count()
    }

    fn stage_name(&self, position: u32) -> Option<&str> {
        self.places.stage_name(position)
    }

    fn stage_id(&self, position: u32) -> Option<StageId> {
        self.places.stage_id(position)
    }

    fn touchpoint_id(&self, place: u32) -> Option<TouchpointId> {
        self.places.touchpoint_id(place)
    }

    fn is_node(&self, place: u32) -> bool {
        self.places.is_node(place)
    }

    fn place_name(&self, place: u32) -> &str {
        self.places.name(place)
    }

    fn stage_of(&self, place: u32) -> u32 {
        self.places.stage_of(place)
    }

    fn is_exposure_event(&self, event: usize) -> bool {
        let code = self.event_type[event];
        code != NONE
            && self
                .is_exposure
                .get(code as usize)
                .copied()
                .unwrap_or(false)
    }
}

/// How one customer's events at the same instant are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ties {
    /// In import order: sources in the order they were imported, rows in file order. The
    /// contract's rule, for a log that Percorso imported.
    #[default]
    ImportOrder,
    /// By the log value's text, then the channel, the event type (a missing one first) and the
    /// value (a missing one first): the rule of an engine that has no import order, such as a
    /// Spark table with no order column (`docs/metrics-choices.md`).
    Values,
}

/// Customer offsets and the permutation of events sorted by (customer, instant, `ties`): a
/// stable counting sort by customer keeps import order, and a stable sort of each customer's
/// few events by instant (and by their values, for [`Ties::Values`]) keeps it on ties.
fn sort_events(log: &EventLog, ties: Ties) -> (Vec<usize>, Vec<u32>) {
    let customers = log.customers.len();
    let mut start = vec![0usize; customers + 1];
    for &c in &log.customer {
        if let Some(n) = start.get_mut(c as usize + 1) {
            *n += 1;
        }
    }
    for c in 0..customers {
        start[c + 1] += start[c];
    }
    let mut next = start.clone();
    let mut order = vec![0u32; start[customers]];
    for (i, &c) in log.customer.iter().enumerate() {
        if let Some(slot) = next.get_mut(c as usize) {
            order[*slot] = as_u32(i);
            *slot += 1;
        }
    }
    match ties {
        Ties::ImportOrder => {
            for c in 0..customers {
                order[start[c]..start[c + 1]].sort_by_key(|&i| log.instant_ms[i as usize]);
            }
        }
        Ties::Values => {
            let touchpoint = text_ranks(&log.touchpoints);
            let channel = text_ranks(&log.channels);
            let event_type = text_ranks(&log.event_types);
            let rank = |ranks: &[u32], code: u32| {
                if code == NONE {
                    0
                } else {
                    ranks.get(code as usize).map_or(0, |r| r + 1)
                }
            };
            let value = |i: usize| {
                let v = log.value[i];
                (!v.is_nan(), if v.is_nan() { 0.0 } else { v })
            };
            for c in 0..customers {
                order[start[c]..start[c + 1]].sort_by(|&a, &b| {
                    let (a, b) = (a as usize, b as usize);
                    log.instant_ms[a]
                        .cmp(&log.instant_ms[b])
                        .then_with(|| {
                            rank(&touchpoint, log.touchpoint[a])
                                .cmp(&rank(&touchpoint, log.touchpoint[b]))
                        })
                        .then_with(|| {
                            rank(&channel, log.channel[a]).cmp(&rank(&channel, log.channel[b]))
                        })
                        .then_with(|| {
                            rank(&event_type, log.event_type[a])
                                .cmp(&rank(&event_type, log.event_type[b]))
                        })
                        .then_with(|| {
                            let ((ha, va), (hb, vb)) = (value(a), value(b));
                            ha.cmp(&hb).then_with(|| va.total_cmp(&vb))
                        })
                });
            }
        }
    }
    (start, order)
}

/// The rank of each code of `dictionary` when its values are sorted as text (byte order).
fn text_ranks(dictionary: &crate::log::Dictionary) -> Vec<u32> {
    let values = dictionary.values();
    let mut codes: Vec<usize> = (0..values.len()).collect();
    codes.sort_by(|&a, &b| values[a].cmp(&values[b]));
    let mut ranks = vec![0u32; values.len()];
    for (rank, code) in codes.into_iter().enumerate() {
        ranks[code] = as_u32(rank);
    }
    ranks
}

struct SortedColumns {
    instant: Vec<i64>,
    place: Vec<u32>,
    channel: Vec<u32>,
    event_type: Vec<u32>,
    value: Vec<f64>,
}

impl SortedColumns {
    /// Gathers the columns in sorted order, two columns at a time on two threads.
    fn gather(log: &EventLog, order: &[u32], place_of_code: &[u32]) -> SortedColumns {
        let pick =
            |column: &[u32]| -> Vec<u32> { order.iter().map(|&i| column[i as usize]).collect() };
        std::thread::scope(|s| {
            let instant = s.spawn(|| order.iter().map(|&i| log.instant_ms[i as usize]).collect());
            let value = s.spawn(|| order.iter().map(|&i| log.value[i as usize]).collect());
            let place = order
                .iter()
                .map(|&i| {
                    let code = log.touchpoint[i as usize] as usize;
                    place_of_code.get(code).copied().unwrap_or(0)
                })
                .collect();
            let channel = pick(&log.channel);
            let event_type = pick(&log.event_type);
            SortedColumns {
                instant: instant.join().unwrap_or_default(),
                place,
                channel,
                event_type,
                value: value.join().unwrap_or_default(),
            }
        })
    }
}

pub(crate) fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE - 1)
}

/// An instant as RFC 3339 text in UTC, as the report and the customer pages show it.
pub(crate) fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        .unwrap_or_default()
}
