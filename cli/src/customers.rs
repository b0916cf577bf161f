//! `percorso customers`: the customers behind the numbers, filtered by current stage, latest
//! touchpoint and status, as CSV or JSON.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::{stdout_error, to_json};
use percorso::analytics::{write_customers_csv, CustomerQuery, CustomerSort, Params, Status};
use percorso::engine::Engine;
use percorso::error::{Error, Result};
use percorso::journey::{Journey, StageId, TouchpointId};
use percorso::matching::match_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Dropped,
    Stalled,
    Active,
    Completed,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Dropped => Status::Dropped,
            StatusArg::Stalled => Status::Stalled,
            StatusArg::Active => Status::Active,
            StatusArg::Completed => Status::Completed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Id,
    LastEvent,
    Events,
}

/// Order and page of the list.
#[derive(Debug, Clone, Args)]
pub struct PageArgs {
    #[arg(long, value_enum, default_value_t = SortArg::Id)]
    pub sort: SortArg,
    /// Largest first.
    #[arg(long)]
    pub descending: bool,
    /// Skip this many customers.
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Print at most this many customers (0: all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
}

pub struct Selection<'a> {
    pub stage: Option<&'a str>,
    pub touchpoint: Option<&'a str>,
    pub status: Option<StatusArg>,
    pub page: PageArgs,
}

pub fn run(
    engine: &dyn Engine,
    params: &Params,
    selection: &Selection<'_>,
    format: ListFormat,
    out: &mut impl Write,
) -> Result<()> {
    let journey = engine.journey();
    let query = CustomerQuery {
        stage: selection
            .stage
            .map(|s| stage_named(&journey, s))
            .transpose()?,
        touchpoint: selection
            .touchpoint
            .map(|t| touchpoint_named(&journey, t))
            .transpose()?,
        status: selection.status.map(Status::from),
        sort: match selection.page.sort {
            SortArg::Id => CustomerSort::Id,
            SortArg::LastEvent => CustomerSort::LastEvent,
            SortArg::Events => CustomerSort::Events,
        },
        descending: selection.page.descending,
        offset: selection.page.offset,
        limit: selection.page.limit,
        ..CustomerQuery::default()
    };
    let page = engine.customers(params, &query)?;
    match format {
        ListFormat::Json => writeln!(out, "{}", to_json(&page.rows)?).map_err(stdout_error),
        ListFormat::Csv => write_customers_csv(out, &page.rows, percorso::export::CsvStyle::PLAIN),
    }
}

/// A stage by id or by name (ignoring case, accents and spacing).
fn stage_named(journey: &Journey, text: &str) -> Result<StageId> {
    let stages = &journey.stages;
    stages
        .iter()
        .find(|s| text.parse() == Ok(s.id.0) || match_key(&s.name) == match_key(text))
        .map(|s| s.id)
        .ok_or_else(|| {
            let names: Vec<&str> = stages.iter().map(|s| s.name.as_str()).collect();
            Error::InvalidInput(format!("no stage \"{text}\"; stages: {}", names.join(", ")))
        })
}

/// A touchpoint by id, name or alias.
pub fn touchpoint_named(journey: &Journey, text: &str) -> Result<TouchpointId> {
    journey
        .touchpoints
        .iter()
        .find(|t| text.parse() == Ok(t.id.0))
        .map(|t| t.id)
        .or_else(|| percorso::matching::TouchpointMatcher::new(journey).find(text))
        .ok_or_else(|| {
            let names: Vec<&str> = journey
                .touchpoints
                .iter()
                .map(|t| t.name.as_str())
                .collect();
            Error::InvalidInput(format!(
                "no touchpoint \"{text}\" on journey \"{}\"; touchpoints: {}",
                journey.name,
                names.join(", ")
            ))
        })
}
