// Typed calls to the desktop shell. Every command's request and response types come from the
// generated Rust bindings; errors arrive as ApiError {code, message}.

import { invoke } from "@tauri-apps/api/core";
import type {
  ApiError,
  CustomerPath,
  Journey,
  JourneyId,
  Params,
  Report,
  WorkspaceSummary,
} from "./generated/types";

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

export const api = {
  workspaceSummary: () => invoke<WorkspaceSummary>("workspace_summary"),
  journey: (id: JourneyId) => invoke<Journey>("journey", { id }),
  report: (journey: JourneyId, params: Params) => invoke<Report>("report", { journey, params }),
  customerPath: (journey: JourneyId, customer: string) =>
    invoke<CustomerPath>("customer_path", { journey, customer }),
};
