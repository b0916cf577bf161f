// Pieces for the unit tests: a touchpoint's numbers and a report around them, a touchpoint and a
// journey, and the engine's answer to an edit; every field present, with only what a test is about
// given.

import { blankTouchpoint } from "../design/geometry";
import type { Created, Edited, Journey, Node, Report, Touchpoint } from "../generated/types";

/** Touchpoint `T{id}` of stage "S", with zero counts and no rates unless `over` says. */
export function nodeOf(id: number, over: Partial<Node> = {}): Node {
  return {
    touchpoint: `T${id}`,
    stage: "S",
    touchpoint_id: id,
    events: 0,
    customers: 0,
    reach_pct: null,
    repeat: null,
    last_here: 0,
    dropoff: 0,
    dropoff_rate: null,
    median_next_s: null,
    p90_next_s: null,
    stalled_now: 0,
    completed_here: 0,
    engagement_rate: null,
    engagement_by_exposure: false,
    value_mean: null,
    goal: false,
    ...over,
  };
}

/** A report of `nodes` with no transition, stage or unmapped value. */
export function reportOf(nodes: Node[], over: Partial<Report> = {}): Report {
  return {
    as_of: null,
    inactive_days: 30,
    customers: 0,
    events: 0,
    nodes,
    edges: [],
    stages: [],
    unmapped: [],
    ...over,
  };
}

/** Touchpoint `T{id}` of `stage`, a digital web page in the lane's corner unless `over` says. */
export function touchpointOf(
  id: number,
  stage: number,
  over: Partial<Touchpoint> = {},
): Touchpoint {
  return {
    ...blankTouchpoint(`T${id}`, { stage, kind: "digital", x: 0, y: 0 }),
    id,
    ...over,
  };
}

/** Journey 1, "Journey", with nothing in it unless `over` says. */
export function journeyOf(over: Partial<Journey> = {}): Journey {
  return {
    id: 1,
    name: "Journey",
    description: "",
    personas: [],
    stages: [],
    touchpoints: [],
    transitions: [],
    views: [],
    notes: [],
    stories: [],
    ...over,
  };
}

/**
 * The engine's answer to an edit that left `journey`: a change, with no warning, nothing to undo
 * or redo and nothing created unless `over` says.
 */
export function editedOf(
  journey: Journey,
  over: { created?: Partial<Created>; changed?: boolean } = {},
): Edited {
  return {
    journey,
    warnings: [],
    history: { undo: null, redo: null },
    created: {
      stages: [],
      touchpoints: [],
      transitions: [],
      personas: [],
      views: [],
      notes: [],
      stories: [],
      ...over.created,
    },
    changed: over.changed ?? true,
  };
}
