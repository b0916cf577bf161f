// Every string the UI shows goes through `t`, so that English and Italian stay complete. Each
// feature keeps its messages in `messages/<feature>.ts` (an `en` object and an `it` record with the
// same keys); they are merged here.

import * as analyze from "./messages/analyze";
import * as core from "./messages/core";

export const LANGUAGES = ["en", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

const en = { ...core.en, ...analyze.en };

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = { ...core.it, ...analyze.it };

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, it };

export function translate(language: Language, key: MessageKey): string {
  return MESSAGES[language][key];
}

const LOCALES: Record<Language, string> = { en: "en-GB", it: "it-IT" };

export function formatCount(language: Language, n: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

export function initialLanguage(browserLanguage: string): Language {
  return browserLanguage.toLowerCase().startsWith("it") ? "it" : "en";
}

/** `template` with each `{name}` replaced by `values[name]` (values are text, never markup). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
