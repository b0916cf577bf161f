// The Trends panel's chart: one line per touchpoint through the periods, the values of every
// line at the period under the pointer, and a drag across it to choose those periods' dates.
//
// Why Recharts: a maintained React chart library drawing SVG (so the lines, the tooltip and the
// brush are elements a test can find), with a custom tooltip and hooks to its scales, which the
// brush is built on. It never formats with the system's locale: every label here goes through
// our formatters, and neither Recharts nor its d3 parts call Intl or toLocaleString with the
// default locale at load or render (TrendChart.test.tsx renders it with navigator.language "c"
// and Intl watched; its Text asks Intl.Segmenter for the default locale only with `breakAll` or
// `maxLines`, which no label here uses). uPlot, tried first, called
// `new Intl.NumberFormat(navigator.language)` when it loaded, which throws under the "C" locale
// of the test window and left the page blank. Recharts weighs 405 kB (113 kB gzipped, with its
// d3, Redux and Immer parts) in a chunk of its own that loads the first time the panel opens;
// the map's funnels draw their sparklines without it (Sparkline.tsx).
//
// Nothing animates: WebKitGTK without a GPU repaints the whole window for every frame.

import { useCallback, useContext, useEffect, useRef, useState } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  usePlotArea,
  useXAxisScale,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import type { TouchpointId } from "../generated/types";
import { LanguageContext, useT } from "../language";
import { formatTrendValue, trendKind } from "../shared/trend";
import {
  LINE_COLOURS,
  nearestIndex,
  periodLabel,
  tickLabel,
  tooltipEntries,
  type ChartModel,
  type ChartPeriod,
} from "../shared/trendChart";

/** Lines with at most this many periods show a dot at each, so that a lone value shows too. */
const DOTS_UP_TO = 40;
/** A press that moves less than this (px) is a click, not a brush. */
const DRAG_PX = 4;

interface Drag {
  from: number;
  to: number;
  x: number;
  moved: boolean;
}

/** Where the plot is on screen and where each period's point is along it (0 to 1). */
interface Probe {
  plot: SVGRectElement;
  points: number[];
}

/** The period under the pointer at `clientX`, from the chart's own scale. */
function indexAt(probe: Probe | null, clientX: number): number | null {
  if (!probe) return null;
  const box = probe.plot.getBoundingClientRect();
  if (box.width <= 0) return null;
  return nearestIndex(probe.points, (clientX - box.left) / box.width);
}

/**
 * An invisible rectangle over the plot, and the position of each period's point along it as
 * the chart placed it, handed to the brush (which listens on the whole chart, above the lines).
 */
function PlotProbe({
  periods,
  onProbe,
}: {
  periods: ChartPeriod[];
  onProbe: (probe: Probe | null) => void;
}) {
  const x = useXAxisScale();
  const plot = usePlotArea();
  const rect = useRef<SVGRectElement>(null);
  useEffect(() => {
    onProbe(
      x && plot && rect.current && plot.width > 0
        ? {
            plot: rect.current,
            points: periods.map((p) => ((x(p.start_ms) ?? plot.x) - plot.x) / plot.width),
          }
        : null,
    );
  });
  if (!plot) return null;
  return (
    <rect
      ref={rect}
      x={plot.x}
      y={plot.y}
      width={plot.width}
      height={plot.height}
      fill="none"
      pointerEvents="none"
    />
  );
}

