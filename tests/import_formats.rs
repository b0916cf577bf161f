//! The same events written as CSV, XES, JSON Lines and Parquet, plain or compressed with gzip or
//! zstd, are detected with no flags and give exactly the same report; a broken file of each
//! format gets its message and leaves the workspace as it was.

#![cfg(test)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use percorso::analytics::{Analysis, Params};
use percorso::import::{self, ColumnRole, Compression, LogFormat, Overrides};
use percorso::{ErrorCode, Workspace};

#[path = "support/workspace.rs"]
mod support;

/// One event: customer, region (a property of the customer), instant in ms since 1970, touchpoint,
/// channel, order value.
struct Event {
    customer: String,
    region: &'static str,
    ms: i64,
    touchpoint: &'static str,
    channel: &'static str,
    value: Option<f64>,
}

/// Touchpoint names that each format must carry as they are: a comma, quotes, markup, accents.
const TOUCHPOINTS: [&str; 7] = [
    "Home page",
    "Search, \"advanced\"",
    "Product <detail> & reviews",
    "Carrello",
    "Caffè al banco",
    "Checkout",
    "Newsletter",
];
const CHANNELS: [&str; 3] = ["web", "store", "email"];
const REGIONS: [&str; 3] = ["North", "Centre", "South"];

/// 120 customers, each with 1 to 12 events over a few weeks, in a fixed pseudo-random order.
fn events() -> Vec<Event> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut events = Vec::new();
    for c in 0..120u64 {
        let start = 1_772_356_500_000 + next(20 * 86_400) as i64 * 1000;
        let region = REGIONS[next(3) as usize];
        let mut step = 0usize;
        for e in 0..1 + next(12) {
            step = (step + next(3) as usize).min(TOUCHPOINTS.len() - 1);
            events.push(Event {
                customer: format!("cust-{c:03}"),
                region,
                ms: start + e as i64 * (next(7200) as i64 + 1) * 1000,
                touchpoint: TOUCHPOINTS[step],
                channel: CHANNELS[next(3) as usize],
                value: (step == TOUCHPOINTS.len() - 2).then(|| (next(20_000) as f64) / 100.0),
            });
        }
    }
    events
}

fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn write_csv(path: &Path, events: &[Event]) {
    let mut text = String::from("customer,timestamp,touchpoint,channel,value,region\n");
    for e in events {
        text.push_str(&format!(
            "{},{},{},{},{},{}\n",
            e.customer,
            iso(e.ms),
            csv_field(e.touchpoint),
            e.channel,
            e.value.map(|v| v.to_string()).unwrap_or_default(),
            e.region
        ));
    }
    std::fs::write(path, text).unwrap();
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An XES log as process-mining tools write it: a trace per customer, events in time order
/// within their trace, with meta-attributes, a list and globals that the import leaves out.
fn xes_text(events: &[Event]) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
         <log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" xmlns=\"http://www.xes-standard.org/\">\n\
         \t<extension name=\"Concept\" prefix=\"concept\" uri=\"http://www.xes-standard.org/concept.xesext\"/>\n\
         \t<global scope=\"trace\">\n\t\t<string key=\"concept:name\" value=\"__INVALID__\"/>\n\t</global>\n\
         \t<classifier name=\"Activity\" keys=\"concept:name\"/>\n\
         \t<string key=\"concept:name\" value=\"Test log\"/>\n",
    );
    let mut customers: Vec<&str> = events.iter().map(|e| e.customer.as_str()).collect();
    customers.dedup();
    let mut seen = std::collections::HashSet::new();
    for customer in customers {
        if !seen.insert(customer) {
            continue;
        }
        let mine: Vec<&Event> = events.iter().filter(|e| e.customer == customer).collect();
        text.push_str(&format!(
            "\t<trace>\n\t\t<string key=\"concept:name\" value=\"{customer}\"/>\n\
             \t\t<string key=\"region\" value=\"{}\">\n\t\t\t<string key=\"meta\" value=\"x\"/>\n\t\t</string>\n",
            mine[0].region
        ));
        for e in mine {
            text.push_str(&format!(
                "\t\t<event>\n\t\t\t<string key=\"concept:name\" value=\"{}\"/>\n\
                 \t\t\t<date key=\"time:timestamp\" value=\"{}\"/>\n\
                 \t\t\t<string key=\"channel\" value=\"{}\"/>\n\
                 \t\t\t<list key=\"tags\"><values><string key=\"t\" value=\"a\"/></values></list>\n",
                xml(e.touchpoint),
                iso(e.ms).replace('Z', "+00:00"),
                e.channel
            ));
            if let Some(v) = e.value {
                text.push_str(&format!("\t\t\t<float key=\"value\" value=\"{v}\"/>\n"));
            }
            text.push_str("\t\t</event>\n");
        }
        text.push_str("\t</trace>\n");
    }
    text.push_str("</log>\n");
    text
}

