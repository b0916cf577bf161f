//! `percorso import`, `rejected` and `generate` as a user or a script runs them.

use std::path::Path;
use std::process::{Command, Output};

#[path = "../../tests/support/workspace.rs"]
mod support;
use support::content_dump;

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
    let csv =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/import/every_bad_row.csv");
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

    // As CSV, the raw text of every row comes back exactly, and a raw text a spreadsheet would
    // run as a formula is written as text.
    let out = percorso(
        &["rejected", "--format", "csv", "--workspace"],
        &[&workspace],
    );
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["source", "line", "reason", "message", "raw"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 7);
    for (record, json) in records.iter().zip(rows) {
        assert_eq!(record[1], json["line"].to_string());
        assert_eq!(&record[2], json["reason"].as_str().unwrap());
        assert_eq!(&record[4], json["raw"].as_str().unwrap());
    }

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

#[test]
fn killing_the_process_mid_import_leaves_the_workspace_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    let out = percorso(&["generate", "--customers", "30000", "--out"], &[&csv]);
    assert!(out.status.success());
    let workspace = dir.path().join("w.percorso");
    let journal = dir.path().join("w.percorso-journal");
    let demo = percorso(
        &["demo", "--customers", "100", "--workspace"],
        &[&workspace],
    );
    assert!(demo.status.success());
    let before = content_dump(&workspace).unwrap();
    let mut killed_mid_write = false;
    for _ in 0..5 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_percorso"))
            .args(["import", "--timezone", "UTC", "--workspace"])
            .arg(&workspace)
            .arg(&csv)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The rollback journal exists only while the import's transaction is writing.
        loop {
            if journal.exists() {
                child.kill().unwrap();
                child.wait().unwrap();
                killed_mid_write = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        if killed_mid_write {
            break;
        }
        // Finished before the kill landed: start again from the same content.
        std::fs::remove_file(&workspace).unwrap();
        assert!(percorso(
            &["demo", "--customers", "100", "--workspace"],
            &[&workspace]
        )
        .status
        .success());
    }
    assert!(
        killed_mid_write,
        "the import always finished before it could be killed"
    );
    assert!(journal.exists(), "the killed transaction left its journal");
    assert_eq!(content_dump(&workspace).unwrap(), before);
    let info = percorso(&["info", "--json", "--workspace"], &[&workspace]);
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(json["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn a_failed_import_into_a_new_workspace_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("no_roles.csv");
    std::fs::write(&csv, "a,b\n1,2\n").unwrap();
    let workspace = dir.path().join("w.percorso");
    let out = percorso(&["import", "--workspace"], &[&workspace, &csv]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--customer"), "{err}");
    assert!(!workspace.exists());
}
