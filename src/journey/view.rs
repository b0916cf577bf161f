//! Saved views: named states of Analyze that a facilitator prepares before a workshop and opens
//! in one click during it (this segment and dates, this metric, this touchpoint selected, this
//! part of the map in view).
//!
//! A journey keeps its views in order (see [`crate::journey::Journey::views`]); saving, updating,
//! renaming, moving and deleting one is an [`crate::edit::Edit`] like any other, so it is stored
//! in the workspace file at once and undone with the journey's other edits. The engine reads the
//! filters ([`Params`]); the rest is how the app shows them, kept as the app gave it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{TouchpointId, ViewId};
use crate::analytics::params::{Params, Segment};

/// One saved state of Analyze under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedView {
    pub id: ViewId,
    pub name: String,
    pub state: ViewState,
}

/// What a view restores. A field left unset is absent from the JSON, as its TypeScript type says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ViewState {
    /// The filters: dates, segments, channels, as-of and the inactivity window.
    pub params: Params,
    /// The metric the map is coloured by (`dropoff_rate`, `engagement_rate`, …).
    pub metric: String,
    /// Compare's B side, when Compare is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub compare: Option<CompareState>,
    /// The simplification sliders, in percent; `None` follows the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub transitions_pct: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub touchpoints_pct: Option<u32>,
    /// The touchpoint whose inspector is open.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub selected: Option<TouchpointId>,
    /// The customer whose path is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub customer: Option<String>,
    /// The part of the map in view, in React Flow's terms.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub viewport: Option<Viewport>,
    /// Whether the Trends band is open.
    pub trends: bool,
}

/// What Compare sets against the filters: other segments, or other dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CompareState {
    Segments {
        segments: Vec<Segment>,
    },
    Dates {
        #[ts(type = "number | null")]
        from_ms: Option<i64>,
        #[ts(type = "number | null")]
        to_ms: Option<i64>,
    },
}

/// A map's pan and zoom.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Viewport {
    pub x: f64,
    pub y: f64,
    pub zoom: f64,
}
