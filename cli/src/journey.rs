//! `percorso journey …`: journey files (export and import), new journeys from templates, and
//! journeys discovered from the log.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::stdout_error;
use percorso::analytics::{Analysis, Discovery, Params};
use percorso::document::{self, JourneyFile};
use percorso::error::{Error, Result};
use percorso::journey::JourneyId;
use percorso::templates;
use percorso::workspace::Workspace;

#[derive(Debug, Args)]
pub struct JourneyArgs {
    #[command(subcommand)]
    pub command: JourneyCommand,
}

#[derive(Debug, Subcommand)]
pub enum JourneyCommand {
    /// Write a journey as a JSON journey file (for version control and sharing).
    Export {
        /// The workspace file (.percorso).
        #[arg(long, short)]
        workspace: PathBuf,
        /// The journey: its id or its name.
        #[arg(long, short)]
        journey: String,
        /// The file to write (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Add the journey of a JSON journey file to a workspace, as a new journey.
    Import {
        /// The journey file (.json) written by `percorso journey export` or the app.
        file: PathBuf,
        #[arg(long, short)]
        workspace: PathBuf,
    },
    /// Add a new journey from a template (see `percorso journey templates`).
    New {
        #[arg(long, short)]
        workspace: PathBuf,
        #[arg(long, short)]
        template: String,
    },
    /// List the templates of `percorso journey new`.
    Templates,
    /// Propose a journey from the log (stages in order, a touchpoint per log value, the most
    /// used transitions) and add it to the workspace.
    Discover {
        #[arg(long, short)]
        workspace: PathBuf,
        /// How many stages (1 to 10; default: chosen from the data).
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=10))]
        stages: Option<u8>,
        /// The new journey's name.
        #[arg(long, default_value = "Discovered journey")]
        name: String,
        /// Print the proposal without adding it.
        #[arg(long)]
        dry_run: bool,
        /// With --dry-run: json prints the journey file (as `percorso journey export` writes
        /// it); table lists the stages and their values.
        #[arg(long, value_enum, default_value_t = DiscoverFormat::Table)]
        format: DiscoverFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiscoverFormat {
    Table,
    Json,
}

pub fn run(args: &JourneyArgs, out: &mut impl Write) -> Result<()> {
    match &args.command {
        JourneyCommand::Export {
            workspace,
            journey,
            output,
        } => {
            let ws = Workspace::open(workspace)?;
            let id = resolve(&ws, journey)?;
            let file = ws.export_journey(id)?;
            match output {
                Some(path) => {
                    document::write(path, &file)?;
                    writeln!(
                        out,
                        "Wrote journey {id} \"{}\" to {}.",
                        file.name,
                        path.display()
                    )
                    .map_err(stdout_error)
                }
                None => write!(out, "{}", file.to_text()?).map_err(stdout_error),
            }
        }
        JourneyCommand::Import { file, workspace } => {
            let parsed: JourneyFile = document::read(file)?;
            let mut ws = Workspace::open(workspace)?;
            let id = ws.import_journey(&parsed)?;
            let summary = ws.journey(id)?.summary();
            writeln!(
                out,
                "Imported journey {id} \"{}\": {} stages, {} touchpoints, {} transitions.",
                summary.name, summary.stages, summary.touchpoints, summary.transitions
            )
            .map_err(stdout_error)
        }
        JourneyCommand::New {
            workspace,
            template,
        } => {
            let mut ws = Workspace::open(workspace)?;
            let id = ws.new_journey_from_template(template)?;
            let summary = ws.journey(id)?.summary();
            writeln!(
                out,
                "Added journey {id} \"{}\": {} stages, {} touchpoints, {} transitions.",
                summary.name, summary.stages, summary.touchpoints, summary.transitions
            )
            .map_err(stdout_error)
        }
        JourneyCommand::Discover {
            workspace,
            stages,
            name,
            dry_run,
            format,
        } => discover(
            workspace,
            stages.map(usize::from),
            name,
            *dry_run,
            *format,
            out,
        ),
        JourneyCommand::Templates => {
            for t in templates::all() {
                let info = t.info();
                writeln!(
                    out,
                    "{:<20} {} ({} stages, {} touchpoints)",
                    info.key, info.name, info.stages, info.touchpoints
                )
                .map_err(stdout_error)?;
            }
            Ok(())
        }
    }
}

fn discover(
    workspace: &Path,
    stages: Option<usize>,
    name: &str,
    dry_run: bool,
    format: DiscoverFormat,
    out: &mut impl Write,
) -> Result<()> {
    let mut ws = Workspace::open(workspace)?;
    let analysis = Analysis::of_log_values(&ws)?;
    let evaluation = analysis.evaluate(&Params::default())?;
    let discovery = analysis.discover(&evaluation, stages, name)?;
    let journey = &discovery.journey;
    if dry_run {
        return match format {
            DiscoverFormat::Json => {
                write!(out, "{}", JourneyFile::of(journey)?.to_text()?).map_err(stdout_error)
            }
            DiscoverFormat::Table => {
                for (i, stage) in journey.stages.iter().enumerate() {
                    let values: Vec<String> = discovery
                        .values
                        .iter()
                        .filter(|v| v.stage == i)
                        .map(|v| {
                            let marks = match (v.entry, v.goal) {
                                (true, true) => " (entry, goal)",
                                (true, false) => " (entry)",
                                (false, true) => " (goal)",
                                (false, false) => "",
                            };
                            format!("{}{marks}", v.name)
                        })
                        .collect();
                    writeln!(out, "{:>2}. {}: {}", i + 1, stage.name, values.join(", "))
                        .map_err(stdout_error)?;
                }
                writeln!(out, "{}", counted(&discovery)).map_err(stdout_error)
            }
        };
    }
    let id = ws.insert_discovered_journey(journey)?;
    writeln!(
        out,
        "Added journey {id} \"{}\": {}",
        journey.name,
        counted(&discovery)
    )
    .map_err(stdout_error)
}

/// "6 stages (chosen from the data), 28 touchpoints, 70 transitions."
fn counted(discovery: &Discovery) -> String {
    let j = &discovery.journey;
    format!(
        "{} stages ({}), {} touchpoints, {} transitions.",
        j.stages.len(),
        if discovery.chosen {
            "chosen from the data"
        } else {
            "as asked"
        },
        j.touchpoints.len(),
        j.transitions.len()
    )
}

/// The journey a user names by id or by name; a name several journeys share is refused.
pub fn resolve(ws: &Workspace, given: &str) -> Result<JourneyId> {
    let journeys = ws.journeys()?;
    if let Ok(n) = given.trim().parse::<i64>() {
        if let Some(j) = journeys.iter().find(|j| j.id.0 == n) {
            return Ok(j.id);
        }
    }
    let named: Vec<_> = journeys.iter().filter(|j| j.name == given).collect();
    match named.as_slice() {
        [one] => Ok(one.id),
        [] => {
            let list: Vec<String> = journeys
                .iter()
                .map(|j| format!("{} \"{}\"", j.id, j.name))
                .collect();
            Err(Error::InvalidInput(format!(
                "no journey \"{given}\" in this workspace; its journeys are: {}",
                if list.is_empty() {
                    "none".to_owned()
                } else {
                    list.join(", ")
                }
            )))
        }
        several => {
            let ids: Vec<String> = several.iter().map(|j| j.id.to_string()).collect();
            Err(Error::InvalidInput(format!(
                "several journeys are named \"{given}\" (ids {}); give the id",
                ids.join(", ")
            )))
        }
    }
}
