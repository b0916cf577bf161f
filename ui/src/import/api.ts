// The import commands; a run reports its progress through a channel.

import { Channel } from "@tauri-apps/api/core";
import * as commands from "../generated/commands";
import type { ImportSettings, Progress } from "../generated/types";

export const importApi = {
  detect: commands.importDetect,
  preview: commands.importPreview,
  /** Starts import `id` (see {@link nextImportId}); `cancel(id)` stops it, even before it starts. */
  run: (id: number, path: string, settings: ImportSettings, onProgress: (p: Progress) => void) => {
    const channel = new Channel<Progress>();
    channel.onmessage = onProgress;
    return commands.importRun(id, path, settings, channel);
  },
  cancel: commands.importCancel,
  rejected: commands.rejectedRows,
  exportRejected: commands.exportRejected,
  mapValue: commands.mapValue,
  createTouchpoint: commands.createTouchpoint,
  /** For each log value the journey lacks, the stage where customers meet it. */
  suggestStages: commands.suggestStages,
  timezones: commands.timezones,
};

let lastImportId = Date.now();

/** A number no other import of this window has used. */
export function nextImportId(): number {
  lastImportId += 1;
  return lastImportId;
}
