// The calm note once a report was cancelled, on Spark or while the local engine was loading a
// large log: what is on the map now, and the way to compute it again.

import { useT } from "../language";

interface Props {
  /** Whether numbers from before are on the map. */
  hasPrevious: boolean;
  onRetry: () => void;
  /** Names the note and its button for tests: `spark-cancelled`, `analysis-retry`… */
  source: "spark" | "analysis";
}

export function CancelledNote({ hasPrevious, onRetry, source }: Props) {
  const t = useT();
  return (
    <div
      className="spark-strip spark-strip-cancelled"
      role="status"
      data-testid={`${source}-cancelled`}
    >
      <span className="spark-strip-text">
        {t(hasPrevious ? "analyze.cancelled" : "analyze.cancelled_empty")}
      </span>
      <button type="button" onClick={onRetry} data-testid={`${source}-retry`}>
        {t("analyze.retry")}
      </button>
    </div>
  );
}
