//! Tauri commands: each runs its handler from [`crate::api`] on a blocking thread, so the window
//! never waits for the disk.

use percorso::journey::JourneyId;
use percorso::{Journey, WorkspaceSummary};
use tauri::State;

use crate::api;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

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
