//! Exports as the tools analysts use write them: each shape is recognised from its column names
//! with no flags, and the same events, written in each shape, give exactly the same report.

#![cfg(test)]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use percorso::analytics::{Analysis, Params};
use percorso::import::{self, ColumnRole, CustomerBasis, ExportShape, Overrides, TimestampFormat};
use percorso::Workspace;

/// One event: customer, instant in ms since 1970, touchpoint.
type Event = (&'static str, i64, &'static str);

/// Three customers over two days; the same events in every shape.
const EVENTS: [Event; 8] = [
    ("u1", 1_772_356_500_000, "view_item"),
    ("u1", 1_772_356_560_000, "add_to_cart"),
    ("u2", 1_772_360_000_000, "view_item"),
    ("u1", 1_772_356_620_000, "purchase"),
    ("u3", 1_772_400_000_000, "view_item"),
    ("u2", 1_772_360_030_000, "add_to_cart"),
    ("u3", 1_772_400_090_000, "add_to_cart"),
    ("u3", 1_772_486_400_000, "purchase"),
];

fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// A CSV with `header`, one line per event from `row`.
fn write(
    dir: &Path,
    name: &str,
    header: &str,
    row: impl Fn(&Event) -> String,
) -> std::path::PathBuf {
    let path = dir.join(name);
    let mut text = format!("{header}\n");
    for e in &EVENTS {
        text.push_str(&row(e));
        text.push('\n');
    }
    std::fs::write(&path, text).unwrap();
    path
}

struct Expected {
    shape: Option<ExportShape>,
    customer: &'static str,
    touchpoint: &'static str,
    timestamp: &'static str,
    format: TimestampFormat,
    alternatives: &'static [&'static str],
}

/// Detects `path` with no overrides, checks what was recognised, imports it into a new workspace
/// and returns the report as JSON.
fn report_of(dir: &Path, path: &Path, expected: &Expected) -> serde_json::Value {
    let detection = import::detect(path, &Overrides::default()).unwrap();
    let s = &detection.settings;
    let column = |role: ColumnRole| {
        let i = s.roles.iter().position(|&r| r == role);
        i.map(|i| s.columns[i].as_str())
    };
    let name = path.file_name().unwrap().to_string_lossy();
    assert_eq!(detection.export_shape, expected.shape, "{name}");
    assert_eq!(
        column(ColumnRole::Customer),
        Some(expected.customer),
        "{name}"
    );
    assert_eq!(
        column(ColumnRole::Touchpoint),
        Some(expected.touchpoint),
        "{name}"
    );
    assert_eq!(
        column(ColumnRole::Timestamp),
        Some(expected.timestamp),
        "{name}"
    );
    assert_eq!(
        s.timestamp_format.as_ref(),
        Some(&expected.format),
        "{name}"
    );
    assert_eq!(
        detection.customer_alternatives, expected.alternatives,
        "{name}"
    );
    let reading = detection.reading();
    assert!(reading.contains(expected.customer), "{reading}");
    let basis = if expected.customer == "case:concept:name" {
        CustomerBasis::CaseId
    } else {
        CustomerBasis::StableId
    };
    assert_eq!(detection.customer_basis, basis, "{name}");
    if !expected.alternatives.is_empty() {
        assert!(reading.ends_with(basis.reason()), "{reading}");
    }
    if let Some(shape) = expected.shape {
        assert!(
            reading.starts_with(&format!("CSV, {}", shape.label())),
            "{reading}"
        );
    }
    let workspace = dir.join(format!("{name}.percorso"));
    let mut ws = Workspace::create(&workspace, false).unwrap();
    let mut settings = detection.settings.clone();
    settings.timezone = "UTC".into();
    let summary = support::import_quietly(&mut ws, path, &settings).unwrap();
    assert_eq!(summary.events_imported, EVENTS.len() as u64, "{name}");
    assert_eq!(summary.rows_rejected, 0, "{name}");
    let report = Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    serde_json::to_value(report).unwrap()
}

