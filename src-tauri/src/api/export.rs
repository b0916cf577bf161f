//! Exports: the map as shown (PNG, SVG, PDF) and the report's numbers (CSV, JSON).

use std::io::Write;
use std::path::Path;

use percorso::analytics::Params;
use percorso::export::html::{write_html, HtmlPage};
use percorso::export::{report_table, write_csv_styled, write_file, CsvStyle, ReportTable};
use percorso::journey::JourneyId;
use percorso::render::{svg_to_png, svgs_to_pdf, Paper};
use serde::Deserialize;
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

/// How the map leaves the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MapFormat {
    /// The first page at twice its size.
    Png,
    /// The first page as drawn.
    Svg,
    /// Every page, on landscape paper.
    Pdf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DataFormat {
    Csv,
    Json,
}

fn write_bytes(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    write_file(path, |out| {
        out.write_all(bytes)
            .map_err(|e| percorso::Error::io(path, e))
    })?;
    Ok(())
}

/// Writes the map drawn by the UI: `pages[0]` is the map, the rest one page per stage (PDF).
pub fn export_map(format: MapFormat, pages: &[String], paper: Paper, path: &Path) -> ApiResult<()> {
    let first = pages.first().ok_or_else(|| {
        ApiError::from(percorso::Error::InvalidInput(
            "there is nothing to export".into(),
        ))
    })?;
    match format {
        MapFormat::Png => write_bytes(path, &svg_to_png(first, 2.0)?),
        MapFormat::Svg => write_bytes(path, first.as_bytes()),
        MapFormat::Pdf => write_bytes(path, &svgs_to_pdf(pages, paper)?),
    }
}

/// Writes the interactive HTML page the UI composed; returns its size in bytes.
pub fn export_html(page: &HtmlPage, path: &Path) -> ApiResult<u64> {
    Ok(write_html(page, path)?)
}

/// Writes the report of `journey` on what `params` keep: one table as CSV for a spreadsheet in
/// `language`, or the whole report as the JSON of metrics.md.
pub fn export_report(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    format: DataFormat,
    table: ReportTable,
    language: &str,
    path: &Path,
) -> ApiResult<()> {
    let report = state.lock()?.analysis(journey)?.report(params)?;
    match format {
        DataFormat::Json => {
            let text = serde_json::to_string_pretty(&report).map_err(|e| {
                ApiError::from(percorso::Error::InvalidInput(format!(
                    "cannot write the report as JSON: {e}"
                )))
            })?;
            write_bytes(path, text.as_bytes())
        }
        DataFormat::Csv => {
            let (header, rows) = report_table(&report, table);
            write_file(path, |out| {
                write_csv_styled(out, &header, &rows, CsvStyle::spreadsheet(language))
            })?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#0f766e"/></svg>"##;

    #[test]
    fn the_map_is_written_as_png_svg_and_pdf() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("map.png");
        export_map(MapFormat::Png, &[SVG.into()], Paper::A4, &png).unwrap();
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 400);
        let svg = dir.path().join("map.svg");
        export_map(MapFormat::Svg, &[SVG.into()], Paper::A4, &svg).unwrap();
        assert_eq!(std::fs::read_to_string(&svg).unwrap(), SVG);
        let pdf = dir.path().join("map.pdf");
        export_map(
            MapFormat::Pdf,
            &[SVG.into(), SVG.into()],
            Paper::Letter,
            &pdf,
        )
        .unwrap();
        let text = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
        assert!(text.starts_with("%PDF-") && text.contains("/Count 2"));
        assert!(export_map(MapFormat::Png, &[], Paper::A4, &png).is_err());
    }

    #[test]
    fn the_report_is_written_as_an_italian_spreadsheet_or_as_the_contracts_json() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        let id = api::workspace_summary(&state).unwrap().journeys[0].id;
        let csv = dir.path().join("stages.csv");
        let params = Params::default();
        export_report(
            &state,
            id,
            &params,
            DataFormat::Csv,
            ReportTable::Stages,
            "it",
            &csv,
        )
        .unwrap();
        let text = std::fs::read_to_string(&csv).unwrap();
        assert!(
            text.starts_with("\u{feff}stage;reached;current;dropped;completed;conversion_next\n"),
            "{text}"
        );
        let report = api::report(&state, id, &params).unwrap();
        let first = &report.stages[0];
        let conversion = first.conversion_next.unwrap().to_string().replace('.', ",");
        assert!(
            text.contains(&format!("{};{};", first.stage, first.reached))
                && text.contains(&conversion),
            "{text}"
        );
        let json = dir.path().join("report.json");
        export_report(
            &state,
            id,
            &params,
            DataFormat::Json,
            ReportTable::Touchpoints,
            "en",
            &json,
        )
        .unwrap();
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(value["events"], serde_json::json!(report.events));
        assert_eq!(value["nodes"].as_array().unwrap().len(), report.nodes.len());
    }
}
