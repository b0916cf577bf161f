//! The `percorso` command line: the same engine functions the app calls, for scripts and analysts.
//!
//! It is a crate of its own so that the engine's dependencies are the engine's alone: argument
//! parsing and progress bars stay here, out of the crate the desktop app links.

mod changes;
mod cohorts;
mod customers;
mod filters;
mod generate;
mod import;
mod journey;
mod path;
mod paths;
mod rejected;
mod report;
mod token;
mod trend;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use percorso::demo::{self, DemoConfig};
use percorso::error::{Error, Result};
use percorso::workspace::Workspace;

#[derive(Debug, Parser)]
#[command(
    name = "percorso",
    version,
    about = "Customer-journey mapping: journeys, interaction logs and where customers stall",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a demo workspace: an omnichannel retail journey and a generated log on it.
    Demo {
        /// The workspace file to create (e.g. demo.percorso).
        #[arg(long, short)]
        workspace: PathBuf,
        /// How many customers to generate.
        #[arg(long, default_value_t = DemoConfig::default().customers)]
        customers: u64,
        /// Seed of the generator: the same seed always gives the same log.
        #[arg(long, default_value_t = DemoConfig::default().seed)]
        seed: u64,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Show what a workspace holds: journeys, sources and event counts.
    Info {
        #[arg(long, short)]
        workspace: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the report of metrics.md: every touchpoint, transition and stage, and the unmapped
    /// log values.
    Report {
        #[command(flatten)]
        question: filters::Question,
        #[command(flatten)]
        spark: filters::SparkArgs,
        /// With --spark: the table to read (database.table). Otherwise the table `--format csv`
        /// writes, as --csv-table.
        #[arg(long)]
        table: Option<String>,
        /// With --spark: the customer id column.
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        customer: Option<String>,
        /// With --spark: the touchpoint column (the log values the map knows).
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        touchpoint: Option<String>,
        /// json: the object of metrics.md; csv: the touchpoints table; table: for reading.
        #[arg(long, value_enum, default_value_t = report::ReportFormat::Table)]
        format: report::ReportFormat,
        /// The table `--format csv` writes.
        #[arg(long, value_enum, conflicts_with = "table")]
        csv_table: Option<report::TableArg>,
    },
    /// List the customers behind the numbers, with their stage and status.
    Customers {
        #[command(flatten)]
        question: filters::Question,
        /// Only customers whose current stage is this (name or id).
        #[arg(long)]
        stage: Option<String>,
        /// Only customers whose latest event is at this touchpoint (name, alias or id); without
        /// --spark, --touchpoint says the same.
        #[arg(long, value_name = "TOUCHPOINT")]
        at: Option<String>,
        /// With --spark: the touchpoint column; otherwise the same as --at.
        #[arg(long)]
        touchpoint: Option<String>,
        #[command(flatten)]
        spark: filters::SparkArgs,
        /// With --spark: the table to read (database.table).
        #[arg(long, requires = "spark")]
        table: Option<String>,
        /// With --spark: the customer id column.
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        customer: Option<String>,
        /// Only customers with this status (see metrics.md, per customer).
        #[arg(long, value_enum)]
        status: Option<customers::StatusArg>,
        #[command(flatten)]
        page: customers::PageArgs,
        #[arg(long, value_enum, default_value_t = customers::ListFormat::Csv)]
        format: customers::ListFormat,
    },
    /// Print one customer's full path, event by event.
    Path {
        #[command(flatten)]
        target: filters::Target,
        /// The customer id as the log spells it.
        #[arg(long)]
        customer: String,
        #[command(flatten)]
        spark: filters::SparkArgs,
        /// With --spark: the table to read (database.table).
        #[arg(long, requires = "spark")]
        table: Option<String>,
        /// With --spark: the customer id column.
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        customer_column: Option<String>,
        /// With --spark: the touchpoint column.
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        touchpoint: Option<String>,
        /// With --spark: the channel column.
        #[arg(long, requires = "spark", value_name = "COLUMN")]
        channel: Option<String>,
        #[arg(long, value_enum, default_value_t = customers::ListFormat::Csv)]
        format: customers::ListFormat,
    },
    /// The most common complete paths (variants): customers and share of each.
    Paths {
        #[command(flatten)]
        question: filters::Question,
        /// How many paths.
        #[arg(long, default_value_t = 20)]
        top: usize,
        #[arg(long, value_enum, default_value_t = paths::PathsFormat::Table)]
        format: paths::PathsFormat,
    },
    /// The report for each day, week or month: trends of every number, filters applied.
    Trend {
        #[command(flatten)]
        question: filters::Question,
        /// The period: day, week (ISO, Monday to Sunday) or month, in UTC.
        #[arg(long, value_enum)]
        by: trend::ByArg,
        /// Only this touchpoint (name or alias), the transitions from or to it and its stage.
        #[arg(long)]
        touchpoint: Option<String>,
        /// json: each period with its report of metrics.md; csv: one table, a row per period.
        #[arg(long, value_enum, default_value_t = trend::TrendFormat::Json)]
        format: trend::TrendFormat,
        /// The table `--format csv` writes.
        #[arg(long, value_enum, default_value_t)]
        table: report::TableArg,
    },
    /// Customers grouped by the week or month of their first event: the share still active
    /// in each later period (retention) and where the churned ones stopped.
    Cohorts {
        #[command(flatten)]
        question: filters::Question,
        /// The cohorts' period: week (ISO, Monday to Sunday) or month, in UTC.
        #[arg(long, value_enum)]
        by: cohorts::CohortBy,
        /// json: every cohort with its retention and churn; csv: one table.
        #[arg(long, value_enum, default_value_t = cohorts::CohortFormat::Json)]
        format: cohorts::CohortFormat,
        /// The table `--format csv` writes.
        #[arg(long, value_enum, default_value_t)]
        table: cohorts::CohortTable,
    },
    /// What changed between two periods: the transitions and touchpoints whose rates moved,
    /// most significant first (two-proportion z-test).
    Changes(Box<changes::ChangesArgs>),
    /// Import a log (CSV, XES, JSON Lines, Parquet) into a workspace: what a flag leaves out is
    /// detected.
    Import(Box<import::ImportArgs>),
    /// List the rows that imports rejected, with line, reason and raw text.
    Rejected(rejected::RejectedArgs),
    /// Write a log (CSV or XES) from the demo generator.
    Generate(generate::GenerateArgs),
    /// Journey files and templates: export, import, new, templates.
    Journey(journey::JourneyArgs),
    /// Keep a Spark token in the system keyring (read from standard input), or --forget it.
    /// `--spark` and the app then connect with it; PERCORSO_SPARK_TOKEN, when set, comes first.
    SparkToken(token::TokenArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("percorso: {e}");
            if let Some(hint) = hint(&e) {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The option that resolves `e` on the command line. The engine's messages name no CLI flag,
/// since the app shows them too.
fn hint(e: &percorso::Error) -> Option<String> {
    use percorso::Error;
    match e {
        Error::WorkspaceExists { .. } => Some("pass --force to replace it".to_owned()),
        Error::AlreadyImported { .. } => Some("pass --force to import it a second time".to_owned()),
        Error::AmbiguousTimestamp { .. } => {
            Some("pass --timestamp-format dd/mm/yyyy or --timestamp-format mm/dd/yyyy".to_owned())
        }
        Error::MissingRole { role } => Some(format!(
            "pass --{} COLUMN to name the column that holds it",
            role.replace('_', "-")
        )),
        _ => None,
    }
}

/// Runs one command, writing its output to `out`.
pub fn run(cli: Cli, out: &mut impl Write) -> Result<()> {
    match cli.command {
        Command::Demo {
            workspace,
            customers,
            seed,
            force,
        } => {
            let config = DemoConfig {
                customers,
                seed,
                ..DemoConfig::default()
            };
            let ws = demo::create(&workspace, force, &config)?;
            let summary = ws.summary()?;
            let touchpoints: u32 = summary.journeys.iter().map(|j| j.touchpoints).sum();
            writeln!(
                out,
                "Wrote {}: {} journeys, {} touchpoints, {} events.",
                workspace.display(),
                summary.journeys.len(),
                touchpoints,
                summary.events
            )
            .map_err(stdout_error)?;
        }
        Command::Info { workspace, json } => {
            let summary = Workspace::open(&workspace)?.summary()?;
            if json {
                let text = serde_json::to_string_pretty(&summary)
                    .map_err(|e| Error::InvalidInput(e.to_string()))?;
                writeln!(out, "{text}").map_err(stdout_error)?;
            } else {
                writeln!(out, "{} (format {})", summary.path, summary.format_version)
                    .map_err(stdout_error)?;
                for j in &summary.journeys {
                    writeln!(
                        out,
                        "journey {:>3}  {}: {} stages, {} touchpoints, {} transitions",
                        j.id, j.name, j.stages, j.touchpoints, j.transitions
                    )
                    .map_err(stdout_error)?;
                }
                for s in &summary.sources {
                    writeln!(
                        out,
                        "source  {:>3}  {}: {} events from {} rows ({} rejected, {} duplicates)",
                        s.id, s.name, s.events_imported, s.rows_read, s.rows_rejected, s.duplicates
                    )
                    .map_err(stdout_error)?;
                }
                writeln!(out, "{} events in all", summary.events).map_err(stdout_error)?;
            }
        }
        Command::Report {
            question,
            spark,
            table,
            customer,
            touchpoint,
            format,
            csv_table,
        } => {
            let (csv_table, spark_table) = match (&spark.spark, table) {
                (Some(_), table) => (csv_table.unwrap_or_default(), table),
                (None, Some(name)) => (report::TableArg::parse(&name)?, None),
                (None, None) => (csv_table.unwrap_or_default(), None),
            };
            let names = filters::SparkTable {
                table: spark_table.as_deref(),
                customer: customer.as_deref(),
                touchpoint: touchpoint.as_deref(),
            };
            let (engine, params) = question.engine(&spark, &names)?;
            report::run(engine.as_ref(), &params, format, csv_table.into(), out)?
        }
        Command::Customers {
            question,
            stage,
            at,
            touchpoint,
            status,
            page,
            format,
            spark,
            table,
            customer,
        } => {
            let (at, touchpoint_column) = match &spark.spark {
                Some(_) => (at, touchpoint),
                None => (at.or(touchpoint), None),
            };
            let selection = customers::Selection {
                stage: stage.as_deref(),
                touchpoint: at.as_deref(),
                status,
                page,
            };
            let names = filters::SparkTable {
                table: table.as_deref(),
                customer: customer.as_deref(),
                touchpoint: touchpoint_column.as_deref(),
            };
            let (engine, params) = question.engine(&spark, &names)?;
            customers::run(engine.as_ref(), &params, &selection, format, out)?
        }
        Command::Path {
            target,
            customer,
            format,
            spark,
            table,
            customer_column,
            touchpoint,
            channel,
        } => {
            let engine: Box<dyn percorso::engine::Engine> = match &spark.spark {
                Some(_) => {
                    let mut question = filters::Question::of_target(target);
                    question.channel.extend(channel);
                    let names = filters::SparkTable {
                        table: table.as_deref(),
                        customer: customer_column.as_deref(),
                        touchpoint: touchpoint.as_deref(),
                    };
                    question.engine(&spark, &names)?.0
                }
                None => Box::new(target.analysis()?),
            };
            path::run(engine.as_ref(), &customer, format, out)?
        }
        Command::Paths {
            question,
            top,
            format,
        } => paths::run(&question, top, format, out)?,
        Command::Trend {
            question,
            by,
            touchpoint,
            format,
            table,
        } => trend::run(&question, by, touchpoint.as_deref(), format, table, out)?,
        Command::Cohorts {
            question,
            by,
            format,
            table,
        } => cohorts::run(&question, by, format, table, out)?,
        Command::Changes(args) => changes::run(&args, out)?,
        Command::Import(args) => import::run(&args, out)?,
        Command::Rejected(args) => rejected::run(&args, out)?,
        Command::Generate(args) => generate::run(&args, out)?,
        Command::Journey(args) => journey::run(&args, out)?,
        Command::SparkToken(args) => token::run(&args, &mut std::io::stdin().lock(), out)?,
    }
    Ok(())
}

fn to_json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(|e| Error::InvalidInput(e.to_string()))
}

fn stdout_error(e: std::io::Error) -> Error {
    Error::io("standard output", e)
}
