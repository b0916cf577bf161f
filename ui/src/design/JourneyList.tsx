// The journeys of the workspace (one per persona, say), in a sidebar: open one, start a new one
// blank or from a template, import one from a journey file, export or delete the open one.

import { useEffect, useRef, useState } from "react";
import { useErrorText } from "../errors";
import type { Journey, JourneyId, TemplateInfo, WorkspaceSummary } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";
import { designApi } from "./api";
import { JourneyFileDialog } from "./JourneyFileDialog";
import { DiscoverDialog } from "./DiscoverDialog";

interface Props {
  summary: WorkspaceSummary;
  journey: Journey | null;
  onOpen: (journey?: JourneyId) => void;
  onProblem: (message: string) => void;
}

export function JourneyList({ summary, journey, onOpen, onProblem }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [creating, setCreating] = useState(false);
  const [discovering, setDiscovering] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [file, setFile] = useState<"export" | "import" | null>(null);

  const remove = async () => {
    if (!journey) return;
    setConfirmDelete(false);
    try {
      await designApi.deleteJourney(journey.id);
      onOpen(undefined);
    } catch (e) {
      onProblem(errorMessage(e));
    }
  };

  return (
    <nav className="journey-list" aria-label={t("design.journeys")} data-testid="journey-list">
      <p className="eyebrow">{t("design.journeys")}</p>
      <ul>
        {summary.journeys.map((j) => (
          <li key={j.id}>
            <button
              type="button"
              className={journey?.id === j.id ? "journey-item is-active" : "journey-item"}
              aria-current={journey?.id === j.id ? "page" : undefined}
              onClick={() => journey?.id !== j.id && onOpen(j.id)}
              title={j.name}
            >
              <span className="journey-item-name" dir="auto">
                {j.name}
              </span>
              <span className="journey-item-meta">
                {fill(t("design.journey.counts"), { stages: j.stages, touchpoints: j.touchpoints })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="journey-actions">
        <button type="button" onClick={() => setCreating(true)} data-testid="new-journey">
          + {t("design.journey.new")}
        </button>
        <button type="button" onClick={() => setDiscovering(true)} data-testid="journey-discover">
          {t("discover.open")}
        </button>
        <button type="button" onClick={() => setFile("import")} data-testid="journey-import">
          {t("design.journey.import")}
        </button>
        {journey && (
          <>
            <button type="button" onClick={() => setFile("export")} data-testid="journey-export">
              {t("design.journey.export")}
            </button>
            <button type="button" className="danger-link" onClick={() => setConfirmDelete(true)}>
              {t("design.journey.delete")}
            </button>
          </>
        )}
      </div>
      {file === "export" && journey && (
        <JourneyFileDialog mode="export" journey={journey} onClose={() => setFile(null)} />
      )}
      {file === "import" && (
        <JourneyFileDialog
          mode="import"
          onClose={() => setFile(null)}
          onImported={(id) => {
            setFile(null);
            onOpen(id);
          }}
        />
      )}
      {discovering && (
        <DiscoverDialog
          onCancel={() => setDiscovering(false)}
          onCreated={(id) => {
            setDiscovering(false);
            onOpen(id);
          }}
        />
      )}
      {creating && (
        <NewJourneyDialog
          onCancel={() => setCreating(false)}
          onCreate={async (name, template) => {
            try {
              const made = await designApi.newJourney(name, template);
              setCreating(false);
              onOpen(made.id);
            } catch (e) {
              onProblem(errorMessage(e));
            }
          }}
        />
      )}
      {confirmDelete && journey && (
        <div className="import-backdrop" role="presentation">
          <div
            className="export-dialog"
            role="dialog"
            aria-modal="true"
            aria-labelledby="delete-journey-title"
          >
            <h1 id="delete-journey-title" dir="auto">
              {fill(t("design.journey.delete_title"), { name: journey.name })}
            </h1>
            <p className="export-note">{t("design.journey.delete_note")}</p>
            <footer className="export-footer">
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t("design.cancel")}
              </button>
              <button type="button" className="primary danger" onClick={() => void remove()}>
                {t("design.journey.delete")}
              </button>
            </footer>
          </div>
        </div>
      )}
    </nav>
  );
}

function NewJourneyDialog({
  onCancel,
  onCreate,
}: {
  onCancel: () => void;
  onCreate: (name: string, template: string | null) => Promise<void>;
}) {
  const t = useT();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [template, setTemplate] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    void designApi.templates().then(setTemplates, () => setTemplates([]));
  }, []);
  const blankName = template === null && name.trim() === "";
  const create = async () => {
    if (blankName || busy) return;
    setBusy(true);
    await onCreate(name.trim(), template);
    setBusy(false);
  };
  return (
    <div className="import-backdrop" role="presentation">
      <div
        className="export-dialog new-journey"
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-journey-title"
        data-testid="new-journey-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h1 id="new-journey-title">{t("design.journey.new")}</h1>
        <label className="export-field">
          <span>{t("design.field.journey_name")}</span>
          <input
            ref={input}
            type="text"
            value={name}
            dir="auto"
            placeholder={
              template === null
                ? t("design.journey.name_needed")
                : t("design.journey.name_from_template")
            }
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void create();
            }}
            data-testid="new-journey-name"
          />
        </label>
        <fieldset className="template-list">
          <legend>{t("design.journey.start_from")}</legend>
          <label className={template === null ? "template is-active" : "template"}>
            <input
              type="radio"
              name="template"
              checked={template === null}
              onChange={() => setTemplate(null)}
            />
            <span className="template-name">{t("design.journey.blank")}</span>
            <span className="template-meta">{t("design.journey.blank_note")}</span>
          </label>
          {templates.map((tpl) => (
            <label
              key={tpl.key}
              className={template === tpl.key ? "template is-active" : "template"}
            >
              <input
                type="radio"
                name="template"
                checked={template === tpl.key}
                onChange={() => setTemplate(tpl.key)}
                data-testid={`template-${tpl.key}`}
              />
              <span className="template-name">{tpl.name}</span>
              <span className="template-meta">
                {tpl.description}{" "}
                {fill(t("design.journey.template_counts"), {
                  stages: tpl.stages,
                  touchpoints: tpl.touchpoints,
                  transitions: tpl.transitions,
                })}
              </span>
            </label>
          ))}
        </fieldset>
        <footer className="export-footer">
          <button type="button" onClick={onCancel}>
            {t("design.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={blankName || busy}
            onClick={() => void create()}
            data-testid="new-journey-create"
          >
            {t("design.journey.create")}
          </button>
        </footer>
      </div>
    </div>
  );
}
