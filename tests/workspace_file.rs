//! The workspace is one SQLite file users copy, mail and reopen: these tests hold it to that.

use std::sync::atomic::{AtomicBool, Ordering};

use percorso::analytics::{Analysis, LoadProgress, LoadStep};
use percorso::demo;
use percorso::{ErrorCode, Workspace};
use rusqlite::Connection;

#[path = "support/workspace.rs"]
mod support;
use support::small_demo;

#[test]
fn a_demo_workspace_reopens_with_the_same_journey_and_events() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.percorso");
    let (journey, log) = {
        let ws = demo::create(&path, false, &small_demo(300)).unwrap();
        let id = ws.journeys().unwrap()[0].id;
        (ws.journey(id).unwrap(), ws.load_log().unwrap())
    };
    let reopened = Workspace::open(&path).unwrap();
    let id = reopened.journeys().unwrap()[0].id;
    assert_eq!(reopened.journey(id).unwrap(), journey);
    let again = reopened.load_log().unwrap();
    assert_eq!(again.len(), log.len());
    assert_eq!(again.customer, log.customer);
    assert_eq!(again.instant_ms, log.instant_ms);
    assert_eq!(again.touchpoints.values(), log.touchpoints.values());
    assert_eq!(again.attributes.len(), 2);
    // The file stands alone: no journal or WAL file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, vec!["demo.percorso".to_string()]);
}

#[test]
fn loading_a_large_log_tells_its_progress_chunk_by_chunk_then_the_ordering() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.percorso");
    // About 7 events per customer: several chunks of 65,536 events.
    let ws = demo::create(&path, false, &small_demo(30_000)).unwrap();
    let mut seen = Vec::new();
    let never = AtomicBool::new(false);
    let analysis =
        Analysis::from_workspace_reporting(&ws, None, &mut |p| seen.push(p), &never).unwrap();
    let events = analysis.event_count() as u64;
    assert!(events > 3 * 65_536, "{events} events");
    let reading: Vec<&LoadProgress> = seen
        .iter()
        .filter(|p| p.step == LoadStep::Reading)
        .collect();
    assert!(
        reading.len() >= 4,
        "one report per chunk: {}",
        reading.len()
    );
    assert!(reading.iter().all(|p| p.total == events));
    assert!(
        reading.windows(2).all(|w| w[0].done < w[1].done),
        "the events read only grow"
    );
    assert_eq!(
        reading.last().map(|p| p.done),
        Some(events),
        "ends with all of them"
    );
    assert_eq!(
        seen.last(),
        Some(&LoadProgress {
            step: LoadStep::Ordering,
            done: 0,
            total: events
        }),
        "then the ordering, once the reading is done"
    );
}

#[test]
fn a_cancel_stops_loading_after_the_chunk_being_read_and_loading_again_completes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.percorso");
    let ws = demo::create(&path, false, &small_demo(30_000)).unwrap();
    let cancel = AtomicBool::new(false);
    let mut seen = Vec::new();
    // Cancelled as the first chunk is reported, as the app's Cancel does from another thread.
    let stopped = Analysis::from_workspace_reporting(
        &ws,
        None,
        &mut |p| {
            seen.push(p);
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    );
    assert_eq!(stopped.err().map(|e| e.code()), Some(ErrorCode::Cancelled));
    assert_eq!(seen.len(), 1, "nothing read after the cancel: {seen:?}");
    assert_eq!(seen[0].step, LoadStep::Reading);
    assert!(seen[0].done < seen[0].total, "{:?}", seen[0]);

    cancel.store(false, Ordering::Relaxed);
    let whole = Analysis::from_workspace_reporting(&ws, None, &mut |_| {}, &cancel).unwrap();
    assert_eq!(
        whole.event_count(),
        Analysis::from_workspace(&ws, None).unwrap().event_count()
    );
}

#[test]
fn a_text_file_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = b"customer;timestamp;touchpoint\n1;2026-01-01;Store\n".repeat(50);
    std::fs::write(&path, &content).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotSqlite);
    let message = err.to_string();
    assert!(message.contains("notes.txt"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    assert_eq!(std::fs::read(&path).unwrap(), content);
}

#[test]
fn an_empty_file_is_refused_and_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.percorso");
    std::fs::write(&path, b"").unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotSqlite);
    assert_eq!(std::fs::read(&path).unwrap(), b"");
}

#[test]
fn another_applications_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crm.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Ada');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::NotAWorkspace);
    assert!(err.to_string().contains("crm.sqlite"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_workspace_from_a_newer_percorso_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.percorso");
    drop(Workspace::create(&path, false).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), ErrorCode::WorkspaceTooNew);
    assert!(err.to_string().contains("newer version of Percorso"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn creating_over_an_existing_file_needs_replace() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    std::fs::write(&path, b"precious").unwrap();
    let err = Workspace::create(&path, false).err().unwrap();
    assert_eq!(err.code(), ErrorCode::WorkspaceExists);
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
    Workspace::create(&path, true).unwrap();
    assert!(Workspace::open(&path).is_ok());
}

#[test]
fn a_failed_build_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let result = Workspace::build(&path, false, |_| {
        Err(percorso::Error::InvalidInput("stop".into()))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_alias_is_stored_with_its_touchpoint_and_matches_log_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.percorso");
    let mut ws = demo::create(&path, false, &small_demo(10)).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    let store = ws
        .journey(id)
        .unwrap()
        .touchpoints
        .iter()
        .find(|t| t.name == "Store visit")
        .unwrap()
        .id;
    ws.add_alias(store, "Visita in negozio").unwrap();
    drop(ws);
    let journey = Workspace::open(&path).unwrap().journey(id).unwrap();
    let matcher = percorso::matching::TouchpointMatcher::new(&journey);
    assert_eq!(matcher.find("VISITA_IN_NEGOZIO"), Some(store));
    assert_eq!(matcher.find("store-visit"), Some(store));
    assert_eq!(matcher.find("Promo SMS blast"), None);
}

#[test]
fn an_edit_while_another_program_writes_the_file_is_refused_in_plain_words_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.percorso");
    let mut ws = demo::create(&path, false, &small_demo(300)).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    let before = ws.journey(id).unwrap();
    // Another program takes the write lock and keeps it.
    let other = Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let rename = percorso::edit::Edit::RenameJourney {
        name: "Renamed while locked".into(),
    };
    let err = ws.apply(id, &rename).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Busy);
    let message = err.to_string();
    assert!(
        message.starts_with("another program is writing to this workspace"),
        "{message}"
    );
    assert!(!message.contains("database is locked"), "{message}");
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    assert_eq!(ws.journey(id).unwrap(), before);
    // Once the other program is done, the same edit goes through.
    ws.apply(id, &rename).unwrap();
    assert_eq!(ws.journey(id).unwrap().name, "Renamed while locked");
}
