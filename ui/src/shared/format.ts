// Numbers, percentages, durations and dates as the chosen language writes them (1,234.5 in
// English, 1.234,5 in Italian). Pure functions: the UI never formats a number by hand.

import type { Language } from "../i18n";

const LOCALES: Record<Language, string> = { en: "en-GB", it: "it-IT" };

const UNITS: Record<Language, { s: string; min: string; h: string; d: string; pp: string }> = {
  en: { s: "s", min: "min", h: "h", d: "d", pp: "pp" },
  it: { s: "s", min: "min", h: "h", d: "g", pp: "p.p." },
};

// Italian leaves four-digit numbers ungrouped by default (CLDR's minimum grouping digits), but a
// table mixing 1234 and 12.345 reads badly: group always. TypeScript's lib does not know the
// "always" value of ES2023's Intl.NumberFormat v3 yet, hence the one cast here.
const GROUP_ALWAYS = { useGrouping: "always" } as unknown as Intl.NumberFormatOptions;

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALES[language], { ...options, ...GROUP_ALWAYS });
}

/** A number with at most `digits` decimals; "—" for a missing value. */
export function formatNumber(language: Language, value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return numberFormat(language, {
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A count that can run into millions, as progress shows it: plain below a million ("950,000"),
 * compact from there ("23.4 million", "23,4 milioni"; "1.2 billion" past a thousand million).
 */
export function formatLargeCount(language: Language, value: number): string {
  if (!Number.isFinite(value)) return "—";
  if (Math.abs(value) < 1_000_000) return formatNumber(language, value, 0);
  return numberFormat(language, {
    notation: "compact",
    compactDisplay: "long",
    maximumFractionDigits: 1,
  }).format(value);
}

/** A percentage given as 0–100 (as metrics.md defines rates), with one decimal. */
export function formatPercent(language: Language, value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return numberFormat(language, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value / 100);
}

/** A difference of percentages, in percentage points with its sign: "+3.2 pp", "+3,2 p.p.". */
export function formatPoints(language: Language, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const text = numberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(value);
  return `${text} ${UNITS[language].pp}`;
}

/** A signed difference of plain numbers: "+12", "−3,5". */
export function formatSigned(language: Language, value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return numberFormat(language, {
    maximumFractionDigits: digits,
    signDisplay: "exceptZero",
  }).format(value);
}

/** A duration in seconds, in the two largest units that matter: "45 s", "12 min", "3 h 20 min", "2 d 4 h". */
export function formatDuration(language: Language, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const u = UNITS[language];
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} ${u.s}`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} ${u.min}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours} ${u.h}` : `${hours} ${u.h} ${rest} ${u.min}`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  if (days >= 10 || restHours === 0) return `${formatNumber(language, days, 0)} ${u.d}`;
  return `${days} ${u.d} ${restHours} ${u.h}`;
}

/** A UTC calendar day: "5 Mar 2026" / "5 mar 2026". */
export function formatDay(language: Language, ms: number): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(ms));
}

/** A UTC calendar month: "Mar 2026" / "mar 2026", or "March 2026" / "marzo 2026" when `long`. */
export function formatMonth(language: Language, ms: number, long = false): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    month: long ? "long" : "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(ms));
}

/** A UTC instant to the minute: "5 Mar 2026, 14:05". */
export function formatInstant(language: Language, ms: number): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(new Date(ms));
}

const DAY_MS = 86_400_000;

/** The YYYY-MM-DD of a UTC instant (what a date input holds). */
export function isoDay(ms: number): string {
  return new Date(Math.floor(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight UTC of a YYYY-MM-DD, or null when the text is not a date. */
export function parseIsoDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

export { DAY_MS };
