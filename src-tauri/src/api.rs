//! The command handlers, as plain functions of the app state: no Tauri types, so tests run them
//! against a real workspace file without a desktop.

use std::path::Path;

use percorso::analytics::{
    write_customers_csv, ChangePeriods, Changes, Cohorts, CustomerPage, CustomerPath,
    CustomerQuery, CustomerRow, Differences, Dimensions, Discovery, Histogram, HistogramTarget,
    Params, Period, PlaceRef, Report, StageSuggestion, Timeline, Trend, Variant,
};
use percorso::document;
use percorso::edit::{Edit, Edited, History};
use percorso::journey::{JourneyId, TouchpointId};
use percorso::templates::{self, TemplateInfo};
use percorso::{Journey, Warning, WorkspaceSummary};

use crate::error::ApiResult;
use crate::state::AppState;
use percorso::export::CsvStyle;

pub mod export;
pub mod files;
pub mod import;
pub mod present;
pub mod spark;

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

/// Computes what Analyze asks first, the analysis of `journey` and its report with the default
/// parameters, unless it is already at hand: called while the user is still in Design, so that
/// on a large log Analyze's numbers are ready, or nearly, when it opens. The lock is let go
/// between the two steps, so that an edit waiting for it is not held up by both.
pub fn prepare_analysis(state: &AppState, journey: JourneyId) -> ApiResult<()> {
    state.lock()?.analysis(journey)?;
    state.lock()?.evaluation(journey, &Params::default())?;
    Ok(())
}

/// The segment attributes with their values and the channels, as the log holds them.
pub fn dimensions(state: &AppState, journey: JourneyId) -> ApiResult<Dimensions> {
    Ok(state.lock()?.analysis(journey)?.dimensions())
}

/// The whole log's events over time, in at most `max_bins` bins of whole days.
pub fn timeline(state: &AppState, journey: JourneyId, max_bins: usize) -> ApiResult<Timeline> {
    Ok(state.lock()?.analysis(journey)?.timeline(max_bins))
}

/// Applies one edit of the design editor: one transaction, one undo step.
pub fn apply_edit(state: &AppState, journey: JourneyId, edit: &Edit) -> ApiResult<Edited> {
    let mut session = state.lock()?;
    let edited = session.workspace()?.apply(journey, edit)?;
    if edited.changed {
        session.journey_changed(journey);
    }
    Ok(edited)
}

pub fn undo(state: &AppState, journey: JourneyId) -> ApiResult<Edited> {
    let mut session = state.lock()?;
    let edited = session.workspace()?.undo(journey)?;
    if edited.changed {
        session.journey_changed(journey);
    }
    Ok(edited)
}

pub fn redo(state: &AppState, journey: JourneyId) -> ApiResult<Edited> {
    let mut session = state.lock()?;
    let edited = session.workspace()?.redo(journey)?;
    if edited.changed {
        session.journey_changed(journey);
    }
    Ok(edited)
}

/// What undo and redo would do next, for the Edit menu when a journey opens.
pub fn history(state: &AppState, journey: JourneyId) -> ApiResult<History> {
    Ok(state.lock()?.workspace()?.history(journey)?)
}

/// The warnings about a journey (duplicates, unreachable touchpoints and goals); never blocking.
pub fn journey_warnings(state: &AppState, journey: JourneyId) -> ApiResult<Vec<Warning>> {
    Ok(percorso::validate(
        &state.lock()?.workspace()?.journey(journey)?,
    ))
}

pub fn templates() -> Vec<TemplateInfo> {
    templates::all().iter().map(|t| t.info()).collect()
}

/// A journey proposed from the log that `params` keep, with `stages` stages (chosen from the
/// data when `None`).
pub fn discover_journey(
    state: &AppState,
    params: &Params,
    stages: Option<usize>,
    name: &str,
) -> ApiResult<Discovery> {
    let mut session = state.lock()?;
    let analysis = session.log_values()?;
    let evaluation = analysis.evaluate(params)?;
    Ok(analysis.discover(&evaluation, stages, name)?)
}

/// Stores `journey` (a discovery the user may have renamed the stages of) as a new journey, its
/// content one undo step.
pub fn add_journey(state: &AppState, journey: &Journey) -> ApiResult<Journey> {
    let mut session = state.lock()?;
    let ws = session.workspace()?;
    let id = ws.insert_discovered_journey(journey)?;
    Ok(ws.journey(id)?)
}

/// A stage for each log value that `journey` lacks, where customers meet it.
pub fn suggest_stages(state: &AppState, journey: JourneyId) -> ApiResult<Vec<StageSuggestion>> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, &Params::default())?;
    Ok(analysis.suggest_stages(&evaluation)?)
}

