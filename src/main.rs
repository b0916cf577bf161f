use std::process::ExitCode;

use clap::Parser;
use percorso::cli::{run, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli, &mut std::io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("percorso: {e}");
            ExitCode::FAILURE
        }
    }
}
