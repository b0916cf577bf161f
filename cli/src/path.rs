//! `percorso path`: one customer's full path, event by event.

use std::io::Write;

use super::customers::ListFormat;
use super::{stdout_error, to_json};
use percorso::engine::Engine;
use percorso::error::Result;
use percorso::export::{write_csv, Cell};

pub fn run(
    engine: &dyn Engine,
    customer: &str,
    format: ListFormat,
    out: &mut impl Write,
) -> Result<()> {
    let path = engine.customer_path(customer)?;
    match format {
        ListFormat::Json => writeln!(out, "{}", to_json(&path)?).map_err(stdout_error),
        ListFormat::Csv => {
            let rows: Vec<Vec<Cell>> = path
                .events
                .iter()
                .map(|e| {
                    vec![
                        Cell::from(e.instant.as_str()),
                        Cell::from(e.touchpoint.as_str()),
                        e.stage.as_deref().map_or(Cell::Empty, Cell::from),
                        e.event_type.as_deref().map_or(Cell::Empty, Cell::from),
                        Cell::from(e.value),
                        e.channel.as_deref().map_or(Cell::Empty, Cell::from),
                    ]
                })
                .collect();
            write_csv(
                out,
                &[
                    "instant",
                    "touchpoint",
                    "stage",
                    "event_type",
                    "value",
                    "channel",
                ],
                &rows,
            )
        }
    }
}
