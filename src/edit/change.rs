//! The undo diffing: the rows that differ between two values of one journey, which the workspace
//! stores for each edit and replays for undo and redo.

use std::collections::HashMap;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

use super::Created;
use crate::journey::view::SavedView;
use crate::journey::{Journey, Note, Persona, Stage, Story, Touchpoint, Transition};

/// A row before and after a change; `None` where the row does not exist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct RowChange<T> {
    pub before: Option<T>,
    pub after: Option<T>,
}

impl<T: Clone> RowChange<T> {
    fn reversed(&self) -> Self {
        RowChange {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// A stage with its place in the stage order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedStage {
    pub stage: Stage,
    pub position: usize,
}

/// A saved view with its place in the list of views.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedView {
    pub view: SavedView,
    pub position: usize,
}

/// A workshop note with its place in the order notes were taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedNote {
    pub note: Note,
    pub position: usize,
}

/// A story with its place in the list of stories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedStory {
    pub story: Story,
    pub position: usize,
}

fn placed_stories(journey: &Journey) -> Vec<PlacedStory> {
    journey
        .stories
        .iter()
        .enumerate()
        .map(|(position, s)| PlacedStory {
            story: s.clone(),
            position,
        })
        .collect()
}

fn placed_notes(journey: &Journey) -> Vec<PlacedNote> {
    journey
        .notes
        .iter()
        .enumerate()
        .map(|(position, n)| PlacedNote {
            note: n.clone(),
            position,
        })
        .collect()
}

fn placed_views(journey: &Journey) -> Vec<PlacedView> {
    journey
        .views
        .iter()
        .enumerate()
        .map(|(position, v)| PlacedView {
            view: v.clone(),
            position,
        })
        .collect()
}

/// A journey's name and description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Header {
    pub name: String,
    pub description: String,
}

/// The rows that differ between two values of one journey: what the workspace stores for an edit
/// and what undo and redo replay.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Change {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<RowChange<Header>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<RowChange<PlacedStage>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touchpoints: Vec<RowChange<Touchpoint>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<RowChange<Transition>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<RowChange<Persona>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub views: Vec<RowChange<PlacedView>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<RowChange<PlacedNote>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<RowChange<PlacedStory>>,
}

