// One engine call per trend question. The funnels' weekly sparklines, the inspector's and the
// Trends panel all ask for the same trend (same journey, filters and period) when the filters
// change; they share the answer through a cache that Analyze holds for as long as it is open, so
// that the engine computes it once. A new Analyze (another workspace or journey, fresh data after
// an import) starts with an empty cache.

import { createContext, useContext } from "react";
import type { JourneyId, Params, Period, Trend } from "../generated/types";
import { paramsKey } from "../shared/params";
import { analyzeApi } from "./api";
import { useLatest, type Loaded } from "./latest";

type Load = (journey: JourneyId, params: Params, by: Period) => Promise<Trend>;

/** The key of a trend question: what the cache and `useLatest` tell questions apart by. */
export function trendKey(journey: JourneyId, params: Params, by: Period): string {
  return `${journey}|trend|${by}|${paramsKey(params)}`;
}

export class TrendCache {
  // A trend by day holds a report per day: keep only the last few questions.
  private readonly entries = new Map<string, Promise<Trend>>();

  constructor(
    private readonly load: Load = analyzeApi.trend,
    private readonly size = 4,
  ) {}

  get(journey: JourneyId, params: Params, by: Period): Promise<Trend> {
    const key = trendKey(journey, params, by);
    const known = this.entries.get(key);
    if (known) {
      // The most recently asked stays longest.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const asked = this.load(journey, params, by);
    this.entries.set(key, asked);
    // A failure is not kept: asking again asks the engine again.
    asked.catch(() => {
      if (this.entries.get(key) === asked) this.entries.delete(key);
    });
    for (const old of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(old);
    }
    return asked;
  }
}

/** Analyze's cache; without one (a component shown elsewhere) every question goes to the engine. */
export const TrendCacheContext = createContext<TrendCache | null>(null);

/** The trend of `params` by `by`, shared with every other component asking the same; none if `off`. */
export function useTrend(
  journey: JourneyId,
  params: Params,
  by: Period,
  off = false,
): Loaded<Trend> {
  return useTrendFrom(useContext(TrendCacheContext), journey, params, by, off);
}

/** `useTrend` through `cache` (for the component that holds it, above its own context). */
export function useTrendFrom(
  cache: TrendCache | null,
  journey: JourneyId,
  params: Params,
  by: Period,
  off = false,
  /** Bumped to ask again after a cancel. */
  round = 0,
): Loaded<Trend> {
  const key = `${trendKey(journey, params, by)}|${round}`;
  return useLatest(
    off ? `${key}|off` : key,
    off
      ? null
      : () => (cache ? cache.get(journey, params, by) : analyzeApi.trend(journey, params, by)),
  );
}
