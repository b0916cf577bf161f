//! The demo map on first start.

use fantoccini::{Client, Locator};
use percorso::demo::retail;

use crate::{check_legibility, count, screenshot, texts, wait_for, with_app};

async fn demo_map_is_shown(client: &Client) {
    wait_for(client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;

    let mut lanes = texts(client, "[data-testid=lane] .lane-name").await;
    lanes.sort();
    let mut stages: Vec<String> = retail::STAGES.iter().map(|s| s.to_string()).collect();
    stages.sort();
    assert_eq!(lanes, stages, "every stage of the demo has a lane");

    let mut shown = texts(client, "[data-testid=touchpoint] .touchpoint-name").await;
    shown.sort();
    let mut expected: Vec<String> = retail::SPOTS.iter().map(|s| s.name.to_string()).collect();
    expected.sort();
    assert_eq!(
        shown, expected,
        "every touchpoint of the demo is on the map"
    );

    let physical = count(client, "[data-testid=touchpoint][data-kind=physical]").await;
    assert!(physical > 0 && physical < retail::SPOTS.len());

    let events = texts(client, "[data-testid=event-count]").await;
    let digits: String = events
        .concat()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert!(
        digits.parse::<u64>().unwrap() >= 50_000,
        "events shown: {events:?}"
    );
    screenshot(client, "e2e-demo-map.png").await;

    // Readable at first sight, on a laptop and on a large screen, with no minimap over the cards.
    assert!(count(client, ".react-flow__minimap").await == 0);
    // The emotion curve is part of the first view, under the lanes.
    let emotion_in_view = client
        .execute(
            "const c = document.querySelector('.react-flow').getBoundingClientRect();
             const e = document.querySelector('.react-flow__node-emotion').getBoundingClientRect();
             return e.top >= c.top && e.bottom <= c.bottom;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        emotion_in_view,
        serde_json::json!(true),
        "the emotion curve is in view"
    );
    check_legibility(
        client,
        "Design",
        "[data-testid=touchpoint] .touchpoint-name",
        ("[data-testid=mode-analyze]", "[data-testid=mode-design]"),
        ("[data-testid=touchpoint]", retail::SPOTS.len()),
    )
    .await;

    // Selecting a touchpoint shows it in the side panel.
    let card = client
        .find(Locator::XPath(
            "//*[@data-testid='touchpoint'][.//*[text()='Web checkout']]",
        ))
        .await
        .unwrap();
    card.click().await.unwrap();
    wait_for(client, "[data-testid=selected-touchpoint]", 1).await;
    let selected = texts(client, "[data-testid=selected-touchpoint]").await;
    assert_eq!(selected, vec!["Web checkout".to_string()]);
    screenshot(client, "e2e-touchpoint-selected.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_shows_the_populated_demo_map() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("first-start").join("demo.percorso");
    with_app(&workspace, |client| async move {
        demo_map_is_shown(&client).await
    })
    .await;
    assert!(
        workspace.exists(),
        "the demo workspace was created on first start"
    );
}
