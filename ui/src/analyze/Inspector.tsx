// The touchpoint inspector: every metric with its definition, the time-to-next histogram, where
// customers go next, and the customers here now, stalled here and dropped here (or, at a goal,
// completed here: contract v2 counts a customer who ended at a goal as a conversion).

import { useContext, useState } from "react";
import { SparkContext } from "../spark/context";
import type {
  Differences,
  Histogram,
  Journey,
  JourneyId,
  Node,
  Params,
  Report,
  Status,
  TouchpointId,
} from "../generated/types";
import { fill, type MessageKey } from "../i18n";
import { LanguageContext, useT } from "../language";
import { ChannelIcon } from "../map/channels";
import { analyzeApi, emptyQuery } from "./api";
import { CustomerTable } from "./CustomerTable";
import { formatDuration, formatNumber, formatPercent } from "../shared/format";
import { useLatest } from "./latest";
import { BackingMark } from "./nodes";
import { paramsKey } from "../shared/params";
import { backingOf, type Metric } from "../shared/scales";
import { changeMetricOfRow, nodeSignificance, verdictText } from "../shared/significance";
import { TouchpointTrend } from "./Sparkline";
import { nodeRows } from "../shared/nodeRows";

function binLabel(language: "en" | "it", seconds: number): string {
  return seconds === 0 ? "0" : formatDuration(language, seconds);
}

function HistogramChart({ histogram }: { histogram: Histogram }) {
  const language = useContext(LanguageContext);
  const t = useT();
  if (histogram.total === 0) return <p className="panel-hint">{t("inspector.histogram.none")}</p>;
  const bins = histogram.bins;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const width = 300;
  const height = 84;
  const w = width / bins.length;
  const ticks = [
    0,
    Math.floor(bins.length / 3),
    Math.floor((2 * bins.length) / 3),
    bins.length - 1,
  ];
  return (
    <figure className="histogram" data-testid="histogram" data-total={histogram.total}>
      <svg width={width} height={height + 16} role="img" aria-label={t("inspector.histogram")}>
        {bins.map((b, i) => {
          const h = (b.count / max) * height;
          return (
            <rect
              key={i}
              className="histogram-bar"
              x={i * w + 0.5}
              y={height - h}
              width={Math.max(1, w - 1)}
              height={h}
            >
              <title>
                {`${binLabel(language, b.lower_s)} – ${b.upper_s === null ? "∞" : binLabel(language, b.upper_s)}: ${formatNumber(language, b.count, 0)}`}
              </title>
            </rect>
          );
        })}
        <line x1={0} x2={width} y1={height + 0.5} y2={height + 0.5} className="histogram-axis" />
        {ticks.map((i) => (
          <text
            key={i}
            x={Math.min(width - 2, i * w + 1)}
            y={height + 13}
            className="histogram-tick"
            textAnchor={i === bins.length - 1 ? "end" : "start"}
          >
            {binLabel(language, bins[i]?.lower_s ?? 0)}
          </text>
        ))}
      </svg>
      <figcaption>
        {fill(t("inspector.histogram.total"), { n: formatNumber(language, histogram.total, 0) })}
      </figcaption>
    </figure>
  );
}

type Tab = { status: Status | null; label: MessageKey; count: (n: Node) => number; file: string };

const HERE_NOW: Tab = {
  status: null,
  label: "customers.here",
  count: (n) => n.last_here,
  file: "here-now",
};

/** A goal has no stalled or dropped customers, only completed ones (contract v2). */
function tabsOf(node: Node): Tab[] {
  if (node.goal) {
    return [
      HERE_NOW,
      {
        status: "completed",
        label: "customers.completed",
        count: (n) => n.completed_here,
        file: "completed",
      },
    ];
  }
  return [
    HERE_NOW,
    { status: "stalled", label: "customers.stalled", count: (n) => n.stalled_now, file: "stalled" },
    { status: "dropped", label: "customers.dropped", count: (n) => n.dropoff, file: "dropped" },
  ];
}

interface Props {
  journey: Journey;
  journeyId: JourneyId;
  report: Report;
  compareWith: Report | null;
  /** The engine's tests of A against B: which of the rates' differences may be chance. */
  differences?: Differences | null;
  params: Params;
  touchpoint: TouchpointId;
  metric: Metric;
  onClose: () => void;
  onOpenCustomer: (customer: string) => void;
  onSelect: (touchpoint: TouchpointId) => void;
}

