//! `percorso changes`: what changed between two periods, most significant first, as JSON or as
//! sentences for people.

use std::io::Write;

use clap::{Args, ValueEnum};

use super::filters::{midnight, Question};
use super::{stdout_error, to_json};
use percorso::analytics::{ChangeMetric, ChangePeriods, Changes};
use percorso::error::{Error, Result};

const DAY_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Args)]
pub struct ChangesArgs {
    #[command(flatten)]
    pub question: Question,
    /// Period A's first day (YYYY-MM-DD, UTC); give all four days, or none for --days.
    #[arg(long, value_parser = parse_day, requires_all = ["a_to", "b_from", "b_to"])]
    pub a_from: Option<i64>,
    /// Period A's last day, included.
    #[arg(long, value_parser = parse_day, requires = "a_from")]
    pub a_to: Option<i64>,
    /// Period B's first day.
    #[arg(long, value_parser = parse_day, requires = "a_from")]
    pub b_from: Option<i64>,
    /// Period B's last day, included.
    #[arg(long, value_parser = parse_day, requires = "a_from")]
    pub b_to: Option<i64>,
    /// Without dates: the last DAYS days up to the as-of day (B) against the DAYS before (A).
    #[arg(long, default_value_t = 7, conflicts_with = "a_from")]
    pub days: u32,
    /// The least denominator (events, customers) in each period for a figure to be tested.
    #[arg(long, default_value_t = 30)]
    pub min_count: u64,
    /// How many changes of each kind the table shows.
    #[arg(long, default_value_t = 15)]
    pub top: usize,
    #[arg(long, value_enum, default_value_t = ChangesFormat::Table)]
    pub format: ChangesFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChangesFormat {
    /// Every tested change: `edges` and `nodes`, each most significant first.
    Json,
    /// The most significant changes in words.
    Table,
}

pub fn run(args: &ChangesArgs, out: &mut impl Write) -> Result<()> {
    let periods = match (args.a_from, args.a_to, args.b_from, args.b_to) {
        (Some(a_from), Some(a_to), Some(b_from), Some(b_to)) => ChangePeriods::Between {
            a_from_ms: a_from,
            a_to_ms: a_to + DAY_MS,
            b_from_ms: b_from,
            b_to_ms: b_to + DAY_MS,
        },
        (None, None, None, None) => ChangePeriods::Last { days: args.days },
        _ => {
            return Err(Error::InvalidInput(
                "give both periods in full: --a-from, --a-to, --b-from and --b-to".to_owned(),
            ))
        }
    };
    let analysis = args.question.analysis()?;
    let evaluation = analysis.evaluate(&args.question.params())?;
    let changes = analysis.changes(&evaluation, &periods, args.min_count)?;
    match args.format {
        ChangesFormat::Json => writeln!(out, "{}", to_json(&changes)?).map_err(stdout_error),
        ChangesFormat::Table => {
            write_table(&changes, args.top, args.question.inactive_days, out).map_err(stdout_error)
        }
    }
}

fn write_table(
    changes: &Changes,
    top: usize,
    inactive_days: u32,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let (a, b) = (&changes.a, &changes.b);
    writeln!(
        out,
        "A: {} to {} ({} customers)  ·  B: {} to {} ({} customers)  ·  tested when each has at \
         least {}\n",
        a.from, a.to, a.customers, b.from, b.to, b.customers, changes.tested.min_count
    )?;
    let tests = changes.tested.edges.len() + changes.tested.nodes.len();
    let significant = changes
        .tested
        .edges
        .iter()
        .filter(|e| e.significant)
        .count()
        + changes
            .tested
            .nodes
            .iter()
            .filter(|n| n.significant)
            .count();
    writeln!(
        out,
        "{significant} of {tests} tested changes are significant once adjusted for their number \
         (q < 0.05, marked *); the others may be chance\n"
    )?;
    writeln!(out, "transitions (share of the first touchpoint's moves):")?;
    if changes.tested.edges.is_empty() {
        writeln!(out, "  none with enough events in both periods")?;
    }
    for e in changes.tested.edges.iter().take(top) {
        writeln!(
            out,
            "{} {} → {}: {} → {} of moves ({} of {} → {} of {}), {}",
            mark(e.significant),
            e.from,
            e.to,
            percent(e.a_share),
            percent(e.b_share),
            e.a_count,
            e.a_total,
            e.b_count,
            e.b_total,
            p_text(e.p_value)
        )?;
    }
    writeln!(out, "\ntouchpoints:")?;
    if changes.tested.nodes.is_empty() {
        writeln!(out, "  none with enough customers in both periods")?;
    }
    for n in changes.tested.nodes.iter().take(top) {
        let metric = match n.metric {
            ChangeMetric::ReachPct => "reach",
            ChangeMetric::EngagementRate => "engagement rate",
            ChangeMetric::DropoffRate => "drop-off rate",
        };
        writeln!(
            out,
            "{} {}, {metric}: {} → {} ({} of {} → {} of {}), {}",
            mark(n.significant),
            n.touchpoint,
            percent(n.a),
            percent(n.b),
            n.a_count,
            n.a_total,
            n.b_count,
            n.b_total,
            p_text(n.p_value)
        )?;
    }
    if !changes.tested.dropoff_compared {
        writeln!(
            out,
            "\ndrop-off rates are not compared: a period ended less than {inactive_days} days \
             (the inactivity threshold) before as-of, so its customers have not all had the \
             time to drop"
        )?;
    }
    Ok(())
}

fn mark(significant: bool) -> &'static str {
    if significant {
        " *"
    } else {
        "  "
    }
}

fn percent(x: f64) -> String {
    if x != 0.0 && x.abs() < 1.0 {
        format!("{x:.1}%")
    } else {
        format!("{x:.0}%")
    }
}

/// "p < 0.001", or the p-value to two significant places.
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_owned()
    } else if p < 0.01 {
        format!("p = {p:.3}")
    } else {
        format!("p = {p:.2}")
    }
}

/// Midnight UTC of a `YYYY-MM-DD` day.
fn parse_day(text: &str) -> std::result::Result<i64, String> {
    midnight(text)
        .ok_or_else(|| format!("\"{text}\" is not a day; write YYYY-MM-DD, e.g. 2026-10-31"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_read_as_people_write_them() {
        assert_eq!(p_text(0.000_2), "p < 0.001");
        assert_eq!(p_text(0.004_2), "p = 0.004");
        assert_eq!(p_text(0.159), "p = 0.16");
        assert_eq!(percent(29.4), "29%");
        assert_eq!(percent(0.5), "0.5%");
    }
}
