//! The File menu of the real app, through its second entrance (the native dialogs cannot be
//! driven): a workspace opened in one launch is in the Recent list of the next one, and choosing
//! it there switches the whole app to it. A recent file that was deleted shows as missing and
//! can be removed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use percorso::edit::Edit;
use percorso::Workspace;
use serde_json::json;

use crate::{click, one_text, screenshot, texts, wait_for, with_app_config};

/// A workspace at `dir/file` with one journey from `template`, renamed `journey`; returns its
/// path and how many touchpoints the journey has.
fn workspace(dir: &Path, file: &str, template: &str, journey: &str) -> (PathBuf, usize) {
    let path = dir.join(file);
    let mut ws = Workspace::create(&path, false).unwrap();
    let id = ws.new_journey_from_template(template).unwrap();
    let rename = Edit::RenameJourney {
        name: journey.into(),
    };
    let edited = ws.apply(id, &rename).unwrap();
    (path, edited.journey.touchpoints.len())
}

/// The name of the journey the map shows.
async fn shown_journey(client: &Client) -> String {
    let value = client
        .execute(
            "const c = document.querySelector('section.design-main'); return c ? c.getAttribute('aria-label') : null;",
            vec![],
        )
        .await
        .unwrap();
    value.as_str().unwrap_or_default().to_owned()
}

