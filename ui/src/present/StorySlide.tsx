// One slide of a story in Present: the saved view's map with its data, the slide's title and the
// facilitator's note in type a room can read, the view's filters and metric in a line, and, when
// the view selected a touchpoint, that touchpoint's figures beside the map. The map is the same
// picture an export draws (export/build.ts, export/picture.ts), shown as an image: names and log
// values are escaped there, never markup here.

import { useEffect, useMemo, useState } from "react";
import { comparedLine, pictureOf } from "../export/build";
import { mapSvg } from "../export/picture";
import { useErrorText } from "../errors";
import type { Journey, Node, Params, Report, Story } from "../generated/types";
import { fill, translate, type Language, type MessageKey } from "../i18n";
import { useT } from "../language";
import { filterLines } from "../shared/filters";
import { nodeRowsOf } from "../shared/nodeRows";
import { paramsKey } from "../shared/params";
import { fromViewState, viewParamsB, viewSimplification } from "../shared/views";
import { slideTitle, storySlide } from "./steps";

/** The figures of the view's selected touchpoint, in the order the panel shows them. */
const SLIDE_FIGURES = [
  "customers",
  "dropoff_rate",
  "engagement_rate",
  "stalled_now",
  "completed_here",
] as const;

export type FigureField = (typeof SLIDE_FIGURES)[number];

/**
 * A touchpoint's figures as the panel shows them, worded by Analyze's inspector's rows; "—"
 * where the report has no node for it. A slide that compares shows each as "A → B", `compared`
 * being B's node.
 */
export function touchpointFigures(
  language: Language,
  node: Node | undefined,
  compared: { node: Node | undefined } | null = null,
): { field: FigureField; label: MessageKey; value: string }[] {
  return nodeRowsOf(language, SLIDE_FIGURES).map((row) => {
    const a = node ? row.show(node) : "—";
    const b = compared === null ? null : compared.node ? row.show(compared.node) : "—";
    return {
      field: row.key as FigureField,
      label: row.label,
      value: b === null ? a : `${a} → ${b}`,
    };
  });
}

/**
 * The map of a story's slide as an SVG document: with the view's data, metric and simplification
 * (what its sliders leave out is left out here too), coloured by B − A when the view compares
 * (`compared` is then B's report), or the design alone when `withData` is off; null while a
 * report is on its way or if the view is gone.
 */
export function slideSvg(
  journey: Journey,
  story: Story,
  index: number,
  report: Report | null,
  withData: boolean,
  language: Language,
  compared: Report | null = null,
): string | null {
  const view = storySlide(journey, story, index)?.view;
  if (!view) return null;
  const t = (key: MessageKey) => translate(language, key);
  const now = new Date();
  // The slide says the title, filters and metric above the map: the drawing goes without them.
  if (!withData)
    return mapSvg({ ...pictureOf({ mode: "design", journey }, t, language, now), bare: true });
  if (!report) return null;
  const { params, metric } = fromViewState(view.state);
  const paramsB = viewParamsB(view.state);
  if (paramsB && !compared) return null;
  const simplification = viewSimplification(report, view.state);
  const b = paramsB && compared ? { report: compared, params: paramsB } : null;
  const picture = pictureOf(
    { mode: "analyze", journey, report, params, metric, simplification, compared: b },
    t,
    language,
    now,
  );
  // With a touchpoint selected, its stage and the neighbouring ones, large enough to read.
  return mapSvg({ ...picture, bare: true, focus: view.state.selected ?? null });
}

/**
 * The reports as they arrive for some question: A's and, when the view compares, B's; or why
 * they could not be computed.
 */
type Answer =
  { key: string; report: Report; compared: Report | null } | { key: string; error: string };

interface Props {
  journey: Journey;
  story: Story;
  /** The slide's position in the story, from 0. */
  index: number;
  language: Language;
  /** False while the presenter shows the design only (D): the map without data, no figures. */
  withData: boolean;
  /** The report of a question, asked once while Present is open. */
  reportFor: (params: Params) => Promise<Report>;
}

