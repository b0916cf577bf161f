import { describe, expect, it } from "vitest";
import type { Node, PeriodReport, Report } from "../generated/types";
import { seriesOf } from "./trend";

function node(touchpoint_id: number, dropoff_rate: number | null): Node {
  return {
    touchpoint: `t${touchpoint_id}`,
    stage: "s",
    touchpoint_id,
    events: 1,
    customers: 3,
    reach_pct: null,
    repeat: null,
    last_here: 0,
    dropoff: 0,
    dropoff_rate,
    median_next_s: null,
    p90_next_s: null,
    stalled_now: 0,
    completed_here: 0,
    engagement_rate: null,
    engagement_by_exposure: false,
    value_mean: null,
    goal: false,
  };
}

function period(start_ms: number, settled: boolean, nodes: Node[]): PeriodReport {
  const report: Report = {
    as_of: null,
    inactive_days: 30,
    customers: 0,
    events: 0,
    nodes,
    edges: [],
    stages: [],
    unmapped: [],
  };
  return { start: "", end: "", start_ms, end_ms: start_ms + 1, settled, report };
}

describe("a touchpoint's series through a trend", () => {
  it("takes the touchpoint's value in each period, null where the period has none", () => {
    const trend = {
      by: "week" as const,
      as_of: null,
      inactive_days: 30,
      periods: [
        period(10, true, [node(1, 5), node(2, 7)]),
        period(20, true, [node(2, null), node(1, 9)]),
        period(30, false, [node(2, 1)]),
      ],
    };
    expect(seriesOf(trend, 1, "dropoff_rate")).toEqual({
      starts: [10, 20, 30],
      values: [5, 9, null],
      settled: [true, true, false],
    });
    expect(seriesOf(trend, 2, "reach").values).toEqual([3, 3, 3]);
  });
});
