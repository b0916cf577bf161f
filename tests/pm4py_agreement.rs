//! Percorso's report agrees with pm4py, the process-mining library analysts check it against: the
//! same log, read by each, gives the same directly-follows graph (our transitions), the same
//! events and cases per activity (our touchpoints) and the same end activities (our `last_here`).
//!
//! Run by `scripts/test.sh`, which installs pm4py in a virtual environment, with
//! `PERCORSO_PM4PY=<that environment's python> cargo test --test pm4py_agreement`.
//!
//! The logs are generated here. pm4py's own test logs (`tests/input_data` in pm4py's repository:
//! BPIC 2012, helpdesk, receipt, reviewing, running-example…) are not shipped with pm4py's package;
//! with a copy of them, `PERCORSO_PM4PY_LOGS=<that folder>` checks every `.xes`, `.xes.gz` and `.csv`
//! in it as well.

#![cfg(test)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    df = pd.read_csv(path)
    names = ("case:concept:name", "concept:name", "time:timestamp")
    if not all(n in df.columns for n in names):
        names = ("customer_id", "touchpoint", "timestamp")
    df = pm4py.format_dataframe(
        df, case_id=names[0], activity_key=names[1], timestamp_key=names[2])
# Percorso orders a customer's events by the timestamp column (an XES event's time:timestamp,
# when it completed). pm4py orders a log that has a start_timestamp by that first: the
# comparison leaves it out, so that both order by the same instant. pm4py takes a case's end
# activity in row order, so rows are put in that order (a stable sort keeps ties in file order).
df = df.drop(columns=["start_timestamp"], errors="ignore")
df = df.sort_values(["case:concept:name", "time:timestamp"], kind="stable")
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
        assert_eq!(ours.events.values().sum::<u64>(), events, "{kind}");
        assert!(ours.dfg.len() > 20, "{kind}: {:?}", ours.dfg);
        agree(&ours, &pm4py(d, log, kind), &log.display().to_string());
    }
    for (log, kind) in own_logs() {
        let ours = percorso(d, &log);
        let name = log.display().to_string();
        agree(&ours, &pm4py(d, &log, kind), &name);
        println!(
            "{name}: agrees with pm4py ({} events, {} directly-follows pairs)",
            ours.events.values().sum::<u64>(),
            ours.dfg.len()
        );
    }
}

fn agree(ours: &Graph, theirs: &Graph, log: &str) {
    assert_eq!(ours.dfg, theirs.dfg, "{log}: directly-follows graph");
    assert_eq!(ours.events, theirs.events, "{log}: events per activity");
    assert_eq!(ours.cases, theirs.cases, "{log}: cases per activity");
    assert_eq!(ours.end, theirs.end, "{log}: end activities");
}

/// The logs in `PERCORSO_PM4PY_LOGS`, with how pm4py reads each.
fn own_logs() -> Vec<(PathBuf, &'static str)> {
    let Ok(dir) = std::env::var("PERCORSO_PM4PY_LOGS") else {
        return Vec::new();
    };
    let mut logs: Vec<(PathBuf, &'static str)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            if name.ends_with(".xes") || name.ends_with(".xes.gz") {
                Some((p, "xes"))
            } else if name.ends_with(".csv") {
                Some((p, "csv"))
            } else {
                None
            }
        })
        .collect();
    logs.sort();
    logs
}
