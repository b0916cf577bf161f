// The Analyze side panel when no touchpoint is selected: the totals, customer search and the log
// values that the map does not know.

import { useContext, useState } from "react";
import type { JourneyId, Params, Report, TouchpointId } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatInstant, formatNumber } from "../shared/format";
import { SparkContext } from "../spark/context";
import { Changes } from "./Changes";
import { Paths } from "./Paths";

export function CustomerSearch({ onFind }: { onFind: (customer: string) => void }) {
  const t = useT();
  const [text, setText] = useState("");
  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onFind(text.trim());
      }}
    >
      <label htmlFor="customer-search">{t("search.label")}</label>
      <div className="search-row">
        <input
          id="customer-search"
          data-testid="customer-search"
          placeholder={t("search.placeholder")}
          value={text}
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="customer-search-go">
          {t("search.go")}
        </button>
      </div>
    </form>
  );
}

export function Overview({
  journey,
  params,
  report,
  compareWith,
  onFind,
  onMapUnmapped,
  onPickPath,
  onSelect,
}: {
  journey: JourneyId;
  params: Params;
  report: Report;
  compareWith: Report | null;
  onFind: (customer: string) => void;
  onMapUnmapped: () => void;
  onPickPath: (path: string[]) => void;
  onSelect: (touchpoint: TouchpointId) => void;
}) {
  const language = useContext(LanguageContext);
  const spark = useContext(SparkContext);
  const t = useT();
  return (
    <aside className="side-panel" data-testid="overview" aria-label={t("overview.title")}>
      <p className="eyebrow">{t("overview.title")}</p>
      <dl className="facts">
        <dt>{t("overview.customers")}</dt>
        <dd data-testid="overview-customers">{formatNumber(language, report.customers, 0)}</dd>
        <dt>{t("overview.events")}</dt>
        <dd data-testid="overview-events">{formatNumber(language, report.events, 0)}</dd>
        <dt>{t("overview.as_of")}</dt>
        <dd>{report.as_of ? formatInstant(language, Date.parse(report.as_of)) : "—"}</dd>
      </dl>
      {compareWith && (
        <dl className="facts facts-b" data-testid="overview-b">
          <dt>
            <span className="compare-tag compare-tag-b">{t("compare.b")}</span>{" "}
            {t("overview.customers")}
          </dt>
          <dd>{formatNumber(language, compareWith.customers, 0)}</dd>
          <dt>{t("overview.events")}</dt>
          <dd>{formatNumber(language, compareWith.events, 0)}</dd>
        </dl>
      )}
      <CustomerSearch onFind={onFind} />
      <p className="panel-hint">{t("overview.hint")}</p>
      {/* Changes and paths are read from the workspace's own log: not beside a cluster's numbers. */}
      {!spark && <Changes journey={journey} params={params} onSelect={onSelect} />}
      {!spark && <Paths journey={journey} params={params} onPick={onPickPath} />}
      <section className="unmapped" data-testid="unmapped-panel">
        <h3 className="section-title">{t("unmapped.title")}</h3>
        {report.unmapped.length === 0 ? (
          <p className="panel-hint">{t("unmapped.none")}</p>
        ) : (
          <>
            <p className="panel-text small">{t("unmapped.hint")}</p>
            <ul className="unmapped-list">
              {report.unmapped.map((u) => (
                <li key={u.value} data-testid="unmapped-value">
                  <span className="unmapped-name">{u.value}</span>
                  <span className="num">
                    {fill(t("unmapped.events"), { n: formatNumber(language, u.events, 0) })}
                  </span>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button-quiet"
              data-testid="unmapped-map"
              onClick={onMapUnmapped}
            >
              {t("unmapped.map")}
            </button>
          </>
        )}
      </section>
    </aside>
  );
}
