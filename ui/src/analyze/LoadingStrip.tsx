// The strip over the map while the local engine builds the analysis a report waits for: what it
// is doing in one line, with a bar. Reading the events has a count to show; ordering and counting
// have none, and their bar says only that the engine is working. Cancel stops the loading. It
// looks like Spark's strip.

import { useContext, useId } from "react";
import type { LoadProgress } from "../generated/types";
import { fill, type Language } from "../i18n";
import { LanguageContext, useT } from "../language";
import { formatLargeCount } from "../shared/format";

/** The line the strip shows for `progress`, in `language`'s words and numbers. */
function progressText(
  t: ReturnType<typeof useT>,
  language: Language,
  progress: LoadProgress,
): string {
  switch (progress.step) {
    case "reading":
      return fill(t("analyze.progress.reading"), {
        done: formatLargeCount(language, progress.done),
        total: formatLargeCount(language, progress.total),
      });
    case "ordering":
      return t("analyze.progress.ordering");
    case "counting":
      return t("analyze.progress.counting");
  }
}

interface Props {
  progress: LoadProgress;
  /** A cancel was asked and the engine has not stopped yet. */
  cancelling: boolean;
  onCancel: () => void;
}

export function LoadingStrip({ progress, cancelling, onCancel }: Props) {
  const language = useContext(LanguageContext);
  const t = useT();
  const textId = useId();
  // Only reading counts what it has done; with no total, the bar cannot be measured either.
  const measured = progress.step === "reading" && progress.total > 0;
  return (
    <div
      className="load-strip"
      role="status"
      aria-live="polite"
      data-testid="analysis-progress"
      data-step={progress.step}
    >
      <span className="load-strip-text" id={textId}>
        {progressText(t, language, progress)}
      </span>
      <progress
        className="load-strip-bar"
        aria-labelledby={textId}
        max={measured ? progress.total : undefined}
        value={measured ? Math.min(progress.done, progress.total) : undefined}
      />
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid="analysis-cancel">
        {t(cancelling ? "analyze.cancelling" : "analyze.cancel")}
      </button>
    </div>
  );
}
