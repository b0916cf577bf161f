//! The journey analytics uses when a workspace has no designed map: metrics.md says that then
//! every log value becomes a touchpoint of stage "Unassigned", so the numbers are there before
//! anyone draws a map.

use crate::journey::{Channel, Journey, JourneyId, Kind, Stage, StageId, Touchpoint, TouchpointId};
use crate::log::EventLog;

use crate::journey::UNASSIGNED_STAGE as UNASSIGNED;

/// One stage, "Unassigned", with one touchpoint per distinct log value, in order of first
/// appearance, and no designed transitions. Its ids are not rows of any workspace.
pub fn unassigned_journey(log: &EventLog) -> Journey {
    unassigned_journey_of(log.touchpoints.values())
}

/// The same journey over `values`, in the order given.
pub fn unassigned_journey_of(values: &[String]) -> Journey {
    let stage = StageId(0);
    let touchpoints = values
        .iter()
        .enumerate()
        .map(|(i, value)| Touchpoint {
            id: TouchpointId(i as i64 + 1),
            stage,
            name: value.clone(),
            channel: Channel::Other,
            kind: Kind::Digital,
            x: 0.0,
            y: 0.0,
            ..Touchpoint::default()
        })
        .collect();
    Journey {
        id: JourneyId(0),
        name: UNASSIGNED.to_owned(),
        description: "Every log value, before a map is drawn".to_owned(),
        personas: Vec::new(),
        stages: vec![Stage {
            id: stage,
            name: UNASSIGNED.to_owned(),
        }],
        touchpoints,
        transitions: Vec::new(),
        views: Vec::new(),
        notes: Vec::new(),
        stories: Vec::new(),
    }
}
