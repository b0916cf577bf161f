// The Spark connection Analyze computes on, for the panels deep inside it (the customer tables).

import { createContext } from "react";
import type { SparkSource } from "../generated/types";

export const SparkContext = createContext<SparkSource | null>(null);
