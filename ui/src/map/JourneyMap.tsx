// The journey map canvas: lanes, touchpoints and transitions, with pan, zoom, fit and a minimap.

import { useMemo } from "react";
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Edge,
  type Node,
} from "@xyflow/react";
import type { Journey, TouchpointId } from "../generated/types";
import { layoutJourney, NODE_HEIGHT, NODE_WIDTH } from "./layout";
import { nodeTypes, type LaneNode, type TouchpointNode } from "./nodes";

interface Props {
  journey: Journey;
  onSelect: (id: TouchpointId | null) => void;
}

const KIND_COLOURS = { physical: "#b45309", digital: "#4338ca" } as const;

export function JourneyMap({ journey, onSelect }: Props) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutJourney(journey);
    const lanes: LaneNode[] = layout.lanes.map((lane) => ({
      id: `lane-${lane.stage}`,
      type: "lane",
      position: { x: lane.x, y: lane.y },
      width: lane.width,
      height: lane.height,
      data: { name: lane.name, index: lane.index, bands: layout.bands },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
    }));
    const touchpoints: TouchpointNode[] = journey.touchpoints.flatMap((tp) => {
      const position = layout.positions.get(tp.id);
      if (!position) return [];
      return [
        {
          id: `tp-${tp.id}`,
          type: "touchpoint",
          position,
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          data: { touchpoint: tp },
          draggable: false,
        },
      ];
    });
    const edges: Edge[] = journey.transitions.map((tr) => ({
      id: `tr-${tr.id}`,
      source: `tp-${tr.from}`,
      target: `tp-${tr.to}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#64748b" },
      style: { stroke: "#64748b", strokeWidth: 1.5 },
    }));
    return { nodes: [...lanes, ...touchpoints] as Node[], edges };
  }, [journey]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.06 }}
      minZoom={0.15}
      maxZoom={2.5}
      nodesConnectable={false}
      onNodeClick={(_, node) => onSelect(node.type === "touchpoint" ? Number(node.id.slice(3)) : null)}
      onPaneClick={() => onSelect(null)}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} color="#e2e8f0" />
      <Controls showInteractive={false} />
      <MiniMap
        pannable
        zoomable
        nodeColor={(node) =>
          node.type === "touchpoint"
            ? KIND_COLOURS[(node as TouchpointNode).data.touchpoint.kind]
            : "#f1f5f9"
        }
        maskColor="rgba(15, 23, 42, 0.08)"
      />
    </ReactFlow>
  );
}
