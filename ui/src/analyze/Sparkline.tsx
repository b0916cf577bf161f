// A number week by week as a small line, drawn as SVG: in the inspector (a touchpoint's metric,
// the value under the pointer or the latest written under it) and on each stage's funnel (the
// customers it reached, the value beside it). Weeks whose drop-offs can still grow (not settled:
// they ended less than the inactivity threshold ago) are dashed and named.
//
// Why no chart library here: a sparkline is one polyline, and the funnels draw one per stage on
// the map; the Trends panel's chart (TrendChart.tsx) is where a library earns its weight.

import { useContext, useMemo, useState } from "react";
import type { JourneyId, Params, TouchpointId } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatDay, formatDuration, formatNumber, formatPercent } from "../shared/format";
import { METRIC_SPECS, type Metric } from "../shared/scales";
import { seriesOf, type Series } from "../shared/trend";
import { splitOpen } from "../shared/trendChart";
import { useTrend } from "./trendCache";

const SIZES = {
  panel: { width: 280, height: 56 },
  compact: { width: 190, height: 26 },
};

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
  const format = useFormat(metric);
  // The same weekly trend as the funnels' sparklines: asked of the engine once for both.
  const trend = useTrend(journey, params, "week");
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
      {series && (
        <Sparkline
          series={series}
          format={format}
          label={t(`metric.${metric}`)}
          dashed={metric === "dropoff_rate"}
        />
      )}
    </section>
  );
}

/** The polylines through `values` placed by `x` and `y`: a missing value breaks the line. */
function polylines(
  values: (number | null)[],
  x: (i: number) => number,
  y: (v: number) => number,
): string[] {
  const lines: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length) lines.push(run.join(" "));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length) lines.push(run.join(" "));
  return lines;
}

export function Sparkline({
  series,
  format,
  label,
  dashed,
  compact = false,
  testId = "sparkline",
}: {
  series: Series;
  format: (v: number | null) => string;
  /** What the line is, for screen readers and as the compact line's tooltip. */
  label: string;
  /** Whether periods that are not settled are dashed: only drop-off can still grow there. */
  dashed: boolean;
  /** Small, with the value beside the line rather than under it (on the map's funnels). */
  compact?: boolean;
  testId?: string;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const [hover, setHover] = useState<number | null>(null);
  const { width, height } = SIZES[compact ? "compact" : "panel"];
  const n = series.values.length;
  const known = series.values.filter((v): v is number => v !== null);
  const low = Math.min(0, ...known);
  const high = Math.max(low + 1e-9, ...known);
  const x = (i: number) => (n <= 1 ? width / 2 : (i / (n - 1)) * (width - 8) + 4);
  const y = (v: number) => height - 3 - ((v - low) / (high - low)) * (height - 6);
  const { solid, open } = splitOpen(series.values, series.settled, dashed);
  let latest = n - 1;
  while (latest > 0 && series.values[latest] === null) latest -= 1;
  const shown = hover ?? latest;
  const start = series.starts[shown];
  const value = series.values[shown] ?? null;
  const growing = dashed && series.settled[shown] === false;
  const week =
    start === undefined ? "" : fill(t("trend.week_of"), { day: formatDay(language, start) });
  return (
    <figure
      className={compact ? "sparkline is-compact" : "sparkline"}
      data-testid={testId}
      data-values={JSON.stringify(series.values)}
      title={compact ? label : undefined}
    >
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        onMouseMove={(e) => {
          // Measured on screen, so that it holds on the map's zoomed funnels too.
          const box = e.currentTarget.getBoundingClientRect();
          const at = ((e.clientX - box.left) / Math.max(1, box.width)) * width;
          const i = Math.round(((at - 4) / (width - 8)) * (n - 1));
          setHover(Math.max(0, Math.min(n - 1, i)));
        }}
        onMouseLeave={() => setHover(null)}
      >
        <line className="sparkline-base" x1={0} x2={width} y1={y(low)} y2={y(low)} />
        {polylines(solid, x, y).map((points, i) => (
          <polyline key={`s${i}`} className="sparkline-line" points={points} />
        ))}
        {polylines(open, x, y).map((points, i) => (
          <polyline key={`o${i}`} className="sparkline-line is-open" points={points} />
        ))}
        {value !== null && (
          <circle className="sparkline-dot" cx={x(shown)} cy={y(value)} r={compact ? 2.5 : 3} />
        )}
      </svg>
      {start !== undefined && compact && (
        <figcaption data-testid={`${testId}-caption`} title={week}>
          <span>{formatDay(language, start)}</span>
          <strong className="num">{format(value)}</strong>
        </figcaption>
      )}
      {start !== undefined && !compact && (
        <figcaption data-testid={`${testId}-caption`}>
          {week}: <strong className="num">{format(value)}</strong>
          {growing && <span className="panel-hint"> · {t("trend.unsettled")}</span>}
        </figcaption>
      )}
    </figure>
  );
}