impl Change {
    pub(crate) fn between(before: &Journey, after: &Journey) -> Change {
        let header = |j: &Journey| Header {
            name: j.name.clone(),
            description: j.description.clone(),
        };
        let (h0, h1) = (header(before), header(after));
        let placed = |j: &Journey| -> Vec<PlacedStage> {
            j.stages
                .iter()
                .enumerate()
                .map(|(position, s)| PlacedStage {
                    stage: s.clone(),
                    position,
                })
                .collect()
        };
        Change {
            header: (h0 != h1).then_some(RowChange {
                before: Some(h0),
                after: Some(h1),
            }),
            stages: rows_between(&placed(before), &placed(after), |s| s.stage.id),
            touchpoints: rows_between(&before.touchpoints, &after.touchpoints, |t| t.id),
            transitions: rows_between(&before.transitions, &after.transitions, |t| t.id),
            personas: rows_between(&before.personas, &after.personas, |p| p.id),
            views: rows_between(&placed_views(before), &placed_views(after), |v| v.view.id),
            notes: rows_between(&placed_notes(before), &placed_notes(after), |n| n.note.id),
            stories: rows_between(&placed_stories(before), &placed_stories(after), |s| {
                s.story.id
            }),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.header.is_none()
            && self.stages.is_empty()
            && self.touchpoints.is_empty()
            && self.transitions.is_empty()
            && self.personas.is_empty()
            && self.views.is_empty()
            && self.notes.is_empty()
            && self.stories.is_empty()
    }

    pub(crate) fn reversed(&self) -> Change {
        Change {
            header: self.header.as_ref().map(RowChange::reversed),
            stages: self.stages.iter().map(RowChange::reversed).collect(),
            touchpoints: self.touchpoints.iter().map(RowChange::reversed).collect(),
            transitions: self.transitions.iter().map(RowChange::reversed).collect(),
            personas: self.personas.iter().map(RowChange::reversed).collect(),
            views: self.views.iter().map(RowChange::reversed).collect(),
            notes: self.notes.iter().map(RowChange::reversed).collect(),
            stories: self.stories.iter().map(RowChange::reversed).collect(),
        }
    }

    /// Whether `journey` is in the state this change starts from, row by row: if not, the
    /// journey was changed elsewhere and replaying the change would overwrite that.
    pub(crate) fn starts_from(&self, journey: &Journey) -> bool {
        if let Some(h) = &self.header {
            let now = Header {
                name: journey.name.clone(),
                description: journey.description.clone(),
            };
            if h.before.as_ref() != Some(&now) {
                return false;
            }
        }
        let stages: Vec<PlacedStage> = journey
            .stages
            .iter()
            .enumerate()
            .map(|(position, s)| PlacedStage {
                stage: s.clone(),
                position,
            })
            .collect();
        rows_match(&self.stages, &stages, |s| s.stage.id)
            && rows_match(&self.touchpoints, &journey.touchpoints, |t| t.id)
            && rows_match(&self.transitions, &journey.transitions, |t| t.id)
            && rows_match(&self.personas, &journey.personas, |p| p.id)
            && rows_match(&self.views, &placed_views(journey), |v| v.view.id)
            && rows_match(&self.notes, &placed_notes(journey), |n| n.note.id)
            && rows_match(&self.stories, &placed_stories(journey), |s| s.story.id)
    }

    /// What the change created, for the UI to select.
    pub(crate) fn created(&self) -> Created {
        fn added<T, I>(rows: &[RowChange<T>], id: impl Fn(&T) -> I) -> Vec<I> {
            rows.iter()
                .filter(|r| r.before.is_none())
                .filter_map(|r| r.after.as_ref().map(&id))
                .collect()
        }
        Created {
            stages: added(&self.stages, |s| s.stage.id),
            touchpoints: added(&self.touchpoints, |t| t.id),
            transitions: added(&self.transitions, |t| t.id),
            personas: added(&self.personas, |p| p.id),
            views: added(&self.views, |v| v.view.id),
            notes: added(&self.notes, |n| n.note.id),
            stories: added(&self.stories, |s| s.story.id),
        }
    }
}

fn rows_between<T: Clone + PartialEq, I: Hash + Eq + Copy>(
    before: &[T],
    after: &[T],
    id: impl Fn(&T) -> I,
) -> Vec<RowChange<T>> {
    let old: HashMap<I, &T> = before.iter().map(|r| (id(r), r)).collect();
    let new: HashMap<I, &T> = after.iter().map(|r| (id(r), r)).collect();
    let mut changes: Vec<RowChange<T>> = before
        .iter()
        .filter(|r| !new.contains_key(&id(r)))
        .map(|r| RowChange {
            before: Some(r.clone()),
            after: None,
        })
        .collect();
    for r in after {
        match old.get(&id(r)) {
            Some(o) if *o == r => {}
            o => changes.push(RowChange {
                before: o.map(|o| (*o).clone()),
                after: Some(r.clone()),
            }),
        }
    }
    changes
}

fn rows_match<T: PartialEq, I: Hash + Eq + Copy>(
    changes: &[RowChange<T>],
    now: &[T],
    id: impl Fn(&T) -> I,
) -> bool {
    if changes.is_empty() {
        return true;
    }
    let now: HashMap<I, &T> = now.iter().map(|r| (id(r), r)).collect();
    changes.iter().all(|c| {
        let key = c.before.as_ref().or(c.after.as_ref()).map(&id);
        let current = key.and_then(|k| now.get(&k).copied());
        current == c.before.as_ref()
    })
}
