import { describe, expect, it } from "vitest";
import {
  formatDay,
  formatDuration,
  formatLargeCount,
  formatNumber,
  formatPercent,
  formatPoints,
  formatSigned,
  isoDay,
  parseIsoDay,
} from "./format";

describe("number formatting follows the language", () => {
  it("writes 1,234.5 in English and 1.234,5 in Italian", () => {
    expect(formatNumber("en", 1234.5)).toBe("1,234.5");
    expect(formatNumber("it", 1234.5)).toBe("1.234,5");
    expect(formatNumber("en", 54533)).toBe("54,533");
    expect(formatNumber("it", 54533)).toBe("54.533");
  });

  it("rounds to the decimals asked and shows a dash for a missing value", () => {
    expect(formatNumber("en", 2.345, 2)).toBe("2.35");
    expect(formatNumber("en", 7, 1)).toBe("7");
    expect(formatNumber("en", null)).toBe("—");
    expect(formatNumber("it", Number.NaN)).toBe("—");
  });

  it("writes rates given as 0–100 as percentages with one decimal", () => {
    expect(formatPercent("en", 42.56)).toBe("42.6%");
    expect(formatPercent("it", 42.56)).toBe("42,6%");
    expect(formatPercent("en", 0)).toBe("0.0%");
    expect(formatPercent("en", 100)).toBe("100.0%");
    expect(formatPercent("it", null)).toBe("—");
  });

  it("signs differences, in points for percentages", () => {
    expect(formatPoints("en", 3.21)).toBe("+3.2 pp");
    expect(formatPoints("it", -3.21)).toBe("-3,2 p.p.");
    expect(formatPoints("en", 0)).toBe("0.0 pp");
    expect(formatSigned("en", 1200)).toBe("+1,200");
    expect(formatSigned("it", -1200.5)).toBe("-1.200,5");
  });

  it("writes large counts plainly below a million and compactly from there", () => {
    expect(formatLargeCount("en", 950_000)).toBe("950,000");
    expect(formatLargeCount("it", 950_000)).toBe("950.000");
    expect(formatLargeCount("en", 1_000_000)).toBe("1 million");
    expect(formatLargeCount("it", 1_000_000)).toBe("1 milione");
    expect(formatLargeCount("en", 23_412_345)).toBe("23.4 million");
    expect(formatLargeCount("it", 51_349_999)).toBe("51,3 milioni");
  });
});

describe("durations", () => {
  it("use the two largest units that matter", () => {
    expect(formatDuration("en", 42)).toBe("42 s");
    expect(formatDuration("en", 8 * 60)).toBe("8 min");
    expect(formatDuration("en", 3 * 3600 + 20 * 60)).toBe("3 h 20 min");
    expect(formatDuration("en", 5 * 3600)).toBe("5 h");
    expect(formatDuration("en", 2 * 86400 + 4 * 3600)).toBe("2 d 4 h");
    expect(formatDuration("en", 14.2 * 86400)).toBe("14 d");
  });

  it("name days in Italian as giorni", () => {
    expect(formatDuration("it", 2 * 86400 + 4 * 3600)).toBe("2 g 4 h");
    expect(formatDuration("it", null)).toBe("—");
  });
});

describe("days", () => {
  it("are UTC calendar days, in the language's words", () => {
    const ms = Date.UTC(2026, 2, 5, 23, 30);
    expect(formatDay("en", ms)).toBe("5 Mar 2026");
    expect(formatDay("it", ms)).toBe("5 mar 2026");
    expect(isoDay(ms)).toBe("2026-03-05");
  });

  it("parse back from what a date input holds", () => {
    expect(parseIsoDay("2026-03-05")).toBe(Date.UTC(2026, 2, 5));
    expect(parseIsoDay("05/03/2026")).toBeNull();
    expect(parseIsoDay("")).toBeNull();
  });
});
