//! Detection: reading the start of a file and proposing how to read all of it.
//!
//! Users should not have to know what "Windows-1252" or "delimiter" mean, but they must be able to
//! correct a wrong guess, so every proposal lands in [`ImportSettings`] where the wizard (or a CLI
//! flag) can change it, and [`preview`] shows what the changed settings read. Detection looks at
//! the first 64 KiB or 1,000 lines only: it must answer instantly on a file of any size.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use super::input::{Compression, LogFormat};
use super::read::parse_number;
use super::timestamp::{local_zone_name, write_rfc3339_ms, TimestampFormat, Zone};
use super::{
    ColumnRole, CustomerBasis, Detection, Encoding, ExportShape, ImportSettings, Overrides,
    TimestampPreview,
};
use crate::error::{Error, Result};
use crate::matching::match_key;

const SAMPLE_BYTES: usize = 64 * 1024;
const SAMPLE_LINES: usize = 1000;
const PREVIEW_ROWS: usize = 20;
const PREVIEW_TIMESTAMPS: usize = 10;
const DELIMITERS: [char; 4] = [',', ';', '\t', '|'];

/// Header names that give a column its role, compared by [`header_key`] (so `id_cliente`,
/// `ID Cliente`, `case:concept:name` and `userId` are compared as `idcliente`, `idcliente`,
/// `caseconceptname` and `userid`), in English and Italian, and as the tools analysts export from
/// name them: process mining (XES attribute names), PostHog, Amplitude, Mixpanel, GA4's BigQuery
/// export and Segment. Within a role the list is in order of preference: when several columns
/// could hold the role, the one whose name comes first wins. For the customer that puts a
/// process-mining log's case first (it names the case explicitly, even when its events also carry
/// an attribute called `customer`), then ids that stay the same across devices and sessions before
/// anonymous and device ids.
const NAMES: [(ColumnRole, &[&str]); 6] = [
    (
        ColumnRole::Customer,
        &[
            "caseconceptname",
            "customer",
            "customerid",
            "cliente",
            "idcliente",
            "codicecliente",
            "caseid",
            "userid",
            "user",
            "utente",
            "idutente",
            "client",
            "clientid",
            "personid",
            "distinctid",
            "amplitudeid",
            "userpseudoid",
            "visitorid",
            "deviceid",
            "anonymousid",
        ],
    ),
    (
        ColumnRole::Timestamp,
        &[
            "timestamp",
            "timetimestamp",
            "eventtimestamp",
            "eventtime",
            "datetime",
            "dataora",
            "date",
            "data",
            "time",
            "ts",
            "quando",
            "orario",
            "occurredat",
            "createdat",
        ],
    ),
    (
        ColumnRole::Touchpoint,
        &[
            "touchpoint",
            "puntodicontatto",
            "puntocontatto",
            "conceptname",
            "activity",
            "attivita",
            "eventname",
            "event",
            "eventtype",
            "evento",
            "step",
            "passo",
            "page",
            "pagina",
            "screen",
            "schermata",
            "action",
            "azione",
        ],
    ),
    (
        ColumnRole::Channel,
        &["channel", "canale", "platform", "piattaforma"],
    ),
    (
        ColumnRole::EventType,
        &[
            "eventtype",
            "lifecycletransition",
            "type",
            "tipo",
            "action",
            "azione",
            "event",
            "evento",
        ],
    ),
    (
        ColumnRole::Value,
        &[
            "value",
            "valore",
            "importo",
            "amount",
            "revenue",
            "price",
            "prezzo",
            "score",
            "punteggio",
        ],
    ),
];

