// Generated from the Tauri commands by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.
// The only module that calls `invoke`; a command that fails rejects with an ApiError.

import { invoke, type Channel as IpcChannel } from "@tauri-apps/api/core";
import type { ChangePeriods, Changes, Channel, Cohorts, CustomerPage, CustomerPath, CustomerQuery, CustomerRow, DataFormat, Detection, Differences, Dimensions, Discovery, Edit, Edited, Histogram, History, HtmlPage, ImportSettings, ImportSummary, Journey, JourneyId, LoadProgress, MapFormat, Overrides, Paper, Params, Period, Progress, RecentWorkspace, RejectedPage, Replay, Report, ReportTable, SparkProgress, SparkSource, StageId, StageSuggestion, TemplateInfo, Timeline, TouchpointId, Trend, Variant, Warning, WorkspaceSummary } from "./types";

export function workspaceSummary(): Promise<WorkspaceSummary> {
  return invoke<WorkspaceSummary>("workspace_summary");
}

export function journey(id: JourneyId): Promise<Journey> {
  return invoke<Journey>("journey", { id });
}

export function report(journey: JourneyId, params: Params): Promise<Report> {
  return invoke<Report>("report", { journey, params });
}

export function customerPath(journey: JourneyId, customer: string): Promise<CustomerPath> {
  return invoke<CustomerPath>("customer_path", { journey, customer });
}

export function customers(journey: JourneyId, params: Params, query: CustomerQuery): Promise<CustomerPage> {
  return invoke<CustomerPage>("customers", { journey, params, query });
}

export function exportCustomers(journey: JourneyId, params: Params, query: CustomerQuery, language: string, path: string): Promise<number> {
  return invoke<number>("export_customers", { journey, params, query, language, path });
}

export function touchpointHistogram(journey: JourneyId, params: Params, touchpoint: TouchpointId): Promise<Histogram> {
  return invoke<Histogram>("touchpoint_histogram", { journey, params, touchpoint });
}

export function prepareAnalysis(journey: JourneyId): Promise<null> {
  return invoke<null>("prepare_analysis", { journey });
}

export function analysisProgress(): Promise<LoadProgress | null> {
  return invoke<LoadProgress | null>("analysis_progress");
}

export function cancelAnalysis(): Promise<null> {
  return invoke<null>("cancel_analysis");
}

export function dimensions(journey: JourneyId): Promise<Dimensions> {
  return invoke<Dimensions>("dimensions", { journey });
}

export function timeline(journey: JourneyId, maxBins: number): Promise<Timeline> {
  return invoke<Timeline>("timeline", { journey, maxBins });
}

export function customerSummary(journey: JourneyId, params: Params, customer: string): Promise<CustomerRow | null> {
  return invoke<CustomerRow | null>("customer_summary", { journey, params, customer });
}

export function applyEdit(journey: JourneyId, edit: Edit): Promise<Edited> {
  return invoke<Edited>("apply_edit", { journey, edit });
}

export function undo(journey: JourneyId): Promise<Edited> {
  return invoke<Edited>("undo", { journey });
}

export function redo(journey: JourneyId): Promise<Edited> {
  return invoke<Edited>("redo", { journey });
}

export function history(journey: JourneyId): Promise<History> {
  return invoke<History>("history", { journey });
}

export function journeyWarnings(journey: JourneyId): Promise<Array<Warning>> {
  return invoke<Array<Warning>>("journey_warnings", { journey });
}

export function templates(): Promise<Array<TemplateInfo>> {
  return invoke<Array<TemplateInfo>>("templates");
}

export function newJourney(name: string, template: string | null): Promise<Journey> {
  return invoke<Journey>("new_journey", { name, template });
}

export function deleteJourney(journey: JourneyId): Promise<null> {
  return invoke<null>("delete_journey", { journey });
}

export function discoverJourney(params: Params, stages: number | null, name: string): Promise<Discovery> {
  return invoke<Discovery>("discover_journey", { params, stages, name });
}

export function addJourney(journey: Journey): Promise<Journey> {
  return invoke<Journey>("add_journey", { journey });
}

export function suggestStages(journey: JourneyId): Promise<Array<StageSuggestion>> {
  return invoke<Array<StageSuggestion>>("suggest_stages", { journey });
}

export function paths(journey: JourneyId, params: Params, top: number): Promise<Array<Variant>> {
  return invoke<Array<Variant>>("paths", { journey, params, top });
}

export function trend(journey: JourneyId, params: Params, by: Period): Promise<Trend> {
  return invoke<Trend>("trend", { journey, params, by });
}

