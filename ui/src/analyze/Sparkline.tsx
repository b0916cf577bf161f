// A touchpoint's metric week by week, in the inspector: a small line drawn as SVG, the value
// under the pointer (or the latest) written beside it. Weeks whose drop-offs can still grow (not
// settled: they ended less than the inactivity threshold ago) are named.
//
// Why no chart library here: a sparkline is one polyline; uPlot, the small one we tried, formats
// numbers with the system's locale when it loads and fails to load at all under the "C" locale
// that minimal Linux sessions (and this project's CI) run in.

import { useContext, useMemo, useState } from "react";
import type { JourneyId, Params, TouchpointId } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatDay, formatDuration, formatNumber, formatPercent } from "../shared/format";
import { paramsKey } from "../shared/params";
import { METRIC_SPECS, type Metric } from "../shared/scales";
import { seriesOf, type Series } from "../shared/trend";
import { analyzeApi } from "./api";
import { useLatest } from "./latest";

const WIDTH = 280;
const HEIGHT = 56;

function useFormat(metric: Metric): (v: number | null) => string {
  const language = useContext(LanguageContext);
  switch (METRIC_SPECS[metric].kind) {
    case "percent":
      return (v) => formatPercent(language, v);
    case "count":
      return (v) => formatNumber(language, v, 0);
    case "duration":
      return (v) => formatDuration(language, v);
    case "number":
      return (v) => formatNumber(language, v, 2);
  }
}

export function TouchpointTrend({
  journey,
  params,
  touchpoint,
  metric,
}: {
  journey: JourneyId;
  params: Params;
  touchpoint: TouchpointId;
  metric: Metric;
}) {
  const t = useT();
  const trend = useLatest(`${journey}|trend|week|${paramsKey(params)}`, () =>
    analyzeApi.trend(journey, params, "week"),
  );
  const series = useMemo(
    () => (trend.data ? seriesOf(trend.data, touchpoint, metric) : null),
    [trend.data, touchpoint, metric],
  );
  return (
    <section className="touchpoint-trend">
      <h3 className="section-title">
        {fill(t("trend.by_week"), { metric: t(`metric.${metric}`) })}
      </h3>
      {trend.error && <p className="panel-hint">{trend.error}</p>}
      {!series && !trend.error && <p className="panel-hint">{t("analyze.loading")}</p>}
      {series && <Sparkline series={series} metric={metric} />}
    </section>
  );
}

export function Sparkline({ series, metric }: { series: Series; metric: Metric }) {
  const language = useContext(LanguageContext);
  const t = useT();
  const format = useFormat(metric);
  const [hover, setHover] = useState<number | null>(null);
  const n = series.values.length;
  const known = series.values.filter((v): v is number => v !== null);
  const low = Math.min(0, ...known);
  const high = Math.max(low + 1e-9, ...known);
  const x = (i: number) => (n <= 1 ? WIDTH / 2 : (i / (n - 1)) * (WIDTH - 8) + 4);
  const y = (v: number) => HEIGHT - 4 - ((v - low) / (high - low)) * (HEIGHT - 8);
  // A gap (a week with no value) breaks the line; drop-off in weeks that are not settled is drawn
  // dashed, since it can still grow.
  const open = (i: number) => metric === "dropoff_rate" && series.settled[i] === false;
  const runs: { points: string; open: boolean }[] = [];
  let run: string[] = [];
  let runOpen = false;
  series.values.forEach((v, i) => {
    const point = v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    if (point === null || open(i) !== runOpen) {
      if (run.length) runs.push({ points: run.join(" "), open: runOpen });
      // The open part starts where the settled one ends, so that the line is unbroken.
      const last = run.at(-1);
      run = point !== null && last !== undefined ? [last] : [];
      runOpen = open(i);
    }
    if (point !== null) run.push(point);
  });
  if (run.length) runs.push({ points: run.join(" "), open: runOpen });
  let latest = n - 1;
  while (latest > 0 && series.values[latest] === null) latest -= 1;
  const shown = hover ?? latest;
  const start = series.starts[shown];
  const value = series.values[shown] ?? null;
  return (
    <figure
      className="sparkline"
      data-testid="sparkline"
      data-values={JSON.stringify(series.values)}
    >
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t(`metric.${metric}`)}
        onMouseMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const i = Math.round(((e.clientX - box.left - 4) / (WIDTH - 8)) * (n - 1));
          setHover(Math.max(0, Math.min(n - 1, i)));
        }}
        onMouseLeave={() => setHover(null)}
      >
        <line className="sparkline-base" x1={0} x2={WIDTH} y1={y(low)} y2={y(low)} />
        {runs.map((r, i) => (
          <polyline
            key={i}
            className={r.open ? "sparkline-line is-open" : "sparkline-line"}
            points={r.points}
          />
        ))}
        {value !== null && <circle className="sparkline-dot" cx={x(shown)} cy={y(value)} r={3} />}
      </svg>
      {start !== undefined && (
        <figcaption data-testid="sparkline-caption">
          {fill(t("trend.week_of"), { day: formatDay(language, start) })}:{" "}
          <strong className="num">{format(value)}</strong>
          {series.settled[shown] === false && metric === "dropoff_rate" && (
            <span className="panel-hint"> · {t("trend.unsettled")}</span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
