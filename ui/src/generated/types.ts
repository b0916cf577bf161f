// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.

export type ApiError = { code: ErrorCode, message: string, };

export type ErrorCode = "io" | "not_sqlite" | "not_a_workspace" | "workspace_too_new" | "workspace_exists" | "storage" | "corrupt_data" | "not_found" | "invalid_input" | "cancelled" | "already_imported" | "ambiguous_timestamp" | "bad_journey_file";

export type JourneyId = number;

export type StageId = number;

export type TouchpointId = number;

export type TransitionId = number;

export type PersonaId = number;

export type Kind = "physical" | "digital";

export type Channel = "store" | "call_centre" | "kiosk" | "web" | "app" | "email" | "sms" | "chatbot" | "social" | "video_call" | "other";

export type Stage = { id: StageId, name: string, };

export type OpportunityStatus = "idea" | "planned" | "in_progress" | "done" | "dropped";

export type Opportunity = { text: string, owner: string, status: OpportunityStatus, };

export type Kpi = { name: string, value: number | null, target: number | null, };

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
aliases: Array<string>, 
/**
 * What happens here, in the strategist's words.
 */
description: string, 
/**
 * Who in the company is responsible for this touchpoint.
 */
owner: string, 
/**
 * How customers feel here, from -2 (very negative) to +2 (very positive); none when not
 * assessed.
 */
emotion: number | null, pain_points: Array<string>, opportunities: Array<Opportunity>, kpis: Array<Kpi>, };

export type Persona = { id: PersonaId, name: string, description: string, goals: Array<string>, };

export type Transition = { id: TransitionId, from: TouchpointId, to: TouchpointId, };

export type Journey = { id: JourneyId, name: string, description: string, 
/**
 * Who the journey is about, in the order they were added.
 */
personas: Array<Persona>, 
/**
 * In journey order: the first stage is the leftmost lane.
 */
stages: Array<Stage>, touchpoints: Array<Touchpoint>, transitions: Array<Transition>, };

export type JourneySummary = { id: JourneyId, name: string, stages: number, touchpoints: number, transitions: number, };

export type Warning = { "kind": "duplicate_touchpoint_name", name: string, touchpoints: Array<TouchpointId>, } | { "kind": "duplicate_stage_name", name: string, stages: Array<StageId>, } | { "kind": "no_entry" } | { "kind": "unreachable", touchpoint: TouchpointId, } | { "kind": "unreachable_goal", touchpoint: TouchpointId, };

export type TouchpointField = { "field": "name", "value": string } | { "field": "channel", "value": Channel } | { "field": "kind", "value": Kind } | { "field": "description", "value": string } | { "field": "owner", "value": string } | { "field": "emotion", "value": number | null } | { "field": "pain_points", "value": Array<string> } | { "field": "opportunities", "value": Array<Opportunity> } | { "field": "kpis", "value": Array<Kpi> } | { "field": "entry", "value": boolean } | { "field": "goal", "value": boolean } | { "field": "aliases", "value": Array<string> };

export type PastedTransition = { from: number, to: number, };

export type Edit = { "op": "rename_journey", name: string, } | { "op": "set_journey_description", description: string, } | { "op": "add_stage", name: string, position: number | null, } | { "op": "rename_stage", stage: StageId, name: string, } | { "op": "move_stage", stage: StageId, position: number, } | { "op": "delete_stage", stage: StageId, move_touchpoints_to: StageId | null, } | { "op": "add_touchpoint", touchpoint: Touchpoint, } | { "op": "update_touchpoint", touchpoint: Touchpoint, } | { "op": "move_touchpoint", touchpoint: TouchpointId, stage: StageId, x: number, y: number, } | { "op": "set_touchpoint_field", touchpoint: TouchpointId, field: TouchpointField, } | { "op": "delete_touchpoint", touchpoint: TouchpointId, } | { "op": "add_transition", from: TouchpointId, to: TouchpointId, } | { "op": "delete_transition", transition: TransitionId, } | { "op": "add_persona", persona: Persona, } | { "op": "update_persona", persona: Persona, } | { "op": "delete_persona", persona: PersonaId, } | { "op": "delete", touchpoints: Array<TouchpointId>, transitions: Array<TransitionId>, } | { "op": "paste", touchpoints: Array<Touchpoint>, transitions: Array<PastedTransition>, } | { "op": "batch", edits: Array<Edit>, } | { "op": "tidy" };

export type Created = { stages: Array<StageId>, touchpoints: Array<TouchpointId>, transitions: Array<TransitionId>, personas: Array<PersonaId>, };

export type History = { 
/**
 * The label of the edit that undo would revert.
 */
undo: string | null, 
/**
 * The label of the edit that redo would apply again.
 */
redo: string | null, };

export type Edited = { journey: Journey, warnings: Array<Warning>, history: History, created: Created, 
/**
 * False when nothing changed (an edit that set what was already there, or nothing to undo).
 */
changed: boolean, };

export type TemplateInfo = { 
/**
 * Stable name passed back to create a journey from it.
 */
key: string, name: string, description: string, stages: number, touchpoints: number, transitions: number, };

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
