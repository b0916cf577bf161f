//! The workspace as a file: open another one, create a new one, save a copy and go on in it, and
//! the list of recent workspaces. Each ends with the app on the new file, or, when refused, on
//! the file it had, untouched.
//!
//! New and Save As take `replace`: whether an existing file at `path` may be replaced. The UI
//! passes `true` only for a path chosen in the native Save dialog, which has already asked the
//! user to confirm replacing it. The workspace open now is never replaced, whatever `replace`
//! says.

use std::path::Path;

use percorso::workspace::same_file;
use percorso::{Workspace, WorkspaceSummary};
use serde::Serialize;
use ts_rs::TS;

use crate::error::ApiResult;
use crate::recents::real;
use crate::state::AppState;

/// One entry of the File menu's Recent list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RecentWorkspace {
    pub path: String,
    /// The file name, as the menu shows it.
    pub name: String,
    /// False when the file was moved or deleted since: shown, but not opened.
    pub exists: bool,
}

/// Opens the workspace at `path` in place of the current one. A file that is missing, not a
/// workspace, or from a newer Percorso is refused and the current workspace stays open.
pub fn open_workspace(state: &AppState, path: &Path) -> ApiResult<WorkspaceSummary> {
    let workspace = Workspace::open(real(path))?;
    let summary = workspace.summary()?;
    state.lock()?.switch_to(workspace);
    Ok(summary)
}

/// Creates an empty workspace at `path` holding one blank journey named after the file, and
/// switches to it.
pub fn new_workspace(state: &AppState, path: &Path, replace: bool) -> ApiResult<WorkspaceSummary> {
    let mut session = state.lock()?;
    refuse_open_file(&session.path, path)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Journey".to_owned());
    let workspace = Workspace::build(real(path), replace, |w| w.new_journey(&name, "").map(drop))?;
    let summary = workspace.summary()?;
    session.switch_to(workspace);
    Ok(summary)
}

/// Writes a copy of the open workspace to `path` and goes on in the copy, as Save As does in
/// every desktop app: the file that was open keeps what it held when the copy was made.
pub fn save_workspace_as(
    state: &AppState,
    path: &Path,
    replace: bool,
) -> ApiResult<WorkspaceSummary> {
    let path = real(path);
    let mut session = state.lock()?;
    session.workspace()?.save_as(&path, replace)?;
    let workspace = Workspace::open(&path)?;
    let summary = workspace.summary()?;
    session.switch_to(workspace);
    Ok(summary)
}

/// The recent workspaces, most recent first, each with whether its file is still there.
pub fn recent_workspaces(state: &AppState) -> Vec<RecentWorkspace> {
    state
        .recents()
        .list()
        .into_iter()
        .map(|path| RecentWorkspace {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            exists: path.is_file(),
            path: path.display().to_string(),
        })
        .collect()
}

/// Removes `path` from the recent workspaces; the file itself is not touched.
pub fn forget_recent(state: &AppState, path: &Path) -> ApiResult<()> {
    Ok(state.recents().forget(path)?)
}

