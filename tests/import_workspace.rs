//! An import lands completely or not at all, a file is not imported twice by mistake, sources
//! come and go without touching anything else, and log values meet the map's touchpoints.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use percorso::demo;
use percorso::edit::Edit;
use percorso::import::{self, generate, ImportSummary, Overrides};
use percorso::{Channel, ErrorCode, Workspace};

#[path = "support/workspace.rs"]
mod support;
use support::{content_dump, small_demo};

fn write_generated(path: &Path, customers: u64) -> std::io::Result<u64> {
    let config = small_demo(customers);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let n = generate::write_csv(&config, None, false, &mut out)?;
    std::io::Write::flush(&mut out)?;
    Ok(n)
}

#[test]
fn a_log_with_mixed_utc_offsets_gives_the_same_report_as_the_same_log_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let config = small_demo(600);
    let mut reports = Vec::new();
    for offsets in [generate::Offsets::Utc, generate::Offsets::Mixed] {
        let csv = dir.path().join(format!("{offsets:?}.csv"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
        generate::write_csv_with(&config, None, false, offsets, &mut out).unwrap();
        std::io::Write::flush(&mut out).unwrap();
        drop(out);
        let text = std::fs::read_to_string(&csv).unwrap();
        let mixed = ["+05:30", "-08:00", "+01:00"].map(|o| text.contains(o));
        assert_eq!(
            mixed,
            [offsets == generate::Offsets::Mixed; 3],
            "{offsets:?}"
        );
        let path = dir.path().join(format!("{offsets:?}.percorso"));
        demo::create(&path, false, &small_demo(0)).unwrap();
        let mut ws = Workspace::open(&path).unwrap();
        import(&mut ws, &csv, false).unwrap();
        let analysis = percorso::analytics::Analysis::from_workspace(&ws, None).unwrap();
        reports.push(
            analysis
                .report(&percorso::analytics::Params::default())
                .unwrap(),
        );
    }
    assert!(reports[0].events > 3000);
    assert_eq!(
        reports[0], reports[1],
        "the same instants, whatever their offsets"
    );
}

fn import(ws: &mut Workspace, path: &Path, force: bool) -> percorso::Result<ImportSummary> {
    let mut settings = import::detect(path, &Overrides::default())?.settings;
    settings.force = force;
    import::import_file(ws, path, &settings, &mut |_| {}, &AtomicBool::new(false))
}

#[test]
fn cancelling_mid_import_leaves_the_workspace_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("big.csv");
    // Several read blocks, so the cancel lands while rows are still being read.
    write_generated(&csv, 12_000).unwrap();
    let path = dir.path().join("w.percorso");
    demo::create(&path, false, &small_demo(200)).unwrap();
    let before = content_dump(&path).unwrap();
    let bytes_before = std::fs::read(&path).unwrap();

    let mut ws = Workspace::open(&path).unwrap();
    let settings = import::detect(&csv, &Overrides::default())
        .unwrap()
        .settings;
    let cancel = AtomicBool::new(false);
    let mut reports = 0;
    let result = import::import_file(
        &mut ws,
        &csv,
        &settings,
        &mut |p| {
            reports += 1;
            assert!(p.bytes_read < p.total_bytes, "cancelled before the end");
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    );
    assert_eq!(result.unwrap_err().code(), ErrorCode::Cancelled);
    assert_eq!(reports, 1);
    drop(ws);
    assert_eq!(content_dump(&path).unwrap(), before);
    assert_eq!(std::fs::read(&path).unwrap(), bytes_before);
}

#[test]
fn importing_the_same_file_again_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("log.csv");
    write_generated(&csv, 50).unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    let first = import(&mut ws, &csv, false).unwrap();
    // Same bytes under another name are still the same content.
    let copy = dir.path().join("copy of log.csv");
    std::fs::copy(&csv, &copy).unwrap();
    let err = import(&mut ws, &copy, false).unwrap_err();
    assert_eq!(err.code(), ErrorCode::AlreadyImported);
    assert_eq!(
        err.params().get("source").map(String::as_str),
        Some("log.csv")
    );
    assert_eq!(ws.sources().unwrap().len(), 1);
    let again = import(&mut ws, &copy, true).unwrap();
    assert_eq!(again.events_imported, first.events_imported);
    assert_eq!(ws.sources().unwrap().len(), 2);
}

