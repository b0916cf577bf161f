// The design commands. Every edit goes to the engine, which stores it in the
// workspace file as one transaction and one undo step, and answers with the whole journey.

import * as commands from "../generated/commands";

export const designApi = {
  apply: commands.applyEdit,
  undo: commands.undo,
  redo: commands.redo,
  history: commands.history,
  warnings: commands.journeyWarnings,
  templates: commands.templates,
  newJourney: commands.newJourney,
  discover: commands.discoverJourney,
  addJourney: commands.addJourney,
  deleteJourney: commands.deleteJourney,
  exportJourney: commands.exportJourney,
  importJourney: commands.importJourney,
};
