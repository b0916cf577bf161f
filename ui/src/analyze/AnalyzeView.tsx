// Analyze mode: the designed map with the data on it, the filters above, and a side panel that
// shows the overview, a touchpoint's inspector or a customer's path; on demand, the Trends band
// under the map. Every number comes from the engine through the commands; answers to older
// filters never overwrite newer ones. The simplification sliders thin the drawing of the map,
// never the numbers. Saved views, above the side panel, keep and restore all of this state;
// stories, under them, string saved views into slides for Present.

import {
  lazy,
  Suspense,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { ExportSource } from "../export/build";
import { ReactFlowProvider, type ReactFlowInstance } from "@xyflow/react";
import "./analyze.css";
import type {
  Journey,
  Params,
  Report,
  Segment,
  SparkProgress,
  SparkSource,
  StoryId,
  TouchpointId,
  Viewport,
} from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { AnalyzeMap } from "./AnalyzeMap";
import { pickedSteps } from "./Paths";
import { analyzeApi } from "./api";
import { DEFAULT_PARAMS } from "../shared/params";
import { DateRange, Filters, SegmentSelect, Thresholds } from "./Filters";
import { Inspector } from "./Inspector";
import { useLatest, useLatestRun } from "./latest";
import { Legend, LegendKeys } from "./Legend";
import { CancelledNote } from "./CancelledNote";
import { LoadingStrip } from "./LoadingStrip";
import { nodeLooks, pathSteps } from "../shared/overlay";
import { Overview } from "./Overview";
import { paramsKey } from "../shared/params";
import { PathPanel } from "./PathPanel";
import { useAnalysisProgress } from "./progress";
import { METRICS, type Metric } from "../shared/scales";
import { defaultChoice, FULL, simplify, type SimplifyChoice } from "../shared/simplify";
import { useSimplifyChoice } from "../shared/simplifyChoice";
import {
  comparedParams,
  compareState,
  FIRST_METRIC,
  toViewState,
  type AnalyzeState,
} from "../shared/views";
import { SavedViews } from "./SavedViews";
import { Stories } from "./Stories";
import { Simplify } from "./Simplify";
import { analysisOf } from "../spark/api";
import { SparkContext } from "../spark/context";
import { sourceKey } from "../spark/form";
import { SparkBadge, SparkProgressStrip } from "../spark/SparkStatus";
import { combinedSteps } from "../spark/steps";
import { stageSeries } from "../shared/trend";
import { TrendCache, TrendCacheContext, useTrendFrom } from "./trendCache";

// The chart library loads with the panel, the first time it is opened.
const TrendsPanel = lazy(() => import("./Trends").then((m) => ({ default: m.TrendsPanel })));

type CompareKind = "segments" | "dates";

/** The least denominator, in each report, for a compared proportion to be tested (as "What changed"). */
const DIFFERENCES_MIN_COUNT = 30;

/** What every part of Analyze reads: the Spark connection, and the trends asked so far. */
function AnalyzeContexts({
  spark,
  trends,
  children,
}: {
  spark: SparkSource | null;
  trends: TrendCache;
  children: ReactNode;
}) {
  return (
    <SparkContext.Provider value={spark}>
      <TrendCacheContext.Provider value={trends}>{children}</TrendCacheContext.Provider>
    </SparkContext.Provider>
  );
}

interface Props {
  journey: Journey;
  onMapUnmapped: () => void;
  /** Told what the map shows whenever it changes, so that an export draws exactly that. */
  onExportSource?: (source: ExportSource | null) => void;
  /** The workspace's Spark connection: the report and the customers are computed there. */
  spark: SparkSource | null;
  /** The engine's journey after a saved view or a story was saved, changed or deleted. */
  onJourneyEdited: (journey: Journey) => void;
  /** Opens Present on a story. */
  onPresentStory: (story: StoryId) => void;
}

export function AnalyzeView({
  journey,
  onMapUnmapped,
  onExportSource,
  spark,
  onJourneyEdited,
  onPresentStory,
}: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const [metric, setMetric] = useState<Metric>(FIRST_METRIC);
  const [params, setParams] = useState<Params>(DEFAULT_PARAMS);
  const [selected, setSelected] = useState<TouchpointId | null>(null);
  const [customer, setCustomer] = useState<string | null>(null);
  const [comparing, setComparing] = useState(false);
  const [compareKind, setCompareKind] = useState<CompareKind>("segments");
  const [segmentsB, setSegmentsB] = useState<Segment[]>([]);
  const [datesB, setDatesB] = useState<Params>(DEFAULT_PARAMS);
  const [trendsOpen, setTrendsOpen] = useState(false);
  /** The map, for a saved view to move it, and the part of it in view since its last move. */
  const flow = useRef<ReactFlowInstance | null>(null);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  // One engine call per trend question for the funnels, the inspector and the Trends panel.
  const [trendCache] = useState(() => new TrendCache());
  /** Bumped to compute a cancelled report again (A, the compared B); what else a cancelled
   * local analysis stopped (filters' values, timeline, trends, side column) is asked again with A. */
  const [attempts, setAttempts] = useState({ a: 0, b: 0 });
  const id = journey.id;
  const analysis = analysisOf(spark);
  const where = sourceKey(spark);

  // Memoised: the export's source (below) follows it.
  const paramsB: Params | null = useMemo(
    () =>
      comparedParams(
        params,
        compareState(comparing, compareKind, segmentsB, {
          from_ms: datesB.from_ms,
          to_ms: datesB.to_ms,
        }),
      ),
    [comparing, compareKind, params, segmentsB, datesB.from_ms, datesB.to_ms],
  );

  const dimensions = useLatest(`${id}|${attempts.a}`, () => analyzeApi.dimensions(id));
  const timeline = useLatest(`${id}|${attempts.a}`, () => analyzeApi.timeline(id, 120));
  const report = useLatestRun<Report, SparkProgress>(
    `${id}|${where}|${attempts.a}|${paramsKey(params)}`,
    (onProgress) => analysis.report(id, params, onProgress),
  );
  const reportB = useLatestRun<Report, SparkProgress>(
    `${id}|${where}|${attempts.b}|${paramsB ? paramsKey(paramsB) : "none"}`,
    paramsB ? (onProgress) => analysis.report(id, paramsB, onProgress) : null,
  );
  const path = useLatest(
    `${id}|${where}|${customer ?? ""}`,
    customer ? () => analysis.customerPath(id, customer) : null,
  );
  // Spark has no customer summary: there the path shows without the customer's status, which
  // the workspace's own log cannot tell.
  const row = useLatest(
    `${id}|${where}|${customer ?? ""}|${paramsKey(params)}`,
    customer && !spark ? () => analyzeApi.customerSummary(id, params, customer) : null,
  );
  const steps = useMemo(() => (path.data ? pathSteps(path.data) : null), [path.data]);
  // Trends are read from the workspace's own log: not beside a cluster's numbers.
  const weekly = useTrendFrom(trendCache, id, params, "week", spark !== null, attempts.a);
  const stageTrends = useMemo(
    () => (spark ? null : { byStage: weekly.data ? stageSeries(weekly.data) : null }),
    [spark, weekly.data],
  );

  const a = report.data;
  const b = comparing ? reportB.data : null;
  // Which of A − B's differences may be chance, once both reports are in. Tests read the
  // workspace's own log: not beside a cluster's numbers.
  const testing = paramsB !== null && a !== null && b !== null && !spark;
  const differencesKey = `${id}|differences|${paramsKey(params)}|${paramsB ? paramsKey(paramsB) : "none"}`;
  const tests = useLatest(
    testing ? differencesKey : `${differencesKey}|off`,
    testing && paramsB
      ? () => analyzeApi.differences(id, params, paramsB, DIFFERENCES_MIN_COUNT)
      : null,
  );
  // While new filters are tested, the previous verdicts would mark the new numbers: none instead.
  const differences = testing && !tests.loading ? tests.data : null;

  // A slider the user never moved follows its default for the current report.
  const [storedSimplify, setSimplify] = useSimplifyChoice(id);
  const defaults = useMemo(() => (a ? defaultChoice(a) : null), [a]);
  const choice: SimplifyChoice = {
    transitions: storedSimplify.transitions ?? defaults?.transitions ?? FULL,
    touchpoints: storedSimplify.touchpoints ?? defaults?.touchpoints ?? FULL,
  };
  // A customer's path when one is open, else the path the analysis is filtered to.
  const picked = useMemo(() => (a ? pickedSteps(a, params.path) : null), [a, params.path]);
  const shownPath = customer ? steps : picked;
  const simplification = useMemo(() => {
    if (!a) return null;
    const pinned = (shownPath ?? []).flatMap((s) =>
      s.touchpointId === null ? [] : [s.touchpointId],
    );
    if (selected !== null) pinned.push(selected);
    return simplify(
      a,
      { transitions: choice.transitions, touchpoints: choice.touchpoints },
      pinned,
    );
  }, [a, choice.transitions, choice.touchpoints, selected, shownPath]);
  const looks = a ? nodeLooks(language, metric, a, b, differences) : null;
  useEffect(() => {
    onExportSource?.(
      a
        ? {
            mode: "analyze",
            journey,
            report: a,
            params,
            metric,
            simplification,
            compared: b && paramsB ? { report: b, params: paramsB } : null,
          }
        : null,
    );
  }, [onExportSource, a, b, paramsB, journey, params, metric, simplification]);
  // What a saved view keeps; trends are part of it only where they show.
  const viewState = toViewState({
    params,
    metric,
    compare: compareState(comparing, compareKind, segmentsB, datesB),
    simplify: storedSimplify,
    selected,
    customer,
    viewport,
    trends: trendsOpen && !spark,
  });
  const openView = (view: AnalyzeState) => {
    setParams(view.params);
    setMetric(view.metric);
    setComparing(view.compare !== null);
    if (view.compare?.kind === "segments") {
      setCompareKind("segments");
      setSegmentsB(view.compare.segments);
    } else if (view.compare?.kind === "dates") {
      const { from_ms, to_ms } = view.compare;
      setCompareKind("dates");
      setDatesB((d) => ({ ...d, from_ms, to_ms }));
    }
    // Both sliders are set, an unset one back to following its default.
    setSimplify({ transitions: view.simplify.transitions, touchpoints: view.simplify.touchpoints });
    setSelected(view.selected);
    setCustomer(view.customer);
    setTrendsOpen(view.trends);
    if (view.viewport) {
      setViewport(view.viewport);
      void flow.current?.setViewport(view.viewport);
    }
  };

  const busy = report.loading || reportB.loading;
  // Locally, how far the engine is with the analysis the reports wait for (both sides of a
  // comparison wait for the same one): once it says, its strip over the map takes the place of
  // the "Computing…" notes.
  const loadProgress = useAnalysisProgress(busy && !spark);
  // On Spark a report takes a while: its steps show over the map, with a Cancel; a cancelled
  // report leaves the previous numbers. Locally, Cancel stops the loading of a large log.
  const sparkSteps = combinedSteps([
    report.loading ? report.progress : null,
    reportB.loading ? reportB.progress : null,
  ]);
  const cancelReport = () => {
    if (report.loading) report.cancel();
    if (reportB.loading) reportB.cancel();
  };
  const cancelled = !busy && (report.cancelled || (comparing && reportB.cancelled));
  const retry = () =>
    setAttempts((n) => ({
      a: n.a + (report.cancelled ? 1 : 0),
      b: n.b + (reportB.cancelled ? 1 : 0),
    }));

  let panel = null;
  if (a && customer) {
    panel = (
      <PathPanel
        customer={customer}
        steps={steps}
        row={row.data}
        loadingRow={row.loading || spark !== null}
        error={path.error ?? row.error}
        onClose={() => setCustomer(null)}
      />
    );
  } else if (a && selected !== null) {
    panel = (
      <Inspector
        journey={journey}
        journeyId={id}
        report={a}
        compareWith={b}
        differences={differences}
        params={params}
        touchpoint={selected}
        metric={metric}
        onClose={() => setSelected(null)}
        onOpenCustomer={setCustomer}
        onSelect={setSelected}
      />
    );
  } else if (a) {
    panel = (
      <Overview
        journey={id}
        params={params}
        report={a}
        compareWith={b}
        onFind={setCustomer}
        onMapUnmapped={onMapUnmapped}
        onPickPath={(picked) => setParams({ ...params, path: picked })}
        onSelect={setSelected}
      />
    );
  }

  return (
    <AnalyzeContexts spark={spark} trends={trendCache}>
      <div className="analyze" data-testid="analyze">
        <div className="analyze-bar">
          <Filters
            params={params}
            onChange={setParams}
            dimensions={dimensions.data}
            timeline={timeline.data}
          />
        </div>
        <div className="analyze-bar analyze-bar-view">
          <label className="field">
            <span>{t("analyze.colour_by")}</span>
            <select
              data-testid="metric-select"
              value={metric}
              onChange={(e) => setMetric(e.target.value as Metric)}
            >
              {METRICS.map((m) => (
                <option key={m} value={m} title={t(`def.${m}`)}>
                  {t(`metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {looks && <Legend metric={metric} domain={looks.domain} extent={looks.extent} />}
          <span className="bar-divider" />
          <Thresholds params={params} onChange={setParams} />
          <span className="bar-divider" />
          <label className="field compare-toggle">
            <input
              type="checkbox"
              data-testid="compare-toggle"
              checked={comparing}
              onChange={(e) => setComparing(e.target.checked)}
            />
            <span>{t("compare.toggle")}</span>
          </label>
          {!spark && (
            <label className="field compare-toggle" title={t("trends.toggle.hint")}>
              <input
                type="checkbox"
                data-testid="trends-toggle"
                checked={trendsOpen}
                onChange={(e) => setTrendsOpen(e.target.checked)}
              />
              <span>{t("trends.toggle")}</span>
            </label>
          )}
          <span className="top-bar-spacer" />
          {spark && <SparkBadge source={spark} />}
          {busy && !spark && !loadProgress && (
            <span className="busy-note" role="status">
              {t("analyze.loading")}
            </span>
          )}
        </div>
        <div className="analyze-bar analyze-bar-simplify">
          <Simplify choice={choice} simplification={simplification} onChange={setSimplify} />
        </div>
        {comparing && (
          <div className="analyze-bar analyze-bar-compare" data-testid="compare-bar">
            <label className="field">
              <span>{t("compare.kind")}</span>
              <select
                data-testid="compare-kind"
                value={compareKind}
                onChange={(e) => setCompareKind(e.target.value as CompareKind)}
              >
                <option value="segments">{t("compare.segments")}</option>
                <option value="dates">{t("compare.dates")}</option>
              </select>
            </label>
            <span className="compare-tag compare-tag-a">{t("compare.a")}</span>
            <span className="compare-note">{t("compare.a_is")}</span>
            <span className="compare-tag compare-tag-b">{t("compare.b")}</span>
            {compareKind === "segments" ? (
              <SegmentSelect
                testId="compare-segment"
                value={segmentsB}
                dimensions={dimensions.data}
                onChange={setSegmentsB}
              />
            ) : (
              <DateRange
                params={datesB}
                onChange={setDatesB}
                testPrefix="compare"
                timeline={timeline.data}
              />
            )}
          </div>
        )}
        {comparing && !spark && (
          <p className="compare-significance-note" data-testid="compare-significance-note">
            {tests.error
              ? fill(t("compare.significance.error"), { error: tests.error })
              : t("compare.significance")}
          </p>
        )}
        <div className="analyze-body">
          <div className="analyze-main">
            <section className="canvas" aria-label={journey.name}>
              {report.error && (
                <div className="message message-error" role="alert">
                  <h1>{t("analyze.error")}</h1>
                  <p>{report.error}</p>
                </div>
              )}
              {spark && busy && (
                <SparkProgressStrip
                  steps={sparkSteps}
                  cancelling={report.cancelling || reportB.cancelling}
                  onCancel={cancelReport}
                />
              )}
              {loadProgress && (
                <LoadingStrip
                  progress={loadProgress}
                  cancelling={report.cancelling || reportB.cancelling}
                  onCancel={cancelReport}
                />
              )}
              {cancelled && (
                <CancelledNote
                  source={spark ? "spark" : "analysis"}
                  hasPrevious={a !== null}
                  onRetry={retry}
                />
              )}
              {!a && !report.error && !report.cancelled && !loadProgress && (
                <div className="message">{t("analyze.loading")}</div>
              )}
              {a && (
                <ReactFlowProvider>
                  <AnalyzeMap
                    journey={journey}
                    report={a}
                    compareWith={b}
                    differences={differences}
                    metric={metric}
                    selected={selected}
                    onSelect={(tp) => {
                      setSelected(tp);
                      setCustomer(null);
                    }}
                    path={shownPath}
                    hiddenTouchpoints={simplification?.hiddenTouchpoints}
                    hiddenTransitions={simplification?.hiddenTransitions}
                    stageTrends={stageTrends}
                    onReady={(instance) => {
                      flow.current = instance;
                    }}
                    onMoved={setViewport}
                  />
                </ReactFlowProvider>
              )}
              <LegendKeys
                key={trendsOpen && !spark ? "folded" : "open"}
                folded={trendsOpen && !spark}
              />
            </section>
            {trendsOpen && !spark && (
              <Suspense fallback={<div className="trends trends-wait">{t("analyze.loading")}</div>}>
                <TrendsPanel
                  key={attempts.a}
                  journey={journey}
                  params={params}
                  report={a}
                  selected={selected}
                  mapMetric={metric}
                  onParams={setParams}
                  onSelect={(tp) => {
                    setSelected(tp);
                    setCustomer(null);
                  }}
                  onClose={() => setTrendsOpen(false)}
                />
              </Suspense>
            )}
          </div>
          {a && (
            <div className="analyze-side" key={attempts.a}>
              <SavedViews
                journey={journey}
                dimensions={dimensions.data}
                state={viewState}
                onOpen={openView}
                onJourneyEdited={onJourneyEdited}
              />
              <Stories
                journey={journey}
                onJourneyEdited={onJourneyEdited}
                onPresent={onPresentStory}
              />
              {panel}
            </div>
          )}
        </div>
      </div>
    </AnalyzeContexts>
  );
}
