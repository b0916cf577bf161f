// @vitest-environment jsdom
// A story's slide in a DOM: its place in the story, its title (or its view's name) and note as
// text, the view's filters and metric in words, the map drawn from the view's own report as an
// image, and the selected touchpoint's figures beside it; the design alone with D.

import { act } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Params, Report } from "../generated/types";
import { LanguageContext } from "../language";
import { oneIn, rootPerTest } from "../shared/dom.test-utils";
import { nodeOf, reportOf } from "../shared/fixtures";
import { shopStoryOf, web } from "./fixtures.test-utils";
import { slideSvg, StorySlide, touchpointFigures } from "./StorySlide";

const { story, journey } = shopStoryOf({
  checkout: "Checkout <i>view</i>",
  metrics: ["engagement_rate", "no_such_metric"],
  till: { title: "", note: "Half of them <b>stop</b> here" },
});

const report = reportOf(
  [
    nodeOf(10, { customers: 1200 }),
    nodeOf(11, {
      customers: 1000,
      dropoff_rate: 42.5,
      engagement_rate: 12,
      stalled_now: 37,
      completed_here: 3,
    }),
  ],
  { customers: 1200, events: 4000 },
);

const dom = rootPerTest();
let asked: Params[];

function render(index: number, withData = true, answer: Promise<Report> = Promise.resolve(report)) {
  renderOf(journey, index, withData, () => answer);
}

function renderOf(
  shown: typeof journey,
  index: number,
  withData: boolean,
  answerFor: (params: Params) => Promise<Report>,
) {
  act(() =>
    dom.root.render(
      <LanguageContext.Provider value="en">
        <StorySlide
          journey={shown}
          story={story}
          index={index}
          language="en"
          withData={withData}
          reportFor={(params) => {
            asked.push(params);
            return answerFor(params);
          }}
        />
      </LanguageContext.Provider>,
    ),
  );
}

async function answered() {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

const one = (testId: string) => oneIn(dom.host, testId);

beforeEach(() => {
  asked = [];
});

describe("a story's slide", () => {
  it("shows the view's map with its own data, the note as text and the touchpoint's figures", async () => {
    render(1);
    expect(asked).toEqual([web]);
    expect(dom.host.textContent).toContain("Preparing the view…");
    await answered();
    const slide = one("present-slide");
    expect(slide.dataset.view).toBe("7");
    expect(slide.textContent).toContain("Slide 2 of 2");
    expect(one("present-slide-title").textContent).toBe("Checkout <i>view</i>");
    expect(one("present-slide-note").textContent).toBe("Half of them <b>stop</b> here");
    expect(slide.querySelector("b, i")).toBeNull();
    expect(slide.textContent).toContain("Channels: web · Engagement rate");
    const map = one("present-slide-map") as HTMLImageElement;
    expect(map.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    // Drawn from the view's report, coloured by the view's metric.
    const svg = decodeURIComponent(map.getAttribute("src") ?? "");
    expect(svg).toContain(">Engagement rate</text>");
    expect(svg).toContain(">12.0%</text>");
    expect(map.alt).toContain("Checkout <i>view</i>");
    const figures = [
      ...one("present-slide-figures").querySelectorAll<HTMLElement>(
        "[data-testid=present-slide-figure]",
      ),
    ];
    expect(figures.map((f) => [f.dataset.field, f.textContent])).toEqual([
      ["customers", "1,000"],
      ["dropoff_rate", "42.5%"],
      ["engagement_rate", "12.0%"],
      ["stalled_now", "37"],
      ["completed_here", "3"],
    ]);
    expect(one("present-slide-figures").textContent).toContain("Checkout");
  });

  it("titles a slide by its view's name, falls back to the drop-off rate, has no panel without a selection", async () => {
    render(0);
    await answered();
    expect(one("present-slide-title").textContent).toBe("Everything");
    expect(dom.host.textContent).toContain("Slide 1 of 2");
    expect(dom.host.textContent).toContain("The whole log · Drop-off rate");
    expect(dom.host.querySelector("[data-testid=present-slide-note]")).toBeNull();
    expect(dom.host.querySelector("[data-testid=present-slide-figures]")).toBeNull();
  });

  it("shows the design alone, without figures, while the data is off", async () => {
    render(1, false);
    await answered();
    expect(dom.host.querySelector("[data-testid=present-slide-map]")).not.toBeNull();
    expect(dom.host.querySelector("[data-testid=present-slide-figures]")).toBeNull();
  });

  it("says why the view's report could not be computed", async () => {
    render(1, true, Promise.reject(new Error("the log is gone")));
    await answered();
    expect(dom.host.querySelector(".present-error")?.textContent).toBe("the log is gone");
    expect(dom.host.querySelector("[data-testid=present-slide-map]")).toBeNull();
  });

  it("shows a dash for a figure the report does not have", () => {
    expect(touchpointFigures("it", undefined).map((f) => f.value)).toEqual([
      "—",
      "—",
      "—",
      "—",
      "—",
    ]);
    expect(touchpointFigures("it", nodeOf(1, { customers: 12345 }))[0]?.value).toBe("12.345");
  });

  it("draws the map as the view's sliders left it, keeping the touchpoint it selected", () => {
    // Both views keep the better reached half of the touchpoints: the ad (1,200 customers).
    const halved = {
      ...journey,
      views: journey.views.map((v) => ({ ...v, state: { ...v.state, touchpoints_pct: 50 } })),
    };
    const whole = slideSvg(journey, story, 0, report, true, "en") ?? "";
    expect(whole).toContain('data-touchpoint="11"');
    const everything = slideSvg(halved, story, 0, report, true, "en") ?? "";
    expect(everything).toContain('data-touchpoint="10"');
    expect(everything).not.toContain('data-touchpoint="11"');
    // The checkout view selected the checkout: it stays on its slide.
    const checkout = slideSvg(halved, story, 1, report, true, "en") ?? "";
    expect(checkout).toContain('data-touchpoint="11"');
  });

  it("compares as its view did: both reports asked, B − A on the map, each figure A → B", async () => {
    const comparing = {
      ...journey,
      views: journey.views.map((v) =>
        v.id === 7
          ? {
              ...v,
              state: {
                ...v.state,
                compare: { kind: "dates" as const, from_ms: 1_000, to_ms: 2_000 },
              },
            }
          : v,
      ),
    };
    const reportB = reportOf([nodeOf(11, { customers: 500, engagement_rate: 20 })]);
    renderOf(comparing, 1, true, (params) =>
      Promise.resolve(params.from_ms === 1_000 ? reportB : report),
    );
    await answered();
    expect(asked).toEqual([web, { ...web, from_ms: 1_000, to_ms: 2_000 }]);
    expect(dom.host.textContent).toContain("Compared with B: Events from");
    const svg = decodeURIComponent(one("present-slide-map").getAttribute("src") ?? "");
    expect(svg).toContain("B − A");
    const figures = [
      ...one("present-slide-figures").querySelectorAll<HTMLElement>(
        "[data-testid=present-slide-figure]",
      ),
    ];
    expect(figures.map((f) => [f.dataset.field, f.textContent])).toContainEqual([
      "customers",
      "1,000 → 500",
    ]);
    expect(figures.map((f) => [f.dataset.field, f.textContent])).toContainEqual([
      "engagement_rate",
      "12.0% → 20.0%",
    ]);
  });
});
