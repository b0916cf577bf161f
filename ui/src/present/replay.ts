// The replay's arithmetic: where each drawn customer is at a given moment and what the counters
// read then. Pure, so it is tested without a canvas.

import type { Journey, Replay, StageId, TouchpointId } from "../generated/types";
import { layoutJourney } from "../map/layout";

export interface Point {
  x: number;
  y: number;
}

/** Seconds a dot takes to travel an edge, as a share of the whole replay's span. */
export const TRAVEL_SHARE = 1 / 80;

/** Index of the last event of customer `k` at or before `t` (seconds from start), or -1. */
export function lastEventAt(replay: Replay, k: number, t: number): number {
  let lo = replay.starts[k] ?? 0;
  let hi = (replay.starts[k + 1] ?? lo) - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((replay.times_s[mid] ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export interface Dot {
  x: number;
  y: number;
  /** Whether the customer's latest event was recent (moving or just arrived). */
  recent: boolean;
}

/**
 * Where customer `k` is at `t` seconds: at the node of its last event, gliding to the next node
 * during the last moments before that next event; null before its first event.
 */
export function dotAt(
  replay: Replay,
  k: number,
  t: number,
  centres: (Point | undefined)[],
  span: number,
): Dot | null {
  const i = lastEventAt(replay, k, t);
  if (i < 0) return null;
  const here = centres[replay.nodes[i] ?? -1];
  if (!here) return null;
  const end = replay.starts[k + 1] ?? 0;
  const travel = span * TRAVEL_SHARE;
  const next = i + 1 < end ? i + 1 : -1;
  const since = t - (replay.times_s[i] ?? t);
  if (next >= 0) {
    const arrive = replay.times_s[next] ?? t;
    const there = centres[replay.nodes[next] ?? -1];
    const leave = Math.max(replay.times_s[i] ?? t, arrive - travel);
    if (there && t > leave) {
      const f = ease((t - leave) / Math.max(arrive - leave, 1e-9));
      return {
        x: here.x + (there.x - here.x) * f,
        y: here.y + (there.y - here.y) * f,
        recent: true,
      };
    }
  }
  return { x: here.x, y: here.y, recent: since < span / 20 };
}

function ease(f: number): number {
  const x = Math.min(1, Math.max(0, f));
  return x * x * (3 - 2 * x);
}

/** The counters at `t` seconds: the latest step taken at or before that moment. */
export function countersAt(replay: Replay, t: number): number[] {
  const nodes = replay.touchpoints.length;
  const at = replay.start_ms + t * 1000;
  let step = 0;
  for (let i = 0; i < replay.count_at_ms.length; i++) {
    if ((replay.count_at_ms[i] ?? Infinity) <= at) step = i;
    else break;
  }
  return replay.counts.slice(step * nodes, step * nodes + nodes);
}

/** A small fixed offset per customer so dots on one node spread into a visible crowd. */
export function jitter(k: number, radius: number): Point {
  const h = Math.imul(k ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const angle = ((h & 0xffff) / 0x10000) * Math.PI * 2;
  const r = Math.sqrt(((h >>> 16) & 0xffff) / 0x10000) * radius;
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r };
}

/** A stage's column in the replay, in pixels of the replay's box. */
export interface ReplayLane {
  stage: StageId;
  name: string;
  x: number;
  width: number;
}

/** Where the replay draws its stages and touchpoints in a box of the given size. */
export interface ReplayLayout {
  lanes: ReplayLane[];
  top: number;
  height: number;
  centres: Map<TouchpointId, Point>;
}

/** Space around the columns, between them, and above the first row for the stage's name. */
const EDGE = 16;
const GAP = 10;
const HEADER = 44;

/**
 * The replay's own layout, made to be read from the back of a room: each stage is a column as
 * wide as the box allows, and its touchpoints are rows down it, in the map's order (top to bottom,
 * then left to right). A card's label gets the whole column's width, so a name is never cut to a
 * few letters, which the designed map's positions, scaled down to fit, did.
 */
export function replayLayout(journey: Journey, width: number, height: number): ReplayLayout {
  const n = Math.max(1, journey.stages.length);
  const laneWidth = Math.max(0, (width - 2 * EDGE - GAP * (n - 1)) / n);
  const top = EDGE;
  const laneHeight = Math.max(0, height - 2 * EDGE);
  const centres = new Map<TouchpointId, Point>();
  const onMap = layoutJourney(journey).positions;
  const at = (id: TouchpointId) => onMap.get(id) ?? { x: 0, y: 0 };
  const lanes = journey.stages.map((stage, i) => {
    const x = EDGE + i * (laneWidth + GAP);
    const rows = journey.touchpoints
      .filter((tp) => tp.stage === stage.id)
      .sort((a, b) => at(a.id).y - at(b.id).y || at(a.id).x - at(b.id).x);
    const step = (laneHeight - HEADER) / Math.max(1, rows.length);
    rows.forEach((tp, j) => {
      centres.set(tp.id, { x: x + laneWidth / 2, y: top + HEADER + (j + 0.5) * step });
    });
    return { stage: stage.id, name: stage.name, x, width: laneWidth };
  });
  return { lanes, top, height: laneHeight, centres };
}
