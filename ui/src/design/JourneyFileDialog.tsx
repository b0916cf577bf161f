// Exporting a journey to a JSON file, or importing one: the path is typed or chosen in the native
// dialog, and the outcome (the file written, or what is wrong with the file read) is shown here.

import { useEffect, useRef, useState } from "react";
import { useErrorText } from "../errors";
import { pickFile, pickSavePath, type FileKind } from "../dialogs";
import type { Journey, JourneyId } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";
import { designApi } from "./api";

export const JOURNEY_FILE: FileKind = { name: "Percorso journey", extensions: ["json"] };

/** Characters file systems refuse in a name; control characters are among them on purpose. */
// eslint-disable-next-line no-control-regex
const REFUSED = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** A file name for a journey: its name without the characters file systems refuse. */
export function journeyFileName(name: string): string {
  const cleaned = name.replace(REFUSED, " ").replace(/\s+/g, " ").trim();
  return `${cleaned === "" ? "journey" : cleaned.slice(0, 80)}.json`;
}

type Props =
  | { mode: "export"; journey: Journey; onClose: () => void }
  | { mode: "import"; onImported: (journey: JourneyId) => void; onClose: () => void };

export function JourneyFileDialog(props: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const exporting = props.mode === "export";
  useEffect(() => dialog.current?.focus(), []);

  const choose = async () => {
    const chosen = exporting
      ? await pickSavePath(t("design.file.export_title"), journeyFileName(props.journey.name), [
          JOURNEY_FILE,
        ])
      : await pickFile(t("design.file.import_title"), [JOURNEY_FILE]);
    if (chosen) setPath(chosen);
  };

  const run = async () => {
    const target = path.trim();
    if (!target || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      if (props.mode === "export") {
        await designApi.exportJourney(props.journey.id, target);
        setMessage({ tone: "info", text: fill(t("design.journey.exported"), { path: target }) });
      } else {
        const added = await designApi.importJourney(target);
        props.onImported(added.id);
      }
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="import-backdrop" role="presentation">
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="journey-file-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="journey-file-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") props.onClose();
        }}
      >
        <h1 id="journey-file-title">
          {t(exporting ? "design.file.export_title" : "design.file.import_title")}
        </h1>
        <p className="export-note">
          {t(exporting ? "design.file.export_note" : "design.file.import_note")}
        </p>
        <div className="export-path">
          <label className="export-field">
            <span>{t("design.file.path")}</span>
            <input
              type="text"
              value={path}
              spellCheck={false}
              placeholder={exporting ? journeyFileName(props.journey.name) : "journey.json"}
              onChange={(e) => setPath(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") void run();
              }}
              data-testid="journey-file-path"
            />
          </label>
          <button type="button" onClick={() => void choose()}>
            {t("design.file.choose")}
          </button>
        </div>
        {message && (
          <p
            className={`import-notice import-notice-${message.tone}`}
            role={message.tone === "error" ? "alert" : "status"}
            data-testid="journey-file-message"
          >
            {message.text}
          </p>
        )}
        <footer className="export-footer">
          <button type="button" onClick={props.onClose} data-testid="journey-file-close">
            {t(message?.tone === "info" ? "design.file.done" : "design.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !path.trim()}
            onClick={() => void run()}
            data-testid="journey-file-run"
          >
            {t(exporting ? "design.file.export" : "design.file.import")}
          </button>
        </footer>
      </div>
    </div>
  );
}
