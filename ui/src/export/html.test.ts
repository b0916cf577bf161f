import { describe, expect, it } from "vitest";
import type { HtmlMap, Params, Report, SavedView, Story } from "../generated/types";
import { translate, type Language, type MessageKey } from "../i18n";
import { DEFAULT_PARAMS } from "../shared/params";
import { journeyOf, nodeOf, reportOf, touchpointOf } from "../shared/fixtures";
import { pictureOf, stagePages, type ExportSource } from "./build";
import { htmlPage } from "./html";
import { mapSvg } from "./picture";
import { formatDifference } from "../shared/overlay";

const en = (key: MessageKey) => translate("en", key);
const it_ = (key: MessageKey) => translate("it", key);
const NOW = new Date(Date.UTC(2026, 9, 31));

const journey = journeyOf({
  name: "Retail <journey>",
  stages: [
    { id: 1, name: "Discover <b>now</b>" },
    { id: 2, name: "Buy" },
  ],
  touchpoints: [
    touchpointOf(10, 1, { name: "<b>Shop</b>", entry: true }),
    touchpointOf(11, 2, { name: "Checkout", goal: true, channel: "store", kind: "physical" }),
    touchpointOf(12, 2, { name: "Never seen", channel: "email" }),
  ],
  transitions: [
    { id: 1, from: 10, to: 11 },
    { id: 2, from: 10, to: 12 },
  ],
});

/** A report with touchpoints 10 and 11 (not 12), and a funnel for both stages. */
const report: Report = reportOf(
  [
    nodeOf(10, {
      touchpoint: "<b>Shop</b>",
      customers: 1234,
      events: 5678,
      reach_pct: 42.5,
      engagement_rate: 12.5,
      dropoff_rate: 33.3,
      stalled_now: 7,
      median_next_s: 3 * 3600 + 20 * 60,
    }),
    nodeOf(11, {
      touchpoint: "Checkout",
      customers: 800,
      events: 900,
      reach_pct: 27.5,
      engagement_rate: null,
      dropoff_rate: 0,
      completed_here: 640,
      median_next_s: null,
      goal: true,
    }),
  ],
  {
    as_of: "2026-10-30T00:00:00Z",
    customers: 2909,
    stages: [
      {
        stage: "Discover",
        stage_id: 1,
        reached: 2909,
        current: 10,
        dropped: 300,
        completed: 0,
        conversion_next: 27.5,
      },
      {
        stage: "Buy",
        stage_id: 2,
        reached: 800,
        current: 5,
        dropped: 0,
        completed: 640,
        conversion_next: null,
      },
    ],
  },
);

const analyze: ExportSource = {
  mode: "analyze",
  journey,
  report,
  params: DEFAULT_PARAMS,
  metric: "dropoff_rate",
};

function touchpoint(map: HtmlMap, id: number) {
  const found = map.touchpoints.find((tp) => tp.id === id);
  if (!found) throw new Error(`no touchpoint ${id}`);
  return found;
}

function figures(map: HtmlMap, id: number): Record<string, string> {
  return Object.fromEntries(touchpoint(map, id).figures.map((f) => [f.key, f.value]));
}

