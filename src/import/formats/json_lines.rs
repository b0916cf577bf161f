//! JSON Lines (NDJSON): one JSON object per line, as PostHog, Amplitude, Mixpanel and Segment
//! export events. Nested objects are flattened into dotted names (`properties.$browser`); an
//! array is kept as its JSON text. A line that is not a JSON object is rejected with its reason
//! and kept, and the rest of the file goes in.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::Rows;
use crate::error::Result;
use crate::import::input::{read_failure, Input};
use crate::import::RejectReason;

pub(super) fn read(path: &Path, input: Input, rows: &mut Rows) -> Result<()> {
    let compression = input.compression;
    let mut input = BufReader::with_capacity(1 << 16, input.reader);
    let mut buf = Vec::new();
    let mut line = 0u64;
    let mut prefix = String::new();
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| read_failure(path, compression, &e))?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let mut text = buf.as_slice();
        if line == 1 {
            text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
        }
        let text = text.trim_ascii();
        if text.is_empty() {
            continue;
        }
        rows.begin(line);
        prefix.clear();
        let go_on = match flatten(text, rows, &mut prefix) {
            Ok(()) => rows.end(text)?,
            Err(problem) => rows.malformed(line, problem.0, problem.message(line), text)?,
        };
        if !go_on {
            return Ok(());
        }
    }
}

/// Why a line was rejected.
struct Problem(RejectReason, String);

impl Problem {
    fn message(&self, line: u64) -> String {
        match self.0 {
            RejectReason::InvalidEncoding => format!(
                "line {line}: bytes that are not valid UTF-8; JSON Lines files are UTF-8, so \
                 export the file again as UTF-8"
            ),
            _ => format!(
                "line {line}{}; each line must be one JSON object such as \
                 {{\"user_id\": \"u1\", \"event\": \"signup\", \"timestamp\": \"2026-01-01T10:00:00Z\"}}",
                self.1
            ),
        }
    }
}

fn flatten(text: &[u8], rows: &mut Rows, prefix: &mut String) -> Result<(), Problem> {
    if std::str::from_utf8(text).is_err() {
        return Err(Problem(RejectReason::InvalidEncoding, String::new()));
    }
    let mut de = serde_json::Deserializer::from_slice(text);
    let result = Object { rows, prefix }
        .deserialize(&mut de)
        .and_then(|()| de.end());
    result.map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => ": not a JSON object".to_owned(),
            _ => format!(", column {}: not valid JSON ({})", e.column(), short(&e)),
        };
        Problem(RejectReason::InvalidJson, what)
    })
}

/// serde_json's message without its own "at line 1 column N" (the line is the file's).
fn short(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// A JSON object whose values are written to `rows` under `prefix`.
struct Object<'a> {
    rows: &'a mut Rows,
    prefix: &'a mut String,
}

impl<'de> DeserializeSeed<'de> for Object<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Object<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            let len = self.prefix.len();
            if len > 0 {
                self.prefix.push('.');
            }
            self.prefix.push_str(&key);
            map.next_value_seed(Value {
                rows: &mut *self.rows,
                prefix: &mut *self.prefix,
            })?;
            self.prefix.truncate(len);
        }
        Ok(())
    }
}

/// One value of an object: text, a number, a boolean, null, an array or a nested object.
struct Value<'a> {
    rows: &'a mut Rows,
    prefix: &'a mut String,
}

impl Value<'_> {
    fn put(self, text: &[u8]) {
        if let Some(c) = self.rows.column(self.prefix) {
            self.rows.set(c, text);
        }
    }
}

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Value<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.put(v.as_bytes());
        Ok(())
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.put(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.put(v.to_string().as_bytes());
        Ok(())
    }

    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.put(v.to_string().as_bytes());
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.put(v.to_string().as_bytes());
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_json::Value>()? {
            items.push(item);
        }
        self.put(serde_json::Value::Array(items).to_string().as_bytes());
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        Object {
            rows: self.rows,
            prefix: self.prefix,
        }
        .visit_map(map)
    }
}
