// Deleting a stage that holds touchpoints asks where they go: to another stage (keeping their
// place in the lane), or away with the stage. Either way it is one edit, undone in one step.

import { useEffect, useRef, useState } from "react";
import type { Edit, Journey, StageId } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";

interface Props {
  journey: Journey;
  stage: StageId;
  onCancel: () => void;
  onConfirm: (edit: Edit) => void;
}

const DROP = "drop";

export function DeleteStageDialog({ journey, stage, onCancel, onConfirm }: Props) {
  const t = useT();
  const others = journey.stages.filter((s) => s.id !== stage);
  const held = journey.touchpoints.filter((tp) => tp.stage === stage);
  const name = journey.stages.find((s) => s.id === stage)?.name ?? "";
  const [target, setTarget] = useState<string>(others[0] ? String(others[0].id) : DROP);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const confirm = () =>
    onConfirm(
      target === DROP
        ? {
            op: "batch",
            edits: [
              { op: "delete", touchpoints: held.map((tp) => tp.id), transitions: [] },
              { op: "delete_stage", stage, move_touchpoints_to: null },
            ],
          }
        : { op: "delete_stage", stage, move_touchpoints_to: Number(target) },
    );
  return (
    <div className="import-backdrop" role="presentation">
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="delete-stage-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="delete-stage-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h1 id="delete-stage-title" dir="auto">
          {fill(t("design.delete_stage.title"), { name })}
        </h1>
        <p className="export-note">
          {fill(t("design.delete_stage.holds"), { count: held.length })}
        </p>
        <label className="export-field">
          <span>{t("design.delete_stage.move_to")}</span>
          <select
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
            data-testid="delete-stage-target"
          >
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value={DROP}>{t("design.delete_stage.drop")}</option>
          </select>
        </label>
        <footer className="export-footer">
          <button type="button" onClick={onCancel}>
            {t("design.cancel")}
          </button>
          <button
            type="button"
            className="primary danger"
            onClick={confirm}
            data-testid="delete-stage-confirm"
          >
            {t("design.delete_stage.confirm")}
          </button>
        </footer>
      </div>
    </div>
  );
}
