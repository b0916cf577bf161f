import { describe, expect, it } from "vitest";
import { LANGUAGES, MESSAGES, fill, formatBytes, formatCount, initialLanguage } from "./i18n";

describe("i18n", () => {
  it("has every key in every language, none left empty", () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(MESSAGES[language]).sort()).toEqual(keys);
      for (const key of keys) {
        expect(MESSAGES[language][key as keyof typeof MESSAGES.en].trim()).not.toBe("");
      }
    }
  });

  it("formats counts by locale", () => {
    expect(formatCount("en", 54533)).toBe("54,533");
    expect(formatCount("it", 54533)).toBe("54.533");
  });

  it("starts in Italian only for an Italian system", () => {
    expect(initialLanguage("it-IT")).toBe("it");
    expect(initialLanguage("en-US")).toBe("en");
    expect(initialLanguage("de")).toBe("en");
  });

  it("formats file sizes by locale", () => {
    expect(formatBytes("en", 650_400_000)).toBe("650 MB");
    expect(formatBytes("it", 1_530_000)).toBe("1,5 MB");
    expect(formatBytes("en", 141_986)).toBe("142 kB");
    expect(formatBytes("en", 5_432)).toBe("5.4 kB");
    expect(formatBytes("en", 1_530_000)).toBe("1.5 MB");
    expect(formatBytes("en", 999)).toBe("999 B");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("{done} of {total}", { done: "1 MB", total: "2 MB" })).toBe("1 MB of 2 MB");
    expect(fill("{missing}", {})).toBe("{missing}");
  });

  it("keeps every placeholder of a message in its translation", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(MESSAGES.en) as (keyof typeof MESSAGES.en)[]) {
      expect(placeholders(MESSAGES.it[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });
});

describe("messages of the features", () => {
  it("never reuse a key, so merging them cannot silently replace a string", async () => {
    const core = await import("./messages/core");
    const analyze = await import("./messages/analyze");
    const shared = Object.keys(core.en).filter((k) => k in analyze.en);
    expect(shared).toEqual([]);
  });

  it("fill placeholders with text", () => {
    expect(fill("{n} events at {tp}", { n: "1,234", tp: "<b>Shop</b>" })).toBe(
      "1,234 events at <b>Shop</b>",
    );
    expect(fill("{missing} stays", {})).toBe("{missing} stays");
  });
});
