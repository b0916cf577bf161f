//! Importing interaction logs from CSV files.
//!
//! Analysts bring what their CRMs and Excel give them: semicolons, `dd/mm/yyyy`, Windows-1252,
//! stray quotes. Other tools stop at the first bad line or silently keep a fraction of the file;
//! Percorso keeps every good row and shows every bad one. So an import is three steps that the
//! desktop wizard and the CLI share:
//!
//! 1. [`detect`] reads a sample and proposes [`ImportSettings`] (encoding, delimiter, header,
//!    column roles, timestamp format, zone) with a preview; every proposal can be overridden, and
//!    [`preview`] shows what edited settings would read.
//! 2. [`import_file`] reads the whole file with those settings, reporting progress and honouring a
//!    cancel flag; bad rows are rejected *and kept* with their line and reason, exact duplicates
//!    are counted, and log values are matched to the journey's touchpoints.
//! 3. Everything lands in the workspace in one transaction, so an import is there completely or
//!    not at all.

mod batch;
mod detect;
mod formats;
pub mod generate;
mod input;
mod read;
mod store;
pub mod timestamp;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::journey::JourneyId;
use crate::workspace::Workspace;

pub use detect::{detect, preview};
pub use input::{Compression, LogFormat};
pub use store::{channel_in_name, channel_of};
pub use timestamp::TimestampFormat;

/// Event types that mean "the customer was shown something" rather than "the customer acted",
/// proposed as the source's exposure types when its log uses them (see metrics.md).
pub const EXPOSURE_WORDS: [&str; 8] = [
    "sent",
    "delivered",
    "impression",
    "shown",
    "displayed",
    "inviato",
    "consegnato",
    "visualizzazione",
];

/// How the file's bytes encode text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Excel's "ANSI" on Western European Windows; a superset of Latin-1's printable range.
    Windows1252,
}

impl Encoding {
    /// Every encoding, in the order the import wizard offers them.
    pub const ALL: [Encoding; 5] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1252,
    ];

    pub fn parse_name(name: &str) -> Option<Encoding> {
        match name.to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(Encoding::Utf8),
            "utf-8-bom" | "utf8-bom" => Some(Encoding::Utf8Bom),
            "utf-16le" | "utf-16-le" => Some(Encoding::Utf16Le),
            "utf-16be" | "utf-16-be" => Some(Encoding::Utf16Be),
            "windows-1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
                Some(Encoding::Windows1252)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        })
    }
}

/// A known tool's export, recognised from its column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportShape {
    /// A process-mining event log as CSV (pm4py, Disco, Celonis): `case:concept:name`,
    /// `concept:name`, `time:timestamp`.
    ProcessMining,
    PostHog,
    Amplitude,
    Mixpanel,
    /// Google Analytics 4's BigQuery export: `user_pseudo_id`, `event_name`, `event_timestamp`.
    Ga4,
    Segment,
}

impl ExportShape {
    pub fn label(self) -> &'static str {
        match self {
            ExportShape::ProcessMining => "process-mining event log",
            ExportShape::PostHog => "PostHog export",
            ExportShape::Amplitude => "Amplitude export",
            ExportShape::Mixpanel => "Mixpanel export",
            ExportShape::Ga4 => "GA4 BigQuery export",
            ExportShape::Segment => "Segment export",
        }
    }
}

/// Why a column was chosen as the customer over others that could have been.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CustomerBasis {
    /// It is a process-mining log's case id (`case:concept:name`), which names the case
    /// explicitly.
    CaseId,
    /// It is the id that stays the same across devices and sessions (a user id before an
    /// anonymous or device id).
    StableId,
}

impl CustomerBasis {
    pub fn reason(self) -> &'static str {
        match self {
            CustomerBasis::CaseId => "the log's case id",
            CustomerBasis::StableId => "an id that stays the same across devices and sessions",
        }
    }
}

