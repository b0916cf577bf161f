//! Percorso keeps every good row and shows every bad one: no bad row stops an import, and no
//! stray quote swallows the rest of a file.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use percorso::import::{self, Encoding, ImportSummary, Overrides};
use percorso::Workspace;

fn import_file(
    dir: &Path,
    path: &Path,
    overrides: &Overrides,
) -> percorso::Result<(Workspace, ImportSummary)> {
    let settings = import::detect(path, overrides)?.settings;
    let mut ws = Workspace::create(dir.join("w.percorso"), true)?;
    let summary = import::import_file(
        &mut ws,
        path,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )?;
    Ok((ws, summary))
}

/// The fixture with one row of every bad kind, read as UTF-8 (so its byte 0xFF is invalid).
fn import_every_bad_row(dir: &Path) -> percorso::Result<(Workspace, ImportSummary)> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/every_bad_row.csv");
    let overrides = Overrides {
        encoding: Some(Encoding::Utf8),
        ..Overrides::default()
    };
    import_file(dir, &path, &overrides)
}

#[test]
fn every_kind_of_bad_row_is_rejected_with_its_line_and_reason_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    // The file is declared UTF-8, so the byte 0xFF on line 7 is an invalid byte, not a letter.
    let (ws, summary) = import_every_bad_row(dir.path()).unwrap();
    assert_eq!(summary.rows_read, 11);
    assert_eq!(summary.events_imported, 3);
    assert_eq!(summary.rows_rejected, 7);
    assert_eq!(summary.duplicates, 1);
    assert_eq!(
        summary.rows_read,
        summary.events_imported + summary.rows_rejected + summary.duplicates
    );
    let rejected: Vec<(u64, String)> = ws
        .rejected_rows(None)
        .unwrap()
        .into_iter()
        .map(|r| (r.line, r.reason))
        .collect();
    let expected = [
        (3, "wrong_field_count"),
        (4, "bad_timestamp"),
        (5, "empty_customer"),
        (6, "empty_touchpoint"),
        (7, "invalid_encoding"),
        (8, "unclosed_quote"),
        (9, "bad_value"),
    ];
    assert_eq!(
        rejected,
        expected
            .iter()
            .map(|(l, r)| (*l, r.to_string()))
            .collect::<Vec<_>>()
    );
    let rows = ws.rejected_rows(None).unwrap();
    let quote = &rows[5];
    assert_eq!(quote.raw, "C4,2026-03-01T13:00:00Z,\"Web,web,1");
    assert!(
        quote.message.contains("line 8, column 3"),
        "{}",
        quote.message
    );
    let timestamp = &rows[1];
    assert!(
        timestamp.message.contains("line 4, column 2 (timestamp)")
            && timestamp.message.contains("not a date"),
        "{}",
        timestamp.message
    );
    assert_eq!(summary.rejected_by_reason.values().sum::<u64>(), 7);
    let log = ws.load_log().unwrap();
    assert_eq!(log.customers.values(), ["C1", "C2", "C5"]);
}

fn thousand_lines(stray: impl Fn(usize) -> Option<String>) -> String {
    let mut text = String::from("customer,timestamp,touchpoint,channel,note\n");
    for line in 2..=1000 {
        let row = stray(line).unwrap_or_else(|| {
            format!(
                "C{},2026-03-01T10:{:02}:{:02}Z,Step {},web,ok\n",
                line % 37,
                line / 60 % 60,
                line % 60,
                line % 5
            )
        });
        text.push_str(&row);
    }
    text
}

#[test]
fn a_stray_quote_on_line_10_rejects_one_row_not_the_991_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stray.csv");
    let text = thousand_lines(|line| {
        (line == 10).then(|| "C9,2026-03-01T10:00:10Z,\"Step 1,web,ok\n".to_owned())
    });
    std::fs::write(&path, text).unwrap();
    let (ws, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.rows_read, 999);
    assert_eq!(summary.rows_rejected, 1);
    assert_eq!(summary.events_imported, 998);
    let rejected = ws.rejected_rows(None).unwrap();
    assert_eq!(rejected[0].line, 10);
    assert_eq!(rejected[0].reason, "unclosed_quote");
}

#[test]
fn a_stray_quote_in_the_last_column_does_not_swallow_the_file_either() {
    // Here the swallowed record would even have the right number of fields.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stray_last.csv");
    let text = thousand_lines(|line| {
        (line == 10).then(|| "C9,2026-03-01T10:00:10Z,Step 1,web,\"ok\n".to_owned())
    });
    std::fs::write(&path, text).unwrap();
    let (ws, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.rows_rejected, 1);
    assert_eq!(summary.events_imported, 998);
    assert_eq!(ws.rejected_rows(None).unwrap()[0].line, 10);
}

