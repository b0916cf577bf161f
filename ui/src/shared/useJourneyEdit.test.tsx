// @vitest-environment jsdom
// The journey edits of Analyze and Present go to the engine one at a time, in the order they were
// made, even when the first takes longer; a failure is kept in words until an edit succeeds.

import { act, useEffect } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../api";
import type { Edit, Edited } from "../generated/types";
import { rootPerTest } from "./dom.test-utils";
import { editedOf, journeyOf } from "./fixtures";
import { useJourneyEdit, type JourneyEdit } from "./useJourneyEdit";

const journey = journeyOf({ id: 3, name: "J" });

const dom = rootPerTest();
let hook: JourneyEdit;
let log: string[];
/** The engine's pending answers, in the order the edits reached it. */
let answers: { edit: Edit; answer: (edited: Edited) => void; fail: (e: unknown) => void }[];

function Probe() {
  const shown = useJourneyEdit(journey.id, (j) => log.push(`edited ${j.id}`));
  useEffect(() => {
    hook = shown;
  });
  return null;
}

const rename = (name: string): Edit => ({ op: "rename_journey", name });

/** Lets the queue move on. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}

beforeEach(() => {
  log = [];
  answers = [];
  vi.spyOn(api, "applyEdit").mockImplementation(
    (_, edit) =>
      new Promise<Edited>((answer, fail) => {
        log.push(`sent ${edit.op === "rename_journey" ? edit.name : edit.op}`);
        answers.push({ edit, answer, fail });
      }),
  );
  act(() => dom.root.render(<Probe />));
});

describe("journey edits outside Design", () => {
  it("send an edit only once the one before it is answered, and run each `then` in order", async () => {
    act(() => {
      hook.edit(rename("A"), () => log.push("then A"));
      hook.edit(rename("B"), () => log.push("then B"));
    });
    await settle();
    expect(log).toEqual(["sent A"]);
    expect(hook.busy).toBe(true);
    answers[0]?.answer(editedOf(journey));
    await settle();
    expect(log).toEqual(["sent A", "edited 3", "then A", "sent B"]);
    // An edit that changed nothing leaves the journey as it is.
    answers[1]?.answer(editedOf(journey, { changed: false }));
    await settle();
    expect(log).toEqual(["sent A", "edited 3", "then A", "sent B", "then B"]);
    expect(hook.busy).toBe(false);
  });

  it("keep the last failure in words, go on with the next edit, and clear it on a success", async () => {
    const failures: string[] = [];
    act(() => {
      hook.edit(
        rename("A"),
        () => log.push("then A"),
        (problem) => failures.push(problem),
      );
      hook.edit(rename("B"));
    });
    await settle();
    answers[0]?.fail({ code: "busy", message: "database is locked", params: {} });
    await settle();
    expect(log).toEqual(["sent A", "sent B"]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Another program is writing to this workspace/);
    expect(hook.problem).toBe(failures[0]);
    answers[1]?.answer(editedOf(journey));
    await settle();
    expect(hook.problem).toBeNull();
  });
});
