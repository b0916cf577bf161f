// The Trends panel, a band under the Analyze map: one metric of a few touchpoints day by day,
// week by week or month by month, under the filters of the map. Dragging across the chart keeps
// those dates in the filters, so that the whole map shows them (the filters' dates and reset undo
// it, and so does "Clear dates" here). Every value is the engine's trend, period by period.
// A second tab shows the cohorts instead: retention and churn by week or month first seen.

import { useCallback, useContext, useMemo, useState } from "react";
import type { Journey, Params, Period, Report, TouchpointId } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { DAY_MS, formatDay } from "../shared/format";
import type { Metric } from "../shared/scales";
import { TREND_METRICS, type TrendMetric } from "../shared/trend";
import {
  addLine,
  brushRange,
  chartModel,
  defaultLines,
  hasOpen,
  LINE_COLOURS,
  MAX_LINES,
  removeLine,
  withBrush,
  type Line,
} from "../shared/trendChart";
import type { ParamsChange } from "./Filters";
import { CohortsView } from "./Cohorts";
import { PeriodSelect } from "./PeriodSelect";
import { TrendChart } from "./TrendChart";
import { useTrend } from "./trendCache";

const PERIODS: Period[] = ["day", "week", "month"];

interface Props {
  journey: Journey;
  params: Params;
  /** The map's report: the busiest touchpoints are the default lines. */
  report: Report | null;
  selected: TouchpointId | null;
  /** The metric the map is coloured by: the panel's until another is chosen here. */
  mapMetric: Metric;
  /** The filters' own path: a brush changes the dates of every number in Analyze. */
  onParams: ParamsChange;
  /** Selects a touchpoint on the map (a cohort's churn place). */
  onSelect: (touchpoint: TouchpointId) => void;
  onClose: () => void;
}

type View = "lines" | "cohorts";
const VIEWS: View[] = ["lines", "cohorts"];

/** "Trends | Cohorts": what the band shows. */
function ViewTabs({ view, onView }: { view: View; onView: (next: View) => void }) {
  const t = useT();
  return (
    <div className="trends-tabs" role="tablist" aria-label={t("trends.tabs")}>
      {VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          aria-selected={view === v}
          className={view === v ? "trends-tab is-active" : "trends-tab"}
          data-testid={`trends-tab-${v}`}
          onClick={() => onView(v)}
        >
          {t(`trends.tab.${v}`)}
        </button>
      ))}
    </div>
  );
}

