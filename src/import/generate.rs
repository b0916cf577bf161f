//! Writing the demo generator's log as a CSV file, the way a CRM export would look, or as an XES
//! event log, the way a process-mining tool would publish it.
//!
//! Benchmarks need big files whose content is known, and new users need a file to try the
//! importer on; both come from the same seeded generator as the demo workspace.

use std::io::Write;

use super::timestamp::{write_rfc3339_ms, write_rfc3339_ms_at};
use crate::demo::{CustomerTrail, DemoConfig, DemoEvent, Generator};

pub const HEADER: &str = "customer_id,timestamp,touchpoint,channel,event_type,value,region,device";

/// How the CSV writes its timestamps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Offsets {
    /// Every timestamp in UTC, `…Z`.
    #[default]
    Utc,
    /// Each customer's timestamps in the local time of one of [`MIXED_OFFSETS`] with its offset
    /// (`…+05:30`), as a log merged from systems in several countries looks. The instants are
    /// the same as with [`Offsets::Utc`].
    Mixed,
}

/// The offsets of [`Offsets::Mixed`], in minutes east of UTC; customer `i` gets the `i % 6`-th.
pub const MIXED_OFFSETS: [i32; 6] = [0, 60, 120, -300, 330, -480];

/// Writes the log of `config` as CSV, stopping after `max_events` events if given; with
/// `sorted_by_time` the rows are in time order (customers interleaved) instead of by customer.
/// Returns the number of events written.
pub fn write_csv(
    config: &DemoConfig,
    max_events: Option<u64>,
    sorted_by_time: bool,
    out: &mut impl Write,
) -> std::io::Result<u64> {
    write_csv_with(config, max_events, sorted_by_time, Offsets::Utc, out)
}

/// [`write_csv`] with the timestamps written as `offsets` says.
pub fn write_csv_with(
    config: &DemoConfig,
    max_events: Option<u64>,
    sorted_by_time: bool,
    offsets: Offsets,
    out: &mut impl Write,
) -> std::io::Result<u64> {
    let offset_of = |index: u64| match offsets {
        Offsets::Utc => 0,
        Offsets::Mixed => MIXED_OFFSETS[(index % MIXED_OFFSETS.len() as u64) as usize],
    };
    let generator = Generator::new(config.clone());
    let limit = max_events.unwrap_or(u64::MAX);
    writeln!(out, "{HEADER}")?;
    let mut trail = CustomerTrail::default();
    let mut line = Vec::with_capacity(256);
    let mut written = 0u64;
    if sorted_by_time {
        let mut rows: Vec<(i64, String)> = Vec::new();
        'customers: for index in 0..config.customers {
            generator.customer(index, &mut trail);
            for e in &trail.events {
                if rows.len() as u64 >= limit {
                    break 'customers;
                }
                line.clear();
                row(&mut line, &trail, e, offset_of(index));
                rows.push((e.instant_ms, String::from_utf8_lossy(&line).into_owned()));
            }
        }
        rows.sort_by_key(|(t, _)| *t);
        for (_, text) in &rows {
            out.write_all(text.as_bytes())?;
        }
        return Ok(rows.len() as u64);
    }
    let mut index = 0;
    while written < limit && (max_events.is_some() || index < config.customers) {
        generator.customer(index, &mut trail);
        let offset = offset_of(index);
        index += 1;
        for e in &trail.events {
            if written >= limit {
                break;
            }
            line.clear();
            row(&mut line, &trail, e, offset);
            out.write_all(&line)?;
            written += 1;
        }
    }
    Ok(written)
}

fn row(line: &mut Vec<u8>, trail: &CustomerTrail, e: &DemoEvent, offset_minutes: i32) {
    field(line, &trail.id);
    line.push(b',');
    write_rfc3339_ms_at(line, e.instant_ms, offset_minutes);
    line.push(b',');
    field(line, e.touchpoint);
    line.push(b',');
    field(line, e.channel);
    line.push(b',');
    field(line, e.event_type);
    line.push(b',');
    if let Some(v) = e.value {
        // Writing into a Vec cannot fail.
        let _ = write!(line, "{v}");
    }
    line.push(b',');
    field(line, trail.region);
    line.push(b',');
    field(line, trail.device);
    line.push(b'\n');
}

fn field(line: &mut Vec<u8>, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        line.push(b'"');
        line.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        line.push(b'"');
    } else {
        line.extend_from_slice(text.as_bytes());
    }
}

/// Writes the log of `config` as XES (IEEE 1849): a trace per customer (`concept:name` its id,
/// with its region and device), an event per row (`concept:name` the touchpoint,
/// `time:timestamp`, `channel`, `lifecycle:transition` the event type, `value`). The same events
/// as [`write_csv`] by customer. Returns the number of events written.
pub fn write_xes(config: &DemoConfig, out: &mut impl Write) -> std::io::Result<u64> {
    let generator = Generator::new(config.clone());
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
          <log xes.version=\"1849-2016\" xmlns=\"http://www.xes-standard.org/\">\n\
          \t<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n\
          \t<extension name=\"Time\" prefix=\"time\" uri=\"http://www.xes-standard.org/time.xesext\"/>\n\
          \t<extension name=\"Lifecycle\" prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n",
    )?;
    let mut trail = CustomerTrail::default();
    let mut written = 0u64;
    let mut at = Vec::with_capacity(32);
    for index in 0..config.customers {
        generator.customer(index, &mut trail);
        writeln!(out, "\t<trace>")?;
        attribute(out, 2, "string", "concept:name", &trail.id)?;
        attribute(out, 2, "string", "region", trail.region)?;
        attribute(out, 2, "string", "device", trail.device)?;
        for e in &trail.events {
            writeln!(out, "\t\t<event>")?;
            attribute(out, 3, "string", "concept:name", e.touchpoint)?;
            at.clear();
            write_rfc3339_ms(&mut at, e.instant_ms);
            attribute(
                out,
                3,
                "date",
                "time:timestamp",
                &String::from_utf8_lossy(&at),
            )?;
            attribute(out, 3, "string", "channel", e.channel)?;
            attribute(out, 3, "string", "lifecycle:transition", e.event_type)?;
            if let Some(v) = e.value {
                attribute(out, 3, "float", "value", &v.to_string())?;
            }
            writeln!(out, "\t\t</event>")?;
            written += 1;
        }
        writeln!(out, "\t</trace>")?;
    }
    writeln!(out, "</log>")?;
    Ok(written)
}

fn attribute(
    out: &mut impl Write,
    depth: usize,
    kind: &str,
    key: &str,
    value: &str,
) -> std::io::Result<()> {
    let value = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    writeln!(
        out,
        "{}<{kind} key=\"{key}\" value=\"{value}\"/>",
        "\t".repeat(depth)
    )
}
