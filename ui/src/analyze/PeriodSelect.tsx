// The "by day / week / month" select of the Trends band's two tabs.

import type { Period } from "../generated/types";
import type { MessageKey } from "../i18n";
import { useT } from "../language";

export function PeriodSelect<P extends Period>({
  label,
  testid,
  periods,
  value,
  onChange,
}: {
  /** The field's label (a message key). */
  label: MessageKey;
  testid: string;
  /** The periods offered, in order. */
  periods: readonly P[];
  value: P;
  onChange: (period: P) => void;
}) {
  const t = useT();
  return (
    <label className="field">
      <span>{t(label)}</span>
      <select
        data-testid={testid}
        value={value}
        onChange={(e) => {
          const chosen = periods.find((p) => p === e.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {periods.map((p) => (
          <option key={p} value={p}>
            {t(`trends.by.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
