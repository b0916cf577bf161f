// Present mode: full screen, no editing chrome, large type on a high-contrast theme. The keys a
// presentation clicker sends walk the journey: a title slide, one slide per stage with its
// headline numbers, then the replay. A stage slide leaves off the rare touchpoints that Analyze's
// touchpoints slider hides, and says how many. Or they walk a story: the title slide, then one
// slide per saved view of the story, each with its map and note (StorySlide.tsx).

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { DEFAULT_PARAMS } from "../shared/params";
import { filterLines } from "../shared/filters";
import { api } from "../api";
import { useErrorText } from "../errors";
import type {
  Journey,
  NoteKind,
  NoteTarget,
  Params,
  Report,
  StageId,
  Story,
  StoryId,
  TouchpointId,
} from "../generated/types";
import { formatDay, formatPercent } from "../shared/format";
import { fill, formatCount, type Language } from "../i18n";
import { useT } from "../language";
import { EmotionFace } from "../shared/EmotionFace";
import { ChannelIcon } from "../map/channels";
import { paramsKey } from "../shared/params";
import { DEFAULT_TOUCHPOINTS, FULL, simplify } from "../shared/simplify";
import { storedChoice } from "../shared/simplifyChoice";
import { viewParamsB } from "../shared/views";
import { useJourneyEdit } from "../shared/useJourneyEdit";
import {
  keyAction,
  move,
  nodesOfStage,
  noteSubject,
  noteSubjects,
  presentSteps,
  slideTitle,
  slideTouchpoints,
  stageHeadline,
  storySlide,
  type Step,
} from "./steps";
import { NoteDialog, NotesSlide } from "./Notes";
import { Replay } from "./Replay";
import { StorySlide } from "./StorySlide";
import "./present.css";

interface Props {
  journey: Journey;
  language: Language;
  /** The filters of Analyze when presenting from it; `null` for the whole log. */
  filters?: Params | null;
  /** The story to walk from the start (a story's ▶ in Analyze); null walks the stages. */
  story?: Story | null;
  onExit: () => void;
  /** A note was added: the journey as it is now. */
  onJourneyEdited: (journey: Journey) => void;
}

