import { describe, expect, it } from "vitest";
import type { SparkSource } from "../generated/types";
import { EMPTY_FIELDS, fieldsOf, isComplete, sourceKey, sourceOf } from "./form";

const typed = {
  ...EMPTY_FIELDS,
  url: "  sc://spark.example:15002 ",
  table: " sales.events ",
  customer: " customer_id",
  timestamp: "ts ",
  touchpoint: "  step  ",
};

describe("the Spark dialog's fields", () => {
  it("trim every name and leave empty optional columns null", () => {
    expect(sourceOf({ ...typed, channel: "   ", event: "", value: " " })).toEqual({
      url: "sc://spark.example:15002",
      table: "sales.events",
      columns: {
        customer: "customer_id",
        timestamp: "ts",
        touchpoint: "step",
        channel: null,
        event_type: null,
        value: null,
        segments: [],
        order: null,
      },
    });
  });

  it("keep the optional columns that are named", () => {
    const source = sourceOf({
      ...typed,
      channel: " ch ",
      event: "kind",
      value: "amount",
      order: " seq",
    });
    expect(source.columns.channel).toBe("ch");
    expect(source.columns.event_type).toBe("kind");
    expect(source.columns.value).toBe("amount");
    expect(source.columns.order).toBe("seq");
  });

  it("split the segments on commas, trimmed, without empties", () => {
    expect(sourceOf({ ...typed, segments: " region, ,plan ,, tier " }).columns.segments).toEqual([
      "region",
      "plan",
      "tier",
    ]);
    expect(sourceOf({ ...typed, segments: " , " }).columns.segments).toEqual([]);
  });

  it("show a stored connection and give it back unchanged", () => {
    const stored: SparkSource = {
      url: "sc://host:15002",
      table: "events",
      columns: {
        customer: "c",
        timestamp: "t",
        touchpoint: "tp",
        channel: null,
        event_type: "e",
        value: null,
        segments: ["region", "plan"],
        order: "n",
      },
    };
    const fields = fieldsOf(stored);
    expect(fields.segments).toBe("region, plan");
    expect(fields.channel).toBe("");
    expect(sourceOf(fields)).toEqual(stored);
    expect(fieldsOf(null)).toEqual(EMPTY_FIELDS);
  });

  it("are complete once the address, the table and the three columns are named", () => {
    expect(isComplete(typed)).toBe(true);
    expect(isComplete({ ...typed, touchpoint: "  " })).toBe(false);
    expect(isComplete({ ...typed, url: "" })).toBe(false);
    expect(isComplete(EMPTY_FIELDS)).toBe(false);
  });

  it("key the questions by connection", () => {
    expect(sourceKey(null)).toBe("local");
    expect(sourceKey(sourceOf(typed))).not.toBe(sourceKey(sourceOf({ ...typed, table: "other" })));
  });
});