#[test]
fn a_quoted_field_that_really_spans_lines_is_one_row_and_later_lines_keep_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("multiline.csv");
    std::fs::write(
        &path,
        "customer,timestamp,touchpoint,note\n\
         A,2026-03-01T10:00:00Z,Web,\"first line\nsecond line\"\n\
         B,2026-03-01T11:00:00Z,,empty touchpoint\n",
    )
    .unwrap();
    let (ws, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.events_imported, 1);
    let rejected = ws.rejected_rows(None).unwrap();
    assert_eq!(
        (rejected[0].line, rejected[0].reason.as_str()),
        (4, "empty_touchpoint")
    );
}

#[test]
fn exact_duplicate_rows_are_counted_not_imported_and_not_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dups.csv");
    std::fs::write(
        &path,
        "customer,timestamp,touchpoint\nA,2026-03-01T10:00:00Z,Web\nA,2026-03-01T10:00:00Z,Web\n\
         A,2026-03-01T10:00:00Z,Web\nA,2026-03-01T10:00:00Z, Web\n",
    )
    .unwrap();
    let (_, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.duplicates, 2);
    // Not the same bytes (a space), so not a duplicate.
    assert_eq!(summary.events_imported, 2);
}

#[test]
fn windows_line_endings_keep_line_numbers_right() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crlf.csv");
    std::fs::write(
        &path,
        "customer,timestamp,touchpoint\r\nA,2026-03-01T10:00:00Z,Web\r\nB,yesterday,Web\r\n\
         C,2026-03-01T10:00:00Z,\"Store\r\nD,2026-03-01T11:00:00Z,App\r\n",
    )
    .unwrap();
    let (ws, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.events_imported, 2);
    let lines: Vec<(u64, String)> = ws
        .rejected_rows(None)
        .unwrap()
        .into_iter()
        .map(|r| (r.line, r.reason))
        .collect();
    assert_eq!(
        lines,
        vec![(3, "bad_timestamp".into()), (4, "unclosed_quote".into())]
    );
}

#[test]
fn a_quoted_field_spanning_the_boundary_between_read_blocks_stays_one_row() {
    // The importer reads 4 MiB at a time and cuts after a line break; put a record's embedded
    // line break just before that cut.
    const BLOCK: usize = 4 << 20;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boundary.csv");
    let mut text = String::from("customer,timestamp,touchpoint,note\n");
    let first_line = "M,2026-03-01T10:00:00Z,Web,\"first part\n";
    let mut rows = 0u64;
    while text.len() + 120 + first_line.len() < BLOCK - 10 {
        text.push_str("C1,2026-03-01T10:00:00Z,Store,filler row of the file\n");
        rows += 1;
    }
    let pad = BLOCK - 10 - first_line.len() - text.len() - "C2,2026-03-01T10:00:00Z,App,\n".len();
    text.push_str(&format!(
        "C2,2026-03-01T10:00:00Z,App,{}\n",
        "p".repeat(pad)
    ));
    text.push_str(first_line);
    assert_eq!(text.len(), BLOCK - 10);
    text.push_str(&format!("second part {}\"\n", "x".repeat(100)));
    let line_after = text.matches('\n').count() as u64 + 1;
    text.push_str("D,2026-03-01T11:00:00Z,,no touchpoint\n");
    text.push_str("E,2026-03-01T12:00:00Z,Web,last\n");
    std::fs::write(&path, &text).unwrap();
    let (ws, summary) = import_file(dir.path(), &path, &Overrides::default()).unwrap();
    assert_eq!(summary.rows_read, rows + 4);
    assert_eq!(summary.rows_rejected, 1);
    assert_eq!(ws.rejected_rows(None).unwrap()[0].line, line_after);
    // Identical filler rows are duplicates of the first one.
    assert_eq!(summary.duplicates, rows - 1);
    assert_eq!(summary.events_imported, 4);
    let log = ws.load_log().unwrap();
    assert_eq!(log.customers.values(), ["C1", "C2", "M", "E"]);
}

#[test]
fn rejected_rows_come_in_pages_with_their_total() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, summary) = import_every_bad_row(dir.path()).unwrap();
    let all = ws.rejected_rows(None).unwrap();
    let first = ws.rejected_page(None, 0, 3).unwrap();
    assert_eq!(first.total, 7);
    assert_eq!(first.rows, all[..3]);
    let last = ws.rejected_page(Some(summary.source_id), 6, 3).unwrap();
    assert_eq!((last.total, last.offset), (7, 6));
    assert_eq!(last.rows, all[6..]);
    assert!(ws
        .rejected_page(Some(summary.source_id + 1), 0, 3)
        .unwrap()
        .rows
        .is_empty());
}

#[test]
fn a_raw_row_that_looks_like_a_formula_is_exported_as_text() {
    let row = import::RejectedRow {
        source: "crm.csv".into(),
        line: 12,
        reason: "wrong_field_count".into(),
        message: "line 12: 2 fields, expected 4".into(),
        raw: "=HYPERLINK(\"http://x\"),1".into(),
    };
    let mut out = Vec::new();
    percorso::export::write_rejected_csv(&mut out, &[row]).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains(",12,"), "{text}");
}
