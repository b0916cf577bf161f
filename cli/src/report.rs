//! `percorso report`: the report of metrics.md as JSON (the contract), CSV (one of its tables,
//! the touchpoints by default) or an aligned table for people.

use std::io::Write;

use clap::ValueEnum;

use super::{stdout_error, to_json};
use percorso::analytics::{Params, Report};
use percorso::engine::Engine;
use percorso::error::Result;
use percorso::export::{report_table, write_csv, ReportTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Json,
    Csv,
    Table,
}

pub fn run(
    engine: &dyn Engine,
    params: &Params,
    format: ReportFormat,
    table: ReportTable,
    out: &mut impl Write,
) -> Result<()> {
    let report = engine.report(params)?;
    match format {
        ReportFormat::Json => writeln!(out, "{}", to_json(&report)?).map_err(stdout_error),
        ReportFormat::Csv => {
            let (header, rows) = report_table(&report, table);
            write_csv(out, &header, &rows)
        }
        ReportFormat::Table => write_table(&report, out).map_err(stdout_error),
    }
}

fn num(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.decimals$}"))
}

fn duration(seconds: Option<f64>) -> String {
    match seconds {
        None => "-".to_owned(),
        Some(s) if s < 3600.0 => format!("{:.0}m", s / 60.0),
        Some(s) if s < 172_800.0 => format!("{:.1}h", s / 3600.0),
        Some(s) => format!("{:.1}d", s / 86_400.0),
    }
}

fn write_table(report: &Report, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "as of {}  ·  inactive after {} days  ·  {} customers  ·  {} events\n",
        report.as_of.as_deref().unwrap_or("-"),
        report.inactive_days,
        report.customers,
        report.events
    )?;
    writeln!(
        out,
        "{:<24} {:<16} {:>8} {:>8} {:>6} {:>6} {:>7} {:>7} {:>6} {:>8} {:>8} {:>7} {:>9} {:>6}",
        "touchpoint",
        "stage",
        "events",
        "cust.",
        "reach%",
        "repeat",
        "last",
        "dropoff",
        "drop%",
        "median",
        "p90",
        "stalled",
        "completed",
        "engag%"
    )?;
    for n in &report.nodes {
        writeln!(
            out,
            "{:<24} {:<16} {:>8} {:>8} {:>6} {:>6} {:>7} {:>7} {:>6} {:>8} {:>8} {:>7} {:>9} {:>6}",
            clip(&n.touchpoint, 24),
            clip(&n.stage, 16),
            n.events,
            n.customers,
            num(n.reach_pct, 1),
            num(n.repeat, 2),
            n.last_here,
            n.dropoff,
            num(n.dropoff_rate, 1),
            duration(n.median_next_s),
            duration(n.p90_next_s),
            n.stalled_now,
            n.completed_here,
            num(n.engagement_rate, 1)
        )?;
    }
    writeln!(
        out,
        "\n{:<24} {:>8} {:>8} {:>8} {:>9} {:>10}",
        "stage", "reached", "current", "dropped", "completed", "→ next %"
    )?;
    for s in &report.stages {
        writeln!(
            out,
            "{:<24} {:>8} {:>8} {:>8} {:>9} {:>10}",
            clip(&s.stage, 24),
            s.reached,
            s.current,
            s.dropped,
            s.completed,
            num(s.conversion_next, 1)
        )?;
    }
    if !report.unmapped.is_empty() {
        writeln!(
            out,
            "\nunmapped log values (map them to a touchpoint or create one):"
        )?;
        for u in &report.unmapped {
            writeln!(out, "  {:<30} {:>8} events", clip(&u.value, 30), u.events)?;
        }
    }
    Ok(())
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(width - 1).collect();
    clipped.push('…');
    clipped
}

/// The tables `--format csv` writes, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum TableArg {
    /// One row per touchpoint (the report's `nodes`).
    #[default]
    Touchpoints,
    /// One row per observed or designed transition (`edges`).
    Transitions,
    /// The stage funnel (`stages`).
    Stages,
    /// Log values that match no touchpoint (`unmapped`).
    Unmapped,
}

impl TableArg {
    /// The table named by `--table` without `--spark`.
    pub fn parse(name: &str) -> Result<TableArg> {
        TableArg::from_str(name, true).map_err(|_| {
            percorso::Error::InvalidInput(format!(
                "--table {name}: write touchpoints, transitions, stages or unmapped (or name a \
                 Spark table with --spark)"
            ))
        })
    }
}

impl From<TableArg> for ReportTable {
    fn from(table: TableArg) -> ReportTable {
        match table {
            TableArg::Touchpoints => ReportTable::Touchpoints,
            TableArg::Transitions => ReportTable::Transitions,
            TableArg::Stages => ReportTable::Stages,
            TableArg::Unmapped => ReportTable::Unmapped,
        }
    }
}
