//! Stories: an ordered walk through saved views that a facilitator prepares for a meeting. Each
//! slide is a saved view (see [`super::view`]) with a title and a short note that says what the
//! room should see in it; Present steps through the slides with the arrow keys or a clicker, and
//! the interactive HTML export carries the chosen story.
//!
//! A journey keeps its stories in the order they were made (see
//! [`crate::journey::Journey::stories`]). Saving, updating and deleting one is an
//! [`crate::edit::Edit`] like any other: stored in the workspace file at once, and undone with the
//! journey's other edits. A slide goes with its view when that view is deleted, in the same undo
//! step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{StoryId, ViewId};

/// One story: a title and its slides in the order they are shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Story {
    pub id: StoryId,
    pub title: String,
    pub slides: Vec<StorySlide>,
}

/// One slide of a story: a saved view, the title shown over it, and the facilitator's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StorySlide {
    pub view: ViewId,
    /// The slide's title; empty means the view's name.
    #[serde(default)]
    pub title: String,
    /// What the room should see in this slide, a sentence or two.
    #[serde(default)]
    pub note: String,
}
