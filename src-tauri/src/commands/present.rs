//! Present mode's commands, each a few lines over [`crate::api::present`].

use percorso::analytics::{Params, Replay};
use percorso::journey::JourneyId;
use tauri::State;

use super::blocking;
use crate::api::present as api;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn replay(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
) -> ApiResult<Replay> {
    blocking(&state, move |s| api::replay(s, journey, &params)).await
}
