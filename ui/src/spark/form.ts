// The Spark dialog's fields as typed, and the connection they describe. Pure, so that the rules
// (trimmed names, an empty optional column is none, segments split on commas) are tested.

import type { SparkSource } from "../generated/types";

/** The dialog's text inputs, exactly as typed. */
export interface SparkFields {
  url: string;
  table: string;
  customer: string;
  timestamp: string;
  touchpoint: string;
  channel: string;
  event: string;
  value: string;
  /** Column names separated by commas. */
  segments: string;
  order: string;
}

export const EMPTY_FIELDS: SparkFields = {
  url: "",
  table: "",
  customer: "",
  timestamp: "",
  touchpoint: "",
  channel: "",
  event: "",
  value: "",
  segments: "",
  order: "",
};

/** The fields showing `source`, or empty ones when there is no connection. */
export function fieldsOf(source: SparkSource | null): SparkFields {
  if (!source) return EMPTY_FIELDS;
  const { columns } = source;
  return {
    url: source.url,
    table: source.table,
    customer: columns.customer,
    timestamp: columns.timestamp,
    touchpoint: columns.touchpoint,
    channel: columns.channel ?? "",
    event: columns.event_type ?? "",
    value: columns.value ?? "",
    segments: columns.segments.join(", "),
    order: columns.order ?? "",
  };
}

/** A trimmed name, or null when nothing is left. */
function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** The connection the fields describe: names trimmed, empty optional columns null. */
export function sourceOf(fields: SparkFields): SparkSource {
  return {
    url: fields.url.trim(),
    table: fields.table.trim(),
    columns: {
      customer: fields.customer.trim(),
      timestamp: fields.timestamp.trim(),
      touchpoint: fields.touchpoint.trim(),
      channel: optional(fields.channel),
      event_type: optional(fields.event),
      value: optional(fields.value),
      segments: fields.segments
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
      order: optional(fields.order),
    },
  };
}

/** Whether the fields name the server, the table and the three columns every event needs. */
export function isComplete(fields: SparkFields): boolean {
  const source = sourceOf(fields);
  return [
    source.url,
    source.table,
    source.columns.customer,
    source.columns.timestamp,
    source.columns.touchpoint,
  ].every((s) => s !== "");
}

/** A text that changes whenever the connection does, to key the questions asked of it. */
export function sourceKey(source: SparkSource | null): string {
  return source ? `spark:${JSON.stringify(source)}` : "local";
}
