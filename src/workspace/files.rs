//! Save As: a consistent copy of the open workspace in another file.
//!
//! SQLite's `VACUUM INTO` writes a compact snapshot of the database as one transaction sees it,
//! header included (application id and format version), into a staging file that
//! [`crate::atomic_write`] flushes and renames over the target, so a failure never leaves a
//! half-written workspace at the target.

use std::path::{Path, PathBuf};

use super::Workspace;
use crate::error::{Error, Result};

impl Workspace {
    /// Writes a copy of this workspace (journeys, sources, events and undo history) to `path`.
    ///
    /// An existing file at `path` is refused unless `replace` is set; the open workspace itself
    /// is always refused ([`Error::SameFile`]). This workspace stays open and unchanged: reopen
    /// the copy to go on working in it.
    pub fn save_as(&self, path: impl AsRef<Path>, replace: bool) -> Result<()> {
        let path = path.as_ref().to_path_buf();
        if same_file(&self.path, &path) {
            return Err(Error::SameFile { path });
        }
        if path.exists() && !replace {
            return Err(Error::WorkspaceExists { path });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_dir() {
                return Err(Error::io(
                    dir,
                    std::io::Error::new(std::io::ErrorKind::NotFound, "the folder does not exist"),
                ));
            }
        }
        crate::atomic_write::write_with(&path, |staging| {
            let target = staging.to_str().ok_or_else(|| {
                Error::InvalidInput(format!(
                    "{}: the file name is not valid Unicode; choose a plain name",
                    path.display()
                ))
            })?;
            self.conn.execute("VACUUM INTO ?1", [target])?;
            Ok(())
        })
    }
}

/// Whether `a` and `b` name the same file, following links; a file not yet there is compared by
/// its folder's real path and its name.
pub fn same_file(a: &Path, b: &Path) -> bool {
    resolved(a) == resolved(b)
}

fn resolved(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}
