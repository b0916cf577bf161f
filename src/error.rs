//! Typed errors of the engine.
//!
//! Every error carries a stable machine-readable [`ErrorCode`] so that the UI and scripts can react
//! to the kind of failure without matching message text, and a message that names the file or
//! object involved and says what the user can do next.

use std::collections::BTreeMap;
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
    /// A log file (XES, Parquet) that cannot be read as a whole; nothing of it was imported.
    BadLogFile,
    /// No column of the file was given a role that the import needs.
    MissingRole,
    /// A role that one column only may have was given to several.
    DuplicateRole,
    /// A customer id that the log does not hold.
    UnknownCustomer,
    /// A stage that still holds touchpoints was to be deleted with nowhere to move them.
    StageNotEmpty,
    /// A journey, stage, touchpoint or persona was to be left without a name.
    NameRequired,
    /// The filters keep no event, so there is no path to discover a journey from.
    NothingToDiscover,
    /// A trend would have more periods than it can show: the dates span too long for the period.
    TooManyPeriods,
    /// The Spark Connect server did not answer.
    SparkUnreachable,
    /// The table named for Spark does not exist on the cluster.
    SparkTableMissing,
    /// A column given a role does not exist in the Spark table.
    SparkColumnMissing,
    /// The cluster refused or failed a query.
    SparkQuery,
    /// The system keyring (Secret Service, Keychain, Credential Manager) refused or is absent.
    Keyring,
    /// A background task of the desktop shell died before answering (a bug, not the user's).
    TaskFailed,
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
    #[error("{}: already exists. Choose another file name, or replace it.", path.display())]
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
    #[error("cancelled on request; the workspace was left exactly as it was")]
    Cancelled,
    #[error("{}: its content was already imported as source \"{source_name}\"; nothing was imported. Import it again only to count its events twice.", path.display())]
    AlreadyImported { path: PathBuf, source_name: String },
    #[error("the timestamps of column \"{column}\" could be day-first or month-first (e.g. 01/02/2026); choose the format, dd/mm/yyyy or mm/dd/yyyy")]
    AmbiguousTimestamp { column: String },
    #[error("not a journey file Percorso can read ({location}): {reason}")]
    BadJourneyFile { location: String, reason: String },
    #[error("{}: {location}: {reason}; nothing was imported and the workspace is as it was. Fix the file or export it again.", path.display())]
    BadLogFile {
        path: PathBuf,
        location: String,
        reason: String,
    },
    #[error("no column has the role {role}: choose the column that holds it")]
    MissingRole { role: &'static str },
    #[error("several columns have the role {role}; give it to one column only")]
    DuplicateRole { role: &'static str },
    #[error("no customer \"{customer}\" in this log; check the id as the log spells it")]
    UnknownCustomer { customer: String },
    #[error("stage \"{stage}\" holds touchpoints: choose the stage they move to")]
    StageNotEmpty { stage: String },
    #[error("a {what} needs a name")]
    NameRequired { what: &'static str },
    #[error(
        "the filters keep no event, so there is no journey to discover; widen the dates or \
         clear a filter"
    )]
    NothingToDiscover,
    #[error(
        "the dates span {days} days, too many {by}s for one trend (at most {max}); choose a \
         longer period (week or month) or narrow the dates"
    )]
    TooManyPeriods {
        by: &'static str,
        days: i64,
        max: usize,
    },
    #[error("cannot reach the Spark Connect server at {url}: {detail}. Check that it runs, its address and port, and the network; nothing was changed")]
    SparkUnreachable { url: String, detail: String },
    #[error("the Spark cluster at {url} has no table \"{table}\"; check its name (database.table) and that your user may read it")]
    SparkTableMissing { url: String, table: String },
    #[error("table \"{table}\" has no column \"{column}\" for the {role}; its columns are: {available}. Choose one of them")]
    SparkColumnMissing {
        table: String,
        column: String,
        role: &'static str,
        available: String,
    },
    #[error("the Spark cluster at {url} could not run a query: {detail}")]
    SparkQuery { url: String, detail: String },
    #[error("the system keyring could not keep the Spark token: {detail}. Unlock it or start it (on Linux, a Secret Service such as GNOME Keyring or KWallet), or set the environment variable PERCORSO_SPARK_TOKEN instead")]
    Keyring { detail: String },
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
            Error::BadLogFile { .. } => ErrorCode::BadLogFile,
            Error::MissingRole { .. } => ErrorCode::MissingRole,
            Error::DuplicateRole { .. } => ErrorCode::DuplicateRole,
            Error::UnknownCustomer { .. } => ErrorCode::UnknownCustomer,
            Error::StageNotEmpty { .. } => ErrorCode::StageNotEmpty,
            Error::NameRequired { .. } => ErrorCode::NameRequired,
            Error::NothingToDiscover => ErrorCode::NothingToDiscover,
            Error::TooManyPeriods { .. } => ErrorCode::TooManyPeriods,
            Error::SparkUnreachable { .. } => ErrorCode::SparkUnreachable,
            Error::SparkTableMissing { .. } => ErrorCode::SparkTableMissing,
            Error::SparkColumnMissing { .. } => ErrorCode::SparkColumnMissing,
            Error::SparkQuery { .. } => ErrorCode::SparkQuery,
            Error::Keyring { .. } => ErrorCode::Keyring,
        }
    }

    /// What the error is about, by name: a program that words the message itself (the app, in
    /// the user's language) takes these with [`Error::code`] instead of the English text.
    pub fn params(&self) -> BTreeMap<&'static str, String> {
        let path = |p: &PathBuf| p.display().to_string();
        let pairs: Vec<(&'static str, String)> = match self {
            Error::Io { path: p, source } => {
                vec![("path", path(p)), ("detail", source.to_string())]
            }
            Error::NotSqlite { path: p }
            | Error::NotAWorkspace { path: p }
            | Error::WorkspaceExists { path: p }
            | Error::SameFile { path: p } => vec![("path", path(p))],
            Error::WorkspaceTooNew {
                path: p,
                found,
                supported,
            } => vec![
                ("path", path(p)),
                ("found", found.to_string()),
                ("supported", supported.to_string()),
            ],
            Error::Storage(e) => vec![("detail", e.to_string())],
            Error::Migration(e) => vec![("detail", e.to_string())],
            Error::CorruptData(detail) => vec![("detail", detail.clone())],
            Error::NotFound { what, id } => {
                vec![("what", (*what).to_owned()), ("id", id.to_string())]
            }
            Error::InvalidInput(detail) => vec![("detail", detail.clone())],
            Error::Cancelled => vec![],
            Error::AlreadyImported {
                path: p,
                source_name,
            } => {
                vec![("path", path(p)), ("source", source_name.clone())]
            }
            Error::AmbiguousTimestamp { column } => vec![("column", column.clone())],
            Error::BadJourneyFile { location, reason } => {
                vec![("location", location.clone()), ("reason", reason.clone())]
            }
            Error::BadLogFile {
                path: p,
                location,
                reason,
            } => vec![
                ("path", path(p)),
                ("location", location.clone()),
                ("reason", reason.clone()),
            ],
            Error::MissingRole { role } | Error::DuplicateRole { role } => {
                vec![("role", (*role).to_owned())]
            }
            Error::UnknownCustomer { customer } => vec![("customer", customer.clone())],
            Error::StageNotEmpty { stage } => vec![("stage", stage.clone())],
            Error::NameRequired { what } => vec![("what", (*what).to_owned())],
            Error::NothingToDiscover => vec![],
            Error::TooManyPeriods { by, days, max } => vec![
                ("by", (*by).to_owned()),
                ("days", days.to_string()),
                ("max", max.to_string()),
            ],
            Error::SparkUnreachable { url, detail } | Error::SparkQuery { url, detail } => {
                vec![("url", url.clone()), ("detail", detail.clone())]
            }
            Error::Keyring { detail } => vec![("detail", detail.clone())],
            Error::SparkTableMissing { url, table } => {
                vec![("url", url.clone()), ("table", table.clone())]
            }
            Error::SparkColumnMissing {
                table,
                column,
                role,
                available,
            } => vec![
                ("table", table.clone()),
                ("column", column.clone()),
                ("role", (*role).to_owned()),
                ("available", available.clone()),
            ],
        };
        pairs.into_iter().collect()
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
