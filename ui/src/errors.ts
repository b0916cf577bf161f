// The engine's errors in the user's language. A command fails with an ApiError {code, params,
// message}; each code with words in messages/errors.ts is shown in the UI's language with the
// error's parameters filled in (the nouns and column roles translated too), and any other code
// shows the engine's English message. Nothing here matches on message text.

import { useCallback, useContext } from "react";
import { isApiError } from "./api";
import { fill, MESSAGES, translate, type Language, type MessageKey } from "./i18n";
import { LanguageContext } from "./language";

function known(language: Language, key: string): key is MessageKey {
  return key in MESSAGES[language];
}

/** `error` as the user should read it, in `language`. */
export function errorText(language: Language, error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const key = `error.${error.code}`;
  if (!known(language, key)) return error.message;
  const params: Record<string, string> = { ...error.params };
  const noun = `noun.${params.what ?? ""}`;
  if (known(language, noun)) params.what = translate(language, noun);
  const role = `import.role.${params.role ?? ""}`;
  if (known(language, role)) params.role = translate(language, role);
  return fill(translate(language, key), params);
}

/** `errorText` in the language of the component that calls it. */
export function useErrorText(): (error: unknown) => string {
  const language = useContext(LanguageContext);
  return useCallback((error: unknown) => errorText(language, error), [language]);
}
