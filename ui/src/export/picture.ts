// The map as an SVG document, drawn from the same data the screen shows: the journey's lanes and
// touchpoints, and in Analyze the overlay's colours, headline numbers, edge widths and legend.
// Every text is escaped: log values and names are text, never markup. Pure functions, tested
// without a window; the engine turns the SVG into PNG and PDF, or embeds it in the interactive
// HTML page, which finds each touchpoint by its group's `data-touchpoint` attribute.

import type { Journey, TouchpointId } from "../generated/types";
import { layoutJourney, NODE_HEIGHT, NODE_WIDTH, type MapLayout } from "../map/layout";

export interface EdgeLook {
  from: TouchpointId;
  to: TouchpointId;
  width: number;
  /** Observed but not on the designed map. */
  dashed: boolean;
  /** On the map but never observed. */
  faded: boolean;
}

/** What is on screen, in data: the export draws exactly this. */
export interface Picture {
  journey: Journey;
  title: string;
  /** Under the title: the mode, the date, the filters applied. */
  lines: string[];
  /** Per touchpoint id: the overlay's fill and headline (Analyze). */
  looks?: Map<number, { fill: string; headline: string }>;
  /** The transitions to draw; the designed ones when absent. */
  edges?: EdgeLook[];
  legend?: { label: string; min: string; max: string; colours: string[] };
  /** Without the title and the lines: the page or slide around the drawing says them. */
  bare?: boolean;
  /**
   * A touchpoint to show large: its card is outlined, and the drawing is cropped to its stage
   * and the stages on either side, so that a slide on a projector can be read.
   */
  focus?: TouchpointId | null;
}

/** Outline of the focused touchpoint's card. */
const FOCUS_COLOUR = "#2563eb";

const FONT = "DejaVu Sans, Noto Sans, Cantarell, sans-serif";
const MARGIN = 32;
const KIND_COLOUR = { physical: "#b45309", digital: "#4338ca" } as const;
const BAND_TINT = { physical: "#fff7ed", digital: "#eef2ff" } as const;

/** Text as XML text or attribute value: never markup. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** At most `max` characters, with an ellipsis when cut (a card has room for one line). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

function textEl(x: number, y: number, size: number, content: string, extra = ""): string {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}"${extra}>${escapeXml(content)}</text>`;
}

/** Whether dark text reads on `fill` (a #rrggbb or rgb() colour). */
function darkTextOn(fill: string): boolean {
  const hex = /^#([0-9a-f]{6})$/i.exec(fill);
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/i.exec(fill);
  const [r, g, b] = hex
    ? [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16))
    : rgb
      ? [rgb[1], rgb[2], rgb[3]].map(Number)
      : [255, 255, 255];
  return 0.299 * r! + 0.587 * g! + 0.114 * b! > 150;
}

/** The part of the drawing to show, and where to repeat the stage names when it starts lower. */
interface View {
  x: number;
  y: number;
  width: number;
  height: number;
  labelsAt: number | null;
}

/**
 * All of the drawing, or, with a focus, the focused touchpoint's band (physical or digital) in
 * its stage and the neighbouring ones (three stages; two at either end of the map). A slide shows
 * that part large enough to read from the back of a room; the stage names are repeated above a
 * band that is not the first, in the free space at the bottom of the band above.
 */
function focusedView(
  picture: Picture,
  layout: MapLayout,
  ox: number,
  oy: number,
  width: number,
  height: number,
): View {
  const whole = { x: 0, y: 0, width, height, labelsAt: null };
  const tp = picture.journey.touchpoints.find((t) => t.id === picture.focus);
  const index = tp ? layout.lanes.findIndex((l) => l.stage === tp.stage) : -1;
  const band = tp ? layout.bands.findIndex((b) => b.kind === tp.kind) : -1;
  if (index < 0 || band < 0) return whole;
  const count = Math.min(3, layout.lanes.length);
  const first = Math.max(0, Math.min(index - 1, layout.lanes.length - count));
  const left = layout.lanes[first]!;
  const right = layout.lanes[first + count - 1]!;
  const x = Math.max(0, ox + left.x - MARGIN / 2);
  const box = layout.bands[band]!;
  const top = band === 0 ? oy : oy + box.y - BAND_LABEL_SPACE;
  const bottom = oy + box.y + box.height + MARGIN / 2;
  return {
    x,
    y: top,
    width: Math.min(width, ox + right.x + right.width + MARGIN / 2) - x,
    height: bottom - top,
    labelsAt: band === 0 ? null : oy + box.y - 9,
  };
}

/** Room above a band for the repeated stage names: the band above ends in its free padding. */
const BAND_LABEL_SPACE = 30;

