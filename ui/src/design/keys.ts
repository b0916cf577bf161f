// The design editor's keyboard shortcuts and the words for its undo history.

import { EDIT_KINDS } from "../generated/constants";
import type { EditKind } from "../generated/types";
import type { MessageKey } from "../i18n";

export type Action =
  "undo" | "redo" | "delete" | "copy" | "cut" | "paste" | "select_all" | "escape";

interface Key {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * What a key press asks the map for: Ctrl (Cmd on a Mac) with Z undoes, with Shift+Z or Y
 * redoes; Delete and Backspace delete the selection; C, X, V, A copy, cut, paste, select all.
 */
export function shortcut(e: Key): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod && key === "z") return e.shiftKey ? "redo" : "undo";
  if (mod && key === "y" && !e.shiftKey) return "redo";
  if (mod && !e.shiftKey) {
    if (key === "c") return "copy";
    if (key === "x") return "cut";
    if (key === "v") return "paste";
    if (key === "a") return "select_all";
  }
  if (!mod && (key === "Delete" || key === "Backspace")) return "delete";
  if (!mod && key === "Escape") return "escape";
  return null;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** How far an arrow key moves the selected cards: 10 units, 50 with Shift; null for other keys. */
export function arrowMove(e: Key): { dx: number; dy: number } | null {
  const arrow = ARROWS[e.key];
  if (!arrow || e.ctrlKey || e.metaKey || e.altKey) return null;
  const step = e.shiftKey ? 50 : 10;
  return { dx: arrow[0] * step, dy: arrow[1] * step };
}

/** The words for each kind of edit in the undo history. */
const KIND_MESSAGES: Record<EditKind, MessageKey> = {
  rename_journey: "edit.rename_journey",
  edit_journey_description: "edit.journey_description",
  add_stage: "edit.add_stage",
  rename_stage: "edit.rename_stage",
  reorder_stages: "edit.reorder_stages",
  delete_stage: "edit.delete_stage",
  add_touchpoint: "edit.add_touchpoint",
  edit_touchpoint: "edit.edit_touchpoint",
  move_touchpoint: "edit.move_touchpoint",
  rename_touchpoint: "edit.rename_touchpoint",
  delete_touchpoint: "edit.delete_touchpoint",
  add_transition: "edit.add_transition",
  delete_transition: "edit.delete_transition",
  add_persona: "edit.add_persona",
  edit_persona: "edit.edit_persona",
  delete_persona: "edit.delete_persona",
  delete_selection: "edit.delete_selection",
  paste: "edit.paste",
  tidy_layout: "edit.tidy",
  several: "edit.several",
  discover_journey: "edit.discover_journey",
  save_view: "edit.save_view",
  update_view: "edit.update_view",
  rename_view: "edit.rename_view",
  reorder_views: "edit.reorder_views",
  delete_view: "edit.delete_view",
  add_note: "edit.add_note",
  delete_note: "edit.delete_note",
  save_story: "edit.save_story",
  update_story: "edit.update_story",
  delete_story: "edit.delete_story",
};

/** The history's entry (the label the engine stores with an edit) in the UI language. */
export function historyLabel(label: string, t: (key: MessageKey) => string): string {
  const kind = EDIT_KINDS.find((k) => k.label === label)?.kind;
  return kind === undefined ? label : t(KIND_MESSAGES[kind]);
}
