//! The import wizard's handlers: detect and preview a file, import it with progress and Cancel,
//! browse and export its rejected rows, and settle its unmatched values.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use percorso::edit::{Edit, Edited};
use percorso::import::{self, Detection, ImportSettings, ImportSummary, Overrides, Progress};
use percorso::journey::{Channel, JourneyId, StageId, TouchpointId};
use percorso::workspace::RejectedPage;

use crate::error::ApiResult;
use crate::state::AppState;

/// Rows of rejected rows sent at most at once.
const MAX_PAGE: u64 = 500;

/// What detection proposes for `path`, with `overrides` applied (the user's corrections so far).
pub fn detect(path: &Path, overrides: &Overrides) -> ApiResult<Detection> {
    Ok(import::detect(path, overrides)?)
}

/// The sample of `path` read with `settings`, and its timestamps as they would be read.
pub fn preview(path: &Path, settings: &ImportSettings) -> ApiResult<Detection> {
    Ok(import::preview(path, settings)?)
}

/// Imports `path` in one transaction as import `id` (a number the UI chose); [`cancel`] with the
/// same id stops it and leaves the workspace as it was.
pub fn run(
    state: &AppState,
    id: u64,
    path: &Path,
    settings: &ImportSettings,
    on_progress: &mut dyn FnMut(Progress),
) -> ApiResult<ImportSummary> {
    let cancel = state.cancel_flag(id)?;
    let result = state.lock().and_then(|mut session| {
        let summary =
            import::import_file(session.workspace()?, path, settings, on_progress, &cancel);
        session.forget_analysis();
        Ok(summary?)
    });
    state.forget_cancel_flag(id);
    result
}

/// Asks import `id` to stop, whether it is running or about to start; it rolls back.
pub fn cancel(state: &AppState, id: u64) -> ApiResult<()> {
    state.cancel_flag(id)?.store(true, Ordering::SeqCst);
    Ok(())
}

/// Calls `send` with progress at most every `every`, and always on a change of phase and at the
/// end of reading, so the UI gets a smooth bar without a message per block.
pub fn throttled(every: Duration, mut send: impl FnMut(Progress)) -> impl FnMut(Progress) {
    let mut last: Option<(Instant, Progress)> = None;
    move |progress: Progress| {
        let due = match last {
            None => true,
            Some((at, previous)) => {
                previous.phase != progress.phase
                    || progress.bytes_read >= progress.total_bytes
                    || at.elapsed() >= every
            }
        };
        if due {
            last = Some((Instant::now(), progress));
            send(progress);
        }
    }
}

pub fn rejected(
    state: &AppState,
    source: Option<i64>,
    offset: u64,
    limit: u64,
) -> ApiResult<RejectedPage> {
    Ok(state
        .lock()?
        .workspace()?
        .rejected_page(source, offset, limit.min(MAX_PAGE))?)
}

/// Writes every rejected row of `source` (or of all sources) to a CSV file at `path`.
pub fn export_rejected(state: &AppState, source: Option<i64>, path: &Path) -> ApiResult<()> {
    let rows = state.lock()?.workspace()?.rejected_rows(source)?;
    percorso::export::write_file(path, |out| percorso::export::write_rejected_csv(out, &rows))?;
    Ok(())
}

/// Makes log value `value` mean `touchpoint` from now on: it becomes one of its aliases, as one
/// undo step of its journey.
pub fn map_value(state: &AppState, touchpoint: TouchpointId, value: &str) -> ApiResult<()> {
    let mut session = state.lock()?;
    session.workspace()?.add_alias(touchpoint, value)?;
    session.forget_analysis();
    Ok(())
}

/// Adds a touchpoint named `value` to `journey`, on the first free slot of its lane in `stage`
/// (or in the journey's first stage), with the channel its name suggests unless one is given,
/// as one undo step. The journey that results says which stage it went to.
pub fn create_touchpoint(
    state: &AppState,
    journey: JourneyId,
    stage: Option<StageId>,
    value: &str,
    channel: Option<Channel>,
) -> ApiResult<Edited> {
    let edit = Edit::AddTouchpointForValue {
        value: value.to_owned(),
        channel: channel.unwrap_or_else(|| import::channel_in_name(value)),
        stage,
    };
    let mut session = state.lock()?;
    let edited = session.workspace()?.apply(journey, &edit)?;
    session.forget_analysis();
    Ok(edited)
}

