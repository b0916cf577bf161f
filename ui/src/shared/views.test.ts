import { describe, expect, it } from "vitest";
import type { Dimensions, Journey, ViewState } from "../generated/types";
import { DEFAULT_PARAMS, withDates } from "./params";
import {
  compareState,
  defaultName,
  fromViewState,
  missingParts,
  noteText,
  showsView,
  toViewState,
  withoutMissing,
  type AnalyzeState,
} from "./views";

const NORTH = { attribute: "region", value: "North" };
const SOUTH = { attribute: "region", value: "South" };

const analyzing: AnalyzeState = {
  params: { ...withDates(DEFAULT_PARAMS, "2026-01-01", "2026-03-31"), segments: [NORTH] },
  metric: "engagement_rate",
  compare: { kind: "segments", segments: [SOUTH] },
  simplify: { transitions: 40 },
  selected: 7,
  customer: "C-001",
  viewport: { x: -120, y: 16, zoom: 0.8 },
  trends: true,
};

const plain: AnalyzeState = {
  params: DEFAULT_PARAMS,
  metric: "dropoff_rate",
  compare: null,
  simplify: {},
  selected: null,
  customer: null,
  viewport: null,
  trends: false,
};

const dimensions: Dimensions = {
  attributes: [{ name: "region", values: ["North", "South"] }],
  channels: ["store", "web"],
};

const journey = { touchpoints: [{ id: 7 }] } as unknown as Journey;

describe("a view's state", () => {
  it("keeps every piece of Analyze and gives it back", () => {
    const view = toViewState(analyzing);
    expect(view).toEqual({
      params: analyzing.params,
      metric: "engagement_rate",
      compare: { kind: "segments", segments: [SOUTH] },
      transitions_pct: 40,
      selected: 7,
      customer: "C-001",
      viewport: { x: -120, y: 16, zoom: 0.8 },
      trends: true,
    });
    expect(fromViewState(view)).toEqual({ ...analyzing, simplify: { transitions: 40 } });
  });

  it("leaves out what is unset, so that the engine stores none", () => {
    expect(toViewState(plain)).toEqual({
      params: DEFAULT_PARAMS,
      metric: "dropoff_rate",
      trends: false,
    });
  });

  it("reads the engine's nulls as unset, and an unknown metric as the first", () => {
    const stored = {
      params: DEFAULT_PARAMS,
      metric: "future_metric",
      compare: null,
      transitions_pct: null,
      touchpoints_pct: 25,
      selected: null,
      customer: null,
      viewport: null,
      trends: false,
    } as unknown as ViewState;
    const state = fromViewState(stored);
    expect(state).toEqual({ ...plain, simplify: { touchpoints: 25 } });
    expect(state.simplify.transitions).toBeUndefined();
  });

  it("takes Compare's B from the kind chosen, and none when Compare is off", () => {
    const dates = { from_ms: 1, to_ms: 2 };
    expect(compareState(false, "segments", [SOUTH], dates)).toBeNull();
    expect(compareState(true, "segments", [SOUTH], dates)).toEqual({
      kind: "segments",
      segments: [SOUTH],
    });
    expect(compareState(true, "dates", [SOUTH], dates)).toEqual({
      kind: "dates",
      from_ms: 1,
      to_ms: 2,
    });
  });
});

describe("whether Analyze still shows a view", () => {
  const opened = toViewState(analyzing);

  it("holds whatever order the keys came in", () => {
    const reversed = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).reverse()) as T;
    const now = { ...reversed(opened), params: reversed(opened.params) };
    expect(Object.keys(now)).not.toEqual(Object.keys(opened));
    expect(showsView(now, opened)).toBe(true);
  });

  it("ends when a filter, the metric or the map's position changes", () => {
    expect(showsView({ ...opened, metric: "reach" }, opened)).toBe(false);
    expect(showsView({ ...opened, params: { ...opened.params, channels: ["web"] } }, opened)).toBe(
      false,
    );
    expect(showsView({ ...opened, viewport: { x: -300, y: 16, zoom: 0.8 } }, opened)).toBe(false);
    expect(showsView({ ...opened, viewport: { x: -120.2, y: 16, zoom: 0.8 } }, opened)).toBe(true);
  });

  it("ignores the map's position for a view saved without one", () => {
    expect(showsView(opened, { ...opened, viewport: undefined })).toBe(true);
  });
});

