//! Files as analysts bring them: Excel's Italian exports, BOMs, mixed offsets, epoch times.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use percorso::import::{self, ColumnRole, Encoding, ImportSummary, Overrides, TimestampFormat};
use percorso::{ErrorCode, Workspace};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn import_into(
    workspace: &mut Workspace,
    path: &Path,
    overrides: &Overrides,
) -> percorso::Result<ImportSummary> {
    let settings = import::detect(path, overrides)?.settings;
    import::import_file(
        workspace,
        path,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )
}

fn utc(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text).map_or(i64::MIN, |t| t.timestamp_millis())
}

#[test]
fn an_italian_excel_export_is_read_with_its_accents_semicolons_and_day_first_dates() {
    let path = fixture("italian_semicolon_cp1252.csv");
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    let s = &detection.settings;
    assert_eq!(s.encoding, Encoding::Windows1252);
    assert_eq!(s.delimiter, ';');
    assert!(s.has_header);
    assert_eq!(
        s.roles,
        vec![
            ColumnRole::Customer,
            ColumnRole::Timestamp,
            ColumnRole::Touchpoint,
            ColumnRole::Channel,
            ColumnRole::Value,
            ColumnRole::Segment
        ]
    );
    assert_eq!(
        s.timestamp_format,
        Some(TimestampFormat::DayMonthYear { separator: '/' })
    );
    assert_eq!(detection.sample_rows[0][2], "Negozio Città");

    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let overrides = Overrides {
        timezone: Some("Europe/Rome".into()),
        ..Overrides::default()
    };
    let summary = import_into(&mut ws, &path, &overrides).unwrap();
    assert_eq!(summary.rows_read, 6);
    assert_eq!(summary.events_imported, 6);
    assert!(summary.journey_created);
    let log = ws.load_log().unwrap();
    assert_eq!(
        log.touchpoints.values(),
        [
            "Negozio Città",
            "Caffè del Corso",
            "Sito web",
            "Assistenza telefonica"
        ]
    );
    // 03/02/2026 09:15 in Rome (winter, UTC+1) is 08:15Z; the value uses a decimal comma.
    assert_eq!(log.instant_ms[0], utc("2026-02-03T08:15:00Z"));
    assert_eq!(log.value[0], 12.5);
    assert!(log.value[1].is_nan());
    assert_eq!(log.attributes[0].name, "Regione");
    // With no journey in the workspace, each value became a touchpoint of stage "Unassigned".
    let journey = ws.journey(summary.journey).unwrap();
    assert_eq!(journey.stages[0].name, "Unassigned");
    assert_eq!(journey.touchpoints.len(), 4);
    assert_eq!(
        journey.touchpoints[0].channel,
        percorso::Channel::Store,
        "negozio is a store"
    );
    assert_eq!(ws.sources().unwrap()[0].timezone, "Europe/Rome");
}

#[test]
fn a_utf8_bom_does_not_end_up_in_the_first_column_name() {
    let path = fixture("utf8_bom.csv");
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    assert_eq!(detection.settings.encoding, Encoding::Utf8Bom);
    assert_eq!(detection.settings.columns[0], "customer_id");
    assert_eq!(detection.settings.roles[0], ColumnRole::Customer);
    assert_eq!(detection.settings.roles[4], ColumnRole::EventType);
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let summary = import_into(&mut ws, &path, &Overrides::default()).unwrap();
    assert_eq!(summary.events_imported, 3);
    assert_eq!(ws.load_log().unwrap().customers.values(), ["u1", "u2"]);
    // "delivered" is an exposure word, so it is proposed as the source's exposure type.
    drop(ws);
    let conn = rusqlite::Connection::open(dir.path().join("w.percorso")).unwrap();
    let mapping: String = conn
        .query_row("SELECT mapping FROM sources", [], |r| r.get(0))
        .unwrap();
    let mapping: serde_json::Value = serde_json::from_str(&mapping).unwrap();
    assert_eq!(mapping["exposure_types"], serde_json::json!(["delivered"]));
}

#[test]
fn one_customers_mixed_offsets_are_compared_as_instants() {
    let path = fixture("mixed_offsets.csv");
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let summary = import_into(&mut ws, &path, &Overrides::default()).unwrap();
    assert_eq!(summary.events_imported, 4);
    let log = ws.load_log().unwrap();
    assert_eq!(
        log.instant_ms,
        vec![
            utc("2026-03-01T08:00:00Z"),
            utc("2026-03-01T09:30:00Z"),
            utc("2026-03-01T08:00:00.500Z"),
            utc("2026-03-01T08:15:00Z"),
        ]
    );
}