export function StorySlide({ journey, story, index, language, withData, reportFor }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const shown = storySlide(journey, story, index);
  const view = shown?.view ?? null;
  const params = view?.state.params ?? null;
  const state = view?.state ?? null;
  const paramsB = state ? viewParamsB(state) : null;
  const key = params ? `${paramsKey(params)}|${paramsB ? paramsKey(paramsB) : "-"}` : "";
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (params === null || state === null) return;
    let live = true;
    const b = viewParamsB(state);
    Promise.all([reportFor(params), b ? reportFor(b) : null]).then(
      ([report, compared]) => {
        if (live) setAnswer({ key, report, compared });
      },
      (e: unknown) => {
        if (live) setAnswer({ key, error: errorMessage(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [params, state, key, reportFor, errorMessage]);

  const current = answer !== null && answer.key === key ? answer : null;
  const report = current && "report" in current ? current.report : null;
  const compared = current && "report" in current ? current.compared : null;
  const metric = view ? fromViewState(view.state).metric : "dropoff_rate";
  const svg = useMemo(
    () => slideSvg(journey, story, index, withData ? report : null, withData, language, compared),
    [journey, story, index, withData, report, language, compared],
  );

  if (!shown) return null;
  const { slide } = shown;
  const title = slideTitle(slide, view);
  const eyebrow = fill(t("present.slide_of"), { n: index + 1, total: story.slides.length });
  if (!view || !params) {
    return (
      <section className="present-slide" data-testid="present-slide" data-view={slide.view}>
        <p className="present-eyebrow">{eyebrow}</p>
        <h1 className="present-title" data-testid="present-slide-title">
          {title}
        </h1>
        <p className="present-lead">{t("present.slide.gone")}</p>
      </section>
    );
  }

  const metricName = t(`metric.${metric}`);
  const line = [
    filterLines(t, language, params).join(" · ") || t("present.filters.whole"),
    metricName,
    ...(paramsB ? [comparedLine(t, language, paramsB)] : []),
  ].join(" · ");
  const selected = view.state.selected ?? null;
  const touchpoint = journey.touchpoints.find((tp) => tp.id === selected);
  const node = report?.nodes.find((n) => n.touchpoint_id === touchpoint?.id);
  const nodeB = paramsB
    ? { node: compared?.nodes.find((n) => n.touchpoint_id === touchpoint?.id) }
    : null;
  // A selected touchpoint: the text and its figures beside a map cropped around it.
  const focused = touchpoint !== undefined && withData && report !== null;
  return (
    <section
      className={`present-slide present-story-slide${focused ? " is-focused" : ""}`}
      data-testid="present-slide"
      data-view={view.id}
    >
      <div className="present-slide-text">
        <p className="present-eyebrow">{eyebrow}</p>
        <h1 className="present-title" data-testid="present-slide-title">
          {title}
        </h1>
        {slide.note && (
          <p className="present-slide-note" data-testid="present-slide-note">
            {slide.note}
          </p>
        )}
        <p className="present-slide-line">{line}</p>
        {touchpoint && withData && report && (
          <aside
            className="present-slide-figures"
            aria-label={fill(t("present.slide.figures"), { touchpoint: touchpoint.name })}
            data-testid="present-slide-figures"
          >
            <h2 className="present-slide-touchpoint" title={touchpoint.name}>
              {touchpoint.name}
            </h2>
            {touchpointFigures(language, node, nodeB).map(({ field, label, value }) => (
              <div
                key={field}
                className={`present-figure${field === "dropoff_rate" || field === "stalled_now" ? " warn" : ""}`}
              >
                <span
                  className="present-figure-value"
                  data-testid="present-slide-figure"
                  data-field={field}
                >
                  {value}
                </span>
                <span className="present-figure-label">{t(label)}</span>
              </div>
            ))}
          </aside>
        )}
      </div>
      {current && "error" in current ? (
        <p className="present-error">{current.error}</p>
      ) : svg === null ? (
        <p className="present-lead">{t("present.slide.loading")}</p>
      ) : (
        <div className="present-slide-body">
          <div className="present-slide-map-box">
            <img
              className="present-slide-map"
              src={"data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg)}
              alt={fill(t("present.slide.map_alt"), { view: view.name, metric: metricName })}
              data-testid="present-slide-map"
            />
          </div>
        </div>
      )}
    </section>
  );
}
