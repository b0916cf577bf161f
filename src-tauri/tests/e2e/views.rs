//! Saved views in Analyze, on the demo: a view saved from a state of Analyze is stored in the
//! workspace file with that state, and one click on it brings the state back.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Client;
use percorso::demo::retail;
use percorso::Workspace;

use crate::{attributes, click, count, input_value, screenshot, set_value, wait_for, with_app};

const NAME: &str = "Engagement, one channel";

async fn saved_views(client: Client, workspace: PathBuf) {
    // The demo comes with a facilitator's views; this one is saved after them.
    let demo = retail::journey_map_with_story().views.len();
    assert!(demo > 0, "the demo has views to keep");
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
    wait_for(&client, "[data-testid=views-panel]", 1).await;

    // A state of Analyze: engagement rate, on the log's second channel.
    let channel = client
        .execute(
            "return document.querySelector('[data-testid=filter-channel]').options[2].value;",
            vec![],
        )
        .await
        .unwrap();
    let channel = channel.as_str().unwrap().to_owned();
    set_value(&client, "metric-select", "engagement_rate").await;
    set_value(&client, "filter-channel", &channel).await;

    click(&client, "[data-testid=view-save]").await;
    wait_for(&client, "[data-testid=view-name-input]", 1).await;
    set_value(&client, "view-name-input", NAME).await;
    click(&client, "[data-testid=view-save-confirm]").await;
    wait_for(&client, "[data-testid=view-row]", demo + 1).await;

    // The view is in the workspace file, with the state it was saved from.
    let ws = Workspace::open(&workspace).unwrap();
    let journey = ws.journey(ws.journeys().unwrap()[0].id).unwrap();
    assert_eq!(journey.views.len(), demo + 1);
    let view = &journey.views[demo];
    assert_eq!(view.name, NAME, "a new view goes after the others");
    assert_eq!(view.state.metric, "engagement_rate");
    assert_eq!(view.state.params.channels, std::slice::from_ref(&channel));
    drop(ws);

    // Another state, then one click on the view brings the saved one back.
    click(&client, "[data-testid=filter-reset]").await;
    set_value(&client, "metric-select", "dropoff_rate").await;
    assert_eq!(input_value(&client, "filter-channel").await, "");
    click(
        &client,
        &format!("[data-view-name='{NAME}'] [data-testid=view-restore]"),
    )
    .await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let metric = input_value(&client, "metric-select").await;
        let shown = input_value(&client, "filter-channel").await;
        let current = attributes(
            &client,
            "[data-testid=view-row][aria-current=true]",
            "data-view-name",
        )
        .await;
        if metric == "engagement_rate" && shown == channel && current == [NAME] {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "after restoring: metric {metric}, channel {shown:?}, current {current:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(count(&client, "[data-testid=view-row]").await, demo + 1);
    screenshot(&client, "e2e-views.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_view_is_stored_in_the_workspace_and_restores_its_state_in_one_click() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, move |client| saved_views(client, path)).await;
}