export function Inspector({
  journey,
  journeyId,
  report,
  compareWith,
  differences = null,
  params,
  touchpoint,
  metric,
  onClose,
  onOpenCustomer,
  onSelect,
}: Props) {
  const language = useContext(LanguageContext);
  const spark = useContext(SparkContext);
  const t = useT();
  const [tab, setTab] = useState(0);
  const tp = journey.touchpoints.find((x) => x.id === touchpoint);
  const node = report.nodes.find((n) => n.touchpoint_id === touchpoint);
  const other = compareWith?.nodes.find((n) => n.touchpoint_id === touchpoint) ?? null;
  const histogram = useLatest(`${journeyId}|${touchpoint}|${paramsKey(params)}`, () =>
    analyzeApi.histogram(journeyId, params, touchpoint),
  );
  if (!tp || !node) return null;
  const next = report.edges
    .filter((e) => e.from_touchpoint_id === touchpoint && e.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, 5);
  const stage = journey.stages.find((s) => s.id === tp.stage);
  const tabs = tabsOf(node);
  const active = tabs[tab] ?? tabs[0];
  return (
    <aside
      className="side-panel inspector"
      data-testid="inspector"
      aria-label={t("inspector.title")}
    >
      <div className="inspector-head">
        <p className="eyebrow">{t("inspector.title")}</p>
        <button
          type="button"
          className="button-quiet"
          data-testid="inspector-close"
          onClick={onClose}
        >
          {t("inspector.close")}
        </button>
      </div>
      <h2 className="panel-title" data-testid="inspector-name">
        <ChannelIcon channel={tp.channel} size={20} /> {tp.name}
      </h2>
      <p className="panel-text inspector-sub">
        {stage?.name} ·{" "}
        <BackingMark
          backing={backingOf(
            node,
            report.edges.filter((e) => e.designed),
          )}
        />{" "}
        {t(
          `legend.backing.${backingOf(
            node,
            report.edges.filter((e) => e.designed),
          )}`,
        )}
      </p>

      <h3 className="section-title">{t("inspector.metrics")}</h3>
      <table className="metrics-table">
        {other && (
          <thead>
            <tr>
              <th />
              <th className="num">{t("inspector.compare.a")}</th>
              <th className="num">{t("inspector.compare.b")}</th>
            </tr>
          </thead>
        )}
        <tbody>
          {nodeRows(language).map((row) => {
            // Only a proportion is tested, and only when comparing.
            const verdict = other
              ? nodeSignificance(differences, touchpoint, changeMetricOfRow(row.key))
              : null;
            const note = verdict ? verdictText(t, language, verdict) : undefined;
            return (
              <tr
                key={row.key}
                data-testid={`metric-${row.key}`}
                data-significance={verdict?.kind}
                className={verdict?.kind === "noise" ? "is-noise" : undefined}
              >
                <th scope="row" title={t(row.def)}>
                  <span className="metric-label">{t(row.label)}</span>
                  <span className="info" aria-hidden="true">
                    i
                  </span>
                </th>
                <td className="num" data-testid={`metric-${row.key}-value`}>
                  {row.show(node)}
                </td>
                {other && (
                  <td className="num" title={note}>
                    {row.show(other)}
                    {verdict?.kind === "significant" && (
                      <span className="significance-mark" aria-label={note}>
                        ✱
                      </span>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>

      {/* A trend reads the workspace's own log: not beside a cluster's numbers. */}
      {!spark && (
        <TouchpointTrend
          journey={journeyId}
          params={params}
          touchpoint={touchpoint}
          metric={metric}
        />
      )}

      <h3 className="section-title">{t("inspector.histogram")}</h3>
      {histogram.data ? (
        <HistogramChart histogram={histogram.data} />
      ) : (
        <p className="panel-hint">{t("analyze.loading")}</p>
      )}

      <h3 className="section-title">{t("inspector.next")}</h3>
      {next.length === 0 ? (
        <p className="panel-hint">{t("inspector.next.none")}</p>
      ) : (
        <ul className="next-steps" data-testid="next-steps">
          {next.map((e) => (
            <li key={`${e.to}`} title={t("def.edge.count")}>
              <span className="next-name">
                {e.to_touchpoint_id !== null && e.to_touchpoint_id !== touchpoint ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() => e.to_touchpoint_id !== null && onSelect(e.to_touchpoint_id)}
                  >
                    {e.to}
                  </button>
                ) : (
                  e.to
                )}
                {!e.designed && (
                  <span className="tag-warning">{t("inspector.next.undesigned")}</span>
                )}
              </span>
              <span className="next-bar">
                <span style={{ width: `${Math.min(100, e.share ?? 0)}%` }} />
              </span>
              <span className="num">{formatPercent(language, e.share)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3 className="section-title">{t("inspector.customers")}</h3>
      <div className="tabs" role="tablist">
        {tabs.map((x, i) => (
          <button
            key={x.label}
            type="button"
            role="tab"
            aria-selected={i === tab}
            className={i === tab ? "tab is-active" : "tab"}
            data-testid={`tab-${x.file}`}
            onClick={() => setTab(i)}
          >
            {t(x.label)}{" "}
            <span className="tab-count">{formatNumber(language, x.count(node), 0)}</span>
          </button>
        ))}
      </div>
      <CustomerTable
        key={`${touchpoint}-${tab}-${paramsKey(params)}`}
        journey={journeyId}
        params={params}
        query={emptyQuery({ touchpoint, status: active?.status ?? null })}
        exportName={`${tp.name}-${active?.file ?? "customers"}.csv`}
        onOpen={onOpenCustomer}
      />
    </aside>
  );
}
