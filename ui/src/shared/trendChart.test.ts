import { describe, expect, it } from "vitest";
import type { Node, PeriodReport, Trend } from "../generated/types";
import { translate, type MessageKey } from "../i18n";
import { DEFAULT_PARAMS } from "./params";
import { nodeOf, reportOf } from "./fixtures";
import {
  addLine,
  brushRange,
  chartModel,
  defaultLines,
  hasOpen,
  LINE_COLOURS,
  MAX_LINES,
  nearestIndex,
  periodLabel,
  removeLine,
  splitOpen,
  tickLabel,
  tooltipEntries,
  withBrush,
  type Line,
} from "./trendChart";

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Monday 2 March 2026, 00:00 UTC. */
const MONDAY = Date.UTC(2026, 2, 2);

function week(i: number, settled: boolean, nodes: Node[]): PeriodReport {
  return {
    start: "",
    end: "",
    start_ms: MONDAY + i * WEEK,
    end_ms: MONDAY + (i + 1) * WEEK,
    settled,
    report: reportOf(nodes),
  };
}

const trend: Trend = {
  by: "week",
  as_of: null,
  inactive_days: 30,
  periods: [
    week(0, true, [
      nodeOf(1, { dropoff_rate: 10, events: 100 }),
      nodeOf(2, { dropoff_rate: 20, events: 5 }),
    ]),
    week(1, true, [nodeOf(1, { dropoff_rate: 11, events: 90 })]),
    week(2, false, [
      nodeOf(1, { dropoff_rate: 3, events: 80 }),
      nodeOf(2, { dropoff_rate: 4, events: 6 }),
    ]),
  ],
};

const lines: Line[] = [
  { touchpoint: 1, colour: 0 },
  { touchpoint: 2, colour: 3 },
];

describe("the lines the panel draws", () => {
  const report = reportOf([
    nodeOf(1, { events: 10 }),
    nodeOf(2, { events: 300 }),
    nodeOf(3, { events: 0 }),
    nodeOf(4, { events: 300 }),
    nodeOf(5, { events: 20 }),
  ]);

  it("follow the selected touchpoint, or else the busiest ones", () => {
    expect(defaultLines(report, 5)).toEqual([{ touchpoint: 5, colour: 0 }]);
    expect(defaultLines(report, null)).toEqual([
      { touchpoint: 2, colour: 0 },
      { touchpoint: 4, colour: 1 },
      { touchpoint: 5, colour: 2 },
    ]);
    // Never a touchpoint without events, and nothing before the report is in.
    expect(defaultLines(report, null, 6).map((l) => l.touchpoint)).toEqual([2, 4, 5, 1]);
    expect(defaultLines(null, null)).toEqual([]);
  });

  it("keep their colours when one is removed, a new one taking the first free colour", () => {
    const three = addLine(addLine(addLine([], 7), 8), 9);
    expect(three.map((l) => l.colour)).toEqual([0, 1, 2]);
    const two = removeLine(three, 8);
    expect(two).toEqual([
      { touchpoint: 7, colour: 0 },
      { touchpoint: 9, colour: 2 },
    ]);
    expect(addLine(two, 10)).toContainEqual({ touchpoint: 10, colour: 1 });
    expect(addLine(two, 7)).toBe(two);
  });

  it("are at most six, each with a colour of its own", () => {
    let many: Line[] = [];
    for (let tp = 1; tp <= 8; tp += 1) many = addLine(many, tp);
    expect(many).toHaveLength(MAX_LINES);
    expect(new Set(many.map((l) => LINE_COLOURS[l.colour])).size).toBe(MAX_LINES);
  });
});

describe("the series of several touchpoints", () => {
  it("are each touchpoint's values in the period reports, null where a period lacks it", () => {
    const model = chartModel(trend, lines, "events");
    expect(model.periods.map((p) => p.start_ms)).toEqual([
      MONDAY,
      MONDAY + WEEK,
      MONDAY + 2 * WEEK,
    ]);
    expect(model.lines.map((l) => l.values)).toEqual([
      [100, 90, 80],
      [5, null, 6],
    ]);
    // Events are final in every period: nothing is dashed.
    expect(model.lines[0]?.solid).toEqual([100, 90, 80]);
    expect(hasOpen(model)).toBe(false);
  });

  it("dash drop-off where the period is not settled, joined to the settled week before", () => {
    const model = chartModel(trend, lines, "dropoff_rate");
    expect(model.lines[0]).toMatchObject({
      touchpoint: 1,
      colour: 0,
      values: [10, 11, 3],
      solid: [10, 11, null],
      open: [null, 11, 3],
    });
    expect(model.lines[1]?.open).toEqual([null, null, 4]);
    expect(hasOpen(model)).toBe(true);
  });

  it("split a settled period between two open ones into both parts", () => {
    expect(splitOpen([1, 2, 3, 4], [false, true, false, true], true)).toEqual({
      solid: [null, 2, null, 4],
      open: [1, 2, 3, 4],
    });
    expect(splitOpen([1, 2], [false, false], false)).toEqual({
      solid: [1, 2],
      open: [null, null],
    });
  });
});

