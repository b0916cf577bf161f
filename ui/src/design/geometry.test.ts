import { describe, expect, it } from "vitest";
import type { Journey, Touchpoint } from "../generated/types";
import { layoutJourney, LANE_WIDTH, NODE_WIDTH } from "../map/layout";
import {
  blankTouchpoint,
  copyOf,
  emotionPoints,
  freeSlot,
  pasteEdit,
  placeAt,
  placeCentredAt,
  slot,
  smoothPath,
  stageEmotions,
} from "./geometry";
import { arrowMove, historyLabel, shortcut } from "./keys";
import { EDIT_KINDS } from "../generated/constants";
import type { MessageKey } from "../i18n";

function tp(
  id: number,
  stage: number,
  kind: "physical" | "digital",
  x: number,
  y: number,
  emotion: number | null = null,
): Touchpoint {
  return {
    ...blankTouchpoint(`T${id}`, { stage, kind, x, y }),
    id,
    emotion,
    aliases: [`alias ${id}`],
    entry: id === 1,
  };
}

const journey: Journey = {
  id: 1,
  name: "J",
  description: "",
  personas: [],
  views: [],
  notes: [],
  stories: [],
  stages: [
    { id: 10, name: "A" },
    { id: 20, name: "B" },
  ],
  touchpoints: [
    tp(1, 10, "physical", 40, 30, 2),
    tp(2, 10, "digital", 40, 30, -1),
    tp(3, 20, "digital", 110, 140, 0),
  ],
  transitions: [
    { id: 100, from: 1, to: 2 },
    { id: 101, from: 2, to: 3 },
  ],
};

describe("placeAt", () => {
  const layout = layoutJourney(journey);
  const [a, b] = layout.lanes;
  const [physical, digital] = layout.bands;

  it("puts a card in the lane and band under its centre", () => {
    const place = placeAt(layout, { x: b!.x + 50, y: digital!.y + 20 });
    expect(place).toEqual({ stage: 20, kind: "digital", x: 50, y: 20 });
  });

  it("keeps the card inside the lane when dropped across its edge", () => {
    const place = placeAt(layout, {
      x: a!.x + LANE_WIDTH - NODE_WIDTH / 2 - 1,
      y: physical!.y + 5,
    });
    expect(place?.stage).toBe(10);
    expect(place?.x).toBe(LANE_WIDTH - NODE_WIDTH);
  });

  it("takes the nearest lane and band when dropped outside the map", () => {
    expect(placeAt(layout, { x: 10_000, y: -500 })).toMatchObject({
      stage: 20,
      kind: "physical",
      y: 0,
    });
    expect(placeAt(layout, { x: -10_000, y: 10_000 })).toMatchObject({
      stage: 10,
      kind: "digital",
      x: 0,
    });
  });

  it("adds by double-click only inside a lane's bands", () => {
    expect(placeCentredAt(layout, { x: b!.x + 150, y: digital!.y + 60 })).toMatchObject({
      stage: 20,
      kind: "digital",
    });
    expect(placeCentredAt(layout, { x: b!.x + 150, y: 10 })).toBeNull();
    expect(placeCentredAt(layout, { x: a!.x + a!.width + 5, y: digital!.y + 60 })).toBeNull();
  });

  it("has no place in a journey without stages", () => {
    expect(placeAt(layoutJourney({ ...journey, stages: [] }), { x: 0, y: 0 })).toBeNull();
  });
});

describe("freeSlot", () => {
  it("skips the slots that cards already cover", () => {
    expect(freeSlot(journey, 10, "physical")).toEqual(slot(1));
    expect(freeSlot(journey, 20, "physical")).toEqual(slot(0));
  });

  it("counts a card dragged off its slot as holding the row nearest to its height", () => {
    const dragged = { ...journey, touchpoints: [tp(9, 30, "digital", 400, slot(0).y + 40)] };
    expect(freeSlot(dragged, 30, "digital")).toEqual(slot(1));
    const between = { ...journey, touchpoints: [tp(9, 30, "digital", 40, slot(1).y + 60)] };
    expect(freeSlot(between, 30, "digital")).toEqual(slot(0));
  });
});

