// The Cohorts view of the Trends band: customers grouped by the week or month they first
// appeared, how many of each group are still active at the end of every period after it (a heat
// table, a row per cohort), and where the ones who churned stopped. Clicking a place selects its
// touchpoint on the map. Every number is the engine's cohorts, under the filters of the map.

import { useContext, useState } from "react";
import type { Cohorts as CohortsData, JourneyId, Params, TouchpointId } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import {
  cellAt,
  cellTitle,
  cohortLabel,
  heatColour,
  offsetCount,
  topChurn,
} from "../shared/cohorts";
import { formatNumber, formatPercent } from "../shared/format";
import { paramsKey } from "../shared/params";
import { analyzeApi } from "./api";
import { useLatest } from "./latest";
import { PeriodSelect } from "./PeriodSelect";

/** A cohort is the customers first seen in one ISO week or calendar month (not a day: too thin). */
type CohortPeriod = "week" | "month";
const PERIODS: CohortPeriod[] = ["week", "month"];

interface Props {
  journey: JourneyId;
  params: Params;
  onSelect: (touchpoint: TouchpointId) => void;
}

function CohortTable({
  data,
  by,
  onSelect,
}: {
  data: CohortsData;
  by: CohortPeriod;
  onSelect: (touchpoint: TouchpointId) => void;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  const offsets = Array.from({ length: offsetCount(data) }, (_, i) => i);
  return (
    <table className="cohorts-table">
      <thead>
        <tr>
          <th scope="col">{t("cohorts.cohort")}</th>
          <th scope="col" className="num">
            {t("cohorts.size")}
          </th>
          {offsets.map((k) => (
            <th
              key={k}
              scope="col"
              className="num cohorts-offset"
              title={fill(t("cohorts.offset.hint"), { n: k })}
            >
              {fill(t(`cohorts.offset.${by}`), { n: k })}
            </th>
          ))}
          <th scope="col">{t("cohorts.churn")}</th>
        </tr>
      </thead>
      <tbody>
        {data.cohorts.map((cohort) => (
          <tr key={cohort.start} data-testid="cohort-row" data-start={cohort.start}>
            <th scope="row" className="cohorts-label">
              {cohortLabel(t, language, by, cohort)}
            </th>
            <td className="num">{formatNumber(language, cohort.customers, 0)}</td>
            {offsets.map((k) => {
              const cell = cellAt(cohort, k);
              // A period that has not begun by as-of has no measure: an empty cell, no colour.
              if (!cell) return <td key={k} className="cohort-cell is-empty" />;
              const heat = heatColour(cell.active_pct);
              return (
                <td
                  key={k}
                  className={`num cohort-cell ink-${heat.ink}${cell.partial ? " is-partial" : ""}`}
                  style={{ backgroundColor: heat.fill }}
                  title={cellTitle(t, language, cohort, cell)}
                  data-testid="cohort-cell"
                  data-offset={k}
                  data-active={cell.active}
                  data-pct={cell.active_pct}
                  data-partial={cell.partial ? "true" : undefined}
                >
                  {formatPercent(language, cell.active_pct, 0)}
                </td>
              );
            })}
            <td className="cohort-churn" data-testid="cohort-churn">
              <span className="cohort-churned">
                {fill(t("cohorts.churned"), { n: formatNumber(language, cohort.churned, 0) })}
              </span>
              {topChurn(cohort).map((place) => {
                const share = formatPercent(language, place.share_pct, 0);
                const id = place.touchpoint_id;
                return id === null ? (
                  // A log value the map does not know: nothing to select.
                  <span key={place.touchpoint} className="cohort-place" dir="auto">
                    {place.touchpoint} {share}
                  </span>
                ) : (
                  <button
                    key={place.touchpoint}
                    type="button"
                    className="cohort-place cohort-place-link"
                    data-testid="cohort-churn-place"
                    title={fill(t("cohorts.churn.select"), { name: place.touchpoint })}
                    onClick={() => onSelect(id)}
                  >
                    <span dir="auto">{place.touchpoint}</span> {share}
                  </button>
                );
              })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CohortsView({ journey, params, onSelect }: Props) {
  const t = useT();
  const [by, setBy] = useState<CohortPeriod>("week");
  const cohorts = useLatest(`${journey}|cohorts|${by}|${paramsKey(params)}`, () =>
    analyzeApi.cohorts(journey, params, by),
  );
  const data = cohorts.data;
  return (
    <div className="cohorts" data-testid="cohorts-panel">
      <div className="cohorts-bar">
        <PeriodSelect
          label="cohorts.by"
          testid="cohorts-by"
          periods={PERIODS}
          value={by}
          onChange={setBy}
        />
        {data && (
          <span className="panel-hint">
            {fill(t("cohorts.hint"), { days: String(data.inactive_days) })}
          </span>
        )}
        <span className="top-bar-spacer" />
        {cohorts.loading && (
          <span className="busy-note" role="status">
            {t("analyze.loading")}
          </span>
        )}
      </div>
      <div className={cohorts.loading ? "cohorts-body is-loading" : "cohorts-body"}>
        {cohorts.error ? (
          <div className="message message-error" role="alert" data-testid="cohorts-error">
            <h1>{t("cohorts.error")}</h1>
            <p>{cohorts.error}</p>
          </div>
        ) : !data ? (
          <div className="message">{t("analyze.loading")}</div>
        ) : data.cohorts.length === 0 ? (
          <div className="message">{t("cohorts.empty")}</div>
        ) : (
          // The table follows the select only once the engine has answered for it.
          <CohortTable
            data={data}
            by={data.by === "month" ? "month" : "week"}
            onSelect={onSelect}
          />
        )}
      </div>
    </div>
  );
}
