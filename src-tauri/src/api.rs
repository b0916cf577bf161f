//! The command handlers, as plain functions of the app state: no Tauri types, so tests run them
//! against a real workspace file without a desktop.

use std::path::Path;

use percorso::analytics::{
    write_customers_csv, CustomerPage, CustomerPath, CustomerQuery, CustomerRow, Dimensions,
    Histogram, HistogramTarget, Params, PlaceRef, Report, Timeline,
};
use percorso::journey::{JourneyId, TouchpointId};
use percorso::{Journey, WorkspaceSummary};

use crate::error::ApiResult;
use crate::state::AppState;
use percorso::export::CsvStyle;

pub mod export;
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
    let mut session = state.lock()?;
    let (_, evaluation) = session.evaluation(journey, params)?;
    Ok(evaluation.report().clone())
}

/// One customer's full path, event by event.
pub fn customer_path(
    state: &AppState,
    journey: JourneyId,
    customer: &str,
) -> ApiResult<CustomerPath> {
    Ok(state.lock()?.analysis(journey)?.customer_path(customer)?)
}

/// A page of the customers behind a number (here now, stalled here, dropped here…).
pub fn customers(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    query: &CustomerQuery,
) -> ApiResult<CustomerPage> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.customers(&evaluation, query)?)
}

/// One customer's status, current and furthest stage under `params`; null when the filters
/// keep none of their events.
pub fn customer_summary(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    customer: &str,
) -> ApiResult<Option<CustomerRow>> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.customer(&evaluation, customer)?)
}

/// Writes every customer `query` selects (ignoring its page) to `path` as CSV; returns how many.
pub fn export_customers(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    query: &CustomerQuery,
    language: &str,
    path: &Path,
) -> ApiResult<u64> {
    let all = CustomerQuery {
        offset: 0,
        limit: 0,
        ..query.clone()
    };
    let page = customers(state, journey, params, &all)?;
    percorso::export::write_file(path, |out| {
        write_customers_csv(out, &page.rows, CsvStyle::spreadsheet(language))
    })?;
    Ok(page.total)
}

/// How long customers take to move on from `touchpoint`, in log-spaced bins.
pub fn touchpoint_histogram(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    touchpoint: TouchpointId,
) -> ApiResult<Histogram> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    let target = HistogramTarget::Touchpoint(PlaceRef::Touchpoint(touchpoint));
    Ok(analysis.histogram(&evaluation, &target)?)
}

/// The segment attributes with their values and the channels, as the log holds them.
pub fn dimensions(state: &AppState, journey: JourneyId) -> ApiResult<Dimensions> {
    Ok(state.lock()?.analysis(journey)?.dimensions())
}

/// The whole log's events over time, in at most `max_bins` bins of whole days.
pub fn timeline(state: &AppState, journey: JourneyId, max_bins: usize) -> ApiResult<Timeline> {
    Ok(state.lock()?.analysis(journey)?.timeline(max_bins))
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
    fn the_customers_dropped_at_a_touchpoint_are_paged_and_exported_in_full() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        let id = workspace_summary(&state).unwrap().journeys[0].id;
        let params = Params::default();
        let shown = report(&state, id, &params).unwrap();
        let node = shown.nodes.iter().max_by_key(|n| n.dropoff).unwrap();
        let query = CustomerQuery {
            touchpoint: Some(TouchpointId(node.touchpoint_id)),
            status: Some(percorso::analytics::Status::Dropped),
            limit: 5,
            ..CustomerQuery::default()
        };
        let page = customers(&state, id, &params, &query).unwrap();
        assert_eq!(page.total, node.dropoff);
        assert_eq!(page.rows.len(), 5);
        let csv = dir.path().join("dropped.csv");
        assert_eq!(
            export_customers(&state, id, &params, &query, "en", &csv).unwrap(),
            node.dropoff
        );
        let text = std::fs::read_to_string(&csv).unwrap();
        // For a spreadsheet: a byte-order mark first, then the header.
        assert!(text.starts_with("\u{feff}customer,events,last_event"));
        assert_eq!(text.lines().count() as u64, node.dropoff + 1);
        assert!(text.contains(&page.rows[0].customer));
        let one = customer_summary(&state, id, &params, &page.rows[0].customer)
            .unwrap()
            .unwrap();
        assert_eq!(one, page.rows[0]);
    }

    #[test]
    fn the_filter_choices_and_the_timeline_come_from_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        let summary = workspace_summary(&state).unwrap();
        let id = summary.journeys[0].id;
        let dims = dimensions(&state, id).unwrap();
        assert!(dims.attributes.iter().any(|a| a.name == "region"));
        assert!(!dims.channels.is_empty());
        let line = timeline(&state, id, 120).unwrap();
        assert!(line.counts.len() <= 120 && !line.counts.is_empty());
        assert_eq!(line.counts.iter().sum::<u64>(), summary.events);
        let node = &report(&state, id, &Params::default()).unwrap().nodes[0];
        let waits = touchpoint_histogram(
            &state,
            id,
            &Params::default(),
            TouchpointId(node.touchpoint_id),
        )
        .unwrap();
        assert!(waits.total > 0);
    }

    #[test]
    fn answers_under_filters_asked_before_are_the_same_as_the_first_time() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        let id = workspace_summary(&state).unwrap().journeys[0].id;
        let all = Params::default();
        let north = Params {
            segments: vec![percorso::analytics::Segment {
                attribute: "region".into(),
                value: "North".into(),
            }],
            ..Params::default()
        };
        let first = report(&state, id, &all).unwrap();
        let sides: Vec<Params> = (1..=5)
            .map(|days| Params {
                inactive_days: days,
                ..north.clone()
            })
            .collect();
        for side in &sides {
            assert!(report(&state, id, side).unwrap().customers < first.customers);
        }
        assert_eq!(report(&state, id, &all).unwrap(), first);
        let again = report(&state, id, &sides[0]).unwrap();
        assert_eq!(again.inactive_days, 1);
    }

    #[test]
    fn an_unknown_journey_is_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("w.percorso"));
        let err = journey(&state, JourneyId(999)).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound);
    }
}
