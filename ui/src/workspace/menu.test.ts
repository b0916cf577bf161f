import { describe, expect, it } from "vitest";
import { nextFocus, shortcut, shortcutLabel, stem, workspacePath } from "./menu";

const press = (
  key: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe("the File menu's shortcuts", () => {
  it("open with Ctrl+O or Cmd+O and save as with Ctrl/Cmd+Shift+S", () => {
    expect(shortcut(press("o", { ctrl: true }))).toBe("open");
    expect(shortcut(press("O", { meta: true }))).toBe("open");
    expect(shortcut(press("S", { ctrl: true, shift: true }))).toBe("save_as");
    expect(shortcut(press("s", { meta: true, shift: true }))).toBe("save_as");
  });

  it("leave every other key alone, plain Ctrl+S included", () => {
    expect(shortcut(press("o"))).toBeNull();
    expect(shortcut(press("s", { ctrl: true }))).toBeNull();
    expect(shortcut(press("O", { ctrl: true, shift: true }))).toBeNull();
    expect(shortcut(press("o", { ctrl: true, alt: true }))).toBeNull();
    expect(shortcut(press("p", { ctrl: true }))).toBeNull();
  });

  it("are written the way each system writes them", () => {
    expect(shortcutLabel("open", false)).toBe("Ctrl+O");
    expect(shortcutLabel("save_as", true)).toBe("⇧⌘S");
  });
});

describe("the path a workspace is written to", () => {
  it("keeps a .percorso path and the dialog's consent to replace it", () => {
    expect(workspacePath("/home/ada/Retail.percorso")).toEqual({
      path: "/home/ada/Retail.percorso",
      replace: true,
    });
    expect(workspacePath("C:\\Users\\ada\\Retail.PERCORSO")).toEqual({
      path: "C:\\Users\\ada\\Retail.PERCORSO",
      replace: true,
    });
  });

  it("adds the extension, and then never replaces a file the dialog did not ask about", () => {
    expect(workspacePath("/home/ada/Retail")).toEqual({
      path: "/home/ada/Retail.percorso",
      replace: false,
    });
    expect(workspacePath("/home/ada/notes.txt")).toEqual({
      path: "/home/ada/notes.txt.percorso",
      replace: false,
    });
  });

  it("names a copy after the file without its folder or extension", () => {
    expect(stem("/home/ada/Retail 2026.percorso")).toBe("Retail 2026");
    expect(stem("C:\\w\\demo.percorso")).toBe("demo");
    expect(stem("/tmp/plain")).toBe("plain");
  });
});

describe("moving through the menu with the keyboard", () => {
  it("wraps around at both ends and jumps with Home and End", () => {
    expect(nextFocus("ArrowDown", -1, 4)).toBe(0);
    expect(nextFocus("ArrowDown", 3, 4)).toBe(0);
    expect(nextFocus("ArrowUp", 0, 4)).toBe(3);
    expect(nextFocus("ArrowUp", -1, 4)).toBe(3);
    expect(nextFocus("Home", 2, 4)).toBe(0);
    expect(nextFocus("End", 0, 4)).toBe(3);
  });

  it("ignores other keys and empty menus", () => {
    expect(nextFocus("a", 1, 4)).toBeNull();
    expect(nextFocus("ArrowDown", 0, 0)).toBeNull();
  });
});
