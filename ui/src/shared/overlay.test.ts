import { describe, expect, it } from "vitest";
import type { CustomerPath, Edge, Node, Report } from "../generated/types";
import {
  formatDifference,
  formatMetric,
  nodeLooks,
  notableUndesigned,
  pathMoves,
  pathSteps,
} from "./overlay";
import { nodeOf, reportOf } from "./fixtures";
import { NO_DATA } from "./scales";

const edge = (over: Partial<Edge>): Edge => ({
  from: "A",
  to: "B",
  from_touchpoint_id: 1,
  to_touchpoint_id: 2,
  count: 10,
  customers: 10,
  share: 20,
  median_s: null,
  p90_s: null,
  designed: false,
  ...over,
});

const node = (id: number, dropoff_rate: number | null): Node =>
  nodeOf(id, {
    events: 10,
    customers: 10,
    reach_pct: 10,
    repeat: 1,
    last_here: 1,
    dropoff: 1,
    dropoff_rate,
  });

const report = (nodes: Node[]): Report => reportOf(nodes, { customers: 100, events: 1000 });

describe("observed transitions the map lacks", () => {
  it("are drawn only between touchpoints, not as repeats, and when they matter", () => {
    const kept = notableUndesigned([
      edge({}),
      edge({ designed: true }),
      edge({ to_touchpoint_id: 1 }),
      edge({ to_touchpoint_id: null }),
      edge({ share: 4.9 }),
    ]);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.share).toBe(20);
  });
});

describe("node looks", () => {
  it("headline the metric in the language and colour missing values as no data", () => {
    const looks = nodeLooks("it", "dropoff_rate", report([node(1, 42.56), node(2, null)]), null);
    expect(looks.byTouchpoint.get(1)?.headline).toBe("42,6%");
    expect(looks.byTouchpoint.get(2)?.fill).toBe(NO_DATA);
    expect(looks.domain).toEqual({ min: 0, max: 42.56 });
  });

  it("show B − A in compare mode, on a scale symmetric around no change", () => {
    const a = report([node(1, 10), node(2, 30)]);
    const b = report([node(1, 15), node(2, 20)]);
    const looks = nodeLooks("en", "dropoff_rate", a, b);
    expect(looks.byTouchpoint.get(1)?.headline).toBe("+5.0 pp");
    expect(looks.byTouchpoint.get(2)?.headline).toBe("-10.0 pp");
    expect(looks.extent).toBe(10);
  });

  it("write each kind of metric its own way", () => {
    expect(formatMetric("en", "reach", 1234)).toBe("1,234");
    expect(formatMetric("en", "median_next_s", 7200)).toBe("2 h");
    expect(formatDifference("en", "median_next_s", -7200)).toBe("-2 h");
    expect(formatDifference("it", "stalled_now", 1200)).toBe("+1.200");
  });
});

describe("a customer's path", () => {
  const path: CustomerPath = {
    customer: "C1",
    events: [
      {
        touchpoint: "Ad",
        touchpoint_id: 1,
        stage: "S",
        instant: "2026-01-01T00:00:00Z",
        event_type: null,
        value: null,
        channel: null,
      },
      {
        touchpoint: "Ad",
        touchpoint_id: 1,
        stage: "S",
        instant: "2026-01-01T01:00:00Z",
        event_type: null,
        value: null,
        channel: null,
      },
      {
        touchpoint: "Odd",
        touchpoint_id: null,
        stage: null,
        instant: "2026-01-02T01:00:00Z",
        event_type: null,
        value: null,
        channel: null,
      },
      {
        touchpoint: "Shop",
        touchpoint_id: 2,
        stage: "S",
        instant: "2026-01-03T01:00:00Z",
        event_type: null,
        value: null,
        channel: null,
      },
      {
        touchpoint: "Reward",
        touchpoint_id: 3,
        stage: "S",
        instant: "2026-01-03T02:00:00Z",
        event_type: null,
        value: null,
        channel: null,
      },
    ],
  };

  it("keeps every event as a step with the time since the previous one", () => {
    const steps = pathSteps(path);
    expect(steps.map((s) => s.sinceMs)).toEqual([
      null,
      3_600_000,
      86_400_000,
      86_400_000,
      3_600_000,
    ]);
  });

  it("draws moves between different touchpoints of the map only", () => {
    const moves = pathMoves(pathSteps(path));
    expect(moves.map((m) => [m.from, m.to])).toEqual([[2, 3]]);
  });
});
