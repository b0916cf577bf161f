import { describe, expect, it } from "vitest";
import type { Cohort, Cohorts, Retention } from "../generated/types";
import { translate, type MessageKey } from "../i18n";
import { cellAt, cellTitle, cohortLabel, heatColour, offsetCount, topChurn } from "./cohorts";
import { NO_DATA } from "./scales";

/** Monday 2 March 2026, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);
const DAY = 86_400_000;

const en = (key: MessageKey) => translate("en", key);
const it_ = (key: MessageKey) => translate("it", key);

function retention(offset: number, active: number, partial = false): Retention {
  return {
    offset,
    measured_at: partial
      ? "2026-03-18T10:30:00Z"
      : new Date(MONDAY + (offset + 1) * 7 * DAY - 1).toISOString(),
    partial,
    active,
    active_pct: (active / 40) * 100,
  };
}

function cohort(start_ms: number, cells: Retention[], over: Partial<Cohort> = {}): Cohort {
  return {
    start: new Date(start_ms).toISOString().slice(0, 10),
    end: new Date(start_ms + 7 * DAY).toISOString().slice(0, 10),
    start_ms,
    end_ms: start_ms + 7 * DAY,
    customers: 40,
    retention: cells,
    completed: 5,
    churned: 10,
    churned_at: [],
    ...over,
  };
}

describe("cohorts", () => {
  const first = cohort(MONDAY, [retention(0, 40), retention(1, 30), retention(2, 12, true)]);
  const second = cohort(MONDAY + 7 * DAY, [retention(0, 40), retention(1, 20, true)]);
  const data: Cohorts = { by: "week", as_of: null, inactive_days: 30, cohorts: [first, second] };

  it("labels a cohort by its week or its month", () => {
    expect(cohortLabel(en, "en", "week", first)).toBe("Week of 2 Mar 2026");
    expect(cohortLabel(it_, "it", "week", first)).toBe("Settimana del 2 mar 2026");
    expect(cohortLabel(en, "en", "month", cohort(Date.UTC(2026, 2, 1), []))).toBe("March 2026");
    expect(cohortLabel(it_, "it", "month", cohort(Date.UTC(2026, 2, 1), []))).toBe("marzo 2026");
  });

  it("has a column per offset of the oldest cohort, empty where a period has not begun", () => {
    expect(offsetCount(data)).toBe(3);
    expect(offsetCount({ ...data, cohorts: [] })).toBe(0);
    expect(cellAt(first, 2)?.active).toBe(12);
    expect(cellAt(second, 2)).toBeNull();
  });

  it("colours a share on a fixed 0–100 scale, with ink that reads on it", () => {
    const none = heatColour(0);
    const all = heatColour(100);
    expect(none.fill).toBe("rgb(240, 249, 232)");
    expect(none.ink).toBe("dark");
    expect(all.fill).toBe("rgb(8, 88, 158)");
    expect(all.ink).toBe("light");
    expect(heatColour(150).fill).toBe(all.fill);
    expect(heatColour(null)).toEqual({ fill: NO_DATA, ink: "dark" });
  });

  it("tells how many were active when, and that a running period was measured at as-of", () => {
    const full = cellAt(first, 1);
    const partial = cellAt(first, 2);
    expect(full && cellTitle(en, "en", first, full)).toBe(
      "30 of 40 customers active at 15 Mar 2026",
    );
    expect(partial && cellTitle(en, "en", first, partial)).toBe(
      "12 of 40 customers active at 18 Mar 2026, 10:30 — still running: measured at as-of",
    );
  });

  it("lists the top three churn places, most customers first, then by name", () => {
    const places = [
      { touchpoint: "Web", touchpoint_id: 1, customers: 2, share_pct: 20 },
      { touchpoint: "Shop", touchpoint_id: 2, customers: 5, share_pct: 50 },
      { touchpoint: "legacy", touchpoint_id: null, customers: 2, share_pct: 20 },
      { touchpoint: "App", touchpoint_id: 3, customers: 1, share_pct: 10 },
    ];
    const top = topChurn(cohort(MONDAY, [], { churned_at: places }));
    expect(top.map((p) => p.touchpoint)).toEqual(["Shop", "legacy", "Web"]);
  });
});
