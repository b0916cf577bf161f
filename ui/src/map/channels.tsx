// One line icon per channel (24×24, stroked), drawn inline so nothing is fetched.

import type { Channel } from "../generated/types";

const PATHS: Record<Channel, string[]> = {
  store: [
    "M3 9l1.5-5h15L21 9",
    "M3 9h18v2a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0z",
    "M5 12v8h14v-8",
    "M10 20v-5h4v5",
  ],
  call_centre: [
    "M4 14v-2a8 8 0 0 1 16 0v2",
    "M4 14h3v5H4z",
    "M17 14h3v5h-3z",
    "M20 19a4 4 0 0 1-4 3h-3",
  ],
  kiosk: ["M6 3h12v11H6z", "M9 17h6", "M12 14v7", "M8 21h8"],
  web: [
    "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z",
    "M3 12h18",
    "M12 3c3 3 3 15 0 18",
    "M12 3c-3 3-3 15 0 18",
  ],
  app: ["M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z", "M11 18h2"],
  email: ["M3 5h18v14H3z", "M3 6l9 7 9-7"],
  sms: ["M4 4h16v11H9l-5 4z", "M8 9h8", "M8 12h5"],
  chatbot: [
    "M6 8h12v10H6z",
    "M12 4v4",
    "M9 12h.01",
    "M15 12h.01",
    "M10 15h4",
    "M3 12v3",
    "M21 12v3",
  ],
  social: [
    "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
    "M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
    "M18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
    "M8.6 13.5l6.8 4",
    "M15.4 6.5l-6.8 4",
  ],
  video_call: ["M3 6h12v12H3z", "M15 10l6-3v10l-6-3"],
  other: ["M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"],
};

export const CHANNELS = Object.keys(PATHS) as Channel[];

export function ChannelIcon({ channel, size = 18 }: { channel: Channel; size?: number }) {
  return (
    <svg
      className="channel-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[channel].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
