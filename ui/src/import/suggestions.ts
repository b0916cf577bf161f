// The stage the engine suggests for each unmapped value (where customers meet it), paired with
// the values an import left unmapped, and what tells a journey made from the log apart.

import { UNASSIGNED_STAGE } from "../generated/constants";
import type { Channel, Journey, StageSuggestion } from "../generated/types";

/** Whether `journey` is the one an import made from the log: a single stage, "Unassigned". */
export function isLogMadeJourney(journey: Journey): boolean {
  return journey.stages.length === 1 && journey.stages[0]?.name === UNASSIGNED_STAGE;
}

/**
 * The suggestion for each of `values` that has one, by value. A suggestion counts only when it
 * names a stage the journey still has (the engine never suggests "Unassigned"); the stage name is
 * the journey's, should it have been renamed since.
 */
export function suggestionsFor(
  values: readonly string[],
  suggestions: readonly StageSuggestion[],
  journey: Journey,
): Map<string, StageSuggestion> {
  const stages = new Map(journey.stages.map((s) => [s.id, s.name]));
  const wanted = new Set(values);
  const out = new Map<string, StageSuggestion>();
  for (const s of suggestions) {
    const stage = stages.get(s.stage_id);
    if (stage === undefined || !wanted.has(s.value) || out.has(s.value)) continue;
    out.set(s.value, { ...s, stage });
  }
  return out;
}

/**
 * The channel to create a value's touchpoint with: the one its events mostly carry; none when the
 * log says nothing better than "other", so that the engine guesses it from the value's name.
 */
export function suggestedChannel(suggestion: StageSuggestion | undefined): Channel | null {
  return suggestion && suggestion.channel !== "other" ? suggestion.channel : null;
}
