//! `percorso cohorts`: customers grouped by the week or month of their first event, the share
//! still active in each later period, and where the churned ones stopped (metrics.md, "Cohorts
//! and churn"). JSON has everything; CSV writes one table: retention (a row per cohort and
//! period) or churn (a row per cohort and place where churned customers stopped).

use std::io::Write;

use clap::ValueEnum;

use super::filters::Question;
use super::{stdout_error, to_json};
use percorso::analytics::{Cohorts, Period};
use percorso::error::Result;
use percorso::export::{write_csv, Cell};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortBy {
    /// ISO weeks, Monday to Sunday (UTC).
    Week,
    /// Calendar months (UTC).
    Month,
}

impl From<CohortBy> for Period {
    fn from(by: CohortBy) -> Period {
        match by {
            CohortBy::Week => Period::Week,
            CohortBy::Month => Period::Month,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CohortTable {
    /// A row per cohort and period since: active customers and their share.
    #[default]
    Retention,
    /// A row per cohort and place where its churned customers stopped.
    Churn,
}

pub fn run(
    question: &Question,
    by: CohortBy,
    format: CohortFormat,
    table: CohortTable,
    out: &mut impl Write,
) -> Result<()> {
    let analysis = question.analysis()?;
    let evaluation = analysis.evaluate(&question.params())?;
    let cohorts = analysis.cohorts(&evaluation, by.into())?;
    match format {
        CohortFormat::Json => writeln!(out, "{}", to_json(&cohorts)?).map_err(stdout_error),
        CohortFormat::Csv => match table {
            CohortTable::Retention => retention_csv(&cohorts, out),
            CohortTable::Churn => churn_csv(&cohorts, out),
        },
    }
}

fn retention_csv(cohorts: &Cohorts, out: &mut impl Write) -> Result<()> {
    let header = [
        "cohort_start",
        "cohort_end",
        "customers",
        "offset",
        "measured_at",
        "partial",
        "active",
        "active_pct",
    ];
    let mut rows = Vec::new();
    for cohort in &cohorts.cohorts {
        for r in &cohort.retention {
            rows.push(vec![
                Cell::from(cohort.start.as_str()),
                Cell::from(cohort.end.as_str()),
                Cell::Count(cohort.customers),
                Cell::Count(u64::from(r.offset)),
                Cell::from(r.measured_at.as_str()),
                Cell::from(if r.partial { "true" } else { "false" }),
                Cell::Count(r.active),
                Cell::Number(r.active_pct),
            ]);
        }
    }
    write_csv(out, &header, &rows)
}

fn churn_csv(cohorts: &Cohorts, out: &mut impl Write) -> Result<()> {
    let header = [
        "cohort_start",
        "cohort_end",
        "customers",
        "completed",
        "churned",
        "touchpoint",
        "churned_here",
        "share_pct",
    ];
    let mut rows = Vec::new();
    for cohort in &cohorts.cohorts {
        for place in &cohort.churned_at {
            rows.push(vec![
                Cell::from(cohort.start.as_str()),
                Cell::from(cohort.end.as_str()),
                Cell::Count(cohort.customers),
                Cell::Count(cohort.completed),
                Cell::Count(cohort.churned),
                Cell::from(place.touchpoint.as_str()),
                Cell::Count(place.customers),
                Cell::Number(place.share_pct),
            ]);
        }
    }
    write_csv(out, &header, &rows)
}
