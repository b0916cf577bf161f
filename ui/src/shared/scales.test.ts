import { describe, expect, it } from "vitest";
import type { Edge, Node } from "../generated/types";
import {
  backingOf,
  divergingColour,
  divergingExtent,
  domainOf,
  edgeWidth,
  interpolate,
  metricValue,
  NO_DATA,
  paletteFor,
  sequentialColour,
  sizeByReach,
  textOn,
} from "./scales";

const node = (over: Partial<Node>): Node => ({
  touchpoint: "Shop",
  stage: "Buy",
  touchpoint_id: 7,
  events: 10,
  customers: 5,
  reach_pct: 50,
  repeat: 2,
  last_here: 2,
  dropoff: 1,
  dropoff_rate: 20,
  median_next_s: 60,
  p90_next_s: 120,
  stalled_now: 0,
  completed_here: 0,
  engagement_rate: 80,
  engagement_by_exposure: false,
  value_mean: null,
  goal: false,
  ...over,
});

const edge = (over: Partial<Edge>): Edge => ({
  from: "A",
  to: "Shop",
  from_touchpoint_id: 1,
  to_touchpoint_id: 7,
  count: 3,
  customers: 3,
  share: 10,
  median_s: null,
  p90_s: null,
  designed: true,
  ...over,
});

describe("sequential colour scales", () => {
  it("run from the palette's first stop at the minimum to its last at the maximum", () => {
    const stops = paletteFor("dropoff_rate");
    const domain = { min: 0, max: 50 };
    const at = (i: number) => `rgb(${(stops[i] ?? []).join(", ")})`;
    expect(sequentialColour(stops, domain, 0)).toBe(at(0));
    expect(sequentialColour(stops, domain, 50)).toBe(at(4));
    expect(sequentialColour(stops, domain, 25)).toBe(at(2));
  });

  it("interpolate between neighbouring stops and clamp outside the domain", () => {
    const stops: [number, number, number][] = [
      [0, 0, 0],
      [100, 200, 50],
    ];
    expect(interpolate(stops, 0.5)).toBe("rgb(50, 100, 25)");
    expect(interpolate(stops, -1)).toBe("rgb(0, 0, 0)");
    expect(interpolate(stops, 7)).toBe("rgb(100, 200, 50)");
  });

  it("grey out a missing value instead of colouring it as zero", () => {
    expect(sequentialColour(paletteFor("value_mean"), { min: 0, max: 1 }, null)).toBe(NO_DATA);
    expect(sequentialColour(paletteFor("value_mean"), null, 3)).toBe(NO_DATA);
  });

  it("use warm colours where higher is worse and cool ones where higher is better", () => {
    const [r1, , b1] = paletteFor("dropoff_rate")[4] ?? [0, 0, 0];
    const [r2, , b2] = paletteFor("engagement_rate")[4] ?? [0, 0, 0];
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
  });

  it("span from zero for rates and counts, and never collapse to an empty range", () => {
    expect(domainOf([10, 30, null], true)).toEqual({ min: 0, max: 30 });
    expect(domainOf([10, 30], false)).toEqual({ min: 10, max: 30 });
    expect(domainOf([5, 5], false)).toEqual({ min: 5, max: 6 });
    expect(domainOf([null], true)).toBeNull();
  });
});

describe("diverging colour scale", () => {
  it("is grey at no difference and symmetric around it", () => {
    expect(divergingColour(10, 0)).toBe("rgb(236, 236, 236)");
    expect(divergingColour(10, 10)).toBe("rgb(179, 88, 6)");
    expect(divergingColour(10, -10)).toBe("rgb(84, 39, 136)");
    expect(divergingColour(10, null)).toBe(NO_DATA);
  });

  it("spans the largest absolute difference", () => {
    expect(divergingExtent([3, -8, null, 2])).toBe(8);
    expect(divergingExtent([0, null])).toBe(1);
  });
});

describe("sizes and widths", () => {
  it("grow a node with its reach, within bounds", () => {
    expect(sizeByReach(0, 100)).toBeCloseTo(0.85);
    expect(sizeByReach(100, 100)).toBeCloseTo(1.25);
    expect(sizeByReach(25, 100)).toBeCloseTo(1.05);
    expect(sizeByReach(5, 0)).toBeCloseTo(0.85);
  });

  it("thicken an edge with its transitions, thinnest when unused", () => {
    expect(edgeWidth(0, 100)).toBe(1);
    expect(edgeWidth(100, 100)).toBe(10);
    expect(edgeWidth(25, 100)).toBeCloseTo(5.75);
  });

  it("choose readable text on light and dark fills", () => {
    expect(textOn("rgb(255, 247, 214)")).toBe("dark");
    expect(textOn("rgb(153, 0, 13)")).toBe("light");
  });
});

describe("what a metric reads and whether data backs a touchpoint", () => {
  it("reads reach as the customers count", () => {
    expect(metricValue(node({ customers: 42 }), "reach")).toBe(42);
    expect(metricValue(node({ dropoff_rate: null }), "dropoff_rate")).toBeNull();
  });

  it("is design only without events, partly when a designed way in or out is unused", () => {
    expect(backingOf(undefined, [])).toBe("design");
    expect(backingOf(node({ events: 0 }), [])).toBe("design");
    expect(backingOf(node({}), [edge({})])).toBe("data");
    expect(backingOf(node({}), [edge({ count: 0 })])).toBe("partly");
    expect(backingOf(node({}), [edge({ count: 0, to_touchpoint_id: 99 })])).toBe("data");
  });
});
