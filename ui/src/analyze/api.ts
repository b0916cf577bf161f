// The commands of the Analyze mode (the engine computes; the UI shows).

import * as commands from "../generated/commands";
import type { CustomerQuery } from "../generated/types";

export const analyzeApi = {
  report: commands.report,
  customers: commands.customers,
  /** Every customer of `query` to a CSV for a spreadsheet in `language` (BOM; `;` and 3,5 in Italian). */
  exportCustomers: commands.exportCustomers,
  histogram: commands.touchpointHistogram,
  dimensions: commands.dimensions,
  timeline: commands.timeline,
  customerPath: commands.customerPath,
  customerSummary: commands.customerSummary,
  paths: commands.paths,
  /** What changed between two periods (two-proportion z-tests, most significant first). */
  changes: commands.changes,
  trend: commands.trend,
  /** Retention and churn of the customers by the week or month they first appeared. */
  cohorts: commands.cohorts,
  /** Which differences between Compare's A and B reports are significant (z-tests, BH q-values). */
  differences: commands.differences,
  /** How far the analysis being built is (null when none is); answers at once. */
  analysisProgress: commands.analysisProgress,
  /** Stops the analysis being built; the reports waiting for it fail with `cancelled`. */
  cancelAnalysis: commands.cancelAnalysis,
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