/**
 * The whole map as an SVG document. Each touchpoint is a `<g data-touchpoint="<id>">` whose first
 * `rect` is the card's outline. `ids` prefixes the document's own ids (the arrow marker, the
 * legend's gradient), for pages that hold several maps.
 */
export function mapSvg(picture: Picture, ids = ""): string {
  const { journey } = picture;
  const layout = layoutJourney(journey);
  const legendHeight = picture.legend ? 56 : 0;
  const HEADER = picture.bare ? 0 : 64 + picture.lines.length * 20 + 16;
  const width = Math.max(layout.width, 640) + 2 * MARGIN;
  const height = HEADER + layout.height + legendHeight + 2 * MARGIN;
  const ox = MARGIN;
  const oy = MARGIN + HEADER;
  const view = focusedView(picture, layout, ox, oy, width, height);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width}" height="${view.height}" viewBox="${view.x} ${view.y} ${view.width} ${view.height}">`,
    `<defs><marker id="${ids}arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#64748b"/></marker></defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  if (!picture.bare) {
    out.push(textEl(MARGIN, MARGIN + 30, 28, picture.title, ' font-weight="bold" fill="#0f172a"'));
    picture.lines.forEach((line, i) => {
      out.push(textEl(MARGIN, MARGIN + 58 + i * 20, 14, line, ' fill="#475569"'));
    });
  }

  for (const lane of layout.lanes) {
    const x = ox + lane.x;
    out.push(
      `<rect x="${x}" y="${oy}" width="${lane.width}" height="${lane.height}" rx="12" fill="#f8fafc" stroke="#e2e8f0"/>`,
    );
    for (const band of layout.bands) {
      out.push(
        `<rect x="${x + 1}" y="${oy + band.y}" width="${lane.width - 2}" height="${band.height}" fill="${BAND_TINT[band.kind]}"/>`,
      );
    }
    const label = clip(`${lane.index + 1}  ${lane.name}`, 30);
    out.push(
      textEl(x + 14, view.labelsAt ?? oy + 38, 17, label, ' font-weight="bold" fill="#0f172a"'),
    );
  }

  const centre = (id: TouchpointId, side: "in" | "out") => {
    const p = layout.positions.get(id);
    return p
      ? { x: ox + p.x + (side === "out" ? NODE_WIDTH : 0), y: oy + p.y + NODE_HEIGHT / 2 }
      : null;
  };
  const edges: EdgeLook[] =
    picture.edges ??
    journey.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      width: 1.6,
      dashed: false,
      faded: false,
    }));
  for (const edge of edges) {
    const a = centre(edge.from, "out");
    const b = centre(edge.to, "in");
    if (!a || !b) continue;
    const bend = Math.max(40, Math.abs(b.x - a.x) / 2);
    const style = [
      `stroke="${edge.dashed ? "#d97706" : "#64748b"}"`,
      `stroke-width="${edge.width.toFixed(1)}"`,
      edge.dashed ? 'stroke-dasharray="6 4"' : "",
      edge.faded ? 'stroke-opacity="0.35"' : 'stroke-opacity="0.8"',
    ].join(" ");
    out.push(
      `<path d="M${a.x} ${a.y} C${a.x + bend} ${a.y} ${b.x - bend} ${b.y} ${b.x} ${b.y}" fill="none" ${style} marker-end="url(#${ids}arrow)"/>`,
    );
  }

  for (const tp of journey.touchpoints) {
    const p = layout.positions.get(tp.id);
    if (!p) continue;
    const x = ox + p.x;
    const y = oy + p.y;
    const look = picture.looks?.get(tp.id);
    const fill = look?.fill ?? "#ffffff";
    const ink = darkTextOn(fill) ? "#0f172a" : "#ffffff";
    out.push(
      `<g data-touchpoint="${tp.id}">`,
      tp.id === picture.focus
        ? `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="10" fill="${fill}" stroke="${FOCUS_COLOUR}" stroke-width="5"/>`
        : `<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="10" fill="${fill}" stroke="${KIND_COLOUR[tp.kind]}" stroke-width="1.5"/>`,
      `<rect x="${x}" y="${y}" width="6" height="${NODE_HEIGHT}" rx="3" fill="${KIND_COLOUR[tp.kind]}"/>`,
      textEl(x + 16, y + 24, 14, clip(tp.name, 20), ` font-weight="bold" fill="${ink}"`),
    );
    if (look) {
      // Larger when focused: the slide shows a part of the map, from the back of a room.
      const large = picture.focus !== undefined && picture.focus !== null;
      const headline = ` font-weight="bold" fill="${ink}"`;
      out.push(textEl(x + 16, y + (large ? 60 : 56), large ? 26 : 20, look.headline, headline));
    } else {
      out.push(
        textEl(
          x + 16,
          y + 46,
          12,
          tp.channel.replace("_", " "),
          ` fill="${ink}" fill-opacity="0.7"`,
        ),
      );
    }
    const badges = [tp.entry ? "ENTRY" : "", tp.goal ? "GOAL" : ""].filter(Boolean).join(" · ");
    if (badges)
      out.push(
        textEl(
          x + NODE_WIDTH - 12,
          y + 64,
          10,
          badges,
          ` text-anchor="end" fill="${ink}" fill-opacity="0.75"`,
        ),
      );
    out.push("</g>");
  }

  if (picture.legend) {
    const { legend } = picture;
    const y = oy + layout.height + 24;
    const stops = legend.colours
      .map(
        (c, i) =>
          `<stop offset="${(i / Math.max(1, legend.colours.length - 1)).toFixed(3)}" stop-color="${c}"/>`,
      )
      .join("");
    const lx = view.x + MARGIN;
    out.push(
      `<defs><linearGradient id="${ids}scale">${stops}</linearGradient></defs>`,
      textEl(lx, y + 14, 14, legend.label, ' font-weight="bold" fill="#0f172a"'),
      textEl(lx + 260, y + 14, 13, legend.min, ' text-anchor="end" fill="#475569"'),
      `<rect x="${lx + 270}" y="${y}" width="220" height="16" rx="4" fill="url(#${ids}scale)"/>`,
      textEl(lx + 500, y + 14, 13, legend.max, ' fill="#475569"'),
    );
  }
  out.push("</svg>");
  return out.join("\n");
}

