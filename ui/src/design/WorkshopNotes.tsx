// The workshop's notes in Design: the notes taken in Present on a touchpoint, in its inspector,
// each to add to the touchpoint's pain points or opportunities or to delete; and the notes on
// stages, in the journey panel, to delete. Every action is one engine edit, so one undo step.
// Notes are text, never HTML.

import type { ReactNode } from "react";
import type { Edit, Journey, Note, NoteKind, Stage, Touchpoint } from "../generated/types";
import { useT } from "../language";
import { Section } from "./fields";

/**
 * The edit that adds `note` to `tp` (a pain point to its pain points, an opportunity to its
 * opportunities as an idea) and deletes the note, as one batch; null for a question.
 */
export function adoptNote(tp: Touchpoint, note: Note): Edit | null {
  const remove: Edit = { op: "delete_note", note: note.id };
  switch (note.kind) {
    case "pain_point":
      return {
        op: "batch",
        edits: [
          {
            op: "set_touchpoint_field",
            touchpoint: tp.id,
            field: { field: "pain_points", value: [...tp.pain_points, note.text] },
          },
          remove,
        ],
      };
    case "opportunity":
      return {
        op: "batch",
        edits: [
          {
            op: "set_touchpoint_field",
            touchpoint: tp.id,
            field: {
              field: "opportunities",
              value: [...tp.opportunities, { text: note.text, owner: "", status: "idea" }],
            },
          },
          remove,
        ],
      };
    case "question":
      return null;
  }
}

function KindBadge({ kind }: { kind: NoteKind }) {
  const t = useT();
  return <span className={`note-kind note-kind-${kind}`}>{t(`present.note.kind.${kind}`)}</span>;
}

/**
 * One note as Design lists it: its kind, its text and its actions (`children` before Delete);
 * `testId` names the card, and its Delete button is `<testId>-delete`.
 */
function NoteCard({
  note,
  testId,
  onEdit,
  children,
}: {
  note: Note;
  testId: string;
  onEdit: (edit: Edit) => void;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <li className="workshop-note" data-testid={testId} data-kind={note.kind} data-note-id={note.id}>
      <KindBadge kind={note.kind} />
      <p className="workshop-note-text" dir="auto">
        {note.text}
      </p>
      <div className="workshop-note-actions">
        {children}
        <button
          type="button"
          className="link-button workshop-note-delete"
          data-testid={`${testId}-delete`}
          onClick={() => onEdit({ op: "delete_note", note: note.id })}
        >
          {t("design.notes.delete")}
        </button>
      </div>
    </li>
  );
}

/** The "Workshop notes" section of a touchpoint's inspector; nothing when it has no note. */
export function TouchpointNotes({
  journey,
  touchpoint: tp,
  onEdit,
}: {
  journey: Journey;
  touchpoint: Touchpoint;
  onEdit: (edit: Edit) => void;
}) {
  const t = useT();
  const notes = journey.notes.filter(
    (n) => n.target.on === "touchpoint" && n.target.touchpoint === tp.id,
  );
  if (notes.length === 0) return null;
  return (
    <Section label={t("design.notes.title")} testId="inspector-notes">
      <p className="inspector-hint">{t("design.notes.hint")}</p>
      <ul className="workshop-notes">
        {notes.map((note) => {
          const adopt = adoptNote(tp, note);
          return (
            <NoteCard key={note.id} note={note} testId="inspector-note" onEdit={onEdit}>
              {adopt && (
                <button
                  type="button"
                  className="link-button"
                  title={t(
                    note.kind === "pain_point"
                      ? "design.notes.adopt_pain_point"
                      : "design.notes.adopt_opportunity",
                  )}
                  data-testid="inspector-note-adopt"
                  onClick={() => onEdit(adopt)}
                >
                  {t("design.notes.adopt")}
                </button>
              )}
            </NoteCard>
          );
        })}
      </ul>
    </Section>
  );
}

/** The notes on stages, by stage in the journey's order; nothing when there is none. */
export function StageNotes({
  journey,
  onEdit,
}: {
  journey: Journey;
  onEdit: (edit: Edit) => void;
}) {
  const t = useT();
  const groups = journey.stages
    .map((stage): { stage: Stage; notes: Note[] } => ({
      stage,
      notes: journey.notes.filter((n) => n.target.on === "stage" && n.target.stage === stage.id),
    }))
    .filter((g) => g.notes.length > 0);
  if (groups.length === 0) return null;
  return (
    <Section label={t("design.notes.title")} testId="stage-notes">
      <p className="inspector-hint">{t("design.notes.stage_hint")}</p>
      {groups.map(({ stage, notes }) => (
        <div key={stage.id} className="workshop-notes-stage">
          <p className="inspector-label" dir="auto">
            {stage.name}
          </p>
          <ul className="workshop-notes">
            {notes.map((note) => (
              <NoteCard key={note.id} note={note} testId="stage-note" onEdit={onEdit} />
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
