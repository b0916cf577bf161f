// Colour, size and width scales of the Analyze overlay, and what each metric means for them.
// Pure functions over numbers, unit-tested; components only look up the colours they return.

import type { Edge, Node } from "../generated/types";

export const METRICS = [
  "dropoff_rate",
  "engagement_rate",
  "reach",
  "median_next_s",
  "stalled_now",
  "value_mean",
] as const;
export type Metric = (typeof METRICS)[number];

/** How a metric is read: which way is bad, and whether it is a rate, a count, a duration. */
export interface MetricSpec {
  kind: "percent" | "count" | "duration" | "number";
  /** "worse" when a higher value is a problem (warm colours), "better" when it is good. */
  higher: "worse" | "better" | "neutral";
}

export const METRIC_SPECS: Record<Metric, MetricSpec> = {
  dropoff_rate: { kind: "percent", higher: "worse" },
  engagement_rate: { kind: "percent", higher: "better" },
  reach: { kind: "count", higher: "neutral" },
  median_next_s: { kind: "duration", higher: "worse" },
  stalled_now: { kind: "count", higher: "worse" },
  value_mean: { kind: "number", higher: "neutral" },
};

export function metricValue(node: Node, metric: Metric): number | null {
  switch (metric) {
    case "dropoff_rate":
      return node.dropoff_rate;
    case "engagement_rate":
      return node.engagement_rate;
    case "reach":
      return node.customers;
    case "median_next_s":
      return node.median_next_s;
    case "stalled_now":
      return node.stalled_now;
    case "value_mean":
      return node.value_mean;
  }
}

export type Rgb = [number, number, number];

// Sequential palettes, light to strong, chosen to stay readable under dark text at the light end
// and under white text at the strong end (ColorBrewer YlOrRd, GnBu and Blues, trimmed).
const WORSE: Rgb[] = [
  [255, 247, 214],
  [254, 217, 118],
  [253, 141, 60],
  [227, 26, 28],
  [153, 0, 13],
];
const BETTER: Rgb[] = [
  [240, 249, 232],
  [186, 228, 188],
  [123, 204, 196],
  [43, 140, 190],
  [8, 88, 158],
];
const NEUTRAL: Rgb[] = [
  [239, 243, 255],
  [198, 219, 239],
  [107, 174, 214],
  [33, 113, 181],
  [8, 48, 107],
];
// Diverging (ColorBrewer PuOr-like, purple for lower, orange for higher, grey in the middle).
const DIVERGING: Rgb[] = [
  [84, 39, 136],
  [153, 142, 195],
  [236, 236, 236],
  [241, 163, 64],
  [179, 88, 6],
];

/** The colour of a missing value: the node has no data for this metric. */
export const NO_DATA = "#e2e8f0";

export function paletteFor(metric: Metric): Rgb[] {
  const higher = METRIC_SPECS[metric].higher;
  return higher === "worse" ? WORSE : higher === "better" ? BETTER : NEUTRAL;
}

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The colour at `t` in [0, 1] along `stops`, interpolated linearly between neighbours. */
export function interpolate(stops: Rgb[], t: number): string {
  const x = clamp01(Number.isFinite(t) ? t : 0) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i] ?? [0, 0, 0];
  const b = stops[i + 1] ?? a;
  const mix = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

export interface Domain {
  min: number;
  max: number;
}

/**
 * The range a scale spans: from 0 (rates and counts start at nothing) or the smallest value, to
 * the largest; null when no value is known.
 */
export function domainOf(values: (number | null)[], fromZero: boolean): Domain | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return null;
  const min = fromZero ? Math.min(0, ...known) : Math.min(...known);
  const max = Math.max(...known);
  return { min, max: max === min ? min + 1 : max };
}

/** The colour of `value` on a sequential scale over `domain`. */
export function sequentialColour(
  stops: Rgb[],
  domain: Domain | null,
  value: number | null,
): string {
  if (value === null || domain === null || !Number.isFinite(value)) return NO_DATA;
  return interpolate(stops, (value - domain.min) / (domain.max - domain.min));
}

/** The largest absolute difference, so that a diverging scale is symmetric around zero. */
export function divergingExtent(differences: (number | null)[]): number {
  const known = differences.filter((v): v is number => v !== null && Number.isFinite(v));
  const m = Math.max(0, ...known.map(Math.abs));
  return m === 0 ? 1 : m;
}

/** The colour of a difference on a diverging scale symmetric over [−extent, +extent]. */
export function divergingColour(extent: number, difference: number | null): string {
  if (difference === null || !Number.isFinite(difference)) return NO_DATA;
  return interpolate(DIVERGING, 0.5 + difference / (2 * extent));
}

export const DIVERGING_STOPS = DIVERGING;
/** The sequential palette of a value where more is good (retention, engagement). */
export const BETTER_STOPS = BETTER;

/** Whether dark or white text reads better on an `rgb(r, g, b)` background. */
export function textOn(colour: string): "dark" | "light" {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(colour);
  if (!m) return "dark";
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.55 ? "light" : "dark";
}

/** A node's scale factor by reach: area grows with customers, from 0.85 to 1.25 of the card. */
export function sizeByReach(customers: number, maxCustomers: number): number {
  if (maxCustomers <= 0) return 0.85;
  return 0.85 + 0.4 * Math.sqrt(clamp01(customers / maxCustomers));
}

/** An edge's stroke width by its count of transitions: 1 px for none, up to 10 px for the busiest. */
export function edgeWidth(count: number, maxCount: number): number {
  if (count <= 0 || maxCount <= 0) return 1;
  return 1.5 + 8.5 * Math.sqrt(clamp01(count / maxCount));
}

/** Whether the data backs a touchpoint: any events at all, and every designed way in and out used. */
export type Backing = "data" | "partly" | "design";

export function backingOf(node: Node | undefined, designedEdges: Edge[]): Backing {
  if (!node || node.events === 0) return "design";
  const unused = designedEdges.some(
    (e) =>
      e.designed &&
      e.count === 0 &&
      (e.from_touchpoint_id === node.touchpoint_id || e.to_touchpoint_id === node.touchpoint_id),
  );
  return unused ? "partly" : "data";
}
