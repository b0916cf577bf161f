//! `percorso import`: detect, import with a progress bar, and print the summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{stdout_error, to_json};
use percorso::error::{Error, Result};
use percorso::import::{
    self, Encoding, ImportPhase, ImportSummary, Overrides, Progress, TimestampFormat,
};
use percorso::journey::JourneyId;
use percorso::workspace::Workspace;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The log to import: CSV, XES, JSON Lines or Parquet, plain or gzip- or zstd-compressed.
    pub file: PathBuf,
    /// The workspace to import into; created when it does not exist.
    #[arg(long, short)]
    pub workspace: PathBuf,
    /// The column of customer ids (header name or 1-based number); detected when left out.
    #[arg(long)]
    pub customer: Option<String>,
    /// The column of timestamps.
    #[arg(long)]
    pub timestamp: Option<String>,
    /// The column of touchpoint values.
    #[arg(long)]
    pub touchpoint: Option<String>,
    /// The column of channels.
    #[arg(long)]
    pub channel: Option<String>,
    /// The column of event types.
    #[arg(long)]
    pub event: Option<String>,
    /// The column of numeric values (amount, score…).
    #[arg(long)]
    pub value: Option<String>,
    /// A column of customer segment attributes; repeat for several.
    #[arg(long)]
    pub segment: Vec<String>,
    /// The field separator: , ; | or tab.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// The text encoding: utf-8, utf-16le, utf-16be or windows-1252.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The first line is data, not column names.
    #[arg(long)]
    pub no_header: bool,
    /// iso, dd/mm/yyyy, mm/dd/yyyy, dd.mm.yyyy, epoch_s, epoch_ms, or a strftime pattern.
    #[arg(long)]
    pub timestamp_format: Option<String>,
    /// IANA zone for timestamps without an offset (default: this machine's zone).
    #[arg(long)]
    pub timezone: Option<String>,
    /// The source's name in the workspace (default: the file name).
    #[arg(long)]
    pub name: Option<String>,
    /// The journey whose touchpoints values are matched to (default: the first).
    #[arg(long)]
    pub journey: Option<i64>,
    /// Import even if this file's content was imported before.
    #[arg(long)]
    pub force: bool,
    /// Print the summary as JSON (metrics.md).
    #[arg(long)]
    pub json: bool,
}

impl ImportArgs {
    fn overrides(&self) -> Result<Overrides> {
        let delimiter = self.delimiter.as_deref().map(parse_delimiter).transpose()?;
        let encoding = self
            .encoding
            .as_deref()
            .map(|e| {
                Encoding::parse_name(e).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "--encoding {e:?} is unknown; use utf-8, utf-16le, utf-16be or windows-1252"
                    ))
                })
            })
            .transpose()?;
        Ok(Overrides {
            source_name: self.name.clone(),
            encoding,
            delimiter,
            has_header: self.no_header.then_some(false),
            customer: self.customer.clone(),
            timestamp: self.timestamp.clone(),
            touchpoint: self.touchpoint.clone(),
            channel: self.channel.clone(),
            event_type: self.event.clone(),
            value: self.value.clone(),
            segments: self.segment.clone(),
            timestamp_format: self
                .timestamp_format
                .as_deref()
                .map(TimestampFormat::parse_name)
                .transpose()?,
            timezone: self.timezone.clone(),
        })
    }
}

fn parse_delimiter(text: &str) -> Result<char> {
    match text {
        "tab" | "TAB" | "\\t" | "\t" => Ok('\t'),
        _ => {
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii() => Ok(c),
                _ => Err(Error::InvalidInput(format!(
                    "--delimiter {text:?} must be one ASCII character such as , ; | or the word tab"
                ))),
            }
        }
    }
}

pub fn run(args: &ImportArgs, out: &mut impl Write) -> Result<()> {
    let detection = import::detect(&args.file, &args.overrides()?)?;
    eprintln!("{}", detection.reading());
    let mut settings = detection.settings;
    settings.force = args.force;
    settings.journey = args.journey.map(JourneyId);
    let bar = (std::io::stderr().is_terminal() && std::io::stdout().is_terminal()).then(|| {
        let bar = ProgressBar::new(detection.file_size);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} importing [{bar:40}] {bytes}/{total_bytes} ({eta}) {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        bar
    });
    let mut on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_position(p.bytes_read);
            if p.phase == ImportPhase::Storing {
                bar.set_message("saving the workspace");
            }
        }
    };
    let never = AtomicBool::new(false);
    let mut run_import = |workspace: &mut Workspace| {
        import::import_file(workspace, &args.file, &settings, &mut on_progress, &never)
    };
    // A new workspace is written only if the import succeeds, so a failure leaves no file.
    let summary = if args.workspace.exists() {
        run_import(&mut Workspace::open(&args.workspace)?)
    } else {
        let mut done = None;
        Workspace::build(&args.workspace, false, |w| {
            done = Some(run_import(w)?);
            Ok(())
        })
        .and_then(|_| done.ok_or_else(|| Error::InvalidInput("the import did not run".into())))
    };
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = summary?;
    if args.json {
        writeln!(out, "{}", to_json(&summary)?).map_err(stdout_error)?;
    } else {
        print_summary(&summary, args, out).map_err(stdout_error)?;
    }
    Ok(())
}

fn print_summary(
    s: &ImportSummary,
    args: &ImportArgs,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "Imported {} into {} as source {} \"{}\" (timestamps without offset read in {}).",
        args.file.display(),
        args.workspace.display(),
        s.source_id,
        s.source,
        s.timezone
    )?;
    writeln!(out, "  rows read        {:>10}", s.rows_read)?;
    writeln!(out, "  events imported  {:>10}", s.events_imported)?;
    writeln!(out, "  rows rejected    {:>10}", s.rows_rejected)?;
    for (reason, n) in &s.rejected_by_reason {
        writeln!(out, "    {reason:<22} {n:>6}")?;
    }
    writeln!(out, "  duplicates       {:>10}", s.duplicates)?;
    if s.journey_created {
        writeln!(
            out,
            "The workspace had no journey: journey {} was made with one touchpoint per log value, in stage \"Unassigned\".",
            s.journey
        )?;
    }
    if !s.unmapped.is_empty() {
        writeln!(
            out,
            "{} log values match no touchpoint of journey {} (kept and counted as unmapped):",
            s.unmapped.len(),
            s.journey
        )?;
        for u in &s.unmapped {
            writeln!(out, "  {:>10} events  {}", u.events, u.value)?;
        }
    }
    if s.rows_rejected > 0 {
        writeln!(
            out,
            "See the rejected rows with: percorso rejected --workspace {} --source {}",
            args.workspace.display(),
            s.source_id
        )?;
    }
    Ok(())
}