fn refuse_open_file(open: &Path, path: &Path) -> ApiResult<()> {
    if same_file(open, path) {
        return Err(percorso::Error::SameFile {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api;
    use crate::recents::{Recents, FILE, LIMIT};
    use percorso::edit::Edit;
    use percorso::ErrorCode;
    use std::path::PathBuf;

    /// A workspace at `dir/file` holding one empty journey called `journey`.
    fn workspace(dir: &Path, file: &str, journey: &str) -> PathBuf {
        let path = dir.join(file);
        let mut ws = Workspace::create(&path, false).unwrap();
        ws.new_journey(journey, "").unwrap();
        path
    }

    fn journey_names(state: &AppState) -> Vec<String> {
        api::workspace_summary(state)
            .unwrap()
            .journeys
            .into_iter()
            .map(|j| j.name)
            .collect()
    }

    /// The app on `start`, with its recent list in `dir/config`.
    fn app(dir: &Path, start: &Path) -> AppState {
        AppState::with_recents(
            start.to_path_buf(),
            Recents::in_dir(Some(dir.join("config"))),
        )
    }

    fn recent_names(state: &AppState) -> Vec<String> {
        recent_workspaces(state)
            .into_iter()
            .map(|r| r.name)
            .collect()
    }

    #[test]
    fn another_workspace_opens_in_place_of_the_current_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = workspace(dir.path(), "a.percorso", "Alpha journey");
        let b = workspace(dir.path(), "b.percorso", "Beta journey");
        let state = app(dir.path(), &b);
        assert_eq!(journey_names(&state), ["Beta journey"]);
        let id = api::workspace_summary(&state).unwrap().journeys[0].id;
        // An analysis of B is cached; it must not survive the switch.
        api::dimensions(&state, id).unwrap();
        let summary = open_workspace(&state, &dir.path().join(".").join("a.percorso")).unwrap();
        assert_eq!(summary.path, real(&a).display().to_string());
        assert_eq!(journey_names(&state), ["Alpha journey"]);
        assert_eq!(api::workspace_summary(&state).unwrap(), summary);
        let alpha = summary.journeys[0].id;
        assert_eq!(api::journey(&state, alpha).unwrap().name, "Alpha journey");
        assert_eq!(recent_names(&state), ["a.percorso", "b.percorso"]);
    }

    #[test]
    fn a_refused_open_keeps_the_current_workspace_and_the_recent_list() {
        let dir = tempfile::tempdir().unwrap();
        let b = workspace(dir.path(), "b.percorso", "Beta journey");
        let state = app(dir.path(), &b);
        assert_eq!(journey_names(&state), ["Beta journey"]);
        let text = dir.path().join("notes.percorso");
        std::fs::write(&text, "not a workspace").unwrap();
        let future = workspace(dir.path(), "future.percorso", "From the future");
        set_user_version(&future, 999);
        let future_bytes = std::fs::read(&future).unwrap();
        let missing = dir.path().join("gone.percorso");
        for (path, code) in [
            (&text, ErrorCode::NotSqlite),
            (&future, ErrorCode::WorkspaceTooNew),
            (&missing, ErrorCode::Io),
        ] {
            let err = open_workspace(&state, path).unwrap_err();
            assert_eq!(err.code, code, "{}", err.message);
            let name = path.file_name().unwrap().to_str().unwrap();
            assert!(err.message.contains(name), "{}", err.message);
            assert_eq!(journey_names(&state), ["Beta journey"]);
        }
        assert_eq!(std::fs::read(&future).unwrap(), future_bytes);
        assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a workspace");
        assert!(!missing.exists());
        assert_eq!(recent_names(&state), ["b.percorso"]);
    }

    fn set_user_version(path: &Path, version: i64) {
        // SQLite keeps the user version (the workspace format) in 4 big-endian bytes at offset 60.
        let mut bytes = std::fs::read(path).unwrap();
        bytes[60..64].copy_from_slice(&(version as u32).to_be_bytes());
        std::fs::write(path, bytes).unwrap();
    }

    #[test]
    fn a_new_workspace_has_one_blank_journey_and_replaces_a_file_only_when_confirmed() {
        let dir = tempfile::tempdir().unwrap();
        let b = workspace(dir.path(), "b.percorso", "Beta journey");
        let state = app(dir.path(), &b);
        assert_eq!(journey_names(&state), ["Beta journey"]);
        let path = dir.path().join("Retail 2027.percorso");
        let summary = new_workspace(&state, &path, false).unwrap();
        assert_eq!(summary.path, real(&path).display().to_string());
        assert_eq!(summary.events, 0);
        assert_eq!(journey_names(&state), ["Retail 2027"]);
        let blank = api::journey(&state, summary.journeys[0].id).unwrap();
        assert!(blank.stages.is_empty() && blank.touchpoints.is_empty());
        assert_eq!(recent_names(&state), ["Retail 2027.percorso", "b.percorso"]);

        // An existing file: refused unless the Save dialog confirmed replacing it.
        let taken = dir.path().join("taken.percorso");
        std::fs::write(&taken, b"precious").unwrap();
        let err = new_workspace(&state, &taken, false).unwrap_err();
        assert_eq!(err.code, ErrorCode::WorkspaceExists);
        assert_eq!(std::fs::read(&taken).unwrap(), b"precious");
        assert_eq!(journey_names(&state), ["Retail 2027"]);
        new_workspace(&state, &taken, true).unwrap();
        assert_eq!(journey_names(&state), ["taken"]);

        // The workspace open now is never replaced.
        let err = new_workspace(&state, &taken, true).unwrap_err();
        assert_eq!(err.code, ErrorCode::SameFile);
        assert_eq!(journey_names(&state), ["taken"]);
    }

    #[test]
    fn after_save_as_edits_land_in_the_copy_and_the_original_keeps_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let original = workspace(dir.path(), "original.percorso", "Before");
        let state = app(dir.path(), &original);
        let id = api::workspace_summary(&state).unwrap().journeys[0].id;
        let copy = dir.path().join("copy.percorso");
        let summary = save_workspace_as(&state, &copy, false).unwrap();
        assert_eq!(summary.path, real(&copy).display().to_string());
        assert_eq!(summary.journeys[0].name, "Before");
        let rename = Edit::RenameJourney {
            name: "After".into(),
        };
        assert!(api::apply_edit(&state, id, &rename).unwrap().changed);
        assert_eq!(journey_names(&state), ["After"]);
        let in_copy = Workspace::open(&copy).unwrap();
        assert_eq!(in_copy.journeys().unwrap()[0].name, "After");
        let in_original = Workspace::open(&original).unwrap();
        assert_eq!(in_original.journeys().unwrap()[0].name, "Before");
        assert_eq!(recent_names(&state), ["copy.percorso", "original.percorso"]);
        // Save As onto the file open now is refused and changes nothing.
        let err = save_workspace_as(&state, &copy, true).unwrap_err();
        assert_eq!(err.code, ErrorCode::SameFile);
        assert_eq!(journey_names(&state), ["After"]);
    }

    #[test]
    fn the_recent_list_is_ordered_deduplicated_limited_and_flags_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let first = workspace(dir.path(), "w00.percorso", "Journey 0");
        let state = app(dir.path(), &first);
        // Opening the startup workspace records it.
        assert!(recent_workspaces(&state).is_empty());
        journey_names(&state);
        assert_eq!(recent_names(&state), ["w00.percorso"]);
        for i in 1..=LIMIT + 2 {
            let path = workspace(dir.path(), &format!("w{i:02}.percorso"), "J");
            open_workspace(&state, &path).unwrap();
        }
        let names = recent_names(&state);
        assert_eq!(names.len(), LIMIT);
        assert_eq!(names[0], "w12.percorso");
        assert_eq!(names[LIMIT - 1], "w03.percorso");
        // Another spelling of the same file moves it to the front, once.
        open_workspace(&state, &dir.path().join(".").join("w05.percorso")).unwrap();
        let names = recent_names(&state);
        assert_eq!(names.len(), LIMIT);
        assert_eq!(
            &names[..3],
            ["w05.percorso", "w12.percorso", "w11.percorso"]
        );
        assert_eq!(names.iter().filter(|n| *n == "w05.percorso").count(), 1);
        // A deleted file stays listed, flagged, until it is forgotten.
        std::fs::remove_file(dir.path().join("w11.percorso")).unwrap();
        let listed = recent_workspaces(&state);
        let gone = listed.iter().find(|r| r.name == "w11.percorso").unwrap();
        assert!(!gone.exists);
        assert!(listed.iter().filter(|r| r.exists).count() == LIMIT - 1);
        forget_recent(&state, Path::new(&gone.path)).unwrap();
        let names = recent_names(&state);
        assert_eq!(names.len(), LIMIT - 1);
        assert!(!names.contains(&"w11.percorso".to_owned()));
        // The list survives a relaunch.
        let again = app(dir.path(), &first);
        assert_eq!(recent_names(&again), names);
    }

    #[test]
    fn a_damaged_recent_list_reads_as_empty_and_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config");
        std::fs::create_dir_all(&config).unwrap();
        std::fs::write(config.join(FILE), "{\"workspaces\": [tru").unwrap();
        let a = workspace(dir.path(), "a.percorso", "Alpha journey");
        let state = app(dir.path(), &a);
        assert!(recent_workspaces(&state).is_empty());
        assert_eq!(journey_names(&state), ["Alpha journey"]);
        assert_eq!(recent_names(&state), ["a.percorso"]);
        let text = std::fs::read_to_string(config.join(FILE)).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value["workspaces"][0].as_str().unwrap(),
            real(&a).to_str().unwrap()
        );
        // Nothing but the list is left in the config folder.
        let names: Vec<_> = std::fs::read_dir(&config)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [FILE]);
    }

    #[test]
    fn a_config_folder_that_cannot_be_written_never_blocks_opening() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the config folder should be: the list can be neither read nor written.
        std::fs::write(dir.path().join("config"), "in the way").unwrap();
        let a = workspace(dir.path(), "a.percorso", "Alpha journey");
        let b = workspace(dir.path(), "b.percorso", "Beta journey");
        let state = app(dir.path(), &a);
        assert_eq!(journey_names(&state), ["Alpha journey"]);
        open_workspace(&state, &b).unwrap();
        assert_eq!(journey_names(&state), ["Beta journey"]);
        assert!(recent_workspaces(&state).is_empty());
        assert!(forget_recent(&state, &a).is_err());
    }
}
