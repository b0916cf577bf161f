//! CSV export shared by every command and screen that writes tables.
//!
//! A CSV opened in a spreadsheet executes cells that look like formulas, and customer ids or log
//! values come from files we do not control. So a *text* cell starting with `=`, `+`, `-`, `@`,
//! TAB or CR gets a leading `'` (OWASP's advice). Numbers are written as numbers: `-3.5` is a
//! value, not a formula, and analysts must be able to re-read it as one, so only text cells are
//! neutralised.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::import::RejectedRow;

/// One cell of an exported row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Count(u64),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::Text(text.to_owned())
    }
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Self {
        value.map_or(Cell::Empty, Cell::Number)
    }
}

/// The text a spreadsheet will read as text, never as a formula.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

impl Cell {
    fn render(&self) -> String {
        match self {
            Cell::Text(t) => neutralise(t),
            Cell::Number(x) => x.to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Writes `header` and `rows` as RFC 4180 CSV.
pub fn write_csv(out: &mut impl Write, header: &[&str], rows: &[Vec<Cell>]) -> Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer
            .write_record(row.iter().map(Cell::render))
            .map_err(csv_error)?;
    }
    writer.flush().map_err(|e| Error::io("standard output", e))
}

/// Writes rejected rows as CSV with the columns of `percorso rejected`: source, line, reason,
/// message and the raw text of the row, each neutralised like any other text cell.
pub fn write_rejected_csv(out: &mut impl Write, rows: &[RejectedRow]) -> Result<()> {
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            vec![
                Cell::from(r.source.as_str()),
                Cell::Count(r.line),
                Cell::from(r.reason.as_str()),
                Cell::from(r.message.as_str()),
                Cell::from(r.raw.as_str()),
            ]
        })
        .collect();
    write_csv(out, &["source", "line", "reason", "message", "raw"], &cells)
}

/// Writes a CSV file at `path` through `write`, replacing the file only once it is complete.
pub fn write_file(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<&std::fs::File>) -> Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staged = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    {
        let mut out = std::io::BufWriter::new(staged.as_file());
        write(&mut out)?;
        out.flush().map_err(|e| Error::io(path, e))?;
    }
    staged.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

fn csv_error(e: csv::Error) -> Error {
    Error::InvalidInput(format!("cannot write CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_of(rows: &[Vec<Cell>]) -> String {
        let mut out = Vec::new();
        write_csv(&mut out, &["a", "b"], rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_formula_in_a_text_cell_is_written_as_text() {
        let text = csv_of(&[vec![
            Cell::from(r#"=HYPERLINK("http://x","y")"#),
            Cell::from("@cmd"),
        ]]);
        assert_eq!(
            text,
            "a,b\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@cmd\n"
        );
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        let text = csv_of(&[vec![Cell::Number(-3.5), Cell::from("-3.5")]]);
        assert_eq!(text, "a,b\n-3.5,'-3.5\n");
    }
}
