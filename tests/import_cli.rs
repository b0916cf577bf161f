//! `percorso import`, `rejected` and `generate` as a user or a script runs them.

use std::path::Path;
use std::process::{Command, Output};

fn percorso(args: &[&str], paths: &[&Path]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_percorso"));
    command.args(args);
    for p in paths {
        command.arg(p);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run percorso: {e}"))
}

#[test]
fn import_json_prints_the_summary_of_metrics_md_and_exits_0_despite_rejected_rows() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("w.percorso");
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/every_bad_row.csv");
    let out = percorso(
        &[
            "import",
            "--json",
            "--encoding",
            "utf-8",
            "--timezone",
            "UTC",
            "--workspace",
        ],
        &[&workspace, &csv],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["source"], "every_bad_row.csv");
    assert_eq!(json["rows_read"], 11);
    assert_eq!(json["events_imported"], 3);
    assert_eq!(json["rows_rejected"], 7);
    assert_eq!(json["duplicates"], 1);
    assert_eq!(json["rejected_by_reason"]["unclosed_quote"], 1);
    assert_eq!(json["rejected_by_reason"]["wrong_field_count"], 1);
    assert!(json["unmapped"].as_array().unwrap().is_empty());

    let out = percorso(
        &["rejected", "--format", "json", "--workspace"],
        &[&workspace],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 7);
    assert_eq!(rows[0]["source"], "every_bad_row.csv");
    assert_eq!(rows[0]["line"], 3);
    assert_eq!(rows[0]["reason"], "wrong_field_count");
    assert_eq!(rows[0]["raw"], "C1,2026-03-01T10:00:00Z,Web,web");
    assert!(rows[0]["message"].as_str().unwrap().contains("line 3"));

    // The same file again is refused with a one-line error that says how to insist.
    let again = percorso(
        &["import", "--encoding", "utf-8", "--workspace"],
        &[&workspace, &csv],
    );
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("already imported") && err.contains("--force"),
        "{err}"
    );
}

#[test]
fn generate_writes_a_file_that_imports_completely_with_flags_naming_the_columns() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("gen.csv");
    let workspace = dir.path().join("w.percorso");
    let out = percorso(
        &["generate", "--customers", "40", "--sorted-by-time", "--out"],
        &[&csv],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text
        .starts_with("customer_id,timestamp,touchpoint,channel,event_type,value,region,device\n"));
    let rows = text.lines().count() as u64 - 1;
    let out = percorso(
        &[
            "import",
            "--customer",
            "customer_id",
            "--timestamp",
            "timestamp",
            "--touchpoint",
            "touchpoint",
            "--segment",
            "region",
            "--delimiter",
            ",",
            "--timestamp-format",
            "iso",
            "--workspace",
        ],
        &[&workspace, &csv],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("events imported  {rows:>10}")),
        "{text}"
    );
    assert!(text.contains("Unassigned"), "{text}");
}
