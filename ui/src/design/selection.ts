// What is selected on the canvas: touchpoints and transitions, by id.

import type { Journey, TouchpointId, TransitionId } from "../generated/types";

export interface Selection {
  touchpoints: Set<TouchpointId>;
  transitions: Set<TransitionId>;
}

export const NOTHING: Selection = { touchpoints: new Set(), transitions: new Set() };

export function only(touchpoints: TouchpointId[], transitions: TransitionId[] = []): Selection {
  return { touchpoints: new Set(touchpoints), transitions: new Set(transitions) };
}

export function isEmpty(selection: Selection): boolean {
  return selection.touchpoints.size === 0 && selection.transitions.size === 0;
}

/** The selection without what `journey` no longer holds (after an undo, say). */
export function keepExisting(selection: Selection, journey: Journey): Selection {
  const touchpoints = new Set(journey.touchpoints.map((t) => t.id));
  const transitions = new Set(journey.transitions.map((t) => t.id));
  const kept = only(
    [...selection.touchpoints].filter((id) => touchpoints.has(id)),
    [...selection.transitions].filter((id) => transitions.has(id)),
  );
  return kept.touchpoints.size === selection.touchpoints.size &&
    kept.transitions.size === selection.transitions.size
    ? selection
    : kept;
}
