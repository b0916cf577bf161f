// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.

export type ApiError = { code: ErrorCode, message: string, 
/**
 * What the error is about, by name (`path`, `column`, `source`…; see
 * `percorso::Error::params`).
 */
params: { [key in string]: string }, };

export type ErrorCode = "io" | "not_sqlite" | "not_a_workspace" | "workspace_too_new" | "workspace_exists" | "same_file" | "storage" | "busy" | "corrupt_data" | "not_found" | "invalid_input" | "cancelled" | "already_imported" | "ambiguous_timestamp" | "bad_journey_file" | "bad_log_file" | "missing_role" | "duplicate_role" | "unknown_customer" | "stage_not_empty" | "name_required" | "nothing_to_discover" | "too_many_periods" | "spark_unreachable" | "spark_table_missing" | "spark_column_missing" | "spark_query" | "keyring" | "task_failed";

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

export type ViewId = number;

export type Viewport = { x: number, y: number, zoom: number, };

export type CompareState = { "kind": "segments", segments: Array<Segment>, } | { "kind": "dates", from_ms: number | null, to_ms: number | null, };

export type ViewState = { 
/**
 * The filters: dates, segments, channels, as-of and the inactivity window.
 */
params: Params, 
/**
 * The metric the map is coloured by (`dropoff_rate`, `engagement_rate`, …).
 */
metric: string, 
/**
 * Compare's B side, when Compare is on.
 */
compare?: CompareState, 
/**
 * The simplification sliders, in percent; `None` follows the default.
 */
transitions_pct?: number, touchpoints_pct?: number, 
/**
 * The touchpoint whose inspector is open.
 */
selected?: TouchpointId, 
/**
 * The customer whose path is shown.
 */
customer?: string, 
/**
 * The part of the map in view, in React Flow's terms.
 */
viewport?: Viewport, 
/**
 * Whether the Trends band is open.
 */
trends: boolean, };

export type SavedView = { id: ViewId, name: string, state: ViewState, };

export type NoteId = number;

export type NoteKind = "pain_point" | "opportunity" | "question";

export type NoteTarget = { "on": "touchpoint", touchpoint: TouchpointId, } | { "on": "stage", stage: StageId, };

export type Note = { id: NoteId, target: NoteTarget, kind: NoteKind, text: string, };

export type StoryId = number;

export type StorySlide = { view: ViewId, 
/**
 * The slide's title; empty means the view's name.
 */
title: string, 
/**
 * What the room should see in this slide, a sentence or two.
 */
note: string, };

export type Story = { id: StoryId, title: string, slides: Array<StorySlide>, };

export type Transition = { id: TransitionId, from: TouchpointId, to: TouchpointId, };

export type Journey = { id: JourneyId, name: string, description: string, 
/**
 * Who the journey is about, in the order they were added.
 */
personas: Array<Persona>, 
/**
 * In journey order: the first stage is the leftmost lane.
 */
stages: Array<Stage>, touchpoints: Array<Touchpoint>, transitions: Array<Transition>, 
/**
 * The saved states of Analyze, in the order the user gave them (see [`view`]).
 */
views: Array<SavedView>, 
/**
 * The notes taken in workshops, in the order they were taken (see [`note`]).
 */
notes: Array<Note>, 
/**
 * The stories told with the saved views, in the order they were made (see [`story`]).
 */
stories: Array<Story>, };

export type JourneySummary = { id: JourneyId, name: string, stages: number, touchpoints: number, transitions: number, };

export type Warning = { "kind": "duplicate_touchpoint_name", name: string, touchpoints: Array<TouchpointId>, } | { "kind": "duplicate_stage_name", name: string, stages: Array<StageId>, } | { "kind": "no_entry" } | { "kind": "unreachable", touchpoint: TouchpointId, } | { "kind": "unreachable_goal", touchpoint: TouchpointId, };

