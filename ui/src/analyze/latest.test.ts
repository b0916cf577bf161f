import { describe, expect, it } from "vitest";
import { Sequence } from "./latest";

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
