// The Spark commands. The connection lives in the workspace; a report computed on the cluster
// reports its steps through a channel and can be stopped. Analyze asks its questions through
// `analysisOf`, which picks the local engine or Spark.

import { Channel } from "@tauri-apps/api/core";
import * as commands from "../generated/commands";
import type {
  CustomerPage,
  CustomerPath,
  CustomerQuery,
  JourneyId,
  Params,
  Report,
  SparkProgress,
  SparkSource,
} from "../generated/types";
import { analyzeApi } from "../analyze/api";
import type { Run } from "../analyze/latest";

export const sparkApi = {
  /** The workspace's connection, or null. */
  connection: commands.sparkConnection,
  /** Checks the server, the table and its columns, then stores the connection; nothing on error. */
  connect: commands.sparkConnect,
  disconnect: commands.sparkDisconnect,
};

let lastReportId = Date.now();

/** A number no other Spark report of this window has used. */
export function nextSparkReportId(): number {
  lastReportId += 1;
  return lastReportId;
}

/** The report on Spark, with its steps sent to `onProgress`; `cancel` stops it. */
export function sparkReport(
  journey: JourneyId,
  params: Params,
  onProgress: (progress: SparkProgress) => void,
): Run<Report> {
  const id = nextSparkReportId();
  const channel = new Channel<SparkProgress>();
  channel.onmessage = onProgress;
  return {
    promise: commands.sparkReport(id, journey, params, channel),
    cancel: () => commands.sparkCancel(id, journey),
  };
}

/** The questions of Analyze that Spark can answer, asked locally or of the connection. */
export interface Analysis {
  report: (
    journey: JourneyId,
    params: Params,
    onProgress: (progress: SparkProgress) => void,
  ) => Run<Report>;
  customers: (journey: JourneyId, params: Params, query: CustomerQuery) => Promise<CustomerPage>;
  customerPath: (journey: JourneyId, customer: string) => Promise<CustomerPath>;
}

const LOCAL: Analysis = {
  report: (journey, params) => ({
    promise: analyzeApi.report(journey, params),
    cancel: analyzeApi.cancelAnalysis,
  }),
  customers: analyzeApi.customers,
  customerPath: analyzeApi.customerPath,
};

const SPARK: Analysis = {
  report: sparkReport,
  customers: commands.sparkCustomers,
  customerPath: commands.sparkCustomerPath,
};

/** Where Analyze's numbers come from: the workspace's log, or the Spark table when connected. */
export function analysisOf(spark: SparkSource | null): Analysis {
  return spark ? SPARK : LOCAL;
}
