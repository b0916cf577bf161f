// @vitest-environment jsdom
// The stories in a DOM, against a small fake of the engine's story edits: a new story gets one
// slide per saved view; adding, moving and removing a slide, and a field left with new text, are
// one update each, built on the changes still on their way; delete asks first; ▶ presents.

import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import type { Edit, Journey, SavedView, Story, StoryId, StorySlide } from "../generated/types";
import { allIn, oneIn, rootPerTest, typeInto } from "../shared/dom.test-utils";
import { editedOf, journeyOf } from "../shared/fixtures";
import { DEFAULT_PARAMS } from "../shared/params";
import { Stories } from "./Stories";

const viewOf = (id: number, name: string): SavedView => ({
  id,
  name,
  state: { params: DEFAULT_PARAMS, metric: "dropoff_rate", trends: false },
});
const NORTH = viewOf(1, "North");
const EAST = viewOf(2, "East <b>launch</b>");
const WEB = viewOf(3, "Web");

const told: Story = {
  id: 5,
  title: "Why they leave",
  slides: [
    { view: 1, title: "", note: "" },
    { view: 2, title: "The launch", note: "Look at the drop" },
  ],
};

/** The update that gives story 5, `told`, these `slides`. */
const update = (slides: StorySlide[]) => ({
  op: "update_story",
  story: 5,
  title: "Why they leave",
  slides,
});

/** What the engine does with a story edit, as far as these tests need. */
function applied(journey: Journey, edit: Edit, id: StoryId): Journey {
  switch (edit.op) {
    case "save_story":
      return {
        ...journey,
        stories: [...journey.stories, { id, title: edit.title, slides: edit.slides }],
      };
    case "update_story":
      return {
        ...journey,
        stories: journey.stories.map((s) =>
          s.id === edit.story ? { ...s, title: edit.title, slides: edit.slides } : s,
        ),
      };
    case "delete_story":
      return { ...journey, stories: journey.stories.filter((s) => s.id !== edit.story) };
    default:
      return journey;
  }
}

const dom = rootPerTest();
let journey: Journey;
let sent: Edit[];
let presented: StoryId[];
/** While set, the engine holds its answers until it resolves. */
let gate: Promise<void> | null;

function show() {
  dom.root.render(
    <Stories
      journey={journey}
      onJourneyEdited={(j) => {
        journey = j;
        show();
      }}
      onPresent={(s) => presented.push(s)}
    />,
  );
}

function render(views: SavedView[], stories: Story[] = []) {
  journey = journeyOf({ id: 3, name: "J", views, stories });
  act(() => show());
}

const all = (testId: string) => allIn(dom.host, testId);
const one = (testId: string) => oneIn(dom.host, testId);

function key(field: HTMLElement, name: string) {
  act(() => {
    field.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));
  });
}

/** Focuses `field` and leaves it, letting the edit sent (if any) come back. */
async function leave(field: HTMLElement) {
  act(() => field.focus());
  await answered(() => field.blur());
}