/// The `top` most common complete paths of what `params` keep.
pub fn paths(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    top: usize,
) -> ApiResult<Vec<Variant>> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.variants(&evaluation, top)?)
}

/// The report of each `by` period (UTC day, ISO week, month) of what `params` keep.
pub fn trend(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    by: Period,
) -> ApiResult<Trend> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.trend(&evaluation, by)?)
}

/// The `by` (week or month) cohorts of what `params` keep: retention and churn.
pub fn cohorts(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    by: Period,
) -> ApiResult<Cohorts> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.cohorts(&evaluation, by)?)
}

/// The tested differences between the reports of `a` and `b` (Compare's A and B).
pub fn differences(
    state: &AppState,
    journey: JourneyId,
    a: &Params,
    b: &Params,
    min_count: u64,
) -> ApiResult<Differences> {
    let mut session = state.lock()?;
    let (_, evaluation_b) = session.evaluation(journey, b)?;
    let (analysis, evaluation_a) = session.evaluation(journey, a)?;
    Ok(analysis.differences(&evaluation_a, &evaluation_b, min_count)?)
}

/// What changed between two periods of what `params` keep, each figure tested when both
/// periods have at least `min_count` behind it.
pub fn changes(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    periods: &ChangePeriods,
    min_count: u64,
) -> ApiResult<Changes> {
    let mut session = state.lock()?;
    let (analysis, evaluation) = session.evaluation(journey, params)?;
    Ok(analysis.changes(&evaluation, periods, min_count)?)
}

/// A new journey called `name`: a copy of `template` when given (keeping the template's name
/// when `name` is blank), else an empty journey.
pub fn new_journey(state: &AppState, name: &str, template: Option<&str>) -> ApiResult<Journey> {
    let mut session = state.lock()?;
    let ws = session.workspace()?;
    let id = match template {
        Some(key) => {
            let mut copy = templates::find(key)?.journey();
            if !name.trim().is_empty() {
                copy.name = name.to_owned();
            }
            ws.insert_journey_value(&copy)?
        }
        None => ws.new_journey(name, "")?,
    };
    Ok(ws.journey(id)?)
}

pub fn delete_journey(state: &AppState, journey: JourneyId) -> ApiResult<()> {
    let mut session = state.lock()?;
    session.workspace()?.delete_journey(journey)?;
    session.journey_changed(journey);
    Ok(())
}

/// Writes a journey file at `path`, chosen in the native Save dialog.
pub fn export_journey(state: &AppState, journey: JourneyId, path: &Path) -> ApiResult<()> {
    let file = state.lock()?.workspace()?.export_journey(journey)?;
    document::write(path, &file)?;
    Ok(())
}

