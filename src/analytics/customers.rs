//! The customers behind a number: who is at a touchpoint now, stalled or dropped there, who made
//! a transition or reached a stage, in pages; and one customer's full path.
//!
//! Pages keep what crosses into the UI small: the app never receives the raw log.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::scan::Facts;
use super::{rfc3339, Analysis, Evaluation};
use crate::error::{Error, Result};
use crate::journey::{StageId, TouchpointId};
use crate::log::NONE;

/// A customer's status, in the order of precedence of `metrics.md` (v2): completed wins over
/// dropped, which wins over stalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Completed,
    Dropped,
    Stalled,
    Active,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Dropped => "dropped",
            Status::Stalled => "stalled",
            Status::Completed => "completed",
            Status::Active => "active",
        }
    }
}

/// A transition's endpoint: a touchpoint of the map or an unmapped log value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlaceRef {
    Touchpoint(TouchpointId),
    Unmapped(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CustomerSort {
    #[default]
    Id,
    LastEvent,
    Events,
}

/// Which customers, in which order, which page. Every condition given must hold.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CustomerQuery {
    /// Latest event at this touchpoint ("here now").
    pub touchpoint: Option<TouchpointId>,
    /// Current stage is this one.
    pub stage: Option<StageId>,
    /// At least one event in this stage.
    pub reached_stage: Option<StageId>,
    pub status: Option<Status>,
    /// At least one directly-follows pair from → to.
    pub transition: Option<(PlaceRef, PlaceRef)>,
    pub sort: CustomerSort,
    pub descending: bool,
    #[ts(type = "number")]
    pub offset: usize,
    /// 0 means every matching customer.
    #[ts(type = "number")]
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerRow {
    pub customer: String,
    #[ts(type = "number")]
    pub events: u64,
    pub last_event: String,
    pub latest_touchpoint: String,
    pub current_stage: Option<String>,
    pub furthest_stage: Option<String>,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerPage {
    /// Customers matching the query, over all pages.
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub offset: u64,
    pub rows: Vec<CustomerRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerEvent {
    pub touchpoint: String,
    #[ts(type = "number | null")]
    pub touchpoint_id: Option<i64>,
    pub stage: Option<String>,
    pub instant: String,
    pub event_type: Option<String>,
    pub value: Option<f64>,
    pub channel: Option<String>,
}

/// One customer's whole history, unfiltered, in event order.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerPath {
    pub customer: String,
    pub events: Vec<CustomerEvent>,
}

/// Writes customer rows as CSV through the formula-neutralising writer of [`crate::export`], with
/// the same columns in the CLI and the app, in `style` (plain for scripts, or for a spreadsheet).
pub fn write_customers_csv(
    out: &mut impl std::io::Write,
    rows: &[CustomerRow],
    style: crate::export::CsvStyle,
) -> Result<()> {
    use crate::export::{write_csv_styled, Cell};
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            vec![
                Cell::from(r.customer.as_str()),
                Cell::Count(r.events),
                Cell::from(r.last_event.as_str()),
                Cell::from(r.latest_touchpoint.as_str()),
                r.current_stage.as_deref().map_or(Cell::Empty, Cell::from),
                r.furthest_stage.as_deref().map_or(Cell::Empty, Cell::from),
                Cell::from(r.status.as_str()),
            ]
        })
        .collect();
    let header = [
        "customer",
        "events",
        "last_event",
        "latest_touchpoint",
        "current_stage",
        "furthest_stage",
        "status",
    ];
    write_csv_styled(out, &header, &cells, style)
}

impl Facts {
    /// The customer's status, by the precedence of metrics.md v2: completed, dropped, stalled,
    /// active.
    pub fn status(&self, customer: usize) -> Status {
        if self.ended_at_goal(customer) {
            Status::Completed
        } else if self.inactive(customer) {
            Status::Dropped
        } else if self.idle_past_p90(customer) {
            Status::Stalled
        } else {
            Status::Active
        }
    }
}

impl Analysis {
    /// The page of customers that `query` selects among those `evaluation` kept.
    pub fn customers(
        &self,
        evaluation: &Evaluation,
        query: &CustomerQuery,
    ) -> Result<CustomerPage> {
        evaluation.facts.check_made_by(self)?;
        let touchpoint = query
            .touchpoint
            .map(|id| self.places.of_touchpoint(id))
            .transpose()?;
        let stage = query.stage.map(|id| self.places.of_stage(id)).transpose()?;
        let reached = query
            .reached_stage
            .map(|id| self.places.of_stage(id))
            .transpose()?;
        let transition = match &query.transition {
            Some((a, b)) => Some((self.place_of(a)?, self.place_of(b)?)),
            None => None,
        };
        let mut chosen: Vec<usize> = (0..self.customer_count())
            .filter(|&c| evaluation.facts.kept_events[c] > 0)
            .filter(|&c| touchpoint.is_none_or(|p| evaluation.facts.last_place[c] == p))
            .filter(|&c| stage.is_none_or(|s| self.stage_of(evaluation.facts.last_place[c]) == s))
            .filter(|&c| query.status.is_none_or(|s| evaluation.facts.status(c) == s))
            .filter(|&c| {
                reached.is_none_or(|s| {
                    self.kept_places(evaluation, c)
                        .any(|p| self.stage_of(p) == s)
                })
            })
            .filter(|&c| transition.is_none_or(|pair| self.has_pair(evaluation, c, pair)))
            .collect();
        self.sort_customers(evaluation, &mut chosen, query.sort);
        if query.descending {
            chosen.reverse();
        }
        let limit = if query.limit == 0 {
            chosen.len()
        } else {
            query.limit
        };
        let rows = chosen
            .iter()
            .skip(query.offset)
            .take(limit)
            .map(|&c| self.customer_row(evaluation, c))
            .collect();
        Ok(CustomerPage {
            total: chosen.len() as u64,
            offset: query.offset as u64,
            rows,
        })
    }

