//! What kind of change an edit is: the undo history stores and shows it, and the UI names it in
//! its own language by kind rather than by the English label.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Edit, TouchpointField};

/// What kind of change an [`Edit`] is; each kind has one English label (see [`Edit::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    RenameJourney,
    EditJourneyDescription,
    AddStage,
    RenameStage,
    ReorderStages,
    DeleteStage,
    AddTouchpoint,
    EditTouchpoint,
    MoveTouchpoint,
    RenameTouchpoint,
    DeleteTouchpoint,
    AddTransition,
    DeleteTransition,
    AddPersona,
    EditPersona,
    DeletePersona,
    DeleteSelection,
    Paste,
    TidyLayout,
    /// A batch of more than one edit.
    Several,
    /// A journey's whole content as discovery proposed it (see
    /// [`crate::workspace::Workspace::insert_discovered_journey`]).
    DiscoverJourney,
    SaveView,
    UpdateView,
    RenameView,
    ReorderViews,
    DeleteView,
    AddNote,
    DeleteNote,
    SaveStory,
    UpdateStory,
    DeleteStory,
}

impl EditKind {
    /// Every kind, for the UI's table of names.
    pub const ALL: [EditKind; 31] = [
        EditKind::RenameJourney,
        EditKind::EditJourneyDescription,
        EditKind::AddStage,
        EditKind::RenameStage,
        EditKind::ReorderStages,
        EditKind::DeleteStage,
        EditKind::AddTouchpoint,
        EditKind::EditTouchpoint,
        EditKind::MoveTouchpoint,
        EditKind::RenameTouchpoint,
        EditKind::DeleteTouchpoint,
        EditKind::AddTransition,
        EditKind::DeleteTransition,
        EditKind::AddPersona,
        EditKind::EditPersona,
        EditKind::DeletePersona,
        EditKind::DeleteSelection,
        EditKind::Paste,
        EditKind::TidyLayout,
        EditKind::Several,
        EditKind::DiscoverJourney,
        EditKind::SaveView,
        EditKind::UpdateView,
        EditKind::RenameView,
        EditKind::ReorderViews,
        EditKind::DeleteView,
        EditKind::AddNote,
        EditKind::DeleteNote,
        EditKind::SaveStory,
        EditKind::UpdateStory,
        EditKind::DeleteStory,
    ];

    /// The short English name stored with an edit in the history ("Undo rename stage").
    pub fn label(self) -> &'static str {
        match self {
            EditKind::RenameJourney => "rename journey",
            EditKind::EditJourneyDescription => "edit journey description",
            EditKind::AddStage => "add stage",
            EditKind::RenameStage => "rename stage",
            EditKind::ReorderStages => "reorder stages",
            EditKind::DeleteStage => "delete stage",
            EditKind::AddTouchpoint => "add touchpoint",
            EditKind::EditTouchpoint => "edit touchpoint",
            EditKind::MoveTouchpoint => "move touchpoint",
            EditKind::RenameTouchpoint => "rename touchpoint",
            EditKind::DeleteTouchpoint => "delete touchpoint",
            EditKind::AddTransition => "add transition",
            EditKind::DeleteTransition => "delete transition",
            EditKind::AddPersona => "add persona",
            EditKind::EditPersona => "edit persona",
            EditKind::DeletePersona => "delete persona",
            EditKind::DeleteSelection => "delete selection",
            EditKind::Paste => "paste",
            EditKind::TidyLayout => "tidy layout",
            EditKind::Several => "several edits",
            EditKind::DiscoverJourney => "discover journey",
            EditKind::SaveView => "save view",
            EditKind::UpdateView => "update view",
            EditKind::RenameView => "rename view",
            EditKind::ReorderViews => "reorder views",
            EditKind::DeleteView => "delete view",
            EditKind::AddNote => "add note",
            EditKind::DeleteNote => "delete note",
            EditKind::SaveStory => "save story",
            EditKind::UpdateStory => "update story",
            EditKind::DeleteStory => "delete story",
        }
    }
}

impl Edit {
    /// What kind of change this edit is; a batch of one edit is that edit's kind.
    pub fn kind(&self) -> EditKind {
        match self {
            Edit::RenameJourney { .. } => EditKind::RenameJourney,
            Edit::SetJourneyDescription { .. } => EditKind::EditJourneyDescription,
            Edit::AddStage { .. } => EditKind::AddStage,
            Edit::RenameStage { .. } => EditKind::RenameStage,
            Edit::MoveStage { .. } => EditKind::ReorderStages,
            Edit::DeleteStage { .. } => EditKind::DeleteStage,
            Edit::AddTouchpoint { .. } | Edit::AddTouchpointForValue { .. } => {
                EditKind::AddTouchpoint
            }
            Edit::UpdateTouchpoint { .. } => EditKind::EditTouchpoint,
            Edit::MoveTouchpoint { .. } => EditKind::MoveTouchpoint,
            Edit::SetTouchpointField { field, .. } => match field {
                TouchpointField::Name(_) => EditKind::RenameTouchpoint,
                _ => EditKind::EditTouchpoint,
            },
            Edit::DeleteTouchpoint { .. } => EditKind::DeleteTouchpoint,
            Edit::AddTransition { .. } => EditKind::AddTransition,
            Edit::DeleteTransition { .. } => EditKind::DeleteTransition,
            Edit::AddPersona { .. } => EditKind::AddPersona,
            Edit::UpdatePersona { .. } => EditKind::EditPersona,
            Edit::DeletePersona { .. } => EditKind::DeletePersona,
            Edit::Delete { .. } => EditKind::DeleteSelection,
            Edit::Paste { .. } => EditKind::Paste,
            Edit::Tidy => EditKind::TidyLayout,
            Edit::SaveView { .. } => EditKind::SaveView,
            Edit::UpdateView { .. } => EditKind::UpdateView,
            Edit::RenameView { .. } => EditKind::RenameView,
            Edit::MoveView { .. } => EditKind::ReorderViews,
            Edit::DeleteView { .. } => EditKind::DeleteView,
            Edit::AddNote { .. } => EditKind::AddNote,
            Edit::DeleteNote { .. } => EditKind::DeleteNote,
            Edit::SaveStory { .. } => EditKind::SaveStory,
            Edit::UpdateStory { .. } => EditKind::UpdateStory,
            Edit::DeleteStory { .. } => EditKind::DeleteStory,
            Edit::Batch { edits } => match edits.as_slice() {
                [one] => one.kind(),
                _ => EditKind::Several,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_label() {
        let labels: std::collections::HashSet<&str> =
            EditKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(labels.len(), EditKind::ALL.len());
    }
}
