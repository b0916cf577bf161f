// The simplification sliders of the Analyze toolbar (shared/simplify.ts), each with a note that
// says how much of the map it leaves out: the map is thinned, the numbers are not.

import { useContext } from "react";
import { fill, formatCount } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatPercent } from "../shared/format";
import { FULL, type Simplification, type SimplifyChoice } from "../shared/simplify";

interface Props {
  choice: SimplifyChoice;
  simplification: Simplification | null;
  onChange: (change: Partial<SimplifyChoice>) => void;
}

export function Simplify({ choice, simplification, onChange }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const count = (n: number) => formatCount(language, n);
  const percent = (n: number) => formatPercent(language, n, 0);

  let transitionsNote = "";
  let touchpointsNote = "";
  if (simplification) {
    const tr = simplification.transitions;
    transitionsNote =
      tr.total === 0 || tr.share === null
        ? t("simplify.transitions.none")
        : fill(t("simplify.transitions.note"), {
            shown: count(tr.shown),
            total: count(tr.total),
            share: percent(tr.share),
          });
    const tp = simplification.touchpoints;
    touchpointsNote =
      tp.share === null
        ? fill(t("simplify.touchpoints.plain"), { shown: count(tp.shown), total: count(tp.total) })
        : fill(t("simplify.touchpoints.note"), {
            shown: count(tp.shown),
            total: count(tp.total),
            share: percent(tp.share),
          });
  }

  const slider = (which: keyof SimplifyChoice, note: string) => (
    <>
      <label className="field simplify-field" title={t(`simplify.${which}.hint`)}>
        <span>{t(`simplify.${which}`)}</span>
        <input
          type="range"
          min={0}
          max={FULL}
          step={1}
          data-testid={`simplify-${which}`}
          value={choice[which]}
          aria-valuetext={percent(choice[which])}
          onChange={(e) => onChange({ [which]: Number(e.target.value) })}
        />
        <span className="simplify-value">{percent(choice[which])}</span>
      </label>
      <span className="simplify-note" data-testid={`simplify-${which}-note`} aria-live="polite">
        {note}
      </span>
    </>
  );

  return (
    <div className="simplify" role="group" aria-label={t("simplify.label")}>
      {slider("transitions", transitionsNote)}
      <span className="bar-divider" />
      {slider("touchpoints", touchpointsNote)}
    </div>
  );
}
