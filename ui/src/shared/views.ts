// Saved views (the engine's crate::view): named states of Analyze that a facilitator prepares
// before a workshop and opens in one click during it. Here the pure half: Analyze's state to the
// engine's ViewState and back, the name a new view is offered, and what a view asks for that the
// log or the map no longer has. Such a view opens anyway without those parts, with a note that
// says which, because a workshop must not stop on an error dialog.

import type {
  CompareState,
  Dimensions,
  Journey,
  Params,
  Report,
  Segment,
  TouchpointId,
  ViewState,
  Viewport,
} from "../generated/types";
import { fill, translate, type Language } from "../i18n";
import { formatDay } from "./format";
import { METRICS, type Metric } from "./scales";
import { defaultChoice, simplify, type Simplification } from "./simplify";
import type { StoredChoice } from "./simplifyChoice";

/** The metric Analyze opens with, and the one a view of an unknown metric falls back to. */
export const FIRST_METRIC: Metric = "dropoff_rate";

/** What Analyze shows, in the pieces it holds them. */
export interface AnalyzeState {
  params: Params;
  metric: Metric;
  /** Compare's B side; null when Compare is off. */
  compare: CompareState | null;
  /** The sliders the user moved; a missing one follows its default. */
  simplify: StoredChoice;
  selected: TouchpointId | null;
  customer: string | null;
  /** Null before the map is first drawn, or for a view saved without one. */
  viewport: Viewport | null;
  trends: boolean;
}

/** Something a view asks for that is gone, so the view opens without it. */
export type MissingPart =
  | { kind: "segment"; segment: Segment }
  | { kind: "compare_segment"; segment: Segment }
  | { kind: "channel"; channel: string }
  | { kind: "touchpoint"; touchpoint: TouchpointId };

/** Compare's B side from Analyze's compare controls. */
export function compareState(
  comparing: boolean,
  kind: CompareState["kind"],
  segments: Segment[],
  dates: Pick<Params, "from_ms" | "to_ms">,
): CompareState | null {
  if (!comparing) return null;
  return kind === "segments"
    ? { kind, segments }
    : { kind, from_ms: dates.from_ms, to_ms: dates.to_ms };
}

/** The state to store; what is unset is left out, so that the engine stores None. */
export function toViewState(state: AnalyzeState): ViewState {
  const view: ViewState = { params: state.params, metric: state.metric, trends: state.trends };
  if (state.compare) view.compare = state.compare;
  if (state.simplify.transitions !== undefined) view.transitions_pct = state.simplify.transitions;
  if (state.simplify.touchpoints !== undefined) view.touchpoints_pct = state.simplify.touchpoints;
  if (state.selected !== null) view.selected = state.selected;
  if (state.customer !== null) view.customer = state.customer;
  if (state.viewport) view.viewport = state.viewport;
  return view;
}

/**
 * A stored state as Analyze's pieces. The engine writes an unset field as null, not absent, so
 * every optional field is read with `??`; a metric this version does not know falls back.
 */
export function fromViewState(view: ViewState): AnalyzeState {
  const compare = view.compare ?? null;
  return {
    params: view.params,
    metric: METRICS.find((m) => m === view.metric) ?? FIRST_METRIC,
    compare:
      compare === null
        ? null
        : compare.kind === "segments"
          ? { kind: "segments", segments: compare.segments }
          : { kind: "dates", from_ms: compare.from_ms ?? null, to_ms: compare.to_ms ?? null },
    simplify: {
      transitions: view.transitions_pct ?? undefined,
      touchpoints: view.touchpoints_pct ?? undefined,
    },
    selected: view.selected ?? null,
    customer: view.customer ?? null,
    viewport: view.viewport ?? null,
    trends: view.trends,
  };
}

/** `value` as JSON with the keys of every object sorted, to compare states built in any order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Whether two viewports show the same part of the map, to a fraction of a pixel. */
export function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}

/**
 * Whether Analyze (`now`) still shows the view `opened`. The viewport counts only when the view
 * has one: a view saved before the map was drawn holds wherever the map is.
 */
export function showsView(now: ViewState, opened: ViewState): boolean {
  const rest = (s: ViewState) => canonical({ ...s, viewport: undefined });
  if (rest(now) !== rest(opened)) return false;
  if (!opened.viewport) return true;
  return now.viewport !== undefined && sameViewport(now.viewport, opened.viewport);
}

function hasSegment(dimensions: Dimensions, segment: Segment): boolean {
  const attribute = dimensions.attributes.find((a) => a.name === segment.attribute);
  return attribute !== undefined && attribute.values.includes(segment.value);
}

/**
 * What `state` filters on or selects that is gone: a segment or channel the log no longer has
 * (not checked while the log's dimensions are not known yet), a touchpoint no longer on the map.
 */
