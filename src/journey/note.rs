//! Notes taken in a workshop: a pain point, an opportunity or a question that the room raised
//! about a touchpoint or a stage. Present's N key adds one to what is on screen, and the
//! presentation lists them all at its end.
//!
//! A journey keeps its notes in the order they were taken (see
//! [`crate::journey::Journey::notes`]). Adding or deleting one is an [`crate::edit::Edit`] like
//! any other: stored in the workspace file at once, and undone with the journey's other edits. A
//! note goes with its touchpoint or stage when that is deleted, in the same undo step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{NoteId, StageId, TouchpointId};

/// What a note says about its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    PainPoint,
    Opportunity,
    Question,
}

impl NoteKind {
    pub const ALL: [NoteKind; 3] = [
        NoteKind::PainPoint,
        NoteKind::Opportunity,
        NoteKind::Question,
    ];

    /// The name stored in the workspace and written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::PainPoint => "pain_point",
            NoteKind::Opportunity => "opportunity",
            NoteKind::Question => "question",
        }
    }

    pub fn parse(text: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// What a note is about: a touchpoint, or a stage as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "on", rename_all = "snake_case")]
pub enum NoteTarget {
    Touchpoint { touchpoint: TouchpointId },
    Stage { stage: StageId },
}

/// One note of a workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: NoteId,
    pub target: NoteTarget,
    pub kind: NoteKind,
    pub text: String,
}
