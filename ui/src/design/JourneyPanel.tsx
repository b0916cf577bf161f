// The side panel when no touchpoint is selected: the journey's name and description, its
// figures, the validation warnings (click one to select what it is about), the workshop's notes on
// stages and its personas; or, with several things selected, what they are and how to delete them.

import type {
  Edit,
  Journey,
  Persona,
  TouchpointId,
  Warning,
  WorkspaceSummary,
} from "../generated/types";
import { fill, formatCount, type Language } from "../i18n";
import { useT } from "../language";
import { RemoveButton, Section, TextField } from "./fields";
import type { Selection } from "./selection";
import { warnedTouchpoints, warningText } from "./warnings";
import { StageNotes } from "./WorkshopNotes";

interface Props {
  journey: Journey;
  summary: WorkspaceSummary;
  warnings: Warning[];
  language: Language;
  onEdit: (edit: Edit) => void;
  onSelect: (touchpoints: TouchpointId[]) => void;
}

export function JourneyPanel({ journey, summary, warnings, language, onEdit, onSelect }: Props) {
  const t = useT();
  const count = (n: number) => formatCount(language, n);
  const updatePersona = (persona: Persona) => onEdit({ op: "update_persona", persona });
  return (
    <aside
      className="side-panel inspector"
      aria-label={t("panel.journey")}
      data-testid="journey-panel"
    >
      <p className="eyebrow">{t("panel.journey")}</p>
      <TextField
        label={t("design.field.journey_name")}
        value={journey.name}
        required
        testId="journey-name"
        onCommit={(name) => onEdit({ op: "rename_journey", name })}
      />
      <TextField
        label={t("design.field.description")}
        value={journey.description}
        multiline
        onCommit={(description) => onEdit({ op: "set_journey_description", description })}
      />
      <dl className="facts">
        <dt>{t("panel.stages")}</dt>
        <dd>{count(journey.stages.length)}</dd>
        <dt>{t("panel.touchpoints")}</dt>
        <dd>{count(journey.touchpoints.length)}</dd>
        <dt>{t("panel.transitions")}</dt>
        <dd>{count(journey.transitions.length)}</dd>
        <dt>{t("panel.sources")}</dt>
        <dd>{count(summary.sources.length)}</dd>
        <dt>{t("panel.events")}</dt>
        <dd data-testid="event-count">{count(summary.events)}</dd>
      </dl>

      <Section
        label={fill(t("design.warnings.title"), { count: warnings.length })}
        testId="warnings"
      >
        {warnings.length === 0 ? (
          <p className="inspector-hint">{t("design.warnings.none")}</p>
        ) : (
          <ul className="warning-list">
            {warnings.map((w, i) => {
              const about = warnedTouchpoints(w);
              return (
                <li key={i}>
                  <button
                    type="button"
                    className="warning-item"
                    disabled={about.length === 0}
                    onClick={() => onSelect(about)}
                  >
                    {warningText(w, journey, t)}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <StageNotes journey={journey} onEdit={onEdit} />

      <Section label={t("design.personas")}>
        {journey.personas.map((p) => (
          <div className="persona" key={p.id}>
            <div className="list-row">
              <strong className="persona-name" dir="auto">
                {p.name}
              </strong>
              <RemoveButton
                label={t("design.remove")}
                onClick={() => onEdit({ op: "delete_persona", persona: p.id })}
              />
            </div>
            <TextField
              label={t("design.field.name")}
              value={p.name}
              required
              onCommit={(name) => updatePersona({ ...p, name })}
            />
            <TextField
              label={t("design.field.description")}
              value={p.description}
              multiline
              onCommit={(description) => updatePersona({ ...p, description })}
            />
            <TextField
              label={t("design.persona.goals")}
              value={p.goals.join("\n")}
              multiline
              onCommit={(text) =>
                updatePersona({
                  ...p,
                  goals: text
                    .split("\n")
                    .map((g) => g.trim())
                    .filter((g) => g !== ""),
                })
              }
            />
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            onEdit({
              op: "add_persona",
              persona: { id: 0, name: t("design.persona.new"), description: "", goals: [] },
            })
          }
        >
          + {t("design.add_persona")}
        </button>
      </Section>
      <p className="panel-hint">{t("design.hint")}</p>
    </aside>
  );
}

/** The side panel with several things selected. */
export function SelectionPanel({
  selection,
  language,
  onDelete,
}: {
  selection: Selection;
  language: Language;
  onDelete: () => void;
}) {
  const t = useT();
  return (
    <aside
      className="side-panel inspector"
      aria-label={t("design.selection")}
      data-testid="selection-panel"
    >
      <p className="eyebrow">{t("design.selection")}</p>
      <dl className="facts">
        <dt>{t("panel.touchpoints")}</dt>
        <dd>{formatCount(language, selection.touchpoints.size)}</dd>
        <dt>{t("panel.transitions")}</dt>
        <dd>{formatCount(language, selection.transitions.size)}</dd>
      </dl>
      <p className="panel-hint">{t("design.selection.hint")}</p>
      <button type="button" className="danger-button" onClick={onDelete}>
        {t("design.delete_selection")}
      </button>
    </aside>
  );
}
