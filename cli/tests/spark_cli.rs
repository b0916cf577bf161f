//! `percorso report`, `customers` and `path` with `--spark` print what they print on the
//! workspace: the same log as a table on a real Spark cluster, read through Spark Connect.
//!
//! Needs a cluster: `scripts/test.sh` starts one (`scripts/spark.sh start`) and runs this with
//! `PERCORSO_SPARK_URL` set.

#![cfg(test)]

use std::process::Command;

use serde_json::Value;

#[path = "../../tests/support/same_report.rs"]
mod same_report;
#[path = "../../tests/support/spark.rs"]
mod spark;
use spark::{csv_table as register, url};

fn percorso(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_percorso"))
        .args(args)
        .output()
        .unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = percorso(args);
    assert!(
        out.status.success(),
        "percorso {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn report_customers_and_path_on_spark_print_the_workspace_s_figures() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = d.join("log.csv");
    let ws = d.join("demo.percorso");
    let (csv_s, ws_s) = (csv.to_str().unwrap(), ws.to_str().unwrap());
    json_ok(&["generate", "--customers", "300", "--out", csv_s]);
    json_ok(&["demo", "--workspace", ws_s, "--customers", "300"]);
    // No customer has two events at one instant, so no tie rule decides anything here.
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut seen = std::collections::HashSet::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        assert!(
            seen.insert((cells[0].to_owned(), cells[1].to_owned())),
            "tie: {line}"
        );
    }
    let table = format!("percorso_cli_{}", std::process::id());
    register(&table, &csv);

    let url = url();
    let spark: Vec<&str> = vec![
        "--spark",
        &url,
        "--table",
        &table,
        "--customer",
        "customer_id",
        "--timestamp",
        "timestamp",
        "--touchpoint",
        "touchpoint",
        "--channel",
        "channel",
        "--event",
        "event_type",
        "--value",
        "value",
        "--workspace",
        ws_s,
    ];
    let with = |extra: &[&str], base: &[&str]| -> Vec<String> {
        base.iter().chain(extra).map(|s| (*s).to_owned()).collect()
    };
    let run = |args: Vec<String>| json(&args.iter().map(String::as_str).collect::<Vec<_>>());

    let local = run(with(
        &["--workspace", ws_s, "--format", "json"],
        &["report"],
    ));
    let remote = run(with(
        &["--format", "json"],
        &[&["report"][..], &spark].concat(),
    ));
    same_report::assert_same(&local, &remote, "report");
    assert!(local["events"].as_u64().unwrap() > 1000);

    let filters = [
        "--segment",
        "region=North",
        "--from",
        "2026-06-01",
        "--inactive-days",
        "10",
    ];
    let local = run(with(
        &[&filters[..], &["--workspace", ws_s, "--format", "json"]].concat(),
        &["report"],
    ));
    let remote = run(with(
        &[&filters[..], &["--format", "json"]].concat(),
        &[&["report"][..], &spark].concat(),
    ));
    same_report::assert_same(&local, &remote, "report, North since June");
    assert!(local["customers"].as_u64().unwrap() > 10);

    let page = [
        "--status",
        "dropped",
        "--sort",
        "last-event",
        "--descending",
        "--limit",
        "8",
        "--format",
        "json",
    ];
    let local = run(with(
        &[&page[..], &["--workspace", ws_s]].concat(),
        &["customers"],
    ));
    let remote = run(with(&page, &[&["customers"][..], &spark].concat()));
    assert_eq!(local, remote);
    assert_eq!(local.as_array().unwrap().len(), 8);
    let busiest = run(with(
        &[
            "--workspace",
            ws_s,
            "--sort",
            "events",
            "--descending",
            "--limit",
            "1",
            "--format",
            "json",
        ],
        &["customers"],
    ));
    let someone = busiest[0]["customer"].as_str().unwrap().to_owned();

    let path_spark: Vec<&str> = spark
        .iter()
        .map(|a| {
            if *a == "--customer" {
                "--customer-column"
            } else {
                a
            }
        })
        .collect();
    let local = run(with(
        &[
            "--workspace",
            ws_s,
            "--customer",
            &someone,
            "--format",
            "json",
        ],
        &["path"],
    ));
    let remote = run(with(
        &["--customer", &someone, "--format", "json"],
        &[&["path"][..], &path_spark].concat(),
    ));
    assert_eq!(local, remote);
    assert!(local["events"].as_array().unwrap().len() > 1);
}

#[test]
fn an_unreachable_cluster_is_one_clear_line() {
    let out = percorso(&[
        "report",
        "--spark",
        "sc://127.0.0.1:9",
        "--table",
        "t",
        "--customer",
        "c",
        "--timestamp",
        "ts",
        "--touchpoint",
        "tp",
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cannot reach the Spark Connect server at sc://127.0.0.1:9"),
        "{err}"
    );
}

fn json_ok(args: &[&str]) {
    let out = percorso(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