impl Detection {
    /// How the file will be read, in one line for the CLI: its format, the export recognised,
    /// which column holds what, and which customer id was chosen over which.
    pub fn reading(&self) -> String {
        let s = &self.settings;
        let column = |role: ColumnRole| {
            s.roles
                .iter()
                .position(|&r| r == role)
                .and_then(|i| s.columns.get(i))
        };
        let mut parts = Vec::new();
        for (role, what) in [
            (ColumnRole::Customer, "customer"),
            (ColumnRole::Touchpoint, "touchpoint"),
            (ColumnRole::Timestamp, "timestamp"),
        ] {
            if let Some(name) = column(role) {
                let format = match (role, &s.timestamp_format) {
                    (ColumnRole::Timestamp, Some(f)) => format!(" ({f})"),
                    _ => String::new(),
                };
                parts.push(format!("{name} as {what}{format}"));
            }
        }
        let kind = match self.compression {
            Some(c) => format!("{}, {}-compressed", s.format.label(), c.label()),
            None => s.format.label().to_owned(),
        };
        let mut line = match self.export_shape {
            Some(shape) => format!("{kind}, {}: {}", shape.label(), parts.join(", ")),
            None => format!("{kind}: {}", parts.join(", ")),
        };
        if let (Some(chosen), false) = (
            column(ColumnRole::Customer),
            self.customer_alternatives.is_empty(),
        ) {
            line.push_str(&format!(
                ". {chosen} was chosen as the customer over {}: {}",
                self.customer_alternatives.join(", "),
                self.customer_basis.reason()
            ));
        }
        line
    }
}

/// What a column of the file means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Customer,
    Timestamp,
    Touchpoint,
    Channel,
    EventType,
    Value,
    /// A property of the customer (region, device…) used to filter and compare segments.
    Segment,
    Ignore,
}

impl ColumnRole {
    /// Every role, in the order the import wizard offers them.
    pub const ALL: [ColumnRole; 8] = [
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
        ColumnRole::Channel,
        ColumnRole::EventType,
        ColumnRole::Value,
        ColumnRole::Segment,
        ColumnRole::Ignore,
    ];
    /// The roles an import cannot do without.
    pub const REQUIRED: [ColumnRole; 3] = [
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
    ];
    /// The roles at most one column can have (a file may hold many segment attributes).
    pub const SINGLE: [ColumnRole; 6] = [
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
        ColumnRole::Channel,
        ColumnRole::EventType,
        ColumnRole::Value,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Customer => "customer",
            ColumnRole::Timestamp => "timestamp",
            ColumnRole::Touchpoint => "touchpoint",
            ColumnRole::Channel => "channel",
            ColumnRole::EventType => "event_type",
            ColumnRole::Value => "value",
            ColumnRole::Segment => "segment",
            ColumnRole::Ignore => "ignore",
        }
    }
}

/// How to read a file: what detection proposes and the user confirms or corrects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportSettings {
    /// The source's name in the workspace (default: the file name).
    pub source_name: String,
    /// Told from the file's content; the settings below `format` up to `has_header` are CSV's.
    #[serde(default)]
    pub format: LogFormat,
    pub encoding: Encoding,
    pub delimiter: char,
    /// The quote character; `None` reads quotes as ordinary text.
    pub quote: Option<char>,
    /// The first record names the columns.
    pub has_header: bool,
    /// Column names: the header's, or `column 1`, `column 2`… without one.
    pub columns: Vec<String>,
    /// One role per column.
    pub roles: Vec<ColumnRole>,
    /// `None` when the sample could not decide (e.g. `01/02/2026`): ask the user.
    pub timestamp_format: Option<TimestampFormat>,
    /// IANA zone in which timestamps without an offset are read.
    pub timezone: String,
    /// Event types that are exposures; `None` proposes those of [`EXPOSURE_WORDS`] found in the log.
    pub exposure_types: Option<Vec<String>>,
    /// The journey whose touchpoints log values are matched to (default: the first one).
    pub journey: Option<JourneyId>,
    /// Import even if a file with the same content was imported before.
    pub force: bool,
}

/// Choices made before detection, e.g. from CLI flags: each one replaces what detection proposes.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct Overrides {
    pub source_name: Option<String>,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    pub has_header: Option<bool>,
    /// Columns by header name or 1-based number.
    pub customer: Option<String>,
    pub timestamp: Option<String>,
    pub touchpoint: Option<String>,
    pub channel: Option<String>,
    pub event_type: Option<String>,
    pub value: Option<String>,
    pub segments: Vec<String>,
    pub timestamp_format: Option<TimestampFormat>,
    pub timezone: Option<String>,
}

