// The saved views of the journey (shared/views.ts), above Analyze's side panel whatever it
// shows, so that a facilitator goes from one view to the next in one click even when a view
// opened a touchpoint's inspector. Saving, updating, renaming, moving and deleting a view are
// journey edits like Design's: stored at once, and undone with Design's Undo.

import { useContext, useState } from "react";
import type { Dimensions, Journey, SavedView, ViewId, ViewState } from "../generated/types";
import { LanguageContext, useT } from "../language";
import { SparkContext } from "../spark/context";
import {
  defaultName,
  fromViewState,
  missingParts,
  noteText,
  showsView,
  toViewState,
  withoutMissing,
  type AnalyzeState,
  type MissingPart,
} from "../shared/views";
import { useJourneyEdit } from "../shared/useJourneyEdit";

/** A view's name being typed: Enter or Save keeps it, Escape or Cancel leaves it. */
function NameForm({ initial, onDone }: { initial: string; onDone: (name: string | null) => void }) {
  const t = useT();
  const [name, setName] = useState(initial);
  const blank = name.trim() === "";
  return (
    <form
      className="view-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blank) onDone(name.trim());
      }}
    >
      <input
        data-testid="view-name-input"
        aria-label={t("views.name")}
        value={name}
        dir="auto"
        spellCheck={false}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone(null);
        }}
      />
      <button
        type="submit"
        className="button-quiet"
        disabled={blank}
        data-testid="view-save-confirm"
      >
        {t("views.save_confirm")}
      </button>
      <button type="button" className="button-quiet" onClick={() => onDone(null)}>
        {t("views.cancel")}
      </button>
    </form>
  );
}

/** One of the small buttons of a view's row (and of a story's, in Stories). */
export function Action({
  label,
  testId,
  disabled = false,
  onClick,
  children,
}: {
  label: string;
  testId: string;
  disabled?: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="view-action"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

interface RowProps {
  view: SavedView;
  first: boolean;
  last: boolean;
  onOpen: () => void;
  onRename: () => void;
  onMove: (by: -1 | 1) => void;
  onUpdate: () => void;
  onDelete: () => void;
}

function ViewRow({ view, first, last, onOpen, onRename, onMove, onUpdate, onDelete }: RowProps) {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="view-open"
        title={t("views.open")}
        onClick={onOpen}
        data-testid="view-restore"
        dir="auto"
      >
        {view.name}
      </button>
      <span className="view-actions">
        <Action label={t("views.rename")} testId="view-rename" onClick={onRename}>
          ✎
        </Action>
        <Action
          label={t("views.move_up")}
          testId="view-move-up"
          disabled={first}
          onClick={() => onMove(-1)}
        >
          ↑
        </Action>
        <Action
          label={t("views.move_down")}
          testId="view-move-down"
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </Action>
        <Action label={t("views.update")} testId="view-update" onClick={onUpdate}>
          ⟳
        </Action>
        <Action label={t("views.delete")} testId="view-delete" onClick={onDelete}>
          ×
        </Action>
      </span>
    </>
  );
}

interface Props {
  journey: Journey;
  /** The log's segments and channels; null while they load. */
  dimensions: Dimensions | null;
  /** What Analyze shows now, as a view would keep it. */
  state: ViewState;
  /** Shows a view's state, its missing parts already left out. */
  onOpen: (state: AnalyzeState) => void;
  /** The engine's journey after a view was saved, changed or deleted. */
  onJourneyEdited: (journey: Journey) => void;
}

export function SavedViews({ journey, dimensions, state, onOpen, onJourneyEdited }: Props) {
  const language = useContext(LanguageContext);
  const spark = useContext(SparkContext);
  const t = useT();
  const { edit, problem } = useJourneyEdit(journey.id, onJourneyEdited);
  /** The view last opened or saved, as Analyze showed it then. */
  const [opened, setOpened] = useState<{ id: ViewId; state: ViewState } | null>(null);
  /** What the view last opened asked for that is gone. */
  const [note, setNote] = useState<{ name: string; missing: MissingPart[] } | null>(null);
  /** The name being typed: of a new view, or of the view renamed. */
  const [naming, setNaming] = useState<"new" | ViewId | null>(null);
  const current = opened && showsView(state, opened.state) ? opened.id : null;
  const { views } = journey;

  const open = (view: SavedView) => {
    const missing = missingParts(view.state, dimensions, journey);
    const kept = fromViewState(withoutMissing(view.state, missing));
    // Spark has no trends: there the band stays closed.
    const shown = { ...kept, trends: kept.trends && !spark };
    onOpen(shown);
    setOpened({ id: view.id, state: toViewState(shown) });
    setNote(missing.length > 0 ? { name: view.name, missing } : null);
  };
  const save = (name: string) =>
    edit({ op: "save_view", name, state }, (edited) => {
      const made = edited.created.views[0];
      if (made !== undefined) setOpened({ id: made, state });
    });
  const rename = (view: SavedView, name: string) => {
    if (name !== view.name) edit({ op: "rename_view", view: view.id, name });
  };

  return (
    <section className="saved-views" data-testid="views-panel" aria-label={t("views.title")}>
      <h3 className="section-title">{t("views.title")}</h3>
      {note && (
        <div className="view-note" role="status" data-testid="view-note">
          <p>{noteText(language, note.name, note.missing)}</p>
          <Action
            label={t("views.dismiss")}
            testId="view-note-dismiss"
            onClick={() => setNote(null)}
          >
            ×
          </Action>
        </div>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {views.length === 0 ? (
        <p className="panel-hint">{t("views.none")}</p>
      ) : (
        <ol className="views-list">
          {views.map((view, i) => (
            <li
              key={view.id}
              className={view.id === current ? "view-row is-current" : "view-row"}
              aria-current={view.id === current ? "true" : undefined}
              data-testid="view-row"
              data-view-id={view.id}
              data-view-name={view.name}
            >
              {naming === view.id ? (
                <NameForm
                  initial={view.name}
                  onDone={(name) => {
                    setNaming(null);
                    if (name !== null) rename(view, name);
                  }}
                />
              ) : (
                <ViewRow
                  view={view}
                  first={i === 0}
                  last={i === views.length - 1}
                  onOpen={() => open(view)}
                  onRename={() => setNaming(view.id)}
                  onMove={(by) => edit({ op: "move_view", view: view.id, position: i + by })}
                  onUpdate={() =>
                    edit({ op: "update_view", view: view.id, state }, () =>
                      setOpened({ id: view.id, state }),
                    )
                  }
                  onDelete={() => edit({ op: "delete_view", view: view.id })}
                />
              )}
            </li>
          ))}
        </ol>
      )}
      {naming === "new" ? (
        <NameForm
          initial={defaultName(
            language,
            state,
            views.map((v) => v.name),
          )}
          onDone={(name) => {
            setNaming(null);
            if (name !== null) save(name);
          }}
        />
      ) : (
        <button
          type="button"
          className="button-quiet"
          onClick={() => setNaming("new")}
          data-testid="view-save"
        >
          {t("views.save")}
        </button>
      )}
    </section>
  );
}
