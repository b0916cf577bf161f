// Every string the UI shows goes through `t`, so that English and Italian stay complete. Each
// feature keeps its messages in `messages/<feature>.ts` (an `en` object and an `it` record with the
// same keys); they are merged here.

import * as analyze from "./messages/analyze";
import * as core from "./messages/core";
import * as design from "./messages/design";
import * as errors from "./messages/errors";
import * as exporting from "./messages/export";
import * as importing from "./messages/import";
import * as present from "./messages/present";
import * as spark from "./messages/spark";
import * as workspace from "./messages/workspace";

export const LANGUAGES = ["en", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

const en = {
  ...core.en,
  ...design.en,
  ...importing.en,
  ...present.en,
  ...analyze.en,
  ...exporting.en,
  ...workspace.en,
  ...spark.en,
  ...errors.en,
};

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = {
  ...core.it,
  ...design.it,
  ...importing.it,
  ...present.it,
  ...analyze.it,
  ...exporting.it,
  ...workspace.it,
  ...spark.it,
  ...errors.it,
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, it };

export function translate(language: Language, key: MessageKey): string {
  return MESSAGES[language][key];
}

const LOCALES: Record<Language, string> = { en: "en-GB", it: "it-IT" };

export function formatCount(language: Language, n: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/** `template` with each `{name}` replaced by `values[name]` (values are text, never markup). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A file size in kB, MB or GB (powers of 1000, as file managers show them), by locale. */
export function formatBytes(language: Language, bytes: number): string {
  const units = ["B", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(LOCALES[language], {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${number} ${units[unit]}`;
}

export function initialLanguage(browserLanguage: string): Language {
  return browserLanguage.toLowerCase().startsWith("it") ? "it" : "en";
}
