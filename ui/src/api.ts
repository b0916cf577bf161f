// Calls to the desktop shell. Every command's function is generated from Rust (generated/commands.ts,
// the only module that calls `invoke`); errors arrive as ApiError {code, message}.

import type { ApiError } from "./generated/types";
import * as commands from "./generated/commands";

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === "object" &&
    value !== null &&
    "code" in value &&
    "message" in value &&
    typeof (value as { message: unknown }).message === "string"
  );
}

/** The commands more than one mode asks. */
export const api = {
  workspaceSummary: commands.workspaceSummary,
  journey: commands.journey,
  report: commands.report,
  prepareAnalysis: commands.prepareAnalysis,
  /** A journey edit from Analyze or Present (views, stories, notes); see shared/useJourneyEdit. */
  applyEdit: commands.applyEdit,
};