export type TouchpointField = { "field": "name", "value": string } | { "field": "channel", "value": Channel } | { "field": "kind", "value": Kind } | { "field": "description", "value": string } | { "field": "owner", "value": string } | { "field": "emotion", "value": number | null } | { "field": "pain_points", "value": Array<string> } | { "field": "opportunities", "value": Array<Opportunity> } | { "field": "kpis", "value": Array<Kpi> } | { "field": "entry", "value": boolean } | { "field": "goal", "value": boolean } | { "field": "aliases", "value": Array<string> };

export type PastedTransition = { from: number, to: number, };

export type Edit = { "op": "rename_journey", name: string, } | { "op": "set_journey_description", description: string, } | { "op": "add_stage", name: string, position: number | null, } | { "op": "rename_stage", stage: StageId, name: string, } | { "op": "move_stage", stage: StageId, position: number, } | { "op": "delete_stage", stage: StageId, move_touchpoints_to: StageId | null, } | { "op": "add_touchpoint", touchpoint: Touchpoint, } | { "op": "add_touchpoint_for_value", value: string, channel: Channel, stage: StageId | null, } | { "op": "update_touchpoint", touchpoint: Touchpoint, } | { "op": "move_touchpoint", touchpoint: TouchpointId, stage: StageId, x: number, y: number, } | { "op": "set_touchpoint_field", touchpoint: TouchpointId, field: TouchpointField, } | { "op": "delete_touchpoint", touchpoint: TouchpointId, } | { "op": "add_transition", from: TouchpointId, to: TouchpointId, } | { "op": "delete_transition", transition: TransitionId, } | { "op": "add_persona", persona: Persona, } | { "op": "update_persona", persona: Persona, } | { "op": "delete_persona", persona: PersonaId, } | { "op": "delete", touchpoints: Array<TouchpointId>, transitions: Array<TransitionId>, } | { "op": "paste", touchpoints: Array<Touchpoint>, transitions: Array<PastedTransition>, } | { "op": "batch", edits: Array<Edit>, } | { "op": "tidy" } | { "op": "save_view", name: string, state: ViewState, } | { "op": "update_view", view: ViewId, state: ViewState, } | { "op": "rename_view", view: ViewId, name: string, } | { "op": "move_view", view: ViewId, position: number, } | { "op": "delete_view", view: ViewId, } | { "op": "add_note", target: NoteTarget, kind: NoteKind, text: string, } | { "op": "delete_note", note: NoteId, } | { "op": "save_story", title: string, slides: Array<StorySlide>, } | { "op": "update_story", story: StoryId, title: string, slides: Array<StorySlide>, } | { "op": "delete_story", story: StoryId, };

export type Created = { stages: Array<StageId>, touchpoints: Array<TouchpointId>, transitions: Array<TransitionId>, personas: Array<PersonaId>, views: Array<ViewId>, notes: Array<NoteId>, stories: Array<StoryId>, };

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

export type RecentWorkspace = { path: string, 
/**
 * The file name, as the menu shows it.
 */
name: string, 
/**
 * False when the file was moved or deleted since: shown, but not opened.
 */
exists: boolean, };

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
channels: Array<string>, 
/**
 * Keeps the customers whose complete path, the places of their events that the dates and
 * channels keep, is exactly this sequence of names (all customers when empty): the
 * customers of one of [`super::Analysis::variants`].
 */
path: Array<string>, };

export type Node = { touchpoint: string, stage: string, touchpoint_id: number, events: number, customers: number, reach_pct: number | null, repeat: number | null, last_here: number, dropoff: number, dropoff_rate: number | null, median_next_s: number | null, p90_next_s: number | null, stalled_now: number, 
/**
 * Customers whose latest event is here when this is a goal; 0 elsewhere (v2).
 */
completed_here: number, engagement_rate: number | null, 
/**
 * Whether engagement_rate is interacting ÷ exposed (true) or reach of the stage (false).
 */
engagement_by_exposure: boolean, value_mean: number | null, goal: boolean, };

export type Edge = { from: string, to: string, from_touchpoint_id: number | null, to_touchpoint_id: number | null, count: number, customers: number, share: number | null, median_s: number | null, p90_s: number | null, designed: boolean, };

export type StageFunnel = { stage: string, stage_id: number, reached: number, current: number, dropped: number, 
/**
 * Completed customers whose current stage is this one (v2).
 */
completed: number, conversion_next: number | null, };

