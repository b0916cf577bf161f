// The design canvas: lanes per stage (rename, reorder, delete in their header), touchpoints to
// drag across lanes and bands, handles to connect, box and Ctrl-click selection, double-click
// in a lane to add, and the emotion curve under the lanes. Every change is sent to the engine as
// one edit; the canvas only ever shows the journey the engine answered with.

import { memo, useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import {
  applyNodeChanges,
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  useUpdateNodeInternals,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from "@xyflow/react";
import type { Edit, Journey, StageId, TouchpointId } from "../generated/types";
import { layoutJourney, NODE_HEIGHT, NODE_WIDTH, type MapLayout } from "../map/layout";
import { TouchpointCard, type TouchpointNode } from "../map/nodes";
import { EmotionCurve, EMOTION_HEIGHT, type EmotionNode } from "./EmotionCurve";
import { placeAt, placeCentredAt, type Place } from "./geometry";
import { EditableLane, type EditableLaneNode, type LaneActions } from "./EditableLane";
import type { Selection } from "./selection";
import { firstView } from "../shared/viewport";
import { MiniMapToggle, useMiniMap } from "../shared/MiniMapToggle";

interface Props {
  journey: Journey;
  selection: Selection;
  flagged: Set<TouchpointId>;
  renaming: StageId | null;
  lane: LaneActions;
  onSelection: (update: (current: Selection) => Selection) => void;
  onEdit: (edit: Edit) => void;
  onAddAt: (place: Place) => void;
  /** Changes when the whole map should be fitted to the view again (after a tidy). */
  fit: number;
}

const KIND_COLOURS = { physical: "#b45309", digital: "#4338ca" } as const;
const EDGE = "#64748b";
const EDGE_SELECTED = "#0f766e";
const EMOTION_GAP = 16;
/** Below this zoom a card's text is too small to read; cards are drawn as plain blocks. */
const OVERVIEW_ZOOM = 0.25;

const nodeTypes = {
  lane: memo(EditableLane),
  touchpoint: memo(TouchpointCard),
  emotion: memo(EmotionCurve),
};

function buildNodes(
  journey: Journey,
  layout: MapLayout,
  selection: Selection,
  flagged: Set<TouchpointId>,
  renaming: StageId | null,
  lane: LaneActions,
): Node[] {
  const counts = new Map<StageId, number>();
  for (const t of journey.touchpoints) counts.set(t.stage, (counts.get(t.stage) ?? 0) + 1);
  const lanes: EditableLaneNode[] = layout.lanes.map((l) => ({
    id: `lane-${l.stage}`,
    type: "lane",
    position: { x: l.x, y: l.y },
    width: l.width,
    height: l.height,
    data: {
      stage: l.stage,
      name: l.name,
      index: l.index,
      last: l.index === layout.lanes.length - 1,
      touchpoints: counts.get(l.stage) ?? 0,
      bands: layout.bands,
      renaming: renaming === l.stage,
      actions: lane,
    },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }));
  const cards: TouchpointNode[] = journey.touchpoints.flatMap((tp) => {
    const position = layout.positions.get(tp.id);
    if (!position) return [];
    return [
      {
        id: `tp-${tp.id}`,
        type: "touchpoint",
        position,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        selected: selection.touchpoints.has(tp.id),
        data: { touchpoint: tp, flagged: flagged.has(tp.id) },
      },
    ];
  });
  const emotion: EmotionNode[] =
    layout.lanes.length === 0
      ? []
      : [
          {
            id: "emotion",
            type: "emotion",
            position: { x: 0, y: layout.height + EMOTION_GAP },
            width: layout.width,
            height: EMOTION_HEIGHT,
            data: { journey, layout },
            draggable: false,
            selectable: false,
            focusable: false,
            zIndex: -1,
          },
        ];
  return [...lanes, ...cards, ...emotion] as Node[];
}

function buildEdges(journey: Journey, selection: Selection): Edge[] {
  return journey.transitions.map((tr) => {
    const selected = selection.transitions.has(tr.id);
    const colour = selected ? EDGE_SELECTED : EDGE;
    return {
      id: `tr-${tr.id}`,
      source: `tp-${tr.from}`,
      target: `tp-${tr.to}`,
      selected,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: colour },
      style: { stroke: colour, strokeWidth: selected ? 3 : 1.5 },
    };
  });
}

/** `ids` with each picked id added or removed as React Flow selected or unselected it. */
function toggled(ids: Set<number>, picked: { id: number; selected: boolean }[]): Set<number> {
  const next = new Set(ids);
  for (const p of picked) {
    if (p.selected) next.add(p.id);
    else next.delete(p.id);
  }
  return next;
}

const touchpointOf = (nodeId: string): TouchpointId | null =>
  nodeId.startsWith("tp-") ? Number(nodeId.slice(3)) : null;
const transitionOf = (edgeId: string): number | null =>
  edgeId.startsWith("tr-") ? Number(edgeId.slice(3)) : null;

export function EditorMap({
  journey,
  selection,
  flagged,
  renaming,
  lane,
  onSelection,
  onEdit,
  onAddAt,
  fit,
}: Props) {
  const flow = useReactFlow();
  const overview = useStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  const layout = useMemo(() => layoutJourney(journey), [journey]);
  // The nodes follow the engine's journey; between two answers only a drag moves them.
  const built = useMemo(
    () => buildNodes(journey, layout, selection, flagged, renaming, lane),
    [journey, layout, selection, flagged, renaming, lane],
  );
  const [nodes, setNodes] = useState<Node[]>(built);
  // Every answer of the engine replaces the cards with new objects of the same size, so React
  // Flow would not measure their handles again, and an edge drawn from a handle it has not
  // measured is left out: after an undo the map could lose its transitions. Measure them anew.
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    updateNodeInternals(built.filter((n) => n.type === "touchpoint").map((n) => n.id));
  }, [built, updateNodeInternals]);
  const [shown, setShown] = useState(built);
  if (shown !== built) {
    setShown(built);
    setNodes(built);
  }
  // The first view (see shared/viewport.ts) once the canvas has its size, and again after a tidy.
  const canvasWidth = useStore((s) => s.width);
  const canvasHeight = useStore((s) => s.height);
  const sized = canvasWidth > 0 && canvasHeight > 0;
  const fitted = useRef<number | null>(null);
  const showFirstView = useEffectEvent((animate: boolean) => {
    const emotionBottom = layout.lanes.length === 0 ? 0 : EMOTION_GAP + EMOTION_HEIGHT;
    const bounds = { x: 0, y: 0, width: layout.width, height: layout.height + emotionBottom };
    const view = firstView(bounds, { width: canvasWidth, height: canvasHeight });
    void flow.setViewport(view, { duration: animate ? 250 : 0 });
  });
  useEffect(() => {
    if (!sized || fitted.current === fit) return;
    const animate = fitted.current !== null;
    fitted.current = fit;
    showFirstView(animate);
  }, [fit, sized]);
  const [miniMap, toggleMiniMap] = useMiniMap();
  const edges = useMemo(() => buildEdges(journey, selection), [journey, selection]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const picked = changes.flatMap((c) => {
        if (c.type !== "select") return [];
        const id = touchpointOf(c.id);
        return id === null ? [] : [{ id, selected: c.selected }];
      });
      if (picked.length > 0) {
        onSelection((current) => ({
          ...current,
          touchpoints: toggled(current.touchpoints, picked),
        }));
      }
      const moves = changes.filter((c) => c.type === "position" || c.type === "dimensions");
      if (moves.length > 0) setNodes((current) => applyNodeChanges(moves, current));
    },
    [onSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picked = changes.flatMap((c) => {
        if (c.type !== "select") return [];
        const id = transitionOf(c.id);
        return id === null ? [] : [{ id, selected: c.selected }];
      });
      if (picked.length === 0) return;
      onSelection((current) => ({ ...current, transitions: toggled(current.transitions, picked) }));
    },
    [onSelection],
  );

  const onDragStop = useCallback(
    (_: unknown, __: Node, dragged: Node[]) => {
      const edits: Edit[] = [];
      for (const node of dragged) {
        const id = touchpointOf(node.id);
        const tp = journey.touchpoints.find((t) => t.id === id);
        const place = placeAt(layout, node.position);
        if (!tp || !place) continue;
        if (
          place.stage === tp.stage &&
          place.kind === tp.kind &&
          place.x === tp.x &&
          place.y === tp.y
        )
          continue;
        if (place.kind !== tp.kind) {
          edits.push({
            op: "set_touchpoint_field",
            touchpoint: tp.id,
            field: { field: "kind", value: place.kind },
          });
        }
        edits.push({
          op: "move_touchpoint",
          touchpoint: tp.id,
          stage: place.stage,
          x: place.x,
          y: place.y,
        });
      }
      if (edits.length === 0) {
        setNodes(buildNodes(journey, layout, selection, flagged, renaming, lane));
        return;
      }
      onEdit(edits.length === 1 && edits[0] ? edits[0] : { op: "batch", edits });
    },
    [journey, layout, selection, flagged, renaming, lane, onEdit],
  );

  const isValidConnection = useCallback(
    (c: Edge | Connection) => {
      const from = touchpointOf(c.source);
      const to = touchpointOf(c.target);
      if (from === null || to === null || from === to) return false;
      return !journey.transitions.some((tr) => tr.from === from && tr.to === to);
    },
    [journey],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = touchpointOf(c.source);
      const to = touchpointOf(c.target);
      if (from !== null && to !== null) onEdit({ op: "add_transition", from, to });
    },
    [onEdit],
  );

  return (
    <ReactFlow
      className={overview ? "is-overview" : undefined}
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={onDragStop}
      onConnect={onConnect}
      isValidConnection={isValidConnection}
      onDoubleClick={(event) => {
        // Lanes let the mouse through to the pane (so that dragging them pans the map): a
        // double-click on the pane inside a lane adds a touchpoint there.
        if (
          !(event.target instanceof Element) ||
          !event.target.classList.contains("react-flow__pane")
        )
          return;
        const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        const place = placeCentredAt(layout, point);
        if (place) onAddAt(place);
      }}
      onPaneClick={() => onSelection(() => ({ touchpoints: new Set(), transitions: new Set() }))}
      minZoom={0.1}
      maxZoom={2.5}
      zoomOnDoubleClick={false}
      deleteKeyCode={null}
      multiSelectionKeyCode={["Meta", "Control"]}
      selectionKeyCode="Shift"
      connectionRadius={28}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false}>
        <MiniMapToggle shown={miniMap} onToggle={toggleMiniMap} />
      </Controls>
      {miniMap && (
        <MiniMap
          pannable
          zoomable
          nodeColor={(node) =>
            node.type === "touchpoint"
              ? KIND_COLOURS[(node as TouchpointNode).data.touchpoint.kind]
              : node.type === "emotion"
                ? "transparent"
                : "#f1f5f9"
          }
          maskColor="rgba(15, 23, 42, 0.08)"
        />
      )}
    </ReactFlow>
  );
}
