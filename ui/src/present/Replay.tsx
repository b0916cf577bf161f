// The replay: customers as dots flowing along the map over time, with play, pause, speed and a
// time scrubber, and every touchpoint's event counter ticking as time advances.

import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { useErrorText } from "../errors";
import type { Journey, Params, Replay as ReplayData } from "../generated/types";
import { formatDay } from "../shared/format";
import { fill, formatCount, type Language } from "../i18n";
import { useT } from "../language";
import { presentApi } from "./api";
import { countersAt, dotAt, jitter, replayLayout, type Point } from "./replay";

/** Seconds the whole span takes at 1×. */
const BASE_SECONDS = 30;
const SPEEDS = [0.5, 1, 2, 4];

interface Props {
  journey: Journey;
  language: Language;
  /** What the presentation shows: Analyze's filters or the whole log. */
  params: Params;
}

export function Replay({ journey, language, params }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [data, setData] = useState<ReplayData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  /** 0…1 of the span; a ref for the animation loop, mirrored in state for the controls. */
  const progress = useRef(0);
  const [shown, setShown] = useState(0);
  const [size, setSize] = useState({ width: 800, height: 500 });
  const box = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    presentApi.replay(journey.id, params).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, [journey.id, params, errorMessage]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
    // The stage element exists once the data has arrived.
  }, [data]);

  const layout = useMemo(
    () => replayLayout(journey, size.width, size.height),
    [journey, size.width, size.height],
  );
  const centres: (Point | undefined)[] = useMemo(
    () => (data?.touchpoints ?? []).map((id) => layout.centres.get(id)),
    [data, layout],
  );
  /** How far the dots of a touchpoint spread around it, and their size, from the row height. */
  const rows = Math.max(
    1,
    ...layout.lanes.map((l) => journey.touchpoints.filter((tp) => tp.stage === l.stage).length),
  );
  const scale = Math.min(1, layout.height / rows / 110);
  const laneWidth = layout.lanes[0]?.width ?? 0;

  const span = data ? (data.end_ms - data.start_ms) / 1000 : 0;

  // Draws the frame for the current progress; called by the animation loop and on changes.
  const draw = () => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx || !data) return;
    const ratio = window.devicePixelRatio || 1;
    if (
      c.width !== Math.round(size.width * ratio) ||
      c.height !== Math.round(size.height * ratio)
    ) {
      c.width = Math.round(size.width * ratio);
      c.height = Math.round(size.height * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    ctx.strokeStyle = "rgba(148, 163, 184, 0.28)";
    ctx.lineWidth = 2;
    for (const tr of journey.transitions) {
      const a = centres[data.touchpoints.indexOf(tr.from)];
      const b = centres[data.touchpoints.indexOf(tr.to)];
      if (!a || !b) continue;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
    const now = progress.current * span;
    const radius = Math.max(10, 26 * scale);
    const dotSize = Math.max(2, 3.2 * scale);
    const recent: number[] = [];
    const resting: number[] = [];
    for (let k = 0; k < data.shown; k++) {
      const dot = dotAt(data, k, now, centres, span);
      if (!dot) continue;
      const j = jitter(k, radius);
      (dot.recent ? recent : resting).push(dot.x + j.x, dot.y + j.y);
    }
    ctx.fillStyle = "rgba(94, 234, 212, 0.22)";
    for (let i = 0; i < resting.length; i += 2)
      ctx.fillRect(resting[i]! - dotSize / 2, resting[i + 1]! - dotSize / 2, dotSize, dotSize);
    ctx.fillStyle = "rgba(250, 204, 21, 0.95)";
    for (let i = 0; i < recent.length; i += 2)
      ctx.fillRect(recent[i]! - dotSize / 2, recent[i + 1]! - dotSize / 2, dotSize, dotSize);
  };

  useEffect(draw);
  /** `draw` with the latest props, for the animation loop. */
  const drawFrame = useEffectEvent(draw);

  useEffect(() => {
    if (!playing || !data || span <= 0) return;
    let frame = 0;
    let last = performance.now();
    let lastShown = 0;
    const tick = (now: number) => {
      const dt = (now - last) / 1000;
      last = now;
      progress.current = Math.min(1, progress.current + (dt * speed) / BASE_SECONDS);
      const started = performance.now();
      drawFrame();
      // Frames drawn and the time spent drawing them, for anyone measuring smoothness.
      const el = section.current;
      if (el) {
        el.dataset.frames = String(Number(el.dataset.frames ?? 0) + 1);
        el.dataset.drawMs = String(Number(el.dataset.drawMs ?? 0) + (performance.now() - started));
      }
      if (now - lastShown > 100 || progress.current >= 1) {
        lastShown = now;
        setShown(progress.current);
      }
      if (progress.current >= 1) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, data, span]);

  if (error) return <p className="present-error">{error}</p>;
  if (!data) return <p className="present-lead">{t("present.replay_loading")}</p>;
  if (data.shown === 0) return <p className="present-lead">{t("present.replay_empty")}</p>;

  const counters = countersAt(data, shown * span);
  const moment = data.start_ms + shown * span * 1000;
  return (
    <section className="replay" data-testid="replay" ref={section}>
      <div className="replay-stage" ref={box}>
        {layout.lanes.map((lane) => (
          <div
            key={lane.stage}
            className="replay-lane"
            style={{ left: lane.x, top: layout.top, width: lane.width, height: layout.height }}
          >
            <span>{lane.name}</span>
          </div>
        ))}
        <canvas
          ref={canvas}
          className="replay-canvas"
          style={{ width: size.width, height: size.height }}
        />
        {data.touchpoints.map((id, n) => {
          const p = centres[n];
          const tp = journey.touchpoints.find((x) => x.id === id);
          if (!p || !tp) return null;
          return (
            <div
              key={id}
              className="replay-node"
              style={{ left: p.x, top: p.y, maxWidth: laneWidth - 12 }}
              title={tp.name}
            >
              <span className="replay-count" data-testid="replay-counter" data-touchpoint={tp.name}>
                {formatCount(language, counters[n] ?? 0)}
              </span>
              <span className="replay-name">{tp.name}</span>
            </div>
          );
        })}
      </div>
      <div className="replay-controls">
        <button
          type="button"
          className="replay-play"
          onClick={() => {
            if (progress.current >= 1) progress.current = 0;
            setPlaying((p) => !p);
          }}
          data-testid="replay-play"
        >
          {playing ? t("present.replay_pause") : t("present.replay_play")}
        </button>
        <label className="replay-speed">
          <span>{t("present.replay_speed")}</span>
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <input
          type="range"
          className="replay-scrubber"
          min={0}
          max={1000}
          value={Math.round(shown * 1000)}
          aria-label={t("present.replay_time")}
          onChange={(e) => {
            progress.current = Number(e.target.value) / 1000;
            setShown(progress.current);
          }}
          data-testid="replay-scrubber"
        />
        <span className="replay-date" data-testid="replay-date">
          {formatDay(language, moment)}
        </span>
        <span className="replay-sample">
          {fill(t("present.replay_customers"), {
            count: formatCount(language, data.shown),
            total: formatCount(language, data.customers),
          })}
        </span>
      </div>
    </section>
  );
}
