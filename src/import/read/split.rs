//! Splitting blocks into records on their own thread, keeping line numbers, the header, records
//! carried from one block to the next, and the restart after a stray quote.

use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use csv::{ByteRecord, ReaderBuilder};

use super::blocks::{Block, Stage};
use crate::error::{Error, Result};
use crate::import::batch::{Batch, Entry, EntryKind};

/// The fields of one record in a [`Batch`].
pub(super) struct Fields<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) ends: &'a [u32],
    pub(super) start: usize,
}

impl<'a> Fields<'a> {
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)? as usize;
        let start = match i {
            0 => self.start,
            _ => *self.ends.get(i - 1)? as usize,
        };
        self.bytes.get(start..end)
    }

    /// Where the last field ends in `bytes`: the fields lie one after the other from `start`.
    pub(super) fn end(&self) -> usize {
        self.ends.last().map_or(self.start, |&e| e as usize)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        (0..self.len()).map(|i| self.get(i).unwrap_or(&[]))
    }
}

/// Splits blocks into records on its own thread, so that the parser thread only checks and
/// interns. It owns the reading position: line numbers, the header, records carried over from
/// one block to the next, and the restart after a stray quote.
pub(super) struct Splitter {
    expected: usize,
    delimiter: u8,
    quote: Option<u8>,
    header_pending: bool,
    check_utf8: bool,
    carry: Vec<u8>,
    line: u64,
}

impl Splitter {
    pub(super) fn new(
        expected: usize,
        delimiter: u8,
        quote: Option<u8>,
        header: bool,
        check_utf8: bool,
    ) -> Splitter {
        Splitter {
            expected,
            delimiter,
            quote,
            header_pending: header,
            check_utf8,
            carry: Vec::new(),
            line: 1,
        }
    }

    /// Splits `data` (after the carried-over bytes) into `batch`.
    fn split(&mut self, mut data: Vec<u8>, last: bool, batch: &mut Batch) -> Result<()> {
        if !self.carry.is_empty() {
            let mut joined = std::mem::take(&mut self.carry);
            joined.extend_from_slice(&data);
            data.clear();
            self.carry = data;
            data = joined;
        }
        batch.fields.clear();
        batch.ends.clear();
        batch.entries.clear();
        // Text decoded from another encoding is valid by construction; UTF-8 input is checked
        // a block at a time, and row by row only in a block that has invalid bytes.
        batch.valid_utf8 = !self.check_utf8 || std::str::from_utf8(&data).is_ok();
        let (consumed, next_line) = self.split_records(&data, last, batch)?;
        self.carry.clear();
        self.carry.extend_from_slice(&data[consumed..]);
        self.line = next_line;
        batch.data = data;
        Ok(())
    }

    /// Returns how many bytes of `data` were used and the line on which the rest starts: unless
    /// `last`, the final record may be cut inside a quoted field, so it is left for the next block.
    fn split_records(
        &mut self,
        data: &[u8],
        last: bool,
        batch: &mut Batch,
    ) -> Result<(usize, u64)> {
        let mut start = 0usize;
        let mut start_line = self.line;
        let mut record = ByteRecord::new();
        'restart: loop {
            let mut reader = ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(self.delimiter)
                .quoting(self.quote.is_some())
                .quote(self.quote.unwrap_or(b'"'))
                .buffer_capacity(1 << 16)
                .from_reader(&data[start..]);
            loop {
                let more = reader.read_byte_record(&mut record).map_err(|e| {
                    Error::InvalidInput(format!(
                        "the CSV reader failed near line {start_line}: {e}"
                    ))
                })?;
                if !more {
                    break 'restart;
                }
                let (at, at_line) = record
                    .position()
                    .map_or((0, 1), |p| (p.byte() as usize, p.line()));
                let mut record_start = start + at;
                let mut record_line = start_line + at_line - 1;
                let record_end = (start + reader.position().byte() as usize).min(data.len());
                // After a `\r`, the reader starts the next record on the `\n` that completes it.
                while record_start < record_end && matches!(data[record_start], b'\r' | b'\n') {
                    record_line += u64::from(data[record_start] == b'\n');
                    record_start += 1;
                }
                // The block's last record may be cut inside a quoted field that goes on in the
                // next block: it is read again from there.
                if !last && record_end >= data.len() {
                    return Ok((record_start, record_line));
                }
                let raw = trim_line_end(&data[record_start..record_end]);
                let raw_end = record_start + raw.len();
                let multiline = memchr::memchr(b'\n', raw).is_some();
                if multiline && (record.len() != self.expected || self.swallowed(raw)) {
                    let first_end = memchr::memchr(b'\n', raw).map_or(raw.len(), |p| p + 1);
                    let first = trim_line_end(&raw[..first_end]);
                    batch.entries.push(Entry {
                        line: record_line,
                        raw: (record_start, record_start + first.len()),
                        field_start: 0,
                        fields: (0, 0),
                        kind: EntryKind::UnclosedQuote {
                            header: self.header_pending,
                        },
                        stamp: None,
                    });
                    self.header_pending = false;
                    start = record_start + first_end;
                    start_line = record_line + 1;
                    continue 'restart;
                }
                if self.header_pending {
                    self.header_pending = false;
                    continue;
                }
                let field_start = batch.fields.len();
                let first_end = batch.ends.len();
                batch.fields.extend_from_slice(record.as_slice());
                for i in 0..record.len() {
                    let end = record.range(i).map_or(0, |r| r.end);
                    batch
                        .ends
                        .push(u32::try_from(field_start + end).unwrap_or(u32::MAX));
                }
                batch.entries.push(Entry {
                    line: record_line,
                    raw: (record_start, raw_end),
                    field_start,
                    fields: (first_end, batch.ends.len()),
                    kind: EntryKind::Row,
                    stamp: None,
                });
            }
        }
        let tail = &data[start..];
        Ok((
            data.len(),
            start_line + memchr::memchr_iter(b'\n', tail).count() as u64,
        ))
    }

    /// Whether the continuation lines of a multi-line record look like whole rows of the file:
    /// then an unclosed quote swallowed them.
    fn swallowed(&self, raw: &[u8]) -> bool {
        let needed = self.expected.saturating_sub(1).max(1);
        raw.split(|&b| b == b'\n')
            .skip(1)
            .any(|l| memchr::memchr_iter(self.delimiter, l).count() >= needed)
    }
}

/// Runs `splitter` on its own thread over the reader's blocks. Used batches come back through
/// the second channel; their block buffers go back to the reader through `recycle`.
pub(super) fn spawn_splitter(
    mut splitter: Splitter,
    blocks: Receiver<Result<Block>>,
    recycle: SyncSender<Vec<u8>>,
) -> Stage<Batch, Batch, ()> {
    let (tx, rx) = sync_channel::<Result<Batch>>(2);
    let (used_tx, used_rx) = sync_channel::<Batch>(4);
    let handle = std::thread::spawn(move || {
        for block in blocks {
            let result = block.and_then(|block| {
                let mut batch = used_rx.try_recv().unwrap_or_default();
                let old = std::mem::take(&mut batch.data);
                if old.capacity() > 0 {
                    let _ = recycle.try_send(old);
                }
                batch.raw_read = block.raw_read;
                splitter.split(block.data, block.last, &mut batch)?;
                Ok(batch)
            });
            let failed = result.is_err();
            if tx.send(result).is_err() || failed {
                return;
            }
        }
    });
    (rx, used_tx, handle)
}

pub(super) fn trim_line_end(mut raw: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = raw {
        raw = rest;
    }
    raw
}
