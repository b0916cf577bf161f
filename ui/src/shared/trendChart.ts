// What the Trends panel draws, as plain data: which touchpoints have a line and in which colour,
// each line's values through the periods (split where drop-off can still grow, so that part is
// drawn dashed), what the tooltip says at a period, and the date filter a brushed range of periods
// stands for. Pure, so it is tested without a chart.

import type { Params, Period, Report, TouchpointId, Trend } from "../generated/types";
import { fill, type Language, type MessageKey } from "../i18n";
import { formatDay, formatMonth } from "./format";
import { growsUntilSettled, seriesOf, type TrendMetric } from "./trend";

/** The most lines a chart holds: beyond this the colours stop telling them apart. */
export const MAX_LINES = 6;

/** How many touchpoints the panel follows when none is selected: the busiest ones. */
export const DEFAULT_LINES = 3;

// Okabe and Ito's colour-blind-safe palette (without its yellow and black, which read badly as
// thin lines on white), one per line.
export const LINE_COLOURS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9"];

export interface Line {
  touchpoint: TouchpointId;
  /** Index into LINE_COLOURS; a line keeps its colour while others come and go. */
  colour: number;
}

/** The selected touchpoint alone, or else the `count` touchpoints with the most events. */
export function defaultLines(
  report: Report | null,
  selected: TouchpointId | null,
  count = DEFAULT_LINES,
): Line[] {
  if (selected !== null) return [{ touchpoint: selected, colour: 0 }];
  const busiest = (report?.nodes ?? [])
    .filter((n) => n.events > 0)
    .sort((a, b) => b.events - a.events || a.touchpoint_id - b.touchpoint_id)
    .slice(0, Math.min(count, MAX_LINES));
  return busiest.map((n, i) => ({ touchpoint: n.touchpoint_id, colour: i }));
}

/** `lines` with `touchpoint` added in the first colour no line has; unchanged if there or full. */
export function addLine(lines: Line[], touchpoint: TouchpointId): Line[] {
  if (lines.length >= MAX_LINES || lines.some((l) => l.touchpoint === touchpoint)) return lines;
  const used = new Set(lines.map((l) => l.colour));
  const colour = LINE_COLOURS.findIndex((_, i) => !used.has(i));
  return [...lines, { touchpoint, colour }];
}

export function removeLine(lines: Line[], touchpoint: TouchpointId): Line[] {
  return lines.filter((l) => l.touchpoint !== touchpoint);
}

export interface ChartPeriod {
  index: number;
  start_ms: number;
  end_ms: number;
  settled: boolean;
}

export interface LineSeries extends Line {
  /** The period reports' values, as the tooltip shows them. */
  values: (number | null)[];
  /** The values drawn solid: the settled periods (all of them unless the metric can still grow). */
  solid: (number | null)[];
  /** The values drawn dashed: periods that are not settled, joined to their settled neighbours. */
  open: (number | null)[];
}

export interface ChartModel {
  by: Period;
  metric: TrendMetric;
  periods: ChartPeriod[];
  lines: LineSeries[];
}

/**
 * Splits `values` into a solid part and a dashed part. A settled period next to one that is not
 * is in both, so that the line runs on unbroken where its style changes.
 */
export function splitOpen(
  values: (number | null)[],
  settled: boolean[],
  dashed: boolean,
): { solid: (number | null)[]; open: (number | null)[] } {
  if (!dashed) return { solid: values, open: values.map(() => null) };
  const isOpen = (i: number) => settled[i] === false;
  return {
    solid: values.map((v, i) => (isOpen(i) ? null : v)),
    open: values.map((v, i) => (isOpen(i) || isOpen(i - 1) || isOpen(i + 1) ? v : null)),
  };
}

export function chartModel(trend: Trend, lines: Line[], metric: TrendMetric): ChartModel {
  const settled = trend.periods.map((p) => p.settled);
  return {
    by: trend.by,
    metric,
    periods: trend.periods.map((p, index) => ({
      index,
      start_ms: p.start_ms,
      end_ms: p.end_ms,
      settled: p.settled,
    })),
    lines: lines.map((line) => {
      const { values } = seriesOf(trend, line.touchpoint, metric);
      return { ...line, values, ...splitOpen(values, settled, growsUntilSettled(metric)) };
    }),
  };
}

/** Whether any line has a dashed part: the legend then says what dashes mean. */
export function hasOpen(model: ChartModel): boolean {
  return model.lines.some((l) => l.open.some((v) => v !== null));
}

export interface TooltipEntry {
  touchpoint: TouchpointId;
  colour: string;
  value: number | null;
  /** The value can still grow: the period is not settled and the metric is drop-off. */
  open: boolean;
}

/** The value of every line at period `index`, in the lines' order. */
export function tooltipEntries(model: ChartModel, index: number): TooltipEntry[] {
  const period = model.periods[index];
  if (!period) return [];
  return model.lines.map((l) => ({
    touchpoint: l.touchpoint,
    colour: LINE_COLOURS[l.colour] ?? LINE_COLOURS[0] ?? "#000",
    value: l.values[index] ?? null,
    open: !period.settled && growsUntilSettled(model.metric),
  }));
}

/**
 * The dates a drag from period `a` to period `b` (either order) stands for: from the first
 * period's start to the last period's end, within the dates already filtered (a period runs
 * past the filter's ends when the filter starts or ends inside it, and a brush only narrows).
 * Null when an index is outside the periods.
 */
export function brushRange(
  periods: { start_ms: number; end_ms: number }[],
  a: number,
  b: number,
  params: Pick<Params, "from_ms" | "to_ms">,
): { from_ms: number; to_ms: number } | null {
  const first = periods[Math.min(a, b)];
  const last = periods[Math.max(a, b)];
  if (!first || !last) return null;
  return {
    from_ms: Math.max(first.start_ms, params.from_ms ?? -Infinity),
    to_ms: Math.min(last.end_ms, params.to_ms ?? Infinity),
  };
}

/** `params` with the dates of a brushed range, everything else kept. */
export function withBrush(params: Params, range: { from_ms: number; to_ms: number }): Params {
  return { ...params, from_ms: range.from_ms, to_ms: range.to_ms };
}

/** A period as the tooltip names it: "5 Mar 2026", "Week of 2 Mar 2026", "March 2026". */
export function periodLabel(
  t: (key: MessageKey) => string,
  language: Language,
  by: Period,
  start_ms: number,
): string {
  switch (by) {
    case "day":
      return formatDay(language, start_ms);
    case "week":
      return fill(t("trend.week_of"), { day: formatDay(language, start_ms) });
    case "month":
      return formatMonth(language, start_ms, true);
  }
}

/** A period as the time axis marks it: its first day, or its month. */
export function tickLabel(language: Language, by: Period, start_ms: number): string {
  return by === "month" ? formatMonth(language, start_ms) : formatDay(language, start_ms);
}

/**
 * The period nearest to a point at `at` of the plot's width (0 at its left edge, 1 at its
 * right), given where each period's point is along it; null when there is none.
 */
export function nearestIndex(points: number[], at: number): number | null {
  let best: number | null = null;
  let distance = Infinity;
  points.forEach((p, i) => {
    const d = Math.abs(p - at);
    if (d < distance) {
      best = i;
      distance = d;
    }
  });
  return best;
}
