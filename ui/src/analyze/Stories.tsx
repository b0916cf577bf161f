// The journey's stories, under its saved views in Analyze's side column: a story is a walk through
// saved views that a facilitator prepares for a meeting, one slide per view with a title and a
// note for the room, and that Present steps through. Making, changing and deleting a story are
// journey edits like Design's: stored at once, and undone with Design's Undo. A text field is
// sent when it is left (or on Enter in a one-line field), never on each key.

import { useContext, useState } from "react";
import type { Journey, SavedView, Story, StoryId, StorySlide, ViewId } from "../generated/types";
import { fill, formatCount, translate, type Language } from "../i18n";
import { LanguageContext, useT } from "../language";
import { useJourneyEdit } from "../shared/useJourneyEdit";
import { Action } from "./SavedViews";

/** What an `update_story` replaces: the title and every slide. */
interface Content {
  title: string;
  slides: StorySlide[];
}

/** The title a new story is offered: "Story n", after the stories there are, not yet taken. */
export function defaultStoryTitle(language: Language, stories: Story[]): string {
  const taken = new Set(stories.map((s) => s.title));
  for (let n = stories.length + 1; ; n += 1) {
    const title = fill(translate(language, "stories.default_title"), { n });
    if (!taken.has(title)) return title;
  }
}

/** A new story's slides: one per saved view, in the views' order, titled by the view's name. */
export function slidesOfViews(views: SavedView[]): StorySlide[] {
  return views.map((v) => ({ view: v.id, title: "", note: "" }));
}

/** A new story's title being typed: Enter or Create makes it, Escape or Cancel leaves it. */
function TitleForm({
  initial,
  onDone,
}: {
  initial: string;
  onDone: (title: string | null) => void;
}) {
  const t = useT();
  const [title, setTitle] = useState(initial);
  const blank = title.trim() === "";
  return (
    <form
      className="view-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!blank) onDone(title.trim());
      }}
    >
      <input
        data-testid="story-title-input"
        aria-label={t("stories.name")}
        value={title}
        dir="auto"
        spellCheck={false}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") onDone(null);
        }}
      />
      <button type="submit" className="button-quiet" disabled={blank} data-testid="story-create">
        {t("stories.create")}
      </button>
      <button type="button" className="button-quiet" onClick={() => onDone(null)}>
        {t("stories.cancel")}
      </button>
    </form>
  );
}

interface DraftProps {
  /** What the story holds now. */
  value: string;
  /** The text as left, trimmed; called only when it differs from `value`. */
  onCommit: (text: string) => void;
  /** A blank text goes back to `value` instead of being sent. */
  required?: boolean;
  /** A note: several lines, sent only when left. */
  multiline?: boolean;
  testId: string;
  label: string;
  placeholder?: string;
}

/**
 * A text that is sent once, when the field is left or (one line) on Enter; Escape goes back to
 * what the story holds. It follows the story when the story changes.
 */
function DraftField({
  value,
  onCommit,
  required = false,
  multiline = false,
  testId,
  label,
  placeholder,
}: DraftProps) {
  const [draft, setDraft] = useState(value);
  const [held, setHeld] = useState(value);
  if (held !== value) {
    setHeld(value);
    setDraft(value);
  }
  const commit = () => {
    const next = draft.trim();
    if ((required && next === "") || next === value) setDraft(value);
    else onCommit(next);
  };
  const shared = {
    value: draft,
    dir: "auto",
    "aria-label": label,
    title: label,
    placeholder,
    "data-testid": testId,
    onBlur: commit,
  };
  return multiline ? (
    <textarea
      {...shared}
      className="story-note"
      rows={2}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Escape") setDraft(value);
      }}
    />
  ) : (
    <input
      {...shared}
      type="text"
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          commit();
        } else if (e.key === "Escape") setDraft(value);
      }}
    />
  );
}

interface EditorProps {
  content: Content;
  views: SavedView[];
  onChange: (next: Content) => void;
}

