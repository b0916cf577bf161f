// "Discover from log…": a journey proposed from the log (stages in order, a touchpoint per log
// value, the most used transitions), drawn as a map before it is created. The
// stage count can be asked for, the stage names edited; "Create journey" adds an ordinary
// journey, editable in Design like a drawn one.

import { useEffect, useMemo, useRef, useState } from "react";
import { useErrorText } from "../errors";
import { DISCOVER_MAX_STAGES } from "../generated/constants";
import type { Discovery, JourneyId } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";
import { JourneyPreview } from "../map/JourneyPreview";
import { DEFAULT_PARAMS } from "../shared/params";
import { designApi } from "./api";

interface Props {
  onCancel: () => void;
  onCreated: (journey: JourneyId) => void;
}

export function DiscoverDialog({ onCancel, onCreated }: Props) {
  const t = useT();
  const errorMessage = useErrorText();
  const [stages, setStages] = useState<number | null>(null);
  const [discovery, setDiscovery] = useState<Discovery | null>(null);
  const [names, setNames] = useState<string[]>([]);
  const [name, setName] = useState(() => t("discover.default_name"));
  const [error, setError] = useState<string | null>(null);
  // Busy from the start: the first proposal is on its way.
  const [busy, setBusy] = useState(true);
  const asked = useRef(0);

  useEffect(() => {
    const ask = ++asked.current;
    designApi.discover(DEFAULT_PARAMS, stages, name.trim() || t("discover.default_name")).then(
      (found) => {
        if (ask !== asked.current) return;
        setDiscovery(found);
        setNames(found.journey.stages.map((s) => s.name));
        setError(null);
        setBusy(false);
      },
      (e: unknown) => {
        if (ask !== asked.current) return;
        setDiscovery(null);
        setError(errorMessage(e));
        setBusy(false);
      },
    );
    // The name is applied when the journey is created, not re-discovered on every key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stages]);

  // The proposal as the user has named it: what the map shows and what "Create" adds.
  const preview = useMemo(
    () =>
      discovery && {
        ...discovery.journey,
        name: name.trim() || t("discover.default_name"),
        stages: discovery.journey.stages.map((s, i) => ({
          ...s,
          name: names[i]?.trim() || s.name,
        })),
      },
    [discovery, name, names, t],
  );
  const count = discovery?.journey.stages.length ?? 0;

  const create = async () => {
    if (!preview || busy) return;
    setBusy(true);
    try {
      const made = await designApi.addJourney(preview);
      onCreated(made.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div className="import-backdrop" role="presentation">
      <div
        className="export-dialog discover-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="discover-title"
        data-testid="discover-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h1 id="discover-title">{t("discover.title")}</h1>
        <p className="export-note">{t("discover.note")}</p>
        <div className="discover-controls">
          <label className="export-field">
            <span>{t("design.field.journey_name")}</span>
            <input
              type="text"
              value={name}
              dir="auto"
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="discover-name"
            />
          </label>
          <label className="export-field discover-stages">
            <span>{t("discover.stages")}</span>
            <select
              value={stages ?? "auto"}
              onChange={(e) => {
                setBusy(true);
                setStages(e.currentTarget.value === "auto" ? null : Number(e.currentTarget.value));
              }}
              data-testid="discover-stages"
            >
              <option value="auto">
                {discovery?.chosen
                  ? fill(t("discover.stages_auto_n"), { n: count })
                  : t("discover.stages_auto")}
              </option>
              {Array.from({ length: DISCOVER_MAX_STAGES }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p className="message-error" role="alert" data-testid="discover-error">
            {error}
          </p>
        )}
        {discovery && preview && (
          <div className={busy ? "discover-preview is-busy" : "discover-preview"}>
            <div className="discover-names" data-testid="discover-preview">
              {discovery.journey.stages.map((stage, i) => (
                <input
                  key={stage.id}
                  type="text"
                  className="discover-stage-name"
                  aria-label={fill(t("discover.stage_name"), { n: i + 1 })}
                  value={names[i] ?? stage.name}
                  dir="auto"
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setNames((all) => all.map((n, j) => (j === i ? value : n)));
                  }}
                  data-testid="discover-stage-name"
                />
              ))}
            </div>
            <div className="discover-map" data-testid="discover-map">
              <JourneyPreview key={preview.stages.length} journey={preview} />
            </div>
            <p className="panel-hint">
              {fill(t("discover.summary"), {
                touchpoints: discovery.journey.touchpoints.length,
                entries: discovery.values.filter((v) => v.entry).length,
                goals: discovery.values.filter((v) => v.goal).length,
              })}
            </p>
          </div>
        )}
        {!discovery && !error && <p className="export-note">{t("discover.working")}</p>}
        <footer className="export-footer">
          <button type="button" onClick={onCancel}>
            {t("design.cancel")}
          </button>
          <button
            type="button"
            className="primary"
            disabled={!discovery || busy}
            onClick={() => void create()}
            data-testid="discover-create"
          >
            {t("design.journey.create")}
          </button>
        </footer>
      </div>
    </div>
  );
}
