import { describe, expect, it } from "vitest";
import type { Journey, Note } from "../generated/types";
import { keyAction, noteSubject, noteSubjects, notesByKind, presentSteps } from "./steps";

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
