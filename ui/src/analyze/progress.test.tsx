// @vitest-environment jsdom
// The engine's progress while a local report loads: asked at once and every 250 ms while active,
// never once inactive or unmounted; a failed poll keeps the last value, an older answer never
// replaces a newer one, and a new activation never starts with the previous run's progress.

import { act } from "react";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import type { LoadProgress } from "../generated/types";
import { oneIn, rootPerTest } from "../shared/dom.test-utils";
import { analyzeApi } from "./api";
import { POLL_MS, useAnalysisProgress } from "./progress";

const dom = rootPerTest();

const reading = (done: number): LoadProgress => ({ step: "reading", done, total: 1000 });
const ORDERING: LoadProgress = { step: "ordering", done: 0, total: 1000 };

/** An answer the test settles when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

function Probe({ active }: { active: boolean }) {
  const progress = useAnalysisProgress(active);
  return <span data-testid="probe">{progress ? `${progress.step} ${progress.done}` : "none"}</span>;
}

function render(active: boolean) {
  act(() => dom.root.render(<Probe active={active} />));
}

const shown = () => oneIn(dom.host, "probe").textContent;

/** Lets `ms` of time pass, and the answers due by then come back. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

let ask: MockInstance<typeof analyzeApi.analysisProgress>;

/** Answers the polls with `answers` in turn (the last one again once they run out). */
function answering(...answers: (() => Promise<LoadProgress | null>)[]) {
  let n = 0;
  ask.mockImplementation(() => {
    const next = answers[Math.min(n, answers.length - 1)];
    n += 1;
    if (!next) throw new Error("no answer");
    return next();
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  ask = vi.spyOn(analyzeApi, "analysisProgress");
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the analysis progress", () => {
  it("is asked at once, then every 250 ms while active, and shows the latest answer", async () => {
    let done = 0;
    ask.mockImplementation(() => {
      done += 100;
      return Promise.resolve(reading(done));
    });
    render(true);
    await wait(0);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(shown()).toBe("reading 100");
    await wait(POLL_MS - 1);
    expect(ask).toHaveBeenCalledTimes(1);
    await wait(1);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(shown()).toBe("reading 200");
    await wait(POLL_MS * 2);
    expect(ask).toHaveBeenCalledTimes(4);
    expect(shown()).toBe("reading 400");
  });

  it("is never asked while inactive", async () => {
    ask.mockResolvedValue(reading(5));
    render(false);
    await wait(POLL_MS * 4);
    expect(ask).not.toHaveBeenCalled();
    expect(shown()).toBe("none");
  });

  it("stops being asked and shows nothing once inactive", async () => {
    ask.mockResolvedValue(ORDERING);
    render(true);
    await wait(POLL_MS * 2);
    expect(ask).toHaveBeenCalledTimes(3);
    expect(shown()).toBe("ordering 0");
    render(false);
    expect(shown()).toBe("none");
    await wait(POLL_MS * 8);
    expect(ask).toHaveBeenCalledTimes(3);
    expect(shown()).toBe("none");
  });

  it("starts again without the previous run's progress", async () => {
    ask.mockResolvedValue(ORDERING);
    render(true);
    await wait(0);
    render(false);
    const later = deferred<LoadProgress | null>();
    ask.mockReturnValue(later.promise);
    render(true);
    await wait(0);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(shown()).toBe("none");
    later.resolve(reading(7));
    await wait(0);
    expect(shown()).toBe("reading 7");
  });

  it("keeps the last value when a poll fails, and shows null when the engine says so", async () => {
    answering(
      () => Promise.resolve(reading(300)),
      () => Promise.reject(new Error("no engine")),
      () => Promise.resolve(null),
    );
    render(true);
    await wait(0);
    expect(shown()).toBe("reading 300");
    await wait(POLL_MS);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(shown()).toBe("reading 300");
    await wait(POLL_MS);
    expect(shown()).toBe("none");
  });

  it("never lets an older answer replace a newer one", async () => {
    const slow = deferred<LoadProgress | null>();
    answering(
      () => slow.promise,
      () => Promise.resolve(ORDERING),
    );
    render(true);
    await wait(POLL_MS);
    expect(shown()).toBe("ordering 0");
    slow.resolve(reading(1));
    await wait(0);
    expect(shown()).toBe("ordering 0");
  });

  it("is not asked again once unmounted, and drops a late answer quietly", async () => {
    const late = deferred<LoadProgress | null>();
    ask.mockReturnValue(late.promise);
    const errors = vi.spyOn(console, "error");
    render(true);
    await wait(0);
    act(() => dom.root.unmount());
    late.resolve(reading(9));
    await wait(POLL_MS * 4);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(errors).not.toHaveBeenCalled();
  });
});
