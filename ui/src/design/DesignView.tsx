// Design mode: the journeys of the workspace on the left, the editable map in the middle with its
// toolbar, and the inspector on the right. Every change is an engine edit, stored at once in the
// workspace file and undone by the engine (Ctrl/Cmd+Z; Ctrl/Cmd+Shift+Z or Ctrl+Y to redo), so
// the editor never holds a journey of its own: it shows what the engine answered.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { ReactFlowProvider } from "@xyflow/react";
import { useErrorText } from "../errors";
import type {
  Edit,
  Edited,
  History,
  Journey,
  JourneyId,
  StageId,
  TouchpointId,
  Warning,
  WorkspaceSummary,
} from "../generated/types";
import { fill, type Language } from "../i18n";
import { useT } from "../language";
import { designApi } from "./api";
import { EditorMap } from "./EditorMap";
import { blankTouchpoint, copyOf, freeSlot, pasteEdit, type Clip, type Place } from "./geometry";
import { JourneyPanel, SelectionPanel } from "./JourneyPanel";
import { JourneyList } from "./JourneyList";
import { DeleteStageDialog } from "./DeleteStageDialog";
import { TouchpointInspector } from "./TouchpointInspector";
import { isEmpty, keepExisting, NOTHING, only, type Selection } from "./selection";
import { warnedTouchpoints, warningText } from "./warnings";
import type { LaneActions } from "./EditableLane";
import { arrowMove, historyLabel, shortcut } from "./keys";
import { clamp, LANE_WIDTH, NODE_WIDTH } from "../map/layout";
import "./design.css";

interface Props {
  journey: Journey;
  summary: WorkspaceSummary;
  language: Language;
  /** The engine's journey after an edit, undo or redo. */
  onJourney: (journey: Journey) => void;
  /** Opens another journey of the workspace (or the first one when undefined), reloading it. */
  onOpen: (journey?: JourneyId) => void;
}

