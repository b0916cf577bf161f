// The editor's pure geometry and clipboard: where a dropped or new touchpoint lands, what a copy
// holds, and the points of the emotion curve. No DOM, so every rule is unit-tested.

import type {
  Edit,
  Journey,
  Kind,
  PastedTransition,
  StageId,
  Touchpoint,
  TouchpointId,
} from "../generated/types";
import {
  clamp,
  LANE_WIDTH,
  NODE_HEIGHT,
  NODE_WIDTH,
  type MapLayout,
  type Point,
} from "../map/layout";
import { SLOTS } from "../generated/constants";

/** The engine's slots inside a band (src/layout.rs): rows going down, every other one staggered. */
export function slot(row: number): Point {
  return { x: SLOTS.left + SLOTS.stagger * (row % 2), y: SLOTS.top + SLOTS.row * row };
}

/** Where a touchpoint goes: a lane, a band, and its offsets inside them. */
export interface Place {
  stage: StageId;
  kind: Kind;
  x: number;
  y: number;
}

/**
 * The place of a card whose top-left corner is at `position` on the canvas: the lane and band
 * under its centre (the nearest ones when it is dropped outside), with offsets kept inside the
 * lane. Null when the journey has no stage.
 */
export function placeAt(layout: MapLayout, position: Point): Place | null {
  if (layout.lanes.length === 0 || layout.bands.length === 0) return null;
  const cx = position.x + NODE_WIDTH / 2;
  const cy = position.y + NODE_HEIGHT / 2;
  const distance = (low: number, size: number, v: number) =>
    v < low ? low - v : v > low + size ? v - (low + size) : 0;
  const nearest = <T>(items: T[], score: (item: T) => number): T =>
    items.reduce((best, item) => (score(item) < score(best) ? item : best));
  const lane = nearest(layout.lanes, (l) => distance(l.x, l.width, cx));
  const band = nearest(layout.bands, (b) => distance(b.y, b.height, cy));
  return {
    stage: lane.stage,
    kind: band.kind,
    x: Math.round(clamp(position.x - lane.x, 0, LANE_WIDTH - NODE_WIDTH)),
    y: Math.round(Math.max(0, position.y - band.y)),
  };
}

/**
 * The place of a card centred on `point`, for a double-click in a lane: null unless the point is
 * inside a lane's bands (not on its header, not between or outside the lanes).
 */
export function placeCentredAt(layout: MapLayout, point: Point): Place | null {
  const [first] = layout.bands;
  const inside = layout.lanes.some(
    (l) =>
      point.x >= l.x &&
      point.x <= l.x + l.width &&
      first !== undefined &&
      point.y >= first.y &&
      point.y <= l.y + l.height,
  );
  if (!inside) return null;
  return placeAt(layout, { x: point.x - NODE_WIDTH / 2, y: point.y - NODE_HEIGHT / 2 });
}

/**
 * The first slot of the band of `kind` in `stage` that no touchpoint of that band occupies. A
 * touchpoint occupies the row nearest to its height, wherever it was dragged to. The engine
 * places a touchpoint made from a log value by the same rule (`layout::first_free_slot`).
 */
export function freeSlot(journey: Journey, stage: StageId, kind: Kind): Point {
  const taken = new Set(
    journey.touchpoints
      .filter((t) => t.stage === stage && t.kind === kind)
      .map((t) => Math.round((t.y - SLOTS.top) / SLOTS.row)),
  );
  let row = 0;
  while (taken.has(row)) row += 1;
  return slot(row);
}

/** A touchpoint to add: every field set, its id ignored by the engine. */
export function blankTouchpoint(name: string, place: Place): Touchpoint {
  return {
    id: 0,
    stage: place.stage,
    name,
    channel: place.kind === "physical" ? "store" : "web",
    kind: place.kind,
    x: place.x,
    y: place.y,
    entry: false,
    goal: false,
    aliases: [],
    description: "",
    owner: "",
    emotion: null,
    pain_points: [],
    opportunities: [],
    kpis: [],
  };
}

/** What Copy keeps: the touchpoints and the transitions between them. */
export interface Clip {
  touchpoints: Touchpoint[];
  transitions: PastedTransition[];
}

