//! The commands of "Connect to Spark…" (`api::spark` does the work).

use tauri::ipc::Channel;
use tauri::State;

use percorso::analytics::{CustomerPage, CustomerPath, CustomerQuery, Params, Report};
use percorso::journey::JourneyId;
use percorso::spark::{SparkProgress, SparkSource};

use super::blocking;
use crate::api::spark as api;
use crate::error::ApiResult;
use crate::state::AppState;

#[tauri::command]
pub async fn spark_connection(state: State<'_, AppState>) -> ApiResult<Option<SparkSource>> {
    blocking(&state, api::connection).await
}

#[tauri::command]
pub async fn spark_connect(
    state: State<'_, AppState>,
    journey: JourneyId,
    source: SparkSource,
    token: Option<String>,
) -> ApiResult<SparkSource> {
    blocking(&state, move |s| {
        api::connect(s, journey, &source, token.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn spark_disconnect(state: State<'_, AppState>) -> ApiResult<()> {
    blocking(&state, api::disconnect).await
}

#[tauri::command]
pub async fn spark_report(
    state: State<'_, AppState>,
    id: u64,
    journey: JourneyId,
    params: Params,
    on_progress: Channel<SparkProgress>,
) -> ApiResult<Report> {
    blocking(&state, move |s| {
        // A closed window cannot be told; the report still lands.
        api::report(s, id, journey, &params, &mut |p| {
            let _ = on_progress.send(p);
        })
    })
    .await
}

#[tauri::command]
pub async fn spark_cancel(
    state: State<'_, AppState>,
    id: u64,
    journey: JourneyId,
) -> ApiResult<()> {
    blocking(&state, move |s| api::cancel(s, id, journey)).await
}

#[tauri::command]
pub async fn spark_customers(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    query: CustomerQuery,
) -> ApiResult<CustomerPage> {
    blocking(&state, move |s| api::customers(s, journey, &params, &query)).await
}

#[tauri::command]
pub async fn spark_customer_path(
    state: State<'_, AppState>,
    journey: JourneyId,
    customer: String,
) -> ApiResult<CustomerPath> {
    blocking(&state, move |s| api::customer_path(s, journey, &customer)).await
}