export function Present({
  journey,
  language,
  filters = null,
  story = null,
  onExit,
  onJourneyEdited,
}: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [withData, setWithData] = useState(true);
  // Analyze's filters, unless the presenter asked for the whole log.
  const [wholeLog, setWholeLog] = useState(false);
  // The story walked, chosen on the title slide; null for the stages.
  const [walk, setWalk] = useState<StoryId | null>(story?.id ?? null);
  const walked = journey.stories.find((s) => s.id === walk) ?? null;
  // The note dialog: open, the last failure, and the last note added (a moment's toast).
  const [noting, setNoting] = useState(false);
  const [noteProblem, setNoteProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { edit, busy: savingNote } = useJourneyEdit(journey.id, onJourneyEdited);
  const described = useMemo(
    () => (filters ? filterLines(t, language, filters).join(" · ") || null : null),
    [filters, language, t],
  );
  // Either prop or constant: the same object until the filters or the switch change. A story's
  // slides carry their own filters; its title slide counts the whole log.
  const params = filters && described && !wholeLog && !walked ? filters : DEFAULT_PARAMS;
  const hasData = (report?.events ?? 0) > 0;
  const steps = useMemo(() => presentSteps(journey, hasData, walked), [journey, hasData, walked]);
  const step = steps[Math.min(index, steps.length - 1)] ?? { kind: "overview" };
  // The reports of the story's views, asked once each while Present is open.
  const slideReports = useRef(new Map<string, Promise<Report>>());
  const reportFor = useCallback(
    (wanted: Params) => {
      const key = `${journey.id}|${paramsKey(wanted)}`;
      const known = slideReports.current.get(key);
      if (known) return known;
      const asked = api.report(journey.id, wanted);
      slideReports.current.set(key, asked);
      // A failure is asked again when the slide is shown again.
      asked.catch(() => slideReports.current.delete(key));
      return asked;
    },
    [journey.id],
  );
  // A story's reports are computed ahead, so that its slides show at once.
  useEffect(() => {
    for (const slide of walked?.slides ?? []) {
      const view = journey.views.find((v) => v.id === slide.view);
      if (!view) continue;
      reportFor(view.state.params).catch(() => undefined);
      const paramsB = viewParamsB(view.state);
      if (paramsB) reportFor(paramsB).catch(() => undefined);
    }
  }, [walked, journey.views, reportFor]);
  // The touchpoints slider as the user last left it in Analyze for this journey.
  const keepPercent = useMemo(
    () => storedChoice(journey.id).touchpoints ?? DEFAULT_TOUCHPOINTS,
    [journey.id],
  );

  useEffect(() => {
    api.report(journey.id, params).then(setReport, (e: unknown) => setError(errorMessage(e)));
  }, [journey.id, params, errorMessage]);

  // Full screen while presenting; a window manager that refuses leaves the window as it is.
  useEffect(() => {
    const win = getCurrentWindow();
    void win.setFullscreen(true).catch(() => undefined);
    return () => {
      void win.setFullscreen(false).catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, select, textarea")) return;
      if (noting || e.ctrlKey || e.metaKey || e.altKey) return;
      const action = keyAction(e.key);
      if (action === null) return;
      e.preventDefault();
      if (action === "exit") onExit();
      else if (action === "toggle_data") setWithData((w) => !w);
      else if (action === "note") {
        setNoteProblem(null);
        setNoting(true);
      } else setIndex((i) => move(i, steps.length, action));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [steps.length, onExit, noting]);

  useEffect(() => {
    if (added === null) return;
    const timer = window.setTimeout(() => setAdded(null), 4000);
    return () => window.clearTimeout(timer);
  }, [added]);

  const addNote = (target: NoteTarget, kind: NoteKind, text: string) =>
    edit(
      { op: "add_note", target, kind, text },
      (edited) => {
        setNoting(false);
        setAdded(noteSubject(edited.journey, target));
      },
      setNoteProblem,
    );
  const chooseWalk = (story: StoryId | null) => {
    setWalk(story);
    setIndex(0);
  };
  /** What a step is called: its dot's label. */
  const stepLabel = (s: Step): string => {
    switch (s.kind) {
      case "stage":
        return journey.stages.find((st) => st.id === s.stage)?.name ?? "";
      case "slide": {
        const shown = walked ? storySlide(journey, walked, s.index) : null;
        return shown ? slideTitle(shown.slide, shown.view) : "";
      }
      case "overview":
        return walked ? walked.title : t("present.overview");
      case "notes":
        return t("present.notes");
      case "replay":
        return t("present.replay");
    }
  };

  const showData = withData && hasData && report !== null;
  const rare = useMemo(
    () =>
      showData && report
        ? simplify(report, { transitions: FULL, touchpoints: keepPercent }).hiddenTouchpoints
        : NO_TOUCHPOINTS,
    [showData, report, keepPercent],
  );
  return (
    <div className="present" data-testid="present" data-step={index}>
      <header className="present-top">
        <span className="present-journey">{journey.name}</span>
        <span className="present-spacer" />
        {hasData && (
          <button
            type="button"
            className={`present-toggle${showData ? " on" : ""}`}
            onClick={() => setWithData((w) => !w)}
            title={t("present.toggle_hint")}
            data-testid="present-toggle"
          >
            {showData ? t("present.with_data") : t("present.design_only")}
          </button>
        )}
        <button type="button" className="present-exit" onClick={onExit} data-testid="present-exit">
          {t("present.exit")}
        </button>
      </header>
      <main className="present-main">
        {error && <p className="present-error">{error}</p>}
        {step.kind === "overview" && (
          <Overview
            journey={journey}
            report={report}
            showData={showData}
            language={language}
            filters={described}
            wholeLog={wholeLog}
            onWholeLog={setWholeLog}
            story={walked}
            onWalk={chooseWalk}
          />
        )}
        {step.kind === "stage" && (
          <StageSlide
            journey={journey}
            stage={step.stage}
            report={showData ? report : null}
            language={language}
            rare={rare}
          />
        )}
        {step.kind === "replay" && report && (
          <Replay journey={journey} language={language} params={params} />
        )}
        {step.kind === "slide" && walked && (
          <StorySlide
            journey={journey}
            story={walked}
            index={step.index}
            language={language}
            withData={withData}
            reportFor={reportFor}
          />
        )}
        {step.kind === "notes" && <NotesSlide journey={journey} />}
      </main>
      {noting && (
        <NoteDialog
          subjects={noteSubjects(journey, step, walked)}
          saving={savingNote}
          problem={noteProblem}
          onSave={addNote}
          onClose={() => setNoting(false)}
        />
      )}
      {added !== null && (
        <p className="present-note-added" role="status" data-testid="note-added">
          {fill(t("present.note.added"), { subject: added })}
        </p>
      )}
      <footer className="present-bottom">
        <ol className="present-dots" aria-label={t("present.keys_hint")}>
          {steps.map((s, i) => (
            <li key={i}>
              <button
                type="button"
                className={i === index ? "current" : undefined}
                onClick={() => setIndex(i)}
                aria-label={stepLabel(s)}
                title={stepLabel(s)}
              />
            </li>
          ))}
        </ol>
        <span className="present-hint">{t("present.keys_hint")}</span>
      </footer>
    </div>
  );
}

function Overview({
  journey,
  report,
  showData,
  language,
  filters,
  wholeLog,
  onWholeLog,
  story,
  onWalk,
}: {
  journey: Journey;
  report: Report | null;
  showData: boolean;
  language: Language;
  /** Analyze's filters in words, `null` when there are none. */
  filters: string | null;
  wholeLog: boolean;
  onWholeLog: (whole: boolean) => void;
  /** The story walked; null for the stages. */
  story: Story | null;
  onWalk: (story: StoryId | null) => void;
}) {
  const t = useT();
  return (
    <section className="present-slide present-overview">
      <p className="present-eyebrow">
        {story ? `${t("present.story")} · ${journey.name}` : t("present.overview")}
      </p>
      <h1 className="present-title" data-testid="present-title">
        {story ? story.title : journey.name}
      </h1>
      {journey.description && <p className="present-lead">{journey.description}</p>}
      <ol className="present-stage-strip">
        {story
          ? story.slides.map((slide, i) => (
              <li key={i}>
                {slideTitle(slide, journey.views.find((v) => v.id === slide.view) ?? null)}
              </li>
            ))
          : journey.stages.map((s) => <li key={s.id}>{s.name}</li>)}
      </ol>
      {journey.stories.length > 0 && (
        <label className="present-walk">
          <span>{t("present.walk")}</span>
          <select
            value={story ? `s${story.id}` : "stages"}
            onChange={(e) => {
              const value = e.target.value;
              onWalk(value === "stages" ? null : Number(value.slice(1)));
              // The clicker's keys go back to the slides, not to this list.
              e.currentTarget.blur();
            }}
            data-testid="present-story-select"
          >
            <option value="stages">{t("present.walk.stages")}</option>
            {journey.stories.map((s) => (
              <option key={s.id} value={`s${s.id}`}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {showData && filters && !story && (
        <p className="present-filters" data-testid="present-filters">
          <span>{wholeLog ? t("present.filters.whole") : filters}</span>
          <button
            type="button"
            className="present-toggle"
            onClick={() => onWholeLog(!wholeLog)}
            data-testid="present-whole-log"
          >
            {wholeLog ? t("present.filters.use") : t("present.filters.show_whole")}
          </button>
        </p>
      )}
      {showData && report ? (
        <div className="present-numbers">
          <Figure label={t("present.customers")} value={formatCount(language, report.customers)} />
          <Figure label={t("present.events")} value={formatCount(language, report.events)} />
          {report.as_of && (
            <Figure
              label={t("present.as_of")}
              value={formatDay(language, Date.parse(report.as_of))}
            />
          )}
        </div>
      ) : (
        report && report.events === 0 && <p className="present-lead">{t("present.no_data")}</p>
      )}
    </section>
  );
}

const NO_TOUCHPOINTS: ReadonlySet<TouchpointId> = new Set();

function StageSlide({
  journey,
  stage,
  report,
  language,
  rare,
}: {
  journey: Journey;
  stage: StageId;
  report: Report | null;
  language: Language;
  /** Rare touchpoints left off the slide (none without data). */
  rare: ReadonlySet<TouchpointId>;
}) {
  const t = useT();
  const position = journey.stages.findIndex((s) => s.id === stage);
  const name = journey.stages[position]?.name ?? "";
  const headline = report ? stageHeadline(report, journey, stage) : null;
  const nodes = new Map(
    (report ? nodesOfStage(report, journey, stage) : []).map((n) => [n.touchpoint_id, n]),
  );
  const { shown: touchpoints, rare: rareCount } = slideTouchpoints(journey, stage, rare);
  return (
    <section className="present-slide">
      <p className="present-eyebrow">
        {fill(t("present.stage_of"), { n: position + 1, total: journey.stages.length })}
      </p>
      <h1 className="present-title" data-testid="present-stage">
        {name}
      </h1>
      {headline && (
        <div className="present-numbers" data-testid="present-headline">
          <Figure label={t("present.reached")} value={formatCount(language, headline.reached)} />
          <Figure
            label={headline.isLast ? t("present.last_stage") : t("present.conversion")}
            value={
              headline.conversion === null ? "—" : formatPercent(language, headline.conversion)
            }
          />
          <Figure
            label={t("present.dropped")}
            value={formatCount(language, headline.dropped)}
            tone="warn"
          />
          {headline.completed > 0 && (
            <Figure
              label={t("present.completed")}
              value={formatCount(language, headline.completed)}
            />
          )}
          <Figure
            label={t("present.worst_stall")}
            value={headline.worstStall ? formatCount(language, headline.worstStall.count) : "0"}
            detail={headline.worstStall ? headline.worstStall.touchpoint : t("present.no_stall")}
            tone="warn"
          />
        </div>
      )}
      {touchpoints.length === 0 && rareCount === 0 ? (
        <p className="present-lead">{t("present.empty_stage")}</p>
      ) : (
        <ul className="present-touchpoints">
          {touchpoints.map((tp) => {
            const node = nodes.get(tp.id);
            return (
              <li
                key={tp.id}
                className={`present-card kind-${tp.kind}`}
                data-testid="present-touchpoint"
              >
                <div className="present-card-head">
                  <ChannelIcon channel={tp.channel} size={30} />
                  <span className="present-card-name" title={tp.name}>
                    {tp.name}
                  </span>
                  {tp.emotion !== null && (
                    <span
                      className={`present-emotion emotion-${tp.emotion < 0 ? "low" : tp.emotion > 0 ? "high" : "flat"}`}
                      title={`${t("present.emotion")} ${tp.emotion > 0 ? `+${tp.emotion}` : tp.emotion}`}
                      data-testid="present-emotion"
                    >
                      <EmotionFace emotion={tp.emotion} size={26} />
                      {tp.emotion > 0 ? `+${tp.emotion}` : tp.emotion}
                    </span>
                  )}
                </div>
                {/* A slide holds the first pain point and opportunity; Design has them all. */}
                {(tp.pain_points.length > 0 || tp.opportunities.length > 0) && (
                  <div className="present-cx" data-testid="present-cx">
                    {tp.pain_points.slice(0, 1).map((p) => (
                      <span key={`p-${p}`} className="present-pain" title={p}>
                        {t("present.pain")}: {p}
                      </span>
                    ))}
                    {tp.opportunities.slice(0, 1).map((o) => (
                      <span key={`o-${o.text}`} className="present-opportunity" title={o.text}>
                        {t("present.opportunity")}: {o.text}
                      </span>
                    ))}
                  </div>
                )}
                {node && (
                  <dl className="present-card-numbers">
                    <div>
                      <dd>{formatCount(language, node.customers)}</dd>
                      <dt>{t("present.touchpoint_customers")}</dt>
                    </div>
                    {node.goal ? (
                      <div data-testid="present-completed">
                        <dd>{formatCount(language, node.completed_here)}</dd>
                        <dt>{t("present.touchpoint_completed")}</dt>
                      </div>
                    ) : (
                      <>
                        <div>
                          <dd>
                            {node.dropoff_rate === null
                              ? "—"
                              : formatPercent(language, node.dropoff_rate)}
                          </dd>
                          <dt>{t("present.touchpoint_dropoff")}</dt>
                        </div>
                        <div>
                          <dd>{formatCount(language, node.stalled_now)}</dd>
                          <dt>{t("present.touchpoint_stalled")}</dt>
                        </div>
                      </>
                    )}
                  </dl>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {rareCount > 0 && (
        <p className="present-hint" data-testid="present-rare">
          {rareCount === 1
            ? t("present.rare_hidden_one")
            : fill(t("present.rare_hidden"), { n: formatCount(language, rareCount) })}
        </p>
      )}
    </section>
  );
}

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: "warn";
}) {
  return (
    <div className={`present-figure${tone ? ` ${tone}` : ""}`}>
      <span className="present-figure-value">{value}</span>
      <span className="present-figure-label">{label}</span>
      {detail && (
        <span className="present-figure-detail" title={detail}>
          {detail}
        </span>
      )}
    </div>
  );
}
