//! `percorso trend`: the report for each day, week or month, as JSON (every period's report of
//! metrics.md) or as CSV (one of its tables, a row per period and item).

use std::io::Write;

use clap::ValueEnum;

use super::customers::touchpoint_named;
use super::filters::Question;
use super::report::TableArg;
use super::{stdout_error, to_json};
use percorso::analytics::{Analysis, Period, Trend};
use percorso::error::Result;
use percorso::export::{report_table, write_csv, Cell};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// UTC calendar days.
    Day,
    /// ISO weeks, Monday to Sunday (UTC).
    Week,
    /// Calendar months (UTC).
    Month,
}

impl From<ByArg> for Period {
    fn from(by: ByArg) -> Period {
        match by {
            ByArg::Day => Period::Day,
            ByArg::Week => Period::Week,
            ByArg::Month => Period::Month,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrendFormat {
    Json,
    Csv,
}

pub fn run(
    question: &Question,
    by: ByArg,
    touchpoint: Option<&str>,
    format: TrendFormat,
    table: TableArg,
    out: &mut impl Write,
) -> Result<()> {
    let analysis = question.analysis()?;
    let evaluation = analysis.evaluate(&question.params())?;
    let mut trend = analysis.trend(&evaluation, by.into())?;
    if let Some(name) = touchpoint {
        keep_touchpoint(&analysis, &mut trend, name)?;
    }
    match format {
        TrendFormat::Json => writeln!(out, "{}", to_json(&trend)?).map_err(stdout_error),
        TrendFormat::Csv => {
            let mut header = vec!["period_start", "period_end", "settled"];
            let mut rows = Vec::new();
            for period in &trend.periods {
                let (table_header, table_rows) = report_table(&period.report, table.into());
                if rows.is_empty() && header.len() == 3 {
                    header.extend(table_header);
                }
                for row in table_rows {
                    let mut cells = vec![
                        Cell::from(period.start.as_str()),
                        Cell::from(period.end.as_str()),
                        Cell::from(if period.settled { "true" } else { "false" }),
                    ];
                    cells.extend(row);
                    rows.push(cells);
                }
            }
            write_csv(out, &header, &rows)
        }
    }
}

/// Keeps only `name`'s node (a touchpoint's id, name or alias), the transitions from or to it
/// and its stage in every period.
fn keep_touchpoint(analysis: &Analysis, trend: &mut Trend, name: &str) -> Result<()> {
    let journey = analysis.journey();
    let id = touchpoint_named(journey, name)?;
    let Some(touchpoint) = journey.touchpoints.iter().find(|t| t.id == id) else {
        return Ok(());
    };
    let stage = journey
        .stages
        .iter()
        .find(|s| s.id == touchpoint.stage)
        .map(|s| s.name.as_str());
    for period in &mut trend.periods {
        let report = &mut period.report;
        report.nodes.retain(|n| n.touchpoint_id == id.0);
        report
            .edges
            .retain(|e| e.from_touchpoint_id == Some(id.0) || e.to_touchpoint_id == Some(id.0));
        report.stages.retain(|s| Some(s.stage.as_str()) == stage);
        report.unmapped.clear();
    }
    Ok(())
}