/// JSON Lines as product-analytics tools export them: the customer's properties nested.
fn jsonl_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        let mut line = serde_json::json!({
            "customer": e.customer,
            "timestamp": iso(e.ms),
            "touchpoint": e.touchpoint,
            "channel": e.channel,
            "person": { "region": e.region },
        });
        if let Some(v) = e.value {
            line["value"] = serde_json::json!(v);
        }
        text.push_str(&line.to_string());
        text.push('\n');
    }
    text
}

fn write_parquet(path: &Path, events: &[Event]) {
    use arrow_array::builder::{Float64Builder, StringBuilder, TimestampMillisecondBuilder};
    use arrow_array::{ArrayRef, RecordBatch, StructArray};
    use arrow_schema::{DataType, Field, Fields};
    let mut customer = StringBuilder::new();
    let mut at = TimestampMillisecondBuilder::new().with_timezone("UTC");
    let mut touchpoint = StringBuilder::new();
    let mut channel = StringBuilder::new();
    let mut value = Float64Builder::new();
    let mut region = StringBuilder::new();
    for e in events {
        customer.append_value(&e.customer);
        at.append_value(e.ms);
        touchpoint.append_value(e.touchpoint);
        channel.append_value(e.channel);
        value.append_option(e.value);
        region.append_value(e.region);
    }
    let region: ArrayRef = Arc::new(region.finish());
    let person = StructArray::new(
        Fields::from(vec![Field::new("region", DataType::Utf8, true)]),
        vec![region],
        None,
    );
    let batch = RecordBatch::try_from_iter([
        ("customer", Arc::new(customer.finish()) as ArrayRef),
        ("timestamp", Arc::new(at.finish()) as ArrayRef),
        ("touchpoint", Arc::new(touchpoint.finish()) as ArrayRef),
        ("channel", Arc::new(channel.finish()) as ArrayRef),
        ("value", Arc::new(value.finish()) as ArrayRef),
        ("person", Arc::new(person) as ArrayRef),
    ])
    .unwrap();
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::SNAPPY)
        .set_max_row_group_row_count(Some(100))
        .build();
    let file = std::fs::File::create(path).unwrap();
    let mut writer =
        parquet::arrow::ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn zstd(bytes: &[u8]) -> Vec<u8> {
    zstd::encode_all(bytes, 3).unwrap()
}

/// Every format of the same events, named as tools name them, with what detection must say.
fn every_format(dir: &Path, events: &[Event]) -> Vec<(PathBuf, LogFormat, Option<Compression>)> {
    let csv = dir.join("events.csv");
    write_csv(&csv, events);
    let csv_text = std::fs::read(&csv).unwrap();
    let xes = xes_text(events).into_bytes();
    let jsonl = jsonl_text(events).into_bytes();
    let parquet = dir.join("events.parquet");
    write_parquet(&parquet, events);
    let mut files = vec![
        (csv, LogFormat::Csv, None),
        (parquet, LogFormat::Parquet, None),
    ];
    for (name, bytes, format, compression) in [
        (
            "events.csv.gz",
            gzip(&csv_text),
            LogFormat::Csv,
            Some(Compression::Gzip),
        ),
        (
            "events.csv.zst",
            zstd(&csv_text),
            LogFormat::Csv,
            Some(Compression::Zstd),
        ),
        ("events.xes", xes.clone(), LogFormat::Xes, None),
        (
            "events.xes.gz",
            gzip(&xes),
            LogFormat::Xes,
            Some(Compression::Gzip),
        ),
        ("events.jsonl", jsonl.clone(), LogFormat::JsonLines, None),
        (
            "events.ndjson.gz",
            gzip(&jsonl),
            LogFormat::JsonLines,
            Some(Compression::Gzip),
        ),
        (
            "events.jsonl.zst",
            zstd(&jsonl),
            LogFormat::JsonLines,
            Some(Compression::Zstd),
        ),
        // Told by content, not by name.
        ("events.log", xes, LogFormat::Xes, None),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        files.push((path, format, compression));
    }
    files
}

