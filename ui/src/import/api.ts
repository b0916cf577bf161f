// Typed calls to the import commands of the desktop shell.

import { Channel, invoke } from "@tauri-apps/api/core";
import type {
  Channel as TouchpointChannel,
  Detection,
  Edited,
  ImportSettings,
  ImportSummary,
  JourneyId,
  Overrides,
  Progress,
  RejectedPage,
  StageId,
  TouchpointId,
} from "../generated/types";

export const importApi = {
  detect: (path: string, overrides: Overrides) =>
    invoke<Detection>("import_detect", { path, overrides }),
  preview: (path: string, settings: ImportSettings) =>
    invoke<Detection>("import_preview", { path, settings }),
  /** Starts import `id` (see {@link nextImportId}); `cancel(id)` stops it, even before it starts. */
  run: (id: number, path: string, settings: ImportSettings, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return invoke<ImportSummary>("import_run", { id, path, settings, onProgress: channel });
  },
  cancel: (id: number) => invoke<void>("import_cancel", { id }),
  rejected: (source: number | null, offset: number, limit: number) =>
    invoke<RejectedPage>("rejected_rows", { source, offset, limit }),
  exportRejected: (source: number | null, path: string) =>
    invoke<void>("export_rejected", { source, path }),
  mapValue: (touchpoint: TouchpointId, value: string) =>
    invoke<void>("map_value", { touchpoint, value }),
  createTouchpoint: (
    journey: JourneyId,
    stage: StageId | null,
    value: string,
    channel: TouchpointChannel | null,
  ) => invoke<Edited>("create_touchpoint", { journey, stage, value, channel }),
  timezones: () => invoke<string[]>("timezones"),
};

let lastImportId = Date.now();

/** A number no other import of this window has used. */
export function nextImportId(): number {
  lastImportId += 1;
  return lastImportId;
}
