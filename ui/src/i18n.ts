// Every string the UI shows goes through `t`, so that English and Italian stay complete. Each
// feature keeps its messages in `messages/<feature>.ts` (an `en` object and an `it` record with the
// same keys); they are merged here.

import * as core from "./messages/core";

export const LANGUAGES = ["en", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

const en = { ...core.en };

export type MessageKey = keyof typeof en;

const it: Record<MessageKey, string> = { ...core.it };

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
