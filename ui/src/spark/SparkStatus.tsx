// What Analyze shows of Spark: a badge naming the table the numbers come from, and a strip with
// the steps of a report under way and its Cancel. Names from the connection are shown as text.

import type { SparkProgress, SparkSource } from "../generated/types";
import { fill } from "../i18n";
import { useT } from "../language";
import { stepsFraction } from "./steps";

export function SparkBadge({ source }: { source: SparkSource }) {
  const t = useT();
  return (
    <span
      className="spark-badge"
      title={fill(t("spark.badge_title"), { url: source.url })}
      data-testid="spark-badge"
    >
      {fill(t("spark.badge"), { table: source.table })}
    </span>
  );
}

interface ProgressProps {
  /** The steps done so far, or null before the first is reported. */
  steps: SparkProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}

export function SparkProgressStrip({ steps, cancelling, onCancel }: ProgressProps) {
  const t = useT();
  const percent = Math.round(stepsFraction(steps) * 100);
  const known = steps !== null && steps.of > 0;
  return (
    <div className="spark-strip" role="status" data-testid="spark-progress">
      <span className="spark-strip-text">
        {known
          ? fill(t("spark.progress"), { done: steps.done, of: steps.of })
          : t("spark.progress_starting")}
      </span>
      <div
        className={known ? "spark-bar" : "spark-bar spark-bar-unknown"}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? percent : undefined}
      >
        <div className="spark-bar-fill" style={{ width: known ? `${percent}%` : "100%" }} />
      </div>
      <button type="button" onClick={onCancel} disabled={cancelling} data-testid="spark-cancel">
        {t(cancelling ? "analyze.cancelling" : "analyze.cancel")}
      </button>
    </div>
  );
}
