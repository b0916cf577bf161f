// Simplification of the Analyze map, as Disco's sliders do it: the "transitions" slider keeps the
// transitions that carry the top X % of the moves, the "touchpoints" slider keeps the touchpoints
// reached by the most customers. Only the drawing is simplified: every number of the report stays
// as it is, and the notes' shares are taken over all the report's items, hidden ones included.
// Pure functions of the report, so they are tested without a canvas.

import type { Edge, Report } from "../generated/types";

/** Both sliders are whole percentages from 0 to 100; 100 shows everything. */
export const FULL = 100;

/** A report this small is drawn whole by default: it is legible without simplification. */
export const SMALL_TOUCHPOINTS = 15;
export const SMALL_TRANSITIONS = 30;

/**
 * The default rule for a larger report: keep the transitions that carry 80 % of the moves, but
 * never more than 2.5 transitions per touchpoint with data, whichever shows fewer (see
 * `defaultTransitions`).
 */
export const DEFAULT_MOVES_PERCENT = 80;
export const DEFAULT_EDGES_PER_TOUCHPOINT = 2.5;

export interface SimplifyChoice {
  /** Keep the transitions carrying this % of the moves (at least the heaviest one). */
  transitions: number;
  /** Keep this % of the touchpoints, the most reached first (at least the most reached one). */
  touchpoints: number;
}

/** How much of a kind of item the drawing shows, for the note next to a slider. */
export interface Shown {
  shown: number;
  total: number;
  /** Moves (transitions) or events (touchpoints) of the shown items… */
  shownWeight: number;
  /** …and of all the report's items, hidden ones included. */
  totalWeight: number;
  /** shownWeight ÷ totalWeight as a whole % for the note (see `wholeShare`); null when empty. */
  share: number | null;
}

export interface Simplification {
  /** Touchpoints the map leaves out. */
  hiddenTouchpoints: ReadonlySet<number>;
  /** Observed transitions (keys of `transitionKey`) the map leaves out, for either reason. */
  hiddenTransitions: ReadonlySet<string>;
  touchpoints: Shown;
  transitions: Shown;
}

