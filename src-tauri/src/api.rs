//! The command handlers, as plain functions of the app state: no Tauri types, so tests run them
//! against a real workspace file without a desktop.

use percorso::analytics::{CustomerPath, Params, Report};
use percorso::journey::JourneyId;
use percorso::{Journey, WorkspaceSummary};

use crate::error::ApiResult;
use crate::state::AppState;

pub mod import;
pub mod present;

pub fn workspace_summary(state: &AppState) -> ApiResult<WorkspaceSummary> {
    Ok(state.lock()?.workspace()?.summary()?)
}

pub fn journey(state: &AppState, id: JourneyId) -> ApiResult<Journey> {
    Ok(state.lock()?.workspace()?.journey(id)?)
}

/// The report of metrics.md for `journey` on what `params` keep: aggregates, never the raw log.
pub fn report(state: &AppState, journey: JourneyId, params: &Params) -> ApiResult<Report> {
    Ok(state.lock()?.analysis(journey)?.report(params)?)
}

/// One customer's full path, event by event.
pub fn customer_path(
    state: &AppState,
    journey: JourneyId,
    customer: &str,
) -> ApiResult<CustomerPath> {
    Ok(state.lock()?.analysis(journey)?.customer_path(customer)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use percorso::ErrorCode;

    #[test]
    fn the_first_start_creates_the_demo_workspace_and_shows_its_map() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("demo.percorso");
        let state = AppState::new(path.clone());
        let summary = workspace_summary(&state).unwrap();
        assert!(path.exists());
        assert_eq!(summary.journeys.len(), 1);
        assert!(summary.events >= 50_000);
        let map = journey(&state, summary.journeys[0].id).unwrap();
        assert!(map.stages.len() >= 6);
        assert!(map.touchpoints.len() >= 20);
    }

    #[test]
    fn a_file_that_is_not_a_workspace_is_reported_with_its_code() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "hello").unwrap();
        let err = workspace_summary(&AppState::new(path.clone())).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotSqlite);
        assert!(err.message.contains("notes.txt"));
        assert_eq!(std::fs::read(&path).unwrap(), b"hello");
    }

    #[test]
    fn the_report_command_gives_the_same_numbers_as_the_engine() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.percorso");
        let state = AppState::new(path.clone());
        let id = workspace_summary(&state).unwrap().journeys[0].id;
        let params = Params::default();
        let shown = report(&state, id, &params).unwrap();
        let direct = percorso::analytics::Analysis::from_workspace(
            &percorso::Workspace::open(&path).unwrap(),
            Some(id),
        )
        .unwrap()
        .report(&params)
        .unwrap();
        assert_eq!(
            serde_json::to_value(&shown).unwrap(),
            serde_json::to_value(&direct).unwrap()
        );
        assert!(shown.nodes.iter().any(|n| n.dropoff > 0));
        let one = customer_path(&state, id, "C0000042").unwrap();
        assert_eq!(serde_json::to_value(&one).unwrap()["customer"], "C0000042");
    }

    #[test]
    fn an_unknown_journey_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("w.percorso"));
        let err = journey(&state, JourneyId(999)).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
    }
}
