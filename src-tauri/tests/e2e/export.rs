//! Exports from the real app: the Analyze map as PNG and PDF, and the numbers as CSV, written
//! to paths typed in the dialog (the second entrance to the native Save dialog).

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use percorso::import::{self, Overrides};
use percorso::Workspace;

use crate::{artifacts, click, screenshot, texts, wait_for, with_app};

/// A log whose touchpoint values include one a spreadsheet would run as a formula.
const LOG: &str = "customer,timestamp,touchpoint\n\
    A,2026-03-01T10:00:00Z,Landing page\n\
    A,2026-03-01T10:05:00Z,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n\
    B,2026-03-02T09:00:00Z,Landing page\n\
    B,2026-03-02T09:30:00Z,Checkout\n\
    C,2026-03-03T11:00:00Z,Landing page\n";

const FORMULA: &str = "=HYPERLINK(\"http://x\",\"y\")";

/// A workspace made from that log alone: each value becomes a touchpoint of "Unassigned".
fn workspace_from_log(dir: &Path) -> PathBuf {
    let csv = dir.join("log.csv");
    std::fs::write(&csv, LOG).unwrap();
    let path = dir.join("from-log.percorso");
    let mut ws = Workspace::create(&path, false).unwrap();
    let settings = import::detect(&csv, &Overrides::default())
        .unwrap()
        .settings;
    import::import_file(
        &mut ws,
        &csv,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    path
}

/// Exports `kind` to `path` through the dialog and waits for its confirmation.
async fn export(client: &Client, kind: &str, path: &Path) {
    click(client, "[data-testid=open-export]").await;
    wait_for(client, "[data-testid=export-dialog]", 1).await;
    click(client, &format!("[data-testid=export-kind-{kind}]")).await;
    let field = client
        .find(Locator::Css("[data-testid=export-path]"))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys(path.to_str().unwrap()).await.unwrap();
    click(client, "[data-testid=export-run]").await;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let message = texts(client, "[data-testid=export-message]").await;
        if let Some(text) = message.first() {
            assert!(text.contains(path.to_str().unwrap()), "{text}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no confirmation for the {kind} export"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    if kind == "pdf" {
        screenshot(client, "e2e-export-dialog.png").await;
    }
    click(client, "[data-testid=export-close]").await;
}

async fn export_everything(client: Client, out: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", 3).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=legend-max]", 1).await;
    export(&client, "png", &out.join("map.png")).await;
    export(&client, "pdf", &out.join("map.pdf")).await;
    export(&client, "csv", &out.join("touchpoints.csv")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_analyze_map_and_its_numbers_are_exported_as_png_pdf_and_csv() {
    let home = tempfile::tempdir().unwrap();
    let workspace = workspace_from_log(home.path());
    let out = home.path().join("exports");
    std::fs::create_dir_all(&out).unwrap();
    let dir = out.clone();
    with_app(&workspace, |client| async move {
        export_everything(client, dir).await
    })
    .await;

    // PNG: a real image at twice the map's size.
    let png = std::fs::read(out.join("map.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(width >= 1200, "{width}");
    std::fs::write(artifacts().join("e2e-export-map.png"), &png).unwrap();

    // PDF: the map, then one page per stage; pdftoppm renders every page.
    let pages = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "50"])
        .arg(out.join("map.pdf"))
        .arg(artifacts().join("e2e-export-pdf"))
        .status()
        .expect("pdftoppm (poppler-utils) must be installed; scripts/test.sh installs it");
    assert!(pages.success());
    let rendered = std::fs::read_dir(artifacts())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("e2e-export-pdf")
        })
        .count();
    let stages = Workspace::open(&workspace).unwrap().journeys().unwrap()[0].stages;
    assert_eq!(rendered as u64, 1 + stages as u64);

    // CSV: for a spreadsheet, with the formula written as text.
    let csv = std::fs::read_to_string(out.join("touchpoints.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark first");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert!(names.contains(&format!("'{FORMULA}")), "{names:?}");
    assert!(!names.contains(&FORMULA.to_string()));
}
