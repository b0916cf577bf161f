// Typed calls to the workspace file commands. `replace` says that the user already agreed to
// replace an existing file (the native Save dialog asks); the open workspace is never replaced.

import { invoke } from "@tauri-apps/api/core";
import type { RecentWorkspace, WorkspaceSummary } from "../generated/types";

export const workspaceApi = {
  open: (path: string) => invoke<WorkspaceSummary>("open_workspace", { path }),
  create: (path: string, replace: boolean) =>
    invoke<WorkspaceSummary>("new_workspace", { path, replace }),
  saveAs: (path: string, replace: boolean) =>
    invoke<WorkspaceSummary>("save_workspace_as", { path, replace }),
  recent: () => invoke<RecentWorkspace[]>("recent_workspaces"),
  forget: (path: string) => invoke<void>("forget_recent", { path }),
};
