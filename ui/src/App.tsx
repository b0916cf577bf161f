import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { api } from "./api";
import { errorText } from "./errors";
import type {
  Journey,
  JourneyId,
  Params,
  SparkSource,
  StoryId,
  WorkspaceSummary,
} from "./generated/types";
import { initialLanguage, LANGUAGES, translate, type Language } from "./i18n";
import { LanguageContext } from "./language";
import { DesignView } from "./design/DesignView";
import { JourneyList } from "./design/JourneyList";
import { fileName } from "./import/wizard";
import { ModeSwitch, type Mode } from "./shared/ModeSwitch";
import type { ExportSource } from "./export/build";
import { FileMenu } from "./workspace/FileMenu";
import { sparkApi } from "./spark/api";

// Analyze, Present, the import wizard and the export dialog load when first opened, so that the
// window paints the map sooner.
const loadAnalyzeView = () => import("./analyze/AnalyzeView");
const AnalyzeView = lazy(() => loadAnalyzeView().then((m) => ({ default: m.AnalyzeView })));
const Present = lazy(() => import("./present/Present").then((m) => ({ default: m.Present })));
const ImportWizard = lazy(() =>
  import("./import/ImportWizard").then((m) => ({ default: m.ImportWizard })),
);
const ExportDialog = lazy(() =>
  import("./export/ExportDialog").then((m) => ({ default: m.ExportDialog })),
);
const SparkDialog = lazy(() =>
  import("./spark/SparkDialog").then((m) => ({ default: m.SparkDialog })),
);

type Loaded = {
  summary: WorkspaceSummary;
  journey: Journey | null;
  /** The workspace's Spark connection, on which Analyze computes when there is one. */
  spark: SparkSource | null;
};

/** The workspace and a journey of it (the one named, or the first), with its Spark connection. */
async function loadWorkspace(journeyId?: JourneyId): Promise<Loaded> {
  const [summary, spark] = await Promise.all([
    api.workspaceSummary(),
    // A connection that cannot be read leaves Analyze on the workspace's own log; the dialog
    // asks again, and connecting reports any real problem.
    sparkApi.connection().catch(() => null),
  ]);
  const id = journeyId ?? summary.journeys[0]?.id;
  const journey = id === undefined ? null : await api.journey(id);
  return { summary, journey, spark };
}

