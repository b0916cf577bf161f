// How a map first appears: readable before complete. Design and Analyze both open on the whole
// width of the journey when its cards' names can be read at that size, and otherwise at the
// zoom where they can, from the journey's start (its first stage on the left); the rest is a
// drag away. The map's top is at the canvas's top, so the free space falls below it.

import type { Rect, Viewport } from "@xyflow/react";

/** The smallest height, in CSS pixels on screen, of a card's name in a map's first view. */
export const READABLE_PX = 11;

/**
 * The font size of a card's name in the map's own units, in Design and in Analyze (styles.css
 * .touchpoint-name, analyze.css .metric-node-name).
 */
export const CARD_NAME_PX = 15;

/** A map never opens magnified: a small journey shows at its natural size, centred. */
const MAX_FIRST_ZOOM = 1;

export interface Size {
  width: number;
  height: number;
}

/**
 * The viewport that shows `bounds` (the map, in its own units) in `canvas`: its whole width if
 * names of `namePx` then stay at least READABLE_PX on screen, else the zoom where they are.
 */
export function firstView(
  bounds: Rect,
  canvas: Size,
  namePx = CARD_NAME_PX,
  margin = 16,
): Viewport {
  const room = Math.max(1, canvas.width - 2 * margin);
  const fit = room / Math.max(1, bounds.width);
  const zoom = Math.min(MAX_FIRST_ZOOM, Math.max(fit, READABLE_PX / namePx));
  const wide = bounds.width * zoom;
  const left = wide <= room ? (canvas.width - wide) / 2 : margin;
  return { x: left - bounds.x * zoom, y: margin - bounds.y * zoom, zoom };
}