export function copyOf(journey: Journey, ids: Iterable<TouchpointId>): Clip | null {
  const wanted = new Set(ids);
  const touchpoints = journey.touchpoints.filter((t) => wanted.has(t.id));
  if (touchpoints.length === 0) return null;
  const index = new Map(touchpoints.map((t, i) => [t.id, i]));
  const transitions = journey.transitions.flatMap((tr) => {
    const from = index.get(tr.from);
    const to = index.get(tr.to);
    return from === undefined || to === undefined ? [] : [{ from, to }];
  });
  return { touchpoints, transitions };
}

/**
 * The edit that pastes `clip` into `journey`: each copy lands a little below and right of its
 * original (in the original's stage when it still exists, else the first stage) and is called
 * "name (copy)". Aliases stay with the original, so the log still matches it alone.
 */
export function pasteEdit(
  journey: Journey,
  clip: Clip,
  copySuffix: string,
  times = 1,
): Edit | null {
  const first = journey.stages[0];
  if (!first) return null;
  const stages = new Set(journey.stages.map((s) => s.id));
  const shift = 24 * times;
  return {
    op: "paste",
    touchpoints: clip.touchpoints.map((t) => ({
      ...t,
      id: 0,
      stage: stages.has(t.stage) ? t.stage : first.id,
      name: `${t.name} ${copySuffix}`,
      x: Math.round(clamp(t.x + shift, 0, LANE_WIDTH - NODE_WIDTH)),
      y: Math.round(t.y + shift),
      aliases: [],
      entry: false,
      goal: false,
    })),
    transitions: clip.transitions,
  };
}

/** One point of the emotion curve: a touchpoint's emotion at its place along the stages. */
export interface EmotionPoint {
  touchpoint: TouchpointId;
  name: string;
  emotion: number;
  x: number;
  y: number;
}

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/**
 * The emotion curve in a box of `height` (y = 0 at the top, +2 at `pad`, −2 at `height − pad`):
 * the touchpoints that have an emotion, left to right by where their cards sit on the map.
 */
export function emotionPoints(
  journey: Journey,
  layout: MapLayout,
  height: number,
  pad: number,
): EmotionPoint[] {
  const span = height - 2 * pad;
  return journey.touchpoints
    .flatMap((t) => {
      const at = layout.positions.get(t.id);
      if (t.emotion === null || !at) return [];
      const e = clamp(t.emotion, EMOTION_MIN, EMOTION_MAX);
      return [
        {
          touchpoint: t.id,
          name: t.name,
          emotion: e,
          x: at.x + NODE_WIDTH / 2,
          y: pad + ((EMOTION_MAX - e) / (EMOTION_MAX - EMOTION_MIN)) * span,
        },
      ];
    })
    .sort((a, b) => a.x - b.x || a.touchpoint - b.touchpoint);
}

/** A stage's mean emotion, at the centre of its lane: the points the curve goes through. */
export interface StageEmotion {
  stage: StageId;
  name: string;
  mean: number;
  count: number;
  x: number;
  y: number;
}

/**
 * The curve's points: for each stage in journey order that has touchpoints with an emotion, the
 * mean of their emotions at the centre of its lane (same scale as `emotionPoints`).
 */
export function stageEmotions(
  journey: Journey,
  layout: MapLayout,
  height: number,
  pad: number,
): StageEmotion[] {
  const span = height - 2 * pad;
  return layout.lanes.flatMap((lane) => {
    const felt = journey.touchpoints.filter((t) => t.stage === lane.stage && t.emotion !== null);
    if (felt.length === 0) return [];
    const mean =
      felt.reduce((sum, t) => sum + clamp(t.emotion ?? 0, EMOTION_MIN, EMOTION_MAX), 0) /
      felt.length;
    return [
      {
        stage: lane.stage,
        name: lane.name,
        mean,
        count: felt.length,
        x: lane.x + lane.width / 2,
        y: pad + ((EMOTION_MAX - mean) / (EMOTION_MAX - EMOTION_MIN)) * span,
      },
    ];
  });
}

/** An SVG path through `points` as a smooth curve (Catmull-Rom turned into cubic Béziers). */
export function smoothPath(points: Point[]): string {
  if (points.length === 0) return "";
  const [head] = points;
  if (!head) return "";
  let d = `M${head.x},${head.y}`;
  for (let i = 1; i < points.length; i += 1) {
    const p0 = points[i - 2] ?? points[i - 1]!;
    const p1 = points[i - 1]!;
    const p2 = points[i]!;
    const p3 = points[i + 1] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${c1.x},${c1.y} ${c2.x},${c2.y} ${p2.x},${p2.y}`;
  }
  return d;
}
