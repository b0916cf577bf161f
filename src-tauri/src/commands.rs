//! Tauri commands: each runs its handler from [`crate::api`] on a blocking thread, so the window
//! never waits for the disk.

use percorso::analytics::{CustomerPath, Params, Report};
use percorso::journey::JourneyId;
use percorso::{Journey, WorkspaceSummary};
use tauri::State;

use crate::api;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

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