/** The values of every line at period `index`, named, as the rest of the app writes them. */
function TrendTooltip({
  model,
  index,
  names,
}: {
  model: ChartModel;
  index: number;
  names: ReadonlyMap<TouchpointId, string>;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const period = model.periods[index];
  if (!period) return null;
  return (
    <div className="trends-tooltip" data-testid="trends-tooltip" data-period={period.start_ms}>
      <p className="trends-tooltip-period">{periodLabel(t, language, model.by, period.start_ms)}</p>
      <ul>
        {tooltipEntries(model, index).map((e) => (
          <li key={e.touchpoint}>
            <span className="trends-swatch" style={{ background: e.colour }} />
            <span className="trends-tooltip-name">{names.get(e.touchpoint) ?? "—"}</span>
            <strong className="num">{formatTrendValue(language, model.metric, e.value)}</strong>
            {e.open && <span className="panel-hint"> · {t("trend.unsettled")}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The periods being brushed, shaded over the plot; drawn inside the chart's SVG. */
function BrushArea({ periods, drag }: { periods: ChartPeriod[]; drag: Drag }) {
  const x = useXAxisScale();
  const plot = usePlotArea();
  const lo = periods[Math.min(drag.from, drag.to)];
  const hi = periods[Math.max(drag.from, drag.to)];
  if (!x || !plot || !lo || !hi) return null;
  // Each period owns the half-steps around its point.
  const half = periods.length > 1 ? plot.width / (periods.length - 1) / 2 : plot.width / 2;
  const left = Math.max(plot.x, (x(lo.start_ms) ?? plot.x) - half);
  const right = Math.min(plot.x + plot.width, (x(hi.start_ms) ?? plot.x) + half);
  return (
    <rect
      className="trends-brush"
      data-testid="trends-brush"
      data-from={lo.start_ms}
      data-to={hi.end_ms}
      x={left}
      y={plot.y}
      width={Math.max(1, right - left)}
      height={plot.height}
    />
  );
}

export function TrendChart({
  model,
  names,
  onBrush,
  width,
  height,
}: {
  model: ChartModel;
  names: ReadonlyMap<TouchpointId, string>;
  /** Called with the first and last period indices of a finished drag, in order. */
  onBrush: (first: number, last: number) => void;
  /** A fixed size (tests); by default the chart fills its box. */
  width?: number;
  height?: number;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const [drag, setDrag] = useState<Drag | null>(null);
  // What the document's listeners read: the drag so far and the plot's geometry.
  const dragRef = useRef<Drag | null>(null);
  const probe = useRef<Probe | null>(null);
  const onProbe = useCallback((p: Probe | null) => {
    probe.current = p;
  }, []);
  const dragging = drag !== null;
  const brushed = useRef(onBrush);
  useEffect(() => {
    brushed.current = onBrush;
  }, [onBrush]);
  // The document's listeners of the drag under way, removed when it ends or the chart goes.
  const stopListening = useRef<(() => void) | null>(null);
  useEffect(() => () => stopListening.current?.(), []);

  /**
   * Listens on the document from the press on, so that a drag released outside the chart still
   * ends, and so that no move or release that follows the press at once is missed (an effect
   * would start listening only after the next render).
   */
  const listen = () => {
    stopListening.current?.();
    const set = (next: Drag | null) => {
      dragRef.current = next;
      setDrag(next);
    };
    const move = (e: PointerEvent) => {
      const d = dragRef.current;
      const i = indexAt(probe.current, e.clientX);
      if (!d || i === null) return;
      const moved = d.moved || Math.abs(e.clientX - d.x) >= DRAG_PX;
      if (i !== d.to || moved !== d.moved) set({ ...d, to: i, moved });
    };
    const stop = () => {
      document.removeEventListener("pointermove", move);
      document.removeEventListener("pointerup", end);
      document.removeEventListener("pointercancel", cancel);
      document.removeEventListener("keydown", escape);
      stopListening.current = null;
    };
    const end = (e: PointerEvent) => {
      move(e);
      const d = dragRef.current;
      stop();
      set(null);
      if (d?.moved) brushed.current(Math.min(d.from, d.to), Math.max(d.from, d.to));
    };
    const cancel = () => {
      stop();
      set(null);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") cancel();
    };
    document.addEventListener("pointermove", move);
    document.addEventListener("pointerup", end);
    document.addEventListener("pointercancel", cancel);
    document.addEventListener("keydown", escape);
    stopListening.current = stop;
  };

  const kind = trendKind(model.metric);
  const dots = model.periods.length <= DOTS_UP_TO;
  const chart = (
    <LineChart
      data={model.periods}
      width={width}
      height={height}
      margin={{ top: 8, right: 16, bottom: 0, left: 4 }}
      title={t(`metric.${model.metric}`)}
    >
      <CartesianGrid stroke="#e2e8f0" vertical={false} />
      <XAxis
        dataKey="start_ms"
        tickFormatter={(v: number) => tickLabel(language, model.by, v)}
        minTickGap={28}
        interval="preserveStartEnd"
        tick={{ fontSize: 11, fill: "#475569" }}
        stroke="#cbd5e1"
      />
      <YAxis
        width={72}
        domain={kind === "number" ? ["auto", "auto"] : [0, "auto"]}
        allowDecimals={kind !== "count"}
        tickFormatter={(v: number) => formatTrendValue(language, model.metric, v)}
        tick={{ fontSize: 11, fill: "#475569" }}
        stroke="#cbd5e1"
        aria-label={t(`metric.${model.metric}`)}
      />
      <Tooltip
        isAnimationActive={false}
        cursor={{ stroke: "#94a3b8", strokeWidth: 1 }}
        content={(props) => {
          const i = Number(props.activeIndex ?? Number.NaN);
          return props.active && Number.isInteger(i) ? (
            <TrendTooltip model={model} index={i} names={names} />
          ) : null;
        }}
      />
      {model.lines.flatMap((l) => {
        const colour = LINE_COLOURS[l.colour] ?? LINE_COLOURS[0];
        const common = {
          type: "linear" as const,
          stroke: colour,
          strokeWidth: 2,
          isAnimationActive: false,
          // Plain dots: the line's own attributes (its test id, its dashes) stay on the line.
          dot: dots
            ? (p: DotItemDotProps) =>
                p.cx == null || p.cy == null ? null : (
                  <circle key={p.index} cx={p.cx} cy={p.cy} r={2} fill={colour} />
                )
            : false,
          activeDot: { r: 4, fill: colour, stroke: "#fff" },
          "data-testid": "trends-line",
          "data-touchpoint": l.touchpoint,
          "data-values": JSON.stringify(l.values),
        };
        const solid = (
          <Line
            key={`s${l.touchpoint}`}
            {...common}
            dataKey={(p: ChartPeriod) => l.solid[p.index] ?? null}
            name={names.get(l.touchpoint) ?? ""}
          />
        );
        // Only drop-off has a dashed part, in the periods where it can still grow.
        if (!l.open.some((v) => v !== null)) return [solid];
        return [
          solid,
          <Line
            key={`o${l.touchpoint}`}
            {...common}
            data-testid="trends-line-open"
            dataKey={(p: ChartPeriod) => l.open[p.index] ?? null}
            strokeDasharray="4 4"
            strokeOpacity={0.75}
            name={names.get(l.touchpoint) ?? ""}
          />,
        ];
      })}
      <PlotProbe periods={model.periods} onProbe={onProbe} />
      {drag && <BrushArea periods={model.periods} drag={drag} />}
    </LineChart>
  );
  return (
    <div
      className={dragging ? "trends-chart is-brushing" : "trends-chart"}
      data-testid="trends-chart"
      data-periods={model.periods.length}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        const i = indexAt(probe.current, e.clientX);
        if (i === null) return;
        const start = { from: i, to: i, x: e.clientX, moved: false };
        dragRef.current = start;
        setDrag(start);
        listen();
      }}
    >
      {width !== undefined && height !== undefined ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          {chart}
        </ResponsiveContainer>
      )}
    </div>
  );
}
