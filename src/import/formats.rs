//! Logs that are not CSV: XES, JSON Lines and Parquet.
//!
//! Each reader turns its file into the records that the CSV reader makes (one text field per
//! column, the line the record starts on and its raw text), so that detection, the preview, the
//! column roles, rejected rows, duplicates and the atomic import are the same for every format.
//! The columns are named as the file names its values: XES attributes by key (trace attributes
//! with `case:` before the key, as process-mining CSVs name them), JSON fields by their dotted
//! path (`properties.$browser`), Parquet columns by their path in the schema.

mod json_lines;
mod parquet;
mod xes;

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;

use super::batch::{Batch, Entry, EntryKind, Pipeline};
use super::input::LogFormat;
use super::timestamp::Stamp;
use super::RejectReason;
use crate::error::Result;

/// Records per batch handed to the parser.
const BATCH_ROWS: usize = 32_768;
/// Bytes of fields and raw text after which a batch is handed over even if it has fewer records.
const BATCH_BYTES: usize = 4 << 20;

/// The start of a file: its column names and its first records as text.
pub(crate) struct Sample {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Reads up to `limit` records from the start of `path`. With `columns`, the records are read
/// into those columns (the wizard's preview of settings already made); without, the columns are
/// found as the records name them.
pub(crate) fn sample(
    path: &Path,
    format: LogFormat,
    columns: Option<&[String]>,
    limit: usize,
) -> Result<Sample> {
    let mut rows = Rows::new(
        columns.map(<[String]>::to_vec),
        Sink::Sample {
            rows: Vec::new(),
            limit,
        },
    );
    read(path, format, &mut rows)?;
    let width = rows.columns.len();
    let Sink::Sample { rows: mut data, .. } = rows.sink else {
        return Ok(Sample {
            columns: rows.columns,
            rows: Vec::new(),
        });
    };
    for row in &mut data {
        row.resize(width, String::new());
    }
    Ok(Sample {
        columns: rows.columns,
        rows: data,
    })
}

/// Reads the whole of `path` into `columns` on its own thread.
/// `stamp_column`: see [`Rows::stamp_column`].
pub(crate) fn spawn(
    path: &Path,
    format: LogFormat,
    columns: &[String],
    stamp_column: Option<usize>,
) -> Pipeline {
    let (tx, rx) = sync_channel::<Result<Batch>>(2);
    let (used_tx, used_rx) = sync_channel::<Batch>(4);
    let path = path.to_path_buf();
    let columns = columns.to_vec();
    let handle = std::thread::spawn(move || {
        // The content hash, read alongside: it identifies a file already imported.
        let hashed = {
            let path = path.clone();
            std::thread::spawn(move || super::content_hash(&path))
        };
        let mut rows = Rows::new(
            Some(columns),
            Sink::Batches {
                tx: tx.clone(),
                used: used_rx,
                batch: Batch::default(),
            },
        );
        rows.stamp_column = stamp_column;
        if let Err(e) = read(&path, format, &mut rows).and_then(|()| rows.flush()) {
            let stop = crate::Error::InvalidInput(format!("{}: reading stopped", path.display()));
            let _ = tx.send(Err(e));
            return Err(stop);
        }
        hashed.join().map_err(|_| {
            crate::Error::InvalidInput(format!("{}: hashing stopped", path.display()))
        })?
    });
    (rx, used_tx, handle)
}

fn read(path: &Path, format: LogFormat, rows: &mut Rows) -> Result<()> {
    match format {
        LogFormat::Xes => {
            let input = super::input::open(path)?;
            rows.consumed = Arc::clone(&input.consumed);
            xes::read(path, input, rows)
        }
        LogFormat::JsonLines => {
            let input = super::input::open(path)?;
            rows.consumed = Arc::clone(&input.consumed);
            json_lines::read(path, input, rows)
        }
        LogFormat::Parquet => parquet::read(path, rows),
        LogFormat::Csv => Ok(()),
    }
}

enum Sink {
    Sample {
        rows: Vec<Vec<String>>,
        limit: usize,
    },
    Batches {
        tx: SyncSender<Result<Batch>>,
        used: Receiver<Batch>,
        batch: Batch,
    },
}

/// Where a format's reader puts its records, one at a time: [`Rows::begin`], a [`Rows::set`]
/// per value, then [`Rows::end`]. Each call that finishes a record says whether to go on: a
/// sample is full, or the import was cancelled.
pub(crate) struct Rows {
    columns: Vec<String>,
    index: HashMap<String, usize>,
    /// Whether names not seen before become new columns (detection) or are left out (import).
    discover: bool,
    /// Each column's value in `scratch`, for the record being read.
    slots: Vec<Option<(usize, usize)>>,
    scratch: Vec<u8>,
    line: u64,
    /// Bytes of the file read so far, for progress.
    consumed: Arc<AtomicU64>,
    sink: Sink,
    /// The column whose typed timestamps (a Parquet timestamp or date column) the parser may
    /// take as they are: the import's timestamp column, when its format reads what the reader
    /// writes (ISO 8601).
    pub(crate) stamp_column: Option<usize>,
}

impl Rows {
    fn new(columns: Option<Vec<String>>, sink: Sink) -> Rows {
        let discover = columns.is_none();
        let columns = columns.unwrap_or_default();
        let index = columns
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i))
            .collect();
        Rows {
            columns,
            index,
            discover,
            slots: Vec::new(),
            scratch: Vec::new(),
            line: 0,
            consumed: Arc::new(AtomicU64::new(0)),
            sink,
            stamp_column: None,
        }
    }

    /// The column that holds values named `name`, or `None` when the import leaves them out.
    pub(crate) fn column(&mut self, name: &str) -> Option<usize> {
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        if !self.discover {
            return None;
        }
        let i = self.columns.len();
        self.columns.push(name.to_owned());
        self.index.insert(name.to_owned(), i);
        Some(i)
    }

    /// Starts a record found on `line` (a row number, for a format without lines).
    pub(crate) fn begin(&mut self, line: u64) {
        self.line = line;
        self.scratch.clear();
        self.slots.clear();
        self.slots.resize(self.columns.len(), None);
    }

    pub(crate) fn set(&mut self, column: usize, value: &[u8]) {
        if self.slots.len() <= column {
            self.slots.resize(column + 1, None);
        }
        let start = self.scratch.len();
        self.scratch.extend_from_slice(value);
        if let Some(slot) = self.slots.get_mut(column) {
            *slot = Some((start, self.scratch.len()));
        }
    }

    /// Ends the record; `raw` is how it reads in the file. Returns whether to go on.
    pub(crate) fn end(&mut self, raw: &[u8]) -> Result<bool> {
        let width = self.columns.len();
        match &mut self.sink {
            Sink::Sample { rows, limit } => {
                let row = (0..width)
                    .map(|c| {
                        let v = match self.slots.get(c) {
                            Some(&Some((s, e))) => self.scratch.get(s..e).unwrap_or(&[]),
                            _ => &[],
                        };
                        String::from_utf8_lossy(v).into_owned()
                    })
                    .collect();
                rows.push(row);
                Ok(rows.len() < *limit)
            }
            Sink::Batches { batch, .. } => {
                let start = batch.data.len();
                batch.data.extend_from_slice(raw);
                let end = batch.data.len();
                self.end_at(start, end)
            }
        }
    }

    /// Ends the record whose raw text is `data[start..end]` of the batch being filled.
    fn end_at(&mut self, start: usize, end: usize) -> Result<bool> {
        let width = self.columns.len();
        match &mut self.sink {
            Sink::Sample { .. } => Ok(true),
            Sink::Batches { batch, .. } => {
                let field_start = batch.fields.len();
                let ends_start = batch.ends.len();
                for c in 0..width {
                    if let Some(&Some((s, e))) = self.slots.get(c) {
                        batch
                            .fields
                            .extend_from_slice(self.scratch.get(s..e).unwrap_or(&[]));
                    }
                    batch
                        .ends
                        .push(u32::try_from(batch.fields.len()).unwrap_or(u32::MAX));
                }
                batch.entries.push(Entry {
                    line: self.line,
                    raw: (start, end),
                    field_start,
                    fields: (ends_start, batch.ends.len()),
                    kind: EntryKind::Row,
                    stamp: None,
                });
                self.hand_over_if_full()
            }
        }
    }

    /// A whole record that has no text of its own (a Parquet row), its values given by column:
    /// the parser identifies it by its fields and shows them as a CSV line if it rejects it.
    /// `stamp` is the import's timestamp as the file typed it, when it did. Returns whether to
    /// go on.
    pub(crate) fn record<'v>(
        &mut self,
        line: u64,
        value: impl Fn(usize) -> Option<&'v [u8]>,
        stamp: Option<Stamp>,
    ) -> Result<bool> {
        let width = self.columns.len();
        if let Sink::Batches { batch, .. } = &mut self.sink {
            let field_start = batch.fields.len();
            let ends_start = batch.ends.len();
            for c in 0..width {
                if let Some(v) = value(c) {
                    batch.fields.extend_from_slice(v);
                }
                batch
                    .ends
                    .push(u32::try_from(batch.fields.len()).unwrap_or(u32::MAX));
            }
            let at = batch.data.len();
            batch.entries.push(Entry {
                line,
                raw: (at, at),
                field_start,
                fields: (ends_start, batch.ends.len()),
                kind: EntryKind::Row,
                stamp,
            });
            return self.hand_over_if_full();
        }
        self.begin(line);
        for c in 0..width {
            if let Some(v) = value(c) {
                self.set(c, v);
            }
        }
        self.end(&[])
    }

    /// A record the format's reader could not read: it is rejected with `reason` and `message`,
    /// and kept with its raw text. Returns whether to go on.
    pub(crate) fn malformed(
        &mut self,
        line: u64,
        reason: RejectReason,
        message: String,
        raw: &[u8],
    ) -> Result<bool> {
        match &mut self.sink {
            // The preview shows what the import will read; rejected rows are listed after it.
            Sink::Sample { .. } => Ok(true),
            Sink::Batches { batch, .. } => {
                let data_start = batch.data.len();
                batch.data.extend_from_slice(raw);
                batch.entries.push(Entry {
                    line,
                    raw: (data_start, batch.data.len()),
                    field_start: batch.fields.len(),
                    fields: (batch.ends.len(), batch.ends.len()),
                    kind: EntryKind::Malformed(batch.malformed.len()),
                    stamp: None,
                });
                batch.malformed.push((reason, message));
                self.hand_over_if_full()
            }
        }
    }

    /// Notes how many bytes of the file have been read, for a reader that reads it itself.
    pub(crate) fn read_so_far(&self, bytes: u64) {
        self.consumed.store(bytes, Ordering::Relaxed);
    }

    fn hand_over_if_full(&mut self) -> Result<bool> {
        match &self.sink {
            Sink::Batches { batch, .. }
                if batch.entries.len() >= BATCH_ROWS
                    || batch.fields.len() + batch.data.len() >= BATCH_BYTES =>
            {
                self.hand_over()
            }
            _ => Ok(true),
        }
    }

    /// Sends the batch being filled to the parser; `false` when nobody reads any more (the
    /// import was cancelled or failed).
    fn hand_over(&mut self) -> Result<bool> {
        let raw_read = self.consumed.load(Ordering::Relaxed);
        let Sink::Batches { tx, used, batch } = &mut self.sink else {
            return Ok(true);
        };
        let mut next = used.try_recv().unwrap_or_default();
        next.data.clear();
        next.fields.clear();
        next.ends.clear();
        next.entries.clear();
        next.malformed.clear();
        let mut full = std::mem::replace(batch, next);
        full.raw_read = raw_read;
        // The readers write text they decoded or checked as UTF-8.
        full.valid_utf8 = true;
        Ok(tx.send(Ok(full)).is_ok())
    }

    /// Hands over the last records.
    fn flush(&mut self) -> Result<()> {
        if let Sink::Batches { batch, .. } = &self.sink {
            if !batch.entries.is_empty() {
                self.hand_over()?;
            }
        }
        Ok(())
    }
}
