// The native Open and Save dialogs (tauri-plugin-dialog). They return a path, or null when the
// user cancels; the engine reads and writes the files, the UI never touches their content.

import { open, save } from "@tauri-apps/plugin-dialog";

export type FileKind = { name: string; extensions: string[] };

export const CSV: FileKind = { name: "CSV", extensions: ["csv", "tsv", "txt"] };

/**
 * What the import reads: CSV, XES, JSON Lines and Parquet, plain or compressed with gzip or zstd
 * (`.csv.gz`, `.xes.gz`, `.jsonl.zst`). The engine tells them apart by content, not by name.
 */
export const LOGS: FileKind = {
  name: "Logs (CSV, XES, JSON Lines, Parquet)",
  extensions: ["csv", "tsv", "txt", "xes", "jsonl", "ndjson", "json", "parquet", "gz", "zst"],
};

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
