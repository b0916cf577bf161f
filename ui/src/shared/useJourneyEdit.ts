// Journey edits made outside Design: saved views and stories in Analyze, workshop notes in
// Present. Each is an edit like Design's (stored at once, one step of Design's Undo). They are
// sent one after another in the order they were made, so that an edit never overtakes the one
// before it; the last failure is kept in the user's words.

import { useCallback, useRef, useState } from "react";
import { api } from "../api";
import { useErrorText } from "../errors";
import type { Edit, Edited, Journey, JourneyId } from "../generated/types";

export interface JourneyEdit {
  /**
   * Queues `e`; `then` runs once the engine applied it (after `onJourneyEdited`), `failed` with
   * the failure in words if it did not.
   */
  edit: (e: Edit, then?: (edited: Edited) => void, failed?: (problem: string) => void) => void;
  /** Why the last edit failed; null once one succeeds. */
  problem: string | null;
  /** Whether an edit is queued or on its way. */
  busy: boolean;
}

export function useJourneyEdit(
  journeyId: JourneyId,
  onJourneyEdited: (journey: Journey) => void,
): JourneyEdit {
  const errorMessage = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const edit = useCallback(
    (e: Edit, then?: (edited: Edited) => void, failed?: (problem: string) => void) => {
      setPending((n) => n + 1);
      queue.current = queue.current.then(async () => {
        try {
          const edited = await api.applyEdit(journeyId, e);
          setProblem(null);
          if (edited.changed) onJourneyEdited(edited.journey);
          then?.(edited);
        } catch (error) {
          const text = errorMessage(error);
          setProblem(text);
          failed?.(text);
        } finally {
          setPending((n) => n - 1);
        }
      });
    },
    [journeyId, onJourneyEdited, errorMessage],
  );
  return { edit, problem, busy: pending > 0 };
}
