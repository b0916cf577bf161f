// The key to the overlay: the colour scale with its numbers (in the bar above the map), and what
// sizes, widths, dashes and marks mean (in a corner of the map).

import { useContext, useState } from "react";
import { LanguageContext, useT } from "../language";
import { formatDifference, formatMetric } from "../shared/overlay";
import {
  DIVERGING_STOPS,
  interpolate,
  paletteFor,
  type Domain,
  type Metric,
  type Rgb,
} from "../shared/scales";
import { BackingMark } from "./nodes";

function gradient(stops: Rgb[]): string {
  const colours = stops.map((_, i) => interpolate(stops, i / (stops.length - 1)));
  return `linear-gradient(to right, ${colours.join(", ")})`;
}

interface Props {
  metric: Metric;
  domain: Domain | null;
  extent: number | null;
}

export function Legend({ metric, domain, extent }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const comparing = extent !== null;
  const stops = comparing ? DIVERGING_STOPS : paletteFor(metric);
  const low = comparing ? -extent : (domain?.min ?? null);
  const high = comparing ? extent : (domain?.max ?? null);
  const label = (v: number | null) =>
    comparing ? formatDifference(language, metric, v) : formatMetric(language, metric, v);
  return (
    <div
      className="legend"
      data-testid="legend"
      title={comparing ? `${t("legend.lower")} ← → ${t("legend.higher")}` : t(`def.${metric}`)}
    >
      {comparing && <span className="legend-sub">{t("legend.difference")}</span>}
      <span data-testid="legend-min" className="legend-end">
        {label(low)}
      </span>
      <span className="legend-scale" style={{ background: gradient(stops) }} />
      <span data-testid="legend-max" className="legend-end">
        {label(high)}
      </span>
    </div>
  );
}

/**
 * What the marks mean, in the map's bottom-left corner. When the map is short (the Trends band is
 * open), the key folds to one button so that it never hides the cards; a click unfolds it.
 * Give it a `key` that follows `folded`, so that it folds and unfolds with the band.
 */
export function LegendKeys({ folded = false }: { folded?: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(!folded);
  if (!open) {
    return (
      <button
        type="button"
        className="legend-keys legend-keys-folded"
        data-testid="legend-keys-unfold"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        {t("legend.title")}
      </button>
    );
  }
  return (
    <ul className="legend-keys" data-testid="legend-keys" aria-label={t("legend.title")}>
      {folded && (
        <li>
          <button
            type="button"
            className="legend-keys-fold"
            data-testid="legend-keys-fold"
            aria-expanded={true}
            aria-label={t("legend.fold")}
            title={t("legend.fold")}
            onClick={() => setOpen(false)}
          >
            ×
          </button>
        </li>
      )}
      <li>
        <span className="key-swatch key-nodata" />
        {t("analyze.no_data")}
      </li>
      <li>
        <span className="key-line key-designed" />
        {t("legend.width")}
      </li>
      <li>
        <span className="key-line key-undesigned" />
        {t("legend.undesigned")}
      </li>
      <li>
        <span className="key-line key-unused" />
        {t("legend.unused")}
      </li>
      <li>
        <span className="key-size" />
        {t("legend.size")}
      </li>
      <li>
        <BackingMark backing="data" /> {t("legend.backing.data")}
      </li>
      <li>
        <BackingMark backing="partly" /> {t("legend.backing.partly")}
      </li>
      <li>
        <BackingMark backing="design" /> {t("legend.backing.design")}
      </li>
    </ul>
  );
}
