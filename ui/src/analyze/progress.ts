// How far the engine is with the analysis a local report waits for (reading the events, ordering
// each customer's events, counting the report). The engine answers at once, so it is simply asked
// again every POLL_MS while the report loads.

import { useEffect, useState } from "react";
import type { LoadProgress } from "../generated/types";
import { analyzeApi } from "./api";

export const POLL_MS = 250;

/**
 * While `active`, the engine's latest progress (null before its first answer, or when no analysis
 * is being built); null when not active. A failed poll keeps the last value; an answer older than
 * the one shown is dropped; nothing is set once inactive or unmounted.
 */
export function useAnalysisProgress(active: boolean): LoadProgress | null {
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  // Once inactive, the last value is forgotten in the same render, so that the next activation
  // never starts with the previous run's progress.
  const [wasActive, setWasActive] = useState(active);
  if (wasActive !== active) {
    setWasActive(active);
    if (!active) setProgress(() => null);
  }

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let asked = 0;
    let shown = 0;
    const poll = () => {
      asked += 1;
      const ticket = asked;
      analyzeApi.analysisProgress().then(
        (answer) => {
          if (stopped || ticket < shown) return;
          shown = ticket;
          setProgress(() => answer);
        },
        () => {
          // A failed poll is ignored: the bar keeps the last progress.
        },
      );
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active]);

  return active ? progress : null;
}