describe("the interactive HTML page", () => {
  it("words each touchpoint's figures from its node, as the inspector does", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    const shop = touchpoint(page.map, 10);
    expect(shop.figures).toEqual([
      { key: "customers", label: "Customers reached", value: "1,234" },
      { key: "events", label: "Events", value: "5,678" },
      { key: "reach_pct", label: "Share of all customers", value: "42.5%" },
      { key: "engagement_rate", label: "Engagement rate", value: "12.5%" },
      { key: "dropoff_rate", label: "Drop-off rate", value: "33.3%" },
      { key: "stalled_now", label: "Stalled now", value: "7" },
      { key: "median_next_s", label: "Median time to next step", value: "3 h 20 min" },
      { key: "channel", label: "Channel · Kind", value: "Website · Digital" },
    ]);
    expect(shop.headline).toBe("33.3%");
    expect(shop.stage).toBe("Discover <b>now</b>");
    // A goal shows who completed there, not the stalled (always 0 at a goal).
    expect(figures(page.map, 11)).toEqual({
      customers: "800",
      events: "900",
      reach_pct: "27.5%",
      engagement_rate: "—",
      dropoff_rate: "0.0%",
      completed_here: "640",
      median_next_s: "—",
      channel: "Store · Physical",
    });
  });

  it("writes numbers as the language does", () => {
    const page = htmlPage(analyze, it_, "it", NOW);
    expect(page.language).toBe("it");
    expect(figures(page.map, 10)).toMatchObject({
      customers: "1.234",
      reach_pct: "42,5%",
      channel: "Sito web · Digitale",
    });
    expect(touchpoint(page.map, 10).figures[0]!.label).toBe("Clienti raggiunti");
  });

  it("keeps a touchpoint the report does not have, with no figures", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    expect(page.map.touchpoints.map((tp) => tp.id)).toEqual([10, 11, 12]);
    const unseen = touchpoint(page.map, 12);
    expect(unseen.figures).toEqual([]);
    expect(unseen.headline).toBe("—");
    expect(unseen.name).toBe("Never seen");
  });

  it("leaves names as plain text: the drawing escapes them", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    expect(page.title).toBe("Retail <journey>");
    expect(touchpoint(page.map, 10).name).toBe("<b>Shop</b>");
    expect(page.stages[0]!.title).toBe("Discover <b>now</b>");
    expect(page.map.svg).toContain("&lt;b&gt;Shop&lt;/b&gt;");
    expect(page.map.svg).not.toContain("<b>");
    expect(page.map.svg).not.toContain("<journey>");
  });

  it("draws the map and words the lines exactly as the image exports do", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    const picture = pictureOf(analyze, en, "en", NOW);
    // Bare: the page says the title and lines above the map.
    expect(page.map.svg).toBe(mapSvg({ ...picture, bare: true }));
    expect(page.map.svg).not.toContain(picture.lines[0]!);
    expect(page.lines).toEqual(picture.lines);
    expect(page.lines[0]).toContain("Drop-off rate");
    expect(page.story).toBeNull();
  });

  it("groups each touchpoint of the map once, for the page to find", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    for (const id of [10, 11, 12]) {
      expect(page.map.svg.split(`<g data-touchpoint="${id}">`)).toHaveLength(2);
    }
    expect(page.map.svg.match(/data-touchpoint=/g)).toHaveLength(3);
  });

  it("has the stage cards of the PDF, each figure with its key", () => {
    const page = htmlPage(analyze, en, "en", NOW);
    const pages = stagePages(analyze, en, "en");
    expect(page.stages).toEqual(pages);
    expect(page.stages[0]!.figures.map((f) => f.key)).toEqual([
      "reached",
      "conversion",
      "dropped",
      "completed",
      "worst_stall",
    ]);
    expect(page.stages[0]!.figures[0]!.value).toBe("2,909");
    expect(page.stages[0]!.figures[1]!.value).toBe("27.5%");
    expect(page.stages[1]!.figures.find((f) => f.key === "completed")!.value).toBe("640");
    expect(page.stages[0]!.rows[0]![0]).toBe("<b>Shop</b>");
  });

  it("words its own labels in the language", () => {
    const english = htmlPage(analyze, en, "en", NOW).labels;
    const italian = htmlPage(analyze, it_, "it", NOW).labels;
    for (const [key, value] of Object.entries(english)) {
      expect(value, key).not.toBe("");
      expect(italian[key as keyof typeof italian], key).not.toBe(value);
    }
  });

  it("shows the design without data: channel and kind, no stage figures", () => {
    const design: ExportSource = { mode: "design", journey };
    const page = htmlPage(design, en, "en", NOW);
    expect(touchpoint(page.map, 11).headline).toBe("Store");
    expect(touchpoint(page.map, 11).figures).toEqual([
      { key: "channel", label: "Channel", value: "Store" },
      { key: "kind", label: "Kind", value: "Physical" },
    ]);
    expect(page.lines).toEqual(pictureOf(design, en, "en", NOW).lines);
    expect(page.stages.every((s) => s.figures.length === 0)).toBe(true);
    expect(page.map.svg.match(/data-touchpoint=/g)).toHaveLength(3);
  });
});

