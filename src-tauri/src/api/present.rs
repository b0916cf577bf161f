//! Present mode's handlers.

use percorso::analytics::{Params, Replay};
use percorso::journey::JourneyId;

use crate::error::ApiResult;
use crate::state::AppState;

/// Dots drawn at most: smooth on a laptop, dense enough to show the flow.
pub const REPLAY_CUSTOMERS: usize = 10_000;
/// Steps of the replay's counters.
pub const REPLAY_BINS: usize = 400;

/// The replay of `journey` on what `params` keep.
pub fn replay(state: &AppState, journey: JourneyId, params: &Params) -> ApiResult<Replay> {
    Ok(state
        .lock()?
        .analysis(journey)?
        .replay(params, REPLAY_CUSTOMERS, REPLAY_BINS)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api;

    #[test]
    fn the_demo_replay_draws_at_most_ten_thousand_customers_and_counts_every_event() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        let summary = api::workspace_summary(&state).unwrap();
        let id = summary.journeys[0].id;
        let replay = replay(&state, id, &Params::default()).unwrap();
        assert!(replay.shown <= REPLAY_CUSTOMERS as u64);
        assert!(replay.shown > 0);
        let nodes = replay.touchpoints.len();
        let counted: u64 = replay.counts[REPLAY_BINS * nodes..]
            .iter()
            .map(|&c| u64::from(c))
            .sum();
        let report = api::report(&state, id, &Params::default()).unwrap();
        let on_map: u64 = report.nodes.iter().map(|n| n.events).sum();
        assert_eq!(counted, on_map);
    }
}