/// A header name as [`NAMES`] lists it: [`match_key`] without the punctuation that export
/// formats put in names (`case:concept:name`, `properties.$browser`).
fn header_key(name: &str) -> String {
    match_key(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The shape of a known tool's export, recognised from its column names.
fn export_shape(keys: &[String]) -> Option<ExportShape> {
    let has = |k: &str| keys.iter().any(|x| x == k);
    if has("userpseudoid") && has("eventname") {
        Some(ExportShape::Ga4)
    } else if has("caseconceptname") || (has("conceptname") && has("timetimestamp")) {
        Some(ExportShape::ProcessMining)
    } else if has("amplitudeid") || (has("eventtype") && has("eventtime")) {
        Some(ExportShape::Amplitude)
    } else if has("distinctid") && has("event") && has("timestamp") {
        Some(ExportShape::PostHog)
    } else if has("distinctid") && has("event") && has("time") {
        Some(ExportShape::Mixpanel)
    } else if has("anonymousid") && has("event") {
        Some(ExportShape::Segment)
    } else {
        None
    }
}

/// Reads the start of `path` and proposes settings, applying `overrides` where given.
pub fn detect(path: impl AsRef<Path>, overrides: &Overrides) -> Result<Detection> {
    let path = path.as_ref();
    let (format, compression) = super::input::sniff(path)?;
    let table = match format {
        LogFormat::Csv => Table::csv(path, overrides)?,
        format => Table::other(path, format, None)?,
    };
    let data = table.data();
    let mut roles = propose_roles(&table.columns, data);
    apply_role_overrides(&table.columns, &mut roles, overrides)?;
    let values = column_values(data, roles.iter().position(|&r| r == ColumnRole::Timestamp));
    let candidates = timestamp_candidates(&values);
    let timestamp_format = overrides
        .timestamp_format
        .clone()
        .or_else(|| decided(&candidates));
    let timezone = overrides.timezone.clone().unwrap_or_else(local_zone_name);
    let settings = ImportSettings {
        source_name: overrides
            .source_name
            .clone()
            .unwrap_or_else(|| file_name(path)),
        format,
        encoding: table.encoding,
        delimiter: table.delimiter,
        quote: table.quote,
        has_header: table.has_header,
        columns: table.columns.clone(),
        roles,
        timestamp_format,
        timezone,
        exposure_types: None,
        journey: None,
        force: false,
    };
    finish(settings, data, candidates, table.size, compression)
}

/// What `settings` read from the start of `path`: the wizard calls it after each edit.
pub fn preview(path: impl AsRef<Path>, settings: &ImportSettings) -> Result<Detection> {
    let path = path.as_ref();
    let (_, compression) = super::input::sniff(path)?;
    let table = match settings.format {
        LogFormat::Csv => {
            let sample = Sample::read(path)?;
            let text = sample.decode(settings.encoding);
            Table {
                records: records(&text, settings.delimiter, settings.quote),
                has_header: settings.has_header,
                columns: settings.columns.clone(),
                encoding: settings.encoding,
                delimiter: settings.delimiter,
                quote: settings.quote,
                size: sample.size,
            }
        }
        format => Table::other(path, format, Some(&settings.columns))?,
    };
    let data = table.data();
    let values = column_values(
        data,
        settings
            .roles
            .iter()
            .position(|&r| r == ColumnRole::Timestamp),
    );
    let candidates = timestamp_candidates(&values);
    finish(settings.clone(), data, candidates, table.size, compression)
}

/// The start of a file as records of text, with how they were read.
struct Table {
    /// For CSV, the header (if any) and the data records; for other formats, data only.
    records: Vec<Vec<String>>,
    has_header: bool,
    columns: Vec<String>,
    encoding: Encoding,
    delimiter: char,
    quote: Option<char>,
    size: u64,
}

impl Table {
    fn csv(path: &Path, overrides: &Overrides) -> Result<Table> {
        let sample = Sample::read(path)?;
        let encoding = overrides.encoding.unwrap_or_else(|| sample.encoding());
        let text = sample.decode(encoding);
        let delimiter = overrides
            .delimiter
            .unwrap_or_else(|| detect_delimiter(&text));
        let quote = Some('"');
        let records = records(&text, delimiter, quote);
        let has_header = overrides
            .has_header
            .unwrap_or_else(|| looks_like_header(&records));
        let columns = column_names(&records, has_header);
        Ok(Table {
            records,
            has_header,
            columns,
            encoding,
            delimiter,
            quote,
            size: sample.size,
        })
    }

    /// XES, JSON Lines or Parquet, whose records name their values: no header to find.
    fn other(path: &Path, format: LogFormat, columns: Option<&[String]>) -> Result<Table> {
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        let sample = super::formats::sample(path, format, columns, SAMPLE_LINES)?;
        Ok(Table {
            records: sample.rows,
            has_header: false,
            columns: sample.columns,
            encoding: Encoding::Utf8,
            delimiter: ',',
            quote: Some('"'),
            size,
        })
    }

    fn data(&self) -> &[Vec<String>] {
        &self.records[usize::from(self.has_header).min(self.records.len())..]
    }
}

fn finish(
    settings: ImportSettings,
    data: &[Vec<String>],
    candidates: Vec<TimestampFormat>,
    file_size: u64,
    compression: Option<Compression>,
) -> Result<Detection> {
    let mut notes = Vec::new();
    let column = settings
        .roles
        .iter()
        .position(|&r| r == ColumnRole::Timestamp);
    for role in [
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
    ] {
        if !settings.roles.contains(&role) {
            notes.push(format!(
                "No column was recognised as the {}; choose it (CLI: --{}).",
                role.as_str(),
                role.as_str()
            ));
        }
    }
    if column.is_some() && settings.timestamp_format.is_none() {
        if candidates.len() > 1 {
            notes.push(format!(
                "The timestamps could be read as {}; choose one (CLI: --timestamp-format).",
                candidates
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(" or ")
            ));
        } else {
            notes.push(
                "The timestamp format was not recognised; give it (CLI: --timestamp-format)."
                    .to_owned(),
            );
        }
    }
    let mut timestamp_preview = Vec::new();
    if let (Some(column), Some(format)) = (column, settings.timestamp_format.as_ref()) {
        let mut zone = Zone::named(&settings.timezone)?;
        for text in column_values(data, Some(column))
            .into_iter()
            .take(PREVIEW_TIMESTAMPS)
        {
            let instant = format.parse(text.as_bytes()).map(|stamp| {
                let mut out = Vec::new();
                write_rfc3339_ms(&mut out, zone.instant_ms(stamp));
                String::from_utf8_lossy(&out).into_owned()
            });
            timestamp_preview.push(TimestampPreview {
                text: text.to_owned(),
                instant,
            });
        }
    }
    let keys: Vec<String> = settings.columns.iter().map(|c| header_key(c)).collect();
    let customer_names = NAMES
        .iter()
        .find(|(role, _)| *role == ColumnRole::Customer)
        .map_or(&[][..], |(_, names)| *names);
    let customer_alternatives = settings
        .columns
        .iter()
        .zip(&keys)
        .zip(&settings.roles)
        .filter(|((_, key), role)| {
            **role != ColumnRole::Customer && customer_names.contains(&key.as_str())
        })
        .map(|((column, _), _)| column.clone())
        .collect();
    let customer_basis = match settings
        .roles
        .iter()
        .position(|r| *r == ColumnRole::Customer)
    {
        Some(i) if keys.get(i).is_some_and(|k| k == "caseconceptname") => CustomerBasis::CaseId,
        _ => CustomerBasis::StableId,
    };
    Ok(Detection {
        customer_basis,
        export_shape: export_shape(&keys),
        compression,
        customer_alternatives,
        settings,
        sample_rows: data.iter().take(PREVIEW_ROWS).cloned().collect(),
        timestamp_candidates: candidates,
        timestamp_preview,
        notes,
        file_size,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

struct Sample {
    raw: Vec<u8>,
    /// The file's size on disk (compressed, for a compressed file).
    size: u64,
    whole: bool,
}

impl Sample {
    fn read(path: &Path) -> Result<Sample> {
        let size = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        let mut input = super::input::open(path)?;
        let mut raw = Vec::with_capacity(SAMPLE_BYTES + 1);
        input
            .reader
            .by_ref()
            .take(SAMPLE_BYTES as u64 + 1)
            .read_to_end(&mut raw)
            .map_err(|e| Error::io(path, e))?;
        let whole = raw.len() <= SAMPLE_BYTES;
        raw.truncate(SAMPLE_BYTES);
        Ok(Sample { raw, size, whole })
    }

    /// Whether the sample is the whole content (the file was read to its end).
    fn whole(&self) -> bool {
        self.whole
    }

    fn encoding(&self) -> Encoding {
        let raw = &self.raw;
        if raw.starts_with(b"\xEF\xBB\xBF") {
            Encoding::Utf8Bom
        } else if raw.starts_with(b"\xFF\xFE") {
            Encoding::Utf16Le
        } else if raw.starts_with(b"\xFE\xFF") {
            Encoding::Utf16Be
        } else {
            match std::str::from_utf8(raw) {
                Ok(_) => Encoding::Utf8,
                // A character cut by the end of the sample is not an error.
                Err(e) if e.error_len().is_none() && !self.whole() => Encoding::Utf8,
                Err(_) => Encoding::Windows1252,
            }
        }
    }

    /// The sample as text, cut after its last complete line and at most [`SAMPLE_LINES`] lines.
    fn decode(&self, encoding: Encoding) -> String {
        let mut text = match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => {
                let raw = self.raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&self.raw);
                String::from_utf8_lossy(raw).into_owned()
            }
            Encoding::Utf16Le => encoding_rs::UTF_16LE
                .decode_with_bom_removal(&self.raw)
                .0
                .into_owned(),
            Encoding::Utf16Be => encoding_rs::UTF_16BE
                .decode_with_bom_removal(&self.raw)
                .0
                .into_owned(),
            Encoding::Windows1252 => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&self.raw)
                .0
                .into_owned(),
        };
        if !self.whole() {
            if let Some(end) = text.rfind('\n') {
                text.truncate(end + 1);
            }
        }
        if let Some((end, _)) = text.match_indices('\n').nth(SAMPLE_LINES - 1) {
            text.truncate(end + 1);
        }
        text
    }
}

fn records(text: &str, delimiter: char, quote: Option<char>) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(u8::try_from(delimiter).unwrap_or(b','))
        .quoting(quote.is_some())
        .quote(quote.and_then(|q| u8::try_from(q).ok()).unwrap_or(b'"'))
        .from_reader(text.as_bytes());
    reader
        .byte_records()
        .map_while(|r| r.ok())
        .map(|r| {
            r.iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_owned())
                .collect()
        })
        .collect()
}