export function App() {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(navigator.language));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  /** Why the workspace could not be shown; worded at render, in the language of the moment. */
  const [error, setError] = useState<unknown>(null);
  /** The import wizard when open, with the file dropped on the window if any. */
  const [importing, setImporting] = useState<{ path: string | null } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mode, setMode] = useState<Mode>("design");
  const [exporting, setExporting] = useState<ExportSource | null>(null);
  /** Whether the "Connect to Spark…" dialog is open. */
  const [connecting, setConnecting] = useState(false);
  /** The dialog's answer: the connection stored in the workspace now, or none. */
  const sparkChanged = (spark: SparkSource | null) => {
    setConnecting(false);
    setLoaded((current) => (current === null ? current : { ...current, spark }));
  };
  /** What Analyze shows now; Design exports the journey itself. */
  const analyzed = useRef<ExportSource | null>(null);
  /** Analyze's filters, which Present follows when it is entered from Analyze. */
  const [analyzeParams, setAnalyzeParams] = useState<Params | null>(null);
  const showAnalyzed = useCallback((source: ExportSource | null) => {
    analyzed.current = source;
    setAnalyzeParams(source?.mode === "analyze" ? source.params : null);
  }, []);
  /** The mode to come back to when leaving Present. */
  const [before, setBefore] = useState<Exclude<Mode, "present">>("design");
  /** The story Present opens on, when entered from a story's ▶ in Analyze. */
  const [presentStory, setPresentStory] = useState<StoryId | null>(null);
  const switchMode = (next: Mode) => {
    if (mode !== "present" && next === "present") setBefore(mode);
    if (next !== "present") setPresentStory(null);
    setMode(next);
  };
  const presentStoryOf = (story: StoryId) => {
    switchMode("present");
    setPresentStory(story);
  };
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);

  const show = useCallback((loading: Promise<Loaded>) => {
    loading.then(setLoaded, (e: unknown) => setError(e ?? "error"));
  }, []);

  const open = useCallback(
    (journeyId?: JourneyId) => {
      setError(null);
      show(loadWorkspace(journeyId));
    },
    [show],
  );

  useEffect(() => {
    show(loadWorkspace());
  }, [show]);

  // A file dropped anywhere on the window opens the import wizard on it.
  useEffect(() => {
    const unlisten = getCurrentWebview().onDragDropEvent((event) => {
      const { payload } = event;
      if (payload.type === "enter" || payload.type === "over") setDragging(true);
      else if (payload.type === "leave") setDragging(false);
      else if (payload.type === "drop") {
        setDragging(false);
        const [path] = payload.paths;
        if (path) setImporting({ path });
      }
    });
    return () => {
      void unlisten.then((stop) => stop());
    };
  }, []);

  // The engine's journey after an edit: the map, the sidebar's counts and every mode follow it.
  const edited = useCallback((journey: Journey) => {
    setLoaded((current) =>
      current === null
        ? current
        : {
            ...current,
            journey,
            summary: {
              ...current.summary,
              journeys: current.summary.journeys.map((j) =>
                j.id === journey.id
                  ? {
                      ...j,
                      name: journey.name,
                      stages: journey.stages.length,
                      touchpoints: journey.touchpoints.length,
                      transitions: journey.transitions.length,
                    }
                  : j,
              ),
            },
          },
    );
  }, []);
  // Analyze's first numbers are computed, and its code loaded, while the user is still in Design:
  // on a log of millions of events that is seconds saved when Analyze opens. After an edit it
  // waits for a pause, so that a burst of edits does not rebuild the analysis each time.
  const shownPath = loaded?.summary.path;
  const shownJourney = loaded?.journey;
  const prepared = useRef<string | null>(null);
  useEffect(() => {
    if (!shownJourney) return;
    const key = `${shownPath}#${shownJourney.id}`;
    const first = prepared.current !== key;
    prepared.current = key;
    const timer = window.setTimeout(
      () => {
        void loadAnalyzeView();
        api.prepareAnalysis(shownJourney.id).catch(() => {
          // Nothing to show here: Analyze asks again when it opens and shows the error there.
        });
      },
      first ? 0 : 2000,
    );
    return () => window.clearTimeout(timer);
  }, [shownPath, shownJourney]);
  const reopen = useCallback((journeyId?: JourneyId) => open(journeyId), [open]);

  const closeImport = (changed: boolean, journey?: JourneyId) => {
    setImporting(null);
    if (journey !== undefined) open(journey);
    else if (changed) open(loaded?.journey?.id);
  };

  return (
    <LanguageContext.Provider value={language}>
      <div className="app">
        <header className="top-bar">
          <div className="brand">
            <img src="/icon.png" alt="" width={26} height={26} />
            <span>Percorso</span>
          </div>
          <FileMenu onSwitched={() => open()} language={language} />
          {loaded && (
            <span className="workspace-name" title={loaded.summary.path}>
              {fileName(loaded.summary.path)}
            </span>
          )}
          {loaded?.journey && <ModeSwitch mode={mode} onChange={switchMode} />}
          <div className="top-bar-spacer" />
          {loaded?.journey && (
            <button
              type="button"
              className="top-bar-button"
              onClick={() => {
                const journey = loaded.journey;
                if (!journey) return;
                setExporting(
                  mode === "analyze" && analyzed.current
                    ? analyzed.current
                    : { mode: "design", journey },
                );
              }}
              data-testid="open-export"
            >
              {t("export.open")}
            </button>
          )}
          <button
            type="button"
            className="top-bar-button"
            onClick={() => setImporting({ path: null })}
            data-testid="open-import"
          >
            {t("import.open")}
          </button>
          {loaded?.journey && (
            <button
              type="button"
              className="top-bar-button"
              onClick={() => setConnecting(true)}
              title={t("spark.open_title")}
              data-testid="open-spark"
            >
              {t("spark.open")}
            </button>
          )}
          {loaded && mode !== "design" && loaded.summary.journeys.length > 0 && (
            <label className="field">
              <span>{t("journey.select")}</span>
              <select
                value={loaded.journey?.id ?? ""}
                onChange={(e) => open(Number(e.target.value))}
              >
                {loaded.summary.journeys.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="field">
            <span>{t("language")}</span>
            <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === "en" ? "English" : "Italiano"}
                </option>
              ))}
            </select>
          </label>
        </header>
        <main className="workspace">
          {error !== null && (
            <div className="message message-error" role="alert">
              <h1>{t("app.error.title")}</h1>
              <p>{errorText(language, error)}</p>
              <button type="button" onClick={() => open()}>
                {t("app.error.retry")}
              </button>
            </div>
          )}
          {!error && !loaded && <div className="message">{t("app.loading")}</div>}
          {!error && loaded && !loaded.journey && (
            <>
              <JourneyList
                summary={loaded.summary}
                journey={null}
                onOpen={reopen}
                onProblem={setError}
              />
              <div className="message">{t("map.empty")}</div>
            </>
          )}
          {!error &&
            loaded?.journey &&
            (mode === "analyze" || (mode === "present" && before === "analyze")) && (
              <Suspense fallback={<div className="message">{t("app.loading")}</div>}>
                <AnalyzeView
                  key={`${loaded.summary.path}#${loaded.journey.id}`}
                  journey={loaded.journey}
                  onMapUnmapped={() => setMode("design")}
                  onExportSource={showAnalyzed}
                  spark={loaded.spark}
                  onJourneyEdited={edited}
                  onPresentStory={presentStoryOf}
                />
              </Suspense>
            )}
          {!error &&
            loaded?.journey &&
            (mode === "design" || (mode === "present" && before === "design")) && (
              <DesignView
                key={`${loaded.summary.path}#${loaded.journey.id}`}
                journey={loaded.journey}
                summary={loaded.summary}
                language={language}
                onJourney={edited}
                onOpen={reopen}
              />
            )}
        </main>
        <Suspense fallback={null}>
          {importing && (
            <ImportWizard
              key={importing.path ?? ""}
              initialPath={importing.path}
              language={language}
              onClose={closeImport}
            />
          )}
          {mode === "present" && loaded?.journey && (
            <Present
              journey={loaded.journey}
              language={language}
              filters={before === "analyze" ? analyzeParams : null}
              story={loaded.journey.stories.find((s) => s.id === presentStory) ?? null}
              onExit={() => switchMode(before)}
              onJourneyEdited={edited}
            />
          )}
          {exporting && (
            <ExportDialog
              source={exporting}
              language={language}
              onClose={() => setExporting(null)}
            />
          )}
          {connecting && loaded?.journey && (
            <SparkDialog
              journey={loaded.journey.id}
              current={loaded.spark}
              onClose={() => setConnecting(false)}
              onConnected={sparkChanged}
              onDisconnected={() => sparkChanged(null)}
            />
          )}
        </Suspense>
        {dragging && !importing && (
          <div className="drop-overlay">
            <p>{t("import.drop_here")}</p>
          </div>
        )}
      </div>
    </LanguageContext.Provider>
  );
}
