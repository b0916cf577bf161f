// From what is on screen to the pages an export draws: the map picture (design, or Analyze with
// its overlay, filters and legend) and one page per stage for the PDF.

import { formatDay, formatDuration, formatPercent } from "../shared/format";
import { formatDifference, nodeLooks, notableUndesigned, type Looks } from "../shared/overlay";
import { DIVERGING_STOPS, edgeWidth, interpolate, paletteFor, type Metric } from "../shared/scales";
import { transitionKey, type Simplification } from "../shared/simplify";
import { formatMetric } from "../shared/overlay";
import { filterLines } from "../shared/filters";
import type { Journey, Params, Report } from "../generated/types";
import { fill, formatCount, type Language, type MessageKey } from "../i18n";
import { nodesOfStage, stageHeadline } from "../present/steps";
import { mapSvg, stageSvg, type EdgeLook, type Picture, type StagePage } from "./picture";

export type T = (key: MessageKey) => string;

/** What the screen shows now, as the export needs it. */
export type ExportSource =
  | { mode: "design"; journey: Journey }
  | {
      mode: "analyze";
      journey: Journey;
      report: Report;
      params: Params;
      metric: Metric;
      /** What the simplification sliders leave out of the map, drawn without it too. */
      simplification?: Simplification | null;
      /** Compare's B side: its report and filters; the map is then coloured by B − A. */
      compared?: { report: Report; params: Params } | null;
    };

/** The map as shown, ready for `mapSvg`. */
export function pictureOf(source: ExportSource, t: T, language: Language, now: Date): Picture {
  const made = fill(t("export.line.made"), { date: formatDay(language, now.getTime()) });
  if (source.mode === "design") {
    return {
      journey: source.journey,
      title: source.journey.name,
      lines: [`${t("export.line.design")} · ${made}`],
    };
  }
  const { report, metric } = source;
  const simplification = source.simplification ?? null;
  const journey = simplification ? simplified(source.journey, simplification) : source.journey;
  const drawn = (from: number, to: number) =>
    simplification === null || !simplification.hiddenTransitions.has(transitionKey(from, to));
  const compared = source.compared ?? null;
  const looks: Looks = nodeLooks(language, metric, report, compared?.report ?? null);
  const max = Math.max(0, ...report.edges.map((e) => e.count));
  const observed = new Map(
    report.edges.map((e) => [transitionKey(e.from_touchpoint_id ?? 0, e.to_touchpoint_id ?? 0), e]),
  );
  const edges: EdgeLook[] = journey.transitions.map((tr) => {
    const count = observed.get(transitionKey(tr.from, tr.to))?.count ?? 0;
    return {
      from: tr.from,
      to: tr.to,
      width: edgeWidth(count, max),
      dashed: false,
      faded: count === 0,
    };
  });
  for (const e of notableUndesigned(report.edges)) {
    if (e.from_touchpoint_id === null || e.to_touchpoint_id === null) continue;
    if (!drawn(e.from_touchpoint_id, e.to_touchpoint_id)) continue;
    edges.push({
      from: e.from_touchpoint_id,
      to: e.to_touchpoint_id,
      width: edgeWidth(e.count, max),
      dashed: true,
      faded: false,
    });
  }
  const stops = compared ? DIVERGING_STOPS : paletteFor(metric);
  const extent = looks.extent ?? 0;
  return {
    journey,
    title: journey.name,
    lines: [...mapLines(t, language, source), made],
    looks: looks.byTouchpoint,
    edges,
    legend: {
      label: compared
        ? `${t(`metric.${metric}`)}, ${t("legend.difference")}`
        : t(`metric.${metric}`),
      min: compared
        ? formatDifference(language, metric, -extent)
        : formatMetric(language, metric, looks.domain?.min ?? null),
      max: compared
        ? formatDifference(language, metric, extent)
        : formatMetric(language, metric, looks.domain?.max ?? null),
      colours: stops.map((_, i) => interpolate(stops, i / Math.max(1, stops.length - 1))),
    },
  };
}

/**
 * The journey as a simplified map draws it: without the touchpoints it hides, and without the
 * designed transitions it hides (one whose touchpoint is hidden, or that the transitions slider
 * drops). A designed transition no customer took has no key in the report and stays, faded.
 */
export function simplified(journey: Journey, simplification: Simplification): Journey {
  const { hiddenTouchpoints: gone, hiddenTransitions } = simplification;
  if (gone.size === 0 && hiddenTransitions.size === 0) return journey;
  return {
    ...journey,
    touchpoints: journey.touchpoints.filter((tp) => !gone.has(tp.id)),
    transitions: journey.transitions.filter(
      (tr) =>
        !gone.has(tr.from) &&
        !gone.has(tr.to) &&
        !hiddenTransitions.has(transitionKey(tr.from, tr.to)),
    ),
  };
}

