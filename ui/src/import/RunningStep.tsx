// Step 3: the import under way, with how far it has read and a Cancel that rolls it back.

import type { Progress } from "../generated/types";
import { fill, formatBytes, type Language } from "../i18n";
import { useT } from "../language";
import { progressFraction } from "./wizard";

interface Props {
  progress: Progress | null;
  language: Language;
  cancelling: boolean;
  onCancel: () => void;
}

export function RunningStep({ progress, language, cancelling, onCancel }: Props) {
  const t = useT();
  const storing = progress?.phase === "storing";
  const fraction = progressFraction(progress);
  const percent = Math.round(fraction * 100);
  return (
    <div className="import-running" data-testid="import-running">
      <p className="running-phase">
        {t(storing ? "import.running.storing" : "import.running.reading")}
      </p>
      <div
        className={`progress${storing ? " progress-busy" : ""}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={storing ? undefined : percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {progress && (
        <p className="running-detail">
          {fill(t("import.running.of"), {
            done: formatBytes(language, progress.bytes_read),
            total: formatBytes(language, progress.total_bytes),
          })}
          {!storing && ` · ${percent}%`}
        </p>
      )}
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid="import-cancel">
        {t(cancelling ? "import.running.cancelling" : "import.running.cancel")}
      </button>
    </div>
  );
}
