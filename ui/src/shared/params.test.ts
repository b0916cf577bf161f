import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS, fromInput, toInput, withDates } from "./params";

describe("date filters", () => {
  it("send an inclusive 'to' day as the next midnight, as percorso report --to expects", () => {
    const p = withDates(DEFAULT_PARAMS, "2026-03-01", "2026-03-31");
    expect(p.from_ms).toBe(Date.UTC(2026, 2, 1));
    expect(p.to_ms).toBe(Date.UTC(2026, 3, 1));
    expect(fromInput(p)).toBe("2026-03-01");
    expect(toInput(p)).toBe("2026-03-31");
  });

  it("leave a side open when its input is empty", () => {
    const p = withDates(DEFAULT_PARAMS, "", "2026-03-31");
    expect(p.from_ms).toBeNull();
    expect(fromInput(p)).toBe("");
    expect(p.inactive_days).toBe(30);
  });
});