/**
 * What an Analyze map shows, worded: its metric, data date and filters, then what it is compared
 * with and what its simplification leaves out, if anything.
 */
export function mapLines(
  t: T,
  language: Language,
  source: Extract<ExportSource, { mode: "analyze" }>,
): string[] {
  const { report, params, metric } = source;
  const compared = source.compared ?? null;
  const simplification = source.simplification ?? null;
  return [
    ...analyzeLines(t, language, report, params, metric),
    ...(compared ? [comparedLine(t, language, compared.params)] : []),
    ...(simplification ? simplifiedLines(t, language, simplification) : []),
  ];
}

/** The line that says what a compared map sets against its filters: B's, and that the colour is B − A. */
export function comparedLine(t: T, language: Language, paramsB: Params): string {
  return fill(t("export.line.compared"), {
    filters: filterLines(t, language, paramsB).join(" · ") || t("export.line.all"),
  });
}

/** The line that says what a simplified map leaves out; none when it leaves out nothing. */
export function simplifiedLines(
  t: T,
  language: Language,
  simplification: Simplification,
): string[] {
  const { touchpoints, transitions } = simplification;
  if (touchpoints.shown === touchpoints.total && transitions.shown === transitions.total) return [];
  return [
    fill(t("export.line.simplified"), {
      touchpoints: formatCount(language, touchpoints.shown),
      touchpoints_total: formatCount(language, touchpoints.total),
      transitions: formatCount(language, transitions.shown),
      transitions_total: formatCount(language, transitions.total),
    }),
  ];
}

/** What an Analyze map shows: its colour's metric and data date, then its filters, worded. */
export function analyzeLines(
  t: T,
  language: Language,
  report: Report,
  params: Params,
  metric: Metric,
): string[] {
  return [
    `${fill(t("export.line.analyze"), { metric: t(`metric.${metric}`) })} · ${
      report.as_of
        ? fill(t("export.line.as_of"), { date: formatDay(language, Date.parse(report.as_of)) })
        : ""
    }`,
    filterLines(t, language, params).join(" · ") || t("export.line.all"),
  ];
}

/** One page per stage: its headline numbers and touchpoints (design facts without data). */
export function stagePages(source: ExportSource, t: T, language: Language): StagePage[] {
  const { journey } = source;
  const report = source.mode === "analyze" ? source.report : null;
  return journey.stages.map((stage, i) => {
    const eyebrow = fill(t("present.stage_of"), { n: i + 1, total: journey.stages.length });
    const touchpoints = journey.touchpoints.filter((tp) => tp.stage === stage.id);
    if (!report) {
      return {
        eyebrow,
        title: stage.name,
        figures: [],
        columns: [t("export.page.touchpoint"), t("export.page.channel"), t("export.page.kind")],
        rows: touchpoints.map((tp) => [tp.name, t(`channel.${tp.channel}`), t(`kind.${tp.kind}`)]),
      };
    }
    const headline = stageHeadline(report, journey, stage.id);
    const nodes = new Map(nodesOfStage(report, journey, stage.id).map((n) => [n.touchpoint_id, n]));
    return {
      eyebrow,
      title: stage.name,
      figures: headline
        ? [
            {
              key: "reached",
              label: t("present.reached"),
              value: formatCount(language, headline.reached),
            },
            {
              key: "conversion",
              label: headline.isLast ? t("present.last_stage") : t("present.conversion"),
              value: formatPercent(language, headline.conversion),
            },
            {
              key: "dropped",
              label: t("present.dropped"),
              value: formatCount(language, headline.dropped),
            },
            {
              key: "completed",
              label: t("present.completed"),
              value: formatCount(language, headline.completed),
            },
            {
              key: "worst_stall",
              label: `${t("present.worst_stall")}${headline.worstStall ? `: ${headline.worstStall.touchpoint}` : ""}`,
              value: formatCount(language, headline.worstStall?.count ?? 0),
            },
          ]
        : [],
      columns: [
        t("export.page.touchpoint"),
        t("export.page.customers"),
        t("metric.dropoff_rate"),
        t("export.page.stalled"),
        t("metric.completed_here"),
        t("export.page.next"),
      ],
      rows: touchpoints.map((tp) => {
        const n = nodes.get(tp.id);
        return [
          tp.name,
          formatCount(language, n?.customers ?? 0),
          formatPercent(language, n?.dropoff_rate ?? null),
          formatCount(language, n?.stalled_now ?? 0),
          formatCount(language, n?.completed_here ?? 0),
          formatDuration(language, n?.median_next_s ?? null),
        ];
      }),
    };
  });
}

/** The SVG pages of an export: the map, then (for a PDF) one page per stage. */
export function exportPages(
  source: ExportSource,
  t: T,
  language: Language,
  withStages: boolean,
  now: Date,
): string[] {
  const map = mapSvg(pictureOf(source, t, language, now));
  return withStages ? [map, ...stagePages(source, t, language).map(stageSvg)] : [map];
}
