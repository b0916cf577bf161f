// Present mode's commands.

import * as commands from "../generated/commands";
import type { JourneyId, Params } from "../generated/types";
import { DEFAULT_PARAMS } from "../shared/params";

export const presentApi = {
  replay: (journey: JourneyId, params: Params = DEFAULT_PARAMS) => commands.replay(journey, params),
};
