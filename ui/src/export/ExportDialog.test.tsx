// @vitest-environment jsdom
// The export dialog's interactive HTML: offered in Design and Analyze, with a story to choose when
// the journey has some; exporting fetches each story view's report once, writes the page and
// confirms with the path and the file's size.

import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import type { HtmlPage, Params, Report, SavedView, Story } from "../generated/types";
import { oneIn, rootPerTest, typeInto } from "../shared/dom.test-utils";
import { DEFAULT_PARAMS } from "../shared/params";
import { journeyOf, nodeOf, reportOf, touchpointOf } from "../shared/fixtures";
import { exportApi } from "./api";
import type { ExportSource } from "./build";
import { ExportDialog, suggestedName } from "./ExportDialog";

const north: Params = { ...DEFAULT_PARAMS, segments: [{ attribute: "region", value: "North" }] };
const views: SavedView[] = [
  { id: 1, name: "All", state: { params: DEFAULT_PARAMS, metric: "dropoff_rate", trends: false } },
  { id: 2, name: "North", state: { params: north, metric: "reach", trends: false } },
];
const story: Story = {
  id: 5,
  title: "Q3",
  slides: [
    { view: 1, title: "", note: "" },
    { view: 2, title: "", note: "" },
    { view: 1, title: "Again", note: "" },
  ],
};
const base = journeyOf({
  name: "Retail",
  stages: [{ id: 1, name: "Buy" }],
  touchpoints: [touchpointOf(10, 1, { name: "Shop" })],
});
const withStory = { ...base, views, stories: [story] };

const reportAll: Report = reportOf([nodeOf(10, { customers: 100 })]);
const reportNorth: Report = reportOf([nodeOf(10, { customers: 40 })]);

const dom = rootPerTest();
let pages: HtmlPage[];
let asked: Params[];

function render(source: ExportSource) {
  act(() =>
    dom.root.render(<ExportDialog source={source} language="en" onClose={() => undefined} />),
  );
}

const find = (testId: string) => dom.host.querySelector<HTMLElement>(`[data-testid=${testId}]`);
const one = (testId: string) => oneIn(dom.host, testId);

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    Reflect.set(HTMLSelectElement.prototype, "value", value, select);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  });
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

beforeEach(() => {
  pages = [];
  asked = [];
  vi.spyOn(api, "report").mockImplementation((_, params) => {
    asked.push(params);
    return Promise.resolve(params.segments.length > 0 ? reportNorth : reportAll);
  });
  vi.spyOn(exportApi, "html").mockImplementation((page) => {
    pages.push(page);
    return Promise.resolve(412_345);
  });
});

describe("the interactive HTML export", () => {
  it("is offered in Design and in Analyze, as a .html file", () => {
    render({ mode: "design", journey: base });
    const option = one("export-kind-html").closest("label")!.textContent;
    expect(option).toContain("Interactive HTML");
    expect(option).toContain("no network access");
    expect(option).toContain("any browser");
    render({
      mode: "analyze",
      journey: base,
      report: reportAll,
      params: DEFAULT_PARAMS,
      metric: "dropoff_rate",
    });
    expect(find("export-kind-html")).not.toBeNull();
    expect(suggestedName("Retail", "html", "touchpoints")).toBe("Retail.html");
  });

  it("offers a story only when the journey has one", () => {
    render({ mode: "design", journey: base });
    act(() => one("export-kind-html").click());
    expect(find("export-story")).toBeNull();
    render({ mode: "design", journey: withStory });
    const select = one("export-story") as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ["", "None"],
      ["5", "Q3"],
    ]);
    act(() => one("export-kind-png").click());
    expect(find("export-story")).toBeNull();
  });

  it("writes the page and confirms with the path and the size", async () => {
    render({ mode: "design", journey: base });
    act(() => one("export-kind-html").click());
    typeInto(one("export-path") as HTMLInputElement, "/tmp/retail.html");
    act(() => one("export-run").click());
    await settle();
    expect(asked).toEqual([]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.story).toBeNull();
    expect(pages[0]!.title).toBe("Retail");
    const message = one("export-message");
    expect(message.textContent).toBe("Saved to /tmp/retail.html · 412 kB");
    expect(message.getAttribute("data-bytes")).toBe("412345");
  });

  it("fetches each story view's report once, while busy, and gives each slide its own", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(api.report).mockImplementation(async (_, params) => {
      asked.push(params);
      await held;
      return params.segments.length > 0 ? reportNorth : reportAll;
    });
    render({ mode: "design", journey: withStory });
    act(() => one("export-kind-html").click());
    choose(one("export-story") as HTMLSelectElement, "5");
    typeInto(one("export-path") as HTMLInputElement, "/tmp/q3.html");
    act(() => one("export-run").click());
    await settle();
    expect((one("export-run") as HTMLButtonElement).disabled).toBe(true);
    expect(pages).toHaveLength(0);
    release();
    await settle();
    expect(asked).toEqual([DEFAULT_PARAMS, north]);
    const told = pages[0]!.story!;
    expect(told.title).toBe("Q3");
    expect(told.slides.map((s) => s.title)).toEqual(["All", "North", "Again"]);
    const customers = told.slides.map(
      (s) => s.map.touchpoints[0]!.figures.find((f) => f.key === "customers")?.value,
    );
    expect(customers).toEqual(["100", "40", "100"]);
    expect((one("export-run") as HTMLButtonElement).disabled).toBe(false);

    // Exporting again reads the reports already fetched.
    act(() => one("export-run").click());
    await settle();
    expect(asked).toHaveLength(2);
    expect(pages).toHaveLength(2);
  });

  it("shows a failure as the dialog does, with no size", async () => {
    vi.mocked(exportApi.html).mockRejectedValue({ code: "io", message: "disk full" });
    render({ mode: "design", journey: base });
    act(() => one("export-kind-html").click());
    typeInto(one("export-path") as HTMLInputElement, "/tmp/retail.html");
    act(() => one("export-run").click());
    await settle();
    const message = one("export-message");
    expect(message.getAttribute("role")).toBe("alert");
    expect(message.hasAttribute("data-bytes")).toBe(false);
  });
});
