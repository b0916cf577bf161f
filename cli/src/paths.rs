//! `percorso paths`: the most common complete paths (variants), with their customers and share.

use std::io::Write;

use clap::ValueEnum;

use super::filters::Question;
use super::{stdout_error, to_json};
use percorso::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PathsFormat {
    Table,
    Json,
}

pub fn run(
    question: &Question,
    top: usize,
    format: PathsFormat,
    out: &mut impl Write,
) -> Result<()> {
    let analysis = question.analysis()?;
    let evaluation = analysis.evaluate(&question.params())?;
    let variants = analysis.variants(&evaluation, top)?;
    match format {
        PathsFormat::Json => writeln!(out, "{}", to_json(&variants)?).map_err(stdout_error),
        PathsFormat::Table => {
            writeln!(out, "{:>4}  {:>9}  {:>6}  path", "#", "customers", "share")
                .map_err(stdout_error)?;
            for (i, v) in variants.iter().enumerate() {
                let share = v
                    .share
                    .map_or_else(|| "-".to_owned(), |s| format!("{s:.1}%"));
                writeln!(
                    out,
                    "{:>4}  {:>9}  {:>6}  {}",
                    i + 1,
                    v.customers,
                    share,
                    v.path.join(" → ")
                )
                .map_err(stdout_error)?;
            }
            Ok(())
        }
    }
}