export type Unmapped = { value: string, events: number, };

export type Report = { 
/**
 * RFC 3339; `null` only when nothing is kept and no as-of time was given.
 */
as_of: string | null, inactive_days: number, customers: number, events: number, nodes: Array<Node>, edges: Array<Edge>, stages: Array<StageFunnel>, unmapped: Array<Unmapped>, };

export type LoadStep = "reading" | "ordering" | "counting";

export type LoadProgress = { step: LoadStep, done: number, total: number, };

export type Columns = { customer: string, 
/**
 * A timestamp or date column, or ISO 8601 text (an offset in the text is honoured; text
 * without one is UTC).
 */
timestamp: string, touchpoint: string, channel: string | null, event_type: string | null, value: string | null, segments: Array<string>, 
/**
 * Orders one customer's events at the same instant (a sequence number, an ingestion time);
 * without it ties go by the log value, channel, event type and value.
 */
order: string | null, };

export type SparkSource = { 
/**
 * `sc://host:port`, with no token.
 */
url: string, 
/**
 * `table`, `database.table` or `catalog.database.table`.
 */
table: string, columns: Columns, };

export type SparkProgress = { done: number, of: number, };

export type DiscoveredValue = { name: string, 
/**
 * Index into the journey's stages.
 */
stage: number, 
/**
 * Mean number of distinct values customers met before their first meeting with this one.
 */
position: number, customers: number, events: number, 
/**
 * Customers whose first event is here.
 */
starts: number, 
/**
 * Suggested entry: many customers start here.
 */
entry: boolean, 
/**
 * Suggested goal: many long paths end here.
 */
goal: boolean, };

export type Discovery = { 
/**
 * An ordinary journey (its ids are not rows of any workspace yet): stages in order, one
 * touchpoint per value, in its lane and band, and the most used transitions.
 */
journey: Journey, 
/**
 * Whether the stage count was chosen from the data (not asked for).
 */
chosen: boolean, 
/**
 * Each value, in the order of the journey's touchpoints.
 */
values: Array<DiscoveredValue>, };

export type StageSuggestion = { value: string, events: number, stage_id: StageId, stage: string, 
/**
 * The channel its events mostly carry, and the kind that goes with it.
 */
channel: Channel, kind: Kind, };

export type Variant = { 
/**
 * Touchpoint names (raw values for unmapped events), in event order.
 */
path: Array<string>, customers: number, 
/**
 * customers ÷ customers in the filtered log × 100.
 */
share: number | null, };

export type Period = "day" | "week" | "month";

export type PeriodReport = { 
/**
 * The period's first day, `YYYY-MM-DD` (UTC).
 */
start: string, 
/**
 * The day after the period's last, `YYYY-MM-DD` (UTC): the period is `[start, end)`.
 */
end: string, start_ms: number, end_ms: number, 
/**
 * Whether the period ended at least the inactivity threshold before as-of: every customer
 * whose latest event is in it has had the whole threshold to come back, so its drop-offs
 * are final. In a period that is not settled, drop-off can still grow.
 */
settled: boolean, report: Report, };

export type Trend = { by: Period, 
/**
 * The as-of time of every period's outcomes (RFC 3339), as in the report.
 */
as_of: string | null, inactive_days: number, periods: Array<PeriodReport>, };

export type Retention = { 
/**
 * Periods since the cohort's own: 0 is the period the cohort was formed in.
 */
offset: number, 
/**
 * The instant the activity is measured at (RFC 3339): the period's last millisecond, or
 * as-of for the period that holds it.
 */
measured_at: string, 
/**
 * The period had not ended by as-of, so it is measured at as-of.
 */
partial: boolean, active: number, 
/**
 * `active` ÷ the cohort's customers × 100.
 */
active_pct: number, };

export type ChurnedAt = { 
/**
 * A touchpoint's name, or a log value that the map does not know.
 */
touchpoint: string, 
/**
 * `None` for a log value that the map does not know.
 */
touchpoint_id: number | null, customers: number, 
/**
 * `customers` ÷ the cohort's churned customers × 100.
 */
share_pct: number, };

