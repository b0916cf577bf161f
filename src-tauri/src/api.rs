//! The command handlers, as plain functions of the app state: no Tauri types, so tests run them
//! against a real workspace file without a desktop.

use percorso::journey::JourneyId;
use percorso::{Journey, WorkspaceSummary};

use crate::error::ApiResult;
use crate::state::AppState;

pub fn workspace_summary(state: &AppState) -> ApiResult<WorkspaceSummary> {
    Ok(state.lock()?.workspace()?.summary()?)
}

pub fn journey(state: &AppState, id: JourneyId) -> ApiResult<Journey> {
    Ok(state.lock()?.workspace()?.journey(id)?)
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
    fn an_unknown_journey_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("w.percorso"));
        let err = journey(&state, JourneyId(999)).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
    }
}
