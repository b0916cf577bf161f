import { describe, expect, it } from "vitest";
import type { Edge, Node, Report } from "../generated/types";
import { slideTouchpoints } from "../present/steps";
import {
  defaultChoice,
  defaultTransitions,
  DEFAULT_TOUCHPOINTS,
  FULL,
  isSmall,
  keptTransitionCount,
  rankedTransitions,
  simplify,
  touchpointThreshold,
  transitionKey,
  wholeShare,
} from "./simplify";
import { journeyOf, touchpointOf } from "./fixtures";
import { parseStored } from "./simplifyChoice";

const node = (id: number, customers: number, events = customers * 2): Node => ({
  touchpoint: `T${id}`,
  stage: "Buy",
  touchpoint_id: id,
  events,
  customers,
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
});

const edge = (from: number, to: number, count: number, over: Partial<Edge> = {}): Edge => ({
  from: `T${from}`,
  to: `T${to}`,
  from_touchpoint_id: from,
  to_touchpoint_id: to,
  count,
  customers: count,
  share: null,
  median_s: null,
  p90_s: null,
  designed: false,
  ...over,
});

const report = (nodes: Node[], edges: Edge[]): Report => ({
  as_of: null,
  inactive_days: 30,
  customers: 100,
  events: nodes.reduce((sum, n) => sum + n.events, 0),
  nodes,
  edges,
  stages: [],
  unmapped: [],
});

const ALL = { transitions: FULL, touchpoints: FULL };

// Four touchpoints; moves 50 + 30 + 15 + 5 = 100, so the prefixes are easy to read.
const small = report(
  [node(1, 100), node(2, 60), node(3, 30), node(4, 5)],
  [edge(1, 2, 50), edge(2, 3, 30), edge(3, 4, 15), edge(1, 4, 5)],
);

describe("the transitions slider", () => {
  it("keeps the heaviest transitions that carry the chosen share of the moves", () => {
    const ranked = rankedTransitions(small);
    expect(ranked.map((e) => e.count)).toEqual([50, 30, 15, 5]);
    expect(keptTransitionCount(ranked, 50)).toBe(1);
    expect(keptTransitionCount(ranked, 51)).toBe(2);
    expect(keptTransitionCount(ranked, 80)).toBe(2);
    expect(keptTransitionCount(ranked, 81)).toBe(3);
    expect(keptTransitionCount(ranked, 95)).toBe(3);
    expect(keptTransitionCount(ranked, 96)).toBe(4);
    const s = simplify(small, { transitions: 80, touchpoints: FULL });
    expect([...s.hiddenTransitions].sort()).toEqual([transitionKey(1, 4), transitionKey(3, 4)]);
  });

  it("keeps every transition at 100 %", () => {
    const s = simplify(small, ALL);
    expect(s.hiddenTransitions.size).toBe(0);
    expect(s.hiddenTouchpoints.size).toBe(0);
    expect(s.transitions).toMatchObject({ shown: 4, total: 4, share: 100 });
    // Integer sums: thirds would not add back to exactly 100 % in floating point.
    const thirds = report([node(1, 9), node(2, 9)], [edge(1, 2, 1), edge(2, 1, 1), edge(1, 3, 1)]);
    expect(keptTransitionCount(rankedTransitions(thirds), 100)).toBe(3);
  });

  it("keeps at least the single heaviest transition at 0 %", () => {
    const s = simplify(small, { transitions: 0, touchpoints: FULL });
    expect(s.transitions.shown).toBe(1);
    expect(s.hiddenTransitions.has(transitionKey(1, 2))).toBe(false);
    expect(keptTransitionCount([], 0)).toBe(0);
  });

  it("breaks ties by the touchpoints' names, whatever order the report lists them in", () => {
    const edges = [
      edge(3, 1, 10, { from: "Zeta", to: "Alpha" }),
      edge(2, 3, 10, { from: "Beta", to: "Zeta" }),
      edge(2, 1, 10, { from: "Beta", to: "Alpha" }),
      edge(1, 2, 40, { from: "Alpha", to: "Beta" }),
    ];
    const nodes = [node(1, 50), node(2, 50), node(3, 50)];
    const order = (r: Report) => rankedTransitions(r).map((e) => `${e.from}>${e.to}`);
    const expected = ["Alpha>Beta", "Beta>Alpha", "Beta>Zeta", "Zeta>Alpha"];
    expect(order(report(nodes, edges))).toEqual(expected);
    expect(order(report(nodes, [...edges].reverse()))).toEqual(expected);
    // 40 of 70 moves are 57 %, short of 60 %: the next one in name order joins, and only it.
    const s = simplify(report(nodes, [...edges].reverse()), { transitions: 60, touchpoints: FULL });
    expect(s.hiddenTransitions.has(transitionKey(2, 1))).toBe(false);
    expect([...s.hiddenTransitions].sort()).toEqual([transitionKey(2, 3), transitionKey(3, 1)]);
  });

  it("ranks only moves between two touchpoints of the map, never designed unused ones", () => {
    const r = report(
      [node(1, 10), node(2, 10)],
      [
        edge(1, 2, 10),
        edge(1, 1, 99), // a repeat at one touchpoint
        edge(1, 2, 0, { designed: true, from_touchpoint_id: 1, to_touchpoint_id: 2 }),
        edge(2, 0, 50, { to: "Promo SMS", to_touchpoint_id: null }), // an unmapped value
        edge(2, 1, 0, { designed: true }),
      ],
    );
    expect(rankedTransitions(r)).toHaveLength(1);
    const s = simplify(r, { transitions: 0, touchpoints: FULL });
    // The designed, unused transition 2 → 1 is not hidden: the map draws it faded, as the design.
    expect(s.hiddenTransitions.has(transitionKey(2, 1))).toBe(false);
    expect(s.transitions).toMatchObject({ shown: 1, total: 1, shownWeight: 10, totalWeight: 10 });
  });
});

