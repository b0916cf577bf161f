// What the Cohorts view draws, as plain data: a row per cohort (the customers first seen in one
// ISO week or calendar month), its label, a cell per period after it with the share still active
// and its heat colour, and where the cohort's churned customers stopped. Pure, so it is tested
// without a table. Every number is the engine's (docs/metrics.md, "Cohorts and churn").

import type { ChurnedAt, Cohort, Cohorts, Period, Retention } from "../generated/types";
import { fill, type Language, type MessageKey } from "../i18n";
import { formatDay, formatInstant, formatNumber } from "./format";
import { BETTER_STOPS, interpolate, NO_DATA, textOn } from "./scales";
import { periodLabel } from "./trendChart";

/** How many churn places a cohort's row lists. */
export const TOP_CHURN = 3;

/** A cohort as the table names it: "Week of 2 Mar 2026", "March 2026" (as the Trends tooltip). */
export function cohortLabel(
  t: (key: MessageKey) => string,
  language: Language,
  by: Period,
  cohort: Cohort,
): string {
  return periodLabel(t, language, by, cohort.start_ms);
}

/** The number of offset columns: the oldest cohort has the most periods after it. */
export function offsetCount(cohorts: Cohorts): number {
  return Math.max(0, ...cohorts.cohorts.map((c) => c.retention.length));
}

/** The cohort's measure `offset` periods after its own, or null when that period has not begun. */
export function cellAt(cohort: Cohort, offset: number): Retention | null {
  return cohort.retention.find((r) => r.offset === offset) ?? null;
}

/**
 * The background of a share active, 0–100, on a fixed 0–100 % scale (not the table's own
 * range): a pale cell always means few active, whichever cohorts are shown. More is better, so
 * the palette is the one of engagement; text takes the ink that reads on it.
 */
export function heatColour(pct: number | null): { fill: string; ink: "dark" | "light" } {
  if (pct === null || !Number.isFinite(pct)) return { fill: NO_DATA, ink: "dark" };
  const fillColour = interpolate(BETTER_STOPS, pct / 100);
  return { fill: fillColour, ink: textOn(fillColour) };
}

/** The places where the most of the cohort's churned customers stopped, most first. */
export function topChurn(cohort: Cohort, n = TOP_CHURN): ChurnedAt[] {
  return [...cohort.churned_at]
    .sort((a, b) => b.customers - a.customers || a.touchpoint.localeCompare(b.touchpoint))
    .slice(0, n);
}

/**
 * A cell's tooltip: "12 of 40 customers active at 8 Mar 2026", and for a period that has not
 * ended, that it was measured at as-of (to the minute: as-of is an instant, not a day's end).
 */
export function cellTitle(
  t: (key: MessageKey) => string,
  language: Language,
  cohort: Cohort,
  cell: Retention,
): string {
  const ms = Date.parse(cell.measured_at);
  const at = Number.isNaN(ms)
    ? cell.measured_at
    : cell.partial
      ? formatInstant(language, ms)
      : formatDay(language, ms);
  const text = fill(t("cohorts.cell"), {
    active: formatNumber(language, cell.active, 0),
    customers: formatNumber(language, cohort.customers, 0),
    at,
  });
  return cell.partial ? `${text} — ${t("cohorts.partial")}` : text;
}
