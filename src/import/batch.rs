//! Records as the readers hand them to the parser: a batch of records, each with its line, its
//! raw text and its fields, from the CSV splitter or another format's reader alike.

use crate::import::timestamp::Stamp;
use crate::import::RejectReason;

/// A batch of records: field bytes and where each field ends,
/// and per record its line, its raw text in `data` and its fields.
#[derive(Default)]
pub(crate) struct Batch {
    pub(crate) data: Vec<u8>,
    pub(crate) fields: Vec<u8>,
    pub(crate) ends: Vec<u32>,
    pub(crate) entries: Vec<Entry>,
    pub(crate) valid_utf8: bool,
    pub(crate) raw_read: u64,
    /// Why each [`EntryKind::Malformed`] record was rejected, by its index.
    pub(crate) malformed: Vec<(RejectReason, String)>,
}

pub(crate) struct Entry {
    pub(crate) line: u64,
    pub(crate) raw: (usize, usize),
    pub(crate) field_start: usize,
    pub(crate) fields: (usize, usize),
    pub(crate) kind: EntryKind,
    /// The timestamp as the file typed it (a Parquet timestamp column), so that its text need
    /// not be parsed: the same instant that parsing the text would give.
    pub(crate) stamp: Option<Stamp>,
}

#[derive(Clone, Copy)]
pub(crate) enum EntryKind {
    Row,
    /// The first line of a record swallowed by an unclosed quote (`header`: it was the header).
    UnclosedQuote {
        header: bool,
    },
    /// A record that another format's reader could not read (a JSON line that is not an object):
    /// its reason and message are `malformed[i]` of the batch.
    Malformed(usize),
}

/// A reading pipeline for the parser: batches of records, where used batches go back to be
/// filled again, and the thread, which returns the file's content hash.
pub(crate) type Pipeline = (
    std::sync::mpsc::Receiver<crate::error::Result<Batch>>,
    std::sync::mpsc::SyncSender<Batch>,
    std::thread::JoinHandle<crate::error::Result<String>>,
);
