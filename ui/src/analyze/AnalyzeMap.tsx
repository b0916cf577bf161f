// The journey map with the data on it: the designed layout, each touchpoint coloured by the
// chosen metric and sized by reach, transitions as wide as they are used, observed transitions
// the map lacks dashed, unused designed ones faded, the stage funnel above the lanes, and a
// customer's path when one is open. The simplification sliders (shared/simplify.ts) leave rare
// touchpoints and thin transitions out of the drawing; sizes and widths keep the whole report's
// scale, so that a line keeps its width whatever else is hidden.

import { useContext, useMemo } from "react";
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useStoreApi,
  type Edge,
  type Node,
  type ReactFlowInstance,
  type Viewport,
} from "@xyflow/react";
import type { Differences, Journey, Report, TouchpointId } from "../generated/types";
import { LanguageContext } from "../language";
import { layoutJourney, LANE_WIDTH, NODE_HEIGHT, NODE_WIDTH } from "../map/layout";
import { Lane, laneNodes, type LaneNode } from "../map/nodes";
import { formatDuration, formatInstant } from "../shared/format";
import { firstView } from "../shared/viewport";
import { Funnel, MetricTouchpoint, type FunnelNode, type MetricNode } from "./nodes";
import { nodeLooks, notableUndesigned, pathMoves, type PathStep } from "../shared/overlay";
import { backingOf, edgeWidth, NO_DATA, sizeByReach, type Metric } from "../shared/scales";
import { transitionKey } from "../shared/simplify";
import type { Series } from "../shared/trend";

export const FUNNEL_HEIGHT = 78;
/** The room a funnel's weekly sparkline takes under its bar. */
export const FUNNEL_TREND_HEIGHT = 34;
const FUNNEL_GAP = 14;

const nodeTypes = { lane: Lane, metric: MetricTouchpoint, funnel: Funnel };

const INK = "#475569";
const WARNING = "#d97706";
const PATH = "#7c3aed";

interface Props {
  journey: Journey;
  report: Report;
  compareWith: Report | null;
  /** The engine's tests of A against B: which differences may be chance (null: none yet). */
  differences?: Differences | null;
  metric: Metric;
  selected: TouchpointId | null;
  onSelect: (id: TouchpointId | null) => void;
  path: PathStep[] | null;
  /** Touchpoints the touchpoints slider leaves out (never the selected one or a path's steps). */
  hiddenTouchpoints?: ReadonlySet<number>;
  /** Observed transitions (`transitionKey`) the transitions slider leaves out. */
  hiddenTransitions?: ReadonlySet<string>;
  /**
   * The funnels' weekly sparklines: null for none (comparing, or a Spark report), else each
   * stage's customers reached week by week, or null while the trend is computed.
   */
  stageTrends?: { byStage: ReadonlyMap<number, Series> | null } | null;
  /** The map once drawn, for a saved view to move it. */
  onReady?: (flow: ReactFlowInstance) => void;
  /** The part of the map in view after each pan or zoom, for a saved view to keep. */
  onMoved?: (viewport: Viewport) => void;
}

const NONE: ReadonlySet<never> = new Set<never>();

