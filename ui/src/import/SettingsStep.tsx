// Step 2: how the file will be read — every detected setting and column role, editable, with
// the first rows and their timestamps read live as the user changes them.

import { useEffect, useRef, useState } from "react";
import { useErrorText } from "../errors";
import type {
  ColumnRole,
  Detection,
  Encoding,
  ImportSettings,
  Overrides,
} from "../generated/types";
import { fill, formatBytes, formatCount, type Language } from "../i18n";
import { useT } from "../language";
import { importApi } from "./api";
import {
  assignRole,
  canImport,
  DELIMITERS,
  ENCODINGS,
  FORMATS,
  fileName,
  formatFromKey,
  formatKey,
  overridesFor,
  problems,
  ROLES,
  type Problem,
} from "./wizard";
import type { MessageKey } from "../i18n";

/** Rows of the sample shown in the table. */
const SHOWN_ROWS = 8;

let zones: Promise<string[]> | null = null;
function timezones(): Promise<string[]> {
  zones ??= importApi.timezones().catch(() => []);
  return zones;
}

interface Props {
  path: string;
  detection: Detection;
  language: Language;
  onChange: (detection: Detection) => void;
  onError: (message: string | null) => void;
  onCancel: () => void;
  onStart: (settings: ImportSettings) => void;
}

