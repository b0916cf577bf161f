//! The recent-workspaces list: at most [`LIMIT`] paths, most recent first, one per file (compared
//! by real path), kept as JSON in the app's config folder.
//!
//! The list is a convenience: a missing or damaged file reads as an empty list, and a list that
//! cannot be written is reported on stderr, so it never keeps a workspace from opening. The file
//! is written to a staging file and renamed, so a crash never leaves half a list.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

/// How many workspaces the list keeps.
pub const LIMIT: usize = 10;

/// The list's file name inside the config folder.
pub const FILE: &str = "recent-workspaces.json";

/// The environment variable that moves the config folder (tests use it to stay isolated).
pub const CONFIG_DIR_VAR: &str = "PERCORSO_CONFIG_DIR";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    workspaces: Vec<PathBuf>,
}

pub struct Recents {
    /// The list's file; none when the system has no config folder, and then the list stays empty.
    file: Option<PathBuf>,
    /// Serialises read-change-write cycles between commands.
    writing: Mutex<()>,
}

impl Recents {
    /// The list kept in `dir`, or no list at all.
    pub fn in_dir(dir: Option<PathBuf>) -> Recents {
        Recents {
            file: dir.map(|d| d.join(FILE)),
            writing: Mutex::new(()),
        }
    }

    /// No list: what tests of other commands use, so they never touch a real config folder.
    pub fn none() -> Recents {
        Recents::in_dir(None)
    }

    /// The paths, most recent first; empty when the file is missing or damaged.
    pub fn list(&self) -> Vec<PathBuf> {
        let Some(file) = &self.file else {
            return Vec::new();
        };
        std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .map(|s| s.workspaces)
            .unwrap_or_default()
    }

    /// Puts `path` at the front, removing any other entry for the same file. A failure to write
    /// is reported on stderr and otherwise ignored: the workspace is open either way.
    pub fn add(&self, path: &Path) {
        let path = real(path);
        if let Err(e) = self.change(|list| {
            list.retain(|p| real(p) != path);
            list.insert(0, path.clone());
            list.truncate(LIMIT);
        }) {
            eprintln!("percorso-app: the recent-workspaces list was not updated: {e}");
        }
    }

    /// Removes `path` (and any other spelling of the same file) from the list.
    pub fn forget(&self, path: &Path) -> percorso::Result<()> {
        let gone = real(path);
        self.change(|list| list.retain(|p| p != path && real(p) != gone))
    }

    fn change(&self, edit: impl FnOnce(&mut Vec<PathBuf>)) -> percorso::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let _writing = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let mut list = self.list();
        edit(&mut list);
        let text = serde_json::to_vec_pretty(&Stored { workspaces: list }).map_err(|e| {
            percorso::Error::io(
                file,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        write_atomically(file, &text)
    }
}

/// The file's real path when it exists, else its absolute path: one key per file.
pub fn real(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

fn write_atomically(file: &Path, bytes: &[u8]) -> percorso::Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| percorso::Error::io(path, e)
    };
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    percorso::atomic_write::write_bytes(file, bytes)
}
