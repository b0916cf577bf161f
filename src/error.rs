//! Typed errors of the engine.
//!
//! Every error carries a stable machine-readable [`ErrorCode`] so that the UI and scripts can react
//! to the kind of failure without matching message text, and a message that names the file or
//! object involved and says what the user can do next.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The stable code of an [`Error`], shared with the UI through the generated TypeScript types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Io,
    NotSqlite,
    NotAWorkspace,
    WorkspaceTooNew,
    WorkspaceExists,
    SameFile,
    Storage,
    /// Another program holds a lock on the workspace file.
    Busy,
    CorruptData,
    NotFound,
    InvalidInput,
    Cancelled,
    AlreadyImported,
    AmbiguousTimestamp,
    BadJourneyFile,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: cannot be read or written: {source}. Check that the file exists and that you may access it.", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}: not a Percorso workspace (the file is not an SQLite database); it was left untouched. Open a .percorso file or create a new workspace.", path.display())]
    NotSqlite { path: PathBuf },
    #[error("{}: an SQLite database but not a Percorso workspace; it was left untouched. Open a .percorso file or create a new workspace.", path.display())]
    NotAWorkspace { path: PathBuf },
    #[error("{}: written by a newer version of Percorso (workspace format {found}, this version reads up to {supported}); it was left untouched. Update Percorso to open it.", path.display())]
    WorkspaceTooNew {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    #[error("{}: already exists. Choose another file name, or pass --force to replace it.", path.display())]
    WorkspaceExists { path: PathBuf },
    #[error("{}: this is the workspace open now and cannot be replaced while it is open. Choose another file name.", path.display())]
    SameFile { path: PathBuf },
    #[error("{}", storage_message(.0))]
    Storage(#[from] rusqlite::Error),
    #[error("workspace storage failed while upgrading the file format: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("the workspace holds damaged event data ({0}); restore it from a copy or re-import the source")]
    CorruptData(String),
    #[error("{what} {id} does not exist in this workspace")]
    NotFound { what: &'static str, id: i64 },
    #[error("{0}")]
    InvalidInput(String),
    #[error("the import was cancelled; the workspace was left exactly as it was")]
    Cancelled,
    #[error("{}: its content was already imported as source \"{source_name}\"; nothing was imported. Pass --force (or choose \"import again\") to import it a second time.", path.display())]
    AlreadyImported { path: PathBuf, source_name: String },
    #[error("the timestamps of column \"{column}\" could be day-first or month-first (e.g. 01/02/2026); choose the format (CLI: --timestamp-format dd/mm/yyyy or mm/dd/yyyy)")]
    AmbiguousTimestamp { column: String },
    #[error("not a journey file Percorso can read ({location}): {reason}")]
    BadJourneyFile { location: String, reason: String },
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Io { .. } => ErrorCode::Io,
            Error::NotSqlite { .. } => ErrorCode::NotSqlite,
            Error::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            Error::WorkspaceTooNew { .. } => ErrorCode::WorkspaceTooNew,
            Error::WorkspaceExists { .. } => ErrorCode::WorkspaceExists,
            Error::SameFile { .. } => ErrorCode::SameFile,
            Error::Storage(e) if is_busy(e) => ErrorCode::Busy,
            Error::Storage(_) | Error::Migration(_) => ErrorCode::Storage,
            Error::CorruptData(_) => ErrorCode::CorruptData,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::AlreadyImported { .. } => ErrorCode::AlreadyImported,
            Error::AmbiguousTimestamp { .. } => ErrorCode::AmbiguousTimestamp,
            Error::BadJourneyFile { .. } => ErrorCode::BadJourneyFile,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Whether SQLite refused because another connection, usually another program, holds the file.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// SQLite's own words for a lock ("database is locked") tell a user nothing they can act on.
fn storage_message(e: &rusqlite::Error) -> String {
    if is_busy(e) {
        "another program is writing to this workspace, so nothing was changed; wait until it \
         has finished (or close it), then try again"
            .to_owned()
    } else {
        format!("workspace storage failed: {e}")
    }
}
