// A stage's lane on the design canvas: its header renames the stage (double-click the name),
// moves it left or right and deletes it; the bands below hold the touchpoints.

import { useEffect, useRef } from "react";
import type { Node, NodeProps } from "@xyflow/react";
import type { StageId } from "../generated/types";
import type { BandBox } from "../map/layout";
import { useT } from "../language";
import { LaneBands } from "../map/nodes";

export interface LaneActions {
  startRename: (stage: StageId) => void;
  /** A new name, or null when renaming was cancelled. */
  rename: (stage: StageId, name: string | null) => void;
  move: (stage: StageId, by: -1 | 1) => void;
  remove: (stage: StageId) => void;
}

export type EditableLaneNode = Node<
  {
    stage: StageId;
    name: string;
    index: number;
    last: boolean;
    touchpoints: number;
    bands: BandBox[];
    renaming: boolean;
    actions: LaneActions;
  },
  "lane"
>;

function StageNameInput({
  stage,
  name,
  actions,
}: {
  stage: StageId;
  name: string;
  actions: LaneActions;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    actions.rename(stage, value);
  };
  return (
    <input
      ref={input}
      className="lane-name-input nodrag nopan"
      defaultValue={name}
      aria-label={t("design.stage.name")}
      data-testid="stage-name-input"
      dir="auto"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") finish(e.currentTarget.value);
        if (e.key === "Escape") finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}

export function EditableLane({ data, width, height }: NodeProps<EditableLaneNode>) {
  const t = useT();
  const { stage, actions } = data;
  return (
    <div className="lane" data-testid="lane" data-stage={stage} style={{ width, height }}>
      <header className="lane-header">
        <span className="lane-number">{data.index + 1}</span>
        {data.renaming ? (
          <StageNameInput stage={stage} name={data.name} actions={actions} />
        ) : (
          <span
            className="lane-name"
            title={`${data.name} — ${t("design.stage.rename_hint")}`}
            dir="auto"
            data-testid="lane-name"
            onDoubleClick={(e) => {
              e.stopPropagation();
              actions.startRename(stage);
            }}
          >
            {data.name}
          </span>
        )}
        <span className="lane-tools nodrag nopan">
          <button
            type="button"
            className="icon-button"
            title={t("design.stage.rename")}
            aria-label={t("design.stage.rename")}
            onClick={() => actions.startRename(stage)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            title={t("design.stage.left")}
            aria-label={t("design.stage.left")}
            disabled={data.index === 0}
            onClick={() => actions.move(stage, -1)}
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            title={t("design.stage.right")}
            aria-label={t("design.stage.right")}
            disabled={data.last}
            onClick={() => actions.move(stage, 1)}
          >
            ›
          </button>
          <button
            type="button"
            className="icon-button icon-button-danger"
            title={t("design.stage.delete")}
            aria-label={t("design.stage.delete")}
            data-testid="stage-delete"
            onClick={() => actions.remove(stage)}
          >
            ×
          </button>
        </span>
      </header>
      <LaneBands bands={data.bands} />
      {data.touchpoints === 0 && <p className="lane-empty">{t("design.stage.empty")}</p>}
    </div>
  );
}
