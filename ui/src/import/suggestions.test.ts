import { describe, expect, it } from "vitest";
import type { Journey, StageSuggestion } from "../generated/types";
import { isLogMadeJourney, suggestedChannel, suggestionsFor } from "./suggestions";

function journey(stages: string[]): Journey {
  return {
    id: 1,
    name: "Journey",
    description: "",
    personas: [],
    views: [],
    notes: [],
    stories: [],
    stages: stages.map((name, i) => ({ id: i + 10, name })),
    touchpoints: [],
    transitions: [],
  };
}

function suggestion(value: string, stage_id: number, stage: string): StageSuggestion {
  return { value, events: 5, stage_id, stage, channel: "web", kind: "digital" };
}

describe("isLogMadeJourney", () => {
  it("is the journey of one stage named Unassigned", () => {
    expect(isLogMadeJourney(journey(["Unassigned"]))).toBe(true);
  });

  it("is not a designed journey", () => {
    expect(isLogMadeJourney(journey(["Awareness", "Purchase"]))).toBe(false);
    expect(isLogMadeJourney(journey(["Purchase"]))).toBe(false);
    expect(isLogMadeJourney(journey(["Unassigned", "Purchase"]))).toBe(false);
    expect(isLogMadeJourney(journey([]))).toBe(false);
  });
});

describe("suggestionsFor", () => {
  const designed = journey(["Awareness", "Purchase", "Unassigned"]);

  it("pairs each unmapped value with its suggestion", () => {
    const found = suggestionsFor(
      ["Shop visit", "Chat"],
      [suggestion("Chat", 11, "Purchase"), suggestion("Shop visit", 10, "Awareness")],
      designed,
    );
    expect(found.get("Shop visit")?.stage_id).toBe(10);
    expect(found.get("Chat")?.stage).toBe("Purchase");
    expect(found.size).toBe(2);
  });

  it("leaves out values this import did not leave unmapped", () => {
    const found = suggestionsFor(["Chat"], [suggestion("Other file", 10, "Awareness")], designed);
    expect(found.size).toBe(0);
  });

  it("leaves out stages the journey lacks", () => {
    const found = suggestionsFor(["Gone"], [suggestion("Gone", 99, "Deleted")], designed);
    expect(found.size).toBe(0);
  });

  it("names the stage as the journey does now", () => {
    const found = suggestionsFor(["Chat"], [suggestion("Chat", 11, "Old name")], designed);
    expect(found.get("Chat")?.stage).toBe("Purchase");
  });

  it("keeps the first suggestion of a value", () => {
    const found = suggestionsFor(
      ["Chat"],
      [suggestion("Chat", 11, "Purchase"), suggestion("Chat", 10, "Awareness")],
      designed,
    );
    expect(found.get("Chat")?.stage_id).toBe(11);
  });
});

describe("suggestedChannel", () => {
  it("is the log's channel", () => {
    expect(suggestedChannel(suggestion("Chat", 10, "Awareness"))).toBe("web");
  });

  it("lets the engine guess when the log says nothing better than other", () => {
    expect(suggestedChannel({ ...suggestion("Chat", 10, "Awareness"), channel: "other" })).toBe(
      null,
    );
    expect(suggestedChannel(undefined)).toBe(null);
  });
});
