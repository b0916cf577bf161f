// The engine's Params as every mode asks them: the defaults, a key to tell questions apart, and
// the date fields of the filters: UTC days in the inputs, instants in the engine's Params. "To"
// is inclusive for the reader and sent as the next midnight, the exclusive bound the engine uses.

import type { Params } from "../generated/types";
import { DEFAULT_PARAMS } from "../generated/constants";
import { DAY_MS, isoDay, parseIsoDay } from "./format";

/** The question of a mode that has no filters: every customer, every day, the engine's thresholds. */
export { DEFAULT_PARAMS };

export function fromInput(params: Params): string {
  return params.from_ms === null ? "" : isoDay(params.from_ms);
}

export function toInput(params: Params): string {
  return params.to_ms === null ? "" : isoDay(params.to_ms - DAY_MS);
}

export function withDates(params: Params, from: string, to: string): Params {
  const f = parseIsoDay(from);
  const t = parseIsoDay(to);
  return { ...params, from_ms: f, to_ms: t === null ? null : t + DAY_MS };
}

/** A stable key of a question, for caching and for telling answers apart. */
export function paramsKey(params: Params): string {
  return JSON.stringify(params);
}
