//! `percorso journey …`: journey files (export and import) and new journeys from templates.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::stdout_error;
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
