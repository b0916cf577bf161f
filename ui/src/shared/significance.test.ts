import { describe, expect, it } from "vitest";
import type { ChangeMetric, Differences, NodeChange } from "../generated/types";
import { translate, type MessageKey } from "../i18n";
import { nodeOf, reportOf } from "./fixtures";
import { nodeLooks } from "./overlay";
import {
  changeMetricOf,
  changeMetricOfRow,
  nodeSignificance,
  qText,
  significanceOf,
  verdictText,
} from "./significance";

function test(
  touchpoint_id: number,
  metric: ChangeMetric,
  q_value: number,
  p_value = q_value / 2,
): NodeChange {
  return {
    touchpoint: `T${touchpoint_id}`,
    touchpoint_id,
    metric,
    a: 10,
    b: 20,
    a_count: 10,
    a_total: 100,
    b_count: 20,
    b_total: 100,
    p_value,
    q_value,
    significant: q_value < 0.05,
  };
}

const differences: Differences = {
  min_count: 30,
  dropoff_compared: true,
  untested: 1,
  edges: [],
  nodes: [
    test(1, "dropoff_rate", 0.0004, 0.0001),
    test(1, "reach_pct", 0.32),
    test(2, "engagement_rate", 0.049),
  ],
};

describe("which differences are significant", () => {
  it("maps the map's proportions to the engine's metrics, and no other", () => {
    // The map's reach is a count of customers, not the tested share.
    expect(changeMetricOf("reach")).toBeNull();
    expect(changeMetricOf("dropoff_rate")).toBe("dropoff_rate");
    expect(changeMetricOf("engagement_rate")).toBe("engagement_rate");
    expect(changeMetricOf("median_next_s")).toBeNull();
    expect(changeMetricOf("stalled_now")).toBeNull();
    expect(changeMetricOf("value_mean")).toBeNull();
    expect(changeMetricOfRow("reach_pct")).toBe("reach_pct");
    expect(changeMetricOfRow("customers")).toBeNull();
  });

  it("tells significant, noise and untested apart", () => {
    expect(significanceOf(differences, 1, "dropoff_rate")).toBe("significant");
    expect(significanceOf(differences, 1, "reach_pct")).toBe("noise");
    expect(significanceOf(differences, 2, "engagement_rate")).toBe("significant");
    // Not tested: too small a denominator, another touchpoint, no proportion, no answer yet.
    expect(significanceOf(differences, 1, "engagement_rate")).toBe("untested");
    expect(significanceOf(differences, 3, "dropoff_rate")).toBe("untested");
    expect(significanceOf(differences, 1, null)).toBe("untested");
    expect(significanceOf(null, 1, "dropoff_rate")).toBe("untested");
  });

  it("keeps the p- and q-values for the tooltip, in the language", () => {
    const t = (key: MessageKey) => translate("en", key);
    const noise = nodeSignificance(differences, 1, "reach_pct");
    expect(noise).toEqual({ kind: "noise", p: 0.16, q: 0.32 });
    expect(noise && verdictText(t, "en", noise)).toBe("may be chance (q = 0.32)");
    const significant = nodeSignificance(differences, 1, "dropoff_rate");
    expect(significant && verdictText(t, "en", significant)).toBe("significant, p < 0.001");
    expect(qText("it", 0.0042)).toBe("q = 0,004");
    expect(nodeSignificance(differences, 1, null)).toBeNull();
  });

  it("marks the map's nodes only in compare mode and for a proportion", () => {
    const a = reportOf([nodeOf(1, { dropoff_rate: 10, customers: 50 }), nodeOf(2)]);
    const b = reportOf([nodeOf(1, { dropoff_rate: 20, customers: 40 }), nodeOf(2)]);
    const dropoff = nodeLooks("en", "dropoff_rate", a, b, differences);
    expect(dropoff.byTouchpoint.get(1)?.significance?.kind).toBe("significant");
    expect(dropoff.byTouchpoint.get(2)?.significance).toBeNull();
    // The map's reach is a count: its difference is not the tested share, so it has no mark.
    const reach = nodeLooks("en", "reach", a, b, differences);
    expect(reach.byTouchpoint.get(1)?.significance).toBeNull();
    const time = nodeLooks("en", "median_next_s", a, b, differences);
    expect(time.byTouchpoint.get(1)?.significance).toBeNull();
    const alone = nodeLooks("en", "dropoff_rate", a, null, differences);
    expect(alone.byTouchpoint.get(1)?.significance).toBeNull();
  });
});
