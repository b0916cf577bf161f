//! Reading a whole file into an event log, keeping every row that cannot be imported.
//!
//! Ten million rows must be read in a few seconds on a two-core laptop, so the work is a pipeline
//! of threads handing over whole blocks: one reads the file, hashes its bytes and decodes them to
//! UTF-8; one splits records with the `csv` crate and keeps line numbers; the caller's thread
//! checks each row and interns its text into the columns of an [`EventLog`]; and one finds exact
//! duplicate rows from their hashes. Buffers travel back up the pipeline to be reused. Blocks end
//! at a line break, and a block's last record is read again with the next block, since it may be
//! cut inside a quoted field that spans lines.
//!
//! A stray quote must never swallow the rest of the file (DuckDB kept 61% of one file that way).
//! When a record spans several physical lines and then has the wrong number of fields, or its
//! continuation lines look like whole rows, its first line is rejected as `unclosed_quote` and
//! reading starts again on the next physical line.

mod blocks;
mod duplicates;
mod split;

use super::batch::{Batch, Entry, EntryKind, Pipeline};
use blocks::spawn_reader;
use duplicates::{remove_rows, same_event, spawn_duplicate_finder, ToDedup, HASH_BATCH};
use split::{spawn_splitter, Fields, Splitter};

use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::thread::JoinHandle;

use foldhash::fast::FixedState;

use super::input::LogFormat;
use super::timestamp::{TimestampFormat, Zone};
use super::{ColumnRole, Encoding, ImportPhase, ImportSettings, Progress, RejectReason};
use crate::error::{Error, Result};
use crate::log::{Attribute, Dictionary, EventLog, NONE};

/// A rejected row's raw text is kept up to this many bytes.
const RAW_LIMIT: usize = 4096;
/// Records between two looks at the cancel flag.
const CANCEL_EVERY: u64 = 1 << 14;

/// A rejected row before it is tied to its stored source.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub line: u64,
    pub reason: RejectReason,
    pub message: String,
    pub raw: String,
}

/// Everything read from a file, ready to be matched and stored.
pub struct Parsed {
    pub log: EventLog,
    pub rejected: Vec<Rejected>,
    pub rows_read: u64,
    pub duplicates: u64,
    /// Events per code of `log.touchpoints`.
    pub touchpoint_events: Vec<u64>,
    pub content_hash: String,
}

