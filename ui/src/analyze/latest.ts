// Answers can come back out of order when filters change quickly: only the answer to the latest
// question may be shown. A sequence hands out tickets; an answer is applied only if its ticket is
// still the latest one. A run that can be stopped (a report on Spark) also reports its progress.

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { isApiError } from "../api";
import { useErrorText } from "../errors";

export class Sequence {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }

  isLatest(ticket: number): boolean {
    return ticket === this.last;
  }
}

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
}

/** An answer on its way, which may be stopped. */
export interface Run<T> {
  promise: Promise<T>;
  /** Stops the run; its promise then rejects with the code `cancelled`. */
  cancel?: () => Promise<unknown>;
}

/** The latest run's answer, how far it has gone, and whether it was stopped. */
export interface Running<T, P> extends Loaded<T> {
  /** The last progress the latest run reported, while it runs. */
  progress: P | null;
  /** The latest run was cancelled: `data` is still the answer before it. */
  cancelled: boolean;
  /** A cancel was asked and the run has not stopped yet. */
  cancelling: boolean;
  /** Stops the latest run, if it is still going and can be stopped. */
  cancel: () => void;
}

interface State<T, P> {
  data: T | null;
  loading: boolean;
  /** Kept as thrown and worded at render, in the language of the moment. */
  failure: { error: unknown } | null;
  progress: P | null;
  cancelled: boolean;
  cancelling: boolean;
}

/** Whether `error` says that a run was stopped on request. */
export function isCancelled(error: unknown): boolean {
  return isApiError(error) && error.code === "cancelled";
}

/**
 * Runs `load` whenever `key` changes and keeps the result of the latest run only; the previous
 * data stays on screen while the next answer is computed, so nothing flickers.
 */
export function useLatest<T>(key: string, load: (() => Promise<T>) | null): Loaded<T> {
  return useLatestRun<T, never>(key, load && (() => ({ promise: load() })));
}

/**
 * `useLatest` for runs that report progress and can be stopped: `start` is called with the
 * function that receives the progress. Only `cancel` stops a run: one that a newer question
 * replaces is left to end and its answer dropped, because stopping a report on Spark interrupts
 * every query of the cluster session, the newer question's too. A cancelled run is no error: the
 * previous answer stays, with `cancelled` set.
 */
export function useLatestRun<T, P>(
  key: string,
  start: ((onProgress: (progress: P) => void) => Run<T>) | null,
): Running<T, P> {
  const errorMessage = useErrorText();
  const sequence = useRef(new Sequence());
  const running = useRef<{ ticket: number; run: Run<T> } | null>(null);
  const [state, setState] = useState<State<T, P>>(() => asked(start !== null, null));
  // A new question starts loading (or empties the answer if there is nothing to ask) in the
  // same render, as React advises for state that follows a prop.
  const [asking, setAsking] = useState(key);
  if (asking !== key) {
    setAsking(key);
    setState((s) => asked(start !== null, s));
  }
  const currentStart = useEffectEvent(() => start);
  useEffect(() => {
    const begin = currentStart();
    const ticket = sequence.current.next();
    if (!begin) return;
    let settled = false;
    const latest = () => !settled && sequence.current.isLatest(ticket);
    // Only the latest run's progress and answer are applied.
    const run = begin((progress) => {
      if (latest()) setState((s) => ({ ...s, progress }));
    });
    running.current = { ticket, run };
    const over = () => {
      settled = true;
      if (running.current?.ticket === ticket) running.current = null;
    };
    run.promise.then(
      (data) => {
        if (latest()) setState({ ...asked(false, null), data });
        over();
      },
      (e: unknown) => {
        if (latest())
          setState((s) => ({
            ...s,
            loading: false,
            failure: isCancelled(e) ? null : { error: e },
            progress: null,
            cancelled: isCancelled(e),
            cancelling: false,
          }));
        over();
      },
    );
  }, [key]);

  const cancel = useCallback(() => {
    const current = running.current;
    if (!current?.run.cancel || !sequence.current.isLatest(current.ticket)) return;
    setState((s) => (s.loading ? { ...s, cancelling: true } : s));
    current.run.cancel().catch(() => {
      if (sequence.current.isLatest(current.ticket)) setState((s) => ({ ...s, cancelling: false }));
    });
  }, []);

  return {
    data: state.data,
    loading: state.loading,
    error: state.failure === null ? null : errorMessage(state.failure.error),
    progress: state.progress,
    cancelled: state.cancelled,
    cancelling: state.cancelling,
    cancel,
  };
}

/** The state once a question is asked: loading with the previous answer kept, or empty. */
function asked<T, P>(asking: boolean, previous: State<T, P> | null): State<T, P> {
  const fresh = { progress: null, cancelled: false, cancelling: false };
  if (!asking || !previous) return { data: null, loading: asking, failure: null, ...fresh };
  return { ...previous, loading: true, ...fresh };
}
