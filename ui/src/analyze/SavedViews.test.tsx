// @vitest-environment jsdom
// The saved views in a DOM: saving offers a name from the filters and sends one edit; opening a
// view hands its state to Analyze, marks it current until the state changes, and notes (never
// fails on) a segment the log no longer has; every change to a view is one edit.

import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Dimensions, Edit, Journey, SavedView, ViewState } from "../generated/types";
import { allIn, oneIn, rootPerTest, typeInto } from "../shared/dom.test-utils";
import { editedOf, journeyOf } from "../shared/fixtures";
import { DEFAULT_PARAMS } from "../shared/params";
import type { AnalyzeState } from "../shared/views";
import { api } from "../api";
import { SavedViews } from "./SavedViews";

const NORTH = { attribute: "region", value: "North" };
const EAST = { attribute: "region", value: "East" };
const dimensions: Dimensions = {
  attributes: [{ name: "region", values: ["North", "South"] }],
  channels: ["web"],
};

const base: ViewState = { params: DEFAULT_PARAMS, metric: "dropoff_rate", trends: false };
const north: SavedView = {
  id: 1,
  name: "North",
  state: { ...base, params: { ...DEFAULT_PARAMS, segments: [NORTH] }, metric: "reach" },
};
const east: SavedView = {
  id: 2,
  name: "East <b>launch</b>",
  state: { ...base, params: { ...DEFAULT_PARAMS, segments: [EAST] }, selected: 7 },
};

const journeyWith = (views: SavedView[]): Journey => journeyOf({ id: 3, name: "J", views });

const dom = rootPerTest();
let sent: Edit[];
let opened: AnalyzeState[];
let edited: Journey[];

function render(state: ViewState, views: SavedView[] = [north, east]) {
  act(() =>
    dom.root.render(
      <SavedViews
        journey={journeyWith(views)}
        dimensions={dimensions}
        state={state}
        onOpen={(s) => opened.push(s)}
        onJourneyEdited={(j) => edited.push(j)}
      />,
    ),
  );
}

const all = (testId: string) => allIn(dom.host, testId);
const one = (testId: string) => oneIn(dom.host, testId);

/** Runs `action` and lets the edits it sent come back. */
async function answered(action: () => void) {
  await act(async () => {
    action();
    await Promise.resolve();
  });
}

beforeEach(() => {
  sent = [];
  opened = [];
  edited = [];
  vi.spyOn(api, "applyEdit").mockImplementation((_, edit) => {
    sent.push(edit);
    const answer = editedOf(journeyWith([north, east, { id: 9, name: "new", state: base }]), {
      created: { views: [9] },
    });
    return Promise.resolve(answer);
  });
});

describe("saved views", () => {
  it("save the current state under the name offered, and mark it current", async () => {
    const state = { ...base, params: { ...DEFAULT_PARAMS, channels: ["web"] } };
    render(state);
    act(() => one("view-save").click());
    const input = one("view-name-input") as HTMLInputElement;
    expect(input.value).toBe("web");
    typeInto(input, "  Web only ");
    await answered(() => one("view-save-confirm").click());
    expect(sent).toEqual([{ op: "save_view", name: "Web only", state }]);
    expect(edited).toHaveLength(1);
    render(state, [north, east, { id: 9, name: "Web only", state }]);
    const current = all("view-row").filter((r) => r.getAttribute("aria-current") === "true");
    expect(current.map((r) => r.dataset.viewId)).toEqual(["9"]);
  });

  it("open a view in one click, current until the state changes", () => {
    render(base);
    act(() => one("view-restore").click());
    expect(opened).toHaveLength(1);
    expect(opened[0]?.metric).toBe("reach");
    expect(opened[0]?.params.segments).toEqual([NORTH]);
    render(north.state);
    expect(one("view-row").getAttribute("aria-current")).toBe("true");
    expect(all("view-note")).toEqual([]);
    render({ ...north.state, metric: "events" });
    expect(one("view-row").getAttribute("aria-current")).toBeNull();
  });

  it("open a view whose segment is gone without it, with a note as text", () => {
    render(base);
    act(() => all("view-restore")[1]?.click());
    expect(opened[0]?.params.segments).toEqual([]);
    expect(opened[0]?.selected).toBeNull();
    const note = one("view-note");
    expect(note.textContent).toContain(
      "“East <b>launch</b>”: segment region = East is no longer in the log; the selected touchpoint is no longer on the map; shown without them.",
    );
    expect(note.querySelector("b")).toBeNull();
    act(() => one("view-note-dismiss").click());
    expect(all("view-note")).toEqual([]);
  });

  it("rename by the form (what Enter submits), leave it with Escape, and move, update and delete by one edit each", async () => {
    render(base);
    act(() => one("view-rename").click());
    act(() => {
      one("view-name-input").dispatchEvent(
        new KeyboardEvent("keydown", { key: "Escape", bubbles: true }),
      );
    });
    expect(all("view-name-input")).toEqual([]);
    act(() => all("view-rename")[1]?.click());
    typeInto(one("view-name-input") as HTMLInputElement, "East");
    await answered(() =>
      one("view-name-input").closest("form")?.requestSubmit(one("view-save-confirm")),
    );
    expect(all("view-move-up")[0]?.hasAttribute("disabled")).toBe(true);
    expect(all("view-move-down")[1]?.hasAttribute("disabled")).toBe(true);
    await answered(() => all("view-move-down")[0]?.click());
    await answered(() => all("view-update")[1]?.click());
    await answered(() => all("view-delete")[0]?.click());
    expect(sent).toEqual([
      { op: "rename_view", view: 2, name: "East" },
      { op: "move_view", view: 1, position: 1 },
      { op: "update_view", view: 2, state: base },
      { op: "delete_view", view: 1 },
    ]);
  });
});
