// Typed calls to Present mode's commands.

import { invoke } from "@tauri-apps/api/core";
import type { JourneyId, Params, Replay } from "../generated/types";

const ALL: Params = {
  as_of_ms: null,
  inactive_days: 30,
  from_ms: null,
  to_ms: null,
  segments: [],
  channels: [],
};

export const presentApi = {
  replay: (journey: JourneyId, params: Params = ALL) => invoke<Replay>("replay", { journey, params }),
};
