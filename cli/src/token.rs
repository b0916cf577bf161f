//! `percorso spark-token`: keeps a Spark token in the system keyring, or removes it, so that
//! `--spark` and the app connect with it. The token is read from standard input, never from
//! the command line, so it stays out of the shell's history and the process list.

use std::io::{BufRead, Write};

use clap::Args;
use percorso::error::{Error, Result};
use percorso::spark::SparkSource;

#[derive(Debug, Args)]
pub struct TokenArgs {
    /// The Spark Connect server the token is for: sc://host:port.
    #[arg(long, value_name = "URL")]
    pub url: String,
    /// Remove the server's token from the keyring instead.
    #[arg(long)]
    pub forget: bool,
}

pub fn run(args: &TokenArgs, input: &mut impl BufRead, out: &mut impl Write) -> Result<()> {
    let source = SparkSource {
        url: args.url.clone(),
        ..SparkSource::default()
    };
    let server = source.host_port();
    let said = if args.forget {
        if source.forget_token()? {
            format!("removed the token for {server} from the system keyring")
        } else {
            format!("the system keyring held no token for {server}")
        }
    } else {
        let mut token = String::new();
        input
            .read_line(&mut token)
            .map_err(|e| Error::io("standard input", e))?;
        source.remember_token(&token)?;
        format!("kept the token for {server} in the system keyring")
    };
    writeln!(out, "{said}").map_err(super::stdout_error)
}