async fn menu_is_open(client: &Client) -> bool {
    let expanded = client
        .find(Locator::Css("[data-testid=file-menu]"))
        .await
        .unwrap()
        .attr("aria-expanded")
        .await
        .unwrap();
    let lists = client
        .find_all(Locator::Css("[data-testid=file-menu-list]"))
        .await
        .unwrap();
    assert_eq!(expanded.as_deref() == Some("true"), !lists.is_empty());
    !lists.is_empty()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workspace_from_the_recent_list_opens_in_place_of_the_current_one() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    let (a, a_touchpoints) = workspace(home.path(), "alpha.percorso", "telecom", "Alpha journey");
    let (b, b_touchpoints) = workspace(
        home.path(),
        "beta.percorso",
        "retail_omnichannel",
        "Beta journey",
    );
    assert_ne!(a_touchpoints, b_touchpoints);

    // First launch, on A: A goes to the recent list.
    with_app_config(&a, &config, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", a_touchpoints).await;
        assert_eq!(shown_journey(&client).await, "Alpha journey");
    })
    .await;
    let stored = std::fs::read_to_string(config.join("recent-workspaces.json")).unwrap();
    let mut list: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(list["workspaces"], json!([a.to_str().unwrap()]));
    // A workspace opened once and deleted since, and one overwritten since by something else.
    let gone = home.path().join("gone.percorso");
    let broken = home.path().join("broken.percorso");
    std::fs::write(&broken, "these are notes, not a workspace").unwrap();
    for path in [&gone, &broken] {
        list["workspaces"]
            .as_array_mut()
            .unwrap()
            .push(json!(path.to_str().unwrap()));
    }
    std::fs::write(config.join("recent-workspaces.json"), list.to_string()).unwrap();

    // Second launch, on B: the menu lists B, A and the missing one.
    let a_path = a.clone();
    with_app_config(&b, &config, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", b_touchpoints).await;
        assert_eq!(shown_journey(&client).await, "Beta journey");
        assert_eq!(one_text(&client, ".workspace-name").await, "beta.percorso");

        // Escape and a click outside both close the menu.
        click(&client, "[data-testid=file-menu]").await;
        wait_for(&client, "[data-testid=file-menu-list]", 1).await;
        let focused = client
            .execute("return document.activeElement.getAttribute('role');", vec![])
            .await
            .unwrap();
        assert_eq!(focused, json!("menuitem"), "the first item takes the focus");
        client
            .find(Locator::Css("[data-testid=file-new]"))
            .await
            .unwrap()
            .send_keys("\u{E00C}")
            .await
            .unwrap();
        assert!(!menu_is_open(&client).await, "Escape closes the menu");
        click(&client, "[data-testid=file-menu]").await;
        wait_for(&client, "[data-testid=file-menu-list]", 1).await;
        assert!(menu_is_open(&client).await);
        click(&client, "main.workspace").await;
        assert!(!menu_is_open(&client).await, "a click outside closes the menu");

        click(&client, "[data-testid=file-menu]").await;
        wait_for(&client, "[data-testid=recent-workspace]", 4).await;
        let names = texts(&client, "[data-testid=recent-workspace] .file-menu-name").await;
        assert_eq!(
            names,
            [
                "beta.percorso",
                "alpha.percorso",
                "gone.percorso",
                "broken.percorso"
            ]
        );
        let missing = texts(&client, "[data-testid=recent-workspace][data-missing=true]").await;
        assert_eq!(missing.len(), 1);
        assert!(missing[0].contains("gone.percorso") && missing[0].contains("missing"));
        screenshot(&client, "e2e-file-menu.png").await;

        // The missing one does not open, and can be removed from the list.
        click(&client, "[data-testid=recent-workspace][data-missing=true]").await;
        assert_eq!(shown_journey(&client).await, "Beta journey");
        click(&client, "[data-testid=forget-recent]").await;
        if !menu_is_open(&client).await {
            click(&client, "[data-testid=file-menu]").await;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while texts(&client, "[data-testid=recent-workspace]").await.len() != 3 {
            assert!(Instant::now() < deadline, "the missing workspace stayed listed");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // A file that is no workspace is refused, says why, and B stays open.
        click(&client, "[data-testid=recent-workspace][data-path$=\"broken.percorso\"]").await;
        wait_for(&client, "[data-testid=file-error]", 1).await;
        let error = one_text(&client, "[data-testid=file-error]").await;
        assert!(
            error.contains("could not be opened")
                && error.contains("broken.percorso")
                && error.contains("not a Percorso workspace")
                && error.contains("beta.percorso is still open"),
            "{error}"
        );
        screenshot(&client, "e2e-file-refused.png").await;
        assert_eq!(shown_journey(&client).await, "Beta journey");
        assert_eq!(one_text(&client, ".workspace-name").await, "beta.percorso");
        click(&client, "[data-testid=file-error-close]").await;
        assert!(texts(&client, "[data-testid=file-error]").await.is_empty());
        click(&client, "[data-testid=file-menu]").await;
        wait_for(&client, "[data-testid=recent-workspace]", 3).await;

        // A is opened from the list: the map, the journey and the workspace name follow.
        let entry = format!(
            "[data-testid=recent-workspace][data-path=\"{}\"]",
            a_path.display()
        );
        let title = client
            .find(Locator::Css(&entry))
            .await
            .unwrap()
            .attr("title")
            .await
            .unwrap();
        assert_eq!(title.as_deref(), a_path.to_str());
        click(&client, &entry).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while shown_journey(&client).await != "Alpha journey" {
            assert!(Instant::now() < deadline, "the app did not switch to A");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        wait_for(&client, "[data-testid=touchpoint]", a_touchpoints).await;
        let shown = texts(&client, "[data-testid=touchpoint]").await.len();
        assert_eq!(shown, a_touchpoints);
        assert_eq!(one_text(&client, ".workspace-name").await, "alpha.percorso");
        assert!(!menu_is_open(&client).await);
        let summary = client
            .execute_async(
                "const done = arguments[0]; window.__TAURI_INTERNALS__.invoke('workspace_summary', {}).then(done, e => done({ error: e }));",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(summary["path"], json!(a_path.to_str().unwrap()));
        assert_eq!(summary["journeys"][0]["name"], json!("Alpha journey"));
        let title = client
            .execute_async(
                "const done = arguments[0]; window.__TAURI_INTERNALS__.invoke('plugin:window|title', { label: 'main' }).then(done, e => done(String(e)));",
                vec![],
            )
            .await
            .unwrap();
        eprintln!("window title after the switch: {title}");
        // A is now at the front of the list; the refused file is still listed.
        click(&client, "[data-testid=file-menu]").await;
        // The menu shows the list it had, then the one it asks for on opening: wait for it.
        let expected = ["alpha.percorso", "beta.percorso", "broken.percorso"];
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let names = texts(&client, "[data-testid=recent-workspace] .file-menu-name").await;
            if names == expected {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the recent list is {names:?}, expected {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        screenshot(&client, "e2e-file-menu-after-switch.png").await;
    })
    .await;
    assert_eq!(
        Workspace::open(&b).unwrap().journeys().unwrap()[0].name,
        "Beta journey"
    );
}

/// The overview's event count, as digits.
async fn overview_events(client: &Client) -> Option<u64> {
    let found = texts(client, "[data-testid=overview-events]").await;
    let digits: String = found
        .first()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_switch_in_analyze_shows_the_numbers_of_the_new_workspace() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    let demo_path = home.path().join("with-events.percorso");
    let config_demo = percorso::demo::DemoConfig {
        customers: 300,
        ..Default::default()
    };
    let events = percorso::demo::create(&demo_path, false, &config_demo)
        .unwrap()
        .event_count()
        .unwrap();
    assert!(events > 0);
    // A workspace without events whose journey has the same id as the demo's.
    let (empty, _) = workspace(home.path(), "no-events.percorso", "telecom", "Empty log");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("recent-workspaces.json"),
        json!({ "workspaces": [empty.to_str().unwrap()] }).to_string(),
    )
    .unwrap();
    let empty_path = empty.clone();
    with_app_config(&demo_path, &config, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", 3).await;
        click(&client, "[data-testid=mode-analyze]").await;
        let deadline = Instant::now() + Duration::from_secs(60);
        while overview_events(&client).await != Some(events) {
            assert!(
                Instant::now() < deadline,
                "Analyze never showed the demo's events"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        click(&client, "[data-testid=file-menu]").await;
        let entry = format!(
            "[data-testid=recent-workspace][data-path=\"{}\"]",
            empty_path.display()
        );
        wait_for(&client, &entry, 1).await;
        click(&client, &entry).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while one_text(&client, ".workspace-name").await != "no-events.percorso" {
            assert!(Instant::now() < deadline, "the app did not switch");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let shown = overview_events(&client).await;
            if shown == Some(0) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "Analyze still shows {shown:?} events of the previous workspace"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        screenshot(&client, "e2e-file-switch-in-analyze.png").await;
    })
    .await;
}