/// The delimiter that splits the sample's lines into the most consistent number of fields.
fn detect_delimiter(text: &str) -> char {
    let mut best = (',', 0.0, 0usize);
    for d in DELIMITERS {
        let counts: Vec<usize> = records(text, d, Some('"'))
            .iter()
            .take(200)
            .map(Vec::len)
            .collect();
        let Some(mode) = mode(&counts) else { continue };
        if mode < 2 {
            continue;
        }
        let share = counts.iter().filter(|&&n| n == mode).count() as f64 / counts.len() as f64;
        if share > best.1 || (share == best.1 && mode > best.2) {
            best = (d, share, mode);
        }
    }
    best.0
}

fn mode(values: &[usize]) -> Option<usize> {
    let mut counts = std::collections::HashMap::new();
    for &v in values {
        *counts.entry(v).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(v, n)| (n, v))
        .map(|(v, _)| v)
}

fn typed(field: &str) -> bool {
    !field.is_empty()
        && (parse_number(field).is_some()
            || TimestampFormat::candidates()
                .iter()
                .any(|f| f.parse(field.as_bytes()).is_some()))
}

/// A first record is a header when none of its fields is a number or a date but later ones are.
fn looks_like_header(records: &[Vec<String>]) -> bool {
    let Some(first) = records.first() else {
        return true;
    };
    if first.iter().any(|f| typed(f)) {
        return false;
    }
    records.len() == 1
        || records[1..]
            .iter()
            .take(50)
            .any(|r| r.iter().any(|f| typed(f)))
}

