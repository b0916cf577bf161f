import { describe, expect, it } from "vitest";
import type { JourneyId, Params, Period, Trend } from "../generated/types";
import { DEFAULT_PARAMS } from "../shared/params";
import { TrendCache, trendKey } from "./trendCache";

function counting(fail = false) {
  const asked: string[] = [];
  const load = (journey: JourneyId, params: Params, by: Period): Promise<Trend> => {
    asked.push(trendKey(journey, params, by));
    return fail
      ? Promise.reject(new Error("no"))
      : Promise.resolve({ by, as_of: null, inactive_days: params.inactive_days, periods: [] });
  };
  return { asked, load };
}

describe("the trend cache", () => {
  it("asks the engine once for the funnels, the inspector and the panel", async () => {
    const { asked, load } = counting();
    const cache = new TrendCache(load);
    const first = cache.get(1, DEFAULT_PARAMS, "week");
    const again = cache.get(1, { ...DEFAULT_PARAMS }, "week");
    expect(again).toBe(first);
    expect(asked).toHaveLength(1);
    // Another period, filter or journey is another question.
    void cache.get(1, DEFAULT_PARAMS, "day");
    void cache.get(1, { ...DEFAULT_PARAMS, from_ms: 5 }, "week");
    void cache.get(2, DEFAULT_PARAMS, "week");
    expect(asked).toHaveLength(4);
    await first;
  });

  it("keeps the latest questions only", () => {
    const { asked, load } = counting();
    const cache = new TrendCache(load, 2);
    void cache.get(1, DEFAULT_PARAMS, "day");
    void cache.get(1, DEFAULT_PARAMS, "week");
    void cache.get(1, DEFAULT_PARAMS, "day");
    void cache.get(1, DEFAULT_PARAMS, "month");
    // "week" was the oldest asked: it went; "day" was asked again and stayed.
    void cache.get(1, DEFAULT_PARAMS, "day");
    expect(asked).toHaveLength(3);
    void cache.get(1, DEFAULT_PARAMS, "week");
    expect(asked).toHaveLength(4);
  });

  it("asks again after a failure", async () => {
    const { asked, load } = counting(true);
    const cache = new TrendCache(load);
    await expect(cache.get(1, DEFAULT_PARAMS, "day")).rejects.toThrow("no");
    await expect(cache.get(1, DEFAULT_PARAMS, "day")).rejects.toThrow("no");
    expect(asked).toHaveLength(2);
  });
});
