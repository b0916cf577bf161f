// "Connect to Spark…": the Spark Connect address, the table and which of its columns hold each
// role. Connecting checks the server, the table and the columns before the engine stores the
// connection in the workspace; on an error nothing is stored and the form stays as typed.

import { useEffect, useEffectEvent, useState } from "react";
import { useErrorText } from "../errors";
import type { JourneyId, SparkSource } from "../generated/types";
import type { MessageKey } from "../i18n";
import { useT } from "../language";
import { sparkApi } from "./api";
import { fieldsOf, isComplete, sourceOf, type SparkFields } from "./form";
import "./spark.css";

interface Props {
  /** The journey shown, whose touchpoints the table's values are read for. */
  journey: JourneyId;
  /** The connection App knows of, shown until the workspace's own answers. */
  current: SparkSource | null;
  onClose: () => void;
  onConnected: (source: SparkSource) => void;
  onDisconnected: () => void;
}

/** The columns, in the order the form asks for them, with their label and test id. */
const COLUMNS: { field: keyof SparkFields; label: MessageKey; testId: string }[] = [
  { field: "customer", label: "spark.customer", testId: "spark-customer" },
  { field: "timestamp", label: "spark.timestamp", testId: "spark-timestamp" },
  { field: "touchpoint", label: "spark.touchpoint", testId: "spark-touchpoint" },
  { field: "channel", label: "spark.channel", testId: "spark-channel" },
  { field: "event", label: "spark.event", testId: "spark-event" },
  { field: "value", label: "spark.value", testId: "spark-value" },
];

export function SparkDialog({ journey, current, onClose, onConnected, onDisconnected }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [fields, setFields] = useState<SparkFields>(() => fieldsOf(current));
  /** A token typed here: sent once to the keyring, never kept in the form's state after. */
  const [token, setToken] = useState("");
  const [stored, setStored] = useState<SparkSource | null>(current);
  const [typed, setTyped] = useState(false);
  const [busy, setBusy] = useState<"connecting" | "disconnecting" | null>(null);
  /** Why the last attempt failed; worded at render, in the language of the moment. */
  const [error, setError] = useState<{ error: unknown } | null>(null);

  // The workspace's own connection fills the form, unless the user has started typing.
  const showStored = useEffectEvent((source: SparkSource | null) => {
    setStored(source);
    if (!typed) setFields(fieldsOf(source));
  });
  useEffect(() => {
    let open = true;
    sparkApi.connection().then(
      (source) => {
        if (open) showStored(source);
      },
      () => {
        // The form stays as App knew it; connecting reports any real problem.
      },
    );
    return () => {
      open = false;
    };
  }, []);

  const close = useEffectEvent(() => {
    if (busy === null) onClose();
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const edit = (field: keyof SparkFields, value: string) => {
    setTyped(true);
    setFields((f) => ({ ...f, [field]: value }));
  };

  const connect = async () => {
    if (busy !== null || !isComplete(fields)) return;
    setBusy("connecting");
    setError(null);
    try {
      const typedToken = token.trim();
      const source = await sparkApi.connect(
        journey,
        sourceOf(fields),
        typedToken === "" ? null : typedToken,
      );
      setToken("");
      onConnected(source);
    } catch (e) {
      setError({ error: e });
      setBusy(null);
    }
  };

  const disconnect = async () => {
    if (busy !== null) return;
    setBusy("disconnecting");
    setError(null);
    try {
      await sparkApi.disconnect();
      onDisconnected();
    } catch (e) {
      setError({ error: e });
      setBusy(null);
    }
  };

  const input = (field: keyof SparkFields, testId: string, placeholder?: string) => (
    <input
      type="text"
      value={fields[field]}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      placeholder={placeholder}
      autoFocus={field === "url"}
      onChange={(e) => edit(field, e.currentTarget.value)}
      data-testid={testId}
    />
  );

  return (
    <div className="import-backdrop" role="presentation">
      <form
        className="export-dialog spark-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="spark-title"
        aria-busy={busy !== null}
        data-testid="spark-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void connect();
        }}
      >
        <h1 id="spark-title">{t("spark.title")}</h1>
        <p className="export-note">{t("spark.intro")}</p>
        <fieldset className="spark-fields" disabled={busy !== null}>
          <label className="export-field">
            <span>{t("spark.url")}</span>
            {input("url", "spark-url", "sc://host:15002")}
          </label>
          <label className="export-field">
            <span>{t("spark.token")}</span>
            <input
              type="password"
              value={token}
              autoComplete="off"
              onChange={(e) => setToken(e.currentTarget.value)}
              data-testid="spark-token"
            />
          </label>
          <p className="spark-token-note">{t("spark.token_note")}</p>
          <label className="export-field">
            <span>{t("spark.table")}</span>
            {input("table", "spark-table")}
          </label>
          <fieldset className="spark-columns">
            <legend>{t("spark.columns")}</legend>
            {COLUMNS.map((c) => (
              <label key={c.field} className="export-field">
                <span>{t(c.label)}</span>
                {input(c.field, c.testId)}
              </label>
            ))}
            <label className="export-field spark-wide">
              <span>{t("spark.segments")}</span>
              {input("segments", "spark-segments")}
            </label>
            <label className="export-field spark-wide">
              <span>{t("spark.order")}</span>
              {input("order", "spark-order")}
              <small className="spark-hint">{t("spark.order_hint")}</small>
            </label>
          </fieldset>
        </fieldset>
        {busy === "connecting" && (
          <p className="export-note" role="status">
            {t("spark.connecting_note")}
          </p>
        )}
        {error && (
          <p className="import-notice import-notice-error" role="alert" data-testid="spark-error">
            {errorMessage(error.error)}
          </p>
        )}
        <footer className="export-footer">
          {stored && (
            <button
              type="button"
              className="spark-disconnect"
              disabled={busy !== null}
              onClick={() => void disconnect()}
              data-testid="spark-disconnect"
            >
              {t("spark.disconnect")}
            </button>
          )}
          <button
            type="button"
            disabled={busy !== null}
            onClick={onClose}
            data-testid="spark-cancel-dialog"
          >
            {t("spark.cancel_dialog")}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy !== null || !isComplete(fields)}
            data-testid="spark-connect"
          >
            {t(busy === "connecting" ? "spark.connecting" : "spark.connect")}
          </button>
        </footer>
      </form>
    </div>
  );
}
