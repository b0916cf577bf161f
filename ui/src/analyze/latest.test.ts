import { describe, expect, it } from "vitest";
import { isCancelled, Sequence } from "./latest";

describe("only the latest answer is shown", () => {
  it("refuses an older answer that arrives after a newer question", async () => {
    const sequence = new Sequence();
    const shown: string[] = [];
    const ask = (answer: string, delay: number) => {
      const ticket = sequence.next();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (sequence.isLatest(ticket)) shown.push(answer);
          resolve();
        }, delay),
      );
    };
    await Promise.all([ask("slow, old filters", 30), ask("fast, new filters", 5)]);
    expect(shown).toEqual(["fast, new filters"]);
  });

  it("accepts an answer when no newer question was asked", () => {
    const sequence = new Sequence();
    const ticket = sequence.next();
    expect(sequence.isLatest(ticket)).toBe(true);
    sequence.next();
    expect(sequence.isLatest(ticket)).toBe(false);
  });
});

describe("a cancelled run", () => {
  it("is told apart from a failure by the error's code", () => {
    expect(isCancelled({ code: "cancelled", message: "cancelled", params: {} })).toBe(true);
    expect(isCancelled({ code: "spark_query", message: "no", params: {} })).toBe(false);
    expect(isCancelled(new Error("cancelled"))).toBe(false);
    expect(isCancelled(null)).toBe(false);
  });
});
