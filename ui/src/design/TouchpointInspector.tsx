// The inspector of one touchpoint: the workshop's notes on it, then every field of the model, each
// change one engine edit.

import type {
  Channel,
  Edit,
  Journey,
  Kind,
  Kpi,
  Opportunity,
  OpportunityStatus,
  Touchpoint,
  TouchpointField,
} from "../generated/types";
import { useT } from "../language";
import { ChannelIcon, CHANNELS } from "../map/channels";
import { emotionColour } from "./EmotionCurve";
import { parseNumber, RemoveButton, RowInput, Section, TextField, TextList } from "./fields";
import { TouchpointNotes } from "./WorkshopNotes";
import type { MessageKey } from "../i18n";

interface Props {
  journey: Journey;
  touchpoint: Touchpoint;
  warnings: string[];
  onEdit: (edit: Edit) => void;
}

const STATUSES: OpportunityStatus[] = ["idea", "planned", "in_progress", "done", "dropped"];
const EMOTIONS = [-2, -1, 0, 1, 2] as const;
const EMOTION_KEYS: Record<(typeof EMOTIONS)[number], MessageKey> = {
  [-2]: "design.emotion.-2",
  [-1]: "design.emotion.-1",
  0: "design.emotion.0",
  1: "design.emotion.1",
  2: "design.emotion.2",
};
const KIND_ICONS: Record<Kind, Channel> = { physical: "store", digital: "web" };

