//! `percorso rejected`: the rows an import could not use, with line, reason and raw text.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{stdout_error, to_json};
use percorso::error::{Error, Result};
use percorso::export::write_rejected_csv;
use percorso::workspace::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RejectedFormat {
    Table,
    Json,
    /// Source, line, reason, message and raw text, safe to open in a spreadsheet.
    Csv,
}

#[derive(Debug, Args)]
pub struct RejectedArgs {
    #[arg(long, short)]
    pub workspace: PathBuf,
    /// Only this source (its id or name).
    #[arg(long)]
    pub source: Option<String>,
    #[arg(long, value_enum, default_value_t = RejectedFormat::Table)]
    pub format: RejectedFormat,
}

pub fn run(args: &RejectedArgs, out: &mut impl Write) -> Result<()> {
    let workspace = Workspace::open(&args.workspace)?;
    let source = match &args.source {
        None => None,
        Some(wanted) => {
            let sources = workspace.sources()?;
            let found = sources
                .iter()
                .find(|s| s.id.to_string() == *wanted)
                .or_else(|| sources.iter().find(|s| s.name == *wanted))
                .ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "{}: no source {wanted:?}; its sources are {}",
                        args.workspace.display(),
                        sources
                            .iter()
                            .map(|s| format!("{} \"{}\"", s.id, s.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?;
            Some(found.id)
        }
    };
    let rows = workspace.rejected_rows(source)?;
    match args.format {
        RejectedFormat::Json => writeln!(out, "{}", to_json(&rows)?).map_err(stdout_error)?,
        RejectedFormat::Csv => write_rejected_csv(out, &rows)?,
        RejectedFormat::Table => {
            for r in &rows {
                writeln!(out, "{}:{}  {}  {}", r.source, r.line, r.reason, r.message)
                    .and_then(|()| writeln!(out, "    {}", r.raw))
                    .map_err(stdout_error)?;
            }
            writeln!(out, "{} rejected rows", rows.len()).map_err(stdout_error)?;
        }
    }
    Ok(())
}
