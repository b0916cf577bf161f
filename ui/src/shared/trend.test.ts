import { describe, expect, it } from "vitest";
import type { Node, PeriodReport, StageFunnel } from "../generated/types";
import { nodeOf, reportOf } from "./fixtures";
import {
  formatTrendValue,
  growsUntilSettled,
  seriesOf,
  stageSeries,
  stageSeriesOf,
  TREND_METRICS,
} from "./trend";

function period(start_ms: number, settled: boolean, nodes: Node[]): PeriodReport {
  return { start: "", end: "", start_ms, end_ms: start_ms + 1, settled, report: reportOf(nodes) };
}

const node = (id: number, dropoff_rate: number | null) =>
  nodeOf(id, { customers: 3, dropoff_rate });

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

describe("what a trend can follow", () => {
  const trend = {
    by: "week" as const,
    as_of: null,
    inactive_days: 30,
    periods: [
      period(10, true, [nodeOf(1, { events: 40, median_next_s: 60 })]),
      period(20, false, [nodeOf(1, { events: 7, median_next_s: null })]),
    ],
  };

  it("takes events and the map's metrics from each period's report", () => {
    expect(seriesOf(trend, 1, "events").values).toEqual([40, 7]);
    expect(seriesOf(trend, 1, "median_next_s").values).toEqual([60, null]);
    expect(TREND_METRICS).toContain("events");
    expect(TREND_METRICS).toContain("dropoff_rate");
  });

  it("writes each value as the map does, and events as a count", () => {
    expect(formatTrendValue("en", "events", 1234)).toBe("1,234");
    expect(formatTrendValue("it", "dropoff_rate", 12.34)).toBe("12,3%");
    expect(formatTrendValue("en", "median_next_s", 7200)).toBe("2 h");
    expect(formatTrendValue("en", "reach", null)).toBe("—");
  });

  it("knows that only drop-off can still grow in a period that is not settled", () => {
    expect(growsUntilSettled("dropoff_rate")).toBe(true);
    expect(growsUntilSettled("events")).toBe(false);
    expect(growsUntilSettled("engagement_rate")).toBe(false);
  });
});

describe("a stage's customers reached through a trend", () => {
  const stage = (stage_id: number, reached: number): StageFunnel => ({
    stage: `S${stage_id}`,
    stage_id,
    reached,
    current: 0,
    dropped: 0,
    completed: 0,
    conversion_next: null,
  });
  const withStages = (start_ms: number, stages: StageFunnel[]): PeriodReport => ({
    ...period(start_ms, true, []),
    report: reportOf([], { stages }),
  });
  const trend = {
    by: "week" as const,
    as_of: null,
    inactive_days: 30,
    periods: [
      withStages(10, [stage(1, 50), stage(2, 20)]),
      withStages(20, [stage(1, 45)]),
      withStages(30, [stage(2, 5), stage(1, 0)]),
    ],
  };

  it("takes the reached of the funnel in each period, null where the period lacks the stage", () => {
    expect(stageSeriesOf(trend, 1)).toEqual({
      starts: [10, 20, 30],
      values: [50, 45, 0],
      settled: [true, true, true],
    });
    expect(stageSeriesOf(trend, 2).values).toEqual([20, null, 5]);
  });

  it("gives every stage that any period has its series", () => {
    const all = stageSeries(trend);
    expect([...all.keys()].sort()).toEqual([1, 2]);
    expect(all.get(2)?.values).toEqual([20, null, 5]);
  });
});
