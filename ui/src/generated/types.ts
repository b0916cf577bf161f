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

export type Segment = { attribute: string, value: string, };

export type Params = { 
/**
 * Default: the latest event instant in the filtered log.
 */
as_of_ms: number | null, inactive_days: number, 
/**
 * Keeps events at or after this instant.
 */
from_ms: number | null, 
/**
 * Keeps events strictly before this instant.
 */
to_ms: number | null, segments: Array<Segment>, 
/**
 * Keeps events whose channel is one of these (all events when empty).
 */
channels: Array<string>, };

export type Node = { touchpoint: string, stage: string, touchpoint_id: number, events: number, customers: number, reach_pct: number | null, repeat: number | null, last_here: number, dropoff: number, dropoff_rate: number | null, median_next_s: number | null, p90_next_s: number | null, stalled_now: number, engagement_rate: number | null, 
/**
 * Whether engagement_rate is interacting ÷ exposed (true) or reach of the stage (false).
 */
engagement_by_exposure: boolean, value_mean: number | null, goal: boolean, };

export type Edge = { from: string, to: string, from_touchpoint_id: number | null, to_touchpoint_id: number | null, count: number, customers: number, share: number | null, median_s: number | null, p90_s: number | null, designed: boolean, };

export type StageFunnel = { stage: string, stage_id: number, reached: number, current: number, dropped: number, conversion_next: number | null, };

export type Unmapped = { value: string, events: number, };

export type Report = { 
/**
 * RFC 3339; `null` only when nothing is kept and no as-of time was given.
 */
as_of: string | null, inactive_days: number, customers: number, events: number, nodes: Array<Node>, edges: Array<Edge>, stages: Array<StageFunnel>, unmapped: Array<Unmapped>, };

export type CustomerEvent = { touchpoint: string, touchpoint_id: number | null, stage: string | null, instant: string, event_type: string | null, value: number | null, channel: string | null, };

export type CustomerPath = { customer: string, events: Array<CustomerEvent>, };

export type Status = "dropped" | "stalled" | "completed" | "active";

export type PlaceRef = { "touchpoint": TouchpointId } | { "unmapped": string };

export type CustomerSort = "id" | "last_event" | "events";

export type CustomerQuery = { 
/**
 * Latest event at this touchpoint ("here now").
 */
touchpoint: TouchpointId | null, 
/**
 * Current stage is this one.
 */
stage: StageId | null, 
/**
 * At least one event in this stage.
 */
reached_stage: StageId | null, status: Status | null, 
/**
 * At least one directly-follows pair from → to.
 */
transition: [PlaceRef, PlaceRef] | null, sort: CustomerSort, descending: boolean, offset: number, 
/**
 * 0 means every matching customer.
 */
limit: number, };

export type CustomerRow = { customer: string, events: number, last_event: string, latest_touchpoint: string, current_stage: string | null, furthest_stage: string | null, status: Status, };

export type CustomerPage = { 
/**
 * Customers matching the query, over all pages.
 */
total: number, offset: number, rows: Array<CustomerRow>, };

export type Bin = { lower_s: number, upper_s: number | null, count: number, };

export type Histogram = { bins: Array<Bin>, total: number, };

export type AttributeValues = { name: string, values: Array<string>, };

export type Dimensions = { attributes: Array<AttributeValues>, 
/**
 * Every channel text of the log, sorted.
 */
channels: Array<string>, };

export type Timeline = { start_ms: number, bin_ms: number, counts: number[], };
