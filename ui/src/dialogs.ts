// The native Open and Save dialogs (tauri-plugin-dialog). They return a path, or null when the
// user cancels; the engine reads and writes the files, the UI never touches their content.

import { open, save } from "@tauri-apps/plugin-dialog";

export type FileKind = { name: string; extensions: string[] };

export const CSV: FileKind = { name: "CSV", extensions: ["csv", "tsv", "txt"] };

/** What the import reads: CSV, plain or gzip-compressed (`.csv.gz`). */
export const LOGS: FileKind = { name: "CSV, CSV.GZ", extensions: ["csv", "tsv", "txt", "gz"] };

/** A Percorso workspace; `name` is shown in the dialog, so the caller translates it. */
export function workspaceFiles(name: string): FileKind {
  return { name, extensions: ["percorso"] };
}

/** Asks for one existing file; null when cancelled. */
export async function pickFile(title: string, kinds: FileKind[]): Promise<string | null> {
  const chosen = await open({ title, multiple: false, directory: false, filters: kinds });
  return typeof chosen === "string" ? chosen : null;
}

/** Asks where to write a new file, proposing `defaultName`; null when cancelled. */
export async function pickSavePath(
  title: string,
  defaultName: string,
  kinds: FileKind[],
): Promise<string | null> {
  return await save({ title, defaultPath: defaultName, filters: kinds });
}