/// The report of `path` imported with what detection proposed (no flags), as JSON, with the
/// row ids of the journey each import made and the segment attribute's name left out.
fn report_of(dir: &Path, path: &Path) -> (serde_json::Value, import::ImportSummary) {
    let detection = import::detect(path, &Overrides::default()).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let s = &detection.settings;
    for role in [
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
        ColumnRole::Channel,
        ColumnRole::Value,
        ColumnRole::Segment,
    ] {
        assert!(s.roles.contains(&role), "{name}: no {role:?} in {s:?}");
    }
    let mut settings = s.clone();
    settings.timezone = "UTC".into();
    let mut ws = Workspace::create(dir.join(format!("{name}.percorso")), true).unwrap();
    let summary = support::import_quietly(&mut ws, path, &settings).unwrap();
    let report = Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    let mut report = serde_json::to_value(report).unwrap();
    support::strip_ids(&mut report);
    (report, summary)
}

#[test]
fn the_same_events_in_every_format_give_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let events = events();
    let files = every_format(dir.path(), &events);
    let (baseline, summary) = report_of(dir.path(), &files[0].0);
    assert_eq!(summary.events_imported, events.len() as u64);
    assert_eq!(baseline["events"], events.len());
    assert_eq!(baseline["customers"], 120);
    for (path, format, compression) in &files {
        let name = path.display();
        let detection = import::detect(path, &Overrides::default()).unwrap();
        assert_eq!(detection.settings.format, *format, "{name}");
        assert_eq!(detection.compression, *compression, "{name}");
        assert!(!detection.sample_rows.is_empty(), "{name}");
        assert!(
            detection.timestamp_preview[0].instant.is_some(),
            "{name}: {:?}",
            detection.timestamp_preview
        );
        let (report, summary) = report_of(dir.path(), path);
        assert_eq!(summary.rows_read, events.len() as u64, "{name}");
        assert_eq!(summary.events_imported, events.len() as u64, "{name}");
        assert_eq!(summary.rows_rejected, 0, "{name}");
        assert_eq!(report, baseline, "{name}");
    }
}

#[test]
fn an_xes_log_is_read_as_process_mining_tools_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.xes");
    std::fs::write(&path, xes_text(&events())).unwrap();
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    let s = &detection.settings;
    let role = |name: &str| s.roles[s.columns.iter().position(|c| c == name).unwrap()];
    assert_eq!(role("case:concept:name"), ColumnRole::Customer);
    assert_eq!(role("concept:name"), ColumnRole::Touchpoint);
    assert_eq!(role("time:timestamp"), ColumnRole::Timestamp);
    assert_eq!(role("case:region"), ColumnRole::Segment);
    assert_eq!(
        detection.export_shape,
        Some(import::ExportShape::ProcessMining)
    );
    // Meta-attributes, lists and the log's own attributes are not columns.
    for left_out in ["meta", "tags", "t", "case:meta"] {
        assert!(!s.columns.iter().any(|c| c == left_out), "{:?}", s.columns);
    }
    // Values are unescaped; the line of each record is where its event starts.
    assert!(detection
        .sample_rows
        .iter()
        .any(|r| r.iter().any(|v| v == "Product <detail> & reviews")));
}

#[test]
fn two_alike_events_of_one_xes_trace_both_count() {
    // As pm4py reads XES: each <event> happened, even with every attribute equal to another's.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.xes");
    let event = |name: &str, at: &str| {
        format!(
            "<event><string key=\"concept:name\" value=\"{name}\"/>\
             <date key=\"time:timestamp\" value=\"{at}\"/></event>"
        )
    };
    let trace = |id: &str| {
        format!(
            "<trace><string key=\"concept:name\" value=\"{id}\"/>{}{}{}</trace>",
            event("Call", "2024-03-01T10:00:00Z"),
            event("Call", "2024-03-01T10:00:00Z"),
            event("Visit", "2024-03-02T10:00:00Z")
        )
    };
    let xes = format!(
        "<?xml version=\"1.0\"?>\n<log>{}{}</log>\n",
        trace("c1"),
        trace("c2")
    );
    std::fs::write(&path, xes).unwrap();
    let (report, summary) = report_of_roles(dir.path(), &path);
    assert_eq!(summary.rows_read, 6);
    assert_eq!(summary.events_imported, 6);
    assert_eq!(summary.duplicates, 0);
    let edges = report["edges"].as_array().unwrap();
    let count = |from: &str, to: &str| {
        edges
            .iter()
            .find(|e| e["from"] == from && e["to"] == to)
            .map_or(0, |e| e["count"].as_u64().unwrap())
    };
    assert_eq!(count("Call", "Call"), 2, "{edges:?}");
    assert_eq!(count("Call", "Visit"), 2, "{edges:?}");
}