pub fn read_file(
    path: &Path,
    settings: &ImportSettings,
    on_progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<Parsed> {
    let mut parser = Parser::new(settings)?;
    let total_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let (batches, used, done) = match settings.format {
        LogFormat::Csv => csv_pipeline(path, settings, &parser)?,
        format => {
            // A typed timestamp reads as its ISO 8601 text does: the parser may take it as it is.
            let stamp_column = settings
                .roles
                .iter()
                .position(|r| *r == ColumnRole::Timestamp)
                .filter(|_| settings.timestamp_format == Some(TimestampFormat::Iso));
            super::formats::spawn(path, format, &settings.columns, stamp_column)
        }
    };
    let mut first = true;
    for batch in batches.iter() {
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        let batch = batch?;
        parser.take_batch(&batch, cancel)?;
        if first {
            parser.reserve_for(batch.raw_read as usize, total_bytes);
            first = false;
        }
        on_progress(Progress {
            phase: ImportPhase::Reading,
            bytes_read: batch.raw_read,
            total_bytes,
        });
        // The reader fills this batch again instead of touching fresh memory.
        let _ = used.try_send(batch);
    }
    drop(batches);
    let content_hash = done
        .join()
        .map_err(|_| Error::InvalidInput("the file reader stopped unexpectedly".into()))??;
    parser.finish(content_hash)
}

/// The CSV reader: a thread that reads and decodes blocks, one that splits them into records.
fn csv_pipeline(path: &Path, settings: &ImportSettings, parser: &Parser) -> Result<Pipeline> {
    let input = super::input::open(path)?;
    let (blocks, recycle, reader) = spawn_reader(
        path.to_path_buf(),
        input.reader,
        input.consumed,
        input.compression,
        settings.encoding,
    );
    let splitter = Splitter::new(
        parser.expected,
        parser.delimiter,
        parser.quote,
        parser.header,
        parser.check_utf8,
    );
    let (batches, used, splitter) = spawn_splitter(splitter, blocks, recycle);
    let done = std::thread::spawn(move || {
        splitter
            .join()
            .map_err(|_| Error::InvalidInput("the CSV splitter stopped unexpectedly".into()))?;
        reader
            .join()
            .map_err(|_| Error::InvalidInput("the file reader stopped unexpectedly".into()))?
    });
    Ok((batches, used, done))
}

/// Distinct strings and their codes, with a fast hash: the customer column alone may hold
/// millions of distinct ids. Logs often repeat a value on consecutive rows (one customer's
/// events together), so the last value is checked before the map.
#[derive(Default)]
struct Interner {
    /// Codes, found by the hash of their value: the text itself is stored once, in `values`.
    codes: hashbrown::HashTable<u32>,
    values: Vec<String>,
    hasher: FixedState,
    last: Option<u32>,
}

impl Interner {
    /// `value` must be valid UTF-8 (rows are checked before they are interned).
    fn intern(&mut self, value: &[u8]) -> u32 {
        if let Some(c) = self.last {
            if self.values.get(c as usize).map(String::as_bytes) == Some(value) {
                return c;
            }
        }
        let hash = self.hasher.hash_one(value);
        let values = &self.values;
        let found = self.codes.find(hash, |&c| {
            values.get(c as usize).map(String::as_bytes) == Some(value)
        });
        let c = match found {
            Some(&c) => c,
            None => {
                let c = u32::try_from(self.values.len()).unwrap_or(NONE - 1);
                self.values
                    .push(String::from_utf8_lossy(value).into_owned());
                let (values, hasher) = (&self.values, &self.hasher);
                self.codes.insert_unique(hash, c, |&c| {
                    hasher.hash_one(values.get(c as usize).map_or(&[][..], |v| v.as_bytes()))
                });
                c
            }
        };
        self.last = Some(c);
        c
    }

    fn into_dictionary(self) -> Dictionary {
        Dictionary::from_values(self.values)
    }
}

struct Segment {
    column: usize,
    name: String,
    values: Interner,
    of_customer: Vec<u32>,
}

struct Columns {
    customer: usize,
    timestamp: usize,
    touchpoint: usize,
    channel: Option<usize>,
    event_type: Option<usize>,
    value: Option<usize>,
}

struct Parser {
    log_format: LogFormat,
    names: Vec<String>,
    expected: usize,
    delimiter: u8,
    quote: Option<u8>,
    columns: Columns,
    format: TimestampFormat,
    zone: Zone,
    header: bool,
    customers: Interner,
    touchpoints: Interner,
    channels: Interner,
    event_types: Interner,
    segments: Vec<Segment>,
    log: EventLog,
    touchpoint_events: Vec<u64>,
    check_utf8: bool,
    row_hash: FixedState,
    /// Hashes of accepted rows not yet sent to the duplicate finder.
    hashes: Vec<u64>,
    to_dedup: Option<SyncSender<ToDedup>>,
    dedup: Option<JoinHandle<Vec<(u32, usize)>>>,
    rows_read: u64,
    rejected: Vec<Rejected>,
}

impl Parser {
    fn new(settings: &ImportSettings) -> Result<Parser> {
        let (to_dedup, dedup) = spawn_duplicate_finder();
        let delimiter = ascii_setting(settings.delimiter, "delimiter")?;
        let quote = settings
            .quote
            .map(|q| ascii_setting(q, "quote"))
            .transpose()?;
        let column_of = |role: ColumnRole| settings.roles.iter().position(|&r| r == role);
        let required = |role: ColumnRole| {
            column_of(role).ok_or_else(|| Error::MissingRole {
                role: role.as_str(),
            })
        };
        for role in ColumnRole::SINGLE {
            if settings.roles.iter().filter(|&&r| r == role).count() > 1 {
                return Err(Error::DuplicateRole {
                    role: role.as_str(),
                });
            }
        }
        let columns = Columns {
            customer: required(ColumnRole::Customer)?,
            timestamp: required(ColumnRole::Timestamp)?,
            touchpoint: required(ColumnRole::Touchpoint)?,
            channel: column_of(ColumnRole::Channel),
            event_type: column_of(ColumnRole::EventType),
            value: column_of(ColumnRole::Value),
        };
        let format =
            settings
                .timestamp_format
                .clone()
                .ok_or_else(|| Error::AmbiguousTimestamp {
                    column: settings
                        .columns
                        .get(columns.timestamp)
                        .cloned()
                        .unwrap_or_default(),
                })?;
        let segments = settings
            .roles
            .iter()
            .enumerate()
            .filter(|(_, &r)| r == ColumnRole::Segment)
            .map(|(column, _)| Segment {
                column,
                name: settings
                    .columns
                    .get(column)
                    .cloned()
                    .unwrap_or_else(|| format!("column {}", column + 1)),
                values: Interner::default(),
                of_customer: Vec::new(),
            })
            .collect();
        Ok(Parser {
            log_format: settings.format,
            names: settings.columns.clone(),
            expected: settings.columns.len().max(settings.roles.len()),
            delimiter,
            quote,
            columns,
            format,
            zone: Zone::named(&settings.timezone)?,
            header: settings.has_header,
            customers: Interner::default(),
            touchpoints: Interner::default(),
            channels: Interner::default(),
            event_types: Interner::default(),
            segments,
            log: EventLog::default(),
            touchpoint_events: Vec::new(),
            check_utf8: matches!(settings.encoding, Encoding::Utf8 | Encoding::Utf8Bom),
            row_hash: FixedState::with_seed(0x9E37_79B9_7F4A_7C15),
            hashes: Vec::with_capacity(HASH_BATCH),
            to_dedup: Some(to_dedup),
            dedup: Some(dedup),
            rows_read: 0,
            rejected: Vec::new(),
        })
    }

    /// Checks and stores the records of one batch, in file order.
    fn take_batch(&mut self, batch: &Batch, cancel: &AtomicBool) -> Result<()> {
        for entry in &batch.entries {
            let raw = batch.data.get(entry.raw.0..entry.raw.1).unwrap_or(&[]);
            match entry.kind {
                EntryKind::Row => {
                    self.rows_read += 1;
                    if self.rows_read % CANCEL_EVERY == 0 && cancel.load(Ordering::Relaxed) {
                        return Err(Error::Cancelled);
                    }
                    let fields = Fields {
                        bytes: &batch.fields,
                        ends: batch
                            .ends
                            .get(entry.fields.0..entry.fields.1)
                            .unwrap_or(&[]),
                        start: entry.field_start,
                    };
                    self.row(&fields, raw, entry, batch.valid_utf8);
                }
                EntryKind::UnclosedQuote { header } => {
                    self.reject_unclosed_quote(raw, entry.line, header)
                }
                EntryKind::Malformed(i) => {
                    self.rows_read += 1;
                    if let Some((reason, message)) = batch.malformed.get(i) {
                        self.reject(entry.line, *reason, message.clone(), raw);
                    }
                }
            }
        }
        Ok(())
    }

    fn reject_unclosed_quote(&mut self, first: &[u8], line: u64, header: bool) {
        let column = open_quote_column(first, self.delimiter, self.quote.unwrap_or(b'"'));
        self.rows_read += u64::from(!header);
        let what = if header {
            "the header's quoted field"
        } else {
            "a quoted field"
        };
        self.reject(
            line,
            RejectReason::UnclosedQuote,
            format!(
                "line {line}, column {column}: {what} opens with a quote that is not closed before \
                 the end of the line; only this line was rejected and reading went on at line {}. \
                 Remove the stray quote or close it",
                line + 1
            ),
            first,
        );
    }

    fn reject(&mut self, line: u64, reason: RejectReason, message: String, raw: &[u8]) {
        let raw = &raw[..raw.len().min(RAW_LIMIT)];
        self.rejected.push(Rejected {
            line,
            reason,
            message,
            raw: String::from_utf8_lossy(raw).into_owned(),
        });
    }

    fn name(&self, column: usize) -> &str {
        self.names.get(column).map_or("", String::as_str)
    }

    /// Where a value is, as the user finds it in the file: a CSV line and column, an XES
    /// attribute, a JSON field, a Parquet row and column.
    fn place(&self, line: u64, column: usize) -> String {
        let name = self.name(column);
        match self.log_format {
            LogFormat::Csv => format!("line {line}, column {} ({name})", column + 1),
            LogFormat::Xes => format!("line {line}, attribute {name}"),
            LogFormat::JsonLines => format!("line {line}, field {name}"),
            LogFormat::Parquet => format!("row {line}, column {name}"),
        }
    }

    fn row(&mut self, record: &Fields<'_>, raw: &[u8], entry: &Entry, valid_utf8: bool) {
        let line = entry.line;
        if record.len() != self.expected {
            let message = format!(
                "line {line}: {} fields where {} were expected (separator {:?}); look for a missing \
                 or extra separator in this row",
                record.len(),
                self.expected,
                char::from(self.delimiter)
            );
            return self.reject(line, RejectReason::WrongFieldCount, message, raw);
        }
        if !valid_utf8 && std::str::from_utf8(raw).is_err() {
            let column = record
                .iter()
                .position(|f| std::str::from_utf8(f).is_err())
                .map_or(1, |c| c + 1);
            let message = format!(
                "{}: bytes that are not valid UTF-8; if the file was saved as ANSI by Excel, \
                 import it with the encoding windows-1252",
                self.place(line, column - 1)
            );
            return self.reject(line, RejectReason::InvalidEncoding, message, raw);
        }
        let field = |c: usize| -> &[u8] { record.get(c).map_or(&[][..], trim_bytes) };
        let c = &self.columns;
        let (customer, touchpoint, stamp_text) =
            (field(c.customer), field(c.touchpoint), field(c.timestamp));
        let empty = if customer.is_empty() {
            Some((RejectReason::EmptyCustomer, c.customer, "customer id"))
        } else if touchpoint.is_empty() {
            Some((RejectReason::EmptyTouchpoint, c.touchpoint, "touchpoint"))
        } else {
            None
        };
        if let Some((reason, column, what)) = empty {
            let message = format!(
                "{}: the {what} is empty; every event needs one",
                self.place(line, column)
            );
            return self.reject(line, reason, message, &shown(record, raw));
        }
        let Some(stamp) = entry.stamp.or_else(|| self.format.parse(stamp_text)) else {
            let message = format!(
                "{}: {:?} is not a timestamp in the format {} (such as {}); fix the row, or \
                 import again with the right timestamp format",
                self.place(line, c.timestamp),
                String::from_utf8_lossy(stamp_text),
                self.format,
                self.format.example()
            );
            return self.reject(
                line,
                RejectReason::BadTimestamp,
                message,
                &shown(record, raw),
            );
        };
        let value = match c.value.map(field).filter(|v| !v.is_empty()) {
            None => f64::NAN,
            Some(text) => match std::str::from_utf8(text).ok().and_then(parse_number) {
                Some(v) => v,
                None => {
                    let column = c.value.unwrap_or(0);
                    let message = format!(
                        "{}: {:?} is not a number",
                        self.place(line, column),
                        String::from_utf8_lossy(text)
                    );
                    return self.reject(line, RejectReason::BadValue, message, &shown(record, raw));
                }
            },
        };
        let hash = if self.log_format == LogFormat::Xes {
            // Every `<event>` of an XES log is an event of its own, as process-mining tools read
            // it: two alike in one trace happened twice. The position tells them apart.
            self.row_hash.hash_one(self.log.customer.len())
        } else if raw.is_empty() {
            // A record with no text of its own (Parquet): its fields' bytes, which lie one after
            // the other, and their lengths identify it as its line would.
            let mut lengths = 0u64;
            for field in record.iter() {
                lengths = lengths.wrapping_mul(0x0100_0000_01b3) ^ field.len() as u64;
            }
            let bytes = record.bytes.get(record.start..record.end()).unwrap_or(&[]);
            let mut hasher = self.row_hash.build_hasher();
            hasher.write(bytes);
            hasher.write_u64(lengths);
            hasher.finish()
        } else {
            self.row_hash.hash_one(raw)
        };
        self.hashes.push(hash);
        let channel = c.channel.map(field).filter(|v| !v.is_empty());
        let event_type = c.event_type.map(field).filter(|v| !v.is_empty());
        let instant = self.zone.instant_ms(stamp);
        let customer = self.customers.intern(customer);
        let touchpoint = self.touchpoints.intern(touchpoint);
        let channel = channel.map_or(NONE, |v| self.channels.intern(v));
        let event_type = event_type.map_or(NONE, |v| self.event_types.intern(v));
        let log = &mut self.log;
        log.customer.push(customer);
        log.instant_ms.push(instant);
        log.touchpoint.push(touchpoint);
        log.channel.push(channel);
        log.event_type.push(event_type);
        log.value.push(value);
        let t = touchpoint as usize;
        if self.touchpoint_events.len() <= t {
            self.touchpoint_events.resize(t + 1, 0);
        }
        self.touchpoint_events[t] += 1;
        for s in &mut self.segments {
            let text = record.get(s.column).map_or(&[][..], trim_bytes);
            if text.is_empty() {
                continue;
            }
            let code = s.values.intern(text);
            let at = customer as usize;
            if s.of_customer.len() <= at {
                s.of_customer.resize(at + 1, NONE);
            }
            s.of_customer[at] = code;
        }
        if self.hashes.len() >= HASH_BATCH {
            self.send_hashes();
        }
    }

    fn send_hashes(&mut self) {
        let batch = std::mem::replace(&mut self.hashes, Vec::with_capacity(HASH_BATCH));
        if let Some(tx) = &self.to_dedup {
            // The finder only stops when this parser drops its sender.
            let _ = tx.send(ToDedup::Hashes(batch));
        }
    }

    /// Sizes the columns for the rows the whole file will likely hold, from how many rows its
    /// first `bytes` held, so that they are not copied as they grow.
    fn reserve_for(&mut self, bytes: usize, total_bytes: u64) {
        let rows = self.log.customer.len();
        if rows == 0 || bytes == 0 {
            return;
        }
        let expected = (rows as f64 * total_bytes as f64 / bytes as f64 * 1.02) as usize;
        let more = expected.saturating_sub(rows);
        if let Some(tx) = &self.to_dedup {
            let _ = tx.send(ToDedup::Expect(expected));
        }
        let log = &mut self.log;
        log.customer.reserve(more);
        log.instant_ms.reserve(more);
        log.touchpoint.reserve(more);
        log.channel.reserve(more);
        log.event_type.reserve(more);
        log.value.reserve(more);
    }

    fn finish(mut self, content_hash: String) -> Result<Parsed> {
        self.send_hashes();
        self.to_dedup = None;
        let candidates = match self.dedup.take() {
            Some(handle) => handle.join().map_err(|_| {
                Error::InvalidInput("the duplicate finder stopped unexpectedly".into())
            })?,
            None => Vec::new(),
        };
        let mut log = self.log;
        let mut touchpoint_events = self.touchpoint_events;
        // Equal hashes are confirmed on the stored event, so that a hash collision can never
        // drop a distinct event.
        let duplicates: Vec<usize> = candidates
            .into_iter()
            .filter(|&(first, repeat)| same_event(&log, first as usize, repeat))
            .map(|(_, repeat)| repeat)
            .collect();
        if !duplicates.is_empty() {
            for &i in &duplicates {
                if let Some(n) = log
                    .touchpoint
                    .get(i)
                    .and_then(|&t| touchpoint_events.get_mut(t as usize))
                {
                    *n -= 1;
                }
            }
            remove_rows(&mut log, &duplicates);
        }
        log.customers = self.customers.into_dictionary();
        log.touchpoints = self.touchpoints.into_dictionary();
        log.channels = self.channels.into_dictionary();
        log.event_types = self.event_types.into_dictionary();
        log.attributes = self
            .segments
            .into_iter()
            .map(|s| Attribute {
                name: s.name,
                values: s.values.into_dictionary(),
                of_customer: s.of_customer,
            })
            .collect();
        Ok(Parsed {
            log,
            rejected: self.rejected,
            rows_read: self.rows_read,
            duplicates: duplicates.len() as u64,
            touchpoint_events,
            content_hash,
        })
    }
}

/// A rejected record as the user is shown it: its text in the file, or, for a record with no
/// text of its own (a Parquet row), its fields written as a CSV line.
fn shown<'a>(record: &Fields<'_>, raw: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
    if !raw.is_empty() {
        return raw.into();
    }
    let mut line = Vec::new();
    for (i, field) in record.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        if field
            .iter()
            .any(|&b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
        {
            line.push(b'"');
            for &b in field {
                if b == b'"' {
                    line.push(b'"');
                }
                line.push(b);
            }
            line.push(b'"');
        } else {
            line.extend_from_slice(field);
        }
    }
    line.into()
}

