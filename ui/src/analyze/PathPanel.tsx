// One customer's path, event by event with the time between, and where they stand: status,
// current and furthest stage under the filters.

import { useContext } from "react";
import type { CustomerRow } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatDuration, formatInstant, formatNumber } from "../shared/format";
import type { PathStep } from "../shared/overlay";

interface Props {
  customer: string;
  steps: PathStep[] | null;
  row: CustomerRow | null;
  loadingRow: boolean;
  error: string | null;
  onClose: () => void;
}

export function PathPanel({ customer, steps, row, loadingRow, error, onClose }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  return (
    <aside className="side-panel path-panel" data-testid="path-panel" aria-label={t("path.title")}>
      <div className="inspector-head">
        <p className="eyebrow">{t("path.title")}</p>
        <button type="button" className="button-quiet" data-testid="path-close" onClick={onClose}>
          {t("path.clear")}
        </button>
      </div>
      <h2 className="panel-title mono" data-testid="path-customer">
        {customer}
      </h2>
      {error && <p className="inline-error">{error}</p>}
      {row && (
        <dl className="facts">
          <dt>{t("path.status")}</dt>
          <dd>
            <span
              className={`status status-${row.status}`}
              data-testid="path-status"
              data-status={row.status}
            >
              {t(`status.${row.status}`)}
            </span>
          </dd>
          <dt>{t("path.current")}</dt>
          <dd data-testid="path-current">{row.current_stage ?? "—"}</dd>
          <dt>{t("path.furthest")}</dt>
          <dd data-testid="path-furthest">{row.furthest_stage ?? "—"}</dd>
        </dl>
      )}
      {!row && !loadingRow && steps && <p className="panel-hint">{t("search.not_kept")}</p>}
      {steps && (
        <>
          <p className="eyebrow">
            {fill(t("path.steps"), { n: formatNumber(language, steps.length, 0) })}
          </p>
          <ol className="path-steps">
            {steps.map((s) => (
              <li
                key={s.index}
                data-testid="path-step"
                className={s.touchpointId === null ? "is-unmapped" : ""}
              >
                <span className="path-index">{s.index + 1}</span>
                <span className="path-what">
                  <span className="path-name">{s.touchpoint}</span>
                  {s.touchpointId === null && (
                    <span className="tag-warning">{t("path.unmapped")}</span>
                  )}
                  <span className="path-when">
                    {formatInstant(language, s.ms)}
                    {s.sinceMs !== null &&
                      ` · ${fill(t("path.after"), { d: formatDuration(language, s.sinceMs / 1000) })}`}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
