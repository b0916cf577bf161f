// The React Flow node components of the map: stage lanes (background) and touchpoints.

import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import type { BandBox, MapLayout } from "./layout";
import type { Touchpoint } from "../generated/types";
import { ChannelIcon } from "./channels";
import { useT } from "../language";

export type LaneNode = Node<{ name: string; index: number; bands: BandBox[] }, "lane">;
/** `flagged`: the journey's validation warns about this touchpoint (design mode). */
export type TouchpointNode = Node<{ touchpoint: Touchpoint; flagged?: boolean }, "touchpoint">;

/** The lanes of `layout` as read-only background nodes. */
export function laneNodes(layout: MapLayout): LaneNode[] {
  return layout.lanes.map((lane) => ({
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
}

/** A lane's physical and digital bands, each with its label. */
export function LaneBands({ bands }: { bands: BandBox[] }) {
  const t = useT();
  return (
    <>
      {bands.map((band) => (
        <div
          key={band.kind}
          className={`lane-band lane-band-${band.kind}`}
          style={{ top: band.y, height: band.height }}
        >
          <span className="lane-band-label">
            {t(band.kind === "physical" ? "map.band.physical" : "map.band.digital")}
          </span>
        </div>
      ))}
    </>
  );
}

export function Lane({ data, width, height }: NodeProps<LaneNode>) {
  return (
    <div className="lane" data-testid="lane" style={{ width, height }}>
      <header className="lane-header">
        <span className="lane-number">{data.index + 1}</span>
        <span className="lane-name" title={data.name}>
          {data.name}
        </span>
      </header>
      <LaneBands bands={data.bands} />
    </div>
  );
}

export function TouchpointCard({ data, selected }: NodeProps<TouchpointNode>) {
  const t = useT();
  const tp = data.touchpoint;
  return (
    <div
      className={`touchpoint touchpoint-${tp.kind}${selected ? " is-selected" : ""}`}
      data-testid="touchpoint"
      data-kind={tp.kind}
      data-stage={tp.stage}
      data-flagged={data.flagged ? "true" : undefined}
      title={tp.name}
    >
      {data.flagged && <span className="touchpoint-flag" aria-label={t("design.warnings.flag")} />}
      <Handle type="target" position={Position.Left} />
      <span className="touchpoint-icon">
        <ChannelIcon channel={tp.channel} />
      </span>
      <span className="touchpoint-text">
        <span className="touchpoint-name" dir="auto">
          {tp.name}
        </span>
        <span className="touchpoint-meta">
          {t(`channel.${tp.channel}`)}
          {tp.entry && <span className="badge badge-entry">{t("map.entry")}</span>}
          {tp.goal && <span className="badge badge-goal">{t("map.goal")}</span>}
        </span>
      </span>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const nodeTypes = { lane: Lane, touchpoint: TouchpointCard };