export type Cohort = { 
/**
 * The period's first day, `YYYY-MM-DD` (UTC).
 */
start: string, 
/**
 * The day after its last: the period is `[start, end)`.
 */
end: string, start_ms: number, end_ms: number, customers: number, 
/**
 * The cohort's own period (offset 0), then each later one that has begun by as-of.
 */
retention: Array<Retention>, 
/**
 * Customers of the cohort whose latest event is at a goal.
 */
completed: number, 
/**
 * Customers of the cohort who have dropped as of as-of.
 */
churned: number, 
/**
 * Where the churned customers' latest events are, most customers first.
 */
churned_at: Array<ChurnedAt>, };

export type Cohorts = { by: Period, 
/**
 * The instant retention and churn are measured up to (RFC 3339), as in the report.
 */
as_of: string | null, inactive_days: number, cohorts: Array<Cohort>, };

export type ChangePeriods = { "kind": "last", days: number, } | { "kind": "between", a_from_ms: number, a_to_ms: number, b_from_ms: number, b_to_ms: number, };

export type ComparedPeriod = { 
/**
 * First day, `YYYY-MM-DD` (UTC).
 */
from: string, 
/**
 * Last day, `YYYY-MM-DD` (UTC), included.
 */
to: string, from_ms: number, to_ms: number, customers: number, events: number, 
/**
 * Whether its drop-offs are final (see [`super::PeriodReport::settled`]).
 */
settled: boolean, };

export type EdgeChange = { from: string, to: string, from_touchpoint_id: number | null, to_touchpoint_id: number | null, designed: boolean, a_count: number, 
/**
 * Moves out of `from` in A (its events followed by another): the share's denominator.
 */
a_total: number, 
/**
 * `a_count ÷ a_total × 100`.
 */
a_share: number, b_count: number, b_total: number, b_share: number, p_value: number, q_value: number, 
/**
 * `q_value` < [`SIGNIFICANT_Q`]: unlikely to be chance.
 */
significant: boolean, };

export type ChangeMetric = "reach_pct" | "engagement_rate" | "dropoff_rate";

export type NodeChange = { touchpoint: string, touchpoint_id: number, metric: ChangeMetric, a: number, b: number, a_count: number, a_total: number, b_count: number, b_total: number, p_value: number, q_value: number, 
/**
 * `q_value` < [`SIGNIFICANT_Q`]: unlikely to be chance.
 */
significant: boolean, };

export type Changes = { a: ComparedPeriod, b: ComparedPeriod, 
/**
 * The least denominator, on each side, for a figure to be tested.
 */
min_count: number, 
/**
 * Whether drop-off rates were compared: for Compare, when each report is measured at its
 * own latest event (the default as-of), both have given their customers the same time to
 * drop; with a chosen as-of, only when both are settled.
 */
dropoff_compared: boolean, 
/**
 * Figures seen on a side that were not tested, for too small a denominator.
 */
untested: number, edges: Array<EdgeChange>, nodes: Array<NodeChange>, };

export type Differences = { 
/**
 * The least denominator, on each side, for a figure to be tested.
 */
min_count: number, 
/**
 * Whether drop-off rates were compared: for Compare, when each report is measured at its
 * own latest event (the default as-of), both have given their customers the same time to
 * drop; with a chosen as-of, only when both are settled.
 */
dropoff_compared: boolean, 
/**
 * Figures seen on a side that were not tested, for too small a denominator.
 */
untested: number, edges: Array<EdgeChange>, nodes: Array<NodeChange>, };

export type CustomerEvent = { touchpoint: string, touchpoint_id: number | null, stage: string | null, instant: string, event_type: string | null, value: number | null, channel: string | null, };

export type CustomerPath = { customer: string, events: Array<CustomerEvent>, };

export type Status = "completed" | "dropped" | "stalled" | "active";

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

export type Encoding = "utf8" | "utf8_bom" | "utf16_le" | "utf16_be" | "windows1252";

export type LogFormat = "csv" | "xes" | "json_lines" | "parquet";

