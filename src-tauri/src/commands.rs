//! Tauri commands: each runs its handler from [`crate::api`] on a blocking thread, so the window
//! never waits for the disk. The list below is the only place a command is registered, and it
//! also generates the command's TypeScript function (see [`crate::bindings`]).

use std::path::PathBuf;

use percorso::analytics::{
    ChangePeriods, Changes, Cohorts, CustomerPage, CustomerPath, CustomerQuery, CustomerRow,
    Differences, Dimensions, Discovery, Histogram, LoadProgress, Params, Period, Replay, Report,
    StageSuggestion, Timeline, Trend, Variant,
};
use percorso::edit::{Edit, Edited, History};
use percorso::export::html::HtmlPage;
use percorso::export::ReportTable;
use percorso::import::{Detection, ImportSettings, ImportSummary, Overrides, Progress};
use percorso::journey::{Channel as TouchpointChannel, JourneyId, StageId, TouchpointId};
use percorso::render::Paper;
use percorso::spark::{SparkProgress, SparkSource};
use percorso::templates::TemplateInfo;
use percorso::workspace::RejectedPage;
use percorso::{Journey, Warning, WorkspaceSummary};
use tauri::ipc::Channel;
use tauri::State;

use crate::api;
use crate::api::export::{DataFormat, MapFormat};
use crate::api::files::RecentWorkspace;
use crate::bindings::declare_commands;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;

pub mod export;
pub mod files;
pub mod import;
pub mod present;
pub mod spark;

declare_commands! {
    async workspace_summary() -> ApiResult<WorkspaceSummary>;
    async journey(id: JourneyId) -> ApiResult<Journey>;
    async report(journey: JourneyId, params: Params) -> ApiResult<Report>;
    async customer_path(journey: JourneyId, customer: String) -> ApiResult<CustomerPath>;
    async customers(journey: JourneyId, params: Params, query: CustomerQuery)
        -> ApiResult<CustomerPage>;
    async export_customers(
        journey: JourneyId,
        params: Params,
        query: CustomerQuery,
        language: String,
        path: PathBuf,
    ) -> ApiResult<u64>;
    async touchpoint_histogram(journey: JourneyId, params: Params, touchpoint: TouchpointId)
        -> ApiResult<Histogram>;
    async prepare_analysis(journey: JourneyId) -> ApiResult<()>;
    sync analysis_progress() -> Option<LoadProgress>;
    sync cancel_analysis() -> ();
    async dimensions(journey: JourneyId) -> ApiResult<Dimensions>;
    async timeline(journey: JourneyId, max_bins: usize) -> ApiResult<Timeline>;
    async customer_summary(journey: JourneyId, params: Params, customer: String)
        -> ApiResult<Option<CustomerRow>>;
    async apply_edit(journey: JourneyId, edit: Edit) -> ApiResult<Edited>;
    async undo(journey: JourneyId) -> ApiResult<Edited>;
    async redo(journey: JourneyId) -> ApiResult<Edited>;
    async history(journey: JourneyId) -> ApiResult<History>;
    async journey_warnings(journey: JourneyId) -> ApiResult<Vec<Warning>>;
    stateless templates() -> Vec<TemplateInfo>;
    async new_journey(name: String, template: Option<String>) -> ApiResult<Journey>;
    async delete_journey(journey: JourneyId) -> ApiResult<()>;
    async discover_journey(params: Params, stages: Option<usize>, name: String)
        -> ApiResult<Discovery>;
    async add_journey(journey: Journey) -> ApiResult<Journey>;
    async suggest_stages(journey: JourneyId) -> ApiResult<Vec<StageSuggestion>>;
    async paths(journey: JourneyId, params: Params, top: usize) -> ApiResult<Vec<Variant>>;
    async trend(journey: JourneyId, params: Params, by: Period) -> ApiResult<Trend>;
    async cohorts(journey: JourneyId, params: Params, by: Period) -> ApiResult<Cohorts>;
    async differences(journey: JourneyId, a: Params, b: Params, min_count: u64)
        -> ApiResult<Differences>;
    async changes(journey: JourneyId, params: Params, periods: ChangePeriods, min_count: u64)
        -> ApiResult<Changes>;
    async export_journey(journey: JourneyId, path: PathBuf) -> ApiResult<()>;
    async import_journey(path: PathBuf) -> ApiResult<Journey>;

    async import_detect in import(path: PathBuf, overrides: Overrides) -> ApiResult<Detection>;
    async import_preview in import(path: PathBuf, settings: ImportSettings)
        -> ApiResult<Detection>;
    async import_run in import(
        id: u64,
        path: PathBuf,
        settings: ImportSettings,
        on_progress: Channel<Progress>,
    ) -> ApiResult<ImportSummary>;
    sync import_cancel in import(id: u64) -> ApiResult<()>;
    async rejected_rows in import(source: Option<i64>, offset: u64, limit: u64)
        -> ApiResult<RejectedPage>;
    async export_rejected in import(source: Option<i64>, path: PathBuf) -> ApiResult<()>;
    async map_value in import(touchpoint: TouchpointId, value: String) -> ApiResult<()>;
    async create_touchpoint in import(
        journey: JourneyId,
        stage: Option<StageId>,
        value: String,
        channel: Option<TouchpointChannel>,
    ) -> ApiResult<Edited>;
    stateless timezones in import() -> Vec<String>;

    async spark_connection in spark() -> ApiResult<Option<SparkSource>>;
    async spark_connect in spark(journey: JourneyId, source: SparkSource, token: Option<String>)
        -> ApiResult<SparkSource>;
    async spark_disconnect in spark() -> ApiResult<()>;
    async spark_report in spark(
        id: u64,
        journey: JourneyId,
        params: Params,
        on_progress: Channel<SparkProgress>,
    ) -> ApiResult<Report>;
    async spark_cancel in spark(id: u64, journey: JourneyId) -> ApiResult<()>;
    async spark_customers in spark(journey: JourneyId, params: Params, query: CustomerQuery)
        -> ApiResult<CustomerPage>;
    async spark_customer_path in spark(journey: JourneyId, customer: String)
        -> ApiResult<CustomerPath>;

    async replay in present(journey: JourneyId, params: Params) -> ApiResult<Replay>;

    async export_map in export(format: MapFormat, pages: Vec<String>, paper: Paper, path: PathBuf)
        -> ApiResult<()>;
    async export_html in export(page: HtmlPage, path: PathBuf) -> ApiResult<u64>;
    async export_report in export(
        journey: JourneyId,
        params: Params,
        format: DataFormat,
        table: ReportTable,
        language: String,
        path: PathBuf,
    ) -> ApiResult<()>;

    async open_workspace in files(path: PathBuf) -> ApiResult<WorkspaceSummary>;
    async new_workspace in files(path: PathBuf, replace: bool) -> ApiResult<WorkspaceSummary>;
    async save_workspace_as in files(path: PathBuf, replace: bool) -> ApiResult<WorkspaceSummary>;
    async recent_workspaces in files() -> ApiResult<Vec<RecentWorkspace>>;
    async forget_recent in files(path: PathBuf) -> ApiResult<()>;
}

