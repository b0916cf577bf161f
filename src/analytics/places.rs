//! Where events happen: the journey's touchpoints, then the log values that match none of them.
//!
//! Every engine resolves log values to places the same way, here: the local one against its
//! dictionary of values, the Spark one against the distinct values of a table. So a value is
//! mapped, or listed as unmapped, alike wherever the numbers are computed.

use std::collections::HashSet;

use crate::journey::{Journey, StageId, TouchpointId};
use crate::matching::TouchpointMatcher;

use super::{as_u32, PlaceRef, NO_STAGE};
use crate::error::{Error, Result};

/// The places of one journey over some log values. Place `i < node_count` is
/// `journey.touchpoints[i]`; the places after it are unmapped log values, in the order given.
#[derive(Debug, Clone)]
pub(crate) struct Places {
    pub journey: Journey,
    pub node_count: usize,
    pub names: Vec<String>,
    /// The stage position of each place; [`NO_STAGE`] for an unmapped value.
    pub stage: Vec<u32>,
    pub goal: Vec<bool>,
    /// Designed transitions as pairs of places.
    pub designed: HashSet<(u32, u32)>,
}

impl Places {
    /// Resolves `values` against `journey`, by name or alias (see [`crate::matching`]), and
    /// returns the places with the place of each value.
    pub fn resolve<'a>(
        journey: &Journey,
        values: impl IntoIterator<Item = &'a str>,
    ) -> (Places, Vec<u32>) {
        let matcher = TouchpointMatcher::new(journey);
        let node_count = journey.touchpoints.len();
        let mut names: Vec<String> = journey.touchpoints.iter().map(|t| t.name.clone()).collect();
        let place_of_value = values
            .into_iter()
            .map(|value| {
                let index = matcher
                    .find(value)
                    .and_then(|id| journey.touchpoints.iter().position(|t| t.id == id));
                match index {
                    Some(i) => as_u32(i),
                    None => {
                        names.push(value.to_owned());
                        as_u32(names.len() - 1)
                    }
                }
            })
            .collect();
        let mut stage: Vec<u32> = journey
            .touchpoints
            .iter()
            .map(|t| journey.stage_position(t.stage).map_or(NO_STAGE, as_u32))
            .collect();
        stage.resize(names.len(), NO_STAGE);
        let mut goal: Vec<bool> = journey.touchpoints.iter().map(|t| t.goal).collect();
        goal.resize(names.len(), false);
        let position = |id: TouchpointId| journey.touchpoints.iter().position(|t| t.id == id);
        let designed = journey
            .transitions
            .iter()
            .filter_map(|t| Some((as_u32(position(t.from)?), as_u32(position(t.to)?))))
            .collect();
        let places = Places {
            journey: journey.clone(),
            node_count,
            names,
            stage,
            goal,
            designed,
        };
        (places, place_of_value)
    }

    pub fn count(&self) -> usize {
        self.names.len()
    }

    pub fn stage_count(&self) -> usize {
        self.journey.stages.len()
    }

    pub fn is_node(&self, place: u32) -> bool {
        (place as usize) < self.node_count
    }

    pub fn name(&self, place: u32) -> &str {
        self.names.get(place as usize).map_or("", String::as_str)
    }

    pub fn stage_of(&self, place: u32) -> u32 {
        self.stage.get(place as usize).copied().unwrap_or(NO_STAGE)
    }

    pub fn is_goal(&self, place: u32) -> bool {
        self.goal.get(place as usize).copied().unwrap_or(false)
    }

    pub fn stage_name(&self, position: u32) -> Option<&str> {
        self.journey
            .stages
            .get(position as usize)
            .map(|s| s.name.as_str())
    }

    pub fn stage_id(&self, position: u32) -> Option<StageId> {
        self.journey.stages.get(position as usize).map(|s| s.id)
    }

    pub fn touchpoint_id(&self, place: u32) -> Option<TouchpointId> {
        self.journey.touchpoints.get(place as usize).map(|t| t.id)
    }

    /// The place of a touchpoint of the journey.
    pub fn of_touchpoint(&self, id: TouchpointId) -> Result<u32> {
        self.journey
            .touchpoints
            .iter()
            .position(|t| t.id == id)
            .map(as_u32)
            .ok_or(Error::NotFound {
                what: "touchpoint",
                id: id.0,
            })
    }

    /// The position of a stage of the journey.
    pub fn of_stage(&self, id: StageId) -> Result<u32> {
        self.journey
            .stage_position(id)
            .map(as_u32)
            .filter(|&s| s != NO_STAGE)
            .ok_or(Error::NotFound {
                what: "stage",
                id: id.0,
            })
    }

    /// The place of a touchpoint or of an unmapped log value.
    pub fn of(&self, place: &PlaceRef) -> Result<u32> {
        match place {
            PlaceRef::Touchpoint(id) => self.of_touchpoint(*id),
            PlaceRef::Unmapped(value) => (self.node_count..self.count())
                .find(|&p| self.names[p] == *value)
                .map(as_u32)
                .ok_or_else(|| {
                    Error::InvalidInput(format!("\"{value}\" is not an unmapped value of this log"))
                }),
        }
    }
}