#[test]
fn each_export_shape_is_recognised_and_gives_the_same_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plain = write(
        d,
        "plain.csv",
        "customer,timestamp,touchpoint",
        |(c, t, p)| format!("{c},{},{p}", iso(*t)),
    );
    let baseline = report_of(
        d,
        &plain,
        &Expected {
            shape: None,
            customer: "customer",
            touchpoint: "touchpoint",
            timestamp: "timestamp",
            format: TimestampFormat::Iso,
            alternatives: &[],
        },
    );
    assert_eq!(baseline["events"], 8);
    assert_eq!(baseline["customers"], 3);

    let shapes = [
        (
            write(
                d,
                "pm4py.csv",
                // Events may carry a `customer` attribute of their own (pm4py's helpdesk log
                // does): the case is still the customer.
                "case:concept:name,concept:name,time:timestamp,org:resource,lifecycle:transition,customer",
                |(c, t, p)| format!("{c},{p},{},Sara,complete,Value 1", iso(*t)),
            ),
            Expected {
                shape: Some(ExportShape::ProcessMining),
                customer: "case:concept:name",
                touchpoint: "concept:name",
                timestamp: "time:timestamp",
                format: TimestampFormat::Iso,
                alternatives: &["customer"],
            },
        ),
        (
            write(
                d,
                "ga4.csv",
                "event_date,event_timestamp,event_name,user_pseudo_id,platform",
                |(c, t, p)| format!("20260301,{},{p},{c},WEB", t * 1000),
            ),
            Expected {
                shape: Some(ExportShape::Ga4),
                customer: "user_pseudo_id",
                touchpoint: "event_name",
                timestamp: "event_timestamp",
                format: TimestampFormat::EpochMicros,
                alternatives: &[],
            },
        ),
        (
            write(
                d,
                "amplitude.csv",
                "amplitude_id,device_id,event_type,event_time",
                |(c, t, p)| format!("{c},dev-{c},{p},{}", iso(*t).replace('T', " ")),
            ),
            Expected {
                shape: Some(ExportShape::Amplitude),
                customer: "amplitude_id",
                touchpoint: "event_type",
                timestamp: "event_time",
                format: TimestampFormat::Iso,
                alternatives: &["device_id"],
            },
        ),
        (
            write(
                d,
                "posthog.csv",
                "distinct_id,event,timestamp,properties.$browser",
                |(c, t, p)| format!("{c},{p},{},Firefox", iso(*t)),
            ),
            Expected {
                shape: Some(ExportShape::PostHog),
                customer: "distinct_id",
                touchpoint: "event",
                timestamp: "timestamp",
                format: TimestampFormat::Iso,
                alternatives: &[],
            },
        ),
        (
            write(d, "mixpanel.csv", "event,distinct_id,time", |(c, t, p)| {
                format!("{p},{c},{}", t / 1000)
            }),
            Expected {
                shape: Some(ExportShape::Mixpanel),
                customer: "distinct_id",
                touchpoint: "event",
                timestamp: "time",
                format: TimestampFormat::EpochSeconds,
                alternatives: &[],
            },
        ),
        (
            write(
                d,
                "segment.csv",
                "anonymousId,userId,event,timestamp",
                |(c, t, p)| format!("anon-{c},{c},{p},{}", iso(*t)),
            ),
            Expected {
                shape: Some(ExportShape::Segment),
                customer: "userId",
                touchpoint: "event",
                timestamp: "timestamp",
                format: TimestampFormat::Iso,
                alternatives: &["anonymousId"],
            },
        ),
        (
            write(
                d,
                "clickstream.csv",
                "user_id,session_id,event,timestamp,platform",
                |(c, t, p)| format!("{c},s-{c},{p},{},web", t * 1_000_000),
            ),
            Expected {
                shape: None,
                customer: "user_id",
                touchpoint: "event",
                timestamp: "timestamp",
                format: TimestampFormat::EpochNanos,
                alternatives: &[],
            },
        ),
        (
            write(
                d,
                "italiano.csv",
                "id_utente,attività,quando",
                |(c, t, p)| format!("{c},{p},{t}"),
            ),
            Expected {
                shape: None,
                customer: "id_utente",
                touchpoint: "attività",
                timestamp: "quando",
                format: TimestampFormat::EpochMillis,
                alternatives: &[],
            },
        ),
    ];
    for (path, expected) in &shapes {
        let mut report = report_of(d, path, expected);
        // The journey is made from the log in each workspace: its ids may differ, nothing else.
        support::strip_ids(&mut report);
        let mut base = baseline.clone();
        support::strip_ids(&mut base);
        assert_eq!(report, base, "{}", path.display());
    }
}