export function cohorts(journey: JourneyId, params: Params, by: Period): Promise<Cohorts> {
  return invoke<Cohorts>("cohorts", { journey, params, by });
}

export function differences(journey: JourneyId, a: Params, b: Params, minCount: number): Promise<Differences> {
  return invoke<Differences>("differences", { journey, a, b, minCount });
}

export function changes(journey: JourneyId, params: Params, periods: ChangePeriods, minCount: number): Promise<Changes> {
  return invoke<Changes>("changes", { journey, params, periods, minCount });
}

export function exportJourney(journey: JourneyId, path: string): Promise<null> {
  return invoke<null>("export_journey", { journey, path });
}

export function importJourney(path: string): Promise<Journey> {
  return invoke<Journey>("import_journey", { path });
}

export function importDetect(path: string, overrides: Overrides): Promise<Detection> {
  return invoke<Detection>("import_detect", { path, overrides });
}

export function importPreview(path: string, settings: ImportSettings): Promise<Detection> {
  return invoke<Detection>("import_preview", { path, settings });
}

export function importRun(id: number, path: string, settings: ImportSettings, onProgress: IpcChannel<Progress>): Promise<ImportSummary> {
  return invoke<ImportSummary>("import_run", { id, path, settings, onProgress });
}

export function importCancel(id: number): Promise<null> {
  return invoke<null>("import_cancel", { id });
}

export function rejectedRows(source: number | null, offset: number, limit: number): Promise<RejectedPage> {
  return invoke<RejectedPage>("rejected_rows", { source, offset, limit });
}

export function exportRejected(source: number | null, path: string): Promise<null> {
  return invoke<null>("export_rejected", { source, path });
}

export function mapValue(touchpoint: TouchpointId, value: string): Promise<null> {
  return invoke<null>("map_value", { touchpoint, value });
}

export function createTouchpoint(journey: JourneyId, stage: StageId | null, value: string, channel: Channel | null): Promise<Edited> {
  return invoke<Edited>("create_touchpoint", { journey, stage, value, channel });
}

export function timezones(): Promise<Array<string>> {
  return invoke<Array<string>>("timezones");
}

export function sparkConnection(): Promise<SparkSource | null> {
  return invoke<SparkSource | null>("spark_connection");
}

export function sparkConnect(journey: JourneyId, source: SparkSource, token: string | null): Promise<SparkSource> {
  return invoke<SparkSource>("spark_connect", { journey, source, token });
}

export function sparkDisconnect(): Promise<null> {
  return invoke<null>("spark_disconnect");
}

export function sparkReport(id: number, journey: JourneyId, params: Params, onProgress: IpcChannel<SparkProgress>): Promise<Report> {
  return invoke<Report>("spark_report", { id, journey, params, onProgress });
}

export function sparkCancel(id: number, journey: JourneyId): Promise<null> {
  return invoke<null>("spark_cancel", { id, journey });
}

export function sparkCustomers(journey: JourneyId, params: Params, query: CustomerQuery): Promise<CustomerPage> {
  return invoke<CustomerPage>("spark_customers", { journey, params, query });
}

export function sparkCustomerPath(journey: JourneyId, customer: string): Promise<CustomerPath> {
  return invoke<CustomerPath>("spark_customer_path", { journey, customer });
}

export function replay(journey: JourneyId, params: Params): Promise<Replay> {
  return invoke<Replay>("replay", { journey, params });
}

export function exportMap(format: MapFormat, pages: Array<string>, paper: Paper, path: string): Promise<null> {
  return invoke<null>("export_map", { format, pages, paper, path });
}

export function exportHtml(page: HtmlPage, path: string): Promise<number> {
  return invoke<number>("export_html", { page, path });
}

export function exportReport(journey: JourneyId, params: Params, format: DataFormat, table: ReportTable, language: string, path: string): Promise<null> {
  return invoke<null>("export_report", { journey, params, format, table, language, path });
}

export function openWorkspace(path: string): Promise<WorkspaceSummary> {
  return invoke<WorkspaceSummary>("open_workspace", { path });
}

export function newWorkspace(path: string, replace: boolean): Promise<WorkspaceSummary> {
  return invoke<WorkspaceSummary>("new_workspace", { path, replace });
}

export function saveWorkspaceAs(path: string, replace: boolean): Promise<WorkspaceSummary> {
  return invoke<WorkspaceSummary>("save_workspace_as", { path, replace });
}

export function recentWorkspaces(): Promise<Array<RecentWorkspace>> {
  return invoke<Array<RecentWorkspace>>("recent_workspaces");
}

export function forgetRecent(path: string): Promise<null> {
  return invoke<null>("forget_recent", { path });
}
