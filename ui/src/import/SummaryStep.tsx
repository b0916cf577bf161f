// Step 4: what the import did — counts, rejected rows to browse and export, and the values that
// matched no touchpoint, each to map, turn into a touchpoint (in the stage where customers meet
// it, one click away), or leave unmapped. When the import made the journey itself, it offers to
// discover one from the log.

import { useEffect, useMemo, useState } from "react";
import { api } from "../api";
import { useErrorText } from "../errors";
import { CSV, pickSavePath } from "../dialogs";
import type {
  Channel,
  ImportSummary,
  Journey,
  RejectedPage,
  StageId,
  StageSuggestion,
} from "../generated/types";
import { fill, formatCount, type Language, type MessageKey } from "../i18n";
import { useT } from "../language";
import { importApi } from "./api";
import { isLogMadeJourney, suggestedChannel, suggestionsFor } from "./suggestions";

const PAGE = 50;

type Settled = { kind: "mapped"; touchpoint: string } | { kind: "created"; stage: string };

interface Props {
  summary: ImportSummary;
  language: Language;
  onChanged: () => void;
  onDone: () => void;
  /** Opens "Discover the journey": offered when the import made the journey from the log. */
  onDiscover: () => void;
}

export function SummaryStep({ summary, language, onChanged, onDone, onDiscover }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const n = (value: number) => formatCount(language, value);
  const [journey, setJourney] = useState<Journey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<StageSuggestion[]>([]);

  useEffect(() => {
    api.journey(summary.journey).then(setJourney, (e: unknown) => setError(errorMessage(e)));
  }, [summary.journey, errorMessage]);

  // Where customers meet each unmapped value, asked once; without it the list works as before.
  const anyUnmapped = summary.unmapped.length > 0;
  useEffect(() => {
    if (!anyUnmapped) return;
    let current = true;
    importApi.suggestStages(summary.journey).then(
      (found) => current && setSuggestions(found),
      () => {
        // No suggestion to show: the manual controls are all there is.
      },
    );
    return () => {
      current = false;
    };
  }, [summary.journey, anyUnmapped]);

  const suggested = useMemo(
    () =>
      journey
        ? suggestionsFor(
            summary.unmapped.map((u) => u.value),
            suggestions,
            journey,
          )
        : new Map<string, StageSuggestion>(),
    [journey, suggestions, summary.unmapped],
  );
  const offerDiscovery = summary.journey_created || (journey !== null && isLogMadeJourney(journey));

  const reasons = Object.entries(summary.rejected_by_reason).filter(([, count]) => count > 0);
  return (
    <div className="import-summary" data-testid="import-summary">
      <h2 className="summary-title">
        {fill(t("import.summary.done"), { source: summary.source })}
      </h2>
      <p className="import-hint" data-testid="summary-read">
        {fill(t("import.summary.read"), {
          format: t(`import.read.format.${summary.format}`),
          events: n(summary.events_imported),
          customers: n(summary.customers),
        })}
      </p>
      <dl className="summary-counts">
        <div>
          <dt>{t("import.summary.rows_read")}</dt>
          <dd data-testid="summary-rows-read">{n(summary.rows_read)}</dd>
        </div>
        <div>
          <dt>{t("import.summary.events")}</dt>
          <dd data-testid="summary-events">{n(summary.events_imported)}</dd>
        </div>
        <div className={summary.rows_rejected > 0 ? "attention" : undefined}>
          <dt>{t("import.summary.rejected")}</dt>
          <dd data-testid="summary-rejected">{n(summary.rows_rejected)}</dd>
        </div>
        <div>
          <dt>{t("import.summary.duplicates")}</dt>
          <dd data-testid="summary-duplicates">{n(summary.duplicates)}</dd>
        </div>
      </dl>
      {summary.journey_created && (
        <p className="import-hint">{t("import.summary.journey_created")}</p>
      )}
      {offerDiscovery && (
        <div className="summary-discover">
          <p>{t("import.summary.discover_hint")}</p>
          <button
            type="button"
            className="primary"
            onClick={onDiscover}
            data-testid="summary-discover"
          >
            {t("import.summary.discover")}
          </button>
        </div>
      )}
      {error && (
        <p className="import-notice import-notice-error" role="alert">
          {error}
        </p>
      )}

      <section>
        <h3 className="section-title">{t("import.summary.unmapped")}</h3>
        {summary.unmapped.length === 0 ? (
          <p className="import-hint">{t("import.summary.all_matched")}</p>
        ) : (
          <>
            <p className="import-hint">{t("import.summary.unmapped_hint")}</p>
            <table className="data-table unmapped-table" data-testid="unmapped-table">
              <thead>
                <tr>
                  <th>{t("import.summary.value")}</th>
                  <th className="number">{t("import.summary.value_events")}</th>
                  <th>{t("import.summary.action")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.unmapped.map((u) => (
                  <UnmappedRow
                    key={u.value}
                    value={u.value}
                    events={n(u.events)}
                    journey={journey}
                    suggestion={suggested.get(u.value)}
                    onJourney={setJourney}
                    onChanged={onChanged}
                  />
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      <section>
        <h3 className="section-title">{t("import.summary.rejected_rows")}</h3>
        {reasons.length > 0 && (
          <ul className="reason-list" data-testid="summary-reasons">
            {reasons.map(([reason, count]) => (
              <li key={reason}>
                <span>{reasonLabel(t, reason)}</span>
                <strong>{n(count)}</strong>
              </li>
            ))}
          </ul>
        )}
        {summary.rows_rejected === 0 ? (
          <p className="import-hint">{t("import.summary.none_rejected")}</p>
        ) : (
          <RejectedRows source={summary.source_id} name={summary.source} language={language} />
        )}
      </section>

      <footer className="import-footer">
        <span className="import-footer-note" />
        <button type="button" className="primary" onClick={onDone} data-testid="import-done">
          {t("import.summary.done_button")}
        </button>
      </footer>
    </div>
  );
}

function UnmappedRow({
  value,
  events,
  journey,
  suggestion,
  onJourney,
  onChanged,
}: {
  value: string;
  events: string;
  journey: Journey | null;
  /** The stage where customers meet the value, when the engine has one. */
  suggestion: StageSuggestion | undefined;
  /** The journey after a touchpoint was created, so that every row offers it. */
  onJourney: (journey: Journey) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorText();
  const [target, setTarget] = useState<string>("");
  /** The stage chosen for "Create touchpoint"; until then the suggested one, else the first. */
  const [stageChoice, setStageChoice] = useState<StageId | null>(null);
  const [settled, setSettled] = useState<Settled | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<Settled>) => {
    setBusy(true);
    setError(null);
    try {
      setSettled(await action());
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const map = () =>
    act(async () => {
      const id = Number(target);
      await importApi.mapValue(id, value);
      const name = journey?.touchpoints.find((tp) => tp.id === id)?.name ?? "";
      return { kind: "mapped", touchpoint: name };
    });
  /** One undoable edit: a touchpoint for the value in `stage` (null: the journey's first). */
  const createIn = (stage: StageId | null, channel: Channel | null) =>
    act(async () => {
      if (!journey) throw new Error("no journey");
      const edited = await importApi.createTouchpoint(journey.id, stage, value, channel);
      onJourney(edited.journey);
      const [made] = edited.created.touchpoints;
      const stageId = edited.journey.touchpoints.find((tp) => tp.id === made)?.stage;
      const name = edited.journey.stages.find((s) => s.id === stageId)?.name ?? "";
      return { kind: "created", stage: name };
    });
  const createStage = stageChoice ?? suggestion?.stage_id ?? null;
  const create = () => createIn(createStage, suggestedChannel(suggestion));
  const accept = () => suggestion && createIn(suggestion.stage_id, suggestedChannel(suggestion));
  const stages = journey?.stages ?? [];

  return (
    <tr data-testid="unmapped-row">
      <td className="unmapped-value" title={value}>
        {value}
      </td>
      <td className="number">{events}</td>
      <td>
        {settled ? (
          <span className="settled" data-testid="unmapped-status">
            ✓{" "}
            {settled.kind === "mapped"
              ? fill(t("import.summary.mapped"), { touchpoint: settled.touchpoint })
              : fill(t("import.summary.created"), { stage: settled.stage })}
          </span>
        ) : (
          <>
            {suggestion && (
              <div className="unmapped-suggestion">
                <span className="suggestion-stage" data-testid="suggestion-stage">
                  {fill(t("import.summary.suggestion_stage"), { stage: suggestion.stage })}
                </span>
                <button
                  type="button"
                  onClick={() => void accept()}
                  disabled={!journey || busy}
                  title={fill(t("import.summary.suggestion_accept_hint"), {
                    stage: suggestion.stage,
                  })}
                  data-testid="suggestion-accept"
                >
                  {fill(t("import.summary.suggestion_accept"), { stage: suggestion.stage })}
                </button>
              </div>
            )}
            <div className="unmapped-actions">
              <select
                value={target}
                onChange={(e) => setTarget(e.target.value)}
                disabled={!journey || busy}
                data-testid="unmapped-target"
              >
                <option value="">{t("import.summary.leave")}</option>
                {journey?.stages.map((stage) => (
                  <optgroup key={stage.id} label={stage.name}>
                    {journey.touchpoints
                      .filter((tp) => tp.stage === stage.id)
                      .map((tp) => (
                        <option key={tp.id} value={tp.id}>
                          {tp.name}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
              <button
                type="button"
                onClick={() => void map()}
                disabled={!target || busy}
                data-testid="unmapped-map"
              >
                {t("import.summary.map_to")}
              </button>
              {stages.length > 1 && (
                <select
                  value={createStage ?? stages[0]?.id}
                  onChange={(e) => setStageChoice(Number(e.target.value))}
                  disabled={busy}
                  aria-label={t("import.summary.create_stage")}
                  title={t("import.summary.create_stage")}
                  data-testid="unmapped-stage"
                >
                  {stages.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
              <button
                type="button"
                onClick={() => void create()}
                disabled={!journey || busy}
                data-testid="unmapped-create"
              >
                {t("import.summary.create")}
              </button>
              {error && <span className="inline-error">{error}</span>}
            </div>
          </>
        )}
      </td>
    </tr>
  );
}

function RejectedRows({
  source,
  name,
  language,
}: {
  source: number;
  name: string;
  language: Language;
}) {
  const t = useT();
  const errorMessage = useErrorText();
  const [page, setPage] = useState<RejectedPage | null>(null);
  const [offset, setOffset] = useState(0);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    importApi.rejected(source, offset, PAGE).then(
      (p) => current && setPage(p),
      (e: unknown) => current && setMessage({ tone: "error", text: errorMessage(e) }),
    );
    return () => {
      current = false;
    };
  }, [source, offset, errorMessage]);

  const exportCsv = async () => {
    setMessage(null);
    try {
      const path = await pickSavePath(
        t("import.summary.export"),
        `${name.replace(/\.[^.]*$/, "")}-rejected.csv`,
        [CSV],
      );
      if (!path) return;
      await importApi.exportRejected(source, path);
      setMessage({ tone: "info", text: fill(t("import.summary.exported"), { path }) });
    } catch (e) {
      setMessage({ tone: "error", text: errorMessage(e) });
    }
  };

  if (!page) return null;
  const n = (value: number) => formatCount(language, value);
  return (
    <div className="rejected">
      <div className="table-scroll rejected-scroll">
        <table className="data-table" data-testid="rejected-table">
          <thead>
            <tr>
              <th className="number">{t("import.summary.line")}</th>
              <th>{t("import.summary.reason")}</th>
              <th>{t("import.summary.message")}</th>
              <th>{t("import.summary.raw")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={`${row.source}:${row.line}`} data-testid="rejected-row">
                <td className="number">{n(row.line)}</td>
                <td>{reasonLabel(t, row.reason)}</td>
                <td className="rejected-message" title={row.message}>
                  {row.message}
                </td>
                <td className="raw" title={row.raw}>
                  <code>{row.raw}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pager">
        <span>
          {fill(t("import.summary.page"), {
            from: n(page.total === 0 ? 0 : page.offset + 1),
            to: n(page.offset + page.rows.length),
            total: n(page.total),
          })}
        </span>
        <button
          type="button"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          {t("import.summary.previous")}
        </button>
        <button
          type="button"
          disabled={offset + PAGE >= page.total}
          onClick={() => setOffset(offset + PAGE)}
        >
          {t("import.summary.next")}
        </button>
        <span className="pager-spacer" />
        <button type="button" onClick={() => void exportCsv()} data-testid="rejected-export">
          {t("import.summary.export")}
        </button>
      </div>
      {message && (
        <p
          className={`import-notice import-notice-${message.tone}`}
          role={message.tone === "error" ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}

const REASONS = [
  "wrong_field_count",
  "unclosed_quote",
  "invalid_encoding",
  "bad_timestamp",
  "empty_customer",
  "empty_touchpoint",
  "bad_value",
  "invalid_json",
] as const;

/** The reason's label in the UI language; a code this version does not know is shown as is. */
function reasonLabel(t: (key: MessageKey) => string, reason: string): string {
  const known = REASONS.find((r) => r === reason);
  return known ? t(`import.reason.${known}`) : reason;
}