async fn blocking<T: Send + 'static>(
    state: &AppState,
    handler: impl FnOnce(&AppState) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let state = state.asked();
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

/// How far the analysis being built is; answers at once, also while the analysis is built.
#[tauri::command]
pub fn analysis_progress(state: State<'_, AppState>) -> Option<LoadProgress> {
    state.analysis_progress()
}

#[tauri::command]
pub fn cancel_analysis(state: State<'_, AppState>) {
    state.cancel_analysis();
}

#[tauri::command]
pub async fn prepare_analysis(state: State<'_, AppState>, journey: JourneyId) -> ApiResult<()> {
    blocking(&state, move |s| api::prepare_analysis(s, journey)).await
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
pub async fn discover_journey(
    state: State<'_, AppState>,
    params: Params,
    stages: Option<usize>,
    name: String,
) -> ApiResult<Discovery> {
    blocking(&state, move |s| {
        api::discover_journey(s, &params, stages, &name)
    })
    .await
}

#[tauri::command]
pub async fn add_journey(state: State<'_, AppState>, journey: Journey) -> ApiResult<Journey> {
    blocking(&state, move |s| api::add_journey(s, &journey)).await
}

#[tauri::command]
pub async fn suggest_stages(
    state: State<'_, AppState>,
    journey: JourneyId,
) -> ApiResult<Vec<StageSuggestion>> {
    blocking(&state, move |s| api::suggest_stages(s, journey)).await
}

#[tauri::command]
pub async fn paths(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    top: usize,
) -> ApiResult<Vec<Variant>> {
    blocking(&state, move |s| api::paths(s, journey, &params, top)).await
}

#[tauri::command]
pub async fn trend(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    by: Period,
) -> ApiResult<Trend> {
    blocking(&state, move |s| api::trend(s, journey, &params, by)).await
}

#[tauri::command]
pub async fn cohorts(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    by: Period,
) -> ApiResult<Cohorts> {
    blocking(&state, move |s| api::cohorts(s, journey, &params, by)).await
}

#[tauri::command]
pub async fn differences(
    state: State<'_, AppState>,
    journey: JourneyId,
    a: Params,
    b: Params,
    min_count: u64,
) -> ApiResult<Differences> {
    blocking(&state, move |s| {
        api::differences(s, journey, &a, &b, min_count)
    })
    .await
}

#[tauri::command]
pub async fn changes(
    state: State<'_, AppState>,
    journey: JourneyId,
    params: Params,
    periods: ChangePeriods,
    min_count: u64,
) -> ApiResult<Changes> {
    blocking(&state, move |s| {
        api::changes(s, journey, &params, &periods, min_count)
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
