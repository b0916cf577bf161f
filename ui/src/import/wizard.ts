// The import wizard's rules, as pure functions the tests check without a window.

import type {
  ColumnRole,
  Detection,
  ImportSettings,
  Overrides,
  Progress,
  TimestampFormat,
} from "../generated/types";
import {
  COLUMN_ROLES,
  ENCODINGS,
  REQUIRED_ROLES,
  SINGLE_ROLES,
  TIMESTAMP_FORMATS,
} from "../generated/constants";

/** Every role, in the order the wizard offers them. */
export const ROLES = COLUMN_ROLES;

/** Roles that at most one column can have; a column may be one of many segment attributes. */
const SINGLE: ReadonlySet<ColumnRole> = new Set(SINGLE_ROLES);

/** The roles the import cannot do without. */
export const REQUIRED = REQUIRED_ROLES;

export { ENCODINGS };

export const DELIMITERS: { char: string; key: "comma" | "semicolon" | "tab" | "pipe" }[] = [
  { char: ",", key: "comma" },
  { char: ";", key: "semicolon" },
  { char: "\t", key: "tab" },
  { char: "|", key: "pipe" },
];

/** Gives column `index` the role `role`; a single role moves there from any other column. */
export function assignRole(roles: ColumnRole[], index: number, role: ColumnRole): ColumnRole[] {
  return roles.map((current, i) => {
    if (i === index) return role;
    if (SINGLE.has(role) && current === role) return "ignore";
    return current;
  });
}

export function missingRoles(roles: ColumnRole[]): ColumnRole[] {
  return REQUIRED.filter((role) => !roles.includes(role));
}

/** The fixed formats the engine knows, in the order detection tries them. */
export const FORMATS = TIMESTAMP_FORMATS;

/** A stable key for a format, for a `<select>`; custom patterns share one key. */
export function formatKey(format: TimestampFormat | null): string {
  if (format === null) return "";
  switch (format.kind) {
    case "day_month_year":
    case "month_day_year":
      return `${format.kind}:${format.separator}`;
    default:
      return format.kind;
  }
}

export function formatFromKey(key: string, customPattern: string): TimestampFormat | null {
  if (key === "custom") return { kind: "custom", pattern: customPattern };
  return FORMATS.find((f) => formatKey(f) === key) ?? null;
}

export type Problem =
  | { kind: "missing_role"; role: ColumnRole }
  | { kind: "ambiguous" }
  | { kind: "no_format" }
  | { kind: "unparsed"; count: number };

/** What stands in the way of importing, or would make rows be rejected. */
export function problems(detection: Detection): Problem[] {
  const { settings } = detection;
  const found: Problem[] = missingRoles(settings.roles).map((role) => ({
    kind: "missing_role",
    role,
  }));
  if (settings.roles.includes("timestamp") && settings.timestamp_format === null) {
    found.push(
      detection.timestamp_candidates.length > 1 ? { kind: "ambiguous" } : { kind: "no_format" },
    );
  }
  const unparsed = detection.timestamp_preview.filter((p) => p.instant === null).length;
  if (settings.timestamp_format !== null && unparsed > 0) {
    found.push({ kind: "unparsed", count: unparsed });
  }
  return found;
}

/** Whether the import can start: every required role and a timestamp format are chosen. */
export function canImport(detection: Detection): boolean {
  return problems(detection).every((p) => p.kind === "unparsed");
}

/**
 * The overrides that read the file again after the user changed how it is split (encoding,
 * delimiter, header): the columns may change, so roles are detected afresh, but the user's
 * source name, time zone and timestamp format are kept.
 */
export function overridesFor(settings: ImportSettings, change: Partial<Overrides>): Overrides {
  return {
    ...NO_OVERRIDES,
    source_name: settings.source_name,
    encoding: settings.encoding,
    delimiter: settings.delimiter,
    has_header: settings.has_header,
    timestamp_format: settings.timestamp_format,
    timezone: settings.timezone,
    ...change,
  };
}

/** Detection with nothing overridden. */
export const NO_OVERRIDES: Overrides = {
  source_name: null,
  encoding: null,
  delimiter: null,
  has_header: null,
  customer: null,
  timestamp: null,
  touchpoint: null,
  channel: null,
  event_type: null,
  value: null,
  segments: [],
  timestamp_format: null,
  timezone: null,
};

/** How far the bar is filled, 0…1; storing has no measure of its own and shows as full. */
export function progressFraction(progress: Progress | null): number {
  if (progress === null || progress.total_bytes === 0) return 0;
  if (progress.phase === "storing") return 1;
  return Math.min(1, progress.bytes_read / progress.total_bytes);
}

/** The last part of a path, on any platform. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
