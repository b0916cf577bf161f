//! The workspace: one SQLite file holding journeys, imported sources and their events.
//!
//! A workspace is something users copy, mail and reopen, so it is a single file in SQLite's
//! default rollback-journal mode (no `-wal` companion left beside it), marked with Percorso's
//! `application_id` so that a foreign database is recognised and refused before anything is
//! written to it. The file format is versioned by [`schema`]; each migration is applied in one
//! transaction together with its version number.

mod blob;
mod editing;
mod events;
mod files;
mod journey_files;
mod journeys;
mod mapping;
mod schema;
mod spark;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journey::JourneySummary;

pub use editing::HISTORY_LIMIT;
pub use events::{RejectedDraft, RejectedPage, RejectedRow, SourceDraft, SourceSummary};
pub use files::same_file;
pub use journeys::{JourneyDraft, TouchpointDraft};

/// "PCRS": written in the SQLite header of every workspace.
pub const APPLICATION_ID: i64 = 0x5043_5253;

/// What the app's title bar and the CLI's `info` show about an open workspace.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WorkspaceSummary {
    pub path: String,
    pub format_version: u32,
    pub journeys: Vec<JourneySummary>,
    pub sources: Vec<SourceSummary>,
    #[ts(type = "number")]
    pub events: u64,
}

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    /// How many undo steps each journey keeps.
    history_limit: i64,
}

/// How long a workspace waits for another connection's lock on the file before it gives up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

impl Workspace {
    /// Opens an existing workspace, upgrading its format if it was written by an older Percorso.
    ///
    /// A file that is not a workspace, or that a newer Percorso wrote, is refused and left exactly
    /// as it was.
    pub fn open(path: impl AsRef<Path>) -> Result<Workspace> {
        let path = path.as_ref().to_path_buf();
        check_sqlite_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let application_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if application_id != APPLICATION_ID {
            return Err(Error::NotAWorkspace { path });
        }
        let found = schema::version(&conn)?;
        if found > schema::LATEST {
            return Err(Error::WorkspaceTooNew {
                path,
                found,
                supported: schema::LATEST,
            });
        }
        Workspace::ready(conn, path)
    }

    /// Creates a new, empty workspace. An existing file is refused unless `replace` is set, in
    /// which case it is replaced only once the new workspace has been written in full.
    pub fn create(path: impl AsRef<Path>, replace: bool) -> Result<Workspace> {
        Workspace::build(path, replace, |_| Ok(()))
    }

    /// Opens the workspace at `path`, creating it with `fill` when no file is there yet.
    pub fn open_or_create_with(
        path: impl AsRef<Path>,
        fill: impl FnOnce(&mut Workspace) -> Result<()>,
    ) -> Result<Workspace> {
        let path = path.as_ref();
        if path.exists() {
            return Workspace::open(path);
        }
        Workspace::build(path, true, fill)
    }

    /// Writes a new workspace with `fill` into a staging file and moves it into place only when
    /// `fill` succeeded, so a failure never leaves a half-written workspace at `path`.
    pub fn build(
        path: impl AsRef<Path>,
        replace: bool,
        fill: impl FnOnce(&mut Workspace) -> Result<()>,
    ) -> Result<Workspace> {
        let path = path.as_ref().to_path_buf();
        if path.exists() && !replace {
            return Err(Error::WorkspaceExists { path });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        crate::atomic_write::write_with(&path, |staging| {
            let mut workspace =
                Workspace::ready(Connection::open(staging)?, staging.to_path_buf())?;
            let filled = fill(&mut workspace);
            // The connection closes before the file takes its name.
            drop(workspace);
            filled
        })?;
        Workspace::open(&path)
    }

    fn ready(mut conn: Connection, path: PathBuf) -> Result<Workspace> {
        // Another process may be reading the file (the CLI beside the app): wait for it a
        // while rather than fail at once with "database is locked".
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        schema::migrate(&mut conn)?;
        Ok(Workspace {
            conn,
            path,
            history_limit: HISTORY_LIMIT,
        })
    }

    /// Keeps at most `steps` undo steps per journey from the next edit on (default
    /// [`HISTORY_LIMIT`]).
    pub fn set_history_limit(&mut self, steps: u32) {
        self.history_limit = i64::from(steps.max(1));
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn summary(&self) -> Result<WorkspaceSummary> {
        Ok(WorkspaceSummary {
            path: self.path.display().to_string(),
            format_version: u32::try_from(schema::version(&self.conn)?).unwrap_or(u32::MAX),
            journeys: self.journeys()?,
            sources: self.sources()?,
            events: self.event_count()?,
        })
    }
}

/// Refuses anything that is not an SQLite database before SQLite opens it, so that a text file
/// or an empty file given by mistake is never touched.
fn check_sqlite_header(path: &Path) -> Result<()> {
    const MAGIC: &[u8; 16] = b"SQLite format 3\0";
    let mut header = [0u8; 16];
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    if read < header.len() || &header != MAGIC {
        return Err(Error::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}