describe("the page's story", () => {
  const north: Params = {
    ...DEFAULT_PARAMS,
    segments: [{ attribute: "region", value: "North" }],
  };
  const views: SavedView[] = [
    {
      id: 1,
      name: "All, drop-off",
      state: { params: DEFAULT_PARAMS, metric: "dropoff_rate", trends: false },
    },
    {
      id: 2,
      name: "North, engagement",
      state: { params: north, metric: "engagement_rate", trends: false },
    },
  ];
  const northReport: Report = reportOf(
    [
      nodeOf(10, {
        customers: 55,
        events: 60,
        dropoff_rate: 10,
        engagement_rate: 80,
        stalled_now: 2,
      }),
      nodeOf(12, { customers: 5, events: 5, dropoff_rate: 100 }),
    ],
    { as_of: "2026-10-30T00:00:00Z" },
  );
  const story: Story = {
    id: 7,
    title: "Q3 review",
    slides: [
      { view: 1, title: "", note: "Where we lose <people>" },
      { view: 2, title: "The North", note: "" },
      { view: 99, title: "Gone", note: "" },
    ],
  };
  const reports = new Map<number, Report>([
    [1, report],
    [2, northReport],
  ]);

  function page(language: Language = "en") {
    return htmlPage(analyze, language === "en" ? en : it_, language, NOW, {
      story,
      views,
      reports,
    });
  }

  it("has one slide per slide whose view exists, titled as Present titles it", () => {
    const told = page().story!;
    expect(told.title).toBe("Q3 review");
    expect(told.slides.map((s) => s.title)).toEqual(["All, drop-off", "The North"]);
    expect(told.slides[0]!.note).toBe("Where we lose <people>");
  });

  it("gives each slide its own view's report, metric and filters", () => {
    const [all, northSlide] = page().story!.slides;
    expect(figures(all!.map, 10).customers).toBe("1,234");
    expect(figures(northSlide!.map, 10)).toMatchObject({
      customers: "55",
      events: "60",
      dropoff_rate: "10.0%",
      engagement_rate: "80.0%",
      stalled_now: "2",
    });
    // Touchpoint 12 is in the North's report only; 11 in the first report only.
    expect(figures(all!.map, 12)).toEqual({});
    expect(figures(northSlide!.map, 12).customers).toBe("5");
    expect(figures(northSlide!.map, 11)).toEqual({});
    // The map's headline is the view's metric.
    expect(touchpoint(all!.map, 10).headline).toBe("33.3%");
    expect(touchpoint(northSlide!.map, 10).headline).toBe("80.0%");
    expect(all!.lines).toEqual([
      expect.stringContaining("Drop-off rate"),
      "All customers, all channels, all dates",
    ]);
    expect(northSlide!.lines).toEqual([
      expect.stringContaining("Engagement rate"),
      "Segments: region = North",
    ]);
  });

  it("draws each slide's map with its own ids and every touchpoint grouped once", () => {
    const built = page();
    const [all, northSlide] = built.story!.slides;
    expect(built.map.svg).toContain('id="arrow"');
    expect(all!.map.svg).toContain('id="s1-arrow"');
    expect(northSlide!.map.svg).toContain('id="s2-arrow"');
    expect(northSlide!.map.svg).toContain('id="s2-scale"');
    for (const slide of [all!, northSlide!]) {
      expect(slide.map.svg.match(/data-touchpoint=/g)).toHaveLength(3);
      expect(slide.map.touchpoints.map((tp) => tp.id)).toEqual([10, 11, 12]);
    }
    // The filter "region = North" is said by the slide's lines, above its bare map.
    expect(northSlide!.lines.join(" ")).toContain("region = North");
    expect(northSlide!.map.svg).not.toContain("region = North");
  });

  it("leaves out of a slide's map what its view's sliders hid, and says so", () => {
    const edge = {
      from: "<b>Shop</b>",
      to: "Never seen",
      from_touchpoint_id: 10,
      to_touchpoint_id: 12,
      count: 5,
      customers: 5,
      share: 100,
      median_s: null,
      p90_s: null,
      designed: true,
    };
    const simplifiedViews = views.map((v) =>
      v.id === 2 ? { ...v, state: { ...v.state, touchpoints_pct: 50 } } : v,
    );
    const told = htmlPage(analyze, en, "en", NOW, {
      story,
      views: simplifiedViews,
      reports: new Map([
        [1, report],
        [2, { ...northReport, edges: [edge] }],
      ]),
    }).story!;
    const [all, northSlide] = told.slides;
    // Touchpoint 12 reached 5 customers of the North, the last half of its two touchpoints.
    expect(northSlide!.map.touchpoints.map((tp) => tp.id)).toEqual([10, 11]);
    expect(northSlide!.map.svg).not.toContain('data-touchpoint="12"');
    expect(northSlide!.map.svg).toContain('data-touchpoint="10"');
    expect(northSlide!.lines).toContain(
      "Simplified: 1 of 2 touchpoints and 0 of 1 transitions drawn",
    );
    // The first view never moved a slider, and a small report is drawn whole by default.
    expect(all!.map.touchpoints.map((tp) => tp.id)).toEqual([10, 11, 12]);
    expect(all!.lines.join(" ")).not.toContain("Simplified");
  });

  it("never hides the touchpoint a view selected, however rare", () => {
    const selecting = views.map((v) =>
      v.id === 2 ? { ...v, state: { ...v.state, touchpoints_pct: 50, selected: 12 } } : v,
    );
    const told = htmlPage(analyze, en, "en", NOW, { story, views: selecting, reports }).story!;
    expect(told.slides[1]!.map.touchpoints.map((tp) => tp.id)).toEqual([10, 11, 12]);
  });

  it("colours a comparing view's slide by B − A and says what B is", () => {
    const south: Params = { ...north, segments: [{ attribute: "region", value: "South" }] };
    const comparing = views.map((v) =>
      v.id === 2
        ? {
            ...v,
            state: { ...v.state, compare: { kind: "segments" as const, segments: south.segments } },
          }
        : v,
    );
    const southReport = reportOf([nodeOf(10, { customers: 40, engagement_rate: 50 })], {
      as_of: "2026-10-30T00:00:00Z",
    });
    const told = htmlPage(analyze, en, "en", NOW, {
      story,
      views: comparing,
      reports,
      compared: new Map([[2, southReport]]),
    }).story!;
    const [all, northSlide] = told.slides;
    expect(northSlide!.lines).toContain(
      "Compared with B: Segments: region = South; the colour is B − A",
    );
    // The North's 80.0% against the South's 50.0%: B − A is 30 points less.
    const headline = touchpoint(northSlide!.map, 10).headline;
    expect(headline).toBe(formatDifference("en", "engagement_rate", -30));
    expect(headline).toContain("30");
    expect(northSlide!.map.svg).toContain("B − A");
    // A view that does not compare is drawn as before.
    expect(all!.lines.join(" ")).not.toContain("Compared");
    expect(touchpoint(all!.map, 10).headline).toBe("33.3%");
  });
});
