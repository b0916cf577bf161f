//! The import wizard's commands, each a few lines over [`crate::api::import`].

use std::path::PathBuf;
use std::time::Duration;

use percorso::edit::Edited;
use percorso::import::{Detection, ImportSettings, ImportSummary, Overrides, Progress};
use percorso::journey::{Channel as TouchpointChannel, JourneyId, StageId, TouchpointId};
use percorso::workspace::RejectedPage;
use tauri::ipc::Channel;
use tauri::State;

use super::blocking;
use crate::api::import as api;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn import_detect(
    state: State<'_, AppState>,
    path: PathBuf,
    overrides: Overrides,
) -> ApiResult<Detection> {
    blocking(&state, move |_| api::detect(&path, &overrides)).await
}

#[tauri::command]
pub async fn import_preview(
    state: State<'_, AppState>,
    path: PathBuf,
    settings: ImportSettings,
) -> ApiResult<Detection> {
    blocking(&state, move |_| api::preview(&path, &settings)).await
}

#[tauri::command]
pub async fn import_run(
    state: State<'_, AppState>,
    id: u64,
    path: PathBuf,
    settings: ImportSettings,
    on_progress: Channel<Progress>,
) -> ApiResult<ImportSummary> {
    let mut send = api::throttled(Duration::from_millis(50), move |p| {
        // A closed window cannot be told; the import goes on and its result still lands.
        let _ = on_progress.send(p);
    });
    blocking(&state, move |s| {
        api::run(s, id, &path, &settings, &mut send)
    })
    .await
}

#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>, id: u64) -> ApiResult<()> {
    api::cancel(&state, id)
}

#[tauri::command]
pub async fn rejected_rows(
    state: State<'_, AppState>,
    source: Option<i64>,
    offset: u64,
    limit: u64,
) -> ApiResult<RejectedPage> {
    blocking(&state, move |s| api::rejected(s, source, offset, limit)).await
}

#[tauri::command]
pub async fn export_rejected(
    state: State<'_, AppState>,
    source: Option<i64>,
    path: PathBuf,
) -> ApiResult<()> {
    blocking(&state, move |s| api::export_rejected(s, source, &path)).await
}

#[tauri::command]
pub async fn map_value(
    state: State<'_, AppState>,
    touchpoint: TouchpointId,
    value: String,
) -> ApiResult<()> {
    blocking(&state, move |s| api::map_value(s, touchpoint, &value)).await
}

#[tauri::command]
pub async fn create_touchpoint(
    state: State<'_, AppState>,
    journey: JourneyId,
    stage: Option<StageId>,
    value: String,
    channel: Option<TouchpointChannel>,
) -> ApiResult<Edited> {
    blocking(&state, move |s| {
        api::create_touchpoint(s, journey, stage, &value, channel)
    })
    .await
}

#[tauri::command]
pub fn timezones() -> Vec<String> {
    api::timezones()
}