/// Adds the journey of the file at `path`, chosen in the native Open dialog.
pub fn import_journey(state: &AppState, path: &Path) -> ApiResult<Journey> {
    let file = document::read(path)?;
    let mut session = state.lock()?;
    let ws = session.workspace()?;
    let id = ws.import_journey(&file)?;
    Ok(ws.journey(id)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use percorso::ErrorCode;

    /// The app on a demo workspace in a folder of its own, and the demo's retail journey. Bind
    /// `_dir` when taking it apart: left to `..`, the folder would be deleted at once.
    struct Demo {
        _dir: tempfile::TempDir,
        path: std::path::PathBuf,
        state: AppState,
        id: JourneyId,
    }

    /// The engine's own report on the workspace at `path`, as the CLI would compute it.
    fn engine_report(path: &Path, id: JourneyId, params: &Params) -> Report {
        percorso::analytics::Analysis::from_workspace(
            &percorso::Workspace::open(path).unwrap(),
            Some(id),
        )
        .unwrap()
        .report(params)
        .unwrap()
    }

    /// The demo's "Order confirmation SMS" and the edit that makes the unmapped promotional SMS
    /// one of its aliases.
    fn promo_alias(state: &AppState, id: JourneyId) -> (TouchpointId, Edit) {
        let sms = journey(state, id)
            .unwrap()
            .touchpoints
            .iter()
            .find(|t| t.name == "Order confirmation SMS")
            .unwrap()
            .id;
        let edit = Edit::SetTouchpointField {
            touchpoint: sms,
            field: percorso::edit::TouchpointField::Aliases(vec![
                percorso::demo::retail::PROMO_SMS.to_owned(),
            ]),
        };
        (sms, edit)
    }

    fn demo() -> Demo {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.percorso");
        let state = AppState::new(path.clone());
        let id = workspace_summary(&state).unwrap().journeys[0].id;
        Demo {
            _dir: dir,
            path,
            state,
            id,
        }
    }

    #[test]
    fn the_analysis_progress_answers_while_the_session_is_busy_and_is_none_when_done() {
        let Demo {
            _dir, state, id, ..
        } = demo();
        let busy = state.lock().unwrap();
        // Read while a command holds the session, as the UI polls during a long analysis.
        assert_eq!(state.analysis_progress(), None);
        drop(busy);
        prepare_analysis(&state, id).unwrap();
        assert_eq!(
            state.analysis_progress(),
            None,
            "cleared once the analysis is built"
        );
    }

    #[test]
    fn a_cancel_stops_what_was_asked_before_it_and_what_is_asked_after_it_computes() {
        let Demo {
            _dir,
            path,
            state,
            id,
        } = demo();
        let params = Params::default();
        // Two questions asked while another command holds the session, as Analyze asks its
        // report and its timeline together while the analysis is built.
        let busy = state.lock().unwrap();
        let waiting: Vec<_> = (0..2)
            .map(|i| {
                let asked = state.asked();
                let params = params.clone();
                std::thread::spawn(move || match i {
                    0 => report(&asked, id, &params).map(|_| ()),
                    _ => timeline(&asked, id, 60).map(|_| ()),
                })
            })
            .collect();
        state.cancel_analysis();
        drop(busy);
        for question in waiting {
            let answer = question.join().unwrap();
            assert_eq!(answer.err().map(|e| e.code), Some(ErrorCode::Cancelled));
        }
        assert!(
            !state.lock().unwrap().is_analysed(),
            "no analysis was built for the cancelled questions"
        );

        // Asked again after the cancel: the numbers are the engine's.
        let again = report(&state.asked(), id, &params).unwrap();
        assert_eq!(again, engine_report(&path, id, &params));
        // A command outside any round (a test, a sync call) is never cancelled by an old cancel.
        assert!(report(&state, id, &params).is_ok());
    }

    #[test]
    fn the_first_start_creates_the_demo_workspace_and_shows_its_map() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("demo.percorso");
        let state = AppState::new(path.clone());
        let summary = workspace_summary(&state).unwrap();
        assert!(path.exists());
        assert_eq!(summary.journeys.len(), 2);
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
        let Demo {
            _dir,
            path,
            state,
            id,
        } = demo();
        let params = Params::default();
        let shown = report(&state, id, &params).unwrap();
        let direct = engine_report(&path, id, &params);
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
        let Demo {
            _dir: dir,
            state,
            id,
            ..
        } = demo();
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
        let Demo {
            _dir, state, id, ..
        } = demo();
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

    fn unmapped(state: &AppState, id: JourneyId) -> Vec<String> {
        report(state, id, &Params::default())
            .unwrap()
            .unmapped
            .into_iter()
            .map(|u| u.value)
            .collect()
    }

    #[test]
    fn an_edit_is_stored_undone_and_redone_and_the_numbers_follow_it() {
        let Demo {
            _dir,
            path,
            state,
            id,
        } = demo();
        let promo = percorso::demo::retail::PROMO_SMS;
        assert!(unmapped(&state, id).iter().any(|v| v == promo));
        let map = journey(&state, id).unwrap();
        let (_, edit) = promo_alias(&state, id);
        let done = apply_edit(&state, id, &edit).unwrap();
        assert!(done.changed);
        assert_eq!(done.history.undo.as_deref(), Some("edit touchpoint"));
        // The cached analysis was dropped: the alias now maps the value.
        assert!(!unmapped(&state, id).iter().any(|v| v == promo));
        // Stored at once: another app state on the same file sees it.
        let other = AppState::new(path.clone());
        assert_eq!(journey(&other, id).unwrap(), done.journey);
        let undone = undo(&state, id).unwrap();
        assert_eq!(undone.journey, map);
        assert!(unmapped(&state, id).iter().any(|v| v == promo));
        assert_eq!(
            history(&state, id).unwrap().redo.as_deref(),
            Some("edit touchpoint")
        );
        let redone = redo(&state, id).unwrap();
        assert_eq!(redone.journey, done.journey);
        assert!(!unmapped(&state, id).iter().any(|v| v == promo));
    }

    #[test]
    fn a_prepared_analysis_gives_the_engine_numbers_and_does_not_outlive_an_edit() {
        let Demo {
            _dir,
            path,
            state,
            id,
        } = demo();
        prepare_analysis(&state, id).unwrap();
        prepare_analysis(&state, id).unwrap();
        let shown = report(&state, id, &Params::default()).unwrap();
        assert_eq!(shown, engine_report(&path, id, &Params::default()));
        // Mapping the promotional SMS to a touchpoint adds its events there.
        let (sms, edit) = promo_alias(&state, id);
        prepare_analysis(&state, id).unwrap();
        assert!(apply_edit(&state, id, &edit).unwrap().changed);
        let after = report(&state, id, &Params::default()).unwrap();
        assert_eq!(after, engine_report(&path, id, &Params::default()));
        let at_sms = |r: &Report| {
            r.nodes
                .iter()
                .find(|n| n.touchpoint_id == sms.0)
                .unwrap()
                .events
        };
        assert!(at_sms(&after) > at_sms(&shown));
    }

    #[test]
    fn a_refused_edit_reports_its_code_and_changes_nothing() {
        let Demo {
            _dir, state, id, ..
        } = demo();
        let before = journey(&state, id).unwrap();
        let stage = before.stages[0].id;
        let err = apply_edit(
            &state,
            id,
            &Edit::DeleteStage {
                stage,
                move_touchpoints_to: None,
            },
        )
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::StageNotEmpty);
        assert_eq!(err.params.get("stage"), Some(&before.stages[0].name));
        assert_eq!(journey(&state, id).unwrap(), before);
        assert!(journey_warnings(&state, id).unwrap().is_empty());
    }

    #[test]
    fn a_discovered_journey_is_added_as_proposed_and_paths_and_stage_suggestions_follow_the_log() {
        let Demo {
            _dir, state, id, ..
        } = demo();
        let before = workspace_summary(&state).unwrap().journeys.len();
        let mut proposal = discover_journey(&state, &Params::default(), Some(5), "Found")
            .unwrap()
            .journey;
        assert_eq!(proposal.stages.len(), 5);
        // The user renames a stage in the preview; the journey keeps the new name.
        proposal.stages[0].name = "First contact".to_owned();
        let added = add_journey(&state, &proposal).unwrap();
        assert_eq!(added.name, "Found");
        assert_eq!(added.stages[0].name, "First contact");
        assert_eq!(added.touchpoints.len(), proposal.touchpoints.len());
        assert_eq!(
            workspace_summary(&state).unwrap().journeys.len(),
            before + 1
        );
        // Its content is one undo step.
        let undone = undo(&state, added.id).unwrap();
        assert!(undone.journey.touchpoints.is_empty() && undone.journey.stages.is_empty());
        let redone = redo(&state, added.id).unwrap();
        assert_eq!(redone.journey.touchpoints.len(), proposal.touchpoints.len());
        assert_eq!(redone.journey.stages[0].name, "First contact");
        // Filters that keep nothing: a typed error, nothing added.
        let nothing = Params {
            from_ms: Some(4_000_000_000_000),
            ..Params::default()
        };
        let err = discover_journey(&state, &nothing, None, "Empty").unwrap_err();
        assert_eq!(err.code, ErrorCode::NothingToDiscover);

        let suggestions = suggest_stages(&state, id).unwrap();
        let unmapped = report(&state, id, &Params::default()).unwrap().unmapped;
        assert_eq!(suggestions.len(), unmapped.len());
        let top = paths(&state, id, &Params::default(), 3).unwrap();
        assert_eq!(top.len(), 3);
        assert!(top[0].customers >= top[1].customers);
    }

    #[test]
    fn new_journeys_from_templates_export_and_import_through_files() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("w.percorso"));
        let listed = templates();
        assert!(listed.len() >= 3);
        let made = new_journey(&state, "", Some(&listed[1].key)).unwrap();
        assert_eq!(made.name, listed[1].name);
        assert_eq!(made.touchpoints.len() as u32, listed[1].touchpoints);
        let named = new_journey(&state, "Our bank", Some(&listed[2].key)).unwrap();
        assert_eq!(named.name, "Our bank");
        assert_eq!(named.touchpoints.len() as u32, listed[2].touchpoints);
        delete_journey(&state, named.id).unwrap();
        let blank = new_journey(&state, "Empty map", None).unwrap();
        assert_eq!(blank.name, "Empty map");
        assert!(blank.stages.is_empty());
        assert_eq!(workspace_summary(&state).unwrap().journeys.len(), 4);
        let file = dir.path().join("telecom.json");
        export_journey(&state, made.id, &file).unwrap();
        let imported = import_journey(&state, &file).unwrap();
        assert_ne!(imported.id, made.id);
        assert_eq!(imported.touchpoints.len(), made.touchpoints.len());
        let bad = dir.path().join("bad.json");
        std::fs::write(
            &bad,
            "{\"format\": \"percorso-journey\", \"version\": 1, \"name\": 3}",
        )
        .unwrap();
        let err = import_journey(&state, &bad).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadJourneyFile);
        assert!(
            err.message.contains("bad.json") && err.message.contains("name"),
            "{}",
            err.message
        );
        let err = new_journey(&state, "", Some("no_such_template")).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        delete_journey(&state, blank.id).unwrap();
        assert_eq!(workspace_summary(&state).unwrap().journeys.len(), 4);
        assert_eq!(
            journey(&state, blank.id).unwrap_err().code,
            ErrorCode::NotFound
        );
    }
}
