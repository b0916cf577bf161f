// The import wizard: choose a file, check how it will be read, import it with a progress bar
// and Cancel, then settle what it brought: unmatched values and rejected rows. When the import
// made the journey itself, the summary offers to discover one from the log, and opens it.

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { isApiError } from "../api";
import { useErrorText } from "../errors";
import type {
  Detection,
  ImportSettings,
  ImportSummary,
  JourneyId,
  Progress,
} from "../generated/types";
import { fill, type Language } from "../i18n";
import { useT } from "../language";
import { importApi, nextImportId } from "./api";
import { ChooseFile } from "./ChooseFile";
import { SettingsStep } from "./SettingsStep";
import { RunningStep } from "./RunningStep";
import { SummaryStep } from "./SummaryStep";
import { DiscoverDialog } from "../design/DiscoverDialog";
import { NO_OVERRIDES } from "./wizard";
import "./import.css";

type Step =
  | { kind: "choose" }
  | { kind: "settings"; path: string; detection: Detection }
  | {
      kind: "running";
      id: number;
      path: string;
      settings: ImportSettings;
      progress: Progress | null;
    }
  | { kind: "summary"; summary: ImportSummary };

/** A message above the current step: an error, or news such as a cancelled import. */
type Notice = { tone: "error" | "info"; text: string; force?: ImportSettings } | null;

interface Props {
  /** A file dropped on the window, to read at once. */
  initialPath: string | null;
  language: Language;
  /**
   * Called when the wizard closes; `changed` when the workspace changed, `journey` when a journey
   * was discovered from the log, to open.
   */
  onClose: (changed: boolean, journey?: JourneyId) => void;
}

export function ImportWizard({ initialPath, language, onClose }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(Boolean(initialPath));
  const [changed, setChanged] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  /** "Discover the journey" open over the summary. */
  const [discovering, setDiscovering] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  const read = (path: string) => {
    setNotice(null);
    setBusy(true);
    void detect(path);
  };

  /** Reads the file's columns; `busy` is already set. */
  const detect = async (path: string) => {
    try {
      const detection = await importApi.detect(path, NO_OVERRIDES);
      setStep({ kind: "settings", path, detection });
    } catch (e) {
      setNotice({ tone: "error", text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const detectOpened = useEffectEvent((path: string) => void detect(path));
  useEffect(() => {
    // Only the file the wizard was opened with; later drops open a new wizard.
    if (initialPath) detectOpened(initialPath);
  }, [initialPath]);

  const close = () => {
    if (step.kind === "running") return;
    onClose(changed);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      // Escape closes the discovery dialog first, then the wizard.
      if (discovering) setDiscovering(false);
      else close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  useEffect(() => {
    dialog.current?.focus();
  }, [step.kind]);

  const start = async (path: string, settings: ImportSettings, detection: Detection) => {
    setNotice(null);
    setCancelling(false);
    const id = nextImportId();
    setStep({ kind: "running", id, path, settings, progress: null });
    try {
      const summary = await importApi.run(id, path, settings, (progress) =>
        setStep((s) => (s.kind === "running" ? { ...s, progress } : s)),
      );
      setChanged(true);
      setStep({ kind: "summary", summary });
    } catch (e) {
      setStep({ kind: "settings", path, detection: { ...detection, settings } });
      if (isApiError(e) && e.code === "cancelled") {
        setNotice({ tone: "info", text: t("import.cancelled") });
      } else if (isApiError(e) && e.code === "already_imported") {
        setNotice({
          tone: "error",
          text: fill(t("import.already"), { source: e.params.source ?? "" }),
          force: { ...settings, force: true },
        });
      } else {
        setNotice({ tone: "error", text: errorMessage(e) });
      }
    }
  };

  const cancel = async (id: number) => {
    setCancelling(true);
    try {
      await importApi.cancel(id);
    } catch (e) {
      setNotice({ tone: "error", text: errorMessage(e) });
    }
  };

  const steps = ["choose", "settings", "running", "summary"] as const;
  return (
    <>
      <div className="import-backdrop" role="presentation">
        <div
          className="import-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="import-title"
          data-testid="import-wizard"
          tabIndex={-1}
          ref={dialog}
        >
          <header className="import-header">
            <h1 id="import-title">{t("import.title")}</h1>
            <ol className="import-steps">
              {steps.map((s) => (
                <li key={s} className={s === step.kind ? "current" : undefined}>
                  {t(`import.step.${s}`)}
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="icon-button"
              onClick={close}
              disabled={step.kind === "running"}
              aria-label={t("import.close")}
              title={t("import.close")}
            >
              ×
            </button>
          </header>
          {notice && (
            <div
              className={`import-notice import-notice-${notice.tone}`}
              role={notice.tone === "error" ? "alert" : "status"}
              data-testid="import-notice"
            >
              <span>{notice.text}</span>
              {notice.force && step.kind === "settings" && (
                <button
                  type="button"
                  onClick={() =>
                    notice.force && void start(step.path, notice.force, step.detection)
                  }
                >
                  {t("import.force")}
                </button>
              )}
            </div>
          )}
          <div className="import-body">
            {step.kind === "choose" && <ChooseFile busy={busy} onRead={read} />}
            {step.kind === "settings" && (
              <SettingsStep
                path={step.path}
                detection={step.detection}
                language={language}
                onChange={(detection) => setStep({ ...step, detection })}
                onError={(text) => setNotice(text === null ? null : { tone: "error", text })}
                onCancel={close}
                onStart={(settings) => void start(step.path, settings, step.detection)}
              />
            )}
            {step.kind === "running" && (
              <RunningStep
                progress={step.progress}
                language={language}
                cancelling={cancelling}
                onCancel={() => void cancel(step.id)}
              />
            )}
            {step.kind === "summary" && (
              <SummaryStep
                summary={step.summary}
                language={language}
                onChanged={() => setChanged(true)}
                onDone={() => onClose(true)}
                onDiscover={() => setDiscovering(true)}
              />
            )}
          </div>
        </div>
      </div>
      {discovering && (
        <DiscoverDialog
          onCancel={() => setDiscovering(false)}
          onCreated={(journey) => onClose(true, journey)}
        />
      )}
    </>
  );
}
