import { describe, expect, it } from "vitest";
import type { Journey, Note, SavedView, Story } from "../generated/types";
import { DEFAULT_PARAMS } from "../shared/params";
import {
  keyAction,
  noteSubject,
  noteSubjects,
  notesByKind,
  presentSteps,
  slideTitle,
  storySlide,
} from "./steps";

const note = (id: number, kind: Note["kind"], target: Note["target"], text: string): Note => ({
  id,
  kind,
  target,
  text,
});

const journey = {
  id: 1,
  name: "J",
  description: "",
  personas: [],
  stages: [
    { id: 1, name: "Aware" },
    { id: 2, name: "Buy" },
  ],
  touchpoints: [
    { id: 10, stage: 1, name: "Ad" },
    { id: 20, stage: 2, name: "Shop" },
    { id: 21, stage: 2, name: "Chat" },
  ],
  transitions: [],
  views: [],
  notes: [
    note(1, "question", { on: "stage", stage: 2 }, "One stage or two?"),
    note(2, "pain_point", { on: "touchpoint", touchpoint: 20 }, "Queues"),
    note(3, "pain_point", { on: "touchpoint", touchpoint: 21 }, "Slow answers"),
  ],
} as unknown as Journey;

describe("workshop notes in Present", () => {
  it("opens the note dialog with N, whatever the case", () => {
    expect(keyAction("n")).toBe("note");
    expect(keyAction("N")).toBe("note");
  });

  it("ends with the notes slide when the journey has notes, and only then", () => {
    expect(presentSteps(journey, true).map((s) => s.kind)).toEqual([
      "overview",
      "stage",
      "stage",
      "replay",
      "notes",
    ]);
    expect(presentSteps({ ...journey, notes: [] }, false).map((s) => s.kind)).toEqual([
      "overview",
      "stage",
      "stage",
    ]);
  });

  it("offers the stage on screen first, then its touchpoints", () => {
    const subjects = noteSubjects(journey, { kind: "stage", stage: 2 });
    expect(subjects.map((s) => [s.name, s.nested])).toEqual([
      ["Buy", false],
      ["Shop", true],
      ["Chat", true],
    ]);
    expect(subjects[0]?.target).toEqual({ on: "stage", stage: 2 });
    expect(subjects[1]?.target).toEqual({ on: "touchpoint", touchpoint: 20 });
  });

  it("offers every stage and touchpoint away from a stage's slide", () => {
    expect(noteSubjects(journey, { kind: "replay" }).map((s) => s.name)).toEqual([
      "Aware",
      "Ad",
      "Buy",
      "Shop",
      "Chat",
    ]);
  });

  it("lists the notes by kind, pain points first, each in the order taken, with its subject", () => {
    const groups = notesByKind(journey);
    expect(groups.map((g) => [g.kind, g.notes.map((n) => n.text)])).toEqual([
      ["pain_point", ["Queues", "Slow answers"]],
      ["question", ["One stage or two?"]],
    ]);
    expect(noteSubject(journey, { on: "touchpoint", touchpoint: 21 })).toBe("Chat");
    expect(noteSubject(journey, { on: "stage", stage: 2 })).toBe("Buy");
    expect(noteSubject(journey, { on: "stage", stage: 9 })).toBe("");
  });
});

const view = (id: number, name: string, selected?: number): SavedView => ({
  id,
  name,
  state: {
    params: DEFAULT_PARAMS,
    metric: "reach",
    trends: false,
    ...(selected ? { selected } : {}),
  },
});

const story: Story = {
  id: 4,
  title: "Why people leave",
  slides: [
    { view: 7, title: "", note: "Look at the shop" },
    { view: 8, title: "  The chat  ", note: "" },
    { view: 7, title: "Again", note: "" },
  ],
};

const told = { ...journey, views: [view(7, "Shop view", 20), view(8, "Everything")] };

describe("a story in Present", () => {
  it("walks the title slide, one step per slide in order, then the notes; no stage, no replay", () => {
    expect(presentSteps(told, true, story)).toEqual([
      { kind: "overview" },
      { kind: "slide", index: 0 },
      { kind: "slide", index: 1 },
      { kind: "slide", index: 2 },
      { kind: "notes" },
    ]);
    expect(presentSteps({ ...told, notes: [] }, true, story).map((s) => s.kind)).toEqual([
      "overview",
      "slide",
      "slide",
      "slide",
    ]);
    expect(presentSteps(told, false, { ...story, slides: [] })).toEqual([
      { kind: "overview" },
      { kind: "notes" },
    ]);
  });

  it("walks the stages as before without a story", () => {
    expect(presentSteps(told, true, null)).toEqual(presentSteps(told, true));
    expect(presentSteps(told, true, null).map((s) => s.kind)).toContain("stage");
  });

  it("titles a slide by its own title, else by its view's name", () => {
    const titles = story.slides.map((_, i) => {
      const shown = storySlide(told, story, i);
      return shown ? slideTitle(shown.slide, shown.view) : null;
    });
    expect(titles).toEqual(["Shop view", "The chat", "Again"]);
    expect(storySlide(told, story, 3)).toBeNull();
    expect(storySlide({ ...told, views: [] }, story, 0)?.view).toBeNull();
  });

  it("offers the slide's selected touchpoint first for a note, once, then the rest", () => {
    const subjects = noteSubjects(told, { kind: "slide", index: 0 }, story);
    expect(subjects[0]).toEqual({
      target: { on: "touchpoint", touchpoint: 20 },
      name: "Shop",
      nested: true,
    });
    expect(subjects.map((s) => s.name)).toEqual(["Shop", "Aware", "Ad", "Buy", "Chat"]);
    // A view with no touchpoint selected: every stage and touchpoint, as away from a stage.
    expect(noteSubjects(told, { kind: "slide", index: 1 }, story).map((s) => s.name)).toEqual([
      "Aware",
      "Ad",
      "Buy",
      "Shop",
      "Chat",
    ]);
  });
});
