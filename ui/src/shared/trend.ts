// One touchpoint's metric through the periods of a trend, as the charts draw it.

import type { TouchpointId, Trend } from "../generated/types";
import { metricValue, type Metric } from "./scales";

export interface Series {
  /** Each period's first instant (UTC milliseconds). */
  starts: number[];
  values: (number | null)[];
  settled: boolean[];
}

/** One touchpoint's `metric` in every period of `trend`. */
export function seriesOf(trend: Trend, touchpoint: TouchpointId, metric: Metric): Series {
  return {
    starts: trend.periods.map((p) => p.start_ms),
    values: trend.periods.map((p) => {
      const node = p.report.nodes.find((n) => n.touchpoint_id === touchpoint);
      return node ? metricValue(node, metric) : null;
    }),
    settled: trend.periods.map((p) => p.settled),
  };
}
