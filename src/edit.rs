//! Edits of a journey as engine operations.
//!
//! Every change the design editor makes is an [`Edit`]. The workspace applies it to the journey
//! in memory (checking it on the way: a bad edit changes nothing), stores the rows that changed as
//! one SQLite transaction and keeps those rows, before and after, as one step of the journey's
//! undo history (see [`crate::workspace::Workspace::apply`]). This module holds the pure part, one
//! job per file:
//! - here, the edits the editor sends and what it gets back;
//! - `apply.rs`, the rules: what an edit does to a [`Journey`] value, and what it refuses;
//! - `change.rs`, the undo diffing: the [`Change`] between two journey values, stored and replayed;
//! - `kind.rs`, the kind of each edit, which the UI words in its own language.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journey::view::ViewState;
use crate::journey::{
    Channel, Journey, Kind, Kpi, NoteId, NoteKind, NoteTarget, Opportunity, Persona, PersonaId,
    StageId, StoryId, StorySlide, Touchpoint, TouchpointId, TransitionId, ViewId,
};
use crate::validate::Warning;

mod apply;
mod change;
mod kind;
pub(crate) use apply::{Ids, Table};
pub(crate) use change::{Change, RowChange};
pub use kind::EditKind;

/// One step of the design editor, applied as one transaction and undone as one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    RenameJourney {
        name: String,
    },
    SetJourneyDescription {
        description: String,
    },
    /// A new stage at `position` (0 = first lane), or after the last one.
    AddStage {
        name: String,
        position: Option<u32>,
    },
    RenameStage {
        stage: StageId,
        name: String,
    },
    /// Moves a stage to `position` in the stage order (0 = first lane).
    MoveStage {
        stage: StageId,
        position: u32,
    },
    /// Deletes a stage. A stage holding touchpoints needs `move_touchpoints_to`, the stage they
    /// go to (keeping their place inside the lane).
    DeleteStage {
        stage: StageId,
        move_touchpoints_to: Option<StageId>,
    },
    /// Adds a touchpoint with every field as given; its `id` is ignored and a new one given.
    AddTouchpoint {
        touchpoint: Touchpoint,
    },
    /// Adds a touchpoint for a log value that matched none: named after the value, of the kind
    /// its channel usually has, on the first free slot of that kind's band in `stage` (the
    /// journey's first stage when not given; a journey without stages gets one, "Unassigned").
    AddTouchpointForValue {
        value: String,
        channel: Channel,
        stage: Option<StageId>,
    },
    /// Replaces every field of the touchpoint with this `id`.
    UpdateTouchpoint {
        touchpoint: Touchpoint,
    },
    /// Places a touchpoint in a lane (possibly another stage's) at `x`, `y`.
    MoveTouchpoint {
        touchpoint: TouchpointId,
        stage: StageId,
        x: f64,
        y: f64,
    },
    SetTouchpointField {
        touchpoint: TouchpointId,
        field: TouchpointField,
    },
    /// Deletes a touchpoint and every transition from or to it.
    DeleteTouchpoint {
        touchpoint: TouchpointId,
    },
    AddTransition {
        from: TouchpointId,
        to: TouchpointId,
    },
    DeleteTransition {
        transition: TransitionId,
    },
    /// Adds a persona; its `id` is ignored and a new one given.
    AddPersona {
        persona: Persona,
    },
    /// Replaces every field of the persona with this `id`.
    UpdatePersona {
        persona: Persona,
    },
    DeletePersona {
        persona: PersonaId,
    },
    /// Deletes a selection: the touchpoints (with their transitions) and the transitions.
    Delete {
        touchpoints: Vec<TouchpointId>,
        transitions: Vec<TransitionId>,
    },
    /// Pastes copied touchpoints (their ids are ignored) and the transitions between them, given
    /// as indices into `touchpoints`.
    Paste {
        touchpoints: Vec<Touchpoint>,
        transitions: Vec<PastedTransition>,
    },
    /// Several edits as one step: all apply or none does.
    Batch {
        edits: Vec<Edit>,
    },
    /// Puts every touchpoint back on the slots of its own lane and band (see
    /// [`crate::layout::tidy`]); no touchpoint changes stage or kind.
    Tidy,
    /// Saves a state of Analyze as a new view, after the last one.
    SaveView {
        name: String,
        state: ViewState,
    },
    /// Replaces a view's state with `state` (the view as it is on screen now).
    UpdateView {
        view: ViewId,
        state: ViewState,
    },
    RenameView {
        view: ViewId,
        name: String,
    },
    /// Moves a view to `position` in the list of views (0 = first).
    MoveView {
        view: ViewId,
        position: u32,
    },
    DeleteView {
        view: ViewId,
    },
    /// Adds a workshop note on a touchpoint or a stage, after the last one.
    AddNote {
        target: NoteTarget,
        kind: NoteKind,
        text: String,
    },
    DeleteNote {
        note: NoteId,
    },
    /// Saves a new story after the last one: its title and its slides, each a saved view.
    SaveStory {
        title: String,
        slides: Vec<StorySlide>,
    },
    /// Replaces a story's title and slides (a slide added, moved, retitled or removed).
    UpdateStory {
        story: StoryId,
        title: String,
        slides: Vec<StorySlide>,
    },
    DeleteStory {
        story: StoryId,
    },
}

/// A transition between two pasted touchpoints, by their index in the paste.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PastedTransition {
    pub from: u32,
    pub to: u32,
}

/// One field of a touchpoint and its new value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum TouchpointField {
    Name(String),
    Channel(Channel),
    Kind(Kind),
    Description(String),
    Owner(String),
    Emotion(Option<i8>),
    PainPoints(Vec<String>),
    Opportunities(Vec<Opportunity>),
    Kpis(Vec<Kpi>),
    Entry(bool),
    Goal(bool),
    Aliases(Vec<String>),
}

impl Edit {
    /// A short name of the edit, stored with it in the history ("Undo rename stage").
    pub fn label(&self) -> &'static str {
        self.kind().label()
    }
}

/// The rows an edit created, so the UI can select what was just added or pasted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct Created {
    pub stages: Vec<StageId>,
    pub touchpoints: Vec<TouchpointId>,
    pub transitions: Vec<TransitionId>,
    pub personas: Vec<PersonaId>,
    pub views: Vec<ViewId>,
    pub notes: Vec<NoteId>,
    pub stories: Vec<StoryId>,
}

/// What undo and redo would do next, for the Edit menu.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct History {
    /// The label of the edit that undo would revert.
    pub undo: Option<String>,
    /// The label of the edit that redo would apply again.
    pub redo: Option<String>,
}

/// The journey after an edit, undo or redo, with what the editor shows around it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Edited {
    pub journey: Journey,
    pub warnings: Vec<Warning>,
    pub history: History,
    pub created: Created,
    /// False when nothing changed (an edit that set what was already there, or nothing to undo).
    pub changed: bool,
}
