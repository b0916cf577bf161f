// Report pieces for the unit tests: a touchpoint's numbers and a report around them, every field
// present, with only what a test is about given.

import type { Node, Report } from "../generated/types";

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
