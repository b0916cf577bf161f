// What the File menu decides without a window: keyboard shortcuts, the file name to write, and
// moving through the menu's items.

export const EXTENSION = ".percorso";

export type Command = "new" | "open" | "save_as";

type Keys = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** The command a key press asks for: Ctrl/Cmd+O opens, Ctrl/Cmd+Shift+S saves as. */
export function shortcut(event: Keys): Command | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "o" && !event.shiftKey) return "open";
  if (key === "s" && event.shiftKey) return "save_as";
  return null;
}

/** How a shortcut is written on this system. */
export function shortcutLabel(command: Command, mac: boolean): string {
  if (command === "open") return mac ? "⌘O" : "Ctrl+O";
  if (command === "save_as") return mac ? "⇧⌘S" : "Ctrl+Shift+S";
  return "";
}

/**
 * The path to write, ending in .percorso. `replace` is whether an existing file there may be
 * replaced: only when the path is the one the Save dialog confirmed, not when the extension was
 * added after the dialog closed (the dialog never asked about that file).
 */
export function workspacePath(chosen: string): { path: string; replace: boolean } {
  if (chosen.toLowerCase().endsWith(EXTENSION)) return { path: chosen, replace: true };
  return { path: chosen + EXTENSION, replace: false };
}

/** The file name without its folder and without .percorso. */
export function stem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.toLowerCase().endsWith(EXTENSION) ? name.slice(0, -EXTENSION.length) : name;
}

/** The index of the item focused after `key`, among `count` items, from `current` (−1: none). */
export function nextFocus(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return (current + 1) % count;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