export function AnalyzeMap({
  journey,
  report,
  compareWith,
  differences = null,
  metric,
  selected,
  onSelect,
  path,
  hiddenTouchpoints = NONE,
  hiddenTransitions = NONE,
  stageTrends = null,
  onReady,
  onMoved,
}: Props) {
  const language = useContext(LanguageContext);
  const store = useStoreApi();
  const { nodes, edges } = useMemo(() => {
    const layout = layoutJourney(journey);
    const looks = nodeLooks(language, metric, report, compareWith, differences);
    const byId = new Map(report.nodes.map((n) => [n.touchpoint_id, n]));
    const maxCustomers = Math.max(0, ...report.nodes.map((n) => n.customers));
    const designedEdges = report.edges.filter((e) => e.designed);
    const stepsAt = new Map<number, PathStep[]>();
    for (const step of path ?? []) {
      if (step.touchpointId === null) continue;
      stepsAt.set(step.touchpointId, [...(stepsAt.get(step.touchpointId) ?? []), step]);
    }
    // The selected touchpoint and the steps of an open path are always drawn, whatever the slider.
    const hidden = (tp: number) => hiddenTouchpoints.has(tp) && tp !== selected && !stepsAt.has(tp);
    // A transition is left out when the slider drops it or either of its touchpoints is hidden.
    // Designed transitions never used are not ranked by the slider (they carry no move): they stay,
    // faded, as the map's design, unless one of their touchpoints is hidden.
    const drawn = (from: number, to: number) =>
      !hidden(from) && !hidden(to) && !hiddenTransitions.has(transitionKey(from, to));

    const lanes: LaneNode[] = laneNodes(layout);
    const stagesA = new Map(report.stages.map((s) => [s.stage_id, s]));
    const stagesB = new Map((compareWith?.stages ?? []).map((s) => [s.stage_id, s]));
    const maxReached = Math.max(
      1,
      ...report.stages.map((s) => s.reached),
      ...(compareWith?.stages ?? []).map((s) => s.reached),
    );
    // The sparkline's room is kept from the first drawing, so that the map does not move when
    // the trend comes in.
    const trends = compareWith ? null : stageTrends;
    const funnelHeight = compareWith
      ? FUNNEL_HEIGHT * 2 - 8
      : FUNNEL_HEIGHT + (trends ? FUNNEL_TREND_HEIGHT : 0);
    const funnels: FunnelNode[] = layout.lanes.map((lane) => ({
      id: `funnel-${lane.stage}`,
      type: "funnel",
      position: { x: lane.x, y: -funnelHeight - FUNNEL_GAP },
      width: LANE_WIDTH,
      height: funnelHeight,
      data: {
        a: stagesA.get(lane.stage) ?? null,
        b: compareWith ? (stagesB.get(lane.stage) ?? null) : null,
        maxReached,
        trend: trends ? { series: trends.byStage?.get(lane.stage) ?? null } : null,
      },
      draggable: false,
      selectable: false,
      focusable: false,
    }));
    const touchpoints: MetricNode[] = journey.touchpoints.flatMap((tp) => {
      const position = layout.positions.get(tp.id);
      if (!position || hidden(tp.id)) return [];
      const node = byId.get(tp.id);
      const scale = sizeByReach(node?.customers ?? 0, maxCustomers);
      // A card is never narrower than on the designed map, so that its name keeps its room:
      // reach shrinks a card's height only, and grows both.
      const width = Math.round(NODE_WIDTH * Math.max(1, scale));
      const height = Math.round(NODE_HEIGHT * scale);
      const look = looks.byTouchpoint.get(tp.id);
      const steps = stepsAt.get(tp.id);
      return [
        {
          id: `tp-${tp.id}`,
          type: "metric",
          position: {
            x: position.x + (NODE_WIDTH - width) / 2,
            y: position.y + (NODE_HEIGHT - height) / 2,
          },
          width,
          height,
          selected: tp.id === selected,
          data: {
            touchpoint: tp,
            fill: look?.fill ?? NO_DATA,
            headline: look?.headline ?? "—",
            significance: look?.significance ?? null,
            backing: backingOf(node, designedEdges),
            completed: node?.goal ? node.completed_here : null,
            dimmed: path !== null && !steps,
            path: steps
              ? {
                  steps: steps.map((s) => s.index),
                  first: formatInstant(language, steps[0]?.ms ?? 0),
                }
              : null,
          },
          draggable: false,
        },
      ];
    });

    const maxCount = Math.max(0, ...report.edges.map((e) => e.count));
    const observed = new Map(
      report.edges.map((e) => [`${e.from_touchpoint_id}-${e.to_touchpoint_id}`, e]),
    );
    const faded = path !== null;
    const designed: Edge[] = journey.transitions
      .filter((tr) => drawn(tr.from, tr.to))
      .map((tr) => {
        const e = observed.get(`${tr.from}-${tr.to}`);
        const count = e?.count ?? 0;
        const unused = count === 0;
        const colour = unused ? "#cbd5e1" : INK;
        return {
          id: `tr-${tr.id}`,
          source: `tp-${tr.from}`,
          target: `tp-${tr.to}`,
          className: unused ? "edge-unused" : "edge-designed",
          markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: colour },
          style: {
            stroke: colour,
            strokeWidth: edgeWidth(count, maxCount),
            strokeDasharray: unused ? "2 5" : undefined,
            opacity: faded ? 0.15 : unused ? 0.6 : 0.55,
          },
          data: { count },
        };
      });
    const undesigned: Edge[] = notableUndesigned(report.edges)
      .filter((e) => drawn(e.from_touchpoint_id ?? 0, e.to_touchpoint_id ?? 0))
      .map((e) => ({
        id: `obs-${e.from_touchpoint_id}-${e.to_touchpoint_id}`,
        source: `tp-${e.from_touchpoint_id}`,
        target: `tp-${e.to_touchpoint_id}`,
        className: "edge-undesigned",
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14, color: WARNING },
        style: {
          stroke: WARNING,
          strokeWidth: edgeWidth(e.count, maxCount),
          strokeDasharray: "7 5",
          opacity: faded ? 0.15 : 0.85,
        },
      }));
    const moves: Edge[] = path
      ? pathMoves(path).map((m, i) => ({
          id: `path-${i}`,
          source: `tp-${m.from}`,
          target: `tp-${m.to}`,
          className: "edge-path",
          label:
            m.step.sinceMs === null ? undefined : formatDuration(language, m.step.sinceMs / 1000),
          labelStyle: { fill: PATH, fontWeight: 600, fontSize: 12 },
          labelBgStyle: { fill: "#ffffff", fillOpacity: 0.92 },
          labelBgPadding: [5, 3] as [number, number],
          labelBgBorderRadius: 4,
          markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: PATH },
          style: { stroke: PATH, strokeWidth: 3 },
          zIndex: 10,
        }))
      : [];
    return {
      nodes: [...lanes, ...funnels, ...touchpoints] as Node[],
      edges: [...designed, ...undesigned, ...moves],
    };
  }, [
    journey,
    report,
    compareWith,
    differences,
    metric,
    selected,
    path,
    language,
    hiddenTouchpoints,
    hiddenTransitions,
    stageTrends,
  ]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onInit={(flow) => {
        // Readable first (shared/viewport.ts), the funnels at the top of the canvas so that the
        // free space falls below, where the legend sits.
        const { width, height } = store.getState();
        void flow.setViewport(firstView(flow.getNodesBounds(flow.getNodes()), { width, height }));
        onReady?.(flow);
      }}
      onMoveEnd={(_, viewport) => onMoved?.(viewport)}
      minZoom={0.15}
      maxZoom={2.5}
      nodesConnectable={false}
      nodesDraggable={false}
      onNodeClick={(_, node) => onSelect(node.type === "metric" ? Number(node.id.slice(3)) : null)}
      onPaneClick={() => onSelect(null)}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} position="bottom-right" />
    </ReactFlow>
  );
}
