//! Save As: a copy of the open workspace that reopens with everything in it, or no file at all.
#![cfg(test)]

use percorso::demo;
use percorso::edit::{Edit, TouchpointField};
use percorso::{ErrorCode, Workspace};

#[path = "support/workspace.rs"]
mod support;
use support::small_demo;

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn the_copy_reopens_with_the_same_journeys_events_and_undo_history() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("original.percorso");
    let mut ws = demo::create(&original, false, &small_demo(200)).unwrap();
    let id = ws.journeys().unwrap()[0].id;
    let first = ws.journey(id).unwrap().touchpoints[0].clone();
    let (first, first_name) = (first.id, first.name);
    for name in ["Renamed once", "Renamed twice"] {
        let edit = Edit::SetTouchpointField {
            touchpoint: first,
            field: TouchpointField::Name(name.into()),
        };
        assert!(ws.apply(id, &edit).unwrap().changed);
    }
    ws.undo(id).unwrap();
    let copy = dir.path().join("copy.percorso");
    ws.save_as(&copy, false).unwrap();

    let reopened = Workspace::open(&copy).unwrap();
    assert_eq!(reopened.path(), copy.as_path());
    assert_eq!(reopened.journeys().unwrap(), ws.journeys().unwrap());
    assert_eq!(reopened.journey(id).unwrap(), ws.journey(id).unwrap());
    assert_eq!(
        reopened.journey(id).unwrap().touchpoints[0].name,
        "Renamed once"
    );
    let (log, again) = (ws.load_log().unwrap(), reopened.load_log().unwrap());
    assert_eq!(again.len(), log.len());
    assert!(again.len() > 100);
    assert_eq!(again.customer, log.customer);
    assert_eq!(again.instant_ms, log.instant_ms);
    assert_eq!(again.touchpoints.values(), log.touchpoints.values());
    assert_eq!(reopened.sources().unwrap(), ws.sources().unwrap());
    assert_eq!(reopened.history(id).unwrap(), ws.history(id).unwrap());
    // The history itself was copied: undo and redo work in the copy as in the original.
    drop(reopened);
    let mut reopened = Workspace::open(&copy).unwrap();
    let redone = reopened.redo(id).unwrap();
    assert_eq!(redone.journey.touchpoints[0].name, "Renamed twice");
    let undone = reopened.undo(id).unwrap();
    assert_eq!(undone.journey.touchpoints[0].name, "Renamed once");
    let undone = reopened.undo(id).unwrap();
    assert_eq!(undone.journey.touchpoints[0].name, first_name);
    // The original is still the open workspace and untouched by edits in the copy.
    assert_eq!(ws.journey(id).unwrap().touchpoints[0].name, "Renamed once");
    // Nothing but the two workspaces is left in the folder.
    assert_eq!(names_in(dir.path()), ["copy.percorso", "original.percorso"]);
}

#[test]
fn the_open_file_itself_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let mut ws = Workspace::create(&path, false).unwrap();
    ws.new_journey("Kept", "").unwrap();
    let before = std::fs::read(&path).unwrap();
    for same in [
        path.clone(),
        dir.path().join(".").join("w.percorso"),
        dir.path().join("sub").join("..").join("w.percorso"),
    ] {
        if same.components().any(|c| c.as_os_str() == "sub") {
            std::fs::create_dir_all(dir.path().join("sub")).unwrap();
        }
        let err = ws.save_as(&same, true).unwrap_err();
        assert_eq!(err.code(), ErrorCode::SameFile, "{}", same.display());
        let message = err.to_string();
        assert!(
            message.contains("w.percorso") && message.contains("another file name"),
            "{message}"
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(ws.journeys().unwrap()[0].name, "Kept");
}

#[test]
fn an_existing_file_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let target = dir.path().join("taken.percorso");
    std::fs::write(&target, b"precious").unwrap();
    let err = ws.save_as(&target, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::WorkspaceExists);
    assert_eq!(std::fs::read(&target).unwrap(), b"precious");
    ws.save_as(&target, true).unwrap();
    assert!(Workspace::open(&target).is_ok());
}

#[test]
fn a_failed_copy_leaves_no_file_behind() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    // A folder where the copy should go: the copy is written, then cannot take the name.
    let folder = dir.path().join("a folder.percorso");
    std::fs::create_dir(&folder).unwrap();
    let err = ws.save_as(&folder, true).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("a folder.percorso"), "{err}");
    assert!(folder.is_dir());
    assert_eq!(names_in(dir.path()), ["a folder.percorso", "w.percorso"]);
    // A folder that does not exist: refused before anything is written.
    let nowhere = dir.path().join("missing").join("copy.percorso");
    let err = ws.save_as(&nowhere, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::Io);
    assert!(err.to_string().contains("missing"), "{err}");
    assert_eq!(names_in(dir.path()), ["a folder.percorso", "w.percorso"]);
}