export type Compression = "gzip" | "zstd";

export type ColumnRole = "customer" | "timestamp" | "touchpoint" | "channel" | "event_type" | "value" | "segment" | "ignore";

export type TimestampFormat = { "kind": "iso" } | { "kind": "day_month_year", separator: string, } | { "kind": "month_day_year", separator: string, } | { "kind": "epoch_seconds" } | { "kind": "epoch_millis" } | { "kind": "epoch_micros" } | { "kind": "epoch_nanos" } | { "kind": "custom", pattern: string, };

export type ImportSettings = { 
/**
 * The source's name in the workspace (default: the file name).
 */
source_name: string, 
/**
 * Told from the file's content; the settings below `format` up to `has_header` are CSV's.
 */
format: LogFormat, encoding: Encoding, delimiter: string, 
/**
 * The quote character; `None` reads quotes as ordinary text.
 */
quote: string | null, 
/**
 * The first record names the columns.
 */
has_header: boolean, 
/**
 * Column names: the header's, or `column 1`, `column 2`… without one.
 */
columns: Array<string>, 
/**
 * One role per column.
 */
roles: Array<ColumnRole>, 
/**
 * `None` when the sample could not decide (e.g. `01/02/2026`): ask the user.
 */
timestamp_format: TimestampFormat | null, 
/**
 * IANA zone in which timestamps without an offset are read.
 */
timezone: string, 
/**
 * Event types that are exposures; `None` proposes those of [`EXPOSURE_WORDS`] found in the log.
 */
exposure_types: Array<string> | null, 
/**
 * The journey whose touchpoints log values are matched to (default: the first one).
 */
journey: JourneyId | null, 
/**
 * Import even if a file with the same content was imported before.
 */
force: boolean, };

export type Overrides = { source_name: string | null, encoding: Encoding | null, delimiter: string | null, has_header: boolean | null, 
/**
 * Columns by header name or 1-based number.
 */
customer: string | null, timestamp: string | null, touchpoint: string | null, channel: string | null, event_type: string | null, value: string | null, segments: Array<string>, timestamp_format: TimestampFormat | null, timezone: string | null, };

export type TimestampPreview = { text: string, 
/**
 * RFC 3339 in UTC, or `None` when the text does not parse with the chosen format.
 */
instant: string | null, };

export type ExportShape = "process_mining" | "post_hog" | "amplitude" | "mixpanel" | "ga4" | "segment";

export type CustomerBasis = "case_id" | "stable_id";

export type Detection = { settings: ImportSettings, 
/**
 * The first records of the file (after the header) as text, one string per field.
 */
sample_rows: Array<Array<string>>, 
/**
 * Timestamp formats that read every sampled value; more than one means the user must choose.
 */
timestamp_candidates: Array<TimestampFormat>, 
/**
 * The first timestamps of the sample and the instant each one reads as.
 */
timestamp_preview: Array<TimestampPreview>, 
/**
 * Whatever detection could not settle, in words for the user.
 */
notes: Array<string>, 
/**
 * The known tool whose export the columns look like, if any.
 */
export_shape: ExportShape | null, 
/**
 * How the file is compressed, told by its first bytes.
 */
compression: Compression | null, 
/**
 * Other columns that could have held the customer id.
 */
customer_alternatives: Array<string>, 
/**
 * Why the customer column was chosen over the alternatives.
 */
customer_basis: CustomerBasis, file_size: number, };

export type ImportPhase = "reading" | "storing";

export type Progress = { phase: ImportPhase, bytes_read: number, total_bytes: number, };

export type UnmappedValue = { value: string, events: number, };

export type ImportSummary = { source: string, rows_read: number, events_imported: number, rows_rejected: number, duplicates: number, rejected_by_reason: Record<string, number>, unmapped: Array<UnmappedValue>, source_id: number, 
/**
 * The journey whose touchpoints the values were matched to.
 */
journey: JourneyId, 
/**
 * Set when the workspace had no journey and one was made from the log's values.
 */
journey_created: boolean, timezone: string, 
/**
 * Distinct customers among the events of this file (for XES: its traces).
 */
customers: number, format: LogFormat, };