describe("the tooltip", () => {
  it("gives every line's value at the period, in the lines' colours and order", () => {
    const model = chartModel(trend, lines, "dropoff_rate");
    expect(tooltipEntries(model, 1)).toEqual([
      { touchpoint: 1, colour: LINE_COLOURS[0], value: 11, open: false },
      { touchpoint: 2, colour: LINE_COLOURS[3], value: null, open: false },
    ]);
    // The last week is not settled: its drop-offs can still grow.
    expect(tooltipEntries(model, 2).map((e) => [e.value, e.open])).toEqual([
      [3, true],
      [4, true],
    ]);
    expect(tooltipEntries(chartModel(trend, lines, "events"), 2).map((e) => e.open)).toEqual([
      false,
      false,
    ]);
    expect(tooltipEntries(model, 9)).toEqual([]);
  });

  it("names the period as day, week or month, in the app's language", () => {
    const en = (key: MessageKey) => translate("en", key);
    const it_ = (key: MessageKey) => translate("it", key);
    expect(periodLabel(en, "en", "day", MONDAY)).toBe("2 Mar 2026");
    expect(periodLabel(en, "en", "week", MONDAY)).toBe("Week of 2 Mar 2026");
    expect(periodLabel(it_, "it", "week", MONDAY)).toBe("Settimana del 2 mar 2026");
    expect(periodLabel(en, "en", "month", MONDAY)).toBe("March 2026");
    expect(periodLabel(it_, "it", "month", MONDAY)).toBe("marzo 2026");
    expect(tickLabel("en", "month", MONDAY)).toBe("Mar 2026");
    expect(tickLabel("en", "week", MONDAY)).toBe("2 Mar 2026");
  });
});

describe("a brush across the chart", () => {
  const periods = trend.periods;

  it("keeps from the first brushed period's start to the last one's end, either way dragged", () => {
    const range = { from_ms: MONDAY + WEEK, to_ms: MONDAY + 3 * WEEK };
    expect(brushRange(periods, 1, 2, DEFAULT_PARAMS)).toEqual(range);
    expect(brushRange(periods, 2, 1, DEFAULT_PARAMS)).toEqual(range);
    expect(brushRange(periods, 0, 0, DEFAULT_PARAMS)).toEqual({
      from_ms: MONDAY,
      to_ms: MONDAY + WEEK,
    });
  });

  it("only narrows the dates already kept, whose ends can fall inside a period", () => {
    // Wednesday 4 March to Wednesday 18 March (excluded).
    const kept = { from_ms: MONDAY + 2 * DAY, to_ms: MONDAY + 16 * DAY };
    expect(brushRange(periods, 0, 2, kept)).toEqual(kept);
    expect(brushRange(periods, 1, 1, kept)).toEqual({
      from_ms: MONDAY + WEEK,
      to_ms: MONDAY + 2 * WEEK,
    });
  });

  it("is nothing outside the periods", () => {
    expect(brushRange(periods, 0, 3, DEFAULT_PARAMS)).toBeNull();
    expect(brushRange([], 0, 0, DEFAULT_PARAMS)).toBeNull();
  });

  it("sets the filters' dates and keeps every other filter", () => {
    const params = {
      ...DEFAULT_PARAMS,
      segments: [{ attribute: "tier", value: "gold" }],
      channels: ["web"],
      inactive_days: 14,
    };
    expect(withBrush(params, { from_ms: 1, to_ms: 2 })).toEqual({
      ...params,
      from_ms: 1,
      to_ms: 2,
    });
  });

  it("finds the period nearest the pointer along the plot", () => {
    const points = [0, 0.5, 1];
    expect(nearestIndex(points, -0.2)).toBe(0);
    expect(nearestIndex(points, 0.3)).toBe(1);
    expect(nearestIndex(points, 0.76)).toBe(2);
    expect(nearestIndex(points, 7)).toBe(2);
    expect(nearestIndex([], 0.5)).toBeNull();
  });
});
