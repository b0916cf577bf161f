// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.

export type ApiError = { code: ErrorCode, message: string, };

export type ErrorCode = "io" | "not_sqlite" | "not_a_workspace" | "workspace_too_new" | "workspace_exists" | "storage" | "corrupt_data" | "not_found" | "invalid_input" | "cancelled" | "already_imported" | "ambiguous_timestamp";

export type JourneyId = number;

export type StageId = number;

export type TouchpointId = number;

export type TransitionId = number;

export type Kind = "physical" | "digital";

export type Channel = "store" | "call_centre" | "kiosk" | "web" | "app" | "email" | "sms" | "chatbot" | "social" | "video_call" | "other";

export type Stage = { id: StageId, name: string, };

export type Touchpoint = { id: TouchpointId, stage: StageId, name: string, channel: Channel, kind: Kind, 
/**
 * Horizontal offset inside the stage's lane, in canvas units.
 */
x: number, 
/**
 * Vertical offset inside the touchpoint's kind band, in canvas units.
 */
y: number, 
/**
 * Customers typically start their journey here.
 */
entry: boolean, 
/**
 * Reaching this touchpoint completes the journey (see metrics.md, customer status).
 */
goal: boolean, 
/**
 * Log values that mean this touchpoint, besides its name.
 */
aliases: Array<string>, };

export type Transition = { id: TransitionId, from: TouchpointId, to: TouchpointId, };

export type Journey = { id: JourneyId, name: string, description: string, 
/**
 * In journey order: the first stage is the leftmost lane.
 */
stages: Array<Stage>, touchpoints: Array<Touchpoint>, transitions: Array<Transition>, };

export type JourneySummary = { id: JourneyId, name: string, stages: number, touchpoints: number, transitions: number, };

export type SourceSummary = { id: number, name: string, file_name: string, timezone: string, imported_at: string, rows_read: number, events_imported: number, rows_rejected: number, duplicates: number, };

export type WorkspaceSummary = { path: string, format_version: number, journeys: Array<JourneySummary>, sources: Array<SourceSummary>, events: number, };
