// The File menu at the left of the top bar: New workspace…, Open…, Save as… through the native
// dialogs, and the recent workspaces. Ctrl/Cmd+O opens and Ctrl/Cmd+Shift+S saves as from
// anywhere (not while a dialog or Present covers the app). A refused file leaves the current
// workspace open; the error says so.

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, isApiError } from "../api";
import { useErrorText } from "../errors";
import { pickFile, pickSavePath, workspaceFiles } from "../dialogs";
import type { RecentWorkspace, WorkspaceSummary } from "../generated/types";
import { fill, translate, type Language, type MessageKey } from "../i18n";
import { workspaceApi } from "./api";
import {
  EXTENSION,
  nextFocus,
  shortcut,
  shortcutLabel,
  stem,
  workspacePath,
  type Command,
} from "./menu";
import "./workspace.css";

type Failure = { title: MessageKey; text: string };

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

/** Whether something modal covers the app (a dialog, Present): shortcuts then wait. */
function covered(): boolean {
  return document.querySelector("[aria-modal=true], [data-testid=present]") !== null;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function FileMenu({ onSwitched, language }: { onSwitched: () => void; language: Language }) {
  const errorMessage = useErrorText();
  const t = useCallback((key: MessageKey) => translate(language, key), [language]);
  const [open, setOpen] = useState(false);
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const recentId = useId();

  // The open workspace's path, for the window title and the name proposed by Save as.
  const showing = useCallback((summary: WorkspaceSummary) => {
    setCurrent(summary.path);
    void getCurrentWindow()
      .setTitle(`${baseName(summary.path)} — Percorso`)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    api
      .workspaceSummary()
      .then(showing)
      .catch(() => undefined);
  }, [showing]);

  const close = useCallback((focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }, []);

  const switched = useCallback(
    (summary: WorkspaceSummary) => {
      showing(summary);
      setFailure(null);
      onSwitched();
    },
    [onSwitched, showing],
  );

  /** Runs one switch, keeping the current workspace and showing why when it is refused. */
  const attempt = useCallback(
    async (title: MessageKey, target: string, action: () => Promise<WorkspaceSummary>) => {
      setBusy(true);
      try {
        switched(await action());
      } catch (e) {
        const text =
          isApiError(e) && e.code === "workspace_exists"
            ? fill(t("workspace.error.exists"), { name: baseName(target) })
            : errorMessage(e);
        setFailure({ title, text });
      } finally {
        setBusy(false);
      }
    },
    [switched, t, errorMessage],
  );

  const run = useCallback(
    async (command: Command) => {
      close(false);
      const kinds = [workspaceFiles(t("workspace.filter"))];
      if (command === "open") {
        const path = await pickFile(t("workspace.dialog.open"), kinds);
        if (path) await attempt("workspace.error.open", path, () => workspaceApi.open(path));
        return;
      }
      const proposed =
        command === "new"
          ? t("workspace.name.new")
          : fill(t("workspace.name.copy"), { name: current ? stem(current) : "Percorso" });
      const title = command === "new" ? t("workspace.dialog.new") : t("workspace.dialog.save_as");
      const chosen = await pickSavePath(title, proposed + EXTENSION, kinds);
      if (!chosen) return;
      const { path, replace } = workspacePath(chosen);
      if (command === "new") {
        await attempt("workspace.error.new", path, () => workspaceApi.create(path, replace));
      } else {
        await attempt("workspace.error.save_as", path, () => workspaceApi.saveAs(path, replace));
      }
    },
    [attempt, close, current, t],
  );

  const openRecent = (entry: RecentWorkspace) => {
    if (!entry.exists) return;
    close(false);
    void attempt("workspace.error.open", entry.path, () => workspaceApi.open(entry.path));
  };

  const forget = async (entry: RecentWorkspace) => {
    try {
      await workspaceApi.forget(entry.path);
      setRecent(await workspaceApi.recent());
    } catch (e) {
      setFailure({ title: "workspace.error.forget", text: errorMessage(e) });
    }
    button.current?.focus();
  };

  // Ctrl/Cmd+O and Ctrl/Cmd+Shift+S from anywhere in the window.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = shortcut(event);
      if (!command || busy || covered()) return;
      event.preventDefault();
      void run(command);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, run]);

  // A click anywhere outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open, close]);

  // The recent list is read each time the menu opens: files may have moved meanwhile.
  useEffect(() => {
    if (!open) return;
    let live = true;
    workspaceApi
      .recent()
      .then((list) => live && setRecent(list))
      .catch(() => live && setRecent([]));
    return () => {
      live = false;
    };
  }, [open]);

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? []);

  // The first item takes the focus when the menu opens, and again once the recent list arrives.
  useEffect(() => {
    if (open && !menu.current?.contains(document.activeElement)) items()[0]?.focus();
  }, [open, recent]);

  const onMenuKey = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === "Tab") {
      close(false);
      return;
    }
    const all = items();
    const next = nextFocus(
      event.key,
      all.indexOf(document.activeElement as HTMLElement),
      all.length,
    );
    if (next !== null) {
      event.preventDefault();
      all[next]?.focus();
    }
  };

  const item = (command: Command, label: MessageKey) => (
    <button
      type="button"
      role="menuitem"
      className="file-menu-item"
      disabled={busy}
      data-testid={`file-${command.replace("_", "-")}`}
      onClick={() => void run(command)}
    >
      <span>{t(label)}</span>
      {command !== "new" && <kbd>{shortcutLabel(command, MAC)}</kbd>}
    </button>
  );

  return (
    <div className="file-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="top-bar-button file-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy}
        data-testid="file-menu"
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          } else if (event.key === "Escape" && open) {
            event.preventDefault();
            close(true);
          }
        }}
      >
        {t("workspace.menu")}
        <span className="file-menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={t("workspace.menu.label")}
          className="file-menu-list"
          data-testid="file-menu-list"
          onKeyDown={onMenuKey}
        >
          {item("new", "workspace.new")}
          {item("open", "workspace.open")}
          {item("save_as", "workspace.save_as")}
          <div role="separator" className="file-menu-separator" />
          <div role="group" aria-labelledby={recentId}>
            <div id={recentId} role="presentation" className="file-menu-heading">
              {t("workspace.recent")}
            </div>
            {recent && recent.length === 0 && (
              <div role="presentation" className="file-menu-empty">
                {t("workspace.recent.none")}
              </div>
            )}
            {recent?.map((entry) => (
              <div role="none" className="file-menu-recent" key={entry.path}>
                <button
                  type="button"
                  role="menuitem"
                  className="file-menu-item"
                  title={entry.path}
                  aria-disabled={!entry.exists || busy}
                  aria-current={entry.path === current ? "true" : undefined}
                  data-testid="recent-workspace"
                  data-path={entry.path}
                  data-missing={!entry.exists}
                  onClick={() => openRecent(entry)}
                >
                  <span className="file-menu-name">{entry.name}</span>
                  {entry.path === current && (
                    <span className="file-menu-current">{t("workspace.recent.current")}</span>
                  )}
                  {!entry.exists && (
                    <span className="file-menu-missing">{t("workspace.recent.missing")}</span>
                  )}
                </button>
                {!entry.exists && (
                  <button
                    type="button"
                    role="menuitem"
                    className="file-menu-forget"
                    aria-label={fill(t("workspace.recent.forget"), { name: entry.name })}
                    title={fill(t("workspace.recent.forget"), { name: entry.name })}
                    data-testid="forget-recent"
                    onClick={() => void forget(entry)}
                  >
                    ×
                  </button>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
      {failure && (
        <div
          className="message message-error file-menu-error"
          role="alert"
          data-testid="file-error"
        >
          <h1>{t(failure.title)}</h1>
          <p>{failure.text}</p>
          {current && <p>{fill(t("workspace.error.still_open"), { name: baseName(current) })}</p>}
          <button type="button" onClick={() => setFailure(null)} data-testid="file-error-close">
            {t("workspace.error.close")}
          </button>
        </div>
      )}
    </div>
  );
}
