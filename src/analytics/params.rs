//! The question a report answers, as plain data: the dates, segments and channels it keeps, the
//! as-of instant and the inactivity window. Saved views ([`crate::journey::view`]) store it, so it
//! depends on nothing else of the analytics.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The inputs of a report, as the CLI and the app give them. Instants are UTC milliseconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Params {
    /// Default: the latest event instant in the filtered log.
    #[ts(type = "number | null")]
    pub as_of_ms: Option<i64>,
    pub inactive_days: u32,
    /// Keeps events at or after this instant.
    #[ts(type = "number | null")]
    pub from_ms: Option<i64>,
    /// Keeps events strictly before this instant.
    #[ts(type = "number | null")]
    pub to_ms: Option<i64>,
    pub segments: Vec<Segment>,
    /// Keeps events whose channel is one of these (all events when empty).
    pub channels: Vec<String>,
    /// Keeps the customers whose complete path, the places of their events that the dates and
    /// channels keep, is exactly this sequence of names (all customers when empty): the
    /// customers of one of [`super::Analysis::variants`].
    pub path: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            as_of_ms: None,
            inactive_days: 30,
            from_ms: None,
            to_ms: None,
            segments: Vec::new(),
            channels: Vec::new(),
            path: Vec::new(),
        }
    }
}

/// Keeps customers whose `attribute` is `value`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Segment {
    pub attribute: String,
    pub value: String,
}
