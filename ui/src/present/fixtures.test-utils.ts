// The story the tests of Present and of a story's slide walk: journey "Shop", Ad (the entry) in
// Aware then Checkout in Buy, view 7 on the web channel with Checkout selected, view 8 on the
// whole log, and story 4, "Why they leave", over view 8 then view 7.

import type { Journey, Params, SavedView, Story, StorySlide } from "../generated/types";
import { journeyOf, touchpointOf } from "../shared/fixtures";
import { DEFAULT_PARAMS } from "../shared/params";

/** View 7's filters: the web channel alone. */
export const web: Params = { ...DEFAULT_PARAMS, channels: ["web"] };

/** What the two tests tell apart. */
export interface ShopStoryOf {
  /** View 7's name. */
  checkout: string;
  /** The metrics of views 7 and 8. */
  metrics: [string, string];
  /** The title and note of the story's second slide, on view 7; its first, on view 8, has none. */
  till: Pick<StorySlide, "title" | "note">;
}

/** Story 4 and the journey it is told on, whose own stories are none. */
export function shopStoryOf({ checkout, metrics, till }: ShopStoryOf): {
  story: Story;
  journey: Journey;
} {
  const views: SavedView[] = [
    {
      id: 7,
      name: checkout,
      state: { params: web, metric: metrics[0], trends: false, selected: 11 },
    },
    {
      id: 8,
      name: "Everything",
      state: { params: DEFAULT_PARAMS, metric: metrics[1], trends: false },
    },
  ];
  const story: Story = {
    id: 4,
    title: "Why they leave",
    slides: [
      { view: 8, title: "", note: "" },
      { view: 7, ...till },
    ],
  };
  const journey = journeyOf({
    name: "Shop",
    stages: [
      { id: 1, name: "Aware" },
      { id: 2, name: "Buy" },
    ],
    touchpoints: [
      touchpointOf(10, 1, { name: "Ad", entry: true }),
      touchpointOf(11, 2, { name: "Checkout" }),
    ],
    transitions: [{ id: 5, from: 10, to: 11 }],
    views,
  });
  return { story, journey };
}
