// A paged table of the customers behind a number, exportable as CSV by the engine's writer.
// Clicking a customer opens their path on the map.

import { useContext, useState } from "react";
import { useErrorText } from "../errors";
import { pickSavePath } from "../dialogs";
import type { CustomerQuery, JourneyId, Params } from "../generated/types";
import { fill } from "../i18n";
import { LanguageContext, useT } from "../language";
import { analyzeApi } from "./api";
import { formatInstant, formatNumber } from "../shared/format";
import { useLatest } from "./latest";
import { paramsKey } from "../shared/params";
import { analysisOf } from "../spark/api";
import { SparkContext } from "../spark/context";
import { sourceKey } from "../spark/form";

export const PAGE_SIZE = 20;

interface Props {
  journey: JourneyId;
  params: Params;
  query: CustomerQuery;
  exportName: string;
  onOpen: (customer: string) => void;
}

export function CustomerTable({ journey, params, query, exportName, onOpen }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const errorMessage = useErrorText();
  const spark = useContext(SparkContext);
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const paged = { ...query, offset, limit: PAGE_SIZE };
  const key = `${journey}|${sourceKey(spark)}|${paramsKey(params)}|${JSON.stringify(paged)}`;
  const page = useLatest(key, () => analysisOf(spark).customers(journey, params, paged));
  const total = page.data?.total ?? 0;

  const exportAll = async () => {
    setNotice(null);
    try {
      const path = await pickSavePath(t("customers.export.title"), exportName, [
        { name: "CSV", extensions: ["csv"] },
      ]);
      if (!path) return;
      const n = await analyzeApi.exportCustomers(journey, params, query, language, path);
      setNotice(
        fill(t("customers.exported"), {
          n: formatNumber(language, n, 0),
          file: path.split(/[\\/]/).pop() ?? path,
        }),
      );
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  return (
    <div className="customer-table" data-testid="customer-table" data-total={total}>
      {page.error && <p className="inline-error">{page.error}</p>}
      {page.data && page.data.rows.length === 0 && (
        <p className="panel-hint">{t("customers.none")}</p>
      )}
      {page.data && page.data.rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t("customers.id")}</th>
              <th className="num">{t("customers.events")}</th>
              <th>{t("customers.last")}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.rows.map((row) => (
              <tr
                key={row.customer}
                data-testid="customer-row"
                data-customer={row.customer}
                tabIndex={0}
                title={t("customers.open")}
                onClick={() => onOpen(row.customer)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") onOpen(row.customer);
                }}
              >
                <td className="mono">{row.customer}</td>
                <td className="num">{formatNumber(language, row.events, 0)}</td>
                <td>{formatInstant(language, Date.parse(row.last_event))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        <button
          type="button"
          className="button-quiet"
          aria-label={t("customers.previous")}
          title={t("customers.previous")}
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          ‹
        </button>
        <span data-testid="customer-page">
          {total === 0
            ? "0"
            : fill(t("customers.page"), {
                from: formatNumber(language, offset + 1, 0),
                to: formatNumber(language, Math.min(total, offset + PAGE_SIZE), 0),
                total: formatNumber(language, total, 0),
              })}
        </span>
        <button
          type="button"
          className="button-quiet"
          aria-label={t("customers.next")}
          title={t("customers.next")}
          disabled={offset + PAGE_SIZE >= total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          ›
        </button>
        <span className="pager-spacer" />
        <button
          type="button"
          className="button-quiet"
          data-testid="customers-export"
          // The export reads the workspace's own log; on Spark it would not list these customers.
          disabled={total === 0 || spark !== null}
          title={spark ? t("spark.export_unavailable") : undefined}
          onClick={() => void exportAll()}
        >
          {t("customers.export")}
        </button>
      </div>
      {notice && (
        <p className="panel-hint" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