describe("copy and paste", () => {
  it("keeps the transitions between copied touchpoints only", () => {
    const clip = copyOf(journey, [1, 2]);
    expect(clip?.touchpoints.map((t) => t.id)).toEqual([1, 2]);
    expect(clip?.transitions).toEqual([{ from: 0, to: 1 }]);
    expect(copyOf(journey, [99])).toBeNull();
  });

  it("pastes renamed copies without the aliases or roles, shifted each time", () => {
    const clip = copyOf(journey, [1, 2])!;
    const first = pasteEdit(journey, clip, "(copy)", 1);
    const second = pasteEdit(journey, clip, "(copy)", 2);
    if (first?.op !== "paste" || second?.op !== "paste") throw new Error("not a paste");
    expect(first.touchpoints.map((t) => t.name)).toEqual(["T1 (copy)", "T2 (copy)"]);
    expect(
      first.touchpoints.every((t) => t.aliases.length === 0 && !t.entry && !t.goal && t.id === 0),
    ).toBe(true);
    expect(second.touchpoints[0]!.y - first.touchpoints[0]!.y).toBe(24);
    expect(first.transitions).toEqual([{ from: 0, to: 1 }]);
  });

  it("moves copies whose stage is gone to the first stage", () => {
    const clip = copyOf(journey, [3])!;
    const edit = pasteEdit({ ...journey, stages: [{ id: 10, name: "A" }] }, clip, "(copy)");
    if (edit?.op !== "paste") throw new Error("not a paste");
    expect(edit.touchpoints[0]!.stage).toBe(10);
  });
});

describe("emotion curve", () => {
  it("places +2 at the top and -2 at the bottom, left to right", () => {
    const layout = layoutJourney(journey);
    const points = emotionPoints(journey, layout, 200, 20);
    expect(points.map((p) => p.emotion)).toEqual([2, -1, 0]);
    expect(points[0]!.y).toBe(20);
    expect(points[1]!.y).toBe(20 + (3 / 4) * 160);
    expect(points[2]!.x).toBeGreaterThan(points[0]!.x);
    expect(
      emotionPoints(
        { ...journey, touchpoints: journey.touchpoints.map((t) => ({ ...t, emotion: null })) },
        layout,
        200,
        20,
      ),
    ).toEqual([]);
  });

  it("goes through each stage's mean emotion at the centre of its lane", () => {
    const layout = layoutJourney(journey);
    const stages = stageEmotions(journey, layout, 200, 20);
    expect(stages.map((s) => [s.stage, s.mean, s.count])).toEqual([
      [10, 0.5, 2],
      [20, 0, 1],
    ]);
    expect(stages[0]!.x).toBe(layout.lanes[0]!.x + layout.lanes[0]!.width / 2);
    expect(stages[0]!.y).toBe(20 + (1.5 / 4) * 160);
    const unfelt = {
      ...journey,
      touchpoints: journey.touchpoints.map((t) => (t.stage === 20 ? { ...t, emotion: null } : t)),
    };
    expect(stageEmotions(unfelt, layout, 200, 20).map((s) => s.stage)).toEqual([10]);
  });

  it("draws a smooth path through every point", () => {
    const d = smoothPath([
      { x: 0, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 0 },
    ]);
    expect(d.startsWith("M0,0")).toBe(true);
    expect(d.match(/C/g)).toHaveLength(2);
    expect(d.endsWith("20,0")).toBe(true);
  });
});

describe("shortcuts", () => {
  const key = (
    k: string,
    mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
  ) => ({
    key: k,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  });

  it("undoes with Ctrl or Cmd+Z and redoes with Shift+Z or Ctrl+Y", () => {
    expect(shortcut(key("z", { ctrl: true }))).toBe("undo");
    expect(shortcut(key("z", { meta: true }))).toBe("undo");
    expect(shortcut(key("Z", { ctrl: true, shift: true }))).toBe("redo");
    expect(shortcut(key("z", { meta: true, shift: true }))).toBe("redo");
    expect(shortcut(key("y", { ctrl: true }))).toBe("redo");
  });

  it("nudges by 10 with an arrow and 50 with Shift", () => {
    expect(arrowMove(key("ArrowLeft"))).toEqual({ dx: -10, dy: 0 });
    expect(arrowMove(key("ArrowDown", { shift: true }))).toEqual({ dx: 0, dy: 50 });
    expect(arrowMove(key("ArrowUp", { ctrl: true }))).toBeNull();
    expect(arrowMove(key("a"))).toBeNull();
  });

  it("deletes, copies, pastes and ignores plain letters", () => {
    expect(shortcut(key("Delete"))).toBe("delete");
    expect(shortcut(key("Backspace"))).toBe("delete");
    expect(shortcut(key("c", { ctrl: true }))).toBe("copy");
    expect(shortcut(key("v", { meta: true }))).toBe("paste");
    expect(shortcut(key("z"))).toBeNull();
    expect(shortcut(key("z", { ctrl: true, alt: true }))).toBeNull();
  });
});

describe("the undo history's words", () => {
  const t = (key: MessageKey) => `«${key}»`;

  it("names every kind of edit the engine stores in the UI language", () => {
    for (const { label } of EDIT_KINDS) expect(historyLabel(label, t)).toMatch(/^«edit\./);
    expect(historyLabel("rename stage", t)).toBe("«edit.rename_stage»");
  });

  it("shows a label it does not know as the engine wrote it", () => {
    expect(historyLabel("something new", t)).toBe("something new");
  });
});
