// @vitest-environment jsdom
// The workshop's notes in Design: a touchpoint's inspector lists the notes on it, in the order
// taken, as text; Delete deletes one; "Add to the touchpoint" adds a pain point or an opportunity
// and deletes the note in one batch, so one undo step; a question can only be deleted. The journey
// panel lists the notes on stages, by stage.

import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Edit, Journey, Note, Touchpoint, WorkspaceSummary } from "../generated/types";
import { LanguageContext } from "../language";
import { allIn, oneIn, rootPerTest } from "../shared/dom.test-utils";
import { journeyOf, touchpointOf } from "../shared/fixtures";
import { JourneyPanel } from "./JourneyPanel";
import { TouchpointInspector } from "./TouchpointInspector";

const onTouchpoint = (id: number, touchpoint: number, kind: Note["kind"], text: string): Note => ({
  id,
  target: { on: "touchpoint", touchpoint },
  kind,
  text,
});

const onStage = (id: number, stage: number, kind: Note["kind"], text: string): Note => ({
  id,
  target: { on: "stage", stage },
  kind,
  text,
});

const checkout = touchpointOf(11, 1, {
  name: "Checkout",
  pain_points: ["Slow page"],
  opportunities: [{ text: "Guest checkout", owner: "Ana", status: "planned" }],
});
const basket = touchpointOf(10, 1, { name: "Basket" });

const journey = journeyOf({
  stages: [
    { id: 1, name: "Buy" },
    { id: 2, name: "Use" },
  ],
  touchpoints: [basket, checkout],
  notes: [
    onTouchpoint(7, 11, "opportunity", "Pay by phone"),
    onTouchpoint(3, 10, "pain_point", "Basket forgets items"),
    onStage(4, 2, "question", "Who owns returns?"),
    onTouchpoint(5, 11, "pain_point", "Card form is <b>too long</b>"),
    onStage(6, 1, "pain_point", "Too many steps"),
    onTouchpoint(2, 11, "question", "Why a second address?"),
  ],
});

const summary: WorkspaceSummary = {
  path: "/tmp/w.percorso",
  format_version: 1,
  journeys: [],
  sources: [],
  events: 0,
};

const dom = rootPerTest();
let sent: Edit[];

function inspect(tp: Touchpoint, j: Journey = journey) {
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value="en">
        <TouchpointInspector
          journey={j}
          touchpoint={tp}
          warnings={[]}
          onEdit={(edit) => sent.push(edit)}
        />
      </LanguageContext.Provider>,
    ),
  );
}

function panel(j: Journey = journey) {
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value="en">
        <JourneyPanel
          journey={j}
          summary={summary}
          warnings={[]}
          language="en"
          onEdit={(edit) => sent.push(edit)}
          onSelect={() => undefined}
        />
      </LanguageContext.Provider>,
    ),
  );
}

const all = (testId: string) => allIn(dom.host, testId);
const noteById = (id: number) => {
  const found = all("inspector-note").find((n) => n.dataset.noteId === String(id));
  if (!found) throw new Error(`no note ${id}`);
  return found;
};
const click = (el: HTMLElement) => act(() => el.click());

beforeEach(() => {
  sent = [];
});

describe("a touchpoint's workshop notes in the inspector", () => {
  it("lists only this touchpoint's notes, in the order taken, with their kinds", () => {
    inspect(checkout);
    const notes = all("inspector-note");
    expect(notes.map((n) => n.dataset.noteId)).toEqual(["7", "5", "2"]);
    expect(notes.map((n) => n.dataset.kind)).toEqual(["opportunity", "pain_point", "question"]);
    expect(notes[0]?.textContent).toContain("Opportunity");
    expect(notes[0]?.textContent).toContain("Pay by phone");
    expect(oneIn(dom.host, "inspector-notes").textContent).toContain("Workshop notes");
  });

  it("shows a note's text as text, never as markup", () => {
    inspect(checkout);
    const note = noteById(5);
    expect(note.querySelector("b")).toBeNull();
    expect(note.querySelector(".workshop-note-text")?.textContent).toBe(
      "Card form is <b>too long</b>",
    );
    expect(note.querySelector(".workshop-note-text")?.getAttribute("dir")).toBe("auto");
  });

  it("shows no section for a touchpoint without notes", () => {
    inspect(touchpointOf(12, 1));
    expect(all("inspector-notes")).toEqual([]);
    expect(all("inspector-note")).toEqual([]);
  });

  it("deletes a note with one delete_note", () => {
    inspect(checkout);
    click(oneIn(noteById(2), "inspector-note-delete"));
    expect(sent).toEqual([{ op: "delete_note", note: 2 }]);
  });

  it("adds a pain point to the touchpoint and deletes the note in one batch", () => {
    inspect(checkout);
    click(oneIn(noteById(5), "inspector-note-adopt"));
    expect(sent).toEqual([
      {
        op: "batch",
        edits: [
          {
            op: "set_touchpoint_field",
            touchpoint: 11,
            field: { field: "pain_points", value: ["Slow page", "Card form is <b>too long</b>"] },
          },
          { op: "delete_note", note: 5 },
        ],
      },
    ]);
  });

  it("adds an opportunity, as an idea, and deletes the note in one batch", () => {
    inspect(checkout);
    click(oneIn(noteById(7), "inspector-note-adopt"));
    expect(sent).toEqual([
      {
        op: "batch",
        edits: [
          {
            op: "set_touchpoint_field",
            touchpoint: 11,
            field: {
              field: "opportunities",
              value: [
                { text: "Guest checkout", owner: "Ana", status: "planned" },
                { text: "Pay by phone", owner: "", status: "idea" },
              ],
            },
          },
          { op: "delete_note", note: 7 },
        ],
      },
    ]);
  });

  it("offers no adding for a question, only deleting", () => {
    inspect(checkout);
    const question = noteById(2);
    expect(allIn(question, "inspector-note-adopt")).toEqual([]);
    expect(allIn(question, "inspector-note-delete")).toHaveLength(1);
    expect(allIn(noteById(5), "inspector-note-adopt")).toHaveLength(1);
  });

  it("speaks Italian in an Italian UI", () => {
    act(() =>
      dom.root.render(
        <LanguageContext.Provider value="it">
          <TouchpointInspector
            journey={journey}
            touchpoint={checkout}
            warnings={[]}
            onEdit={(edit) => sent.push(edit)}
          />
        </LanguageContext.Provider>,
      ),
    );
    expect(oneIn(dom.host, "inspector-notes").textContent).toContain("Note del workshop");
    expect(oneIn(noteById(5), "inspector-note-adopt").textContent).toBe(
      "Aggiungi al punto di contatto",
    );
  });
});

describe("the notes on stages in the journey panel", () => {
  it("lists them by stage, in the journey's order of stages, and deletes one", () => {
    panel();
    const notes = all("stage-note");
    expect(notes.map((n) => n.dataset.noteId)).toEqual(["6", "4"]);
    const section = oneIn(dom.host, "stage-notes");
    expect(section.textContent).toContain("Buy");
    expect(section.textContent).toContain("Use");
    expect(section.textContent).not.toContain("Pay by phone");
    const [, returns] = notes;
    if (!returns) throw new Error("no second stage note");
    click(oneIn(returns, "stage-note-delete"));
    expect(sent).toEqual([{ op: "delete_note", note: 4 }]);
  });

  it("shows no section when no note is on a stage", () => {
    panel({ ...journey, notes: journey.notes.filter((n) => n.target.on === "touchpoint") });
    expect(all("stage-notes")).toEqual([]);
  });
});
