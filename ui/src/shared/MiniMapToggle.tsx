// The overview map (React Flow's minimap) is hidden until the user asks for it: over a canvas the
// size of a laptop's, it covered cards of the journey itself. A button among the zoom controls
// shows or hides it, and the choice is remembered.

import { useState } from "react";
import { ControlButton } from "@xyflow/react";
import { useT } from "../language";

const KEY = "percorso.minimap";

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === "shown";
  } catch {
    return false;
  }
}

/** Whether the overview map is shown, and the function that flips it. */
export function useMiniMap(): [boolean, () => void] {
  const [shown, setShown] = useState(stored);
  const toggle = () =>
    setShown((was) => {
      try {
        window.localStorage.setItem(KEY, was ? "hidden" : "shown");
      } catch {
        // A private window keeps no storage: the choice lasts this session.
      }
      return !was;
    });
  return [shown, toggle];
}

export function MiniMapToggle({ shown, onToggle }: { shown: boolean; onToggle: () => void }) {
  const t = useT();
  const label = t(shown ? "map.minimap.hide" : "map.minimap.show");
  return (
    <ControlButton
      onClick={onToggle}
      title={label}
      aria-label={label}
      aria-pressed={shown}
      data-testid="minimap-toggle"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
        <rect x="8" y="8" width="5" height="4" rx="0.5" fill="currentColor" />
      </svg>
    </ControlButton>
  );
}
