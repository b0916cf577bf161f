// @vitest-environment jsdom
// Present on a story: the story chosen in Analyze is walked from its title slide, the title
// slide switches between the stages and the stories, the clicker's keys step through the slides,
// each dot is labelled with its slide, and a note on a slide is about its selected touchpoint.

import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import type { Edit, Journey, Params, Story } from "../generated/types";
import { LanguageContext } from "../language";
import { oneIn, rootPerTest, typeInto } from "../shared/dom.test-utils";
import { editedOf, nodeOf, reportOf } from "../shared/fixtures";
import { shopStoryOf, web } from "./fixtures.test-utils";
import { Present } from "./Present";

vi.mock("@tauri-apps/api/window", () => ({
  getCurrentWindow: () => ({ setFullscreen: () => Promise.resolve() }),
}));

const shop = shopStoryOf({
  checkout: "Checkout view",
  metrics: ["reach", "reach"],
  till: { title: "At the till", note: "Half of them stop here" },
});
const story = shop.story;
const journey: Journey = {
  ...shop.journey,
  stories: [story, { id: 9, title: "Another", slides: [] }],
};

const dom = rootPerTest();
let asked: Params[];
let edited: Journey[];

function render(chosen: Story | null) {
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value="en">
        <Present
          journey={journey}
          language="en"
          story={chosen}
          onExit={() => undefined}
          onJourneyEdited={(j) => edited.push(j)}
        />
      </LanguageContext.Provider>,
    ),
  );
}

async function answered(action: () => void = () => undefined) {
  await act(async () => {
    action();
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

const one = (testId: string) => oneIn(dom.host, testId);
const dots = () =>
  [...dom.host.querySelectorAll<HTMLElement>(".present-dots button")].map((b) =>
    b.getAttribute("aria-label"),
  );
const press = (key: string) =>
  answered(() => document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true })));

beforeEach(() => {
  asked = [];
  edited = [];
  vi.spyOn(api, "report").mockImplementation((_, params) => {
    asked.push(params);
    return Promise.resolve(
      reportOf([nodeOf(10), nodeOf(11, { customers: 640 })], { customers: 900, events: 3000 }),
    );
  });
});

describe("Present on a story", () => {
  it("walks the story chosen in Analyze: its title slide, then its slides", async () => {
    render(story);
    await answered();
    expect(one("present-title").textContent).toBe("Why they leave");
    expect((one("present-story-select") as HTMLSelectElement).value).toBe("s4");
    expect(dots()).toEqual(["Why they leave", "Everything", "At the till"]);
    // The slides' reports are asked ahead: the whole log for the title, then each view's.
    expect(asked).toContainEqual(web);
    await press("PageDown");
    await press("PageDown");
    expect(one("present-slide").dataset.view).toBe("7");
    expect(one("present-slide-title").textContent).toBe("At the till");
    expect(
      dom.host.querySelector("[data-field=customers][data-testid=present-slide-figure]")
        ?.textContent,
    ).toBe("640");
    await press("n");
    const subject = one("note-subject") as HTMLSelectElement;
    expect(subject.selectedOptions[0]?.textContent?.trim()).toBe("Checkout");
  });

  it("adds a note on the slide's touchpoint as one edit, then says so", async () => {
    const sent: Edit[] = [];
    vi.spyOn(api, "applyEdit").mockImplementation((_, edit) => {
      sent.push(edit);
      return Promise.resolve(editedOf(journey, { created: { notes: [1] } }));
    });
    render(story);
    await answered();
    await press("End");
    await press("n");
    typeInto(one("note-text") as HTMLTextAreaElement, "A queue at the till");
    await answered(() => one("note-save").click());
    expect(sent).toEqual([
      {
        op: "add_note",
        target: { on: "touchpoint", touchpoint: 11 },
        kind: "pain_point",
        text: "A queue at the till",
      },
    ]);
    expect(edited).toEqual([journey]);
    expect(dom.host.querySelector("[data-testid=note-dialog]")).toBeNull();
    expect(one("note-added").textContent).toBe("Note added on Checkout. N adds another.");
  });

  it("switches between the stages and the stories on the title slide", async () => {
    render(null);
    await answered();
    const select = one("present-story-select") as HTMLSelectElement;
    expect(select.value).toBe("stages");
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["stages", "Stages"],
      ["s4", "Why they leave"],
      ["s9", "Another"],
    ]);
    expect(one("present-title").textContent).toBe("Shop");
    expect(dots()).toEqual(["The journey", "Aware", "Buy", "Replay"]);
    await answered(() => {
      select.value = "s4";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(one("present-title").textContent).toBe("Why they leave");
    expect(dots()).toEqual(["Why they leave", "Everything", "At the till"]);
    await press("PageDown");
    expect(one("present-slide").dataset.view).toBe("8");
  });
});
