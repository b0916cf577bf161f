// The simplification sliders' positions, remembered per journey like the other choices of the UI
// (see MiniMapToggle.tsx): Analyze sets them, Present reads the touchpoints one. A slider the user
// never moved is not stored, so it follows its default (shared/simplify.ts), which adapts to the
// report the filters give.

import { useState } from "react";
import { FULL, type SimplifyChoice } from "./simplify";

const KEY = "percorso.simplify";

/** What the user chose for one journey; a missing slider follows its default. */
export type StoredChoice = Partial<SimplifyChoice>;

type Stored = Record<string, StoredChoice>;

function isPercent(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= FULL;
}

/** The stored text read back, keeping only well-formed values. */
export function parseStored(text: string | null): Stored {
  if (text === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
  const out: Stored = {};
  for (const [journey, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== "object" || value === null) continue;
    const { transitions, touchpoints } = value as Record<string, unknown>;
    const choice: StoredChoice = {};
    if (isPercent(transitions)) choice.transitions = transitions;
    if (isPercent(touchpoints)) choice.touchpoints = touchpoints;
    out[journey] = choice;
  }
  return out;
}

function readAll(): Stored {
  try {
    return parseStored(window.localStorage.getItem(KEY));
  } catch {
    return {};
  }
}

/** The journey's remembered slider positions. */
export function storedChoice(journey: number): StoredChoice {
  return readAll()[String(journey)] ?? {};
}

function store(journey: number, choice: StoredChoice) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ ...readAll(), [String(journey)]: choice }));
  } catch {
    // A private window keeps no storage: the choice lasts this session.
  }
}

/** The journey's slider positions and the function that changes (and remembers) some of them. */
export function useSimplifyChoice(journey: number): [StoredChoice, (change: StoredChoice) => void] {
  const [state, setState] = useState(() => ({ journey, choice: storedChoice(journey) }));
  let current = state;
  if (state.journey !== journey) {
    current = { journey, choice: storedChoice(journey) };
    setState(current);
  }
  const change = (next: StoredChoice) =>
    setState((was) => {
      const choice = { ...(was.journey === journey ? was.choice : storedChoice(journey)), ...next };
      store(journey, choice);
      return { journey, choice };
    });
  return [current.choice, change];
}
