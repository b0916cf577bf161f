//! Replacing a file only once its new content is complete.
//!
//! Workspaces (new and Save As), journey files, exported CSVs and the app's recent list are all
//! written the same way, here: into a staging file beside the target (the same folder, so the
//! rename never crosses file systems), flushed to disk, then renamed over the target. A failure at
//! any point removes the staging file and leaves the target as it was, so nobody ever opens half a
//! file.

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Makes the file at `path` with `write`, which fills the staging file whose path it is given
/// (and must have closed it when it returns). The staging file takes `path`'s name only when
/// `write` succeeded.
pub fn write_with<T>(path: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let staging = staging_path(path);
    remove_if_exists(&staging)?;
    let written = write(&staging).and_then(|value| {
        OpenOptions::new()
            .write(true)
            .open(&staging)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&staging, e))?;
        std::fs::rename(&staging, path).map_err(|e| Error::io(path, e))?;
        Ok(value)
    });
    if written.is_err() {
        // The error that matters is the one above; a staging file that will not go is reported
        // by the next write to the same path.
        let _ = remove_if_exists(&staging);
    }
    written
}

/// Makes the file at `path` with `bytes` as its content.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |staging| {
        std::fs::write(staging, bytes).map_err(|e| Error::io(staging, e))
    })
}

/// The staging file of `path`: its name with `.partial` added, in the same folder.
fn staging_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

fn remove_if_exists(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}