/// The IANA zones a naive timestamp can be read in.
pub fn timezones() -> Vec<String> {
    import::timestamp::zone_names()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use percorso::import::{ImportPhase, Overrides};
    use percorso::ErrorCode;

    use super::*;
    use crate::api;

    /// The demo workspace, as a first start makes it, and a small CSV export beside it: two
    /// values of the demo map, one it does not know, and one bad row on line 4.
    fn demo_and_csv() -> (tempfile::TempDir, AppState, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().join("demo.percorso"));
        api::workspace_summary(&state).unwrap();
        let csv = dir.path().join("crm export.csv");
        std::fs::write(
            &csv,
            "cliente;data;punto di contatto\n\
             X1;13/01/2026 10:00;Shop window\n\
             X1;13/01/2026 10:30;Kiosk survey\n\
             X2;not a date;Shop window\n\
             X2;14/01/2026 09:00;Product page\n",
        )
        .unwrap();
        (dir, state, csv)
    }

    fn journey_of(state: &AppState) -> percorso::Journey {
        let id = api::workspace_summary(state).unwrap().journeys[0].id;
        api::journey(state, id).unwrap()
    }

    #[test]
    fn an_import_through_the_handlers_reports_progress_rejects_and_unmatched_values() {
        let (_dir, state, csv) = demo_and_csv();
        let events_before = api::workspace_summary(&state).unwrap().events;
        let mut detection = detect(&csv, &Overrides::default()).unwrap();
        assert_eq!(detection.settings.delimiter, ';');
        detection.settings.timezone = "Europe/Rome".into();
        let mut phases = Vec::new();
        let summary = run(&state, 1, &csv, &detection.settings, &mut |p| {
            phases.push(p.phase)
        })
        .unwrap();
        assert_eq!((summary.rows_read, summary.events_imported), (4, 3));
        assert_eq!(summary.rejected_by_reason.get("bad_timestamp"), Some(&1));
        assert_eq!(summary.unmapped.len(), 1);
        assert_eq!(summary.unmapped[0].value, "Kiosk survey");
        assert_eq!(phases.first(), Some(&ImportPhase::Reading));
        assert_eq!(phases.last(), Some(&ImportPhase::Storing));
        assert_eq!(
            api::workspace_summary(&state).unwrap().events,
            events_before + 3
        );

        let page = rejected(&state, Some(summary.source_id), 0, 10).unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.rows[0].line, 4);
        assert_eq!(page.rows[0].raw, "X2;not a date;Shop window");

        // Exported rejected rows are the rows shown.
        let out = csv.with_file_name("rejected.csv");
        export_rejected(&state, Some(summary.source_id), &out).unwrap();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.starts_with("source,line,reason,message,raw\n"),
            "{text}"
        );
        assert!(text.contains("crm export.csv,4,bad_timestamp,"), "{text}");

        // The same file again is refused with its code, unless the user insists.
        let again = run(&state, 2, &csv, &detection.settings, &mut |_| {}).unwrap_err();
        assert_eq!(again.code, ErrorCode::AlreadyImported);
        assert_eq!(
            again.params.get("source").map(String::as_str),
            Some("crm export.csv")
        );
        let mut insist = detection.settings.clone();
        insist.force = true;
        insist.source_name = "crm export (again)".into();
        assert_eq!(
            run(&state, 3, &csv, &insist, &mut |_| {})
                .unwrap()
                .events_imported,
            3
        );
    }

    #[test]
    fn mapping_an_unmatched_value_makes_it_count_on_its_touchpoint() {
        let (_dir, state, csv) = demo_and_csv();
        let settings = detect(&csv, &Overrides::default()).unwrap().settings;
        let summary = run(&state, 1, &csv, &settings, &mut |_| {}).unwrap();
        let journey = journey_of(&state);
        let unmapped = |state: &AppState| -> Vec<String> {
            api::report(state, journey.id, &Default::default())
                .unwrap()
                .unmapped
                .into_iter()
                .map(|u| u.value)
                .collect()
        };
        assert!(unmapped(&state).contains(&"Kiosk survey".to_string()));
        let shop = journey
            .touchpoints
            .iter()
            .find(|t| t.name == "Shop window")
            .unwrap();
        map_value(&state, shop.id, &summary.unmapped[0].value).unwrap();
        assert!(!unmapped(&state).contains(&"Kiosk survey".to_string()));
        assert!(journey_of(&state)
            .touchpoints
            .iter()
            .any(|t| t.id == shop.id && t.aliases.contains(&"Kiosk survey".to_string())));
    }

    #[test]
    fn creating_a_touchpoint_from_a_value_puts_it_on_the_map_with_a_suggested_channel() {
        let (_dir, state, _csv) = demo_and_csv();
        let journey = journey_of(&state);
        let edited = create_touchpoint(&state, journey.id, None, "Promo SMS blast", None).unwrap();
        let id = edited.created.touchpoints[0];
        let after = journey_of(&state);
        assert_eq!(after, edited.journey);
        let created = after.touchpoints.iter().find(|t| t.id == id).unwrap();
        assert_eq!(created.name, "Promo SMS blast");
        assert_eq!(created.channel, Channel::Sms);
        // It lands in the first stage of the map, in a free slot of its lane, and Undo takes it
        // back.
        assert_eq!(created.stage, journey.stages[0].id);
        assert!(!journey.touchpoints.iter().any(|t| t.stage == created.stage
            && t.kind == created.kind
            && (t.x, t.y) == (created.x, created.y)));
        assert_eq!(edited.history.undo.as_deref(), Some("add touchpoint"));
        let report = api::report(&state, journey.id, &Default::default()).unwrap();
        assert!(!report.unmapped.iter().any(|u| u.value == "Promo SMS blast"));
    }

    #[test]
    fn a_cancelled_import_leaves_the_workspace_as_it_was() {
        let (_dir, state, csv) = demo_and_csv();
        let before = api::workspace_summary(&state).unwrap();
        let settings = detect(&csv, &Overrides::default()).unwrap().settings;
        let err = run(&state, 7, &csv, &settings, &mut |_| {
            cancel(&state, 7).unwrap()
        })
        .unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled);
        assert_eq!(api::workspace_summary(&state).unwrap(), before);
        // A Cancel that arrives before its import starts still stops it…
        cancel(&state, 8).unwrap();
        let err = run(&state, 8, &csv, &settings, &mut |_| {}).unwrap_err();
        assert_eq!(err.code, ErrorCode::Cancelled);
        assert_eq!(api::workspace_summary(&state).unwrap(), before);
        // …and stops no other import.
        assert_eq!(
            run(&state, 9, &csv, &settings, &mut |_| {})
                .unwrap()
                .events_imported,
            3
        );
    }

    #[test]
    fn progress_is_sent_at_most_every_interval_but_always_at_phase_changes() {
        let mut sent = Vec::new();
        {
            let mut send = throttled(Duration::from_secs(3600), |p| sent.push(p));
            for bytes in [10, 20, 30] {
                send(Progress {
                    phase: ImportPhase::Reading,
                    bytes_read: bytes,
                    total_bytes: 100,
                });
            }
            send(Progress {
                phase: ImportPhase::Reading,
                bytes_read: 100,
                total_bytes: 100,
            });
            send(Progress {
                phase: ImportPhase::Storing,
                bytes_read: 100,
                total_bytes: 100,
            });
        }
        let shown: Vec<(ImportPhase, u64)> = sent.iter().map(|p| (p.phase, p.bytes_read)).collect();
        assert_eq!(
            shown,
            [
                (ImportPhase::Reading, 10),
                (ImportPhase::Reading, 100),
                (ImportPhase::Storing, 100)
            ]
        );
    }

    #[test]
    fn the_zone_list_offers_the_machines_zone_and_utc() {
        let zones = timezones();
        assert!(zones.contains(&"UTC".to_string()));
        assert!(zones.contains(&"Europe/Rome".to_string()));
    }
}
