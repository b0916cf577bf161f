//! Whole journeys that come into the workspace or leave it: journey files and templates.
//!
//! They live here with the rest of `impl Workspace`, and go in through
//! [`Workspace::insert_journey_value`], so a file or a template is checked like any edit.

use super::Workspace;
use crate::document::JourneyFile;
use crate::error::Result;
use crate::journey::JourneyId;
use crate::templates;

impl Workspace {
    /// Adds a new journey, a copy of the template `key`, and returns its id.
    pub fn new_journey_from_template(&mut self, key: &str) -> Result<JourneyId> {
        self.insert_journey_value(&templates::find(key)?.journey())
    }

    /// The journey file of `journey`.
    pub fn export_journey(&self, journey: JourneyId) -> Result<JourneyFile> {
        JourneyFile::of(&self.journey(journey)?)
    }

    /// Stores the journey of `file` as a new journey and returns its id.
    pub fn import_journey(&mut self, file: &JourneyFile) -> Result<JourneyId> {
        self.insert_journey_value(&file.to_journey()?)
    }
}
