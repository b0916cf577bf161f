//! Workspace file commands, each a few lines over [`crate::api::files`].

use std::path::PathBuf;

use percorso::WorkspaceSummary;
use tauri::State;

use super::blocking;
use crate::api::files::{self as api, RecentWorkspace};
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn open_workspace(
    state: State<'_, AppState>,
    path: PathBuf,
) -> ApiResult<WorkspaceSummary> {
    blocking(&state, move |s| api::open_workspace(s, &path)).await
}

#[tauri::command]
pub async fn new_workspace(
    state: State<'_, AppState>,
    path: PathBuf,
    replace: bool,
) -> ApiResult<WorkspaceSummary> {
    blocking(&state, move |s| api::new_workspace(s, &path, replace)).await
}

#[tauri::command]
pub async fn save_workspace_as(
    state: State<'_, AppState>,
    path: PathBuf,
    replace: bool,
) -> ApiResult<WorkspaceSummary> {
    blocking(&state, move |s| api::save_workspace_as(s, &path, replace)).await
}

#[tauri::command]
pub async fn recent_workspaces(state: State<'_, AppState>) -> ApiResult<Vec<RecentWorkspace>> {
    blocking(&state, |s| Ok(api::recent_workspaces(s))).await
}

#[tauri::command]
pub async fn forget_recent(state: State<'_, AppState>, path: PathBuf) -> ApiResult<()> {
    blocking(&state, move |s| api::forget_recent(s, &path)).await
}
