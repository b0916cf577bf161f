//! `percorso report`, `customers` and `path` as a user runs them on a demo workspace.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn percorso() -> Command {
    Command::new(env!("CARGO_BIN_EXE_percorso"))
}

fn demo(dir: &Path) -> PathBuf {
    let path = dir.join("demo.percorso");
    let out = percorso()
        .args(["demo", "--customers", "300", "--workspace"])
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{out:?}");
    path
}

fn run(args: &[&str], workspace: &Path) -> String {
    let out = percorso()
        .args(args)
        .arg("--workspace")
        .arg(workspace)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn has_fields(object: &Value, fields: &[&str]) {
    for f in fields {
        assert!(object.get(f).is_some(), "no field {f} in {object}");
    }
}

#[test]
fn the_json_report_has_every_field_of_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let report: Value = serde_json::from_str(&run(&["report", "--format", "json"], &ws)).unwrap();
    has_fields(
        &report,
        &[
            "as_of",
            "inactive_days",
            "customers",
            "events",
            "nodes",
            "edges",
            "stages",
            "unmapped",
        ],
    );
    assert_eq!(report["inactive_days"], 30);
    assert!(report["as_of"].as_str().unwrap().ends_with('Z'));
    let nodes = report["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 26);
    for n in nodes {
        has_fields(
            n,
            &[
                "touchpoint",
                "stage",
                "events",
                "customers",
                "reach_pct",
                "repeat",
                "last_here",
                "dropoff",
                "dropoff_rate",
                "median_next_s",
                "p90_next_s",
                "stalled_now",
                "engagement_rate",
                "value_mean",
                "touchpoint_id",
            ],
        );
    }
    for e in report["edges"].as_array().unwrap() {
        has_fields(
            e,
            &[
                "from",
                "to",
                "count",
                "customers",
                "share",
                "median_s",
                "p90_s",
                "designed",
            ],
        );
    }
    for s in report["stages"].as_array().unwrap() {
        has_fields(
            s,
            &["stage", "reached", "current", "dropped", "conversion_next"],
        );
    }
    for u in report["unmapped"].as_array().unwrap() {
        has_fields(u, &["value", "events"]);
    }
    assert!(!report["unmapped"].as_array().unwrap().is_empty());
    assert!(report["edges"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["designed"] == false));
}

#[test]
fn the_demo_shows_drop_off_and_stalls() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let report: Value = serde_json::from_str(&run(&["report", "--format", "json"], &ws)).unwrap();
    let nodes = report["nodes"].as_array().unwrap();
    let total = |field: &str| {
        nodes
            .iter()
            .map(|n| n[field].as_u64().unwrap())
            .sum::<u64>()
    };
    assert!(nodes.iter().any(|n| n["dropoff"].as_u64().unwrap() > 0));
    assert!(nodes.iter().any(|n| n["stalled_now"].as_u64().unwrap() > 0));
    // Non-trivial: some customers dropped, but not all, and not all at one touchpoint.
    assert!(total("dropoff") < report["customers"].as_u64().unwrap());
    assert!(
        nodes
            .iter()
            .filter(|n| n["dropoff"].as_u64().unwrap() > 0)
            .count()
            > 3
    );
}

#[test]
fn filters_change_what_the_report_counts() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let count = |extra: &[&str]| {
        let mut args = vec!["report", "--format", "json"];
        args.extend_from_slice(extra);
        let r: Value = serde_json::from_str(&run(&args, &ws)).unwrap();
        (
            r["customers"].as_u64().unwrap(),
            r["events"].as_u64().unwrap(),
        )
    };
    let all = count(&[]);
    let north = count(&["--segment", "region=North"]);
    let north_or_south = count(&["--segment", "region=North", "--segment", "region=South"]);
    assert!(north.0 < north_or_south.0 && north_or_south.0 < all.0);
    let recent = count(&["--from", "2026-09-01"]);
    assert!(recent.1 < all.1);
    let web = count(&["--channel", "web"]);
    assert!(web.1 < all.1);
    let nothing = count(&["--from", "2030-01-01T00:00:00+01:00"]);
    assert_eq!(nothing, (0, 0));
}

#[test]
fn the_table_and_csv_formats_are_readable() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let table = run(&["report", "--format", "table"], &ws);
    assert!(
        table.contains("Instagram ad") && table.contains("reached"),
        "{table}"
    );
    let csv = run(&["report", "--format", "csv"], &ws);
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("touchpoint,stage,touchpoint_id,events"));
    assert_eq!(lines.count(), 26);
}

