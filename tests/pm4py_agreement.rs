//! Percorso's report agrees with pm4py, the process-mining library analysts check it against: the
//! same log, read by each, gives the same directly-follows graph (our transitions), the same
//! events and cases per activity (our touchpoints) and the same end activities (our `last_here`).
//!
//! Run by `scripts/test.sh`, which installs pm4py in a virtual environment, with
//! `PERCORSO_PM4PY=<that environment's python> cargo test --test pm4py_agreement`.

#![cfg(test)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use percorso::analytics::{Analysis, Params};
use percorso::demo::DemoConfig;
use percorso::import::{self, generate, Overrides};
use percorso::Workspace;

#[path = "support/workspace.rs"]
mod support;

/// What pm4py finds in a log, as the script below prints it.
const SCRIPT: &str = r#"
import json, sys
import pandas as pd
import pm4py

path, kind = sys.argv[1], sys.argv[2]
if kind == "xes":
    df = pm4py.read_xes(path)
else:
    df = pm4py.format_dataframe(
        pd.read_csv(path), case_id="customer_id", activity_key="touchpoint",
        timestamp_key="timestamp")
dfg, start, end = pm4py.discover_dfg(df)
cases = df.groupby("concept:name")["case:concept:name"].nunique()
events = df["concept:name"].value_counts()
print(json.dumps({
    "dfg": sorted([a, b, int(n)] for (a, b), n in dfg.items()),
    "events": {a: int(n) for a, n in events.items()},
    "cases": {a: int(n) for a, n in cases.items()},
    "end": {a: int(n) for a, n in end.items()},
}))
"#;

#[derive(Debug, PartialEq)]
struct Graph {
    dfg: Vec<(String, String, u64)>,
    events: BTreeMap<String, u64>,
    cases: BTreeMap<String, u64>,
    end: BTreeMap<String, u64>,
}

fn pm4py(dir: &Path, log: &Path, kind: &str) -> Graph {
    let python = std::env::var("PERCORSO_PM4PY").expect(
        "PERCORSO_PM4PY: the python of an environment with pm4py (scripts/test.sh sets it)",
    );
    let script = dir.join("dfg.py");
    std::fs::write(&script, SCRIPT).unwrap();
    let out = std::process::Command::new(python)
        .arg(&script)
        .arg(log)
        .arg(kind)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pm4py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let map = |key: &str| {
        v[key]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
            .collect()
    };
    Graph {
        dfg: v["dfg"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap().to_owned(),
                    e[1].as_str().unwrap().to_owned(),
                    e[2].as_u64().unwrap(),
                )
            })
            .collect(),
        events: map("events"),
        cases: map("cases"),
        end: map("end"),
    }
}

/// The same figures from Percorso's report of `log`, imported with no flags.
fn percorso(dir: &Path, log: &Path) -> Graph {
    let workspace = dir.join(format!(
        "{}.percorso",
        log.file_name().unwrap().to_string_lossy()
    ));
    let mut ws = Workspace::create(&workspace, true).unwrap();
    let mut settings = import::detect(log, &Overrides::default()).unwrap().settings;
    settings.timezone = "UTC".into();
    let summary = support::import_quietly(&mut ws, log, &settings).unwrap();
    assert_eq!(summary.rows_rejected, 0);
    assert_eq!(summary.duplicates, 0);
    let report = Analysis::from_workspace(&ws, None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    let report = serde_json::to_value(report).unwrap();
    let mut dfg: Vec<(String, String, u64)> = report["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["count"].as_u64().unwrap() > 0)
        .map(|e| {
            (
                e["from"].as_str().unwrap().to_owned(),
                e["to"].as_str().unwrap().to_owned(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    dfg.sort();
    let nodes = report["nodes"].as_array().unwrap();
    let per_node = |key: &str| {
        nodes
            .iter()
            .map(|n| {
                (
                    n["touchpoint"].as_str().unwrap().to_owned(),
                    n[key].as_u64().unwrap(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    Graph {
        dfg,
        events: per_node("events"),
        cases: per_node("customers"),
        end: per_node("last_here"),
    }
}

#[test]
fn the_report_agrees_with_pm4py_on_xes_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = DemoConfig {
        customers: 1500,
        ..DemoConfig::default()
    };
    let xes = d.join("log.xes.gz");
    let mut out = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let events = generate::write_xes(&config, &mut out).unwrap();
    std::fs::write(&xes, out.finish().unwrap()).unwrap();
    let csv = d.join("log.csv");
    let mut out = std::fs::File::create(&csv).unwrap();
    generate::write_csv(&config, None, false, &mut out).unwrap();
    out.flush().unwrap();

    for (log, kind) in [(&xes, "xes"), (&csv, "csv")] {
        let ours = percorso(d, log);
        let theirs = pm4py(d, log, kind);
        assert_eq!(ours.events.values().sum::<u64>(), events, "{kind}");
        assert!(ours.dfg.len() > 20, "{kind}: {:?}", ours.dfg);
        assert_eq!(ours.dfg, theirs.dfg, "{kind}: directly-follows graph");
        assert_eq!(ours.events, theirs.events, "{kind}: events per activity");
        assert_eq!(ours.cases, theirs.cases, "{kind}: cases per activity");
        assert_eq!(ours.end, theirs.end, "{kind}: end activities");
    }
}
