// The export dialog: what to export, where (typed, or chosen in the native Save dialog), and a
// confirmation naming the file written. The map is exported as it is shown now; the interactive
// HTML page may add one of the journey's stories, each slide with its own view's report.

import { useEffect, useRef, useState } from "react";
import { api } from "../api";
import { DEFAULT_PARAMS, paramsKey } from "../shared/params";
import { viewParamsB } from "../shared/views";
import { useErrorText } from "../errors";
import { pickSavePath } from "../dialogs";
import type { Paper, Params, Report, ReportTable } from "../generated/types";
import { fill, formatBytes, type Language } from "../i18n";
import { useT } from "../language";
import { exportApi } from "./api";
import { exportPages, type ExportSource } from "./build";
import { htmlPage, type StorySource } from "./html";
import "./export.css";

type Kind = "png" | "svg" | "pdf" | "html" | "csv" | "json";
const KINDS: Kind[] = ["png", "svg", "pdf", "html", "csv", "json"];
const TABLES: ReportTable[] = ["touchpoints", "transitions", "stages", "unmapped"];

interface Props {
  source: ExportSource;
  language: Language;
  onClose: () => void;
}

/** A file name from the journey's name, without characters file systems refuse. */
export function suggestedName(journey: string, kind: Kind, table: ReportTable): string {
  const base = journey.replace(/[\\/:*?"<>|]+/g, " ").trim() || "journey";
  return kind === "csv" ? `${base} - ${table}.csv` : `${base}.${kind}`;
}

export function ExportDialog({ source, language, onClose }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [kind, setKind] = useState<Kind>("png");
  const [paper, setPaper] = useState<Paper>("a4");
  const [table, setTable] = useState<ReportTable>("touchpoints");
  const [path, setPath] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{
    tone: "error" | "info";
    text: string;
    /** The size of the HTML page written, in bytes. */
    bytes?: number;
  } | null>(null);
  // The story the HTML page tells: "" for none, else the story's id.
  const [storyId, setStoryId] = useState("");
  // The reports of the story views' filters (A's and, where a view compares, B's), by filters.
  const reports = useRef(new Map<string, Report>());
  const dialog = useRef<HTMLDivElement>(null);
  const { stories, views } = source.journey;

  useEffect(() => {
    dialog.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const choose = async () => {
    const chosen = await pickSavePath(
      t("export.title"),
      suggestedName(source.journey.name, kind, table),
      [{ name: kind.toUpperCase(), extensions: [kind] }],
    );
    if (chosen) setPath(chosen);
  };

  /** The report of `params`, fetched once while the dialog is open. */
  const reportOf = async (params: Params): Promise<Report> => {
    const key = paramsKey(params);
    const known = reports.current.get(key);
    if (known) return known;
    const report = await api.report(source.journey.id, params);
    reports.current.set(key, report);
    return report;
  };

  /** The chosen story with the reports of each of its slides' views: A's and, if it compares, B's. */
  const storySource = async (): Promise<StorySource | null> => {
    const story = stories.find((s) => String(s.id) === storyId);
    if (!story) return null;
    const shown = views.filter((v) => story.slides.some((slide) => slide.view === v.id));
    const fetched = await Promise.all(
      shown.map(async (view) => {
        const paramsB = viewParamsB(view.state);
        const [a, b] = await Promise.all([
          reportOf(view.state.params),
          paramsB ? reportOf(paramsB) : null,
        ]);
        return { id: view.id, a, b };
      }),
    );
    return {
      story,
      views,
      reports: new Map(fetched.map((f) => [f.id, f.a])),
      compared: new Map(fetched.flatMap((f) => (f.b ? [[f.id, f.b] as const] : []))),
    };
  };

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      if (kind === "html") {
        const page = htmlPage(source, t, language, new Date(), await storySource());
        const bytes = await exportApi.html(page, path);
        setMessage({
          tone: "info",
          text: fill(t("export.saved_size"), { path, size: formatBytes(language, bytes) }),
          bytes,
        });
        return;
      }
      if (kind === "csv" || kind === "json") {
        const params = source.mode === "analyze" ? source.params : DEFAULT_PARAMS;
        await exportApi.report(source.journey.id, params, kind, table, language, path);
      } else {
        const pages = exportPages(source, t, language, kind === "pdf", new Date());
        await exportApi.map(kind, pages, paper, path);
      }
      setMessage({ tone: "info", text: fill(t("export.saved"), { path }) });
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
        aria-labelledby="export-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="export-dialog"
      >
        <h1 id="export-title">{t("export.title")}</h1>
        <p className="export-note">
          {fill(t("export.shows"), {
            mode: t(source.mode === "analyze" ? "export.mode.analyze" : "export.mode.design"),
          })}
        </p>
        <fieldset className="export-kinds">
          <legend>{t("export.what")}</legend>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="export-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`export-kind-${k}`}
              />
              <span>
                {t(`export.${k}`)}
                {k === "html" && (
                  <span className="export-kind-detail">{t("export.html_note")}</span>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        {kind === "pdf" && (
          <label className="export-field">
            <span>{t("export.paper")}</span>
            <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
            </select>
          </label>
        )}
        {kind === "html" && (
          <>
            {stories.length > 0 && (
              <label className="export-field">
                <span>{t("export.story")}</span>
                <select
                  value={storyId}
                  onChange={(e) => setStoryId(e.target.value)}
                  data-testid="export-story"
                >
                  <option value="">{t("export.story.none")}</option>
                  {stories.map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {storyId !== "" && <p className="export-note">{t("export.story_note")}</p>}
          </>
        )}
        {kind === "csv" && (
          <>
            <label className="export-field">
              <span>{t("export.table")}</span>
              <select
                value={table}
                onChange={(e) => setTable(e.target.value as ReportTable)}
                data-testid="export-table"
              >
                {TABLES.map((tb) => (
                  <option key={tb} value={tb}>
                    {t(`export.table.${tb}`)}
                  </option>
                ))}
              </select>
            </label>
            <p className="export-note">{t("export.csv_note")}</p>
          </>
        )}
        <div className="export-path">
          <label className="export-field">
            <span>{t("export.path")}</span>
            <input
              type="text"
              value={path}
              spellCheck={false}
              onChange={(e) => setPath(e.target.value)}
              placeholder={suggestedName(source.journey.name, kind, table)}
              data-testid="export-path"
            />
          </label>
          <button type="button" onClick={() => void choose()}>
            {t("export.choose")}
          </button>
        </div>
        {message && (
          <p
            className={`import-notice import-notice-${message.tone}`}
            role={message.tone === "error" ? "alert" : "status"}
            data-testid="export-message"
            data-bytes={message.bytes}
          >
            {message.text}
          </p>
        )}
        <footer className="export-footer">
          <button type="button" onClick={onClose} data-testid="export-close">
            {t("export.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !path.trim()}
            onClick={() => void run()}
            data-testid="export-run"
          >
            {t("export.run")}
          </button>
        </footer>
      </div>
    </div>
  );
}
