// Present mode's steps and the numbers each one shows, as pure functions of the journey and the
// report (metrics.md): nothing here computes a metric of its own.

import type {
  Journey,
  Node,
  Note,
  NoteKind,
  NoteTarget,
  Report,
  SavedView,
  StageId,
  Story,
  StorySlide,
  Touchpoint,
  TouchpointId,
} from "../generated/types";

export type Step =
  | { kind: "overview" }
  | { kind: "stage"; stage: StageId }
  | { kind: "replay" }
  | { kind: "notes" }
  /** The story's slide at `index` (0-based). */
  | { kind: "slide"; index: number };

/**
 * The title slide, one step per stage in order, the replay when there is data, and the
 * workshop's notes when there are some. With a story, its slides take the place of the stages
 * and the replay: the title slide, one step per slide, then the notes.
 */
export function presentSteps(journey: Journey, hasData: boolean, story?: Story | null): Step[] {
  const notes: Step[] = journey.notes.length > 0 ? [{ kind: "notes" }] : [];
  if (story) {
    return [
      { kind: "overview" },
      ...story.slides.map((_, index): Step => ({ kind: "slide", index })),
      ...notes,
    ];
  }
  return [
    { kind: "overview" },
    ...journey.stages.map((s): Step => ({ kind: "stage", stage: s.id })),
    ...(hasData ? [{ kind: "replay" } as Step] : []),
    ...notes,
  ];
}

/** A story's slide and the saved view it shows (null if the view is gone). */
export function storySlide(
  journey: Journey,
  story: Story,
  index: number,
): { slide: StorySlide; view: SavedView | null } | null {
  const slide = story.slides[index];
  if (!slide) return null;
  return { slide, view: journey.views.find((v) => v.id === slide.view) ?? null };
}

/** The title a slide shows: its own, or else its view's name. */
export function slideTitle(slide: StorySlide, view: SavedView | null): string {
  return slide.title.trim() || (view?.name ?? "");
}

export type KeyAction = "next" | "previous" | "first" | "last" | "exit" | "toggle_data" | "note";

/** What a key does; presentation clickers send PageUp/PageDown (and sometimes arrows). */
export function keyAction(key: string): KeyAction | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
    case "Backspace":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Escape":
      return "exit";
    case "d":
    case "D":
      return "toggle_data";
    case "n":
    case "N":
      return "note";
    default:
      return null;
  }
}

export function move(index: number, count: number, action: KeyAction): number {
  switch (action) {
    case "next":
      return Math.min(count - 1, index + 1);
    case "previous":
      return Math.max(0, index - 1);
    case "first":
      return 0;
    case "last":
      return count - 1;
    default:
      return index;
  }
}

export interface StageHeadline {
  reached: number;
  /** Conversion to the next stage, %; null on the last stage or with no one reached. */
  conversion: number | null;
  isLast: boolean;
  dropped: number;
  /** Customers whose latest event is at one of the stage's goals (contract v2). */
  completed: number;
  /** The stage's touchpoint with the most customers stalled now, if anyone is. */
  worstStall: { touchpoint: string; count: number } | null;
}

/** The headline numbers of one stage, straight from the report's funnel and nodes. */
export function stageHeadline(
  report: Report,
  journey: Journey,
  stage: StageId,
): StageHeadline | null {
  const funnel = report.stages.find((s) => s.stage_id === stage);
  if (!funnel) return null;
  const isLast = journey.stages[journey.stages.length - 1]?.id === stage;
  let worst: Node | null = null;
  for (const node of nodesOfStage(report, journey, stage)) {
    if (node.stalled_now > 0 && (worst === null || node.stalled_now > worst.stalled_now))
      worst = node;
  }
  return {
    reached: funnel.reached,
    conversion: isLast ? null : funnel.conversion_next,
    isLast,
    dropped: funnel.dropped,
    completed: funnel.completed,
    worstStall: worst ? { touchpoint: worst.touchpoint, count: worst.stalled_now } : null,
  };
}

/** The report's nodes of the stage's touchpoints, in the journey's order. */
export function nodesOfStage(report: Report, journey: Journey, stage: StageId): Node[] {
  const byId = new Map(report.nodes.map((n) => [n.touchpoint_id, n]));
  return journey.touchpoints
    .filter((t) => t.stage === stage)
    .map((t) => byId.get(t.id))
    .filter((n): n is Node => n !== undefined);
}

/**
 * The stage's touchpoints a slide shows, in the journey's order, and how many rare ones it leaves
 * off: those the touchpoints slider of Analyze hides (shared/simplify.ts).
 */
export function slideTouchpoints(
  journey: Journey,
  stage: StageId,
  hidden: ReadonlySet<TouchpointId>,
): { shown: Touchpoint[]; rare: number } {
  const all = journey.touchpoints.filter((t) => t.stage === stage);
  const shown = all.filter((t) => !hidden.has(t.id));
  return { shown, rare: all.length - shown.length };
}

/** What a note can be about, as the note dialog lists it. */
export interface NoteSubject {
  target: NoteTarget;
  name: string;
  /** A touchpoint, listed under its stage. */
  nested: boolean;
}

/**
 * The subjects a note taken on `step` may be about: on a stage's slide, that stage and then its
 * touchpoints (the stage first, as the default); on a story's slide whose view selected a
 * touchpoint, that touchpoint first (the default), then the rest as elsewhere; elsewhere every
 * stage, each followed by its touchpoints.
 */
export function noteSubjects(journey: Journey, step: Step, story?: Story | null): NoteSubject[] {
  const stages =
    step.kind === "stage" ? journey.stages.filter((s) => s.id === step.stage) : journey.stages;
  const all = stages.flatMap((stage): NoteSubject[] => [
    { target: { on: "stage", stage: stage.id }, name: stage.name, nested: false },
    ...journey.touchpoints
      .filter((tp) => tp.stage === stage.id)
      .map((tp): NoteSubject => ({
        target: { on: "touchpoint", touchpoint: tp.id },
        name: tp.name,
        nested: true,
      })),
  ]);
  if (step.kind !== "slide" || !story) return all;
  const selected = storySlide(journey, story, step.index)?.view?.state.selected ?? null;
  const touchpoint = journey.touchpoints.find((tp) => tp.id === selected);
  if (!touchpoint) return all;
  return [
    {
      target: { on: "touchpoint", touchpoint: touchpoint.id },
      name: touchpoint.name,
      nested: true,
    },
    ...all.filter((s) => !(s.target.on === "touchpoint" && s.target.touchpoint === touchpoint.id)),
  ];
}

/** The name of what a note is about; empty if it is gone. */
export function noteSubject(journey: Journey, target: NoteTarget): string {
  return target.on === "stage"
    ? (journey.stages.find((s) => s.id === target.stage)?.name ?? "")
    : (journey.touchpoints.find((t) => t.id === target.touchpoint)?.name ?? "");
}

export const NOTE_KINDS: NoteKind[] = ["pain_point", "opportunity", "question"];

/** The journey's notes by kind, in the order of `NOTE_KINDS`, each kept in the order taken. */
export function notesByKind(journey: Journey): { kind: NoteKind; notes: Note[] }[] {
  return NOTE_KINDS.map((kind) => ({
    kind,
    notes: journey.notes.filter((n) => n.kind === kind),
  })).filter((g) => g.notes.length > 0);
}
