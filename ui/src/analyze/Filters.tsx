// The filters of a question: a date range brushed on the events-per-day strip (or typed), a
// segment, a channel, the as-of day and the inactivity threshold. Dates are UTC days.

import { useContext, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { Dimensions, Params, Segment, Timeline } from "../generated/types";
import { LanguageContext, useT } from "../language";
import { DEFAULT_PARAMS } from "../shared/params";
import { DAY_MS, formatDay, formatNumber, isoDay, parseIsoDay } from "../shared/format";
import { fromInput, toInput, withDates } from "../shared/params";

/**
 * How the filters change the parameters: as updates of the current ones, never as a copy of
 * those of the last render, so that two quick edits (a from date, then a to date) both stay.
 */
export type ParamsChange = Dispatch<SetStateAction<Params>>;

const SEPARATOR = "\u0000";

export function SegmentSelect({
  value,
  dimensions,
  onChange,
  testId,
}: {
  value: Segment[];
  dimensions: Dimensions | null;
  onChange: (segments: Segment[]) => void;
  testId: string;
}) {
  const t = useT();
  const current = value[0] ? `${value[0].attribute}${SEPARATOR}${value[0].value}` : "";
  return (
    <select
      data-testid={testId}
      value={current}
      onChange={(e) => {
        const [attribute, v] = e.target.value.split(SEPARATOR);
        onChange(attribute === undefined || v === undefined ? [] : [{ attribute, value: v }]);
      }}
    >
      <option value="">{t("filters.segment.all")}</option>
      {dimensions?.attributes.map((a) => (
        <optgroup key={a.name} label={a.name}>
          {a.values.map((v) => (
            <option key={v} value={`${a.name}${SEPARATOR}${v}`}>
              {a.name}: {v}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A UTC day typed as YYYY-MM-DD; applied once it is a whole date, or cleared when emptied. */
function DayInput({
  value,
  placeholder,
  onChange,
  testId,
}: {
  value: string;
  placeholder: string;
  onChange: (day: string) => void;
  testId: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const invalid = text !== "" && parseIsoDay(text) === null;
  return (
    <input
      type="text"
      inputMode="numeric"
      className={invalid ? "day-input is-invalid" : "day-input"}
      data-testid={testId}
      value={text}
      placeholder={placeholder}
      spellCheck={false}
      maxLength={10}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === "" || parseIsoDay(e.target.value) !== null) onChange(e.target.value);
      }}
    />
  );
}

export function DateRange({
  params,
  onChange,
  testPrefix,
  timeline,
}: {
  params: Params;
  onChange: ParamsChange;
  testPrefix: string;
  timeline: Timeline | null;
}) {
  const t = useT();
  const first = timeline && timeline.counts.length > 0 ? isoDay(timeline.start_ms) : "YYYY-MM-DD";
  const last =
    timeline && timeline.counts.length > 0
      ? isoDay(timeline.start_ms + timeline.counts.length * timeline.bin_ms - DAY_MS)
      : "YYYY-MM-DD";
  return (
    <>
      <label className="field">
        <span>{t("filters.from")}</span>
        <DayInput
          testId={`${testPrefix}-from`}
          value={fromInput(params)}
          placeholder={first}
          onChange={(day) => onChange((p) => withDates(p, day, toInput(p)))}
        />
      </label>
      <label className="field">
        <span>{t("filters.to")}</span>
        <DayInput
          testId={`${testPrefix}-to`}
          value={toInput(params)}
          placeholder={last}
          onChange={(day) => onChange((p) => withDates(p, fromInput(p), day))}
        />
      </label>
    </>
  );
}

const STRIP_WIDTH = 240;
const STRIP_HEIGHT = 40;

/** The events-per-day strip; drag across it to choose the date range. */
export function TimelineBrush({
  timeline,
  params,
  onChange,
}: {
  timeline: Timeline;
  params: Params;
  onChange: ParamsChange;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const n = timeline.counts.length;
  if (n === 0) return null;
  const span = n * timeline.bin_ms;
  const end = timeline.start_ms + span;
  const max = Math.max(1, ...timeline.counts);
  const xOf = (ms: number) => ((ms - timeline.start_ms) / span) * STRIP_WIDTH;
  const msAt = (clientX: number) => {
    const box = svg.current?.getBoundingClientRect();
    const x = box ? Math.min(Math.max(0, clientX - box.left), box.width) / box.width : 0;
    return timeline.start_ms + Math.floor((x * span) / DAY_MS) * DAY_MS;
  };
  const chosen =
    drag !== null
      ? { from: Math.min(drag.start, drag.end), to: Math.max(drag.start, drag.end) + DAY_MS }
      : params.from_ms !== null || params.to_ms !== null
        ? { from: params.from_ms ?? timeline.start_ms, to: params.to_ms ?? end }
        : null;
  const barWidth = STRIP_WIDTH / n;
  return (
    <div className="timeline">
      <svg
        ref={svg}
        data-testid="timeline"
        width={STRIP_WIDTH}
        height={STRIP_HEIGHT}
        role="img"
        aria-label={t("filters.timeline")}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const ms = msAt(e.clientX);
          setDrag({ start: ms, end: ms });
        }}
        onPointerMove={(e) => {
          if (drag) setDrag({ ...drag, end: msAt(e.clientX) });
        }}
        onPointerUp={() => {
          if (!drag) return;
          const from = Math.min(drag.start, drag.end);
          const to = Math.max(drag.start, drag.end) + DAY_MS;
          setDrag(null);
          onChange((p) => ({ ...p, from_ms: from, to_ms: to }));
        }}
      >
        <title>{t("filters.timeline")}</title>
        {timeline.counts.map((c, i) => (
          <rect
            key={i}
            className="timeline-bar"
            x={i * barWidth}
            y={STRIP_HEIGHT - (c / max) * (STRIP_HEIGHT - 4)}
            width={Math.max(0.5, barWidth - 0.5)}
            height={(c / max) * (STRIP_HEIGHT - 4)}
          />
        ))}
        {chosen && (
          <>
            <rect
              className="timeline-out"
              x={0}
              y={0}
              width={Math.max(0, xOf(chosen.from))}
              height={STRIP_HEIGHT}
            />
            <rect
              className="timeline-out"
              x={xOf(chosen.to)}
              y={0}
              width={Math.max(0, STRIP_WIDTH - xOf(chosen.to))}
              height={STRIP_HEIGHT}
            />
            <rect
              className="timeline-chosen"
              x={xOf(chosen.from)}
              y={0.5}
              width={Math.max(1, xOf(chosen.to) - xOf(chosen.from))}
              height={STRIP_HEIGHT - 1}
            />
          </>
        )}
      </svg>
      <div className="timeline-axis">
        <span>{formatDay(language, timeline.start_ms)}</span>
        <span>
          {formatNumber(
            language,
            timeline.counts.reduce((a, b) => a + b, 0),
            0,
          )}
        </span>
        <span>{formatDay(language, end - DAY_MS)}</span>
      </div>
    </div>
  );
}

interface Props {
  params: Params;
  onChange: ParamsChange;
  dimensions: Dimensions | null;
  timeline: Timeline | null;
}

export function Filters({ params, onChange, dimensions, timeline }: Props) {
  const t = useT();
  return (
    <div className="filters" data-testid="filters" aria-label={t("filters.title")}>
      {timeline && <TimelineBrush timeline={timeline} params={params} onChange={onChange} />}
      <DateRange params={params} onChange={onChange} testPrefix="filter" timeline={timeline} />
      <label className="field">
        <span>{t("filters.segment")}</span>
        <SegmentSelect
          testId="filter-segment"
          value={params.segments}
          dimensions={dimensions}
          onChange={(segments) => onChange((p) => ({ ...p, segments }))}
        />
      </label>
      <label className="field">
        <span>{t("filters.channel")}</span>
        <select
          data-testid="filter-channel"
          value={params.channels[0] ?? ""}
          onChange={(e) =>
            onChange((p) => ({ ...p, channels: e.target.value ? [e.target.value] : [] }))
          }
        >
          <option value="">{t("filters.channel.all")}</option>
          {dimensions?.channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button-quiet"
        data-testid="filter-reset"
        onClick={() => onChange(DEFAULT_PARAMS)}
      >
        {t("filters.reset")}
      </button>
    </div>
  );
}

/** The "now" of drop-off and stalls, and how many idle days count as dropped. */
export function Thresholds({ params, onChange }: { params: Params; onChange: ParamsChange }) {
  const t = useT();
  const [inactive, setInactive] = useState(String(params.inactive_days));
  const [shown, setShown] = useState(params.inactive_days);
  if (shown !== params.inactive_days) {
    setShown(params.inactive_days);
    setInactive(String(params.inactive_days));
  }
  return (
    <>
      <label className="field">
        <span>{t("filters.as_of")}</span>
        <DayInput
          testId="filter-as-of"
          value={params.as_of_ms === null ? "" : isoDay(params.as_of_ms - DAY_MS)}
          placeholder={t("filters.as_of.latest")}
          onChange={(text) => {
            const day = parseIsoDay(text);
            onChange((p) => ({ ...p, as_of_ms: day === null ? null : day + DAY_MS }));
          }}
        />
      </label>
      <label className="field field-narrow">
        <span>{t("filters.inactive")}</span>
        <input
          type="number"
          min={1}
          max={3650}
          data-testid="filter-inactive"
          value={inactive}
          onChange={(e) => {
            setInactive(e.target.value);
            const days = Number(e.target.value);
            if (Number.isInteger(days) && days >= 1 && days <= 3650)
              onChange((p) => ({ ...p, inactive_days: days }));
          }}
        />
      </label>
    </>
  );
}
