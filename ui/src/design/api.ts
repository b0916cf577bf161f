// Typed calls to the design commands. Every edit goes to the engine, which stores it in the
// workspace file as one transaction and one undo step, and answers with the whole journey.

import { invoke } from "@tauri-apps/api/core";
import type {
  Edit,
  Edited,
  History,
  Journey,
  JourneyId,
  TemplateInfo,
  Warning,
} from "../generated/types";

export const designApi = {
  apply: (journey: JourneyId, edit: Edit) => invoke<Edited>("apply_edit", { journey, edit }),
  undo: (journey: JourneyId) => invoke<Edited>("undo", { journey }),
  redo: (journey: JourneyId) => invoke<Edited>("redo", { journey }),
  history: (journey: JourneyId) => invoke<History>("history", { journey }),
  warnings: (journey: JourneyId) => invoke<Warning[]>("journey_warnings", { journey }),
  templates: () => invoke<TemplateInfo[]>("templates"),
  newJourney: (name: string, template: string | null) =>
    invoke<Journey>("new_journey", { name, template }),
  deleteJourney: (journey: JourneyId) => invoke<null>("delete_journey", { journey }),
  exportJourney: (journey: JourneyId, path: string) =>
    invoke<null>("export_journey", { journey, path }),
  importJourney: (path: string) => invoke<Journey>("import_journey", { path }),
};
