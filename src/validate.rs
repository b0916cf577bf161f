//! What may be wrong with a journey map, as warnings: the editor shows them and never refuses a
//! map because of them, since a map is often incomplete while it is drawn.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journey::{Journey, StageId, TouchpointId};
use crate::matching::match_key;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// Touchpoints whose names are the same for log matching (case, accents and spacing
    /// ignored): a log value would always go to the first of them.
    DuplicateTouchpointName {
        name: String,
        touchpoints: Vec<TouchpointId>,
    },
    /// Stages with the same name.
    DuplicateStageName { name: String, stages: Vec<StageId> },
    /// No touchpoint is marked as an entry, so reachability cannot be judged.
    NoEntry,
    /// No path of transitions leads here from any entry.
    Unreachable { touchpoint: TouchpointId },
    /// A goal that no path of transitions from any entry reaches: no customer following the map
    /// can complete the journey there.
    UnreachableGoal { touchpoint: TouchpointId },
}

/// Every warning about `journey`, in a stable order: duplicates, then reachability in
/// touchpoint order.
pub fn validate(journey: &Journey) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut by_key: Vec<(String, Vec<TouchpointId>)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    for t in &journey.touchpoints {
        let key = match_key(&t.name);
        match slot.get(&key) {
            Some(&i) => by_key[i].1.push(t.id),
            None => {
                slot.insert(key, by_key.len());
                by_key.push((t.name.clone(), vec![t.id]));
            }
        }
    }
    warnings.extend(
        by_key
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(name, touchpoints)| Warning::DuplicateTouchpointName { name, touchpoints }),
    );
    let mut stages: Vec<(String, Vec<StageId>)> = Vec::new();
    for s in &journey.stages {
        let key = s.name.trim().to_lowercase();
        match stages
            .iter_mut()
            .find(|(n, _)| n.trim().to_lowercase() == key)
        {
            Some((_, ids)) => ids.push(s.id),
            None => stages.push((s.name.clone(), vec![s.id])),
        }
    }
    warnings.extend(
        stages
            .into_iter()
            .filter(|(_, ids)| ids.len() > 1)
            .map(|(name, stages)| Warning::DuplicateStageName { name, stages }),
    );
    if journey.touchpoints.is_empty() {
        return warnings;
    }
    let entries: Vec<TouchpointId> = journey
        .touchpoints
        .iter()
        .filter(|t| t.entry)
        .map(|t| t.id)
        .collect();
    if entries.is_empty() {
        warnings.push(Warning::NoEntry);
        return warnings;
    }
    let unreachable = journey.graph().unreachable_from(&entries);
    for id in unreachable {
        let goal = journey.touchpoint(id).is_some_and(|t| t.goal);
        warnings.push(if goal {
            Warning::UnreachableGoal { touchpoint: id }
        } else {
            Warning::Unreachable { touchpoint: id }
        });
    }
    warnings
}
