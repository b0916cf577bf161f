// What a question's filters keep, in words: the lines an export prints under its title and the
// line Present's title slide shows.

import type { Params } from "../generated/types";
import { fill, type Language, type MessageKey } from "../i18n";
import { formatDay } from "./format";

type T = (key: MessageKey) => string;

/** One line per kind of filter that `params` set; none for the whole log. */
export function filterLines(t: T, language: Language, params: Params): string[] {
  const lines: string[] = [];
  if (params.from_ms !== null || params.to_ms !== null) {
    lines.push(
      fill(t("export.line.dates"), {
        from: params.from_ms === null ? "…" : formatDay(language, params.from_ms),
        to: params.to_ms === null ? "…" : formatDay(language, params.to_ms - 1),
      }),
    );
  }
  if (params.segments.length > 0) {
    lines.push(
      fill(t("export.line.segments"), {
        segments: params.segments.map((s) => `${s.attribute} = ${s.value}`).join(", "),
      }),
    );
  }
  if (params.channels.length > 0) {
    lines.push(fill(t("export.line.channels"), { channels: params.channels.join(", ") }));
  }
  if (params.path.length > 0) {
    lines.push(fill(t("export.line.path"), { path: params.path.join(" → ") }));
  }
  return lines;
}