describe("the touchpoints slider", () => {
  it("keeps the most reached share of the touchpoints", () => {
    expect(touchpointThreshold(small, FULL)).toBe(5);
    expect(touchpointThreshold(small, 75)).toBe(30);
    expect(touchpointThreshold(small, 50)).toBe(60);
    expect(touchpointThreshold(small, 26)).toBe(60);
    expect(touchpointThreshold(small, 25)).toBe(100);
    expect(touchpointThreshold(report([], []), 50)).toBe(0);
    const s = simplify(small, { transitions: FULL, touchpoints: 50 });
    expect([...s.hiddenTouchpoints].sort()).toEqual([3, 4]);
  });

  it("keeps at least the most reached touchpoint at 0 %, and all those tied with it", () => {
    expect([...simplify(small, { transitions: FULL, touchpoints: 0 }).hiddenTouchpoints]).toEqual([
      2, 3, 4,
    ]);
    const tied = report([node(1, 10), node(2, 10), node(3, 1)], []);
    expect([...simplify(tied, { transitions: FULL, touchpoints: 0 }).hiddenTouchpoints]).toEqual([
      3,
    ]);
  });

  it("hides the transitions of a hidden touchpoint, even those the transitions slider keeps", () => {
    const s = simplify(small, { transitions: FULL, touchpoints: 50 });
    expect([...s.hiddenTransitions].sort()).toEqual([
      transitionKey(1, 4),
      transitionKey(2, 3),
      transitionKey(3, 4),
    ]);
    expect(s.transitions).toMatchObject({ shown: 1, total: 4, shownWeight: 50, share: 50 });
  });

  it("never hides the selected touchpoint or the steps of an open path", () => {
    const s = simplify(small, { transitions: FULL, touchpoints: 0 }, [4, 3]);
    expect([...s.hiddenTouchpoints]).toEqual([2]);
    // 3 → 4 is kept by the transitions slider and both its ends are pinned: it is drawn.
    expect(s.hiddenTransitions.has(transitionKey(3, 4))).toBe(false);
    expect(s.hiddenTransitions.has(transitionKey(1, 4))).toBe(false);
    expect(s.hiddenTransitions.has(transitionKey(2, 3))).toBe(true);
    expect(s.touchpoints.shown).toBe(3);
  });
});

describe("the notes", () => {
  it("count every item of the report, hidden ones included", () => {
    const s = simplify(small, { transitions: 80, touchpoints: 75 });
    // Touchpoint 4 (5 customers, 10 events) is hidden: 380 of 390 events stay.
    expect(s.touchpoints).toEqual({
      shown: 3,
      total: 4,
      shownWeight: 380,
      totalWeight: 390,
      share: 97,
    });
    expect(s.transitions).toEqual({
      shown: 2,
      total: 4,
      shownWeight: 80,
      totalWeight: 100,
      share: 80,
    });
  });

  it("read 100 % only when nothing is hidden, and 0 % only when nothing is shown", () => {
    expect(wholeShare(999, 1000)).toBe(99);
    expect(wholeShare(1000, 1000)).toBe(100);
    expect(wholeShare(1, 1000)).toBe(1);
    expect(wholeShare(0, 1000)).toBe(0);
    expect(wholeShare(1, 3)).toBe(33);
    expect(wholeShare(0, 0)).toBeNull();
  });

  it("have no share without events or moves", () => {
    const empty = simplify(report([node(1, 0), node(2, 0)], []), ALL);
    expect(empty.touchpoints).toMatchObject({ shown: 2, total: 2, share: null });
    expect(empty.transitions).toMatchObject({ shown: 0, total: 0, share: null });
  });
});

