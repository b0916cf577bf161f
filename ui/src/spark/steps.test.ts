import { describe, expect, it } from "vitest";
import { combinedSteps, stepsFraction } from "./steps";

describe("the steps of the Spark reports under way", () => {
  it("add up the runs that have reported", () => {
    expect(combinedSteps([{ done: 2, of: 5 }, null, { done: 1, of: 5 }])).toEqual({
      done: 3,
      of: 10,
    });
    expect(combinedSteps([null, null])).toBeNull();
    expect(combinedSteps([])).toBeNull();
  });

  it("give a share between 0 and 1", () => {
    expect(stepsFraction({ done: 1, of: 4 })).toBe(0.25);
    expect(stepsFraction({ done: 0, of: 0 })).toBe(0);
    expect(stepsFraction({ done: 7, of: 5 })).toBe(1);
    expect(stepsFraction(null)).toBe(0);
  });
});
