// The export commands.

import * as commands from "../generated/commands";

export const exportApi = {
  map: commands.exportMap,
  report: commands.exportReport,
};