/** The touchpoints drawn, each in its colour: the chart's legend, where one is removed. */
function LineChips({
  lines,
  names,
  onRemove,
}: {
  lines: Line[];
  names: ReadonlyMap<TouchpointId, string>;
  onRemove: (touchpoint: TouchpointId) => void;
}) {
  const t = useT();
  return (
    <ul className="trends-legend" data-testid="trends-legend">
      {lines.map((l) => {
        const name = names.get(l.touchpoint) ?? "—";
        return (
          <li key={l.touchpoint} data-testid="trends-legend-item" data-touchpoint={l.touchpoint}>
            <span className="trends-swatch" style={{ background: LINE_COLOURS[l.colour] }} />
            <span className="trends-legend-name" dir="auto">
              {name}
            </span>
            <button
              type="button"
              className="trends-remove"
              data-testid="trends-remove"
              aria-label={fill(t("trends.remove"), { name })}
              title={fill(t("trends.remove"), { name })}
              onClick={() => onRemove(l.touchpoint)}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** A select that adds a touchpoint's line, the journey's touchpoints by stage. */
function AddLine({
  journey,
  lines,
  onAdd,
}: {
  journey: Journey;
  lines: Line[];
  onAdd: (touchpoint: TouchpointId) => void;
}) {
  const t = useT();
  const shown = new Set(lines.map((l) => l.touchpoint));
  const full = lines.length >= MAX_LINES;
  return (
    <select
      data-testid="trends-add"
      value=""
      disabled={full}
      title={full ? fill(t("trends.full"), { n: MAX_LINES }) : undefined}
      aria-label={t("trends.add")}
      onChange={(e) => {
        if (e.target.value) onAdd(Number(e.target.value));
      }}
    >
      <option value="">{full ? fill(t("trends.full"), { n: MAX_LINES }) : t("trends.add")}</option>
      {journey.stages.map((stage) => (
        <optgroup key={stage.id} label={stage.name}>
          {journey.touchpoints
            .filter((tp) => tp.stage === stage.id && !shown.has(tp.id))
            .map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The dates kept, with the way back; or how to choose some. */
function DatesNote({
  params,
  onParams,
  dashed,
}: {
  params: Params;
  onParams: ParamsChange;
  dashed: boolean;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const dated = params.from_ms !== null || params.to_ms !== null;
  return (
    <div className="trends-foot" data-testid="trends-range">
      {dated ? (
        <>
          <span data-testid="trends-dates">
            {fill(t("trends.dates"), {
              from: params.from_ms === null ? "…" : formatDay(language, params.from_ms),
              to: params.to_ms === null ? "…" : formatDay(language, params.to_ms - DAY_MS),
            })}
          </span>
          <button
            type="button"
            className="button-quiet"
            data-testid="trends-clear-dates"
            onClick={() => onParams((p) => ({ ...p, from_ms: null, to_ms: null }))}
          >
            {t("trends.clear_dates")}
          </button>
        </>
      ) : null}
      <span className="panel-hint">{t("trends.hint")}</span>
      {dashed && <span className="panel-hint trends-dashed">{t("trends.dashed")}</span>}
    </div>
  );
}

export function TrendsPanel({
  journey,
  params,
  report,
  selected,
  mapMetric,
  onParams,
  onSelect,
  onClose,
}: Props) {
  const t = useT();
  const [view, setView] = useState<View>("lines");
  const [ownMetric, setMetric] = useState<TrendMetric | null>(null);
  const metric = ownMetric ?? mapMetric;
  const [by, setBy] = useState<Period>("week");
  // Null until the user adds or removes a line: the default follows the selection.
  const [chosen, setChosen] = useState<Line[] | null>(null);
  const fallback = useMemo(() => defaultLines(report, selected), [report, selected]);
  const lines = chosen ?? fallback;
  // The lines' trend is not asked while the cohorts are shown (the cache keeps it for the way back).
  const trend = useTrend(journey.id, params, by, view !== "lines");
  const model = useMemo(
    () => (trend.data ? chartModel(trend.data, lines, metric) : null),
    [trend.data, lines, metric],
  );
  const names = useMemo(
    () => new Map(journey.touchpoints.map((tp) => [tp.id, tp.name])),
    [journey.touchpoints],
  );
  const onBrush = useCallback(
    (first: number, last: number) => {
      const range = model ? brushRange(model.periods, first, last, params) : null;
      if (!range) return;
      // The lines stay those on screen, whatever the busiest touchpoints of the new dates.
      setChosen(lines);
      onParams((p) => withBrush(p, range));
    },
    [model, params, lines, onParams],
  );

  return (
    <section className="trends" data-testid="trends-panel" aria-label={t("trends.title")}>
      <div className="trends-head">
        <h2 className="trends-title">{t("trends.title")}</h2>
        <ViewTabs view={view} onView={setView} />
        {view === "lines" && (
          <>
            <label className="field">
              <span>{t("trends.metric")}</span>
              <select
                data-testid="trends-metric"
                value={metric}
                onChange={(e) => setMetric(e.target.value as TrendMetric)}
              >
                {TREND_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`metric.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <PeriodSelect
              label="trends.by"
              testid="trends-by"
              periods={PERIODS}
              value={by}
              onChange={setBy}
            />
            <LineChips
              lines={lines}
              names={names}
              onRemove={(tp) => setChosen(removeLine(lines, tp))}
            />
            <AddLine
              journey={journey}
              lines={lines}
              onAdd={(tp) => setChosen(addLine(lines, tp))}
            />
          </>
        )}
        <span className="top-bar-spacer" />
        {view === "lines" && trend.loading && (
          <span className="busy-note" role="status">
            {t("analyze.loading")}
          </span>
        )}
        <button
          type="button"
          className="trends-close"
          data-testid="trends-close"
          aria-label={t("trends.close")}
          title={t("trends.close")}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {view === "cohorts" ? (
        <CohortsView journey={journey.id} params={params} onSelect={onSelect} />
      ) : (
        <>
          <div className={trend.loading ? "trends-body is-loading" : "trends-body"}>
            {trend.error ? (
              <div className="message message-error" role="alert" data-testid="trends-error">
                <h1>{t("trends.error")}</h1>
                <p>{trend.error}</p>
              </div>
            ) : !model ? (
              <div className="message">{t("analyze.loading")}</div>
            ) : model.periods.length === 0 ? (
              <div className="message">{t("trends.empty")}</div>
            ) : lines.length === 0 ? (
              <div className="message">{t("trends.none")}</div>
            ) : (
              <TrendChart model={model} names={names} onBrush={onBrush} />
            )}
          </div>
          <DatesNote
            params={params}
            onParams={onParams}
            dashed={model !== null && hasOpen(model)}
          />
        </>
      )}
    </section>
  );
}
