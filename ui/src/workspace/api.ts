// Typed calls to the workspace file commands. `replace` says that the user already agreed to
// replace an existing file (the native Save dialog asks); the open workspace is never replaced.

import * as commands from "../generated/commands";

export const workspaceApi = {
  open: commands.openWorkspace,
  create: commands.newWorkspace,
  saveAs: commands.saveWorkspaceAs,
  recent: commands.recentWorkspaces,
  forget: commands.forgetRecent,
};
