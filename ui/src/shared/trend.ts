// A trend's numbers as the charts draw them: one touchpoint's metric, or one stage's reach,
// through the periods. Every value is the period report's own (never recomputed here); a period
// whose report lacks the touchpoint or stage has no value (null), drawn as a gap.

import type { Language } from "../i18n";
import type { Node, StageId, TouchpointId, Trend } from "../generated/types";
import { formatNumber } from "./format";
import { formatMetric } from "./overlay";
import { METRIC_SPECS, METRICS, metricValue, type MetricSpec } from "./scales";

export interface Series {
  /** Each period's first instant (UTC milliseconds). */
  starts: number[];
  values: (number | null)[];
  settled: boolean[];
}

/**
 * What a trend can follow: the metrics the map is coloured by, and the events (the volume, which
 * the map shows by no colour but a trend reads first).
 */
export const TREND_METRICS = [...METRICS, "events"] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];

export function trendValue(node: Node, metric: TrendMetric): number | null {
  return metric === "events" ? node.events : metricValue(node, metric);
}

export function trendKind(metric: TrendMetric): MetricSpec["kind"] {
  return metric === "events" ? "count" : METRIC_SPECS[metric].kind;
}

/** A value of `metric` as the map's overlay writes it ("events" as a count). */
export function formatTrendValue(
  language: Language,
  metric: TrendMetric,
  value: number | null,
): string {
  return metric === "events"
    ? formatNumber(language, value, 0)
    : formatMetric(language, metric, value);
}

/** Whether `metric` can still grow in a period that is not settled (only drop-off can). */
export function growsUntilSettled(metric: TrendMetric): boolean {
  return metric === "dropoff_rate";
}

/** One touchpoint's `metric` in every period of `trend`. */
export function seriesOf(trend: Trend, touchpoint: TouchpointId, metric: TrendMetric): Series {
  return {
    starts: trend.periods.map((p) => p.start_ms),
    values: trend.periods.map((p) => {
      const node = p.report.nodes.find((n) => n.touchpoint_id === touchpoint);
      return node ? trendValue(node, metric) : null;
    }),
    settled: trend.periods.map((p) => p.settled),
  };
}

/** One stage's customers reached (the number its funnel bar shows) in every period of `trend`. */
export function stageSeriesOf(trend: Trend, stage: StageId): Series {
  return {
    starts: trend.periods.map((p) => p.start_ms),
    values: trend.periods.map(
      (p) => p.report.stages.find((s) => s.stage_id === stage)?.reached ?? null,
    ),
    settled: trend.periods.map((p) => p.settled),
  };
}

/** Every stage's series of `trend`, by stage id (each stage any period's report has). */
export function stageSeries(trend: Trend): Map<StageId, Series> {
  const ids = new Set<StageId>();
  for (const p of trend.periods) for (const s of p.report.stages) ids.add(s.stage_id);
  return new Map([...ids].map((id) => [id, stageSeriesOf(trend, id)]));
}
