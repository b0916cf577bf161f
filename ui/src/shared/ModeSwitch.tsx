// Design | Analyze | Present: one map, three ways of looking at it.

import { useT } from "../language";

export type Mode = "design" | "analyze" | "present";

export function ModeSwitch({ mode, onChange }: { mode: Mode; onChange: (mode: Mode) => void }) {
  const t = useT();
  const item = (m: Mode, label: "mode.design" | "mode.analyze" | "mode.present") => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      className={mode === m ? "mode is-active" : "mode"}
      data-testid={`mode-${m}`}
      onClick={() => onChange(m)}
    >
      {t(label)}
    </button>
  );
  return (
    <div className="mode-switch" role="tablist" aria-label={t("mode.label")}>
      {item("design", "mode.design")}
      {item("analyze", "mode.analyze")}
      {item("present", "mode.present")}
    </div>
  );
}