/** The key of the transition from one touchpoint to another. */
export function transitionKey(from: number, to: number): string {
  return `${from}-${to}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The transitions the slider ranks: observed moves (count > 0) between two different touchpoints
 * of the map, the heaviest first; ties by the touchpoints' names, then ids, so that the order never
 * depends on the report's. Repeats at one touchpoint and moves to or from a log value that is on
 * no touchpoint are not lines of the map (it never draws them), so they are not counted here.
 */
export function rankedTransitions(report: Report): Edge[] {
  return report.edges
    .filter(
      (e) =>
        e.count > 0 &&
        e.from_touchpoint_id !== null &&
        e.to_touchpoint_id !== null &&
        e.from_touchpoint_id !== e.to_touchpoint_id,
    )
    .sort(
      (a, b) =>
        b.count - a.count ||
        compareText(a.from, b.from) ||
        compareText(a.to, b.to) ||
        (a.from_touchpoint_id ?? 0) - (b.from_touchpoint_id ?? 0) ||
        (a.to_touchpoint_id ?? 0) - (b.to_touchpoint_id ?? 0),
    );
}

function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return FULL;
  return Math.min(FULL, Math.max(0, percent));
}

/**
 * How many of the ranked transitions the slider keeps: the smallest prefix whose moves reach
 * `percent` % of all their moves, and at least the heaviest one. Sums are compared in integers
 * (count × 100 against total × percent), so 100 % keeps every transition.
 */
export function keptTransitionCount(ranked: Edge[], percent: number): number {
  if (ranked.length === 0) return 0;
  const p = clampPercent(percent);
  const total = ranked.reduce((sum, e) => sum + e.count, 0);
  let sum = 0;
  for (let i = 0; i < ranked.length; i++) {
    sum += ranked[i]?.count ?? 0;
    if (sum * FULL >= total * p) return i + 1;
  }
  return ranked.length;
}

/**
 * The fewest customers a touchpoint needs to stay at `percent` %: the reach of the touchpoint
 * ranked ⌈n × percent ÷ 100⌉-th by customers (at least the first). Touchpoints tied with it stay
 * too, so the cut never falls between two equally reached touchpoints.
 */
export function touchpointThreshold(report: Report, percent: number): number {
  const reach = report.nodes.map((n) => n.customers).sort((a, b) => b - a);
  if (reach.length === 0) return 0;
  const k = Math.min(
    reach.length,
    Math.max(1, Math.ceil((reach.length * clampPercent(percent)) / FULL)),
  );
  return reach[k - 1] ?? 0;
}

/**
 * `part` ÷ `whole` as a whole percentage for the notes: 100 only when nothing is missing and 0
 * only when nothing is there, so that a note never reads "100 %" while something is hidden.
 */
export function wholeShare(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  if (part >= whole) return FULL;
  if (part <= 0) return 0;
  return Math.min(FULL - 1, Math.max(1, Math.round((part * FULL) / whole)));
}

function shown(shownCount: number, total: number, shownWeight: number, totalWeight: number): Shown {
  return {
    shown: shownCount,
    total,
    shownWeight,
    totalWeight,
    share: wholeShare(shownWeight, totalWeight),
  };
}

/**
 * What the map draws at the sliders' values. `pinned` touchpoints (the selected one, the steps of
 * an open customer path) are never hidden, whatever their reach. A transition is drawn when the
 * transitions slider keeps it and neither of its touchpoints is hidden.
 */
export function simplify(
  report: Report,
  choice: SimplifyChoice,
  pinned: Iterable<number> = [],
): Simplification {
  const threshold = touchpointThreshold(report, choice.touchpoints);
  const keep = new Set(pinned);
  const hiddenTouchpoints = new Set<number>();
  let shownNodes = 0;
  let shownEvents = 0;
  let totalEvents = 0;
  for (const n of report.nodes) {
    totalEvents += n.events;
    if (n.customers >= threshold || keep.has(n.touchpoint_id)) {
      shownNodes += 1;
      shownEvents += n.events;
    } else {
      hiddenTouchpoints.add(n.touchpoint_id);
    }
  }

  const ranked = rankedTransitions(report);
  const kept = keptTransitionCount(ranked, choice.transitions);
  const hiddenTransitions = new Set<string>();
  let shownEdges = 0;
  let shownMoves = 0;
  let totalMoves = 0;
  ranked.forEach((e, i) => {
    totalMoves += e.count;
    const from = e.from_touchpoint_id ?? 0;
    const to = e.to_touchpoint_id ?? 0;
    if (i < kept && !hiddenTouchpoints.has(from) && !hiddenTouchpoints.has(to)) {
      shownEdges += 1;
      shownMoves += e.count;
    } else {
      hiddenTransitions.add(transitionKey(from, to));
    }
  });

  return {
    hiddenTouchpoints,
    hiddenTransitions,
    touchpoints: shown(shownNodes, report.nodes.length, shownEvents, totalEvents),
    transitions: shown(shownEdges, ranked.length, shownMoves, totalMoves),
  };
}

/** Whether the report is small enough to be drawn whole by default. */
export function isSmall(report: Report): boolean {
  return (
    report.nodes.length <= SMALL_TOUCHPOINTS &&
    rankedTransitions(report).length <= SMALL_TRANSITIONS
  );
}

/**
 * The transitions slider's default. A small report (≤ 15 touchpoints and ≤ 30 transitions) shows
 * everything. A larger one keeps the transitions carrying 80 % of the moves, or fewer: at most
 * 2.5 transitions per touchpoint with data (one that some customer reached), rounded down, since
 * past about that density the lines of a journey map cross into a tangle. Of the two, the
 * smaller value wins. A 40-touchpoint log thus starts with at most 100 lines however many
 * transitions it has, and a sparse one (few transitions per touchpoint) with 80 % of its moves.
 *
 * The percentage is a whole number the slider can show: the largest p ≤ 80 whose kept prefix has
 * no more than the cap, which is ⌊moves of the first `cap` transitions × 100 ÷ all moves⌋.
 */
export function defaultTransitions(report: Report): number {
  if (isSmall(report)) return FULL;
  const ranked = rankedTransitions(report);
  const reached = report.nodes.filter((n) => n.customers > 0).length;
  const cap = Math.max(1, Math.floor(DEFAULT_EDGES_PER_TOUCHPOINT * Math.max(1, reached)));
  if (ranked.length <= cap) return DEFAULT_MOVES_PERCENT;
  const total = ranked.reduce((sum, e) => sum + e.count, 0);
  if (total === 0) return FULL;
  const head = ranked.slice(0, cap).reduce((sum, e) => sum + e.count, 0);
  return Math.min(DEFAULT_MOVES_PERCENT, Math.floor((head * FULL) / total));
}

/**
 * The touchpoints slider's default: every touchpoint. The touchpoints are the journey as it was
 * designed, and a map of 40 of them reads well once its transitions are thinned; hiding a rare
 * one is the analyst's call.
 */
export const DEFAULT_TOUCHPOINTS = FULL;

/** Both defaults for a report. */
export function defaultChoice(report: Report): SimplifyChoice {
  return { transitions: defaultTransitions(report), touchpoints: DEFAULT_TOUCHPOINTS };
}
