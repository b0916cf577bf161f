// Workshop notes in Present: the N key opens a dialog that adds a pain point, an opportunity or a
// question on the stage on screen or one of its touchpoints, as one undoable edit of the journey;
// the last slide lists every note the journey keeps. Notes are text, never HTML.

import { useEffect, useRef, useState } from "react";
import type { Journey, NoteKind, NoteTarget } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";
import { NOTE_KINDS, noteSubject, notesByKind, type NoteSubject } from "./steps";

function targetKey(target: NoteTarget): string {
  return target.on === "stage" ? `s${target.stage}` : `t${target.touchpoint}`;
}

export function NoteDialog({
  subjects,
  saving,
  problem,
  onSave,
  onClose,
}: {
  subjects: NoteSubject[];
  saving: boolean;
  /** Why the last save failed, in words. */
  problem: string | null;
  onSave: (target: NoteTarget, kind: NoteKind, text: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<NoteKind>("pain_point");
  const [subject, setSubject] = useState(() => (subjects[0] ? targetKey(subjects[0].target) : ""));
  const [text, setText] = useState("");
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  const chosen = subjects.find((s) => targetKey(s.target) === subject) ?? subjects[0];
  const ready = chosen !== undefined && text.trim() !== "" && !saving;
  const save = () => {
    if (ready) onSave(chosen.target, kind, text.trim());
  };
  return (
    <div className="present-note-backdrop">
      <form
        className="present-note"
        role="dialog"
        aria-modal="true"
        aria-labelledby="present-note-title"
        data-testid="note-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={(e) => {
          // The presentation's keys stay out of the dialog.
          e.stopPropagation();
          if (e.key === "Escape") {
            e.preventDefault();
            onClose();
          } else if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            save();
          } else if (e.altKey && ["1", "2", "3"].includes(e.key)) {
            e.preventDefault();
            setKind(NOTE_KINDS[Number(e.key) - 1] ?? kind);
          }
        }}
      >
        <h2 id="present-note-title">{t("present.note.title")}</h2>
        <fieldset className="present-note-kinds">
          <legend>{t("present.note.kind")}</legend>
          {NOTE_KINDS.map((k) => (
            <label key={k} className={`present-note-kind kind-${k}${k === kind ? " on" : ""}`}>
              <input
                type="radio"
                name="note-kind"
                value={k}
                checked={k === kind}
                onChange={() => setKind(k)}
                data-testid={`note-kind-${k}`}
              />
              {t(`present.note.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <label className="present-note-field">
          <span>{t("present.note.subject")}</span>
          <select
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            data-testid="note-subject"
          >
            {subjects.map((s) => (
              <option key={targetKey(s.target)} value={targetKey(s.target)}>
                {s.nested ? `   ${s.name}` : fill(t("present.note.stage"), { name: s.name })}
              </option>
            ))}
          </select>
        </label>
        <label className="present-note-field">
          <span>{t("present.note.text")}</span>
          <textarea
            ref={field}
            rows={3}
            maxLength={500}
            value={text}
            placeholder={t("present.note.placeholder")}
            onChange={(e) => setText(e.target.value)}
            data-testid="note-text"
          />
        </label>
        {problem && (
          <p className="present-error" role="alert">
            {problem}
          </p>
        )}
        <p className="present-note-keys">{t("present.note.keys")}</p>
        <div className="present-note-buttons">
          <button type="button" className="present-exit" onClick={onClose}>
            {t("present.note.cancel")}
          </button>
          <button
            type="submit"
            className="present-toggle on"
            disabled={!ready}
            data-testid="note-save"
          >
            {t("present.note.save")}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The last slide: every note the journey keeps, by kind, each with what it is about. */
export function NotesSlide({ journey }: { journey: Journey }) {
  const t = useT();
  const groups = notesByKind(journey);
  const n = journey.notes.length;
  return (
    <section className="present-slide present-notes" data-testid="present-notes">
      <p className="present-eyebrow">
        {n === 1 ? t("present.notes.count_one") : fill(t("present.notes.count"), { n })}
      </p>
      <h1 className="present-title">{t("present.notes.title")}</h1>
      <div className="present-notes-groups">
        {groups.map((g) => (
          <section key={g.kind} className={`present-notes-group kind-${g.kind}`}>
            <h2>{t(`present.note.kind.${g.kind}`)}</h2>
            <ul>
              {g.notes.map((note) => (
                <li key={note.id} data-testid="present-note" data-kind={note.kind}>
                  <span className="present-note-subject">{noteSubject(journey, note.target)}</span>
                  <span className="present-note-text">{note.text}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
