// The interactive HTML export, UI side: everything the page shows, worded in the user's language,
// for the engine's `export_html` to put into one self-contained file. The maps are the same SVG
// drawings as the image exports (`mapSvg` of `pictureOf`), the stage cards the PDF's stage pages,
// and each touchpoint's figures are the report's numbers as Analyze's inspector words them.
// Pure functions: nothing here computes a metric, every number is the report's. Names and log
// values stay plain text; the engine and `mapSvg` escape them.

import type {
  HtmlFigure,
  HtmlLabels,
  HtmlMap,
  HtmlPage,
  HtmlSlide,
  HtmlStory,
  Node,
  Report,
  SavedView,
  Story,
  Touchpoint,
} from "../generated/types";
import type { Language } from "../i18n";
import { slideTitle } from "../present/steps";
import { nodeRowsOf } from "../shared/nodeRows";
import { formatMetric } from "../shared/overlay";
import { fromViewState, viewParamsB, viewSimplification } from "../shared/views";
import { mapLines, pictureOf, stagePages, type ExportSource, type T } from "./build";
import { mapSvg, type Picture } from "./picture";

/** The story to add to the page, with the report of each of its views' filters. */
export interface StorySource {
  story: Story;
  views: SavedView[];
  /** Per saved view id: the report of that view's filters. */
  reports: Map<number, Report>;
  /** Per saved view id that compares: the report of its B side's filters. */
  compared?: Map<number, Report>;
}

/** The page's own words. */
export function htmlLabels(t: T): HtmlLabels {
  return {
    map: t("export.html.map"),
    stages: t("export.html.stages"),
    story: t("export.html.story"),
    hint: t("export.html.hint"),
    previous: t("export.html.previous"),
    next: t("export.html.next"),
    made_with: t("export.html.made_with"),
  };
}

/** The figures the page's inspector shows, besides the channel and kind. */
const PAGE_FIGURES = [
  "customers",
  "events",
  "reach_pct",
  "engagement_rate",
  "dropoff_rate",
  "stalled_now",
  "completed_here",
  "median_next_s",
] as const;

/**
 * A touchpoint's figures from its node in the report, worded by Analyze's inspector's rows. A
 * goal has no stalled customers, only completed ones (metrics.md v2), and any other touchpoint
 * the reverse, so each shows the one of the two that can be other than 0.
 */
export function nodeFigures(t: T, language: Language, tp: Touchpoint, node: Node): HtmlFigure[] {
  const keys = PAGE_FIGURES.filter((k) => k !== (node.goal ? "stalled_now" : "completed_here"));
  return [
    ...nodeRowsOf(language, keys).map((row) => ({
      key: row.key,
      label: t(row.label),
      value: row.show(node),
    })),
    {
      key: "channel",
      label: `${t("panel.channel")} · ${t("panel.kind")}`,
      value: `${t(`channel.${tp.channel}`)} · ${t(`kind.${tp.kind}`)}`,
    },
  ];
}

/** A touchpoint's design facts, for a map without data. */
function designFigures(t: T, tp: Touchpoint): HtmlFigure[] {
  return [
    { key: "channel", label: t("panel.channel"), value: t(`channel.${tp.channel}`) },
    { key: "kind", label: t("panel.kind"), value: t(`kind.${tp.kind}`) },
  ];
}

/**
 * A map as drawn and the figures of each touchpoint it draws: in Analyze, the map's
 * headline and the report's numbers (none for a touchpoint the report does not have); in Design,
 * the channel and kind. `ids` keeps the drawing's ids apart from other maps' on the page.
 */
export function htmlMap(
  source: ExportSource,
  picture: Picture,
  t: T,
  language: Language,
  ids = "",
): HtmlMap {
  const { journey } = source;
  const stages = new Map(journey.stages.map((s) => [s.id, s.name]));
  const nodes =
    source.mode === "analyze"
      ? new Map(source.report.nodes.map((n) => [n.touchpoint_id, n]))
      : null;
  return {
    svg: mapSvg({ ...picture, bare: true }, ids),
    touchpoints: picture.journey.touchpoints.map((tp) => {
      const stage = stages.get(tp.stage) ?? "";
      if (source.mode === "design" || nodes === null) {
        return {
          id: tp.id,
          name: tp.name,
          stage,
          headline: t(`channel.${tp.channel}`),
          figures: designFigures(t, tp),
        };
      }
      const node = nodes.get(tp.id);
      return {
        id: tp.id,
        name: tp.name,
        stage,
        headline:
          picture.looks?.get(tp.id)?.headline ?? formatMetric(language, source.metric, null),
        figures: node ? nodeFigures(t, language, tp, node) : [],
      };
    }),
  };
}

/**
 * The story's slides: each its saved view's map, coloured by the view's metric (by B − A when the
 * view compares) and simplified as the view was, with the report of the view's filters. A slide
 * whose view is gone, or whose report is missing, is left out.
 */
export function htmlStory(
  source: ExportSource,
  given: StorySource,
  t: T,
  language: Language,
  now: Date,
): HtmlStory {
  const slides: HtmlSlide[] = [];
  given.story.slides.forEach((slide, i) => {
    const view = given.views.find((v) => v.id === slide.view);
    const report = view ? given.reports.get(view.id) : undefined;
    if (!view || !report) return;
    // The view's metric as Analyze opens it (an unknown one falls back to the first).
    const { metric, params } = fromViewState(view.state);
    const simplification = viewSimplification(report, view.state);
    const paramsB = viewParamsB(view.state);
    const reportB = given.compared?.get(view.id);
    const compared = paramsB && reportB ? { report: reportB, params: paramsB } : null;
    const shown: Extract<ExportSource, { mode: "analyze" }> = {
      mode: "analyze",
      journey: source.journey,
      report,
      params,
      metric,
      simplification,
      compared,
    };
    slides.push({
      title: slideTitle(slide, view),
      note: slide.note,
      lines: mapLines(t, language, shown),
      map: htmlMap(shown, pictureOf(shown, t, language, now), t, language, `s${i + 1}-`),
    });
  });
  return { title: given.story.title, slides };
}

/** Everything the interactive page shows: the map as on screen, the stages and the story. */
export function htmlPage(
  source: ExportSource,
  t: T,
  language: Language,
  now: Date,
  story?: StorySource | null,
): HtmlPage {
  const picture = pictureOf(source, t, language, now);
  return {
    title: source.journey.name,
    language,
    lines: picture.lines,
    labels: htmlLabels(t),
    map: htmlMap(source, picture, t, language),
    stages: stagePages(source, t, language),
    story: story ? htmlStory(source, story, t, language, now) : null,
  };
}
