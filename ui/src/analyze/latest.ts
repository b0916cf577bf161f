// Answers can come back out of order when filters change quickly: only the answer to the latest
// question may be shown. A sequence hands out tickets; an answer is applied only if its ticket is
// still the latest one.

import { useEffect, useEffectEvent, useRef, useState } from "react";
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

/**
 * Runs `load` whenever `key` changes and keeps the result of the latest run only; the previous
 * data stays on screen while the next answer is computed, so nothing flickers.
 */
export function useLatest<T>(key: string, load: (() => Promise<T>) | null): Loaded<T> {
  const errorMessage = useErrorText();
  const sequence = useRef(new Sequence());
  const [state, setState] = useState<Loaded<T>>(() => asked(load, null));
  // A new question starts loading (or empties the answer if there is nothing to ask) in the
  // same render, as React advises for state that follows a prop.
  const [asking, setAsking] = useState(key);
  if (asking !== key) {
    setAsking(key);
    setState((s) => asked(load, s));
  }
  const currentLoad = useEffectEvent(() => load);
  useEffect(() => {
    const run = currentLoad();
    const ticket = sequence.current.next();
    if (!run) return;
    run().then(
      (data) => {
        if (sequence.current.isLatest(ticket)) setState({ data, loading: false, error: null });
      },
      (e: unknown) => {
        if (sequence.current.isLatest(ticket))
          setState((s) => ({ data: s.data, loading: false, error: errorMessage(e) }));
      },
    );
  }, [key, errorMessage]);
  return state;
}

/** The state once `load` is asked: loading with the previous answer kept, or empty. */
function asked<T>(load: (() => Promise<T>) | null, previous: Loaded<T> | null): Loaded<T> {
  if (!load || !previous) return { data: null, loading: load !== null, error: null };
  return { ...previous, loading: true };
}