#[test]
fn epoch_milliseconds_are_recognised_by_their_digits() {
    let path = fixture("epoch_millis.csv");
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    assert_eq!(
        detection.settings.timestamp_format,
        Some(TimestampFormat::EpochMillis)
    );
    assert_eq!(
        detection.timestamp_preview[0].instant.as_deref(),
        Some("2026-03-01T09:15:00.123Z")
    );
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    import_into(&mut ws, &path, &Overrides::default()).unwrap();
    let log = ws.load_log().unwrap();
    assert_eq!(log.instant_ms[0], 1_772_356_500_123);
    assert_eq!(log.value[1], 4.5);
}

#[test]
fn day_or_month_first_is_asked_when_the_sample_cannot_tell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ambiguous.csv");
    std::fs::write(
        &path,
        "customer,date,touchpoint\nA,01/02/2026 10:00,Web\nB,03/04/2026 11:00,Store\n",
    )
    .unwrap();
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    assert_eq!(detection.settings.timestamp_format, None);
    assert_eq!(detection.timestamp_candidates.len(), 2);
    assert!(!detection.notes.is_empty());
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let err = import::import_file(
        &mut ws,
        &path,
        &detection.settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert_eq!(err.code(), ErrorCode::AmbiguousTimestamp);
    assert!(
        err.to_string().contains("dd/mm/yyyy or mm/dd/yyyy"),
        "{err}"
    );
    // Worded without a CLI flag, for the app; the CLI adds its own hint.
    assert!(!err.to_string().contains("--"), "{err}");
    assert_eq!(err.params().get("column").map(String::as_str), Some("date"));
    let chosen = Overrides {
        timestamp_format: Some(TimestampFormat::MonthDayYear { separator: '/' }),
        timezone: Some("UTC".into()),
        ..Overrides::default()
    };
    import_into(&mut ws, &path, &chosen).unwrap();
    assert_eq!(
        ws.load_log().unwrap().instant_ms[0],
        utc("2026-01-02T10:00:00Z")
    );
}

#[test]
fn utf16_files_with_a_bom_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.csv");
    let text = "customer\ttimestamp\ttouchpoint\nA\t2026-03-01T10:00:00Z\tNegozio Città\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&path, bytes).unwrap();
    let detection = import::detect(&path, &Overrides::default()).unwrap();
    assert_eq!(detection.settings.encoding, Encoding::Utf16Le);
    assert_eq!(detection.settings.delimiter, '\t');
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    import_into(&mut ws, &path, &Overrides::default()).unwrap();
    assert_eq!(
        ws.load_log().unwrap().touchpoints.values(),
        ["Negozio Città"]
    );
}

#[test]
fn edited_settings_are_previewed_before_importing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ambiguous.csv");
    std::fs::write(
        &path,
        "who|when|where|shop\nA|01/02/2026 10:00|Web|Roma\nB|03/04/2026 11:00|Store|Roma\n",
    )
    .unwrap();
    let mut settings = import::detect(&path, &Overrides::default())
        .unwrap()
        .settings;
    assert_eq!(settings.delimiter, '|');
    assert!(import::detect(&path, &Overrides::default())
        .unwrap()
        .timestamp_preview
        .is_empty());
    // The user says day first, in Rome, and which columns are the customer and the touchpoint.
    settings.timestamp_format = Some(TimestampFormat::DayMonthYear { separator: '/' });
    settings.timezone = "Europe/Rome".into();
    settings.roles = vec![
        ColumnRole::Customer,
        ColumnRole::Timestamp,
        ColumnRole::Touchpoint,
        ColumnRole::Segment,
    ];
    let preview = import::preview(&path, &settings).unwrap();
    assert_eq!(preview.sample_rows.len(), 2);
    assert_eq!(
        preview.timestamp_preview[0].instant.as_deref(),
        Some("2026-02-01T09:00:00.000Z")
    );
    assert!(preview.notes.is_empty(), "{:?}", preview.notes);
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let summary = import::import_file(
        &mut ws,
        &path,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(summary.events_imported, 2);
    assert_eq!(ws.load_log().unwrap().attributes[0].name, "shop");
}