#[test]
fn removing_a_source_removes_its_events_and_rejected_rows_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let mut ws = demo::create(&path, false, &small_demo(100)).unwrap();
    let demo_log = ws.load_log().unwrap();
    let journey = ws.journeys().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "customer,timestamp,touchpoint\nX,2026-03-01T10:00:00Z,Web visit\nY,never,Store\n",
    )
    .unwrap();
    let summary = import(&mut ws, &bad, false).unwrap();
    assert_eq!(ws.load_log().unwrap().len(), demo_log.len() + 1);
    assert_eq!(ws.rejected_rows(None).unwrap().len(), 1);
    ws.remove_source(summary.source_id).unwrap();
    assert_eq!(ws.load_log().unwrap(), demo_log);
    assert!(ws.rejected_rows(None).unwrap().is_empty());
    assert_eq!(ws.journeys().unwrap(), journey);
    assert_eq!(
        ws.remove_source(summary.source_id).unwrap_err().code(),
        ErrorCode::NotFound
    );
}

#[test]
fn sources_are_merged_in_import_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), false).unwrap();
    for (name, customer) in [("a.csv", "A"), ("b.csv", "B")] {
        let path = dir.path().join(name);
        std::fs::write(
            &path,
            format!("customer,timestamp,touchpoint\n{customer},2026-03-01T10:00:00Z,Web\n"),
        )
        .unwrap();
        import(&mut ws, &path, false).unwrap();
    }
    let log = ws.load_log().unwrap();
    assert_eq!(log.customers.values(), ["A", "B"]);
    // The second source found a journey and matched "Web" to its touchpoint.
    assert_eq!(ws.journeys().unwrap().len(), 1);
}

#[test]
fn unmatched_values_are_listed_with_counts_and_can_be_mapped_or_made_touchpoints() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.percorso");
    let mut ws = demo::create(&path, false, &small_demo(10)).unwrap();
    let csv = dir.path().join("crm.csv");
    std::fs::write(
        &csv,
        "customer,timestamp,touchpoint\n\
         A,2026-03-01T10:00:00Z,STORE-VISIT\nA,2026-03-01T11:00:00Z,Fidelity card\n\
         B,2026-03-01T12:00:00Z,Fidelity card\nB,2026-03-01T13:00:00Z,Caffè corner\n",
    )
    .unwrap();
    let summary = import(&mut ws, &csv, false).unwrap();
    let unmapped: Vec<(&str, u64)> = summary
        .unmapped
        .iter()
        .map(|u| (u.value.as_str(), u.events))
        .collect();
    assert_eq!(unmapped, vec![("Fidelity card", 2), ("Caffè corner", 1)]);
    let journey_id = summary.journey;
    let journey = ws.journey(journey_id).unwrap();
    let store = journey
        .touchpoints
        .iter()
        .find(|t| t.name == "Store visit")
        .unwrap();
    ws.add_alias(store.id, "Fidelity card").unwrap();
    let corner = ws
        .apply(
            journey_id,
            &Edit::AddTouchpointForValue {
                value: "Caffè corner".into(),
                channel: Channel::Store,
                stage: None,
            },
        )
        .unwrap()
        .created
        .touchpoints[0];
    let journey = ws.journey(journey_id).unwrap();
    let matcher = percorso::matching::TouchpointMatcher::new(&journey);
    assert_eq!(matcher.find("fidelity card"), Some(store.id));
    assert_eq!(matcher.find("caffe corner"), Some(corner));
    assert_eq!(
        journey.touchpoint(corner).unwrap().stage,
        journey.stages[0].id
    );
}