export function SettingsStep({
  path,
  detection,
  language,
  onChange,
  onError,
  onCancel,
  onStart,
}: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const { settings } = detection;
  const [zoneList, setZoneList] = useState<string[]>([]);
  const [rereading, setRereading] = useState(false);
  const [custom, setCustom] = useState(
    settings.timestamp_format?.kind === "custom"
      ? settings.timestamp_format.pattern
      : "%d %b %Y %H:%M",
  );
  const latest = useRef(0);

  useEffect(() => {
    void timezones().then(setZoneList);
  }, []);

  /** Runs one re-read; an answer that arrives after a newer request is dropped. */
  const reread = async (request: () => Promise<Detection>) => {
    const ticket = ++latest.current;
    setRereading(true);
    try {
      const next = await request();
      if (ticket === latest.current) {
        onError(null);
        onChange(next);
      }
    } catch (e) {
      if (ticket === latest.current) onError(errorMessage(e));
    } finally {
      if (ticket === latest.current) setRereading(false);
    }
  };

  const resplit = (change: Partial<Overrides>) =>
    void reread(() => importApi.detect(path, overridesFor(settings, change)));
  const repreview = (next: ImportSettings) => {
    onChange({ ...detection, settings: next });
    void reread(() => importApi.preview(path, next));
  };

  const setRole = (index: number, role: ColumnRole) =>
    repreview({ ...settings, roles: assignRole(settings.roles, index, role) });

  const found = problems(detection);
  const timestampColumn = settings.roles.indexOf("timestamp");
  const candidates = new Set(detection.timestamp_candidates.map(formatKey));
  const formatChoice = formatKey(settings.timestamp_format);

  return (
    <form
      className="import-settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (canImport(detection)) onStart(settings);
      }}
    >
      <Recognised detection={detection} />
      <div className="settings-grid">
        <div className="setting setting-file">
          <span className="setting-label">{t("import.settings.file")}</span>
          <span className="setting-value" title={path} data-testid="import-file-name">
            {fileName(path)} · {formatBytes(language, detection.file_size)}
          </span>
        </div>
        <label className="setting">
          <span className="setting-label">{t("import.settings.source")}</span>
          <input
            type="text"
            value={settings.source_name}
            onChange={(e) =>
              onChange({ ...detection, settings: { ...settings, source_name: e.target.value } })
            }
          />
        </label>
        {settings.format === "csv" && (
          <>
            <label className="setting">
              <span className="setting-label">{t("import.settings.encoding")}</span>
              <select
                value={settings.encoding}
                onChange={(e) => resplit({ encoding: e.target.value as Encoding })}
                data-testid="import-encoding"
              >
                {ENCODINGS.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {t(`import.encoding.${encoding}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="setting">
              <span className="setting-label">{t("import.settings.delimiter")}</span>
              <select
                value={settings.delimiter}
                onChange={(e) => resplit({ delimiter: e.target.value })}
                data-testid="import-delimiter"
              >
                {DELIMITERS.map((d) => (
                  <option key={d.key} value={d.char}>
                    {t(`import.delimiter.${d.key}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="setting setting-check">
              <input
                type="checkbox"
                checked={settings.has_header}
                onChange={(e) => resplit({ has_header: e.target.checked })}
              />
              <span>{t("import.settings.header")}</span>
            </label>
          </>
        )}
        <label className="setting">
          <span className="setting-label">{t("import.settings.timestamp")}</span>
          <select
            value={formatChoice}
            className={formatChoice === "" ? "needs-choice" : undefined}
            onChange={(e) =>
              repreview({ ...settings, timestamp_format: formatFromKey(e.target.value, custom) })
            }
            data-testid="import-timestamp-format"
          >
            {formatChoice === "" && (
              <option value="">{t("import.settings.timestamp_choose")}</option>
            )}
            {FORMATS.map((format) => (
              <option key={formatKey(format)} value={formatKey(format)}>
                {formatLabel(t, formatKey(format))}
                {candidates.has(formatKey(format)) ? " ✓" : ""}
              </option>
            ))}
            <option value="custom">{t("import.format.custom")}</option>
          </select>
        </label>
        {formatChoice === "custom" && (
          <label className="setting">
            <span className="setting-label">{t("import.settings.custom")}</span>
            <input
              type="text"
              value={custom}
              spellCheck={false}
              onChange={(e) => {
                setCustom(e.target.value);
                repreview({
                  ...settings,
                  timestamp_format: { kind: "custom", pattern: e.target.value },
                });
              }}
            />
          </label>
        )}
        <label className="setting">
          <span className="setting-label">{t("import.settings.timezone")}</span>
          <input
            type="text"
            list="import-zones"
            value={settings.timezone}
            spellCheck={false}
            onChange={(e) => {
              const timezone = e.target.value;
              if (zoneList.includes(timezone)) repreview({ ...settings, timezone });
              else onChange({ ...detection, settings: { ...settings, timezone } });
            }}
            data-testid="import-timezone"
          />
          <datalist id="import-zones">
            {zoneList.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </label>
      </div>

      {found.length > 0 && (
        <ul className="import-problems" data-testid="import-problems">
          {found.map((p, i) => (
            <li key={i} className={p.kind === "unparsed" ? "warning" : "blocking"}>
              {problemText(t, language, p)}
            </li>
          ))}
        </ul>
      )}

      <section className="import-preview" aria-label={t("import.settings.preview")}>
        <h2 className="section-title">
          {t("import.settings.preview")}
          {rereading && <span className="rereading">{t("import.settings.rereading")}</span>}
        </h2>
        <div className="table-scroll">
          <table className="data-table" data-testid="import-preview">
            <thead>
              <tr>
                {settings.columns.map((name, i) => (
                  <th key={i} className={`role-${settings.roles[i]}`}>
                    <span className="column-name" title={name}>
                      {name}
                    </span>
                    <select
                      value={settings.roles[i]}
                      onChange={(e) => setRole(i, e.target.value as ColumnRole)}
                      aria-label={`${t("import.settings.roles")}: ${name}`}
                      data-testid="import-role"
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`import.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detection.sample_rows.slice(0, SHOWN_ROWS).map((row, r) => (
                <tr key={r}>
                  {settings.columns.map((_, i) => (
                    <td key={i} className={`role-${settings.roles[i]}`} title={row[i] ?? ""}>
                      {row[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {timestampColumn >= 0 && detection.timestamp_preview.length > 0 && (
        <section className="timestamp-preview">
          <h2 className="section-title">{t("import.settings.parsed")}</h2>
          <ul data-testid="import-timestamps">
            {detection.timestamp_preview.slice(0, 5).map((p, i) => (
              <li key={i} className={p.instant === null ? "unparsed" : undefined}>
                <code>{p.text}</code>
                <span aria-hidden="true">→</span>
                <span>{p.instant ?? t("import.settings.unparsed")}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="import-footer">
        <span className="import-footer-note" />
        <button type="button" onClick={onCancel}>
          {t("import.settings.cancel")}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={!canImport(detection)}
          data-testid="import-start"
        >
          {t("import.settings.start")}
        </button>
      </footer>
    </form>
  );
}

function formatLabel(t: (key: MessageKey) => string, key: string): string {
  const [kind, sep = ""] = key.split(":");
  switch (kind) {
    case "iso":
      return t("import.format.iso");
    case "day_month_year":
      return fill(t("import.format.dmy"), { sep });
    case "month_day_year":
      return fill(t("import.format.mdy"), { sep });
    case "epoch_seconds":
      return t("import.format.epoch_s");
    case "epoch_millis":
      return t("import.format.epoch_ms");
    case "epoch_micros":
      return t("import.format.epoch_us");
    case "epoch_nanos":
      return t("import.format.epoch_ns");
    default:
      return t("import.format.custom");
  }
}

function problemText(t: (key: MessageKey) => string, language: Language, p: Problem): string {
  switch (p.kind) {
    case "missing_role":
      return fill(t("import.settings.missing_role"), {
        role: t(`import.role.${p.role}`).toLowerCase(),
      });
    case "ambiguous":
      return t("import.settings.ambiguous");
    case "no_format":
      return t("import.settings.no_format");
    case "unparsed":
      return fill(t("import.settings.some_unparsed"), { count: formatCount(language, p.count) });
  }
}

/**
 * What detection recognised, in one line above the settings: the file's format and compression,
 * the tool it was exported from, which column holds what, and which column was taken as the
 * customer when several could be.
 */
function Recognised({ detection }: { detection: Detection }) {
  const t = useT();
  const { settings, export_shape: shape, customer_alternatives: others } = detection;
  const column = (role: ColumnRole) => settings.columns[settings.roles.indexOf(role)];
  const customer = column("customer");
  const touchpoint = column("touchpoint");
  const timestamp = column("timestamp");
  const format = detection.compression
    ? fill(t("import.read.compressed"), {
        format: t(`import.read.format.${settings.format}`),
        compression: detection.compression,
      })
    : t(`import.read.format.${settings.format}`);
  const roles =
    customer !== undefined && touchpoint !== undefined && timestamp !== undefined
      ? fill(t("import.read.roles"), {
          customer,
          touchpoint,
          timestamp,
          // The format's name without its example, which the format select shows.
          format: settings.timestamp_format
            ? formatLabel(t, formatKey(settings.timestamp_format)).replace(/ \(.*\)$/, "")
            : "?",
        })
      : null;
  return (
    <p className="import-recognised" data-testid="import-recognised">
      <strong data-testid="import-format">{format}</strong>
      {shape && <> · {t(`import.shape.${shape}`)}</>}
      {roles && <> · {roles}</>}
      {others.length > 0 && customer !== undefined && (
        <>
          {" · "}
          {fill(t(`import.customer_chosen.${detection.customer_basis}`), {
            chosen: customer,
            others: others.join(", "),
          })}
        </>
      )}
    </p>
  );
}
