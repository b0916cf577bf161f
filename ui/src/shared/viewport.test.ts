import { describe, expect, it } from "vitest";
import { CARD_NAME_PX, firstView, READABLE_PX } from "./viewport";

describe("firstView", () => {
  const canvas = { width: 760, height: 700 };

  it("shows a wide journey at the zoom where names stay readable, from its first stage", () => {
    const view = firstView({ x: 0, y: 0, width: 2010, height: 600 }, canvas);
    expect(view.zoom * CARD_NAME_PX).toBeCloseTo(READABLE_PX);
    expect(view.x).toBe(16);
    expect(view.y).toBe(16);
  });

  it("fits the whole width when names are readable at that size", () => {
    const view = firstView({ x: 0, y: 0, width: 800, height: 600 }, canvas);
    expect(view.zoom).toBeCloseTo(728 / 800);
    expect(view.zoom * CARD_NAME_PX).toBeGreaterThanOrEqual(READABLE_PX);
    expect(view.x).toBeCloseTo(16);
  });

  it("never magnifies a small journey, and centres it", () => {
    const view = firstView({ x: 0, y: 0, width: 338, height: 300 }, canvas);
    expect(view.zoom).toBe(1);
    expect(view.x).toBeCloseTo((760 - 338) / 2);
  });

  it("puts the top of the map, funnels above the lanes included, at the top of the canvas", () => {
    const view = firstView({ x: -10, y: -90, width: 2010, height: 700 }, canvas);
    expect(view.y).toBeCloseTo(16 + 90 * view.zoom);
    expect(view.x).toBeCloseTo(16 + 10 * view.zoom);
  });
});
