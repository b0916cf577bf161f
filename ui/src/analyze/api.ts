// Typed calls of the Analyze mode to the desktop shell (the engine computes; the UI shows).

import { invoke } from "@tauri-apps/api/core";
import type {
  CustomerPage,
  CustomerPath,
  CustomerQuery,
  CustomerRow,
  Dimensions,
  Histogram,
  JourneyId,
  Params,
  Report,
  Timeline,
  TouchpointId,
} from "../generated/types";

export const analyzeApi = {
  report: (journey: JourneyId, params: Params) => invoke<Report>("report", { journey, params }),
  customers: (journey: JourneyId, params: Params, query: CustomerQuery) =>
    invoke<CustomerPage>("customers", { journey, params, query }),
  /** Every customer of `query` to a CSV for a spreadsheet in `language` (BOM; `;` and 3,5 in Italian). */
  exportCustomers: (
    journey: JourneyId,
    params: Params,
    query: CustomerQuery,
    language: string,
    path: string,
  ) => invoke<number>("export_customers", { journey, params, query, language, path }),
  histogram: (journey: JourneyId, params: Params, touchpoint: TouchpointId) =>
    invoke<Histogram>("touchpoint_histogram", { journey, params, touchpoint }),
  dimensions: (journey: JourneyId) => invoke<Dimensions>("dimensions", { journey }),
  timeline: (journey: JourneyId, maxBins: number) =>
    invoke<Timeline>("timeline", { journey, maxBins }),
  customerPath: (journey: JourneyId, customer: string) =>
    invoke<CustomerPath>("customer_path", { journey, customer }),
  customerSummary: (journey: JourneyId, params: Params, customer: string) =>
    invoke<CustomerRow | null>("customer_summary", { journey, params, customer }),
};

export function emptyQuery(over: Partial<CustomerQuery>): CustomerQuery {
  return {
    touchpoint: null,
    stage: null,
    reached_stage: null,
    status: null,
    transition: null,
    sort: "id",
    descending: false,
    offset: 0,
    limit: 0,
    ...over,
  };
}