export function TouchpointInspector({ journey, touchpoint: tp, warnings, onEdit }: Props) {
  const t = useT();
  const set = (field: TouchpointField) =>
    onEdit({ op: "set_touchpoint_field", touchpoint: tp.id, field });
  const next = journey.transitions
    .filter((tr) => tr.from === tp.id)
    .map((tr) => journey.touchpoints.find((x) => x.id === tr.to))
    .filter((x): x is Touchpoint => x !== undefined);
  const setOpportunity = (i: number, change: Partial<Opportunity>) =>
    set({
      field: "opportunities",
      value: tp.opportunities.map((o, j) => (j === i ? { ...o, ...change } : o)),
    });
  const setKpi = (i: number, change: Partial<Kpi>) =>
    set({ field: "kpis", value: tp.kpis.map((k, j) => (j === i ? { ...k, ...change } : k)) });

  return (
    <aside
      className="side-panel inspector"
      aria-label={t("panel.touchpoint")}
      data-testid="inspector"
    >
      <p className="eyebrow">{t("panel.touchpoint")}</p>
      <h2 className="panel-title" data-testid="selected-touchpoint" dir="auto">
        <ChannelIcon channel={tp.channel} size={22} />
        <span className="panel-title-text" title={tp.name}>
          {tp.name}
        </span>
      </h2>
      {warnings.length > 0 && (
        <ul className="inspector-warnings" data-testid="inspector-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <TouchpointNotes journey={journey} touchpoint={tp} onEdit={onEdit} />
      <TextField
        label={t("design.field.name")}
        value={tp.name}
        required
        testId="inspector-name"
        onCommit={(value) => set({ field: "name", value })}
      />
      <label className="inspector-field">
        <span className="inspector-label">{t("panel.stage")}</span>
        <select
          value={tp.stage}
          data-testid="inspector-stage"
          onChange={(e) =>
            onEdit({
              op: "move_touchpoint",
              touchpoint: tp.id,
              stage: Number(e.currentTarget.value),
              x: tp.x,
              y: tp.y,
            })
          }
        >
          {journey.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>

      <Section label={t("panel.kind")}>
        <div className="choice-row" role="radiogroup" aria-label={t("panel.kind")}>
          {(["physical", "digital"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={tp.kind === kind}
              className={tp.kind === kind ? "choice is-active" : "choice"}
              onClick={() => tp.kind !== kind && set({ field: "kind", value: kind })}
            >
              <ChannelIcon channel={KIND_ICONS[kind]} size={16} /> {t(`kind.${kind}`)}
            </button>
          ))}
        </div>
      </Section>

      <Section label={t("panel.channel")}>
        <div
          className="channel-grid"
          role="radiogroup"
          aria-label={t("panel.channel")}
          data-testid="inspector-channel"
        >
          {CHANNELS.map((channel) => (
            <button
              key={channel}
              type="button"
              role="radio"
              aria-checked={tp.channel === channel}
              className={tp.channel === channel ? "channel-choice is-active" : "channel-choice"}
              title={t(`channel.${channel}`)}
              onClick={() => tp.channel !== channel && set({ field: "channel", value: channel })}
            >
              <ChannelIcon channel={channel} size={18} />
              <span>{t(`channel.${channel}`)}</span>
            </button>
          ))}
        </div>
      </Section>

      <Section label={t("design.field.emotion")}>
        <div className="emotion-picker" role="radiogroup" aria-label={t("design.field.emotion")}>
          {EMOTIONS.map((e) => (
            <button
              key={e}
              type="button"
              role="radio"
              aria-checked={tp.emotion === e}
              data-testid={`emotion-${e}`}
              className={tp.emotion === e ? "emotion-choice is-active" : "emotion-choice"}
              style={
                tp.emotion === e
                  ? { background: emotionColour(e), borderColor: emotionColour(e) }
                  : undefined
              }
              title={t(EMOTION_KEYS[e])}
              onClick={() => set({ field: "emotion", value: tp.emotion === e ? null : e })}
            >
              {e > 0 ? `+${e}` : e}
            </button>
          ))}
        </div>
        <p className="inspector-hint">
          {tp.emotion === null
            ? t("design.emotion.none")
            : t(EMOTION_KEYS[tp.emotion as (typeof EMOTIONS)[number]] ?? "design.emotion.none")}
        </p>
      </Section>

      <Section label={t("panel.role")}>
        <label className="check">
          <input
            type="checkbox"
            checked={tp.entry}
            onChange={(e) => set({ field: "entry", value: e.currentTarget.checked })}
          />
          {t("design.field.entry")}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={tp.goal}
            onChange={(e) => set({ field: "goal", value: e.currentTarget.checked })}
          />
          {t("design.field.goal")}
        </label>
      </Section>

      <TextField
        label={t("design.field.description")}
        value={tp.description}
        multiline
        onCommit={(value) => set({ field: "description", value })}
      />
      <TextField
        label={t("design.field.owner")}
        value={tp.owner}
        onCommit={(value) => set({ field: "owner", value })}
      />

      <TextList
        label={t("design.field.pain_points")}
        items={tp.pain_points}
        addLabel={t("design.add_pain_point")}
        testId="inspector-pain-points"
        onCommit={(value) => set({ field: "pain_points", value })}
      />

      <Section label={t("design.field.opportunities")}>
        {tp.opportunities.map((o, i) => (
          <div className="card-row" key={i}>
            <RowInput
              value={o.text}
              label={t("design.opportunity.text")}
              onCommit={(text) => setOpportunity(i, { text })}
            />
            <div className="list-row">
              <RowInput
                value={o.owner}
                label={t("design.field.owner")}
                placeholder={t("design.field.owner")}
                onCommit={(owner) => setOpportunity(i, { owner })}
              />
              <select
                value={o.status}
                aria-label={t("design.opportunity.status")}
                onChange={(e) =>
                  setOpportunity(i, { status: e.currentTarget.value as OpportunityStatus })
                }
              >
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`design.status.${s}`)}
                  </option>
                ))}
              </select>
              <RemoveButton
                label={t("design.remove")}
                onClick={() =>
                  set({ field: "opportunities", value: tp.opportunities.filter((_, j) => j !== i) })
                }
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            set({
              field: "opportunities",
              value: [
                ...tp.opportunities,
                { text: t("design.opportunity.new"), owner: "", status: "idea" },
              ],
            })
          }
        >
          + {t("design.add_opportunity")}
        </button>
      </Section>

      <Section label={t("design.field.kpis")}>
        {tp.kpis.length > 0 && (
          <div className="kpi-head">
            <span>{t("design.kpi.name")}</span>
            <span>{t("design.kpi.value")}</span>
            <span>{t("design.kpi.target")}</span>
            <span />
          </div>
        )}
        {tp.kpis.map((k, i) => (
          <div className="kpi-row" key={i}>
            <RowInput
              value={k.name}
              label={t("design.kpi.name")}
              onCommit={(name) => setKpi(i, { name })}
            />
            <RowInput
              type="number"
              value={k.value === null ? "" : String(k.value)}
              label={t("design.kpi.value")}
              onCommit={(v) => setKpi(i, { value: parseNumber(v) })}
            />
            <RowInput
              type="number"
              value={k.target === null ? "" : String(k.target)}
              label={t("design.kpi.target")}
              onCommit={(v) => setKpi(i, { target: parseNumber(v) })}
            />
            <RemoveButton
              label={t("design.remove")}
              onClick={() => set({ field: "kpis", value: tp.kpis.filter((_, j) => j !== i) })}
            />
          </div>
        ))}
        <button
          type="button"
          className="link-button"
          onClick={() =>
            set({ field: "kpis", value: [...tp.kpis, { name: "NPS", value: null, target: null }] })
          }
        >
          + {t("design.add_kpi")}
        </button>
      </Section>

      <TextList
        label={t("design.field.aliases")}
        items={tp.aliases}
        addLabel={t("design.add_alias")}
        onCommit={(value) => set({ field: "aliases", value })}
      />

      <Section label={t("panel.next")}>
        <ul className="next-list">
          {next.length > 0 ? (
            next.map((x) => (
              <li key={x.id} dir="auto">
                {x.name}
              </li>
            ))
          ) : (
            <li>{t("panel.none")}</li>
          )}
        </ul>
      </Section>
      <button
        type="button"
        className="danger-button"
        onClick={() => onEdit({ op: "delete_touchpoint", touchpoint: tp.id })}
      >
        {t("design.delete_touchpoint")}
      </button>
    </aside>
  );
}
