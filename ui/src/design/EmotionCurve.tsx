// The classic journey-map emotion curve, drawn under the lanes so it pans and zooms with them:
// through each stage's mean emotion, from −2 (very negative) at the bottom to +2 (very positive)
// at the top, with every touchpoint's own emotion as a small dot under its card.

import type { Node, NodeProps } from "@xyflow/react";
import type { Journey } from "../generated/types";
import type { MapLayout } from "../map/layout";
import { useT } from "../language";
import { useContext } from "react";
import { fill } from "../i18n";
import { LanguageContext } from "../language";
import { formatSigned } from "../shared/format";
import { EMOTION_MAX, EMOTION_MIN, emotionPoints, smoothPath, stageEmotions } from "./geometry";

export const EMOTION_HEIGHT = 150;
const PAD = 34;
const LEVELS = [2, 1, 0, -1, -2];

export type EmotionNode = Node<{ journey: Journey; layout: MapLayout }, "emotion">;

export const emotionColour = (e: number) => (e > 0 ? "#15803d" : e < 0 ? "#b91c1c" : "#64748b");

export function EmotionCurve({ data, width }: NodeProps<EmotionNode>) {
  const t = useT();
  const { journey, layout } = data;
  const w = width ?? layout.width;
  const language = useContext(LanguageContext);
  const points = emotionPoints(journey, layout, EMOTION_HEIGHT, PAD);
  const stages = stageEmotions(journey, layout, EMOTION_HEIGHT, PAD);
  const signed = (n: number) => formatSigned(language, n, 1);
  const yOf = (e: number) =>
    PAD + ((EMOTION_MAX - e) / (EMOTION_MAX - EMOTION_MIN)) * (EMOTION_HEIGHT - 2 * PAD);
  return (
    <div className="emotion-curve" data-testid="emotion-curve" data-points={points.length}>
      <svg width={w} height={EMOTION_HEIGHT} role="img" aria-label={t("design.emotion.title")}>
        {layout.lanes.map((lane) => (
          <rect
            key={lane.stage}
            x={lane.x}
            y={0}
            width={lane.width}
            height={EMOTION_HEIGHT}
            rx={14}
            className="emotion-lane"
          />
        ))}
        {LEVELS.map((e) => (
          <g key={e}>
            <line
              x1={0}
              x2={w}
              y1={yOf(e)}
              y2={yOf(e)}
              className={e === 0 ? "emotion-zero" : "emotion-grid"}
            />
            <text x={8} y={yOf(e) - 4} className="emotion-level">
              {e > 0 ? `+${e}` : String(e)}
            </text>
          </g>
        ))}
        <text x={w - 10} y={20} textAnchor="end" className="emotion-title">
          {t("design.emotion.title")}
        </text>
        {points.map((p) => (
          <circle
            key={p.touchpoint}
            cx={p.x}
            cy={p.y}
            r={5}
            fill={emotionColour(p.emotion)}
            className="emotion-touchpoint"
          >
            <title>{`${p.name}: ${signed(p.emotion)}`}</title>
          </circle>
        ))}
        {stages.length > 1 && <path d={smoothPath(stages)} className="emotion-line" />}
        {stages.map((s) => (
          <circle
            key={s.stage}
            cx={s.x}
            cy={s.y}
            r={9}
            fill={emotionColour(s.mean)}
            className="emotion-dot"
            data-testid="emotion-stage"
          >
            <title>
              {fill(t("design.emotion.stage"), {
                stage: s.name,
                mean: signed(s.mean),
                count: s.count,
              })}
            </title>
          </circle>
        ))}
        {points.length === 0 && (
          <text x={w / 2} y={EMOTION_HEIGHT / 2 + 5} textAnchor="middle" className="emotion-empty">
            {t("design.emotion.empty")}
          </text>
        )}
      </svg>
    </div>
  );
}
