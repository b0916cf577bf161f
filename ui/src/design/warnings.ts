// The journey's validation warnings as sentences, and which touchpoints each one is about.

import type { Journey, TouchpointId, Warning } from "../generated/types";
import { fill, type MessageKey } from "../i18n";

type T = (key: MessageKey) => string;

export function warningText(warning: Warning, journey: Journey, t: T): string {
  const name = (id: TouchpointId) =>
    journey.touchpoints.find((tp) => tp.id === id)?.name ?? `#${id}`;
  switch (warning.kind) {
    case "duplicate_touchpoint_name":
      return fill(t("design.warning.duplicate_touchpoint"), {
        name: warning.name,
        count: warning.touchpoints.length,
      });
    case "duplicate_stage_name":
      return fill(t("design.warning.duplicate_stage"), {
        name: warning.name,
        count: warning.stages.length,
      });
    case "no_entry":
      return t("design.warning.no_entry");
    case "unreachable":
      return fill(t("design.warning.unreachable"), { name: name(warning.touchpoint) });
    case "unreachable_goal":
      return fill(t("design.warning.unreachable_goal"), { name: name(warning.touchpoint) });
  }
}

export function warnedTouchpoints(warning: Warning): TouchpointId[] {
  switch (warning.kind) {
    case "duplicate_touchpoint_name":
      return warning.touchpoints;
    case "unreachable":
    case "unreachable_goal":
      return [warning.touchpoint];
    default:
      return [];
  }
}
