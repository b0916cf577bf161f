// The right-hand panel: the journey's facts, or the selected touchpoint's.

import type { Journey, TouchpointId, WorkspaceSummary } from "./generated/types";
import { formatCount, type Language } from "./i18n";
import { useT } from "./language";
import { ChannelIcon } from "./map/channels";

interface Props {
  journey: Journey;
  summary: WorkspaceSummary;
  selected: TouchpointId | null;
  language: Language;
}

export function SidePanel({ journey, summary, selected, language }: Props) {
  const t = useT();
  const touchpoint = journey.touchpoints.find((tp) => tp.id === selected);
  if (!touchpoint) {
    return (
      <aside className="side-panel" aria-label={t("panel.journey")}>
        <p className="eyebrow">{t("panel.journey")}</p>
        <h2 className="panel-title">{journey.name}</h2>
        {journey.description && <p className="panel-text">{journey.description}</p>}
        <dl className="facts">
          <dt>{t("panel.stages")}</dt>
          <dd>{formatCount(language, journey.stages.length)}</dd>
          <dt>{t("panel.touchpoints")}</dt>
          <dd>{formatCount(language, journey.touchpoints.length)}</dd>
          <dt>{t("panel.transitions")}</dt>
          <dd>{formatCount(language, journey.transitions.length)}</dd>
          <dt>{t("panel.sources")}</dt>
          <dd>{formatCount(language, summary.sources.length)}</dd>
          <dt>{t("panel.events")}</dt>
          <dd data-testid="event-count">{formatCount(language, summary.events)}</dd>
        </dl>
        <p className="panel-hint">{t("panel.select")}</p>
      </aside>
    );
  }
  const stage = journey.stages.find((s) => s.id === touchpoint.stage);
  const next = journey.transitions
    .filter((tr) => tr.from === touchpoint.id)
    .map((tr) => journey.touchpoints.find((tp) => tp.id === tr.to)?.name)
    .filter((name): name is string => name !== undefined);
  const roles = [touchpoint.entry && t("map.entry"), touchpoint.goal && t("map.goal")].filter(Boolean);
  return (
    <aside className="side-panel" aria-label={t("panel.touchpoint")}>
      <p className="eyebrow">{t("panel.touchpoint")}</p>
      <h2 className="panel-title" data-testid="selected-touchpoint">
        <ChannelIcon channel={touchpoint.channel} size={22} /> {touchpoint.name}
      </h2>
      <dl className="facts">
        <dt>{t("panel.stage")}</dt>
        <dd>{stage?.name ?? t("panel.none")}</dd>
        <dt>{t("panel.channel")}</dt>
        <dd>{t(`channel.${touchpoint.channel}`)}</dd>
        <dt>{t("panel.kind")}</dt>
        <dd>{t(`kind.${touchpoint.kind}`)}</dd>
        <dt>{t("panel.role")}</dt>
        <dd>{roles.length > 0 ? roles.join(", ") : t("panel.none")}</dd>
      </dl>
      <p className="eyebrow">{t("panel.next")}</p>
      <ul className="next-list">
        {next.length > 0 ? next.map((name) => <li key={name}>{name}</li>) : <li>{t("panel.none")}</li>}
      </ul>
    </aside>
  );
}