/** Whether a key press belongs to a text field (which has its own undo) rather than the map. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function DesignView({ journey, summary, language, onJourney, onOpen }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [history, setHistory] = useState<History>({ undo: null, redo: null });
  const [renaming, setRenaming] = useState<StageId | null>(null);
  const [deleting, setDeleting] = useState<StageId | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Counts requests to focus the name of a touchpoint just added. */
  const [focusName, setFocusName] = useState(0);
  const [fit, setFit] = useState(0);
  const clip = useRef<{ clip: Clip; pasted: number } | null>(null);
  /** Edits go to the engine one after another, in the order they were made. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  /** The latest journey, for handlers that run after an answer arrives. */
  const current = useRef(journey);
  useLayoutEffect(() => {
    current.current = journey;
  }, [journey]);
  const id = journey.id;

  // Another journey starts with nothing selected, renamed or reported.
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setSelection(NOTHING);
    setRenaming(null);
    setProblem(null);
  }

  // Read again whenever the journey changes, since an edit made elsewhere (a note taken in
  // Present, a view saved in Analyze) is on the same undo history.
  // A reading that comes back after a newer one has started is stale: an undo made in between
  // would otherwise show its Redo disabled until the next change.
  useEffect(() => {
    let latest = true;
    void Promise.all([designApi.history(id), designApi.warnings(id)]).then(
      ([h, w]) => {
        if (!latest) return;
        setHistory(h);
        setWarnings(w);
      },
      (e: unknown) => {
        if (latest) setProblem(errorMessage(e));
      },
    );
    return () => {
      latest = false;
    };
  }, [id, journey, errorMessage]);

  const run = useCallback(
    (call: () => Promise<Edited>, then?: (edited: Edited) => void) => {
      queue.current = queue.current.then(async () => {
        try {
          const edited = await call();
          setProblem(null);
          setHistory(edited.history);
          setWarnings(edited.warnings);
          if (!edited.changed) return;
          onJourney(edited.journey);
          const made = edited.created.touchpoints;
          setSelection((s) => (made.length > 0 ? only(made) : keepExisting(s, edited.journey)));
          then?.(edited);
        } catch (e) {
          setProblem(errorMessage(e));
        }
      });
    },
    [onJourney, errorMessage],
  );

  const edit = useCallback(
    (e: Edit, then?: (edited: Edited) => void) => run(() => designApi.apply(id, e), then),
    [run, id],
  );
  const undo = useCallback(() => run(() => designApi.undo(id)), [run, id]);
  const redo = useCallback(() => run(() => designApi.redo(id)), [run, id]);

  const addTouchpointAt = useCallback(
    (place: Place) => {
      const names = new Set(current.current.touchpoints.map((tp) => tp.name));
      let name = t("design.new_touchpoint");
      for (let n = 2; names.has(name); n += 1) name = `${t("design.new_touchpoint")} ${n}`;
      edit({ op: "add_touchpoint", touchpoint: blankTouchpoint(name, place) }, () =>
        setFocusName((n) => n + 1),
      );
    },
    [edit, t],
  );

  const addTouchpoint = () => {
    const j = current.current;
    const near = j.touchpoints.find((tp) => selection.touchpoints.has(tp.id));
    const stage = near?.stage ?? j.stages[0]?.id;
    if (stage === undefined) {
      setProblem(t("design.add_stage_first"));
      return;
    }
    const kind = near?.kind ?? "digital";
    addTouchpointAt({ stage, kind, ...freeSlot(j, stage, kind) });
  };

  const addStage = () =>
    edit(
      {
        op: "add_stage",
        name: fill(t("design.stage.default"), { n: journey.stages.length + 1 }),
        position: null,
      },
      (e) => {
        const made = e.created.stages[0];
        if (made !== undefined) setRenaming(made);
      },
    );

  const deleteSelection = useCallback(() => {
    if (isEmpty(selection)) return;
    edit({
      op: "delete",
      touchpoints: [...selection.touchpoints],
      transitions: [...selection.transitions],
    });
  }, [edit, selection]);

  const copy = useCallback(() => {
    const c = copyOf(current.current, selection.touchpoints);
    if (c) clip.current = { clip: c, pasted: 0 };
    return c !== null;
  }, [selection]);

  const paste = useCallback(() => {
    const held = clip.current;
    if (!held) return;
    held.pasted += 1;
    const e = pasteEdit(current.current, held.clip, t("design.copy_suffix"), held.pasted);
    if (e) edit(e);
  }, [edit, t]);

  const lane: LaneActions = useMemo(
    () => ({
      startRename: (stage) => setRenaming(stage),
      rename: (stage, name) => {
        setRenaming(null);
        const old = current.current.stages.find((s) => s.id === stage)?.name;
        if (name !== null && name.trim() !== "" && name !== old)
          edit({ op: "rename_stage", stage, name });
      },
      move: (stage, by) => {
        const at = current.current.stages.findIndex((s) => s.id === stage);
        if (at >= 0) edit({ op: "move_stage", stage, position: Math.max(0, at + by) });
      },
      remove: (stage) => {
        const holds = current.current.touchpoints.some((tp) => tp.stage === stage);
        if (holds) setDeleting(stage);
        else edit({ op: "delete_stage", stage, move_touchpoints_to: null });
      },
    }),
    [edit],
  );

  /** Arrow keys nudge the selected cards inside their lanes, as one edit. */
  const nudge = useCallback(
    (dx: number, dy: number) => {
      const edits: Edit[] = current.current.touchpoints
        .filter((tp) => selection.touchpoints.has(tp.id))
        .map((tp) => ({
          op: "move_touchpoint",
          touchpoint: tp.id,
          stage: tp.stage,
          x: clamp(tp.x + dx, 0, LANE_WIDTH - NODE_WIDTH),
          y: Math.max(0, tp.y + dy),
        }));
      if (edits.length > 0) edit({ op: "batch", edits });
    },
    [edit, selection],
  );

  // The editor's keyboard: undo and redo through the engine, delete, copy, cut, paste, select
  // all, arrows. Listened to before React Flow, whose own arrow keys would move cards on screen
  // only.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || deleting !== null || document.querySelector("[role=dialog]")) return;
      const move = arrowMove(e);
      if (move) {
        if (selection.touchpoints.size === 0) return;
        e.preventDefault();
        e.stopPropagation();
        nudge(move.dx, move.dy);
        return;
      }
      const action = shortcut(e);
      if (action === null) return;
      e.preventDefault();
      switch (action) {
        case "undo":
          return undo();
        case "redo":
          return redo();
        case "delete":
          return deleteSelection();
        case "copy":
          copy();
          return;
        case "cut":
          if (copy()) deleteSelection();
          return;
        case "paste":
          return paste();
        case "select_all":
          return setSelection(only(current.current.touchpoints.map((tp) => tp.id)));
        case "escape":
          return setSelection(NOTHING);
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [undo, redo, deleteSelection, copy, paste, deleting, nudge, selection]);

  // A touchpoint just added: its name is ready to be typed over.
  useEffect(() => {
    if (focusName === 0) return;
    const input = document.querySelector<HTMLInputElement>("[data-testid=inspector-name]");
    input?.focus();
    input?.select();
  }, [focusName]);

  const flagged = useMemo(() => new Set(warnings.flatMap(warnedTouchpoints)), [warnings]);
  const chosen = [...selection.touchpoints];
  const single =
    chosen.length === 1 && selection.transitions.size === 0
      ? journey.touchpoints.find((tp) => tp.id === chosen[0])
      : undefined;
  const aboutSingle = single
    ? warnings
        .filter((w) => warnedTouchpoints(w).includes(single.id))
        .map((w) => warningText(w, journey, t))
    : [];
  const empty = journey.stages.length === 0;
  const selectTouchpoints = (ids: TouchpointId[]) => setSelection(only(ids));

  return (
    <>
      <JourneyList summary={summary} journey={journey} onOpen={onOpen} onProblem={setProblem} />
      <section className="design-main" aria-label={journey.name}>
        <div className="design-toolbar" role="toolbar" aria-label={t("design.toolbar")}>
          <button type="button" onClick={addStage} data-testid="add-stage">
            + {t("design.add_stage")}
          </button>
          <button
            type="button"
            onClick={addTouchpoint}
            data-testid="add-touchpoint"
            disabled={empty}
          >
            + {t("design.add_touchpoint")}
          </button>
          <span className="toolbar-gap" />
          <button
            type="button"
            onClick={() => edit({ op: "tidy" }, () => setFit((n) => n + 1))}
            data-testid="tidy"
            disabled={journey.touchpoints.length === 0}
            title={t("design.tidy_hint")}
          >
            {t("design.tidy")}
          </button>
          <span className="toolbar-gap" />
          <button
            type="button"
            onClick={undo}
            disabled={history.undo === null}
            data-testid="undo"
            title={
              history.undo === null
                ? t("design.undo")
                : `${t("design.undo")}: ${historyLabel(history.undo, t)} (${t("design.undo_keys")})`
            }
          >
            ↶ {t("design.undo")}
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={history.redo === null}
            data-testid="redo"
            title={
              history.redo === null
                ? t("design.redo")
                : `${t("design.redo")}: ${historyLabel(history.redo, t)} (${t("design.redo_keys")})`
            }
          >
            ↷ {t("design.redo")}
          </button>
          <span className="toolbar-spacer" />
          <span
            className={warnings.length > 0 ? "warning-chip has-warnings" : "warning-chip"}
            data-testid="warning-count"
            title={warnings.map((w) => warningText(w, journey, t)).join("\n")}
          >
            {fill(t("design.warnings.count"), { count: warnings.length })}
          </span>
        </div>
        {problem && (
          <div className="toast" role="alert" data-testid="design-problem">
            <span>{problem}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t("design.dismiss")}
              onClick={() => setProblem(null)}
            >
              ×
            </button>
          </div>
        )}
        <div className="canvas">
          {empty && (
            <div className="canvas-empty">
              <p>{t("design.empty")}</p>
              <button type="button" onClick={addStage}>
                + {t("design.add_stage")}
              </button>
            </div>
          )}
          <ReactFlowProvider>
            <EditorMap
              journey={journey}
              selection={selection}
              flagged={flagged}
              renaming={renaming}
              lane={lane}
              onSelection={setSelection}
              onEdit={edit}
              onAddAt={addTouchpointAt}
              fit={fit}
            />
          </ReactFlowProvider>
        </div>
      </section>
      {single ? (
        <TouchpointInspector
          key={single.id}
          journey={journey}
          touchpoint={single}
          warnings={aboutSingle}
          onEdit={edit}
        />
      ) : isEmpty(selection) ? (
        <JourneyPanel
          journey={journey}
          summary={summary}
          warnings={warnings}
          language={language}
          onEdit={edit}
          onSelect={selectTouchpoints}
        />
      ) : (
        <SelectionPanel selection={selection} language={language} onDelete={deleteSelection} />
      )}
      {deleting !== null && (
        <DeleteStageDialog
          journey={journey}
          stage={deleting}
          onCancel={() => setDeleting(null)}
          onConfirm={(e) => {
            setDeleting(null);
            edit(e);
          }}
        />
      )}
    </>
  );
}