/// The report and summary of `path` imported as detected, whatever roles it has.
fn report_of_roles(dir: &Path, path: &Path) -> (serde_json::Value, import::ImportSummary) {
    let mut settings = import::detect(path, &Overrides::default())
        .unwrap()
        .settings;
    settings.timezone = "UTC".into();
    let mut ws = Workspace::create(dir.join("roles.percorso"), true).unwrap();
    let summary = support::import_quietly(&mut ws, path, &settings).unwrap();
    let report = Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    (serde_json::to_value(report).unwrap(), summary)
}

#[test]
fn an_xes_file_that_is_not_well_formed_is_refused_with_its_line_and_column_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let events = events();
    let good = xes_text(&events);
    // The 40th line's closing tag is misspelt, after the sample detection reads.
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    let at = lines.len() - 40;
    assert_eq!(lines[at].trim(), "</event>", "{}", lines[at]);
    lines[at] = "\t\t</evnt>".to_owned();
    let broken = d.join("broken.xes");
    std::fs::write(&broken, lines.join("\n")).unwrap();
    let cut = d.join("cut.xes.gz");
    std::fs::write(&cut, gzip(&good.as_bytes()[..good.len() * 2 / 3])).unwrap();

    let good_path = d.join("good.xes");
    std::fs::write(&good_path, &good).unwrap();
    let mut settings = import::detect(&good_path, &Overrides::default())
        .unwrap()
        .settings;
    settings.timezone = "UTC".into();

    let workspace = d.join("w.percorso");
    percorso::demo::create(&workspace, false, &support::small_demo(50)).unwrap();
    let before = support::content_dump(&workspace).unwrap();
    // Detection reads the start only, so that it answers at once: the import reads the rest.
    let err = import::detect(&broken, &Overrides::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains(&format!("line {}, column 3", at + 1)),
        "{err}"
    );
    for (path, expected) in [
        (&broken, format!("line {}, column 3", at + 1)),
        (&cut, "before end of input".to_owned()),
    ] {
        let mut ws = Workspace::open(&workspace).unwrap();
        let err = support::import_quietly(&mut ws, path, &settings).unwrap_err();
        assert_eq!(err.code(), ErrorCode::BadLogFile, "{err}");
        let text = err.to_string();
        assert!(text.contains(&expected), "{text}");
        assert!(
            text.contains(&*path.file_name().unwrap().to_string_lossy()),
            "{text}"
        );
        drop(ws);
        assert_eq!(support::content_dump(&workspace).unwrap(), before);
    }
}

#[test]
fn a_json_line_that_is_not_an_object_is_rejected_and_kept_and_the_rest_goes_in() {
    let dir = tempfile::tempdir().unwrap();
    let events = events();
    let mut lines: Vec<String> = jsonl_text(&events).lines().map(str::to_owned).collect();
    lines[2] = "{\"customer\": \"cust-000\", \"timestamp\":".to_owned();
    lines[4] = "[1, 2, 3]".to_owned();
    lines.insert(6, String::new());
    let path = dir.path().join("events.jsonl");
    std::fs::write(&path, lines.join("\n")).unwrap();
    let mut settings = import::detect(&path, &Overrides::default())
        .unwrap()
        .settings;
    settings.timezone = "UTC".into();
    let workspace = dir.path().join("w.percorso");
    let mut ws = Workspace::create(&workspace, false).unwrap();
    let summary = support::import_quietly(&mut ws, &path, &settings).unwrap();
    assert_eq!(summary.rows_read, events.len() as u64);
    assert_eq!(summary.rows_rejected, 2);
    assert_eq!(summary.events_imported, events.len() as u64 - 2);
    assert_eq!(summary.rejected_by_reason["invalid_json"], 2);
    let rejected = ws.rejected_rows(None).unwrap();
    let lines_and_raw: Vec<(u64, &str)> =
        rejected.iter().map(|r| (r.line, r.raw.as_str())).collect();
    assert_eq!(
        lines_and_raw,
        [(3, lines[2].as_str()), (5, "[1, 2, 3]")],
        "{rejected:?}"
    );
    assert!(
        rejected[0].message.starts_with("line 3, column"),
        "{}",
        rejected[0].message
    );
    assert!(
        rejected[1].message.contains("not a JSON object"),
        "{}",
        rejected[1].message
    );
}

