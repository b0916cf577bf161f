//! The `percorso` binary as a user runs it.

use std::process::Command;

fn percorso() -> Command {
    Command::new(env!("CARGO_BIN_EXE_percorso"))
}

#[test]
fn help_lists_the_commands() {
    let out = percorso().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for command in ["demo", "info"] {
        assert!(text.contains(command), "{text}");
    }
}

#[test]
fn a_text_file_as_workspace_gives_a_one_line_error_and_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journey.txt");
    std::fs::write(&path, "not a workspace\n").unwrap();
    let out = percorso()
        .args(["info", "--workspace"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("journey.txt"), "{err}");
    assert!(err.contains("not a Percorso workspace"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"not a workspace\n");
}

#[test]
fn demo_creates_the_file_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.percorso");
    let run = |extra: &[&str]| {
        percorso()
            .args(["demo", "--customers", "200", "--workspace"])
            .arg(&path)
            .args(extra)
            .output()
            .unwrap()
    };
    let first = run(&[]);
    assert!(first.status.success(), "{first:?}");
    let wrote = String::from_utf8_lossy(&first.stdout).into_owned();
    let second = run(&[]);
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("--force"));
    assert!(run(&["--force"]).status.success());
    let info = percorso()
        .args(["info", "--json", "--workspace"])
        .arg(&path)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&info.stdout).unwrap();
    assert_eq!(json["journeys"][0]["name"], "Omnichannel retail");
    assert_eq!(json["journeys"][0]["touchpoints"], 26);
    // The demo also holds a smaller journey from a template; the summary counts both.
    let journeys = json["journeys"].as_array().unwrap();
    assert_eq!(journeys.len(), 2);
    let touchpoints: u64 = journeys
        .iter()
        .map(|j| j["touchpoints"].as_u64().unwrap())
        .sum();
    assert!(
        wrote.contains(&format!("{touchpoints} touchpoints")),
        "{wrote}"
    );
}

#[test]
fn journey_export_then_import_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("w.percorso");
    percorso::Workspace::create(&ws, false).unwrap();
    let run = |args: &[&str]| percorso().args(args).output().unwrap();
    let ws_arg = ws.to_str().unwrap();
    let templates = run(&["journey", "templates"]);
    assert!(String::from_utf8_lossy(&templates.stdout).contains("telecom"));
    let added = run(&[
        "journey",
        "new",
        "--workspace",
        ws_arg,
        "--template",
        "telecom",
    ]);
    assert!(added.status.success(), "{added:?}");
    let name = "Telecom: from offer to renewal";
    let file = dir.path().join("telecom.json");
    let exported = run(&[
        "journey",
        "export",
        "--workspace",
        ws_arg,
        "--journey",
        name,
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(exported.status.success(), "{exported:?}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"format\": \"percorso-journey\""));
    let imported = run(&[
        "journey",
        "import",
        file.to_str().unwrap(),
        "--workspace",
        ws_arg,
    ]);
    assert!(imported.status.success(), "{imported:?}");
    assert!(String::from_utf8_lossy(&imported.stdout).contains("Imported journey 2"));
    // By id to standard output: the same file.
    let again = run(&["journey", "export", "--workspace", ws_arg, "--journey", "2"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
    // Two journeys now share the name: the name alone is refused.
    let ambiguous = run(&[
        "journey",
        "export",
        "--workspace",
        ws_arg,
        "--journey",
        name,
    ]);
    assert!(!ambiguous.status.success());
    assert!(String::from_utf8_lossy(&ambiguous.stderr).contains("several journeys"));
    // A broken file names the line and the field.
    std::fs::write(
        &file,
        text.replacen("\"kind\": \"physical\"", "\"kind\": \"paper\"", 1),
    )
    .unwrap();
    let bad = run(&[
        "journey",
        "import",
        file.to_str().unwrap(),
        "--workspace",
        ws_arg,
    ]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("telecom.json: line ") && err.contains(".kind"),
        "{err}"
    );
}

#[test]
fn journey_discover_proposes_a_journey_from_a_log_and_paths_lists_the_variants() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    let ws = dir.path().join("w.percorso");
    let run = |args: &[&str]| {
        let out = percorso().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let log_arg = log.to_str().unwrap();
    let ws_arg = ws.to_str().unwrap();
    run(&["generate", "--customers", "1500", "--out", log_arg]);
    run(&["import", log_arg, "--workspace", ws_arg]);

    // A dry run prints the journey file and changes nothing.
    let json = run(&[
        "journey",
        "discover",
        "--workspace",
        ws_arg,
        "--stages",
        "4",
        "--dry-run",
        "--format",
        "json",
    ]);
    let file: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(file["format"], "percorso-journey");
    assert_eq!(file["stages"].as_array().unwrap().len(), 4);
    let touchpoints = file["touchpoints"].as_array().unwrap();
    assert!(touchpoints.len() > 20);
    for stage in 0..4 {
        assert!(
            touchpoints.iter().any(|t| t["stage"] == stage),
            "stage {stage} is empty"
        );
    }
    let info = run(&["info", "--json", "--workspace", ws_arg]);
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["journeys"].as_array().unwrap().len(), 1);

    // Without --dry-run it is added, and exports as the dry run printed it.
    let added = run(&[
        "journey",
        "discover",
        "--workspace",
        ws_arg,
        "--stages",
        "4",
        "--name",
        "From the log",
    ]);
    assert!(added.contains("4 stages (as asked)"), "{added}");
    let info = run(&["info", "--json", "--workspace", ws_arg]);
    let info: serde_json::Value = serde_json::from_str(&info).unwrap();
    let journeys = info["journeys"].as_array().unwrap();
    assert_eq!(journeys.len(), 2);
    let id = journeys[1]["id"].to_string();
    let exported = run(&["journey", "export", "--workspace", ws_arg, "--journey", &id]);
    let exported: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(exported["name"], "From the log");
    assert_eq!(exported["stages"], file["stages"]);
    assert_eq!(exported["touchpoints"], file["touchpoints"]);

    // Paths: the most common first, their shares of all customers.
    let paths = run(&[
        "paths",
        "--workspace",
        ws_arg,
        "--top",
        "5",
        "--format",
        "json",
    ]);
    let paths: serde_json::Value = serde_json::from_str(&paths).unwrap();
    let paths = paths.as_array().unwrap();
    assert_eq!(paths.len(), 5);
    let customers: Vec<u64> = paths
        .iter()
        .map(|p| p["customers"].as_u64().unwrap())
        .collect();
    assert!(customers.windows(2).all(|w| w[0] >= w[1]), "{customers:?}");
    let share = paths[0]["share"].as_f64().unwrap();
    assert!(
        (share - customers[0] as f64 / 1500.0 * 100.0).abs() < 1e-9,
        "{share}"
    );
    let table = run(&["paths", "--workspace", ws_arg, "--top", "3"]);
    assert_eq!(table.lines().count(), 4, "{table}");
    let first = table.lines().nth(1).unwrap();
    assert!(first.contains(&customers[0].to_string()), "{table}");

    // The customers of one path: the report filtered to them counts exactly them.
    let path: Vec<&str> = paths[1]["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let report = run(&[
        "report",
        "--workspace",
        ws_arg,
        "--format",
        "json",
        "--path",
        &path.join(" → "),
    ]);
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["customers"], customers[1]);
    assert_eq!(report["events"], customers[1] * path.len() as u64);
}
