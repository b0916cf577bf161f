//! CSV export shared by every command and screen that writes tables.
//!
//! A CSV opened in a spreadsheet executes cells that look like formulas, and customer ids or log
//! values come from files we do not control. So a *text* cell starting with `=`, `+`, `-`, `@`,
//! TAB or CR gets a leading `'` (OWASP's advice). Numbers are written as numbers: `-3.5` is a
//! value, not a formula, and analysts must be able to re-read it as one, so only text cells are
//! neutralised.

pub mod html;

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::analytics::Report;
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
    fn render(&self, style: CsvStyle) -> String {
        match self {
            Cell::Text(t) => neutralise(t),
            Cell::Number(x) if style.decimal_comma => x.to_string().replace('.', ","),
            Cell::Number(x) => x.to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// How a CSV is spelled: what scripts read, or what a spreadsheet in the user's language opens
/// without an import dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvStyle {
    pub delimiter: u8,
    /// Write `3,5` instead of `3.5`.
    pub decimal_comma: bool,
    /// Start with a UTF-8 byte-order mark, which tells Excel the file is UTF-8.
    pub bom: bool,
}

impl CsvStyle {
    /// RFC 4180 with `.` decimals and no BOM: the CLI's default, for scripts.
    pub const PLAIN: CsvStyle = CsvStyle {
        delimiter: b',',
        decimal_comma: false,
        bom: false,
    };

    /// For a spreadsheet in `language` ("en", "it"…): UTF-8 with BOM; where the decimal mark is a
    /// comma (Italian), `;` between fields and decimal commas, as Excel expects there.
    pub fn spreadsheet(language: &str) -> CsvStyle {
        let comma_decimals = matches!(
            language.get(..2).unwrap_or(language),
            "it" | "de" | "fr" | "es" | "pt" | "nl"
        );
        CsvStyle {
            delimiter: if comma_decimals { b';' } else { b',' },
            decimal_comma: comma_decimals,
            bom: true,
        }
    }
}

/// Writes `header` and `rows` as RFC 4180 CSV.
pub fn write_csv(out: &mut impl Write, header: &[&str], rows: &[Vec<Cell>]) -> Result<()> {
    write_csv_styled(out, header, rows, CsvStyle::PLAIN)
}

/// Writes `header` and `rows` as CSV in `style`.
pub fn write_csv_styled(
    out: &mut impl Write,
    header: &[&str],
    rows: &[Vec<Cell>],
    style: CsvStyle,
) -> Result<()> {
    if style.bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(|e| Error::io("the CSV file", e))?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(style.delimiter)
        .from_writer(out);
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| c.render(style)))
            .map_err(csv_error)?;
    }
    writer.flush().map_err(|e| Error::io("standard output", e))
}

/// One table of the report of metrics.md, as exported to CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportTable {
    /// One row per touchpoint (the report's `nodes`).
    Touchpoints,
    /// One row per observed or designed transition (`edges`).
    Transitions,
    /// The stage funnel (`stages`).
    Stages,
    /// Log values that match no touchpoint (`unmapped`).
    Unmapped,
}

/// The header and rows of one table of `report`, with the field names of metrics.md.
pub fn report_table(report: &Report, table: ReportTable) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    let flag = |b: bool| Cell::from(if b { "true" } else { "false" });
    match table {
        ReportTable::Touchpoints => (
            vec![
                "touchpoint",
                "stage",
                "touchpoint_id",
                "events",
                "customers",
                "reach_pct",
                "repeat",
                "last_here",
                "dropoff",
                "dropoff_rate",
                "median_next_s",
                "p90_next_s",
                "stalled_now",
                "completed_here",
                "engagement_rate",
                "value_mean",
                "goal",
            ],
            report
                .nodes
                .iter()
                .map(|n| {
                    vec![
                        Cell::from(n.touchpoint.as_str()),
                        Cell::from(n.stage.as_str()),
                        Cell::Number(n.touchpoint_id as f64),
                        Cell::Count(n.events),
                        Cell::Count(n.customers),
                        Cell::from(n.reach_pct),
                        Cell::from(n.repeat),
                        Cell::Count(n.last_here),
                        Cell::Count(n.dropoff),
                        Cell::from(n.dropoff_rate),
                        Cell::from(n.median_next_s),
                        Cell::from(n.p90_next_s),
                        Cell::Count(n.stalled_now),
                        Cell::Count(n.completed_here),
                        Cell::from(n.engagement_rate),
                        Cell::from(n.value_mean),
                        flag(n.goal),
                    ]
                })
                .collect(),
        ),
        ReportTable::Transitions => (
            vec![
                "from",
                "to",
                "count",
                "customers",
                "share",
                "median_s",
                "p90_s",
                "designed",
            ],
            report
                .edges
                .iter()
                .map(|e| {
                    vec![
                        Cell::from(e.from.as_str()),
                        Cell::from(e.to.as_str()),
                        Cell::Count(e.count),
                        Cell::Count(e.customers),
                        Cell::from(e.share),
                        Cell::from(e.median_s),
                        Cell::from(e.p90_s),
                        flag(e.designed),
                    ]
                })
                .collect(),
        ),
        ReportTable::Stages => (
            vec![
                "stage",
                "reached",
                "current",
                "dropped",
                "completed",
                "conversion_next",
            ],
            report
                .stages
                .iter()
                .map(|s| {
                    vec![
                        Cell::from(s.stage.as_str()),
                        Cell::Count(s.reached),
                        Cell::Count(s.current),
                        Cell::Count(s.dropped),
                        Cell::Count(s.completed),
                        Cell::from(s.conversion_next),
                    ]
                })
                .collect(),
        ),
        ReportTable::Unmapped => (
            vec!["value", "events"],
            report
                .unmapped
                .iter()
                .map(|u| vec![Cell::from(u.value.as_str()), Cell::Count(u.events)])
                .collect(),
        ),
    }
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
    crate::atomic_write::write_with(path, |staging| {
        let file = std::fs::File::create(staging).map_err(|e| Error::io(staging, e))?;
        let mut out = std::io::BufWriter::new(&file);
        write(&mut out)?;
        out.flush().map_err(|e| Error::io(path, e))
    })
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
    fn an_italian_spreadsheet_gets_a_bom_semicolons_and_decimal_commas() {
        let mut out = Vec::new();
        let rows = [vec![
            Cell::from("Negozio; centro"),
            Cell::Number(12.5),
            Cell::Count(3),
        ]];
        write_csv_styled(
            &mut out,
            &["a", "b", "c"],
            &rows,
            CsvStyle::spreadsheet("it"),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}a;b;c\n\"Negozio; centro\";12,5;3\n"
        );
        let mut out = Vec::new();
        write_csv_styled(
            &mut out,
            &["a", "b", "c"],
            &rows,
            CsvStyle::spreadsheet("en"),
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}a,b,c\nNegozio; centro,12.5,3\n"
        );
    }

    #[test]
    fn negative_numbers_stay_numbers() {
        let text = csv_of(&[vec![Cell::Number(-3.5), Cell::from("-3.5")]]);
        assert_eq!(text, "a,b\n-3.5,'-3.5\n");
    }
}
