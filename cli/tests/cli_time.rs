//! `percorso trend` and `percorso changes` as an analyst runs them: on the demo, and on an
//! imported log with a break injected on a known day.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_percorso"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&run(args)).unwrap_or_else(|e| panic!("{e}"))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap_or_default()
}

#[test]
fn a_weekly_trend_adds_up_to_the_report_and_one_touchpoint_comes_out_as_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ws = dir.path().join("demo.percorso");
    run(&["demo", "--customers", "400", "--workspace", path(&ws)]);
    let report = json(&["report", "--format", "json", "--workspace", path(&ws)]);
    let trend = json(&["trend", "--by", "week", "--workspace", path(&ws)]);
    assert_eq!(trend["by"], "week");
    let periods = trend["periods"].as_array().cloned().unwrap_or_default();
    assert!(periods.len() > 4, "{} weeks", periods.len());
    let events: u64 = periods
        .iter()
        .map(|p| p["report"]["events"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(Some(events), report["events"].as_u64());
    assert!(periods
        .iter()
        .all(|p| p["report"]["nodes"].as_array().map(Vec::len)
            == report["nodes"].as_array().map(Vec::len)));

    let name = report["nodes"][0]["touchpoint"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let csv = run(&[
        "trend",
        "--by",
        "month",
        "--touchpoint",
        &name,
        "--format",
        "csv",
        "--workspace",
        path(&ws),
    ]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    assert!(
        header
            .trim_start_matches('\u{feff}')
            .starts_with("period_start,period_end,settled,touchpoint"),
        "{header}"
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.contains(&name)), "{rows:?}");

    let out = Command::new(env!("CARGO_BIN_EXE_percorso"))
        .args([
            "trend",
            "--by",
            "day",
            "--touchpoint",
            "Nowhere",
            "--workspace",
            path(&ws),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Nowhere") && err.contains(&name), "{err}");
}

/// 80 customers a day for 56 days go Home → Pay → Done or Error; from day 42 (the last 14
/// days) Error follows Pay for about 3 in 10 instead of 1 in 50.
fn write_broken_log(file: &Path) {
    let mut csv = String::from("customer,timestamp,touchpoint\n");
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for day in 0..56u32 {
        for i in 0..80u32 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let roll = seed % 1000;
            let failed = if day < 42 { roll < 20 } else { roll < 300 };
            let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
                .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))))
                .unwrap_or_default();
            let (h, m) = (8 + i / 10, (i % 10) * 5);
            for (offset, step) in [
                (0, "Home"),
                (1, "Pay"),
                (2, if failed { "Error" } else { "Done" }),
            ] {
                let _ = writeln!(csv, "c{day}-{i},{date}T{:02}:{m:02}:00Z,{step}", h + offset);
            }
        }
    }
    std::fs::write(file, csv).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn what_changed_puts_an_injected_break_first_and_its_trend_shows_the_day() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (log, ws) = (dir.path().join("log.csv"), dir.path().join("w.percorso"));
    write_broken_log(&log);
    run(&["import", path(&log), "--workspace", path(&ws)]);

    let changes = json(&[
        "changes",
        "--days",
        "14",
        "--format",
        "json",
        "--workspace",
        path(&ws),
    ]);
    assert_eq!(changes["a"]["from"], "2026-03-30");
    assert_eq!(changes["b"]["from"], "2026-04-13");
    assert_eq!(changes["b"]["to"], "2026-04-26");
    let top = &changes["edges"][0];
    assert_eq!(
        (top["from"].as_str(), top["to"].as_str()),
        (Some("Pay"), Some("Error"))
    );
    for field in ["a_count", "a_share", "b_count", "b_share", "p_value"] {
        assert!(top.get(field).is_some(), "no {field} in {top}");
    }
    assert!(top["p_value"].as_f64().unwrap_or(1.0) < 1e-6, "{top}");
    let node = &changes["nodes"][0];
    for field in ["touchpoint", "metric", "a", "b", "p_value"] {
        assert!(node.get(field).is_some(), "no {field} in {node}");
    }
    // The same periods given as dates.
    let explicit = json(&[
        "changes",
        "--a-from",
        "2026-03-30",
        "--a-to",
        "2026-04-12",
        "--b-from",
        "2026-04-13",
        "--b-to",
        "2026-04-26",
        "--format",
        "json",
        "--workspace",
        path(&ws),
    ]);
    assert_eq!(explicit["edges"], changes["edges"]);
    let table = run(&["changes", "--days", "14", "--workspace", path(&ws)]);
    let first = table
        .lines()
        .find(|l| l.trim_start().starts_with("* Pay → Error: "))
        .unwrap_or_default();
    assert!(
        first.contains("of moves") && first.ends_with("p < 0.001"),
        "{table}"
    );

    let trend = json(&[
        "trend",
        "--by",
        "day",
        "--touchpoint",
        "Pay",
        "--workspace",
        path(&ws),
    ]);
    let periods = trend["periods"].as_array().cloned().unwrap_or_default();
    assert_eq!(periods.len(), 56);
    assert_eq!(periods[42]["start"], "2026-04-13");
    let share = |p: &Value| -> f64 {
        p["report"]["edges"]
            .as_array()
            .and_then(|edges| {
                edges
                    .iter()
                    .find(|e| e["from"] == "Pay" && e["to"] == "Error")
            })
            .and_then(|e| e["share"].as_f64())
            .unwrap_or(0.0)
    };
    let before = periods[..42].iter().map(share).sum::<f64>() / 42.0;
    let after = periods[42..].iter().map(share).sum::<f64>() / 14.0;
    assert!(before < 5.0 && after > 20.0, "{before} → {after}");
}

