// The UI language as React context: components call useT() and never hold strings of their own.

import { createContext, useContext } from "react";
import { translate, type Language, type MessageKey } from "./i18n";

export const LanguageContext = createContext<Language>("en");

export function useT(): (key: MessageKey) => string {
  const language = useContext(LanguageContext);
  return (key) => translate(language, key);
}
