// The most common complete paths (variants) of what the filters keep, in the Analyze side panel.
// Picking one filters Analyze to its customers (every number then counts them alone) and draws
// it on the map; picking it again, or "Show all customers", lifts the filter.

import { useContext } from "react";
import type { JourneyId, Params, Report } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatNumber, formatPercent } from "../shared/format";
import type { PathStep } from "../shared/overlay";
import { analyzeApi } from "./api";
import { useLatest } from "./latest";
import { paramsKey } from "../shared/params";

const TOP = 8;

export function Paths({
  journey,
  params,
  onPick,
}: {
  journey: JourneyId;
  params: Params;
  onPick: (path: string[]) => void;
}) {
  const language = useContext(LanguageContext);
  const t = useT();
  // The list is of every path under the other filters, so that another can be picked.
  const others = { ...params, path: [] };
  const paths = useLatest(`${journey}|paths|${paramsKey(others)}`, () =>
    analyzeApi.paths(journey, others, TOP),
  );
  const picked = params.path.join("\u0000");
  return (
    <section className="paths" data-testid="paths-panel">
      <h3 className="section-title">{t("paths.title")}</h3>
      {params.path.length > 0 && (
        <p className="panel-text small">
          {t("paths.filtered")}{" "}
          <button
            type="button"
            className="button-quiet"
            onClick={() => onPick([])}
            data-testid="paths-clear"
          >
            {t("paths.clear")}
          </button>
        </p>
      )}
      {paths.data && paths.data.length === 0 && <p className="panel-hint">{t("paths.none")}</p>}
      <ol className="paths-list">
        {(paths.data ?? []).map((p) => {
          const key = p.path.join("\u0000");
          const active = key === picked;
          return (
            <li key={key}>
              <button
                type="button"
                className={active ? "path-item is-active" : "path-item"}
                aria-pressed={active}
                title={p.path.join(" → ")}
                onClick={() => onPick(active ? [] : p.path)}
                data-testid="path-item"
              >
                <span className="path-steps" dir="auto">
                  {p.path.join(" → ")}
                </span>
                <span className="path-meta num">
                  {fill(t("paths.customers"), {
                    n: formatNumber(language, p.customers, 0),
                    share: formatPercent(language, p.share),
                  })}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A picked path as steps the map draws, its touchpoints found by name in the report. */
export function pickedSteps(report: Report, path: string[]): PathStep[] | null {
  if (path.length === 0) return null;
  const ids = new Map(report.nodes.map((n) => [n.touchpoint, n.touchpoint_id]));
  return path.map((touchpoint, index) => ({
    index,
    touchpoint,
    touchpointId: ids.get(touchpoint) ?? null,
    ms: 0,
    sinceMs: null,
  }));
}