#[test]
fn every_table_of_the_report_comes_out_as_csv_with_the_json_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let json: Value = serde_json::from_str(&run(&["report", "--format", "json"], &ws)).unwrap();
    let read = |table: &str| -> Vec<csv::StringRecord> {
        let text = run(&["report", "--format", "csv", "--table", table], &ws);
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let stages = read("stages");
    let expected = json["stages"].as_array().unwrap();
    assert_eq!(stages.len(), expected.len());
    for (row, stage) in stages.iter().zip(expected) {
        assert_eq!(&row[0], stage["stage"].as_str().unwrap());
        assert_eq!(row[1], stage["reached"].to_string());
        assert_eq!(row[3], stage["dropped"].to_string());
    }
    let transitions = read("transitions");
    assert_eq!(transitions.len(), json["edges"].as_array().unwrap().len());
    let total: u64 = transitions
        .iter()
        .map(|r| r[2].parse::<u64>().unwrap())
        .sum();
    let expected: u64 = json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["count"].as_u64().unwrap())
        .sum();
    assert_eq!(total, expected);
    let unmapped = read("unmapped");
    assert_eq!(unmapped.len(), json["unmapped"].as_array().unwrap().len());
    assert!(!unmapped.is_empty(), "the demo has unmapped values");
}

#[test]
fn customers_and_their_paths_can_be_listed() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let dropped: Value = serde_json::from_str(&run(
        &["customers", "--status", "dropped", "--format", "json"],
        &ws,
    ))
    .unwrap();
    let dropped = dropped.as_array().unwrap();
    assert!(!dropped.is_empty());
    assert!(dropped.iter().all(|c| c["status"] == "dropped"));
    let in_stage = run(
        &["customers", "--stage", "purchase", "--format", "csv"],
        &ws,
    );
    assert!(in_stage.starts_with("customer,events,last_event,latest_touchpoint,current_stage"));
    assert!(
        in_stage.lines().skip(1).all(|l| l.contains(",Purchase,")),
        "{in_stage}"
    );
    let busiest = run(
        &[
            "customers",
            "--sort",
            "events",
            "--descending",
            "--limit",
            "2",
        ],
        &ws,
    );
    assert_eq!(busiest.lines().count(), 3, "{busiest}");
    let id = dropped[0]["customer"].as_str().unwrap();
    let path: Value =
        serde_json::from_str(&run(&["path", "--customer", id, "--format", "json"], &ws)).unwrap();
    assert_eq!(
        path["events"].as_array().unwrap().len() as u64,
        dropped[0]["events"].as_u64().unwrap()
    );
}

#[test]
fn an_unknown_segment_column_is_a_one_line_error_naming_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let out = percorso()
        .args(["report", "--segment", "regio=North", "--workspace"])
        .arg(&ws)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("region") && err.contains("device"), "{err}");
}

#[test]
fn a_customer_id_that_looks_like_a_formula_is_exported_as_text() {
    use percorso::log::{EventLog, NewEvent};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let mut ws = percorso::Workspace::create(&path, false).unwrap();
    let mut log = EventLog::default();
    log.push(NewEvent {
        customer: r#"=HYPERLINK("http://x","y")"#,
        instant_ms: 0,
        touchpoint: "-Web",
        channel: None,
        event_type: None,
        value: Some(-3.5),
    });
    let source = percorso::workspace::SourceDraft {
        name: "log".into(),
        file_name: "log.csv".into(),
        content_hash: "x".into(),
        timezone: "UTC".into(),
        mapping: "{}".into(),
        rows_read: 1,
        rows_rejected: 0,
        duplicates: 0,
    };
    ws.add_source(&source, &log).unwrap();
    drop(ws);
    let csv = run(&["customers", "--format", "csv"], &path);
    assert!(
        csv.contains(r#""'=HYPERLINK(""http://x"",""y"")",1,"#),
        "{csv}"
    );
    assert!(csv.contains(",'-Web,"), "{csv}");
    let events = run(
        &["path", "--customer", r#"=HYPERLINK("http://x","y")"#],
        &path,
    );
    assert!(
        events.contains(",-3.5,"),
        "a number stays a number: {events}"
    );
}
