import { describe, expect, it } from "vitest";
import type { Replay } from "../generated/types";
import { journeyOf, touchpointOf } from "../shared/fixtures";
import { countersAt, dotAt, jitter, lastEventAt, replayLayout, TRAVEL_SHARE } from "./replay";

// Two customers on three nodes; the span is 1000 s.
const replay: Replay = {
  start_ms: 1_000_000,
  end_ms: 2_000_001,
  customers: 2,
  shown: 2,
  touchpoints: [11, 12, 13],
  starts: [0, 3, 4],
  times_s: [0, 400, 900, 500],
  nodes: [0, 1, 2, 1],
  count_at_ms: [1_000_000, 1_500_000, 2_000_001],
  counts: [0, 0, 0, 1, 1, 0, 1, 2, 1],
};
const centres = [
  { x: 0, y: 0 },
  { x: 100, y: 0 },
  { x: 200, y: 100 },
];
const span = 1000;

describe("replay", () => {
  it("finds the last event at or before a moment", () => {
    expect(lastEventAt(replay, 0, -1)).toBe(-1);
    expect(lastEventAt(replay, 0, 0)).toBe(0);
    expect(lastEventAt(replay, 0, 399)).toBe(0);
    expect(lastEventAt(replay, 0, 400)).toBe(1);
    expect(lastEventAt(replay, 0, 5000)).toBe(2);
    expect(lastEventAt(replay, 1, 499)).toBe(-1);
    expect(lastEventAt(replay, 1, 500)).toBe(3);
  });

  it("hides a customer before its first event and rests it on its node between moves", () => {
    expect(dotAt(replay, 1, 100, centres, span)).toBeNull();
    expect(dotAt(replay, 0, 100, centres, span)).toMatchObject({ x: 0, y: 0 });
    expect(dotAt(replay, 0, 950, centres, span)).toMatchObject({ x: 200, y: 100 });
  });

  it("glides along the edge just before the next event", () => {
    const travel = span * TRAVEL_SHARE;
    const halfway = dotAt(replay, 0, 400 - travel / 2, centres, span);
    expect(halfway?.x).toBeCloseTo(50);
    expect(halfway?.recent).toBe(true);
    expect(dotAt(replay, 0, 400, centres, span)).toMatchObject({ x: 100, y: 0 });
  });

  it("reads the counters of the latest step at or before the moment", () => {
    expect(countersAt(replay, 0)).toEqual([0, 0, 0]);
    expect(countersAt(replay, 499)).toEqual([0, 0, 0]);
    expect(countersAt(replay, 500)).toEqual([1, 1, 0]);
    expect(countersAt(replay, 1000.001)).toEqual([1, 2, 1]);
  });

  it("spreads dots within the radius, the same way every time", () => {
    for (let k = 0; k < 200; k++) {
      const p = jitter(k, 10);
      expect(Math.hypot(p.x, p.y)).toBeLessThanOrEqual(10);
      expect(jitter(k, 10)).toEqual(p);
    }
    expect(jitter(1, 10)).not.toEqual(jitter(2, 10));
  });
});

describe("the replay's layout", () => {
  const stage = (id: number, name: string) => ({ id, name, description: "" });
  const tp = (id: number, stageId: number, kind: "physical" | "digital", y: number) =>
    touchpointOf(id, stageId, { name: `Touchpoint ${id}`, kind, y });
  const journey = journeyOf({
    name: "J",
    stages: [stage(1, "One"), stage(2, "Two")],
    // Stage 1: a digital card high in its band, and a physical one low in its band.
    touchpoints: [tp(10, 1, "digital", 0), tp(11, 1, "physical", 90), tp(20, 2, "digital", 0)],
  });

  it("gives each stage an equal column of the box and each touchpoint a row of its column", () => {
    const layout = replayLayout(journey, 1000, 600);
    expect(layout.lanes.map((l) => l.stage)).toEqual([1, 2]);
    const [one, two] = layout.lanes;
    expect(one!.width).toBeCloseTo(two!.width);
    expect(one!.x + one!.width).toBeLessThan(two!.x);
    expect(two!.x + two!.width).toBeLessThanOrEqual(1000);
    // Centred in their column, physical above digital as on the map, inside the box.
    const c10 = layout.centres.get(10)!;
    const c11 = layout.centres.get(11)!;
    const c20 = layout.centres.get(20)!;
    expect(c10.x).toBeCloseTo(one!.x + one!.width / 2);
    expect(c20.x).toBeCloseTo(two!.x + two!.width / 2);
    expect(c11.y).toBeLessThan(c10.y);
    for (const c of [c10, c11, c20]) {
      expect(c.y).toBeGreaterThan(layout.top);
      expect(c.y).toBeLessThan(layout.top + layout.height);
    }
  });
});
