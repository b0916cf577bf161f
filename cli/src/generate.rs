//! `percorso generate`: a log from the demo generator (CSV or XES, gzip-compressed when the file
//! name ends in `.gz`), to try the importer or benchmark it.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::stdout_error;
use percorso::demo::DemoConfig;
use percorso::error::{Error, Result};
use percorso::import::generate::{write_csv_with, write_xes, Offsets};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many customers to generate.
    #[arg(long)]
    pub customers: u64,
    /// The file to write; a name ending in `.gz` is gzip-compressed.
    #[arg(long)]
    pub out: PathBuf,
    /// The log's format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Seed of the generator: the same seed always gives the same file.
    #[arg(long, default_value_t = DemoConfig::default().seed)]
    pub seed: u64,
    /// Rows in time order (customers interleaved), as many systems export them.
    #[arg(long)]
    pub sorted_by_time: bool,
    /// How timestamps are written: `utc` (`…Z`), or `mixed`: each customer in the local time of
    /// one of six offsets from -08:00 to +05:30, with the offset (the same instants).
    #[arg(long, value_enum, default_value_t = OffsetsArg::Utc)]
    pub offsets: OffsetsArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OffsetsArg {
    Utc,
    Mixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    /// An XES event log, a trace per customer.
    Xes,
}

pub fn run(args: &GenerateArgs, out: &mut impl Write) -> Result<()> {
    let config = DemoConfig {
        customers: args.customers,
        seed: args.seed,
        ..DemoConfig::default()
    };
    let file = std::fs::File::create(&args.out).map_err(|e| Error::io(&args.out, e))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let write = |out: &mut dyn Write| match args.format {
        Format::Csv => {
            let offsets = match args.offsets {
                OffsetsArg::Utc => Offsets::Utc,
                OffsetsArg::Mixed => Offsets::Mixed,
            };
            write_csv_with(&config, None, args.sorted_by_time, offsets, &mut &mut *out)
        }
        Format::Xes => write_xes(&config, &mut &mut *out),
    };
    let written = if args.out.extension().is_some_and(|e| e == "gz") {
        let mut encoder = flate2::write::GzEncoder::new(writer, flate2::Compression::default());
        write(&mut encoder).and_then(|n| encoder.finish()?.flush().map(|()| n))
    } else {
        write(&mut writer).and_then(|n| writer.flush().map(|()| n))
    };
    let events = written.map_err(|e| Error::io(&args.out, e))?;
    writeln!(
        out,
        "Wrote {}: {events} events of {} customers.",
        args.out.display(),
        args.customers
    )
    .map_err(stdout_error)
}
