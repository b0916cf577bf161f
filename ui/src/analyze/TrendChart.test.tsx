// @vitest-environment jsdom
// The Trends chart in a DOM: it loads and draws with a system locale that is no BCP 47 tag (as
// under LANG=C, where WebKitGTK's navigator.language is "c"), without asking Intl or
// toLocaleString for the default locale; its tooltip names the period and every line's value as
// the app writes them; and a drag across it hands the brushed periods on.

import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChartModel } from "../shared/trendChart";

/** Every locale Intl or toLocale… was asked for, as given (undefined: the default one). */
const asked: unknown[] = [];
const restore: (() => void)[] = [];
const OURS = new Set(["en-GB", "it-IT"]);

function watch<T extends object>(owner: T, name: keyof T & string, localeArg: number) {
  const original = owner[name];
  if (typeof original !== "function") return;
  const wrapped = new Proxy(original, {
    construct(target, args: unknown[]) {
      asked.push(args[localeArg]);
      return Reflect.construct(target as new (...a: unknown[]) => object, args);
    },
    apply(target, self, args: unknown[]) {
      asked.push(args[localeArg]);
      return Reflect.apply(target as (...a: unknown[]) => unknown, self, args);
    },
  });
  Object.defineProperty(owner, name, { value: wrapped, configurable: true, writable: true });
  restore.push(() =>
    Object.defineProperty(owner, name, { value: original, configurable: true, writable: true }),
  );
}

const WEEK = 7 * 86_400_000;

const model: ChartModel = {
  by: "week",
  metric: "dropoff_rate",
  periods: [0, 1, 2, 3].map((index) => ({
    index,
    start_ms: Date.UTC(2026, 2, 2) + index * WEEK,
    end_ms: Date.UTC(2026, 2, 2) + (index + 1) * WEEK,
    settled: index < 3,
  })),
  lines: [
    {
      touchpoint: 1,
      colour: 0,
      values: [10, 12.5, null, 30],
      solid: [10, 12.5, null, null],
      open: [null, null, null, 30],
    },
    {
      touchpoint: 2,
      colour: 1,
      values: [1234.5, 50, 60, 70],
      solid: [1234.5, 50, 60, null],
      open: [null, null, 60, 70],
    },
  ],
};
const names = new Map([
  [1, "Web"],
  [2, "Store"],
]);

let root: Root | null = null;
let host: HTMLDivElement | null = null;

async function draw(onBrush: (a: number, b: number) => void = () => undefined) {
  const { TrendChart } = await import("./TrendChart");
  host = document.createElement("div");
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => {
    root?.render(
      <TrendChart model={model} names={names} onBrush={onBrush} width={600} height={200} />,
    );
  });
  return host;
}

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(window.navigator, "language", { value: "c", configurable: true });
  Object.defineProperty(window.navigator, "languages", { value: ["c"], configurable: true });
  for (const name of [
    "NumberFormat",
    "DateTimeFormat",
    "Collator",
    "PluralRules",
    "RelativeTimeFormat",
    "ListFormat",
    "Segmenter",
    "DisplayNames",
  ] as const)
    watch(Intl, name, 0);
  watch(Number.prototype, "toLocaleString", 0);
  watch(Date.prototype, "toLocaleString", 0);
  watch(Date.prototype, "toLocaleDateString", 0);
  watch(Date.prototype, "toLocaleTimeString", 0);
  watch(String.prototype, "localeCompare", 1);
});

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

afterAll(() => restore.forEach((undo) => undo()));

describe("the Trends chart under a system locale that is not a language tag", () => {
  it("is the locale that broke uPlot: Intl throws for it", () => {
    expect(() => new Intl.NumberFormat(navigator.language)).toThrow(RangeError);
  });

  it("loads and draws every line, asking Intl only for the app's own locales", async () => {
    asked.length = 0;
    const shown = await draw();
    const lines = shown.querySelectorAll("path[data-testid=trends-line]");
    expect(lines).toHaveLength(2);
    expect([...lines].map((l) => l.getAttribute("data-values"))).toEqual([
      "[10,12.5,null,30]",
      "[1234.5,50,60,70]",
    ]);
    expect(lines[0]?.getAttribute("stroke")).toBe("#0072b2");
    // The weeks that are not settled are drawn dashed, apart.
    expect(shown.querySelectorAll("path[data-testid=trends-line-open]")).toHaveLength(2);
    expect(shown.textContent).toContain("2 Mar 2026");
    expect(shown.textContent).toContain("%");
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((l) => !(typeof l === "string" && OURS.has(l)))).toEqual([]);
  });

  it("shows the period and every line's value under the pointer, as the app writes them", async () => {
    asked.length = 0;
    const shown = await draw();
    const wrapper = shown.querySelector(".recharts-wrapper");
    // jsdom lays nothing out: the chart is at the page's origin, so client x is the chart's x.
    // The plot spans x 76 to 584; week 2 (index 1) is a third of the way along.
    await act(async () => {
      wrapper?.dispatchEvent(
        new MouseEvent("mousemove", { bubbles: true, clientX: 245, clientY: 80 }),
      );
      await new Promise((done) => setTimeout(done, 50));
    });
    const tooltip = shown.querySelector("[data-testid=trends-tooltip]");
    expect(tooltip?.textContent).toContain("Week of 9 Mar 2026");
    expect(tooltip?.textContent).toContain("Web12.5%");
    expect(tooltip?.textContent).toContain("Store50.0%");
    expect(asked.filter((l) => !(typeof l === "string" && OURS.has(l)))).toEqual([]);
  });

  it("hands on the first and last period of a drag, in order", async () => {
    const brushed: [number, number][] = [];
    const shown = await draw((a, b) => brushed.push([a, b]));
    // The plot's rectangle is at x 76, 508 wide, as the chart drew it.
    const plot = shown.querySelector("rect[pointer-events=none]");
    expect(plot).not.toBeNull();
    if (plot)
      plot.getBoundingClientRect = () =>
        ({ left: 76, width: 508, top: 8, height: 162, right: 584, bottom: 170 }) as DOMRect;
    const chart = shown.querySelector("[data-testid=trends-chart]");
    const at = (type: string, clientX: number, target: EventTarget | null | undefined) =>
      act(() => {
        target?.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX, button: 0 }));
      });
    // From week 4 back to week 2: the brush shows while dragging.
    at("pointerdown", 580, chart);
    at("pointermove", 300, document);
    expect(shown.querySelector("[data-testid=trends-brush]")).not.toBeNull();
    at("pointerup", 250, document);
    expect(brushed).toEqual([[1, 3]]);
    expect(shown.querySelector("[data-testid=trends-brush]")).toBeNull();
    // A click is no brush.
    at("pointerdown", 250, chart);
    at("pointerup", 251, document);
    expect(brushed).toHaveLength(1);
    // A press, move and release that come at once, before React draws again, are one brush.
    act(() => {
      for (const [type, x, target] of [
        ["pointerdown", 245, chart],
        ["pointermove", 420, document],
        ["pointerup", 420, document],
      ] as const)
        target?.dispatchEvent(new MouseEvent(type, { bubbles: true, clientX: x, button: 0 }));
    });
    expect(brushed).toEqual([
      [1, 3],
      [1, 2],
    ]);
  });
});
