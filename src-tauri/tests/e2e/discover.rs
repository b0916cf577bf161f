//! A journey discovered from a log: a log goes into an empty workspace through the wizard, the
//! journey is discovered from the journeys sidebar (the stage count moved, a stage renamed) and
//! created, and the Analyze map is simplified. The screenshots show lanes with cards in them.

use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use percorso::demo::DemoConfig;
use percorso::Workspace;

use crate::import::open_wizard_on;
use crate::{click, count, one_text, screenshot, set_value, wait_for, with_app};

/// Waits until exactly `n` elements match `css`.
async fn wait_for_exactly(client: &Client, css: &str, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let found = count(client, css).await;
        if found == n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "`{css}`: {found}, not {n}, after 30 s"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// For each lane of the map inside `scope`, how many touchpoint cards lie inside it.
async fn cards_per_lane(client: &Client, scope: &str) -> Vec<u64> {
    let value = client
        .execute(
            "const root = document.querySelector(arguments[0]);
             const lanes = Array.from(root.querySelectorAll('[data-testid=lane]'));
             const cards = Array.from(root.querySelectorAll('[data-testid=touchpoint]'))
               .map(c => c.getBoundingClientRect());
             return lanes.map(l => {
               const r = l.getBoundingClientRect();
               return cards.filter(c => {
                 const x = c.left + c.width / 2;
                 return x >= r.left && x <= r.right;
               }).length;
             });",
            vec![serde_json::json!(scope)],
        )
        .await
        .unwrap();
    serde_json::from_value(value).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_journey_discovered_from_a_log_has_its_stages_in_lanes_and_simplifies_in_analyze() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("empty.percorso");
    drop(Workspace::create(&workspace, false).unwrap());
    let log = home.path().join("clickstream.csv");
    let mut out = std::fs::File::create(&log).unwrap();
    let config = DemoConfig {
        customers: 2000,
        ..DemoConfig::default()
    };
    percorso::import::generate::write_csv(&config, None, false, &mut out).unwrap();
    drop(out);

    with_app(&workspace, move |client| async move {
        // The log goes in through the wizard, as it is.
        wait_for(&client, "[data-testid=open-import]", 1).await;
        open_wizard_on(&client, &log).await;
        wait_for(&client, "[data-testid=import-preview] tbody tr", 5).await;
        click(&client, "[data-testid=import-start]").await;
        wait_for(&client, "[data-testid=import-summary]", 1).await;
        // The workspace had no journey: the summary offers to discover one.
        wait_for(&client, "[data-testid=summary-discover]", 1).await;
        click(&client, "[data-testid=import-done]").await;

        // Discover from the journeys sidebar: a proposal in lanes.
        wait_for(&client, "[data-testid=mode-design]", 1).await;
        click(&client, "[data-testid=mode-design]").await;
        wait_for(&client, "[data-testid=journey-discover]", 1).await;
        click(&client, "[data-testid=journey-discover]").await;
        wait_for(&client, "[data-testid=discover-stage-name]", 2).await;
        let chosen = count(&client, "[data-testid=discover-stage-name]").await;
        assert!((2..=10).contains(&chosen), "{chosen} stages");
        // Stage names come from the values, never "Stage 1".
        let first_stage = client
            .find(Locator::Css("[data-testid=discover-stage-name]"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            !first_stage.is_empty() && !first_stage.starts_with("Stage"),
            "{first_stage}"
        );

        // The stage-count control: four stages, drawn as lanes, every one with cards.
        set_value(&client, "discover-stages", "4").await;
        wait_for_exactly(&client, "[data-testid=discover-stage-name]", 4).await;
        wait_for_exactly(&client, "[data-testid=discover-map] [data-testid=lane]", 4).await;
        let cards = count(
            &client,
            "[data-testid=discover-map] [data-testid=touchpoint]",
        )
        .await;
        assert!(cards > 20, "{cards} cards");
        let per_lane = cards_per_lane(&client, "[data-testid=discover-map]").await;
        assert!(
            per_lane.iter().all(|&n| n > 0),
            "cards per lane: {per_lane:?}"
        );
        set_value(&client, "discover-stage-name", "First contact").await;
        screenshot(&client, "e2e-discover-preview.png").await;
        click(&client, "[data-testid=discover-create]").await;

        // An ordinary journey, open in Design: four lanes, cards in each.
        wait_for_exactly(&client, "[data-testid=lane]", 4).await;
        wait_for(&client, "[data-testid=touchpoint]", cards).await;
        let per_lane = cards_per_lane(&client, "body").await;
        assert!(
            per_lane.iter().all(|&n| n > 0),
            "cards per lane: {per_lane:?}"
        );
        assert_eq!(
            one_text(
                &client,
                "[data-testid=journey-list] [aria-current=page] .journey-item-name"
            )
            .await,
            "Discovered journey"
        );
        screenshot(&client, "e2e-discover-design.png").await;

        // The journey's content is one undo step: undo empties it, redo brings it back.
        let undo = client
            .find(Locator::Css("[data-testid=undo]"))
            .await
            .unwrap();
        let title = undo.attr("title").await.unwrap().unwrap_or_default();
        assert!(title.contains("discover journey"), "{title}");
        undo.click().await.unwrap();
        wait_for_exactly(&client, "[data-testid=lane]", 0).await;
        // The journey is drawn before the history is read back: Redo is enabled a moment later.
        wait_for(&client, "[data-testid=redo]:not([disabled])", 1).await;
        click(&client, "[data-testid=redo]").await;
        wait_for_exactly(&client, "[data-testid=lane]", 4).await;
        wait_for(&client, "[data-testid=touchpoint]", cards).await;

        // Analyze, then simplified: fewer transitions drawn, and the note says what is hidden.
        click(&client, "[data-testid=mode-analyze]").await;
        wait_for(&client, "[data-testid=mode-analyze][aria-selected=true]", 1).await;
        wait_for(&client, "[data-testid=simplify-transitions]", 1).await;
        wait_for(&client, ".react-flow__edge", 1).await;
        // Everything first (a slider's position is remembered from an earlier run).
        set_value(&client, "simplify-transitions", "100").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let before = count(&client, ".react-flow__edge").await;
        screenshot(&client, "e2e-discover-analyze.png").await;
        set_value(&client, "simplify-transitions", "40").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let after = count(&client, ".react-flow__edge").await;
        assert!(
            after < before,
            "{after} transitions drawn after simplifying, {before} before"
        );
        let note = one_text(&client, "[data-testid=simplify-transitions-note]").await;
        assert!(note.contains('%'), "{note}");
        screenshot(&client, "e2e-discover-analyze-simplified.png").await;

        // The most common paths: picking one filters Analyze to its customers.
        wait_for(&client, "[data-testid=path-item]", 3).await;
        let all = one_text(&client, "[data-testid=overview-customers]").await;
        let first_path = client
            .find(Locator::Css("[data-testid=path-item]"))
            .await
            .unwrap();
        let label = first_path.text().await.unwrap();
        first_path.click().await.unwrap();
        wait_for(&client, "[data-testid=paths-clear]", 1).await;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let now = one_text(&client, "[data-testid=overview-customers]").await;
            if now != all {
                // The path's customers, as its line in the list said.
                let n = now.replace([',', '.', '\u{a0}', ' '], "");
                assert!(
                    label
                        .replace([',', '.', '\u{a0}', ' '], "")
                        .contains(&format!("{n}customers")),
                    "{now} customers after picking {label:?}"
                );
                break;
            }
            assert!(
                Instant::now() < deadline,
                "picking {label:?} changed nothing"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        screenshot(&client, "e2e-discover-analyze-path.png").await;

        // Present follows Analyze's filters and says so; the whole log is one click away.
        let picked = one_text(&client, "[data-testid=overview-customers]").await;
        click(&client, "[data-testid=mode-present]").await;
        wait_for(&client, "[data-testid=present-filters]", 1).await;
        let said = one_text(&client, "[data-testid=present-filters]").await;
        assert!(said.contains("path is"), "{said}");
        let numbers = |client: Client| async move {
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                if let Ok(found) = client.find(Locator::Css(".present-numbers")).await {
                    return found.text().await.unwrap();
                }
                assert!(Instant::now() < deadline, "no numbers on the title slide");
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
        };
        let shown = numbers(client.clone()).await;
        assert!(
            shown.contains(&picked),
            "{shown} does not count the path's {picked} customers"
        );
        screenshot(&client, "e2e-discover-present-filtered.png").await;
        click(&client, "[data-testid=present-whole-log]").await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while !numbers(client.clone()).await.contains(&all) {
            assert!(
                Instant::now() < deadline,
                "the whole log's {all} customers never showed"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        click(&client, "[data-testid=present-exit]").await;
        wait_for(&client, "[data-testid=paths-clear]", 1).await;
        click(&client, "[data-testid=paths-clear]").await;
        let deadline = Instant::now() + Duration::from_secs(30);
        while one_text(&client, "[data-testid=overview-customers]").await != all {
            assert!(
                Instant::now() < deadline,
                "clearing the path did not bring all customers back"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    })
    .await;
}
