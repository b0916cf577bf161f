//! XES event logs (IEEE 1849), read as a stream: a trace at a time is held, never the document.
//!
//! Each event becomes a record. The trace's attributes come first, named `case:` and their key
//! (`case:concept:name` is the customer, as in a process-mining CSV), then the event's own
//! attributes by key (`concept:name`, `time:timestamp`, `lifecycle:transition`,
//! `org:resource`…). Events keep their document order within their trace. Attributes nested in
//! an attribute (meta-attributes, lists) and the log's own attributes are left out.
//!
//! A document that is not well-formed XML is refused as a whole, with the line and column where
//! it breaks, since nothing after that point can be trusted to belong where it appears.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::Rows;
use crate::error::{Error, Result};
use crate::import::input::{read_failure, Input};

/// The elements of XES that hold one attribute.
const ATTRIBUTES: [&[u8]; 8] = [
    b"string",
    b"date",
    b"int",
    b"float",
    b"boolean",
    b"id",
    b"list",
    b"container",
];

/// Newline positions kept to tell the line and column of an error.
const RECENT_NEWLINES: usize = 4096;

struct Attribute {
    kind: &'static str,
    key: String,
    value: String,
}

struct PendingEvent {
    line: u64,
    attributes: Vec<Attribute>,
}

pub(super) fn read(path: &Path, input: Input, rows: &mut Rows) -> Result<()> {
    let compression = input.compression;
    let mut reader =
        Reader::from_reader(Lines::new(BufReader::with_capacity(1 << 16, input.reader)));
    reader.config_mut().trim_text(true);
    let mut buf = Vec::new();
    // Elements inside an attribute element (meta-attributes, a list's values): skipped.
    let mut nested = 0usize;
    let mut in_trace = false;
    let mut trace: Vec<Attribute> = Vec::new();
    let mut events: Vec<PendingEvent> = Vec::new();
    let mut event: Option<PendingEvent> = None;
    loop {
        buf.clear();
        let read = reader.read_event_into(&mut buf);
        let item = match read {
            Ok(item) => item,
            Err(e) => {
                let position = reader.error_position();
                let (line, column) = reader.get_ref().place(position);
                return Err(match e {
                    quick_xml::Error::Io(io) => read_failure(path, compression, &io),
                    e => Error::BadLogFile {
                        path: path.to_path_buf(),
                        location: format!("line {line}, column {column}"),
                        reason: format!("the XES file is not well-formed XML: {e}"),
                    },
                });
            }
        };
        match item {
            Event::Start(element) => {
                if nested > 0 {
                    nested += 1;
                    continue;
                }
                match element.local_name().as_ref() {
                    b"trace" => {
                        in_trace = true;
                        trace.clear();
                        events.clear();
                    }
                    b"event" => {
                        event = Some(PendingEvent {
                            line: tag_line(&reader),
                            attributes: Vec::new(),
                        });
                    }
                    b"log" => {}
                    name => {
                        // An attribute with children, or a declaration (global, classifier).
                        if ATTRIBUTES.contains(&name) {
                            keep(
                                path,
                                &reader,
                                &element,
                                event.as_mut(),
                                in_trace,
                                &mut trace,
                            )?;
                        }
                        nested = 1;
                    }
                }
            }
            Event::Empty(element) => {
                if nested > 0 {
                    continue;
                }
                match element.local_name().as_ref() {
                    b"event" => {
                        let empty = PendingEvent {
                            line: tag_line(&reader),
                            attributes: Vec::new(),
                        };
                        if !close(rows, empty, in_trace, &mut events)? {
                            return Ok(());
                        }
                    }
                    name if ATTRIBUTES.contains(&name) => {
                        keep(
                            path,
                            &reader,
                            &element,
                            event.as_mut(),
                            in_trace,
                            &mut trace,
                        )?;
                    }
                    _ => {}
                }
            }
            Event::End(element) => {
                if nested > 0 {
                    nested -= 1;
                    continue;
                }
                match element.local_name().as_ref() {
                    b"event" => {
                        if let Some(done) = event.take() {
                            if !close(rows, done, in_trace, &mut events)? {
                                return Ok(());
                            }
                        }
                    }
                    b"trace" => {
                        in_trace = false;
                        if !emit(rows, &trace, &events)? {
                            return Ok(());
                        }
                        events.clear();
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if in_trace {
        let (line, column) = reader.get_ref().place(reader.buffer_position());
        return Err(Error::BadLogFile {
            path: path.to_path_buf(),
            location: format!("line {line}, column {column}"),
            reason: "the XES file ends inside a trace: it was cut short".to_owned(),
        });
    }
    Ok(())
}

type XesReader = Reader<Lines<BufReader<Box<dyn Read + Send>>>>;

/// The line of the tag just read (where its `>` is).
fn tag_line(reader: &XesReader) -> u64 {
    let end = reader.buffer_position().saturating_sub(1);
    reader.get_ref().place(end).0
}

/// Keeps the attribute that `element` holds, as the event's, the trace's, or (the log's) not.
fn keep(
    path: &Path,
    reader: &XesReader,
    element: &BytesStart<'_>,
    event: Option<&mut PendingEvent>,
    in_trace: bool,
    trace: &mut Vec<Attribute>,
) -> Result<()> {
    let target = match event {
        Some(event) => &mut event.attributes,
        None if in_trace => trace,
        None => return Ok(()),
    };
    let kind = match element.local_name().as_ref() {
        b"string" => "string",
        b"date" => "date",
        b"int" => "int",
        b"float" => "float",
        b"boolean" => "boolean",
        b"id" => "id",
        // A list or container has no value of its own.
        _ => return Ok(()),
    };
    let mut key = None;
    let mut value = None;
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| bad_attribute(path, reader, &e.to_string()))?;
        let text = || {
            attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .map_err(|e| bad_attribute(path, reader, &e.to_string()))
        };
        match attribute.key.local_name().as_ref() {
            b"key" => key = Some(text()?),
            b"value" => value = Some(text()?),
            _ => {}
        }
    }
    if let Some(key) = key {
        target.push(Attribute {
            kind,
            key,
            value: value.unwrap_or_default(),
        });
    }
    Ok(())
}

fn bad_attribute(path: &Path, reader: &XesReader, what: &str) -> Error {
    let (line, column) = reader.get_ref().place(reader.buffer_position());
    Error::BadLogFile {
        path: path.to_path_buf(),
        location: format!("line {line}, column {column}"),
        reason: format!("an attribute of this element cannot be read: {what}"),
    }
}

/// Ends an event: in a trace it waits for the trace's end (whose attributes it takes), outside
/// one (not XES, but seen) it is written at once. Returns whether to go on.
fn close(
    rows: &mut Rows,
    event: PendingEvent,
    in_trace: bool,
    events: &mut Vec<PendingEvent>,
) -> Result<bool> {
    if in_trace {
        events.push(event);
        Ok(true)
    } else {
        emit(rows, &[], &[event])
    }
}

/// Writes a trace's events as records. Returns whether to go on.
fn emit(rows: &mut Rows, trace: &[Attribute], events: &[PendingEvent]) -> Result<bool> {
    let trace_columns: Vec<Option<usize>> = trace
        .iter()
        .map(|a| rows.column(&format!("case:{}", a.key)))
        .collect();
    let mut raw = Vec::new();
    for event in events {
        rows.begin(event.line);
        for (attribute, column) in trace.iter().zip(&trace_columns) {
            if let Some(c) = *column {
                rows.set(c, attribute.value.as_bytes());
            }
        }
        raw.clear();
        raw.extend_from_slice(b"<event>");
        for attribute in &event.attributes {
            if let Some(c) = rows.column(&attribute.key) {
                rows.set(c, attribute.value.as_bytes());
            }
            raw.extend_from_slice(
                format!(
                    "<{} key=\"{}\" value=\"{}\"/>",
                    attribute.kind,
                    escape(&attribute.key),
                    escape(&attribute.value)
                )
                .as_bytes(),
            );
        }
        raw.extend_from_slice(b"</event>");
        if !rows.end(&raw)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['&', '<', '"']) {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
            .into()
    } else {
        text.into()
    }
}

/// A buffered reader that counts the lines it hands out, so that a position in the document
/// can be told as a line and a column.
struct Lines<R> {
    inner: R,
    offset: u64,
    newlines: u64,
    /// Positions of the last newlines read.
    recent: VecDeque<u64>,
}

impl<R: BufRead> Lines<R> {
    fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            offset: 0,
            newlines: 0,
            recent: VecDeque::with_capacity(RECENT_NEWLINES),
        }
    }

    /// The 1-based line and column of byte `position` (which must have been read).
    fn place(&self, position: u64) -> (u64, u64) {
        let after = self
            .recent
            .iter()
            .rev()
            .take_while(|&&p| p >= position)
            .count() as u64;
        let line = self.newlines - after + 1;
        let line_start = self
            .recent
            .iter()
            .rev()
            .find(|&&p| p < position)
            .map_or(0, |&p| p + 1);
        (line, position.saturating_sub(line_start) + 1)
    }
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buffered) = self.inner.fill_buf() {
            let taken = &buffered[..amount.min(buffered.len())];
            for at in memchr::memchr_iter(b'\n', taken) {
                self.newlines += 1;
                if self.recent.len() == RECENT_NEWLINES {
                    self.recent.pop_front();
                }
                self.recent.push_back(self.offset + at as u64);
            }
        }
        self.offset += amount as u64;
        self.inner.consume(amount);
    }
}
