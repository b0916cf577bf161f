// The export commands.

import * as commands from "../generated/commands";

export const exportApi = {
  map: commands.exportMap,
  report: commands.exportReport,
  /** The interactive HTML page; resolves to the file's size in bytes. */
  html: commands.exportHtml,
};