export type RejectedRow = { source: string, 
/**
 * 1-based physical line on which the record starts; the header is line 1.
 */
line: number, reason: string, message: string, raw: string, };

export type RejectedPage = { total: number, offset: number, rows: Array<RejectedRow>, };

export type Replay = { 
/**
 * The first kept event's instant (ms since the epoch, UTC); 0 with no event.
 */
start_ms: number, 
/**
 * Just after the last kept event's instant.
 */
end_ms: number, 
/**
 * Customers with at least one kept event on the map, of whom `shown` are drawn.
 */
customers: number, shown: number, 
/**
 * The map's touchpoints; `nodes` and `counts` index into it.
 */
touchpoints: Array<TouchpointId>, 
/**
 * Drawn customer `k`'s events are `starts[k]..starts[k + 1]` of `times_s` and `nodes`.
 */
starts: Array<number>, 
/**
 * Seconds from `start_ms`, in the customer's event order.
 */
times_s: Array<number>, nodes: Array<number>, 
/**
 * The instants (ms) at which `counts` are taken: `bins + 1` of them from start to end.
 */
count_at_ms: Array<number>, 
/**
 * `counts[i * touchpoints.len() + n]`: events at node `n` strictly before `count_at_ms[i]`
 * (all kept events at the last one).
 */
counts: Array<number>, };

export type MapFormat = "png" | "svg" | "pdf";

export type HtmlFigure = { key: string, label: string, value: string, };

export type HtmlTouchpoint = { id: number, name: string, stage: string, 
/**
 * The map's figure for this touchpoint, shown on hover.
 */
headline: string, figures: Array<HtmlFigure>, };

export type HtmlMap = { svg: string, touchpoints: Array<HtmlTouchpoint>, };

export type HtmlStage = { eyebrow: string, title: string, figures: Array<HtmlFigure>, columns: Array<string>, rows: Array<Array<string>>, };

export type HtmlSlide = { title: string, note: string, 
/**
 * The view's filters and metric, worded.
 */
lines: Array<string>, map: HtmlMap, };

export type HtmlStory = { title: string, slides: Array<HtmlSlide>, };

export type HtmlLabels = { map: string, stages: string, story: string, 
/**
 * What the inspector says before a touchpoint is chosen.
 */
hint: string, previous: string, next: string, 
/**
 * "Made with Percorso", at the foot of the page.
 */
made_with: string, };

export type HtmlPage = { 
/**
 * The page's title: the journey's name.
 */
title: string, 
/**
 * The language of the texts, as a BCP 47 tag ("en", "it").
 */
language: string, 
/**
 * Lines under the title: what is measured, the filters, when it was made.
 */
lines: Array<string>, labels: HtmlLabels, map: HtmlMap, 
/**
 * One card per stage, in journey order.
 */
stages: Array<HtmlStage>, 
/**
 * The story to tell, if one was chosen.
 */
story: HtmlStory | null, };

export type DataFormat = "csv" | "json";

export type Paper = "a4" | "letter";

export type ReportTable = "touchpoints" | "transitions" | "stages" | "unmapped";

export type EditKind = "rename_journey" | "edit_journey_description" | "add_stage" | "rename_stage" | "reorder_stages" | "delete_stage" | "add_touchpoint" | "edit_touchpoint" | "move_touchpoint" | "rename_touchpoint" | "delete_touchpoint" | "add_transition" | "delete_transition" | "add_persona" | "edit_persona" | "delete_persona" | "delete_selection" | "paste" | "tidy_layout" | "several" | "discover_journey" | "save_view" | "update_view" | "rename_view" | "reorder_views" | "delete_view" | "add_note" | "delete_note" | "save_story" | "update_story" | "delete_story";

export type EditKindLabel = { kind: EditKind, label: string, };

export type Slots = { 
/**
 * Offset of the left slots from the lane's left edge.
 */
left: number, 
/**
 * How much further right every other row sits.
 */
stagger: number, 
/**
 * Offset of the first row from the band's top.
 */
top: number, 
/**
 * Distance between rows.
 */
row: number, };