describe("what a view asks for that is gone", () => {
  const view = (over: Partial<ViewState>): ViewState => ({ ...toViewState(plain), ...over });

  it("is nothing when the log and the map still have it all", () => {
    expect(missingParts(toViewState(analyzing), dimensions, journey)).toEqual([]);
  });

  it("names segments, compared segments, channels and the selected touchpoint", () => {
    const gone = { attribute: "region", value: "East" };
    const state = view({
      params: { ...DEFAULT_PARAMS, segments: [gone, NORTH], channels: ["kiosk", "web"] },
      compare: { kind: "segments", segments: [{ attribute: "tier", value: "Gold" }] },
      selected: 99,
    });
    expect(missingParts(state, dimensions, journey)).toEqual([
      { kind: "segment", segment: gone },
      { kind: "channel", channel: "kiosk" },
      { kind: "compare_segment", segment: { attribute: "tier", value: "Gold" } },
      { kind: "touchpoint", touchpoint: 99 },
    ]);
  });

  it("does not judge the filters before the log's dimensions are known", () => {
    const state = view({ params: { ...DEFAULT_PARAMS, channels: ["kiosk"] }, selected: 99 });
    expect(missingParts(state, null, journey)).toEqual([{ kind: "touchpoint", touchpoint: 99 }]);
  });

  it("is dropped from the state, the rest kept", () => {
    const state = view({
      params: { ...DEFAULT_PARAMS, segments: [{ attribute: "region", value: "East" }, NORTH] },
      compare: { kind: "segments", segments: [{ attribute: "region", value: "East" }, SOUTH] },
      metric: "reach",
      selected: 99,
    });
    const kept = withoutMissing(state, missingParts(state, dimensions, journey));
    expect(kept.params.segments).toEqual([NORTH]);
    expect(kept.compare).toEqual({ kind: "segments", segments: [SOUTH] });
    expect(kept.selected).toBeUndefined();
    expect(kept.metric).toBe("reach");
    expect(state.selected).toBe(99);
  });

  it("is said in a note, in either language", () => {
    const one = noteText("en", "North, last quarter", [{ kind: "segment", segment: NORTH }]);
    expect(one).toBe(
      "“North, last quarter”: segment region = North is no longer in the log; shown without it.",
    );
    const two = noteText("it", "<b>Q1</b>", [
      { kind: "channel", channel: "kiosk" },
      { kind: "touchpoint", touchpoint: 99 },
    ]);
    expect(two).toBe(
      "«<b>Q1</b>»: il canale kiosk non è più nel registro; il punto di contatto selezionato non è più sulla mappa; la vista è mostrata senza.",
    );
  });
});

describe("the name offered for a new view", () => {
  it("says what the filters keep", () => {
    expect(defaultName("en", toViewState(analyzing), [])).toBe("North, 1 Jan 2026 – 31 Mar 2026");
    const channel = { ...toViewState(plain), params: { ...DEFAULT_PARAMS, channels: ["web"] } };
    expect(defaultName("it", channel, [])).toBe("web");
    const from = withDates(DEFAULT_PARAMS, "2026-03-05", "");
    expect(defaultName("en", { ...toViewState(plain), params: from }, [])).toBe("5 Mar 2026 – …");
  });

  it("is numbered without filters, and never one already taken", () => {
    expect(defaultName("en", toViewState(plain), ["Launch"])).toBe("View 2");
    expect(defaultName("it", toViewState(plain), ["Vista 2", "x"])).toBe("Vista 3");
    const north = { ...toViewState(plain), params: { ...DEFAULT_PARAMS, segments: [NORTH] } };
    expect(defaultName("en", north, ["North", "North (2)"])).toBe("North (3)");
  });
});