/** A deterministic 40-touchpoint log with `edges` transitions whose counts fall off like real logs. */
function large(touchpoints: number, edges: number): Report {
  const nodes = Array.from({ length: touchpoints }, (_, i) => node(i + 1, 1000 - i * 20));
  const out: Edge[] = [];
  for (let d = 1; out.length < edges; d++) {
    for (let from = 1; from <= touchpoints && out.length < edges; from++) {
      const to = ((from - 1 + d) % touchpoints) + 1;
      // Short hops are common, long ones rare: a heavy head and a long tail.
      out.push(edge(from, to, Math.max(1, Math.round(2000 / (d * d) / (1 + from / 10)))));
    }
  }
  return report(nodes, out);
}

describe("the default", () => {
  it("keeps a 40-touchpoint, 200-transition log legible", () => {
    const r = large(40, 200);
    expect(isSmall(r)).toBe(false);
    const choice = defaultChoice(r);
    expect(choice.touchpoints).toBe(DEFAULT_TOUCHPOINTS);
    expect(choice.transitions).toBeLessThanOrEqual(80);
    const s = simplify(r, choice);
    expect(s.touchpoints.shown).toBe(40);
    // At most 2.5 lines per touchpoint…
    expect(s.transitions.shown).toBeLessThanOrEqual(100);
    expect(s.transitions.shown).toBeLessThan(s.transitions.total);
    // …and at most what 80 % of the moves need.
    expect(s.transitions.shown).toBeLessThanOrEqual(keptTransitionCount(rankedTransitions(r), 80));
    // One step more on the slider would break the rule it stopped at.
    const next = simplify(r, { ...choice, transitions: choice.transitions + 1 });
    expect(
      next.transitions.shown > 100 || choice.transitions === 80,
      `default ${choice.transitions}`,
    ).toBe(true);
  });

  it("caps a dense log at 2.5 transitions per touchpoint with data", () => {
    // Flat counts: 80 % of the moves would need 560 of 700 transitions.
    const nodes = Array.from({ length: 40 }, (_, i) => node(i + 1, i < 30 ? 50 : 0));
    const edges: Edge[] = [];
    for (let from = 1; from <= 30; from++)
      for (let to = 1; to <= 30 && edges.length < 700; to++)
        if (from !== to) edges.push(edge(from, to, 10));
    const r = report(nodes, edges);
    const percent = defaultTransitions(r);
    const shown = simplify(r, { transitions: percent, touchpoints: FULL }).transitions.shown;
    expect(shown).toBeLessThanOrEqual(75); // 2.5 × the 30 touchpoints with data
    expect(shown).toBeGreaterThan(60);
    expect(percent).toBe(Math.floor((75 * 100) / edges.length));
  });

  it("keeps 80 % of the moves of a sparse log", () => {
    // 20 touchpoints in a chain: 19 transitions, fewer than 2.5 each, but more than a small map.
    const nodes = Array.from({ length: 20 }, (_, i) => node(i + 1, 100 - i));
    const edges = nodes.slice(1).map((n, i) => edge(i + 1, n.touchpoint_id, 100 - i));
    expect(defaultTransitions(report(nodes, edges))).toBe(80);
  });

  it("shows all of a small report", () => {
    expect(isSmall(small)).toBe(true);
    expect(defaultChoice(small)).toEqual(ALL);
    const fifteen = large(15, 30);
    expect(isSmall(fifteen)).toBe(true);
    expect(defaultChoice(fifteen)).toEqual(ALL);
    expect(simplify(fifteen, defaultChoice(fifteen)).transitions).toMatchObject({
      shown: 30,
      total: 30,
      share: 100,
    });
    expect(isSmall(large(16, 30))).toBe(false);
    expect(isSmall(large(15, 31))).toBe(false);
  });
});

describe("the remembered choice", () => {
  it("keeps only whole percentages and ignores anything else", () => {
    expect(parseStored(null)).toEqual({});
    expect(parseStored("not json")).toEqual({});
    expect(parseStored("[1, 2]")).toEqual({});
    expect(
      parseStored(
        JSON.stringify({ 1: { transitions: 40, touchpoints: 120 }, 2: { touchpoints: 7.5 }, 3: 4 }),
      ),
    ).toEqual({ 1: { transitions: 40 }, 2: {} });
  });
});

describe("a stage slide of Present", () => {
  const journey = journeyOf({
    name: "J",
    stages: [
      { id: 10, name: "A" },
      { id: 20, name: "B" },
    ],
    touchpoints: [
      touchpointOf(1, 10),
      touchpointOf(2, 10),
      touchpointOf(3, 20),
      touchpointOf(4, 10),
    ],
  });

  it("leaves off the rare touchpoints the slider hides, and counts them", () => {
    const hidden = simplify(small, { transitions: FULL, touchpoints: 50 }).hiddenTouchpoints;
    const slide = slideTouchpoints(journey, 10, hidden);
    expect(slide.shown.map((t) => t.id)).toEqual([1, 2]);
    expect(slide.rare).toBe(1);
    expect(slideTouchpoints(journey, 20, hidden)).toMatchObject({ shown: [], rare: 1 });
    expect(slideTouchpoints(journey, 10, new Set()).rare).toBe(0);
  });
});