/// What the import wizard shows before importing.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Detection {
    pub settings: ImportSettings,
    /// The first records of the file (after the header) as text, one string per field.
    pub sample_rows: Vec<Vec<String>>,
    /// Timestamp formats that read every sampled value; more than one means the user must choose.
    pub timestamp_candidates: Vec<TimestampFormat>,
    /// The first timestamps of the sample and the instant each one reads as.
    pub timestamp_preview: Vec<TimestampPreview>,
    /// Whatever detection could not settle, in words for the user.
    pub notes: Vec<String>,
    /// The known tool whose export the columns look like, if any.
    pub export_shape: Option<ExportShape>,
    /// How the file is compressed, told by its first bytes.
    pub compression: Option<Compression>,
    /// Other columns that could have held the customer id.
    pub customer_alternatives: Vec<String>,
    /// Why the customer column was chosen over the alternatives.
    pub customer_basis: CustomerBasis,
    #[ts(type = "number")]
    pub file_size: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TimestampPreview {
    pub text: String,
    /// RFC 3339 in UTC, or `None` when the text does not parse with the chosen format.
    pub instant: Option<String>,
}

/// Why a row was not imported. The codes are stable: scripts read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    WrongFieldCount,
    /// A quoted field runs past the end of its line: only that line is rejected.
    UnclosedQuote,
    InvalidEncoding,
    BadTimestamp,
    EmptyCustomer,
    EmptyTouchpoint,
    BadValue,
    /// A line of a JSON Lines file that is not a JSON object.
    InvalidJson,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::WrongFieldCount => "wrong_field_count",
            RejectReason::UnclosedQuote => "unclosed_quote",
            RejectReason::InvalidEncoding => "invalid_encoding",
            RejectReason::BadTimestamp => "bad_timestamp",
            RejectReason::EmptyCustomer => "empty_customer",
            RejectReason::EmptyTouchpoint => "empty_touchpoint",
            RejectReason::BadValue => "bad_value",
            RejectReason::InvalidJson => "invalid_json",
        }
    }
}

/// Rejected rows are stored with their source; the type lives with the workspace that keeps them.
pub use crate::workspace::RejectedRow;

/// A log value that matches no touchpoint of the journey, with its event count.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct UnmappedValue {
    pub value: String,
    #[ts(type = "number")]
    pub events: u64,
}

/// The outcome of an import, as `percorso import --json` prints it (metrics.md); fields after
/// `unmapped` are additions.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportSummary {
    pub source: String,
    #[ts(type = "number")]
    pub rows_read: u64,
    #[ts(type = "number")]
    pub events_imported: u64,
    #[ts(type = "number")]
    pub rows_rejected: u64,
    #[ts(type = "number")]
    pub duplicates: u64,
    #[ts(type = "Record<string, number>")]
    pub rejected_by_reason: BTreeMap<String, u64>,
    pub unmapped: Vec<UnmappedValue>,
    #[ts(type = "number")]
    pub source_id: i64,
    /// The journey whose touchpoints the values were matched to.
    pub journey: JourneyId,
    /// Set when the workspace had no journey and one was made from the log's values.
    pub journey_created: bool,
    pub timezone: String,
    /// Distinct customers among the events of this file (for XES: its traces).
    #[ts(type = "number")]
    pub customers: u64,
    pub format: LogFormat,
}

/// What an import is doing: reading the file, then writing the workspace (a second or so for
/// ten million events, during which `bytes_read` stays at `total_bytes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportPhase {
    Reading,
    Storing,
}

/// How far an import has read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub phase: ImportPhase,
    #[ts(type = "number")]
    pub bytes_read: u64,
    #[ts(type = "number")]
    pub total_bytes: u64,
}

/// Imports `path` into `workspace` with `settings`, in one transaction.
///
/// `on_progress` is called as the file is read; setting `cancel` stops the import with
/// [`crate::Error::Cancelled`] and leaves the workspace as it was. Rejected rows do not fail the
/// import: they are stored and counted in the summary.
pub fn import_file(
    workspace: &mut Workspace,
    path: impl AsRef<Path>,
    settings: &ImportSettings,
    on_progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ImportSummary> {
    let path = path.as_ref();
    let parsed = read::read_file(path, settings, on_progress, cancel)?;
    let total_bytes = std::fs::metadata(path).map_or(0, |m| m.len());
    on_progress(Progress {
        phase: ImportPhase::Storing,
        bytes_read: total_bytes,
        total_bytes,
    });
    store::store(workspace, path, settings, parsed, cancel)
}

/// The content hash that identifies a file's bytes (BLAKE3, hex), as stored with each source.
pub fn content_hash(path: impl AsRef<Path>) -> Result<String> {
    let path = path.as_ref();
    let mut hasher = blake3::Hasher::new();
    hasher
        .update_reader(std::fs::File::open(path).map_err(|e| crate::Error::io(path, e))?)
        .map_err(|e| crate::Error::io(path, e))?;
    Ok(hasher.finalize().to_hex().to_string())
}
