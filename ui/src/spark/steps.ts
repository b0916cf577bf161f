// How far the Spark reports under way have gone, as one strip: their steps added up.

import type { SparkProgress } from "../generated/types";

/** The steps of the runs that have reported any, added up; null before any has. */
export function combinedSteps(runs: (SparkProgress | null)[]): SparkProgress | null {
  const reported = runs.filter((r): r is SparkProgress => r !== null);
  if (reported.length === 0) return null;
  return reported.reduce((sum, r) => ({ done: sum.done + r.done, of: sum.of + r.of }), {
    done: 0,
    of: 0,
  });
}

/** The share done, between 0 and 1 (0 while the count of steps is unknown). */
export function stepsFraction(steps: SparkProgress | null): number {
  if (!steps || steps.of <= 0) return 0;
  return Math.min(1, Math.max(0, steps.done / steps.of));
}
