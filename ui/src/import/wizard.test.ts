import { describe, expect, it } from "vitest";
import type { Detection, ImportSettings } from "../generated/types";
import {
  assignRole,
  canImport,
  formatFromKey,
  formatKey,
  FORMATS,
  missingRoles,
  overridesFor,
  problems,
  progressFraction,
} from "./wizard";

const settings: ImportSettings = {
  source_name: "crm.csv",
  format: "csv",
  encoding: "windows1252",
  delimiter: ";",
  quote: '"',
  has_header: true,
  columns: ["cliente", "data", "punto di contatto", "regione"],
  roles: ["customer", "timestamp", "touchpoint", "segment"],
  timestamp_format: { kind: "day_month_year", separator: "/" },
  timezone: "Europe/Rome",
  exposure_types: null,
  journey: null,
  force: false,
};

function detection(
  change: Partial<Detection> = {},
  settingsChange: Partial<ImportSettings> = {},
): Detection {
  return {
    settings: { ...settings, ...settingsChange },
    sample_rows: [],
    timestamp_candidates: [],
    timestamp_preview: [{ text: "13/01/2026 10:00", instant: "2026-01-13T09:00:00Z" }],
    notes: [],
    export_shape: null,
    compression: null,
    customer_alternatives: [],
    customer_basis: "stable_id",
    file_size: 1000,
    ...change,
  };
}

describe("column roles", () => {
  it("moves a single role to the column that takes it", () => {
    expect(assignRole(settings.roles, 3, "customer")).toEqual([
      "ignore",
      "timestamp",
      "touchpoint",
      "customer",
    ]);
  });

  it("lets several columns be segment attributes", () => {
    expect(assignRole(settings.roles, 0, "segment")).toEqual([
      "segment",
      "timestamp",
      "touchpoint",
      "segment",
    ]);
  });

  it("names the required roles no column has", () => {
    expect(missingRoles(["ignore", "timestamp", "segment"])).toEqual(["customer", "touchpoint"]);
    expect(missingRoles(settings.roles)).toEqual([]);
  });
});

describe("timestamp formats", () => {
  it("round-trips every fixed format through its select key", () => {
    for (const format of FORMATS) expect(formatFromKey(formatKey(format), "")).toEqual(format);
    expect(new Set(FORMATS.map(formatKey)).size).toBe(FORMATS.length);
  });

  it("keeps a custom pattern", () => {
    expect(formatFromKey("custom", "%d %b %Y")).toEqual({ kind: "custom", pattern: "%d %b %Y" });
    expect(formatKey(null)).toBe("");
  });
});

describe("what blocks an import", () => {
  it("allows a fully read file", () => {
    expect(problems(detection())).toEqual([]);
    expect(canImport(detection())).toBe(true);
  });

  it("asks for the format when the dates are ambiguous", () => {
    const ambiguous = detection(
      { timestamp_candidates: FORMATS.slice(1, 3), timestamp_preview: [] },
      { timestamp_format: null },
    );
    expect(problems(ambiguous)).toEqual([{ kind: "ambiguous" }]);
    expect(canImport(ambiguous)).toBe(false);
  });

  it("blocks on a missing customer column", () => {
    const missing = detection({}, { roles: ["ignore", "timestamp", "touchpoint", "segment"] });
    expect(problems(missing)).toEqual([{ kind: "missing_role", role: "customer" }]);
    expect(canImport(missing)).toBe(false);
  });

  it("warns, without blocking, about timestamps that will be rejected", () => {
    const some = detection({
      timestamp_preview: [
        { text: "13/01/2026", instant: "2026-01-12T23:00:00Z" },
        { text: "n/a", instant: null },
      ],
    });
    expect(problems(some)).toEqual([{ kind: "unparsed", count: 1 }]);
    expect(canImport(some)).toBe(true);
  });
});

describe("re-reading the file", () => {
  it("keeps the user's name, zone and format but detects roles afresh", () => {
    const overrides = overridesFor(settings, { delimiter: "," });
    expect(overrides.delimiter).toBe(",");
    expect(overrides.source_name).toBe("crm.csv");
    expect(overrides.timezone).toBe("Europe/Rome");
    expect(overrides.timestamp_format).toEqual(settings.timestamp_format);
    expect(overrides.customer).toBeNull();
  });
});

describe("progress", () => {
  it("fills with the bytes read and is full while storing", () => {
    expect(progressFraction(null)).toBe(0);
    expect(progressFraction({ phase: "reading", bytes_read: 25, total_bytes: 100 })).toBe(0.25);
    expect(progressFraction({ phase: "storing", bytes_read: 100, total_bytes: 100 })).toBe(1);
    expect(progressFraction({ phase: "reading", bytes_read: 0, total_bytes: 0 })).toBe(0);
  });
});
