// From what is on screen to the pages an export draws: the map picture (design, or Analyze with
// its overlay, filters and legend) and one page per stage for the PDF.

import { formatDay, formatDuration, formatPercent } from "../shared/format";
import { nodeLooks, notableUndesigned, type Looks } from "../shared/overlay";
import { edgeWidth, interpolate, paletteFor, type Metric } from "../shared/scales";
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
  | { mode: "analyze"; journey: Journey; report: Report; params: Params; metric: Metric };

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
  const { journey, report, params, metric } = source;
  const looks: Looks = nodeLooks(language, metric, report, null);
  const max = Math.max(0, ...report.edges.map((e) => e.count));
  const observed = new Map(
    report.edges.map((e) => [`${e.from_touchpoint_id}-${e.to_touchpoint_id}`, e]),
  );
  const edges: EdgeLook[] = journey.transitions.map((tr) => {
    const count = observed.get(`${tr.from}-${tr.to}`)?.count ?? 0;
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
    edges.push({
      from: e.from_touchpoint_id,
      to: e.to_touchpoint_id,
      width: edgeWidth(e.count, max),
      dashed: true,
      faded: false,
    });
  }
  const stops = paletteFor(metric);
  return {
    journey,
    title: journey.name,
    lines: [...analyzeLines(t, language, report, params, metric), made],
    looks: looks.byTouchpoint,
    edges,
    legend: {
      label: t(`metric.${metric}`),
      min: formatMetric(language, metric, looks.domain?.min ?? null),
      max: formatMetric(language, metric, looks.domain?.max ?? null),
      colours: stops.map((_, i) => interpolate(stops, i / Math.max(1, stops.length - 1))),
    },
  };
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