fn ascii_setting(c: char, what: &str) -> Result<u8> {
    u8::try_from(c).ok().filter(u8::is_ascii).ok_or_else(|| {
        Error::InvalidInput(format!(
            "the {what} {c:?} is not an ASCII character; use one such as , ; | or a tab"
        ))
    })
}

fn trim_bytes(field: &[u8]) -> &[u8] {
    match (field.first(), field.last()) {
        (Some(a), Some(b)) if !a.is_ascii_whitespace() && !b.is_ascii_whitespace() => field,
        _ => field.trim_ascii(),
    }
}

/// A number as logs write it: `12.5`, `12,5` where the decimal mark is a comma, and with
/// thousands separators (`1,234.5`, `1.234,5`).
pub fn parse_number(text: &str) -> Option<f64> {
    if let Ok(v) = text.parse::<f64>() {
        return Some(v);
    }
    let (comma, dot) = (text.rfind(','), text.rfind('.'));
    let normal = match (comma, dot) {
        (Some(c), Some(d)) if c > d => text.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => text.replace(',', ""),
        (Some(_), None) if text.matches(',').count() == 1 => text.replace(',', "."),
        (None, Some(_)) if text.matches('.').count() > 1 => text.replace('.', ""),
        _ => return None,
    };
    normal.parse::<f64>().ok()
}

/// The 1-based column of the quoted field that is still open at the end of `line`.
fn open_quote_column(line: &[u8], delimiter: u8, quote: u8) -> usize {
    let mut column = 1;
    let mut open_at = 1;
    let mut in_quote = false;
    let mut at_field_start = true;
    let mut i = 0;
    while i < line.len() {
        let b = line[i];
        if in_quote {
            if b == quote {
                if line.get(i + 1) == Some(&quote) {
                    i += 1;
                } else {
                    in_quote = false;
                }
            }
        } else if b == delimiter {
            column += 1;
            at_field_start = true;
            i += 1;
            continue;
        } else if b == quote && at_field_start {
            in_quote = true;
            open_at = column;
        }
        at_field_start = false;
        i += 1;
    }
    open_at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_open_quote_is_found_in_its_column() {
        assert_eq!(open_quote_column(b"a,\"b,c", b',', b'"'), 2);
        assert_eq!(open_quote_column(b"\"a\",b,\"c", b',', b'"'), 3);
    }

    #[test]
    fn comma_decimals_read_as_numbers() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("1.234,56"), Some(1234.56));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
    }
}