/** Runs `action` and lets the edits it sent come back. */
async function answered(action: () => void) {
  await act(async () => {
    action();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

const slideViews = () => all("story-slide").map((s) => s.dataset.view);

beforeEach(() => {
  sent = [];
  presented = [];
  gate = null;
  vi.spyOn(api, "applyEdit").mockImplementation(async (_, edit) => {
    sent.push(edit);
    if (gate) await gate;
    return editedOf(applied(journey, edit, 8), {
      created: { stories: edit.op === "save_story" ? [8] : [] },
    });
  });
});

describe("stories", () => {
  it("say that a story is made of saved views when there is none", () => {
    render([]);
    expect(one("stories").textContent).toContain("save a view first");
    expect(all("story-item")).toEqual([]);
  });

  it("make a new story with one slide per saved view, in the views' order, and open it", async () => {
    render([EAST, NORTH, WEB]);
    act(() => one("story-new").click());
    key(one("story-title-input"), "Escape");
    expect(all("story-title-input")).toEqual([]);
    act(() => one("story-new").click());
    const input = one("story-title-input") as HTMLInputElement;
    expect(input.value).toBe("Story 1");
    typeInto(input, "  Launch week ");
    await answered(() => input.closest("form")?.requestSubmit(one("story-create")));
    expect(sent).toEqual([
      {
        op: "save_story",
        title: "Launch week",
        slides: [
          { view: 2, title: "", note: "" },
          { view: 1, title: "", note: "" },
          { view: 3, title: "", note: "" },
        ],
      },
    ]);
    expect(one("story-item").dataset.storyId).toBe("8");
    expect(one("story-item").textContent).toContain("3 slides");
    expect((one("story-rename") as HTMLInputElement).value).toBe("Launch week");
    expect(slideViews()).toEqual(["2", "1", "3"]);
    // A view's name is text, never markup.
    expect(one("story-slide").querySelector("b")).toBeNull();
    expect((one("story-slide-title") as HTMLInputElement).placeholder).toBe("East <b>launch</b>");
  });

  it("add, move and remove a slide with one update each, the whole story every time", async () => {
    render([NORTH, EAST, WEB], [told]);
    expect(one("story-item").textContent).toContain("2 slides");
    act(() => one("story-open").click());
    expect(slideViews()).toEqual(["1", "2"]);
    expect(all("story-slide-up")[0]?.hasAttribute("disabled")).toBe(true);
    expect(all("story-slide-down")[1]?.hasAttribute("disabled")).toBe(true);
    await answered(() => choose(one("story-add-slide") as HTMLSelectElement, "3"));
    expect(slideViews()).toEqual(["1", "2", "3"]);
    await answered(() => all("story-slide-down")[0]?.click());
    expect(slideViews()).toEqual(["2", "1", "3"]);
    await answered(() => all("story-slide-up")[2]?.click());
    expect(slideViews()).toEqual(["2", "3", "1"]);
    await answered(() => all("story-slide-remove")[0]?.click());
    expect(slideViews()).toEqual(["3", "1"]);
    const launch = { view: 2, title: "The launch", note: "Look at the drop" };
    const north = { view: 1, title: "", note: "" };
    const web = { view: 3, title: "", note: "" };
    expect(sent).toEqual([
      update([north, launch, web]),
      update([launch, north, web]),
      update([launch, web, north]),
      update([web, north]),
    ]);
  });

  it("send a note once, when it is left, never on each key; nothing when unchanged", async () => {
    render([NORTH, EAST], [told]);
    act(() => one("story-open").click());
    const note = all("story-slide-note")[0] as HTMLTextAreaElement;
    typeInto(note, "Q");
    typeInto(note, "Queues");
    typeInto(note, "Queues at the\ncounter  ");
    expect(sent).toEqual([]);
    await leave(note);
    await leave(note);
    await leave(all("story-slide-note")[1] as HTMLTextAreaElement);
    expect(sent).toEqual([
      update([
        { view: 1, title: "", note: "Queues at the\ncounter" },
        { view: 2, title: "The launch", note: "Look at the drop" },
      ]),
    ]);
    expect((all("story-slide-note")[0] as HTMLTextAreaElement).value).toBe(
      "Queues at the\ncounter",
    );
  });

  it("send a title on Enter (once), keep a story's title when it is left blank", async () => {
    render([NORTH, EAST], [told]);
    act(() => one("story-open").click());
    const title = all("story-slide-title")[1] as HTMLInputElement;
    typeInto(title, "The launch, again");
    await answered(() => key(title, "Enter"));
    await leave(title);
    const rename = one("story-rename") as HTMLInputElement;
    typeInto(rename, "   ");
    await leave(rename);
    expect(rename.value).toBe("Why they leave");
    typeInto(rename, "Why they stay");
    key(rename, "Escape");
    await leave(rename);
    expect(sent).toEqual([
      update([
        { view: 1, title: "", note: "" },
        { view: 2, title: "The launch, again", note: "Look at the drop" },
      ]),
    ]);
  });

  it("build a change on one still on its way, since an update replaces the whole story", async () => {
    render([NORTH, EAST], [told]);
    act(() => one("story-open").click());
    let open = () => undefined as void;
    gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const note = all("story-slide-note")[0] as HTMLTextAreaElement;
    typeInto(note, "Queues");
    await leave(note);
    await answered(() => all("story-slide-down")[0]?.click());
    // The first is on its way; the second waits for it.
    expect(sent).toHaveLength(1);
    await answered(() => open());
    expect(sent[1]).toEqual(
      update([
        { view: 2, title: "The launch", note: "Look at the drop" },
        { view: 1, title: "", note: "Queues" },
      ]),
    );
    expect(slideViews()).toEqual(["2", "1"]);
  });

  it("delete a story only once confirmed, and present one with ▶", async () => {
    render([NORTH, EAST], [told, { id: 6, title: "Other", slides: [] }]);
    expect(all("story-item")[1]?.textContent).toContain("no slides");
    act(() => all("story-present")[1]?.click());
    expect(presented).toEqual([6]);
    act(() => all("story-delete")[0]?.click());
    expect(sent).toEqual([]);
    act(() => one("story-delete-cancel").click());
    expect(all("story-delete-confirm")).toEqual([]);
    act(() => all("story-delete")[0]?.click());
    await answered(() => one("story-delete-confirm").click());
    expect(sent).toEqual([{ op: "delete_story", story: 5 }]);
    expect(all("story-item").map((s) => s.dataset.storyId)).toEqual(["6"]);
  });
});
