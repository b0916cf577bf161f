import { describe, expect, it } from "vitest";
import { filterLines } from "./filters";
import { DEFAULT_PARAMS, withDates } from "./params";

const t = (key: string) => `«${key}»`;

describe("filterLines", () => {
  it("has no line for the whole log", () => {
    expect(filterLines(t, "en", DEFAULT_PARAMS)).toEqual([]);
  });

  it("has a line per kind of filter, the path's steps joined by arrows", () => {
    const p = {
      ...withDates(DEFAULT_PARAMS, "2026-07-01", "2026-09-30"),
      segments: [{ attribute: "region", value: "North" }],
      channels: ["web"],
      path: ["Ad", "Checkout"],
    };
    expect(filterLines(t, "en", p)).toEqual([
      "«export.line.dates»",
      "«export.line.segments»",
      "«export.line.channels»",
      "«export.line.path»",
    ]);
  });
});