#[test]
fn monthly_cohorts_add_up_to_the_customers_and_come_out_as_csv() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ws = dir.path().join("demo.percorso");
    run(&["demo", "--customers", "400", "--workspace", path(&ws)]);
    let report = json(&["report", "--format", "json", "--workspace", path(&ws)]);
    let cohorts = json(&["cohorts", "--by", "month", "--workspace", path(&ws)]);
    assert_eq!(cohorts["by"], "month");
    assert_eq!(cohorts["as_of"], report["as_of"]);
    let list = cohorts["cohorts"].as_array().cloned().unwrap_or_default();
    assert!(list.len() > 1, "{} cohorts", list.len());
    let customers: u64 = list
        .iter()
        .map(|c| c["customers"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(Some(customers), report["customers"].as_u64());
    // The oldest cohort has a retention figure for every month up to as-of, the newest one.
    let retention = |c: &Value| c["retention"].as_array().map(Vec::len).unwrap_or(0);
    assert_eq!(retention(&list[0]), list.len().max(retention(&list[0])));
    assert_eq!(retention(&list[list.len() - 1]), 1);
    // Churned customers stopped somewhere the report counts as drop-off.
    let churned: u64 = list
        .iter()
        .map(|c| c["churned"].as_u64().unwrap_or(0))
        .sum();
    let dropoff: u64 = report["nodes"]
        .as_array()
        .map(|nodes| {
            nodes
                .iter()
                .map(|n| n["dropoff"].as_u64().unwrap_or(0))
                .sum()
        })
        .unwrap_or(0);
    assert!(churned >= dropoff && dropoff > 0, "{churned} vs {dropoff}");

    let csv = run(&[
        "cohorts",
        "--by",
        "week",
        "--format",
        "csv",
        "--workspace",
        path(&ws),
    ]);
    let mut lines = csv.lines();
    let header = lines.next().unwrap_or_default();
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "cohort_start,cohort_end,customers,offset,measured_at,partial,active,active_pct"
    );
    assert!(lines.count() > 10);
    let churn = run(&[
        "cohorts",
        "--by",
        "month",
        "--format",
        "csv",
        "--table",
        "churn",
        "--workspace",
        path(&ws),
    ]);
    let header = churn.lines().next().unwrap_or_default();
    assert!(
        header.contains("touchpoint,churned_here,share_pct"),
        "{header}"
    );
}
