// Which differences between Compare's A and B reports may be chance. The engine tests every
// difference that is a proportion (two-proportion z-test, Benjamini–Hochberg q-values over the
// comparison); the map and the inspector only look the verdict up here, so that both say the same.

import type { ChangeMetric, Differences, NodeChange } from "../generated/types";
import { fill, type Language, type MessageKey } from "../i18n";
import { formatNumber } from "./format";
import type { Metric } from "./scales";

/** The q-value under which a difference is called significant (the engine's `SIGNIFICANT_Q`). */
export const SIGNIFICANT_Q = 0.05;

/**
 * A difference's verdict: "significant" (q < 0.05), "noise" (tested, may be chance) or
 * "untested" (not a proportion, too small a denominator, or drop-off not comparable).
 */
export type Significance = "significant" | "noise" | "untested";

/** A touchpoint's verdict with the test behind it, for a tooltip. */
export interface NodeSignificance {
  kind: Exclude<Significance, "untested">;
  p: number;
  q: number;
}

/**
 * The engine's name of a map metric that is a proportion; null for a count, a time or a value,
 * which are not tested. The map's "reach" is a count of customers: two segments of different
 * sizes differ in it for no other reason, while the tested `reach_pct` is a share, so a verdict
 * on the one would be misread as a verdict on the other (the inspector shows `reach_pct` itself).
 */
export function changeMetricOf(metric: Metric): ChangeMetric | null {
  switch (metric) {
    case "reach":
      return null;
    case "dropoff_rate":
    case "engagement_rate":
      return metric;
    case "median_next_s":
    case "stalled_now":
    case "value_mean":
      return null;
  }
}

/** The inspector's row keys that are tested proportions (they are the engine's metric names). */
export function changeMetricOfRow(key: string): ChangeMetric | null {
  return key === "reach_pct" || key === "engagement_rate" || key === "dropoff_rate" ? key : null;
}

/** The test of `metric` at `touchpoint`, if the engine made one. */
export function testOf(
  differences: Differences | null,
  touchpoint: number,
  metric: ChangeMetric | null,
): NodeChange | null {
  if (!differences || metric === null) return null;
  return (
    differences.nodes.find((n) => n.touchpoint_id === touchpoint && n.metric === metric) ?? null
  );
}

/** Whether the difference of `metric` at `touchpoint` is significant, may be chance, or untested. */
export function significanceOf(
  differences: Differences | null,
  touchpoint: number,
  metric: ChangeMetric | null,
): Significance {
  const test = testOf(differences, touchpoint, metric);
  if (!test) return "untested";
  return test.significant ? "significant" : "noise";
}

/** `significanceOf` with the p- and q-values behind it; null when untested. */
export function nodeSignificance(
  differences: Differences | null,
  touchpoint: number,
  metric: ChangeMetric | null,
): NodeSignificance | null {
  const test = testOf(differences, touchpoint, metric);
  if (!test) return null;
  return {
    kind: test.significant ? "significant" : "noise",
    p: test.p_value,
    q: test.q_value,
  };
}

/** "p < 0.001", or the p-value to two significant places, in the UI's number format. */
export function pText(language: Language, p: number): string {
  if (p < 0.001) return `p < ${formatNumber(language, 0.001, 3)}`;
  const digits = p < 0.01 ? 3 : 2;
  return `p = ${formatNumber(language, p, digits)}`;
}

/** "q = 0.32", as `pText` writes p. */
export function qText(language: Language, q: number): string {
  if (q < 0.001) return `q < ${formatNumber(language, 0.001, 3)}`;
  const digits = q < 0.01 ? 3 : 2;
  return `q = ${formatNumber(language, q, digits)}`;
}

/** A verdict as a tooltip says it: "significant, p < 0.001" or "may be chance (q = 0.32)". */
export function verdictText(
  t: (key: MessageKey) => string,
  language: Language,
  verdict: NodeSignificance,
): string {
  return verdict.kind === "significant"
    ? fill(t("compare.significant"), { p: pText(language, verdict.p) })
    : fill(t("compare.noise"), { q: qText(language, verdict.q) });
}
