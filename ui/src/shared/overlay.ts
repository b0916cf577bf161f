// What the Analyze overlay draws, computed from the journey and the report(s) as plain data:
// which observed transitions to show, each node's colour and headline, and a customer's path as
// steps. Pure, so it is tested without a canvas.

import type { CustomerPath, Differences, Edge, Node, Report } from "../generated/types";
import type { Language } from "../i18n";
import { formatDuration, formatNumber, formatPercent, formatPoints, formatSigned } from "./format";
import {
  divergingColour,
  divergingExtent,
  domainOf,
  METRIC_SPECS,
  metricValue,
  paletteFor,
  sequentialColour,
  type Domain,
  type Metric,
} from "./scales";
import { changeMetricOf, nodeSignificance, type NodeSignificance } from "./significance";

/** Observed transitions not on the map are drawn when they carry this share of a touchpoint's events. */
export const UNDESIGNED_MIN_SHARE = 5;

/**
 * The observed transitions that the map lacks and that matter: between two touchpoints of the
 * map, not a repeat of the same touchpoint, and at least `minShare` % of where customers go next.
 */
export function notableUndesigned(edges: Edge[], minShare = UNDESIGNED_MIN_SHARE): Edge[] {
  return edges.filter(
    (e) =>
      !e.designed &&
      e.from_touchpoint_id !== null &&
      e.to_touchpoint_id !== null &&
      e.from_touchpoint_id !== e.to_touchpoint_id &&
      (e.share ?? 0) >= minShare,
  );
}

/** A metric's value as the overlay writes it. */
export function formatMetric(language: Language, metric: Metric, value: number | null): string {
  switch (METRIC_SPECS[metric].kind) {
    case "percent":
      return formatPercent(language, value);
    case "duration":
      return formatDuration(language, value);
    case "count":
      return formatNumber(language, value, 0);
    case "number":
      return formatNumber(language, value, 1);
  }
}

/** A difference B − A of a metric as the overlay writes it. */
export function formatDifference(language: Language, metric: Metric, diff: number | null): string {
  if (diff === null) return "—";
  switch (METRIC_SPECS[metric].kind) {
    case "percent":
      return formatPoints(language, diff);
    case "duration": {
      const sign = diff > 0 ? "+" : diff < 0 ? "-" : "";
      return `${sign}${formatDuration(language, Math.abs(diff))}`;
    }
    case "count":
      return formatSigned(language, diff, 0);
    case "number":
      return formatSigned(language, diff, 1);
  }
}

export interface NodeLook {
  value: number | null;
  fill: string;
  headline: string;
  /**
   * In compare mode, whether the difference B − A is significant or may be chance, when the
   * metric is a proportion the engine tested at this touchpoint; null otherwise.
   */
  significance: NodeSignificance | null;
}

export interface Looks {
  byTouchpoint: Map<number, NodeLook>;
  /** The sequential domain, or null in compare mode. */
  domain: Domain | null;
  /** The diverging extent in compare mode. */
  extent: number | null;
}

function nodesById(report: Report): Map<number, Node> {
  return new Map(report.nodes.map((n) => [n.touchpoint_id, n]));
}

/**
 * Every node's colour and headline: the metric on a sequential scale, or B − A on a diverging
 * one, with the verdict of `differences` (the engine's tests of A against B) when comparing.
 */
export function nodeLooks(
  language: Language,
  metric: Metric,
  a: Report,
  b: Report | null,
  differences: Differences | null = null,
): Looks {
  const byTouchpoint = new Map<number, NodeLook>();
  if (b === null) {
    const fromZero = METRIC_SPECS[metric].kind !== "number";
    const domain = domainOf(
      a.nodes.map((n) => metricValue(n, metric)),
      fromZero,
    );
    const stops = paletteFor(metric);
    for (const n of a.nodes) {
      const value = metricValue(n, metric);
      byTouchpoint.set(n.touchpoint_id, {
        value,
        fill: sequentialColour(stops, domain, value),
        headline: formatMetric(language, metric, value),
        significance: null,
      });
    }
    return { byTouchpoint, domain, extent: null };
  }
  const bNodes = nodesById(b);
  const diffs = new Map<number, number | null>();
  for (const n of a.nodes) {
    const other = bNodes.get(n.touchpoint_id);
    const va = metricValue(n, metric);
    const vb = other ? metricValue(other, metric) : null;
    diffs.set(n.touchpoint_id, va === null || vb === null ? null : vb - va);
  }
  const extent = divergingExtent([...diffs.values()]);
  const tested = changeMetricOf(metric);
  for (const [id, diff] of diffs) {
    byTouchpoint.set(id, {
      value: diff,
      fill: divergingColour(extent, diff),
      headline: formatDifference(language, metric, diff),
      significance: nodeSignificance(differences, id, tested),
    });
  }
  return { byTouchpoint, domain: null, extent };
}

export interface PathStep {
  index: number;
  touchpoint: string;
  touchpointId: number | null;
  ms: number;
  /** Milliseconds since the previous event; null for the first. */
  sinceMs: number | null;
}

export function pathSteps(path: CustomerPath): PathStep[] {
  let previous: number | null = null;
  return path.events.map((e, index) => {
    const ms = Date.parse(e.instant);
    const step: PathStep = {
      index,
      touchpoint: e.touchpoint,
      touchpointId: e.touchpoint_id,
      ms,
      sinceMs: previous === null ? null : ms - previous,
    };
    previous = ms;
    return step;
  });
}

/** The moves between two different touchpoints of the map, in order, for drawing the path. */
export function pathMoves(steps: PathStep[]): { from: number; to: number; step: PathStep }[] {
  const moves: { from: number; to: number; step: PathStep }[] = [];
  steps.forEach((step, i) => {
    const a = i > 0 ? steps[i - 1]?.touchpointId : null;
    const b = step.touchpointId;
    if (a !== null && a !== undefined && b !== null && a !== b)
      moves.push({ from: a, to: b, step });
  });
  return moves;
}
