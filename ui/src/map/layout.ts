// Geometry of the journey map: stages are vertical lanes in journey order, each split into a
// physical band above and a digital band below; a touchpoint's stored x/y are offsets inside its
// lane and band. Pure functions, so they are unit-tested without a DOM.

import type { Journey, Kind, StageId, TouchpointId } from "../generated/types";

export const LANE_WIDTH = 320;
export const LANE_GAP = 18;
export const LANE_HEADER = 64;
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 72;
const BAND_PADDING = 30;
const MIN_BAND_HEIGHT = 170;

export interface LaneBox {
  stage: StageId;
  name: string;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BandBox {
  kind: Kind;
  y: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface MapLayout {
  lanes: LaneBox[];
  bands: BandBox[];
  positions: Map<TouchpointId, Point>;
  width: number;
  height: number;
}

const KINDS: Kind[] = ["physical", "digital"];

function bandHeight(journey: Journey, kind: Kind): number {
  const bottoms = journey.touchpoints
    .filter((t) => t.kind === kind)
    .map((t) => Math.max(0, t.y) + NODE_HEIGHT + BAND_PADDING);
  return Math.max(MIN_BAND_HEIGHT, ...bottoms);
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function layoutJourney(journey: Journey): MapLayout {
  const bands: BandBox[] = [];
  let y = LANE_HEADER;
  for (const kind of KINDS) {
    const height = bandHeight(journey, kind);
    bands.push({ kind, y, height });
    y += height;
  }
  const height = y;
  const lanes = journey.stages.map((stage, index) => ({
    stage: stage.id,
    name: stage.name,
    index,
    x: index * (LANE_WIDTH + LANE_GAP),
    y: 0,
    width: LANE_WIDTH,
    height,
  }));
  const laneOf = new Map(lanes.map((lane) => [lane.stage, lane]));
  const bandOf = new Map(bands.map((band) => [band.kind, band]));
  const positions = new Map<TouchpointId, Point>();
  for (const t of journey.touchpoints) {
    const lane = laneOf.get(t.stage);
    const band = bandOf.get(t.kind);
    if (!lane || !band) continue;
    positions.set(t.id, {
      x: lane.x + clamp(t.x, 0, LANE_WIDTH - NODE_WIDTH),
      y: band.y + clamp(t.y, 0, band.height - NODE_HEIGHT),
    });
  }
  const width = lanes.length === 0 ? 0 : lanes.length * LANE_WIDTH + (lanes.length - 1) * LANE_GAP;
  return { lanes, bands, positions, width, height };
}