fn column_names(records: &[Vec<String>], has_header: bool) -> Vec<String> {
    let width = if has_header {
        records.first().map_or(0, Vec::len)
    } else {
        mode(&records.iter().map(Vec::len).collect::<Vec<_>>()).unwrap_or(0)
    };
    (0..width)
        .map(|i| {
            let name = if has_header {
                records
                    .first()
                    .and_then(|r| r.get(i))
                    .map_or("", |s| s.as_str())
            } else {
                ""
            };
            if name.is_empty() {
                format!("column {}", i + 1)
            } else {
                name.to_owned()
            }
        })
        .collect()
}

fn column_values(data: &[Vec<String>], column: Option<usize>) -> Vec<&str> {
    let Some(column) = column else {
        return Vec::new();
    };
    data.iter()
        .filter_map(|r| r.get(column))
        .map(String::as_str)
        .filter(|v| !v.is_empty())
        .collect()
}

fn propose_roles(columns: &[String], data: &[Vec<String>]) -> Vec<ColumnRole> {
    let mut roles = vec![ColumnRole::Ignore; columns.len()];
    let keys: Vec<String> = columns.iter().map(|c| header_key(c)).collect();
    for (role, names) in NAMES {
        let found = keys
            .iter()
            .enumerate()
            .filter(|(i, _)| roles[*i] == ColumnRole::Ignore)
            .filter_map(|(i, k)| Some((names.iter().position(|n| n == k)?, i)))
            .min();
        if let Some((_, i)) = found {
            roles[i] = role;
        }
    }
    // Process mining's case attributes and resource describe the customer or who served them.
    for (i, column) in columns.iter().enumerate() {
        let lower = column.trim().to_lowercase();
        if roles[i] == ColumnRole::Ignore && (lower.starts_with("case:") || lower == "org:resource")
        {
            roles[i] = ColumnRole::Segment;
        }
    }
    let unassigned = |roles: &[ColumnRole], i: usize| roles[i] == ColumnRole::Ignore;
    if !roles.contains(&ColumnRole::Timestamp) {
        let best = (0..columns.len())
            .filter(|&i| unassigned(&roles, i))
            .map(|i| {
                let values = column_values(data, Some(i));
                let parsed = TimestampFormat::candidates()
                    .iter()
                    .map(|f| {
                        values
                            .iter()
                            .filter(|v| f.parse(v.as_bytes()).is_some())
                            .count()
                    })
                    .max()
                    .unwrap_or(0);
                (i, parsed, values.len())
            })
            .filter(|&(_, parsed, n)| n > 0 && parsed * 10 >= n * 9)
            .max_by_key(|&(i, parsed, _)| (parsed, std::cmp::Reverse(i)));
        if let Some((i, _, _)) = best {
            roles[i] = ColumnRole::Timestamp;
        }
    }
    if !roles.contains(&ColumnRole::Customer) {
        if let Some(i) = (0..columns.len()).find(|&i| {
            unassigned(&roles, i) && (keys[i].ends_with("id") || keys[i].starts_with("id"))
        }) {
            roles[i] = ColumnRole::Customer;
        }
    }
    for i in 0..columns.len() {
        if unassigned(&roles, i) {
            let values = column_values(data, Some(i));
            let distinct: HashSet<&str> = values.iter().copied().collect();
            if !values.is_empty()
                && distinct.len() <= 30
                && distinct.len() * 2 <= values.len().max(2)
            {
                roles[i] = ColumnRole::Segment;
            }
        }
    }
    roles
}

