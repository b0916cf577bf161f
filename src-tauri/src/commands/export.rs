//! Export commands, each a few lines over [`crate::api::export`].

use std::path::PathBuf;

use percorso::analytics::Params;
use percorso::export::html::HtmlPage;
use percorso::export::ReportTable;
use percorso::journey::JourneyId;
use percorso::render::Paper;
use tauri::State;

use super::blocking;
use crate::api::export::{self as api, DataFormat, MapFormat};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn export_map(
    state: State<'_, AppState>,
    format: MapFormat,
    pages: Vec<String>,
    paper: Paper,
    path: PathBuf,
) -> ApiResult<()> {
    blocking(&state, move |_| {
        api::export_map(format, &pages, paper, &path)
    })
    .await
}

#[tauri::command]
pub async fn export_html(
    state: State<'_, AppState>,
    page: HtmlPage,
    path: PathBuf,
) -> ApiResult<u64> {
    blocking(&state, move |_| api::export_html(&page, &path)).await
}

#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn export_report(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    format: DataFormat,
    table: ReportTable,
    language: String,
    path: PathBuf,
) -> ApiResult<()> {
    blocking(&state, move |s| {
        api::export_report(s, journey, &params, format, table, &language, &path)
    })
    .await
}