#[test]
fn a_damaged_parquet_or_zstd_file_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let events = events();
    let parquet = d.join("good.parquet");
    write_parquet(&parquet, &events);
    let bytes = std::fs::read(&parquet).unwrap();
    // The footer is intact, a column chunk in the middle is not.
    let mut damaged = bytes.clone();
    for b in &mut damaged[200..1200] {
        *b = !*b;
    }
    let damaged_path = d.join("damaged.parquet");
    std::fs::write(&damaged_path, &damaged).unwrap();
    let csv = d.join("events.csv");
    write_csv(&csv, &events);
    let mut packed = zstd(&std::fs::read(&csv).unwrap());
    packed.truncate(packed.len() * 2 / 3);
    let cut = d.join("cut.csv.zst");
    std::fs::write(&cut, packed).unwrap();

    let workspace = d.join("w.percorso");
    percorso::demo::create(&workspace, false, &support::small_demo(50)).unwrap();
    let before = support::content_dump(&workspace).unwrap();
    let settings = import::detect(&parquet, &Overrides::default())
        .unwrap()
        .settings;
    for (path, code, words) in [
        (&damaged_path, ErrorCode::BadLogFile, "Parquet"),
        (&cut, ErrorCode::InvalidInput, "damaged or cut short"),
    ] {
        let settings = if path == &cut {
            import::detect(&csv, &Overrides::default())
                .unwrap()
                .settings
        } else {
            settings.clone()
        };
        let mut ws = Workspace::open(&workspace).unwrap();
        let err = support::import_quietly(&mut ws, path, &settings).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(err.to_string().contains(words), "{err}");
        assert!(
            err.to_string()
                .contains(&*path.file_name().unwrap().to_string_lossy()),
            "{err}"
        );
        drop(ws);
        assert_eq!(support::content_dump(&workspace).unwrap(), before);
    }
}

#[test]
fn a_parquet_row_that_cannot_be_imported_is_rejected_and_shown_as_a_csv_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut events = events();
    events[3].customer = String::new();
    events[7].touchpoint = "";
    // An exact repeat of a row is counted as a duplicate, as in CSV; a row that differs from
    // another in its segment attribute only is not.
    let repeat = Event {
        customer: events[10].customer.clone(),
        ..events[10]
    };
    let other_region = Event {
        customer: events[11].customer.clone(),
        region: if events[11].region == "North" {
            "South"
        } else {
            "North"
        },
        ..events[11]
    };
    events.push(repeat);
    events.push(other_region);
    let path = dir.path().join("events.parquet");
    write_parquet(&path, &events);
    let mut settings = import::detect(&path, &Overrides::default())
        .unwrap()
        .settings;
    settings.timezone = "UTC".into();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let summary = support::import_quietly(&mut ws, &path, &settings).unwrap();
    assert_eq!(summary.rows_read, events.len() as u64);
    assert_eq!(summary.rows_rejected, 2);
    assert_eq!(summary.duplicates, 1);
    assert_eq!(summary.events_imported, events.len() as u64 - 3);
    let rejected = ws.rejected_rows(None).unwrap();
    assert_eq!(
        rejected.iter().map(|r| r.line).collect::<Vec<_>>(),
        [4, 8],
        "{rejected:?}"
    );
    assert!(
        rejected[0].message.starts_with("row 4, column customer:"),
        "{}",
        rejected[0].message
    );
    let e = &events[3];
    assert_eq!(
        rejected[0].raw,
        format!(
            ",{},{},{},{},{}",
            iso(e.ms),
            csv_field(e.touchpoint),
            e.channel,
            e.value.map(|v| v.to_string()).unwrap_or_default(),
            e.region
        )
    );
}
