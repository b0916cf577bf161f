// "What changed": the transitions and touchpoint rates that moved between the last N days and
// the N days before, in plain words, most significant first (the engine tests each with a
// two-proportion z-test and adjusts for their number). Changes that may be chance are greyed.
// Clicking one selects its touchpoint on the map, where its inspector opens.

import { useContext, useState } from "react";
import type {
  ChangeMetric,
  Changes as ChangesData,
  JourneyId,
  Params,
  TouchpointId,
} from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatNumber, formatPercent } from "../shared/format";
import { paramsKey } from "../shared/params";
import { pText } from "../shared/significance";
import { analyzeApi } from "./api";
import { useLatest } from "./latest";

/** How many changes of each kind the panel lists. */
const TOP = 6;
/** The least denominator in each period for a figure to be tested. */
const MIN_COUNT = 30;
const DAY_CHOICES = [7, 14, 28];

// Shared with the compare marks on the map, so that both write p alike.
export { pText };

export function Changes({
  journey,
  params,
  onSelect,
}: {
  journey: JourneyId;
  params: Params;
  onSelect: (touchpoint: TouchpointId) => void;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const [days, setDays] = useState(7);
  const changes = useLatest(`${journey}|changes|${days}|${paramsKey(params)}`, () =>
    analyzeApi.changes(journey, params, { kind: "last", days }, MIN_COUNT),
  );
  const data: ChangesData | null = changes.data;
  const metricName = (m: ChangeMetric) => t(`changes.metric.${m}`);
  const significant = data
    ? data.edges.filter((e) => e.significant).length +
      data.nodes.filter((n) => n.significant).length
    : 0;
  return (
    <section className="changes" data-testid="changes-panel">
      <h3 className="section-title">{t("changes.title")}</h3>
      <label className="changes-days">
        {t("changes.compare")}{" "}
        <select
          value={days}
          onChange={(e) => setDays(Number(e.target.value))}
          data-testid="changes-days"
        >
          {DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {fill(t("changes.days"), { n: String(d) })}
            </option>
          ))}
        </select>
      </label>
      {changes.error && <p className="panel-hint">{changes.error}</p>}
      {data && (
        <p className="panel-text small" data-testid="changes-summary">
          {fill(t("changes.summary"), {
            a: `${data.a.from} – ${data.a.to}`,
            b: `${data.b.from} – ${data.b.to}`,
            n: formatNumber(language, significant, 0),
          })}
        </p>
      )}
      {data && data.edges.length + data.nodes.length === 0 && (
        <p className="panel-hint">{t("changes.none")}</p>
      )}
      <ol className="changes-list">
        {(data?.edges ?? []).slice(0, TOP).map((e) => (
          <li key={`e|${e.from}|${e.to}`}>
            <button
              type="button"
              className={e.significant ? "change-item" : "change-item is-noise"}
              disabled={e.from_touchpoint_id === null}
              onClick={() => e.from_touchpoint_id !== null && onSelect(e.from_touchpoint_id)}
              title={fill(t("changes.counts"), {
                a: `${formatNumber(language, e.a_count, 0)} / ${formatNumber(language, e.a_total, 0)}`,
                b: `${formatNumber(language, e.b_count, 0)} / ${formatNumber(language, e.b_total, 0)}`,
              })}
              data-testid="change-edge"
            >
              <span className="change-what" dir="auto">
                {e.from} → {e.to}
              </span>
              <span className="change-figures num">
                {fill(t("changes.moves"), {
                  a: formatPercent(language, e.a_share, 0),
                  b: formatPercent(language, e.b_share, 0),
                })}
                {", "}
                {pText(language, e.p_value)}
              </span>
            </button>
          </li>
        ))}
        {(data?.nodes ?? []).slice(0, TOP).map((n) => (
          <li key={`n|${n.touchpoint_id}|${n.metric}`}>
            <button
              type="button"
              className={n.significant ? "change-item" : "change-item is-noise"}
              onClick={() => onSelect(n.touchpoint_id)}
              title={fill(t("changes.counts"), {
                a: `${formatNumber(language, n.a_count, 0)} / ${formatNumber(language, n.a_total, 0)}`,
                b: `${formatNumber(language, n.b_count, 0)} / ${formatNumber(language, n.b_total, 0)}`,
              })}
              data-testid="change-node"
            >
              <span className="change-what" dir="auto">
                {n.touchpoint}, {metricName(n.metric)}
              </span>
              <span className="change-figures num">
                {formatPercent(language, n.a, 0)} → {formatPercent(language, n.b, 0)}
                {", "}
                {pText(language, n.p_value)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {data && !data.dropoff_compared && (
        <p className="panel-hint">
          {fill(t("changes.no_dropoff"), { days: String(params.inactive_days) })}
        </p>
      )}
    </section>
  );
}