    /// One customer's row (status, current and furthest stage) under `evaluation`'s filters;
    /// `None` when the filters keep none of their events.
    pub fn customer(&self, evaluation: &Evaluation, customer: &str) -> Result<Option<CustomerRow>> {
        evaluation.facts.check_made_by(self)?;
        let c = self.customer_index(customer)?;
        Ok((evaluation.facts.kept_events[c] > 0).then(|| self.customer_row(evaluation, c)))
    }

    /// The position of `customer` in the analysis, or why there is none.
    fn customer_index(&self, customer: &str) -> Result<usize> {
        self.customer_ids
            .position(customer)
            .ok_or_else(|| Error::UnknownCustomer {
                customer: customer.to_owned(),
            })
    }

    /// One customer's full path, ignoring filters.
    pub fn customer_path(&self, customer: &str) -> Result<CustomerPath> {
        let c = self.customer_index(customer)?;
        let text = |names: &[String], code: u32| {
            (code != NONE)
                .then(|| names.get(code as usize).cloned())
                .flatten()
        };
        let events = self
            .events_of(c)
            .map(|e| {
                let place = self.place[e];
                CustomerEvent {
                    touchpoint: self.place_name(place).to_owned(),
                    touchpoint_id: self.touchpoint_id(place).map(|id| id.0),
                    stage: self.stage_name(self.stage_of(place)).map(str::to_owned),
                    instant: rfc3339(self.instant[e]),
                    event_type: text(&self.event_type_names, self.event_type[e]),
                    value: Some(self.value[e]).filter(|v| !v.is_nan()),
                    channel: text(&self.channel_names, self.channel[e]),
                }
            })
            .collect();
        Ok(CustomerPath {
            customer: customer.to_owned(),
            events,
        })
    }

    fn customer_row(&self, evaluation: &Evaluation, c: usize) -> CustomerRow {
        let place = evaluation.facts.last_place[c];
        CustomerRow {
            customer: self.customer_ids.get(c).to_owned(),
            events: u64::from(evaluation.facts.kept_events[c]),
            last_event: rfc3339(evaluation.facts.last_instant[c]),
            latest_touchpoint: self.place_name(place).to_owned(),
            current_stage: self.stage_name(self.stage_of(place)).map(str::to_owned),
            furthest_stage: self
                .stage_name(evaluation.facts.furthest_stage[c])
                .map(str::to_owned),
            status: evaluation.facts.status(c),
        }
    }

    fn sort_customers(&self, evaluation: &Evaluation, chosen: &mut [usize], sort: CustomerSort) {
        let ids = &self.customer_ids;
        match sort {
            CustomerSort::Id => chosen.sort_by(|&a, &b| ids.get(a).cmp(ids.get(b))),
            CustomerSort::LastEvent => chosen.sort_by(|&a, &b| {
                evaluation.facts.last_instant[a]
                    .cmp(&evaluation.facts.last_instant[b])
                    .then_with(|| ids.get(a).cmp(ids.get(b)))
            }),
            CustomerSort::Events => chosen.sort_by(|&a, &b| {
                evaluation.facts.kept_events[a]
                    .cmp(&evaluation.facts.kept_events[b])
                    .then_with(|| ids.get(a).cmp(ids.get(b)))
            }),
        }
    }

    /// The places of a customer's kept events, in order.
    pub(crate) fn kept_places<'a>(
        &'a self,
        evaluation: &'a Evaluation,
        c: usize,
    ) -> impl Iterator<Item = u32> + 'a {
        self.events_of(c)
            .filter(move |&e| evaluation.facts.filter.keeps_event(self, e))
            .map(move |e| self.place[e])
    }

    fn has_pair(&self, evaluation: &Evaluation, c: usize, pair: (u32, u32)) -> bool {
        let mut previous = NONE;
        self.kept_places(evaluation, c).any(|p| {
            let found = (previous, p) == pair;
            previous = p;
            found
        })
    }

    pub(crate) fn place_of(&self, place: &PlaceRef) -> Result<u32> {
        self.places.of(place)
    }
}