#[test]
fn epoch_units_are_told_apart_by_magnitude() {
    let dir = tempfile::tempdir().unwrap();
    for (unit, scale, format) in [
        ("s", 1_000, TimestampFormat::EpochSeconds),
        ("ms", 1, TimestampFormat::EpochMillis),
        ("us", -1_000, TimestampFormat::EpochMicros),
        ("ns", -1_000_000, TimestampFormat::EpochNanos),
    ] {
        let path = write(
            dir.path(),
            &format!("{unit}.csv"),
            "customer,touchpoint,at",
            |(c, t, p)| {
                let n = if scale > 0 { t / scale } else { t * -scale };
                format!("{c},{p},{n}")
            },
        );
        let detection = import::detect(&path, &Overrides::default()).unwrap();
        assert_eq!(
            detection.settings.timestamp_format,
            Some(format.clone()),
            "{unit}"
        );
        let preview = &detection.timestamp_preview[0];
        assert!(
            preview
                .instant
                .as_deref()
                .is_some_and(|i| i.starts_with("2026-03-01")),
            "{unit}: {preview:?}"
        );
    }
}

#[path = "support/workspace.rs"]
mod support;

/// `path` gzip-compressed into `to`, whole or cut short.
fn gzip(path: &Path, to: &Path, keep: Option<usize>) {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&std::fs::read(path).unwrap()).unwrap();
    let mut bytes = encoder.finish().unwrap();
    if let Some(keep) = keep {
        bytes.truncate(keep);
    }
    std::fs::write(to, bytes).unwrap();
}

#[test]
fn a_gzip_compressed_log_is_read_like_the_plain_one_and_recognised_as_the_same_content() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plain = write(d, "events.csv", "user_id,event,timestamp", |(c, t, p)| {
        format!("{c},{p},{}", iso(*t))
    });
    // Told by its first bytes, whatever its name.
    let packed = d.join("events.csv.gz");
    gzip(&plain, &packed, None);
    let expected = Expected {
        shape: None,
        customer: "user_id",
        touchpoint: "event",
        timestamp: "timestamp",
        format: TimestampFormat::Iso,
        alternatives: &[],
    };
    let mut report = report_of(d, &packed, &expected);
    let mut base = report_of(d, &plain, &expected);
    support::strip_ids(&mut report);
    support::strip_ids(&mut base);
    assert_eq!(report, base);

    // Progress runs over the compressed file's bytes, up to its size.
    let mut ws = Workspace::create(d.join("both.percorso"), false).unwrap();
    let settings = import::detect(&packed, &Overrides::default())
        .unwrap()
        .settings;
    let mut seen = Vec::new();
    import::import_file(
        &mut ws,
        &packed,
        &settings,
        &mut |p| seen.push(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    let size = std::fs::metadata(&packed).unwrap().len();
    let last = seen.last().unwrap();
    assert_eq!((last.bytes_read, last.total_bytes), (size, size));
    // The plain file holds the same content: importing it as well is refused as a repeat.
    let settings = import::detect(&plain, &Overrides::default())
        .unwrap()
        .settings;
    let again = support::import_quietly(&mut ws, &plain, &settings).unwrap_err();
    assert_eq!(again.code(), percorso::ErrorCode::AlreadyImported);
}

#[test]
fn a_truncated_gzip_file_is_refused_with_its_name_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Enough rows that the cut falls inside the compressed data, not its header.
    let path = d.join("big.csv");
    let mut text = String::from("customer,touchpoint,timestamp\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "c{},page-{},{}\n",
            i % 500,
            i % 17,
            1_772_356_500 + i
        ));
    }
    std::fs::write(&path, text).unwrap();
    let cut = d.join("cut.csv.gz");
    gzip(&path, &cut, Some(20_000));
    let workspace = d.join("w.percorso");
    percorso::demo::create(&workspace, false, &support::small_demo(50)).unwrap();
    let before = support::content_dump(&workspace).unwrap();
    let mut ws = Workspace::open(&workspace).unwrap();
    let settings = import::detect(&cut, &Overrides::default())
        .unwrap()
        .settings;
    let err = support::import_quietly(&mut ws, &cut, &settings).unwrap_err();
    assert!(err.to_string().contains("cut.csv.gz"), "{err}");
    assert!(err.to_string().contains("damaged or cut short"), "{err}");
    drop(ws);
    assert_eq!(support::content_dump(&workspace).unwrap(), before);
}
