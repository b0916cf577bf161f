import { describe, expect, it } from "vitest";
import type { Node, PeriodReport } from "../generated/types";
import { nodeOf, reportOf } from "./fixtures";
import { seriesOf } from "./trend";

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
