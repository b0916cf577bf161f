// A journey drawn read-only, as Design lays it out (lanes, bands, cards, transitions), fitted
// to its box: the preview of a journey that is not in the workspace yet.

import { useMemo } from "react";
import { Background, Controls, MarkerType, ReactFlow, type Edge, type Node } from "@xyflow/react";
import type { Journey } from "../generated/types";
import { layoutJourney } from "./layout";
import { laneNodes, nodeTypes, type LaneNode, type TouchpointNode } from "./nodes";

const INK = "#64748b";

export function JourneyPreview({ journey }: { journey: Journey }) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutJourney(journey);
    const lanes: LaneNode[] = laneNodes(layout);
    const cards: TouchpointNode[] = journey.touchpoints.flatMap((tp) => {
      const at = layout.positions.get(tp.id);
      return at
        ? [
            {
              id: `tp-${tp.id}`,
              type: "touchpoint" as const,
              position: at,
              data: { touchpoint: tp },
              draggable: false,
              selectable: false,
              focusable: false,
            },
          ]
        : [];
    });
    const edges: Edge[] = journey.transitions.map((tr) => ({
      id: `tr-${tr.id}`,
      source: `tp-${tr.from}`,
      target: `tp-${tr.to}`,
      style: { stroke: INK, strokeWidth: 1.5 },
      markerEnd: { type: MarkerType.ArrowClosed, color: INK },
      focusable: false,
    }));
    return { nodes: [...lanes, ...cards] as Node[], edges };
  }, [journey]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.04 }}
      minZoom={0.1}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
