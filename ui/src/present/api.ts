// Typed calls to Present mode's commands.

import { invoke } from "@tauri-apps/api/core";
import { DEFAULT_PARAMS } from "../shared/params";
import type { JourneyId, Params, Replay } from "../generated/types";

export const presentApi = {
  replay: (journey: JourneyId, params: Params = DEFAULT_PARAMS) =>
    invoke<Replay>("replay", { journey, params }),
};