/** One PDF page for a stage: its name, headline figures and a table of its touchpoints. */
export interface StagePage {
  eyebrow: string;
  title: string;
  /** `key` names the figure for the HTML export (`reached`, `conversion`, …). */
  figures: { key: string; label: string; value: string }[];
  columns: string[];
  rows: string[][];
}

export const PAGE_WIDTH = 1123;
export const PAGE_HEIGHT = 794;

export function stageSvg(page: StagePage): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}">`,
    `<rect width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" fill="#ffffff"/>`,
    textEl(
      48,
      64,
      15,
      page.eyebrow.toUpperCase(),
      ' font-weight="bold" fill="#0f766e" letter-spacing="2"',
    ),
    textEl(48, 112, 40, clip(page.title, 44), ' font-weight="bold" fill="#0f172a"'),
  ];
  const figures = page.figures.slice(0, 5);
  const boxWidth = (PAGE_WIDTH - 96 - (figures.length - 1) * 16) / Math.max(1, figures.length);
  figures.forEach((f, i) => {
    const x = 48 + i * (boxWidth + 16);
    out.push(
      `<rect x="${x}" y="140" width="${boxWidth}" height="110" rx="12" fill="#f1f5f9"/>`,
      textEl(x + 18, 196, 34, clip(f.value, 12), ' font-weight="bold" fill="#0f172a"'),
      textEl(x + 18, 228, 14, clip(f.label, Math.floor(boxWidth / 8)), ' fill="#475569"'),
    );
  });
  const top = 300;
  // The first column (names) takes a third; the number columns share the rest.
  const rest = (1 - 0.34) / Math.max(1, page.columns.length - 1);
  const widths = page.columns.map((_, i) => (i === 0 ? 0.34 : rest) * (PAGE_WIDTH - 96));
  let x = 48;
  page.columns.forEach((c, i) => {
    out.push(
      textEl(
        i === 0 ? x : x + (widths[i] ?? 0) - 8,
        top,
        13,
        c,
        ` font-weight="bold" fill="#475569"${i === 0 ? "" : ' text-anchor="end"'}`,
      ),
    );
    x += widths[i] ?? 0;
  });
  out.push(
    `<line x1="48" y1="${top + 10}" x2="${PAGE_WIDTH - 48}" y2="${top + 10}" stroke="#cbd5e1"/>`,
  );
  page.rows.slice(0, 16).forEach((row, r) => {
    const y = top + 40 + r * 28;
    let cx = 48;
    row.forEach((cell, i) => {
      out.push(
        textEl(
          i === 0 ? cx : cx + (widths[i] ?? 0) - 8,
          y,
          15,
          clip(cell, i === 0 ? 40 : 16),
          ` fill="#0f172a"${i === 0 ? "" : ' text-anchor="end"'}`,
        ),
      );
      cx += widths[i] ?? 0;
    });
  });
  out.push("</svg>");
  return out.join("\n");
}
