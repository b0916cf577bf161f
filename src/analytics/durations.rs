//! Median and p90 of the time to next, per transition and per touchpoint, from the durations
//! that the scan's ranges recorded.
//!
//! The durations are placed once into one flat column grouped by transition, with transitions
//! ordered by (from, to): each transition's sample is then one slice, and each touchpoint's
//! sample (the pool of the transitions out of it) is one slice too. Selection works in place, on
//! all cores, without copying a sample again.

use super::parallel::map_parallel;
use super::quantile::quantile_s;
use super::scan::Transitions;

/// (median, p90) in seconds; `None` for an empty sample.
pub type MedianP90 = (Option<f64>, Option<f64>);

pub(crate) struct NextQuantiles {
    /// By transition slot.
    pub transition: Vec<MedianP90>,
    /// By place.
    pub place: Vec<MedianP90>,
}

pub(crate) fn next_quantiles(places: usize, transitions: &mut Transitions) -> NextQuantiles {
    let slots = transitions.pairs.len();
    let mut by_position: Vec<usize> = (0..slots).collect();
    by_position.sort_by_key(|&s| transitions.pairs[s]);
    let mut offsets = vec![0usize; slots + 1];
    for (position, &slot) in by_position.iter().enumerate() {
        let count = usize::try_from(transitions.count[slot]).unwrap_or(usize::MAX);
        offsets[position + 1] = offsets[position].saturating_add(count);
    }
    let mut flat = group_by_transition(transitions, &by_position, &offsets);

    let samples = split_at_offsets(&mut flat, &offsets);
    let by_transition = map_parallel(samples, |s| s.len(), median_p90);
    let mut transition = vec![(None, None); slots];
    for (position, q) in by_transition.into_iter().enumerate() {
        transition[by_position[position]] = q;
    }

    // Transitions out of one place are adjacent: the place's pool ends where the next place's
    // transitions begin.
    let mut place_offsets = vec![0usize; places + 1];
    let mut position = 0;
    for p in 0..places {
        while position < slots && transitions.pairs[by_position[position]].0 as usize <= p {
            position += 1;
        }
        place_offsets[p + 1] = offsets[position];
    }
    let pools = split_at_offsets(&mut flat, &place_offsets);
    let place = map_parallel(pools, |s| s.len(), median_p90);
    NextQuantiles { transition, place }
}

fn median_p90(sample: &mut [i64]) -> MedianP90 {
    (quantile_s(sample, 0.5), quantile_s(sample, 0.9))
}

/// Every recorded duration, placed in its transition's slice of one column.
fn group_by_transition(
    transitions: &mut Transitions,
    by_position: &[usize],
    offsets: &[usize],
) -> Vec<i64> {
    let mut position_of = vec![0usize; by_position.len()];
    for (position, &slot) in by_position.iter().enumerate() {
        position_of[slot] = position;
    }
    let mut cursor = offsets[..by_position.len()].to_vec();
    let mut flat = vec![0i64; offsets.last().copied().unwrap_or(0)];
    for part in transitions.pending.drain(..) {
        for (&slot, &ms) in part.slots.iter().zip(&part.ms) {
            let Some(&merged) = part.remap.get(slot as usize) else {
                continue;
            };
            let position = position_of[merged as usize];
            if let Some(cell) = flat.get_mut(cursor[position]) {
                *cell = ms;
                cursor[position] += 1;
            }
        }
    }
    flat
}

fn split_at_offsets<'a>(mut rest: &'a mut [i64], offsets: &[usize]) -> Vec<&'a mut [i64]> {
    let mut slices = Vec::with_capacity(offsets.len().saturating_sub(1));
    for w in offsets.windows(2) {
        let n = (w[1] - w[0]).min(rest.len());
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(n);
        slices.push(head);
        rest = tail;
    }
    slices
}