export function missingParts(
  state: ViewState,
  dimensions: Dimensions | null,
  journey: Journey,
): MissingPart[] {
  const missing: MissingPart[] = [];
  if (dimensions) {
    for (const segment of state.params.segments) {
      if (!hasSegment(dimensions, segment)) missing.push({ kind: "segment", segment });
    }
    for (const channel of state.params.channels) {
      if (!dimensions.channels.includes(channel)) missing.push({ kind: "channel", channel });
    }
    if (state.compare?.kind === "segments") {
      for (const segment of state.compare.segments) {
        if (!hasSegment(dimensions, segment)) missing.push({ kind: "compare_segment", segment });
      }
    }
  }
  const selected = state.selected ?? null;
  if (selected !== null && !journey.touchpoints.some((tp) => tp.id === selected)) {
    missing.push({ kind: "touchpoint", touchpoint: selected });
  }
  return missing;
}

/** `state` without the parts that are gone. */
export function withoutMissing(state: ViewState, missing: MissingPart[]): ViewState {
  if (missing.length === 0) return state;
  const gone = (kind: MissingPart["kind"], segment: Segment) =>
    missing.some(
      (m) =>
        m.kind === kind &&
        "segment" in m &&
        m.segment.attribute === segment.attribute &&
        m.segment.value === segment.value,
    );
  const goneChannels = new Set(missing.flatMap((m) => (m.kind === "channel" ? [m.channel] : [])));
  const params = {
    ...state.params,
    segments: state.params.segments.filter((s) => !gone("segment", s)),
    channels: state.params.channels.filter((c) => !goneChannels.has(c)),
  };
  const compare =
    state.compare?.kind === "segments"
      ? {
          kind: "segments" as const,
          segments: state.compare.segments.filter((s) => !gone("compare_segment", s)),
        }
      : state.compare;
  const out: ViewState = { ...state, params, compare };
  if (missing.some((m) => m.kind === "touchpoint")) delete out.selected;
  return out;
}

/** One missing part in words. */
function partText(language: Language, part: MissingPart): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  switch (part.kind) {
    case "segment":
    case "compare_segment":
      return fill(t(`views.missing.${part.kind}`), { ...part.segment });
    case "channel":
      return fill(t("views.missing.channel"), { channel: part.channel });
    case "touchpoint":
      return t("views.missing.touchpoint");
  }
}

/** The note shown when the view `name` opened without `missing` (not empty). */
export function noteText(language: Language, name: string, missing: MissingPart[]): string {
  const key = missing.length === 1 ? "views.note.one" : "views.note.many";
  return fill(translate(language, key), {
    name,
    parts: missing.map((m) => partText(language, m)).join("; "),
  });
}

/** The dates of a filter as a short range: "1 Jan 2026 – 31 Mar 2026", "1 Jan 2026 – …". */
function datesText(language: Language, params: Params): string | null {
  if (params.from_ms === null && params.to_ms === null) return null;
  const from = params.from_ms === null ? "…" : formatDay(language, params.from_ms);
  // The filter's "to" is exclusive: the range ends the day before (as shared/filters.ts writes it).
  const to = params.to_ms === null ? "…" : formatDay(language, params.to_ms - 1);
  return `${from} – ${to}`;
}

/**
 * The name a new view is offered: what its filters keep (segment values, channels, dates), or
 * "View N" with no filter; never one of `taken`.
 */
export function defaultName(language: Language, state: ViewState, taken: string[]): string {
  const { params } = state;
  const dates = datesText(language, params);
  const parts = [
    ...params.segments.map((s) => s.value),
    ...params.channels,
    ...(dates ? [dates] : []),
  ];
  const names = new Set(taken);
  if (parts.length === 0) {
    const numbered = (n: number) => fill(translate(language, "views.default_name"), { n });
    let n = taken.length + 1;
    while (names.has(numbered(n))) n += 1;
    return numbered(n);
  }
  const base = parts.join(", ");
  let name = base;
  for (let n = 2; names.has(name); n += 1) name = `${base} (${n})`;
  return name;
}

/**
 * What a saved view's map leaves out, drawn on `report` (the report of its filters): its sliders'
 * positions, or for a slider it never moved the default Analyze would open it with, and its
 * selected touchpoint never hidden, as in Analyze.
 */
export function viewSimplification(report: Report, view: ViewState): Simplification {
  const defaults = defaultChoice(report);
  const pinned = view.selected === undefined || view.selected === null ? [] : [view.selected];
  return simplify(
    report,
    {
      transitions: view.transitions_pct ?? defaults.transitions,
      touchpoints: view.touchpoints_pct ?? defaults.touchpoints,
    },
    pinned,
  );
}

/**
 * The filters of Compare's B side, or null when nothing is compared: `params` with the compared
 * segments or dates in their place. Analyze asks for B with them, and a saved view's slide too.
 */
export function comparedParams(
  params: Params,
  compare: CompareState | null | undefined,
): Params | null {
  if (!compare) return null;
  return compare.kind === "segments"
    ? { ...params, segments: compare.segments }
    : { ...params, from_ms: compare.from_ms ?? null, to_ms: compare.to_ms ?? null };
}

/** The filters of a saved view's B side, or null when the view does not compare. */
export function viewParamsB(state: ViewState): Params | null {
  return comparedParams(state.params, state.compare);
}
