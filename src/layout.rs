//! Where touchpoints sit inside their lane: the slots that templates and touchpoints made from
//! log values use, and the "tidy" command that puts every touchpoint of a journey back on them
//! without moving it to another stage.
//!
//! A touchpoint's `x`/`y` are offsets inside its stage's lane and its kind's band (see the map's
//! geometry in `ui/src/map/layout.ts`): slots go down the band in rows, alternately left and a
//! little right, so that arrows between consecutive rows stay visible.

use std::collections::{HashMap, HashSet, VecDeque};

use crate::journey::{Journey, Kind, StageId, TouchpointId};

/// Offset of the left slots from the lane's left edge.
pub const LEFT: f64 = 40.0;
/// How much further right every other row sits.
pub const STAGGER: f64 = 70.0;
/// Offset of the first row from the band's top.
pub const TOP: f64 = 30.0;
/// Distance between rows.
pub const ROW: f64 = 110.0;

/// The position of the `row`-th touchpoint of a band.
pub fn slot(row: usize) -> (f64, f64) {
    (LEFT + STAGGER * (row % 2) as f64, TOP + ROW * row as f64)
}

/// The first slot of the band of `kind` in `stage` that no touchpoint of that band occupies: a
/// touchpoint occupies the row nearest to its height, wherever it was dragged to, so a new one
/// never lands on top of another.
pub fn first_free_slot(journey: &Journey, stage: StageId, kind: Kind) -> (f64, f64) {
    let taken: HashSet<i64> = journey
        .touchpoints
        .iter()
        .filter(|t| t.stage == stage && t.kind == kind)
        .map(|t| ((t.y - TOP) / ROW).round() as i64)
        .collect();
    let free = (0..).find(|row| !taken.contains(row)).unwrap_or(0);
    slot(usize::try_from(free).unwrap_or(0))
}

/// Puts every touchpoint on the slots of its own lane and band, ordered by how many transitions
/// separate it from the nearest entry (then by its current height, then by id), so the map reads
/// top-down in the order customers meet the touchpoints. Stages and kinds never change.
pub fn tidy(journey: &mut Journey) {
    let depth = depth_from_entries(journey);
    let mut bands: HashMap<(StageId, Kind), Vec<usize>> = HashMap::new();
    for (i, t) in journey.touchpoints.iter().enumerate() {
        bands.entry((t.stage, t.kind)).or_default().push(i);
    }
    for members in bands.values_mut() {
        members.sort_by(|&a, &b| {
            let (ta, tb) = (&journey.touchpoints[a], &journey.touchpoints[b]);
            let (da, db) = (depth.get(&ta.id), depth.get(&tb.id));
            // Reachable ones first, nearest to an entry first.
            (da.is_none(), da)
                .cmp(&(db.is_none(), db))
                .then(ta.y.total_cmp(&tb.y))
                .then(ta.id.cmp(&tb.id))
        });
        for (row, &i) in members.iter().enumerate() {
            let (x, y) = slot(row);
            journey.touchpoints[i].x = x;
            journey.touchpoints[i].y = y;
        }
    }
}

/// The number of transitions on the shortest path from any entry, for reachable touchpoints.
fn depth_from_entries(journey: &Journey) -> HashMap<TouchpointId, usize> {
    let mut next: HashMap<TouchpointId, Vec<TouchpointId>> = HashMap::new();
    for t in &journey.transitions {
        next.entry(t.from).or_default().push(t.to);
    }
    let mut depth = HashMap::new();
    let mut queue = VecDeque::new();
    for t in journey.touchpoints.iter().filter(|t| t.entry) {
        depth.insert(t.id, 0);
        queue.push_back(t.id);
    }
    while let Some(at) = queue.pop_front() {
        let d = depth[&at] + 1;
        for &to in next.get(&at).into_iter().flatten() {
            if let std::collections::hash_map::Entry::Vacant(slot) = depth.entry(to) {
                slot.insert(d);
                queue.push_back(to);
            }
        }
    }
    depth
}
