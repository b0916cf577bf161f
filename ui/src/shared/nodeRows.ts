// A touchpoint's figures from its node of the report (metrics.md), worded once: Analyze's
// inspector lists them all, a story slide and the interactive HTML export pick some.

import type { Node } from "../generated/types";
import type { Language, MessageKey } from "../i18n";
import { formatDuration, formatNumber, formatPercent } from "./format";

/** One figure of a node: its key (the `Node` field), its label and definition, and its value worded. */
export interface NodeRow {
  key: keyof Node;
  label: MessageKey;
  def: MessageKey;
  show: (n: Node) => string;
}

/** Every figure of a node, in the order the inspector lists them. */
export function nodeRows(language: Language): NodeRow[] {
  const count = (v: number) => formatNumber(language, v, 0);
  return [
    { key: "events", label: "metric.events", def: "def.events", show: (n) => count(n.events) },
    {
      key: "customers",
      label: "metric.customers",
      def: "def.customers",
      show: (n) => count(n.customers),
    },
    {
      key: "reach_pct",
      label: "metric.reach_pct",
      def: "def.reach_pct",
      show: (n) => formatPercent(language, n.reach_pct),
    },
    {
      key: "repeat",
      label: "metric.repeat",
      def: "def.repeat",
      show: (n) => formatNumber(language, n.repeat, 2),
    },
    {
      key: "last_here",
      label: "metric.last_here",
      def: "def.last_here",
      show: (n) => count(n.last_here),
    },
    { key: "dropoff", label: "metric.dropoff", def: "def.dropoff", show: (n) => count(n.dropoff) },
    {
      key: "dropoff_rate",
      label: "metric.dropoff_rate",
      def: "def.dropoff_rate",
      show: (n) => formatPercent(language, n.dropoff_rate),
    },
    {
      key: "median_next_s",
      label: "metric.median_next_s",
      def: "def.median_next_s",
      show: (n) => formatDuration(language, n.median_next_s),
    },
    {
      key: "p90_next_s",
      label: "metric.p90_next_s",
      def: "def.p90_next_s",
      show: (n) => formatDuration(language, n.p90_next_s),
    },
    {
      key: "stalled_now",
      label: "metric.stalled_now",
      def: "def.stalled_now",
      show: (n) => count(n.stalled_now),
    },
    {
      key: "completed_here",
      label: "metric.completed_here",
      def: "def.completed_here",
      show: (n) => count(n.completed_here),
    },
    {
      key: "engagement_rate",
      label: "metric.engagement_rate",
      def: "def.engagement_rate",
      show: (n) => formatPercent(language, n.engagement_rate),
    },
    {
      key: "value_mean",
      label: "metric.value_mean",
      def: "def.value_mean",
      show: (n) => formatNumber(language, n.value_mean, 2),
    },
  ];
}

/** The figures of `keys`, in that order. */
export function nodeRowsOf(language: Language, keys: readonly (keyof Node)[]): NodeRow[] {
  const all = nodeRows(language);
  return keys.flatMap((key) => all.filter((row) => row.key === key));
}
