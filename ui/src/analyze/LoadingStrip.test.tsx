// @vitest-environment jsdom
// The strip over the map while the local engine builds the analysis: one line in the UI's language
// (millions compactly, smaller counts plainly), the step it is at, and a bar that measures reading
// and only says "working" for ordering and counting, and a Cancel.

import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import type { LoadProgress } from "../generated/types";
import type { Language } from "../i18n";
import { LanguageContext } from "../language";
import { oneIn, rootPerTest } from "../shared/dom.test-utils";
import { LoadingStrip } from "./LoadingStrip";

const dom = rootPerTest();

function render(language: Language, progress: LoadProgress, cancelling = false) {
  const onCancel = vi.fn();
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value={language}>
        <LoadingStrip progress={progress} cancelling={cancelling} onCancel={onCancel} />
      </LanguageContext.Provider>,
    ),
  );
  const strip = oneIn(dom.host, "analysis-progress");
  const bar = strip.querySelector("progress");
  const line = strip.querySelector(".load-strip-text");
  if (!bar || !line) throw new Error("no progress");
  const cancel = oneIn(strip, "analysis-cancel") as HTMLButtonElement;
  return { strip, bar, text: line.textContent, cancel, onCancel };
}

const READING: LoadProgress = { step: "reading", done: 23_412_345, total: 51_300_000 };
const SMALL: LoadProgress = { step: "reading", done: 4_500, total: 950_000 };
const ORDERING: LoadProgress = { step: "ordering", done: 0, total: 51_300_000 };
const COUNTING: LoadProgress = { step: "counting", done: 0, total: 51_300_000 };

describe("the loading strip", () => {
  it("is a polite status naming its step", () => {
    const { strip } = render("en", READING);
    expect(strip.getAttribute("role")).toBe("status");
    expect(strip.getAttribute("aria-live")).toBe("polite");
    expect(strip.dataset.step).toBe("reading");
  });

  it("counts the events read, in millions, with a measured bar", () => {
    const { strip, bar, text } = render("en", READING);
    expect(text).toBe("Reading the events: 23.4 million of 51.3 million");
    expect(bar.getAttribute("value")).toBe("23412345");
    expect(bar.getAttribute("max")).toBe("51300000");
    expect(bar.value).toBe(23_412_345);
    expect(bar.max).toBe(51_300_000);
    expect(bar.getAttribute("aria-labelledby")).toBe(strip.querySelector("span")?.id);
  });

  it("counts in Italian", () => {
    const { strip, bar, text } = render("it", READING);
    expect(text).toBe("Lettura degli eventi: 23,4 milioni di 51,3 milioni");
    expect(strip.dataset.step).toBe("reading");
    expect(bar.getAttribute("value")).toBe("23412345");
    expect(bar.getAttribute("max")).toBe("51300000");
  });

  it("writes counts under a million plainly", () => {
    expect(render("en", SMALL).text).toBe("Reading the events: 4,500 of 950,000");
    expect(render("it", SMALL).text).toBe("Lettura degli eventi: 4.500 di 950.000");
  });

  it("says it is ordering, with a bar that measures nothing", () => {
    for (const [language, expected] of [
      ["en", "Ordering each customer's events…"],
      ["it", "Ordinamento degli eventi di ogni cliente…"],
    ] as const) {
      const { strip, bar, text } = render(language, ORDERING);
      expect(text).toBe(expected);
      expect(strip.dataset.step).toBe("ordering");
      expect(bar.hasAttribute("value")).toBe(false);
      expect(bar.hasAttribute("max")).toBe(false);
    }
  });

  it("says it is counting, with a bar that measures nothing", () => {
    for (const [language, expected] of [
      ["en", "Counting every number…"],
      ["it", "Conteggio di ogni numero…"],
    ] as const) {
      const { strip, bar, text } = render(language, COUNTING);
      expect(text).toBe(expected);
      expect(strip.dataset.step).toBe("counting");
      expect(bar.hasAttribute("value")).toBe(false);
      expect(bar.hasAttribute("max")).toBe(false);
    }
  });

  it("cancels once, then says it is cancelling", () => {
    const ready = render("en", READING);
    expect(ready.cancel.textContent).toBe("Cancel");
    act(() => ready.cancel.click());
    expect(ready.onCancel).toHaveBeenCalledTimes(1);
    const asked = render("it", READING, true);
    expect(asked.cancel.disabled).toBe(true);
    expect(asked.cancel.textContent).toBe("Annullamento…");
    act(() => asked.cancel.click());
    expect(asked.onCancel).not.toHaveBeenCalled();
  });

  it("leaves the bar unmeasured when reading has no total", () => {
    const { bar, text } = render("en", { step: "reading", done: 0, total: 0 });
    expect(text).toBe("Reading the events: 0 of 0");
    expect(bar.hasAttribute("value")).toBe(false);
  });
});
