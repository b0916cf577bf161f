// The Analyze overlay's node components: touchpoints coloured by the chosen metric with a
// headline badge and a data-backing mark, and each stage's funnel above its lane.

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { useContext } from "react";
import type { StageFunnel, Touchpoint } from "../generated/types";
import { LanguageContext, useT } from "../language";
import { ChannelIcon } from "../map/channels";
import { formatNumber, formatPercent } from "../shared/format";
import { textOn, type Backing } from "../shared/scales";
import { verdictText, type NodeSignificance } from "../shared/significance";
import type { Series } from "../shared/trend";
import { Sparkline } from "./Sparkline";

export interface PathMark {
  steps: number[];
  first: string;
}

export type MetricNode = Node<
  {
    touchpoint: Touchpoint;
    fill: string;
    headline: string;
    /** Compare mode: the verdict on the difference shown, when the engine tested it. */
    significance: NodeSignificance | null;
    backing: Backing;
    /** At a goal, the customers who completed there (contract v2); null elsewhere. */
    completed: number | null;
    dimmed: boolean;
    path: PathMark | null;
  },
  "metric"
>;

export type FunnelNode = Node<
  {
    a: StageFunnel | null;
    b: StageFunnel | null;
    maxReached: number;
    /**
     * Whether the funnel has a weekly sparkline of its customers reached (not when comparing:
     * the trend is of the filters above, A, alone), and its series once the trend is in.
     */
    trend: { series: Series | null } | null;
  },
  "funnel"
>;

const BACKING_KEY = {
  data: "backing.data",
  partly: "backing.partly",
  design: "backing.design",
} as const;

export function BackingMark({ backing }: { backing: Backing }) {
  const t = useT();
  return (
    <span
      className={`backing backing-${backing}`}
      data-testid="backing"
      data-backing={backing}
      title={t(BACKING_KEY[backing])}
      aria-label={t(BACKING_KEY[backing])}
    />
  );
}

export function MetricTouchpoint({ data, selected, width, height }: NodeProps<MetricNode>) {
  const language = useContext(LanguageContext);
  const t = useT();
  const tp = data.touchpoint;
  const ink = textOn(data.fill);
  const verdict = data.significance;
  const note = verdict ? verdictText(t, language, verdict) : null;
  return (
    <div
      className={`metric-node ink-${ink}${selected ? " is-selected" : ""}${data.dimmed ? " is-dimmed" : ""}${data.path ? " on-path" : ""}${verdict?.kind === "noise" ? " is-noise" : ""}`}
      data-testid="metric-node"
      data-touchpoint={tp.name}
      data-significance={verdict?.kind}
      style={{ width, height, background: data.fill }}
      title={note ? `${tp.name} — ${note}` : tp.name}
    >
      <Handle type="target" position={Position.Left} />
      <div className="metric-node-top">
        <span className="metric-node-icon">
          <ChannelIcon channel={tp.channel} size={16} />
        </span>
        <span className="metric-node-name">{tp.name}</span>
        <BackingMark backing={data.backing} />
      </div>
      <div className="metric-node-headline" data-testid="node-headline">
        {data.headline}
        {verdict?.kind === "significant" && (
          <span
            className="significance-mark"
            data-testid="significance-mark"
            title={note ?? undefined}
            aria-label={note ?? undefined}
          >
            ✱
          </span>
        )}
      </div>
      {data.completed !== null && (
        <div
          className="metric-node-goal"
          data-testid="node-completed"
          title={t("def.completed_here")}
        >
          ✓ {formatNumber(language, data.completed, 0)} {t("funnel.completed")}
        </div>
      )}
      {data.path && (
        <div className="path-mark" data-testid="path-mark" title={data.path.first}>
          {data.path.steps.map((s) => s + 1).join(" · ")}
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

function FunnelBar({ funnel, max, tone }: { funnel: StageFunnel; max: number; tone: string }) {
  const language = useContext(LanguageContext);
  const t = useT();
  const share = max > 0 ? funnel.reached / max : 0;
  return (
    <div className="funnel-row">
      <div className="funnel-bar-track" title={t("def.stage.reached")}>
        <div
          className={`funnel-bar funnel-bar-${tone}`}
          style={{ width: `${Math.max(2, share * 100)}%` }}
        />
        <span className="funnel-reached" data-testid="funnel-reached">
          {formatNumber(language, funnel.reached, 0)} {t("funnel.reached")}
        </span>
      </div>
      <div className="funnel-facts">
        <span title={t("def.stage.conversion")} data-testid="funnel-conversion">
          {funnel.conversion_next === null
            ? t("funnel.last")
            : `→ ${formatPercent(language, funnel.conversion_next)} ${t("funnel.next")}`}
        </span>
        <span title={t("def.stage.dropped")} className="funnel-dropped">
          {formatNumber(language, funnel.dropped, 0)} {t("funnel.dropped")}
        </span>
        {funnel.completed > 0 && (
          <span
            title={t("def.stage.completed")}
            className="funnel-completed"
            data-testid="funnel-completed"
          >
            {formatNumber(language, funnel.completed, 0)} {t("funnel.completed")}
          </span>
        )}
      </div>
    </div>
  );
}

/** The stage's customers reached, week by week; an empty row of the same height until it is in. */
function FunnelTrend({ series }: { series: Series | null }) {
  const language = useContext(LanguageContext);
  const t = useT();
  if (!series) return <div className="funnel-sparkline-empty" />;
  return (
    <Sparkline
      series={series}
      format={(v) => formatNumber(language, v, 0)}
      label={t("funnel.trend")}
      dashed={false}
      compact
      testId="funnel-sparkline"
    />
  );
}

export function Funnel({ data, width, height }: NodeProps<FunnelNode>) {
  const t = useT();
  return (
    <div className="funnel" data-testid="funnel-stage" style={{ width, height }}>
      {data.a && (
        <div className="funnel-line">
          {data.b && <span className="funnel-tag funnel-tag-a">{t("compare.a")}</span>}
          <FunnelBar funnel={data.a} max={data.maxReached} tone="a" />
        </div>
      )}
      {data.a && data.trend && <FunnelTrend series={data.trend.series} />}
      {data.b && (
        <div className="funnel-line">
          <span className="funnel-tag funnel-tag-b">{t("compare.b")}</span>
          <FunnelBar funnel={data.b} max={data.maxReached} tone="b" />
        </div>
      )}
    </div>
  );
}