/** The open story: its title, its slides (title, note, order) and a slide to add. */
function StoryEditor({ content, views, onChange }: EditorProps) {
  const t = useT();
  const { title, slides } = content;
  const withSlides = (next: StorySlide[]) => onChange({ title, slides: next });
  const setSlide = (index: number, over: Partial<StorySlide>) =>
    withSlides(slides.map((s, i) => (i === index ? { ...s, ...over } : s)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...slides];
    const [slide] = next.splice(index, 1);
    if (slide === undefined) return;
    next.splice(index + by, 0, slide);
    withSlides(next);
  };
  const add = (view: ViewId) => withSlides([...slides, { view, title: "", note: "" }]);
  return (
    <div className="story-editor">
      <DraftField
        value={title}
        required
        onCommit={(next) => onChange({ title: next, slides })}
        testId="story-rename"
        label={t("stories.name")}
      />
      {slides.length === 0 ? (
        <p className="panel-hint">{t("stories.empty")}</p>
      ) : (
        <ol className="story-slides">
          {slides.map((slide, i) => {
            const name = views.find((v) => v.id === slide.view)?.name ?? "—";
            return (
              // Slides have no id of their own, and a view may come back in a story.
              <li key={i} className="story-slide" data-testid="story-slide" data-view={slide.view}>
                <div className="story-slide-head">
                  <span className="story-slide-number">{i + 1}</span>
                  <span className="story-slide-view" dir="auto" title={name}>
                    {name}
                  </span>
                  <span className="view-actions">
                    <Action
                      label={t("stories.slide.up")}
                      testId="story-slide-up"
                      disabled={i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </Action>
                    <Action
                      label={t("stories.slide.down")}
                      testId="story-slide-down"
                      disabled={i === slides.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </Action>
                    <Action
                      label={t("stories.slide.remove")}
                      testId="story-slide-remove"
                      onClick={() => withSlides(slides.filter((_, j) => j !== i))}
                    >
                      ×
                    </Action>
                  </span>
                </div>
                <DraftField
                  value={slide.title}
                  onCommit={(next) => setSlide(i, { title: next })}
                  testId="story-slide-title"
                  label={t("stories.slide.title")}
                  placeholder={name}
                />
                <DraftField
                  value={slide.note}
                  multiline
                  onCommit={(next) => setSlide(i, { note: next })}
                  testId="story-slide-note"
                  label={t("stories.slide.note")}
                  placeholder={t("stories.slide.note_placeholder")}
                />
              </li>
            );
          })}
        </ol>
      )}
      {views.length > 0 && (
        <select
          className="story-add"
          value=""
          aria-label={t("stories.add_slide_label")}
          title={t("stories.add_slide_label")}
          onChange={(e) => {
            const view = views.find((v) => String(v.id) === e.target.value);
            if (view) add(view.id);
          }}
          data-testid="story-add-slide"
        >
          <option value="">{t("stories.add_slide")}</option>
          {views.map((v) => (
            <option key={v.id} value={String(v.id)}>
              {v.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

interface Props {
  journey: Journey;
  /** The engine's journey after a story was made, changed or deleted. */
  onJourneyEdited: (journey: Journey) => void;
  /** Opens Present on the story. */
  onPresent: (story: StoryId) => void;
}

export function Stories({ journey, onJourneyEdited, onPresent }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const { edit, problem } = useJourneyEdit(journey.id, onJourneyEdited);
  const [naming, setNaming] = useState(false);
  const [openId, setOpenId] = useState<StoryId | null>(null);
  const [deleting, setDeleting] = useState<StoryId | null>(null);
  /**
   * Changes sent and not yet answered, by story: shown at once, and the base of the next change,
   * since an update replaces the whole story.
   */
  const [sent, setSent] = useState<ReadonlyMap<StoryId, Content>>(() => new Map());
  const { views, stories } = journey;
  const contentOf = (story: Story): Content => sent.get(story.id) ?? story;

  const update = (story: StoryId, next: Content) => {
    setSent((now) => new Map(now).set(story, next));
    const settle = () =>
      setSent((now) => {
        if (now.get(story) !== next) return now;
        const rest = new Map(now);
        rest.delete(story);
        return rest;
      });
    edit({ op: "update_story", story, title: next.title, slides: next.slides }, settle, settle);
  };
  const create = (title: string) =>
    edit({ op: "save_story", title, slides: slidesOfViews(views) }, (edited) => {
      const made = edited.created.stories[0];
      if (made !== undefined) setOpenId(made);
    });
  const remove = (story: StoryId) => {
    setDeleting(null);
    setOpenId((open) => (open === story ? null : open));
    edit({ op: "delete_story", story });
  };
  const count = (n: number) =>
    n === 0
      ? t("stories.slides_none")
      : n === 1
        ? t("stories.slides_one")
        : fill(t("stories.slides"), { n: formatCount(language, n) });

  return (
    <section className="saved-views stories" data-testid="stories" aria-label={t("stories.title")}>
      <h3 className="section-title">{t("stories.title")}</h3>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {views.length === 0 ? (
        <p className="panel-hint">{t("stories.no_views")}</p>
      ) : (
        stories.length === 0 && <p className="panel-hint">{t("stories.none")}</p>
      )}
      {stories.length > 0 && (
        <ol className="views-list">
          {stories.map((story) => {
            const content = contentOf(story);
            const open = story.id === openId;
            return (
              <li
                key={story.id}
                className="story-item"
                data-testid="story-item"
                data-story-id={story.id}
              >
                <div className={open ? "view-row is-current" : "view-row"}>
                  <button
                    type="button"
                    className="view-open story-open"
                    title={open ? t("stories.close") : t("stories.open")}
                    aria-expanded={open}
                    onClick={() => setOpenId(open ? null : story.id)}
                    data-testid="story-open"
                  >
                    <span className="story-open-title" dir="auto">
                      {content.title}
                    </span>
                    <span className="story-count">{count(content.slides.length)}</span>
                  </button>
                  {deleting === story.id ? (
                    <span className="story-confirm" role="group">
                      <span>{t("stories.delete_ask")}</span>
                      <button
                        type="button"
                        className="button-quiet"
                        onClick={() => remove(story.id)}
                        data-testid="story-delete-confirm"
                      >
                        {t("stories.delete_yes")}
                      </button>
                      <button
                        type="button"
                        className="button-quiet"
                        autoFocus
                        onClick={() => setDeleting(null)}
                        data-testid="story-delete-cancel"
                      >
                        {t("stories.delete_no")}
                      </button>
                    </span>
                  ) : (
                    <span className="view-actions">
                      <Action
                        label={t("stories.present")}
                        testId="story-present"
                        onClick={() => onPresent(story.id)}
                      >
                        ▶
                      </Action>
                      <Action
                        label={t("stories.delete")}
                        testId="story-delete"
                        onClick={() => setDeleting(story.id)}
                      >
                        ×
                      </Action>
                    </span>
                  )}
                </div>
                {open && (
                  <StoryEditor
                    content={content}
                    views={views}
                    onChange={(next) => update(story.id, next)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {naming ? (
        <TitleForm
          initial={defaultStoryTitle(language, stories)}
          onDone={(title) => {
            setNaming(false);
            if (title !== null) create(title);
          }}
        />
      ) : (
        <button
          type="button"
          className="button-quiet"
          onClick={() => setNaming(true)}
          data-testid="story-new"
        >
          {t("stories.new")}
        </button>
      )}
    </section>
  );
}
