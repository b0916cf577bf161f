//! Tauri commands: each runs its handler from [`crate::api`] on a blocking thread, so the window
//! never waits for the disk.

use std::path::PathBuf;

use percorso::analytics::{
    CustomerPage, CustomerPath, CustomerQuery, CustomerRow, Dimensions, Histogram, Params, Report,
    Timeline,
};
use percorso::edit::{Edit, Edited, History};
use percorso::journey::{JourneyId, TouchpointId};
use percorso::templates::TemplateInfo;
use percorso::{Journey, Warning, WorkspaceSummary};
use tauri::State;

use crate::api;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub mod export;
pub mod files;
pub mod import;
pub mod present;

async fn blocking<T: Send + 'static>(
    state: &AppState,
    handler: impl FnOnce(&AppState) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let state = state.clone();
    tauri::async_runtime::spawn_blocking(move || handler(&state))
        .await
        .map_err(ApiError::task_failed)?
}

#[tauri::command]
pub async fn workspace_summary(state: State<'_, AppState>) -> ApiResult<WorkspaceSummary> {
    blocking(&state, api::workspace_summary).await
}

#[tauri::command]
pub async fn journey(state: State<'_, AppState>, id: JourneyId) -> ApiResult<Journey> {
    blocking(&state, move |s| api::journey(s, id)).await
}

#[tauri::command]
pub async fn report(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
) -> ApiResult<Report> {
    blocking(&state, move |s| api::report(s, journey, &params)).await
}

#[tauri::command]
pub async fn customer_path(
    state: State<'_, AppState>,
    journey: JourneyId,
    customer: String,
) -> ApiResult<CustomerPath> {
    blocking(&state, move |s| api::customer_path(s, journey, &customer)).await
}

#[tauri::command]
pub async fn customers(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    query: CustomerQuery,
) -> ApiResult<CustomerPage> {
    blocking(&state, move |s| api::customers(s, journey, &params, &query)).await
}

#[tauri::command]
pub async fn export_customers(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    query: CustomerQuery,
    language: String,
    path: PathBuf,
) -> ApiResult<u64> {
    blocking(&state, move |s| {
        api::export_customers(s, journey, &params, &query, &language, &path)
    })
    .await
}

#[tauri::command]
pub async fn touchpoint_histogram(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    touchpoint: TouchpointId,
) -> ApiResult<Histogram> {
    blocking(&state, move |s| {
        api::touchpoint_histogram(s, journey, &params, touchpoint)
    })
    .await
}

#[tauri::command]
pub async fn dimensions(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<Dimensions> {
    blocking(&state, move |s| api::dimensions(s, journey)).await
}

#[tauri::command]
pub async fn timeline(
    state: State<'_, AppState>,
    journey: JourneyId,
    max_bins: usize,
) -> ApiResult<Timeline> {
    blocking(&state, move |s| api::timeline(s, journey, max_bins)).await
}

#[tauri::command]
pub async fn customer_summary(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    customer: String,
) -> ApiResult<Option<CustomerRow>> {
    blocking(&state, move |s| {
        api::customer_summary(s, journey, &params, &customer)
    })
    .await
}

#[tauri::command]
pub async fn apply_edit(
    state: State<'_, AppState>,
    journey: JourneyId,
    edit: Edit,
) -> ApiResult<Edited> {
    blocking(&state, move |s| api::apply_edit(s, journey, &edit)).await
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<Edited> {
    blocking(&state, move |s| api::undo(s, journey)).await
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<Edited> {
    blocking(&state, move |s| api::redo(s, journey)).await
}

#[tauri::command]
pub async fn history(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<History> {
    blocking(&state, move |s| api::history(s, journey)).await
}

#[tauri::command]
pub async fn journey_warnings(
    state: State<'_, AppState>,
    journey: JourneyId,
) -> ApiResult<Vec<Warning>> {
    blocking(&state, move |s| api::journey_warnings(s, journey)).await
}

#[tauri::command]
pub fn templates() -> Vec<TemplateInfo> {
    api::templates()
}

#[tauri::command]
pub async fn new_journey(
    state: State<'_, AppState>,
    name: String,
    template: Option<String>,
) -> ApiResult<Journey> {
    blocking(&state, move |s| {
        api::new_journey(s, &name, template.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn delete_journey(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<()> {
    blocking(&state, move |s| api::delete_journey(s, journey)).await
}

#[tauri::command]
pub async fn export_journey(
    state: State<'_, AppState>,
    journey: JourneyId,
    path: PathBuf,
) -> ApiResult<()> {
    blocking(&state, move |s| api::export_journey(s, journey, &path)).await
}

#[tauri::command]
pub async fn import_journey(state: State<'_, AppState>, path: PathBuf) -> ApiResult<Journey> {
    blocking(&state, move |s| api::import_journey(s, &path)).await
}
