//! `percorso generate`: a CSV log from the demo generator, to try the importer or benchmark it.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::stdout_error;
use percorso::demo::DemoConfig;
use percorso::error::{Error, Result};
use percorso::import::generate::write_csv;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many customers to generate.
    #[arg(long)]
    pub customers: u64,
    /// The CSV file to write.
    #[arg(long)]
    pub out: PathBuf,
    /// Seed of the generator: the same seed always gives the same file.
    #[arg(long, default_value_t = DemoConfig::default().seed)]
    pub seed: u64,
    /// Rows in time order (customers interleaved), as many systems export them.
    #[arg(long)]
    pub sorted_by_time: bool,
}

pub fn run(args: &GenerateArgs, out: &mut impl Write) -> Result<()> {
    let config = DemoConfig {
        customers: args.customers,
        seed: args.seed,
        ..DemoConfig::default()
    };
    let file = std::fs::File::create(&args.out).map_err(|e| Error::io(&args.out, e))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    let events = write_csv(&config, None, args.sorted_by_time, &mut writer)
        .and_then(|n| writer.flush().map(|()| n))
        .map_err(|e| Error::io(&args.out, e))?;
    writeln!(
        out,
        "Wrote {}: {events} events of {} customers.",
        args.out.display(),
        args.customers
    )
    .map_err(stdout_error)
}