/// Finds a column by header name (spelling-insensitive) or 1-based number.
fn column_index(columns: &[String], wanted: &str) -> Result<usize> {
    if let Some(i) = columns.iter().position(|c| c == wanted) {
        return Ok(i);
    }
    let key = match_key(wanted);
    if let Some(i) = columns.iter().position(|c| match_key(c) == key) {
        return Ok(i);
    }
    if let Ok(n) = wanted.trim().parse::<usize>() {
        if (1..=columns.len()).contains(&n) {
            return Ok(n - 1);
        }
    }
    Err(Error::InvalidInput(format!(
        "the file has no column {wanted:?}; its columns are {}",
        columns
            .iter()
            .map(|c| format!("{c:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

fn apply_role_overrides(
    columns: &[String],
    roles: &mut [ColumnRole],
    overrides: &Overrides,
) -> Result<()> {
    let single = [
        (ColumnRole::Customer, &overrides.customer),
        (ColumnRole::Timestamp, &overrides.timestamp),
        (ColumnRole::Touchpoint, &overrides.touchpoint),
        (ColumnRole::Channel, &overrides.channel),
        (ColumnRole::EventType, &overrides.event_type),
        (ColumnRole::Value, &overrides.value),
    ];
    if !overrides.segments.is_empty() {
        for r in roles.iter_mut().filter(|r| **r == ColumnRole::Segment) {
            *r = ColumnRole::Ignore;
        }
    }
    for (role, wanted) in single {
        if let Some(wanted) = wanted {
            let i = column_index(columns, wanted)?;
            for r in roles.iter_mut().filter(|r| **r == role) {
                *r = ColumnRole::Ignore;
            }
            roles[i] = role;
        }
    }
    for wanted in &overrides.segments {
        let i = column_index(columns, wanted)?;
        roles[i] = ColumnRole::Segment;
    }
    Ok(())
}

/// The formats that read the most sampled values, narrowed where the digits tell.
fn timestamp_candidates(values: &[&str]) -> Vec<TimestampFormat> {
    if values.is_empty() {
        return Vec::new();
    }
    let scored: Vec<(TimestampFormat, usize)> = TimestampFormat::candidates()
        .into_iter()
        .map(|f| {
            let n = values
                .iter()
                .filter(|v| f.parse(v.as_bytes()).is_some())
                .count();
            (f, n)
        })
        .collect();
    let best = scored.iter().map(|(_, n)| *n).max().unwrap_or(0);
    if best == 0 || best * 2 < values.len() {
        return Vec::new();
    }
    let mut formats: Vec<TimestampFormat> = scored
        .into_iter()
        .filter(|(_, n)| *n == best)
        .map(|(f, _)| f)
        .collect();
    // Every epoch unit reads any integer: the magnitude tells them apart. Instants from 1973 to
    // 5138 have 9 to 11 digits in seconds, 12 to 14 in milliseconds, 15 to 17 in microseconds and
    // 18 or more in nanoseconds.
    let epochs = [
        TimestampFormat::EpochSeconds,
        TimestampFormat::EpochMillis,
        TimestampFormat::EpochMicros,
        TimestampFormat::EpochNanos,
    ];
    if epochs.iter().filter(|f| formats.contains(f)).count() > 1 {
        let digits = values
            .iter()
            .map(|v| {
                v.trim()
                    .trim_start_matches('-')
                    .split('.')
                    .next()
                    .map_or(0, str::len)
            })
            .sum::<usize>()
            / values.len();
        let unit = match digits {
            0..=11 => 0,
            12..=14 => 1,
            15..=17 => 2,
            _ => 3,
        };
        formats.retain(|f| !epochs.contains(f) || *f == epochs[unit]);
    }
    formats
}

fn decided(candidates: &[TimestampFormat]) -> Option<TimestampFormat> {
    match candidates {
        [one] => Some(one.clone()),
        [first, second, ..] => {
            let day_or_month = matches!(
                (first, second),
                (
                    TimestampFormat::DayMonthYear { .. },
                    TimestampFormat::MonthDayYear { .. }
                )
            );
            (!day_or_month).then(|| first.clone())
        }
        [] => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_above_twelve_decides_day_first() {
        let values = ["01/02/2026 10:00", "13/02/2026 11:00"];
        assert_eq!(
            decided(&timestamp_candidates(&values)),
            Some(TimestampFormat::DayMonthYear { separator: '/' })
        );
        let undecided = ["01/02/2026 10:00", "03/02/2026 11:00"];
        let candidates = timestamp_candidates(&undecided);
        assert_eq!(candidates.len(), 2);
        assert_eq!(decided(&candidates), None);
    }

    #[test]
    fn semicolons_win_when_they_split_lines_consistently() {
        let text = "a;b;c\n1;2,5;x\n2;3,5;y\n";
        assert_eq!(detect_delimiter(text), ';');
        assert_eq!(detect_delimiter("a,b\n1,2\n"), ',');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), '\t');
    }

    #[test]
    fn italian_header_names_get_their_roles() {
        let columns: Vec<String> = [
            "ID Cliente",
            "Data_Ora",
            "Punto di contatto",
            "Canale",
            "Importo",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let roles = propose_roles(&columns, &[]);
        assert_eq!(
            roles,
            vec![
                ColumnRole::Customer,
                ColumnRole::Timestamp,
                ColumnRole::Touchpoint,
                ColumnRole::Channel,
                ColumnRole::Value
            ]
        );
    }
}
