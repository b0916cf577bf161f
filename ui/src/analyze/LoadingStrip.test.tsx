// @vitest-environment jsdom
// The strip over the map while the local engine builds the analysis: one line in the UI's language
// (millions compactly, smaller counts plainly), the step it is at, and a bar that measures reading
// and only says "working" for ordering and counting.

import { act } from "react";
import { describe, expect, it } from "vitest";
import type { LoadProgress } from "../generated/types";
import type { Language } from "../i18n";
import { LanguageContext } from "../language";
import { oneIn, rootPerTest } from "../shared/dom.test-utils";
import { LoadingStrip } from "./LoadingStrip";

const dom = rootPerTest();

function render(language: Language, progress: LoadProgress) {
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value={language}>
        <LoadingStrip progress={progress} />
      </LanguageContext.Provider>,
    ),
  );
  const strip = oneIn(dom.host, "analysis-progress");
  const bar = strip.querySelector("progress");
  if (!bar) throw new Error("no progress");
  return { strip, bar };
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
    const { strip, bar } = render("en", READING);
    expect(strip.textContent).toBe("Reading the events: 23.4 million of 51.3 million");
    expect(bar.getAttribute("value")).toBe("23412345");
    expect(bar.getAttribute("max")).toBe("51300000");
    expect(bar.value).toBe(23_412_345);
    expect(bar.max).toBe(51_300_000);
    expect(bar.getAttribute("aria-labelledby")).toBe(strip.querySelector("span")?.id);
  });

  it("counts in Italian", () => {
    const { strip, bar } = render("it", READING);
    expect(strip.textContent).toBe("Lettura degli eventi: 23,4 milioni di 51,3 milioni");
    expect(strip.dataset.step).toBe("reading");
    expect(bar.getAttribute("value")).toBe("23412345");
    expect(bar.getAttribute("max")).toBe("51300000");
  });

  it("writes counts under a million plainly", () => {
    expect(render("en", SMALL).strip.textContent).toBe("Reading the events: 4,500 of 950,000");
    expect(render("it", SMALL).strip.textContent).toBe("Lettura degli eventi: 4.500 di 950.000");
  });

  it("says it is ordering, with a bar that measures nothing", () => {
    for (const [language, text] of [
      ["en", "Ordering each customer's events…"],
      ["it", "Ordinamento degli eventi di ogni cliente…"],
    ] as const) {
      const { strip, bar } = render(language, ORDERING);
      expect(strip.textContent).toBe(text);
      expect(strip.dataset.step).toBe("ordering");
      expect(bar.hasAttribute("value")).toBe(false);
      expect(bar.hasAttribute("max")).toBe(false);
    }
  });

  it("says it is counting, with a bar that measures nothing", () => {
    for (const [language, text] of [
      ["en", "Counting every number…"],
      ["it", "Conteggio di ogni numero…"],
    ] as const) {
      const { strip, bar } = render(language, COUNTING);
      expect(strip.textContent).toBe(text);
      expect(strip.dataset.step).toBe("counting");
      expect(bar.hasAttribute("value")).toBe(false);
      expect(bar.hasAttribute("max")).toBe(false);
    }
  });

  it("leaves the bar unmeasured when reading has no total", () => {
    const { strip, bar } = render("en", { step: "reading", done: 0, total: 0 });
    expect(strip.textContent).toBe("Reading the events: 0 of 0");
    expect(bar.hasAttribute("value")).toBe(false);
  });
});
