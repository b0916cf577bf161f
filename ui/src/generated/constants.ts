// Generated from the engine by src-tauri/src/bindings.rs. Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p percorso-app bindings` after changing them.

import type { ColumnRole, EditKindLabel, Encoding, Params, Slots, TimestampFormat } from "./types";

/** The slots of a band, as src/layout.rs places touchpoints. */
export const SLOTS: Slots = {
  "left": 40.0,
  "stagger": 70.0,
  "top": 30.0,
  "row": 110.0
};

/** What a report asks when nothing is filtered. */
export const DEFAULT_PARAMS: Params = {
  "as_of_ms": null,
  "inactive_days": 30,
  "from_ms": null,
  "to_ms": null,
  "segments": [],
  "channels": [],
  "path": []
};

/** Every column role, in the order the wizard offers them. */
export const COLUMN_ROLES: Array<ColumnRole> = [
  "customer",
  "timestamp",
  "touchpoint",
  "channel",
  "event_type",
  "value",
  "segment",
  "ignore"
];

/** The roles an import cannot do without. */
export const REQUIRED_ROLES: Array<ColumnRole> = [
  "customer",
  "timestamp",
  "touchpoint"
];

/** The roles at most one column can have. */
export const SINGLE_ROLES: Array<ColumnRole> = [
  "customer",
  "timestamp",
  "touchpoint",
  "channel",
  "event_type",
  "value"
];

/** Every text encoding an import reads. */
export const ENCODINGS: Array<Encoding> = [
  "utf8",
  "utf8_bom",
  "utf16_le",
  "utf16_be",
  "windows1252"
];

/** The fixed timestamp formats, in the order detection tries them. */
export const TIMESTAMP_FORMATS: Array<TimestampFormat> = [
  {
    "kind": "iso"
  },
  {
    "kind": "day_month_year",
    "separator": "/"
  },
  {
    "kind": "month_day_year",
    "separator": "/"
  },
  {
    "kind": "day_month_year",
    "separator": "."
  },
  {
    "kind": "day_month_year",
    "separator": "-"
  },
  {
    "kind": "month_day_year",
    "separator": "-"
  },
  {
    "kind": "epoch_seconds"
  },
  {
    "kind": "epoch_millis"
  },
  {
    "kind": "epoch_micros"
  },
  {
    "kind": "epoch_nanos"
  }
];

/** Every kind of edit with the label the undo history stores. */
export const EDIT_KINDS: Array<EditKindLabel> = [
  {
    "kind": "rename_journey",
    "label": "rename journey"
  },
  {
    "kind": "edit_journey_description",
    "label": "edit journey description"
  },
  {
    "kind": "add_stage",
    "label": "add stage"
  },
  {
    "kind": "rename_stage",
    "label": "rename stage"
  },
  {
    "kind": "reorder_stages",
    "label": "reorder stages"
  },
  {
    "kind": "delete_stage",
    "label": "delete stage"
  },
  {
    "kind": "add_touchpoint",
    "label": "add touchpoint"
  },
  {
    "kind": "edit_touchpoint",
    "label": "edit touchpoint"
  },
  {
    "kind": "move_touchpoint",
    "label": "move touchpoint"
  },
  {
    "kind": "rename_touchpoint",
    "label": "rename touchpoint"
  },
  {
    "kind": "delete_touchpoint",
    "label": "delete touchpoint"
  },
  {
    "kind": "add_transition",
    "label": "add transition"
  },
  {
    "kind": "delete_transition",
    "label": "delete transition"
  },
  {
    "kind": "add_persona",
    "label": "add persona"
  },
  {
    "kind": "edit_persona",
    "label": "edit persona"
  },
  {
    "kind": "delete_persona",
    "label": "delete persona"
  },
  {
    "kind": "delete_selection",
    "label": "delete selection"
  },
  {
    "kind": "paste",
    "label": "paste"
  },
  {
    "kind": "tidy_layout",
    "label": "tidy layout"
  },
  {
    "kind": "several",
    "label": "several edits"
  },
  {
    "kind": "discover_journey",
    "label": "discover journey"
  },
  {
    "kind": "save_view",
    "label": "save view"
  },
  {
    "kind": "update_view",
    "label": "update view"
  },
  {
    "kind": "rename_view",
    "label": "rename view"
  },
  {
    "kind": "reorder_views",
    "label": "reorder views"
  },
  {
    "kind": "delete_view",
    "label": "delete view"
  },
  {
    "kind": "add_note",
    "label": "add note"
  },
  {
    "kind": "delete_note",
    "label": "delete note"
  },
  {
    "kind": "save_story",
    "label": "save story"
  },
  {
    "kind": "update_story",
    "label": "update story"
  },
  {
    "kind": "delete_story",
    "label": "delete story"
  }
];

/** The stage of the touchpoints an import makes from log values when there is no map. */
export const UNASSIGNED_STAGE: string = "Unassigned";

/** The most stages a discovered journey can have. */
export const DISCOVER_MAX_STAGES: number = 10;
