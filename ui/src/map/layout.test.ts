import { describe, expect, it } from "vitest";
import type { Touchpoint } from "../generated/types";
import { journeyOf, touchpointOf } from "../shared/fixtures";
import { LANE_WIDTH, NODE_HEIGHT, NODE_WIDTH, layoutJourney } from "./layout";

function touchpoint(
  id: number,
  stage: number,
  kind: "physical" | "digital",
  x: number,
  y: number,
): Touchpoint {
  return touchpointOf(id, stage, { channel: kind === "physical" ? "store" : "web", kind, x, y });
}

const journey = journeyOf({
  name: "J",
  stages: [
    { id: 10, name: "Awareness" },
    { id: 11, name: "Purchase" },
    { id: 12, name: "Loyalty" },
  ],
  touchpoints: [
    touchpoint(1, 10, "physical", 20, 10),
    touchpoint(2, 11, "digital", 5000, 300),
    touchpoint(3, 12, "digital", -40, -10),
    touchpoint(4, 11, "physical", 40, 400),
  ],
});

describe("layoutJourney", () => {
  const layout = layoutJourney(journey);

  it("draws one lane per stage, left to right in journey order", () => {
    expect(layout.lanes.map((l) => l.name)).toEqual(["Awareness", "Purchase", "Loyalty"]);
    const xs = layout.lanes.map((l) => l.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(3);
  });

  it("keeps every touchpoint inside its own stage's lane, whatever its stored offset", () => {
    for (const t of journey.touchpoints) {
      const p = layout.positions.get(t.id)!;
      const lane = layout.lanes.find((l) => l.stage === t.stage)!;
      expect(p.x).toBeGreaterThanOrEqual(lane.x);
      expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(lane.x + LANE_WIDTH);
    }
  });

  it("puts physical touchpoints in the upper band and digital ones in the lower band", () => {
    const [physical, digital] = layout.bands;
    expect(physical!.kind).toBe("physical");
    expect(digital!.y).toBe(physical!.y + physical!.height);
    for (const t of journey.touchpoints) {
      const p = layout.positions.get(t.id)!;
      const band = t.kind === "physical" ? physical! : digital!;
      expect(p.y).toBeGreaterThanOrEqual(band.y);
      expect(p.y + NODE_HEIGHT).toBeLessThanOrEqual(band.y + band.height);
    }
  });

  it("grows a band to hold its lowest touchpoint", () => {
    const physical = layout.bands[0]!;
    expect(physical.height).toBeGreaterThanOrEqual(400 + NODE_HEIGHT);
  });

  it("handles a journey with no stages", () => {
    const empty = layoutJourney({ ...journey, stages: [], touchpoints: [] });
    expect(empty.lanes).toEqual([]);
    expect(empty.width).toBe(0);
  });
});
