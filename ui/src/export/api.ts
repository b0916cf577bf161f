// Typed calls to the export commands.

import { invoke } from "@tauri-apps/api/core";
import type {
  DataFormat,
  JourneyId,
  MapFormat,
  Paper,
  Params,
  ReportTable,
} from "../generated/types";

export const exportApi = {
  map: (format: MapFormat, pages: string[], paper: Paper, path: string) =>
    invoke<void>("export_map", { format, pages, paper, path }),
  report: (
    journey: JourneyId,
    params: Params,
    format: DataFormat,
    table: ReportTable,
    language: string,
    path: string,
  ) => invoke<void>("export_report", { journey, params, format, table, language, path }),
};
