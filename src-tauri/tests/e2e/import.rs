//! Importing a log through the wizard: the file is typed in (the second entrance to the native
//! Open dialog, which WebDriver cannot drive), the proposed roles are accepted, one unmatched
//! value is mapped, and the summary shows what happened.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use percorso::demo::DemoConfig;
use percorso::Workspace;

use crate::{click, count, one_text, screenshot, texts, wait_for, with_app};

/// An export as an Italian office sends it: semicolons, day-first dates, Italian headers. Line 4
/// has no date; "Sondaggio in negozio" is on no touchpoint of the demo map.
const EXPORT: &str = "cliente;data;punto di contatto;canale;regione\n\
    E2E-1;13/01/2026 10:00;Shop window;store;Nord\n\
    E2E-1;13/01/2026 10:20;Sondaggio in negozio;store;Nord\n\
    E2E-2;non so;Shop window;store;Sud\n\
    E2E-2;14/01/2026 09:00;Product page;web;Sud\n\
    E2E-2;14/01/2026 09:05;Sondaggio in negozio;store;Sud\n";

const UNMATCHED: &str = "Sondaggio in negozio";

/// The value of every `<select>` matching `css`.
async fn select_values(client: &Client, css: &str) -> Vec<String> {
    let value = client
        .execute(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.value);",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

async fn wait_until_gone(client: &Client, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while count(client, css).await > 0 {
        assert!(
            Instant::now() < deadline,
            "`{css}` is still shown after 30 s"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Opens the wizard and reads `csv`, typed into its path field.
pub async fn open_wizard_on(client: &Client, csv: &Path) {
    click(client, "[data-testid=open-import]").await;
    wait_for(client, "[data-testid=import-path]", 1).await;
    client
        .find(Locator::Css("[data-testid=import-path]"))
        .await
        .unwrap()
        .send_keys(csv.to_str().unwrap())
        .await
        .unwrap();
    click(client, "[data-testid=import-read]").await;
}

async fn import_through_the_wizard(client: &Client, csv: &Path) {
    wait_for(client, "[data-testid=touchpoint]", 10).await;
    let events_before = one_text(client, "[data-testid=event-count]").await;

    open_wizard_on(client, csv).await;

    // Detection proposes the settings and roles; they are shown, and accepted as they are.
    wait_for(client, "[data-testid=import-preview] tbody tr", 5).await;
    assert_eq!(
        select_values(client, "[data-testid=import-delimiter]").await,
        [";"]
    );
    assert_eq!(
        select_values(client, "[data-testid=import-role]").await,
        ["customer", "timestamp", "touchpoint", "channel", "segment"]
    );
    assert_eq!(
        select_values(client, "[data-testid=import-timestamp-format]").await,
        ["day_month_year:/"]
    );
    let parsed = texts(client, "[data-testid=import-timestamps] li").await;
    assert!(
        parsed[0].contains("13/01/2026 10:00") && parsed[0].contains("2026-01-13T"),
        "{parsed:?}"
    );
    screenshot(client, "e2e-import-settings.png").await;
    click(client, "[data-testid=import-start]").await;

    // The summary: exact counts, the bad row with its line, the unmatched value.
    wait_for(client, "[data-testid=import-summary]", 1).await;
    assert_eq!(
        one_text(client, "[data-testid=summary-rows-read]").await,
        "5"
    );
    assert_eq!(one_text(client, "[data-testid=summary-events]").await, "4");
    assert_eq!(
        one_text(client, "[data-testid=summary-rejected]").await,
        "1"
    );
    wait_for(client, "[data-testid=rejected-row]", 1).await;
    let rejected = texts(client, "[data-testid=rejected-row] td").await;
    assert_eq!(rejected[0], "4", "{rejected:?}");
    assert!(rejected[3].contains("non so"), "{rejected:?}");
    let unmapped = texts(client, "[data-testid=unmapped-row] td").await;
    assert_eq!(unmapped[0], UNMATCHED);
    assert_eq!(unmapped[1], "2");

    // The summary suggests the stage customers meet it in, to accept in one click.
    wait_for(client, "[data-testid=suggestion-stage]", 1).await;
    let hint = one_text(client, "[data-testid=suggestion-stage]").await;
    let accept = one_text(client, "[data-testid=suggestion-accept]").await;
    let stage = accept
        .trim_start_matches("Add to ")
        .trim_matches(['“', '”']);
    assert!(
        !stage.is_empty() && hint.contains(stage),
        "{hint:?} / {accept:?}"
    );
    screenshot(client, "e2e-import-suggestion.png").await;

    // Map it to "Shop window": it becomes that touchpoint's alias.
    wait_for(client, "[data-testid=unmapped-target] option", 20).await;
    client
        .find(Locator::XPath(
            "//select[@data-testid='unmapped-target']/optgroup/option[text()='Shop window']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(client, "[data-testid=unmapped-map]").await;
    wait_for(client, "[data-testid=unmapped-status]", 1).await;
    assert!(one_text(client, "[data-testid=unmapped-status]")
        .await
        .contains("Shop window"));
    screenshot(client, "e2e-import-summary.png").await;

    click(client, "[data-testid=import-done]").await;
    wait_until_gone(client, "[data-testid=import-wizard]").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let now = one_text(client, "[data-testid=event-count]").await;
        if now != events_before {
            let digits = |s: &str| -> u64 {
                s.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
                    .parse()
                    .unwrap()
            };
            assert_eq!(digits(&now), digits(&events_before) + 4);
            break;
        }
        assert!(Instant::now() < deadline, "the event count stayed {now}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_log_imported_through_the_wizard_lands_with_its_unmatched_value_mapped() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let csv = home.path().join("export negozi.csv");
    std::fs::write(&csv, EXPORT).unwrap();
    let file = csv.clone();
    with_app(&workspace, |client| async move {
        import_through_the_wizard(&client, &file).await
    })
    .await;

    // What the user saw is what the file holds, after the app is gone.
    let ws = Workspace::open(&workspace).unwrap();
    let sources = ws.sources().unwrap();
    let source = sources
        .iter()
        .find(|s| s.name == "export negozi.csv")
        .unwrap();
    assert_eq!((source.events_imported, source.rows_rejected), (4, 1));
    let journey = ws.journey(ws.journeys().unwrap()[0].id).unwrap();
    let shop = journey
        .touchpoints
        .iter()
        .find(|t| t.name == "Shop window")
        .unwrap();
    assert!(
        shop.aliases.iter().any(|a| a == UNMATCHED),
        "{:?}",
        shop.aliases
    );
}

/// Starts importing a big file, waits until the progress bar moves, cancels, and checks that the
/// wizard says so and the workspace is as it was.
async fn cancel_mid_import(client: &Client, csv: &Path) {
    wait_for(client, "[data-testid=touchpoint]", 10).await;
    let events_before = one_text(client, "[data-testid=event-count]").await;
    open_wizard_on(client, csv).await;
    wait_for(client, "[data-testid=import-start]", 1).await;
    click(client, "[data-testid=import-start]").await;
    wait_for(client, "[data-testid=import-running] .running-detail", 1).await;
    screenshot(client, "e2e-import-progress.png").await;
    click(client, "[data-testid=import-cancel]").await;
    wait_for(client, "[data-testid=import-notice]", 1).await;
    let notice = one_text(client, "[data-testid=import-notice]").await;
    assert!(notice.contains("cancelled"), "{notice}");
    // Back on the settings, ready to try again; the map's numbers did not move.
    wait_for(client, "[data-testid=import-start]", 1).await;
    click(client, ".import-header .icon-button").await;
    wait_until_gone(client, "[data-testid=import-wizard]").await;
    assert_eq!(
        one_text(client, "[data-testid=event-count]").await,
        events_before
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cancelling_an_import_leaves_the_workspace_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    // About 6.8 million events (490 MB): long enough to be cancelled mid-way now that the engine
    // is optimised in every build (700,000 events were imported before Cancel could land).
    let csv = home.path().join("big export.csv");
    let config = DemoConfig {
        customers: 1_000_000,
        ..DemoConfig::default()
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    percorso::import::generate::write_csv(&config, None, false, &mut out).unwrap();
    drop(out);
    let file = csv.clone();
    with_app(&workspace, |client| async move {
        cancel_mid_import(&client, &file).await
    })
    .await;
    let ws = Workspace::open(&workspace).unwrap();
    assert!(
        ws.sources()
            .unwrap()
            .iter()
            .all(|s| s.name != "big export.csv"),
        "the cancelled import left a source behind"
    );
}

/// A count as the English UI shows it: `2081` is "2,081".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads `log` (a gzip-compressed XES log of `events` events from `customers` customers, whose
/// first event is at `first_touchpoint`) through the wizard and checks what it shows.
async fn import_xes_through_the_wizard(
    client: &Client,
    log: &Path,
    (events, customers, first_touchpoint): (u64, u64, &str),
) {
    wait_for(client, "[data-testid=touchpoint]", 10).await;
    open_wizard_on(client, log).await;

    // The format and the roles are recognised; the CSV-only settings are not offered.
    wait_for(client, "[data-testid=import-preview] tbody tr", 5).await;
    let format = one_text(client, "[data-testid=import-format]").await;
    assert!(
        format.contains("XES") && format.contains("gzip"),
        "{format}"
    );
    let recognised = one_text(client, "[data-testid=import-recognised]").await;
    assert!(
        recognised.contains("case:concept:name as customer")
            && recognised.contains("concept:name as touchpoint"),
        "{recognised}"
    );
    assert!(count(client, "[data-testid=import-encoding]").await == 0);
    let touchpoints = texts(
        client,
        "[data-testid=import-preview] tbody td.role-touchpoint",
    )
    .await;
    assert_eq!(
        touchpoints.first().map(String::as_str),
        Some(first_touchpoint),
        "{touchpoints:?}"
    );
    screenshot(client, "import-xes-settings.png").await;
    click(client, "[data-testid=import-start]").await;

    // Every event lands, none is rejected, and the summary says what was read.
    wait_for(client, "[data-testid=import-summary]", 1).await;
    assert_eq!(
        one_text(client, "[data-testid=summary-events]").await,
        grouped(events)
    );
    assert_eq!(
        one_text(client, "[data-testid=summary-rejected]").await,
        "0"
    );
    let read = one_text(client, "[data-testid=summary-read]").await;
    assert!(
        read.contains("XES")
            && read.contains(&format!("{} events", grouped(events)))
            && read.contains(&format!("from {} customers", grouped(customers))),
        "{read}"
    );
    screenshot(client, "import-xes-summary.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gzipped_xes_log_is_recognised_and_imported_whole() {
    use std::io::Write;

    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let customers = 300;
    let config = DemoConfig {
        customers,
        ..DemoConfig::default()
    };
    let mut xes = Vec::new();
    let events = percorso::import::generate::write_xes(&config, &mut xes).unwrap();
    // The touchpoint of the log's first event, the first row of the sample.
    let xes_text = String::from_utf8(xes).unwrap();
    let first_event = &xes_text[xes_text.find("<event>").unwrap()..];
    let name = "key=\"concept:name\" value=\"";
    let value = &first_event[first_event.find(name).unwrap() + name.len()..];
    let first_touchpoint = value[..value.find('"').unwrap()].replace("&amp;", "&");

    let log = home.path().join("log.xes.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&log).unwrap(),
        flate2::Compression::default(),
    );
    gz.write_all(xes_text.as_bytes()).unwrap();
    gz.finish().unwrap();

    let file = log.clone();
    with_app(&workspace, move |client| async move {
        import_xes_through_the_wizard(&client, &file, (events, customers, &first_touchpoint)).await
    })
    .await;
}
