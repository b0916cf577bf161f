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

/** The message to show for anything a command threw. */
export function errorMessage(error: unknown): string {
  if (isApiError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The commands more than one mode asks. */
export const api = {
  workspaceSummary: commands.workspaceSummary,
  journey: commands.journey,
  report: commands.report,
  prepareAnalysis: commands.prepareAnalysis,
};
