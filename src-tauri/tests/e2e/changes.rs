//! "What changed" in Analyze's side panel, on the demo: the last 14 days against the 14 before,
//! ranked as the engine ranks them, with the noise greyed; clicking a change opens its
//! touchpoint's inspector, where its drop-off rate week by week is the engine's trend.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::Client;
use percorso::analytics::{Analysis, ChangePeriods, Params, Period};
use percorso::demo::retail;
use percorso::Workspace;

use crate::{choose, click, screenshot, texts, wait_for, with_app};

/// As the panel lists them, per kind.
const TOP: usize = 6;

async fn what_changed(client: Client, workspace: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=changes-panel]", 1).await;
    choose(&client, "changes-days", "14").await;

    let ws = Workspace::open(&workspace).unwrap();
    let analysis = Analysis::from_workspace(&ws, None).unwrap();
    let evaluation = analysis.evaluate(&Params::default()).unwrap();
    let changes = analysis
        .changes(&evaluation, &ChangePeriods::Last { days: 14 }, 30)
        .unwrap();
    let expected: Vec<String> = changes
        .tested
        .edges
        .iter()
        .take(TOP)
        .map(|e| format!("{} → {}", e.from, e.to))
        .collect();
    assert!(!expected.is_empty(), "the demo has transitions to compare");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let shown = texts(&client, "[data-testid=change-edge] .change-what").await;
        if shown == expected {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the panel lists {shown:?}, the engine ranks {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let summary = texts(&client, "[data-testid=changes-summary]")
        .await
        .concat();
    assert!(
        summary.contains(&changes.a.from) && summary.contains(&changes.b.to),
        "{summary}"
    );
    // A change that may be chance is greyed; one that is not, is not.
    let noise = texts(&client, "[data-testid=change-edge].is-noise")
        .await
        .len();
    let expected_noise = changes
        .tested
        .edges
        .iter()
        .take(TOP)
        .filter(|e| !e.significant)
        .count();
    assert_eq!(noise, expected_noise);
    screenshot(&client, "e2e-what-changed.png").await;

    let first = &changes.tested.edges[0];
    click(&client, "[data-testid=change-edge]").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let name = texts(&client, "[data-testid=inspector-name]")
            .await
            .concat();
        if name == first.from {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the inspector shows {name:?}, not {:?}",
            first.from
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    // The inspector's weekly sparkline of the metric coloured by (drop-off rate) is the
    // engine's trend.
    let trend = analysis.trend(&evaluation, Period::Week).unwrap();
    let expected: Vec<Option<f64>> = trend
        .periods
        .iter()
        .map(|p| {
            p.report
                .nodes
                .iter()
                .find(|n| n.touchpoint == first.from)
                .and_then(|n| n.dropoff_rate)
        })
        .collect();
    wait_for(&client, "[data-testid=sparkline]", 1).await;
    let shown: Vec<Option<f64>> = serde_json::from_str(
        &client
            .find(fantoccini::Locator::Css("[data-testid=sparkline]"))
            .await
            .unwrap()
            .attr("data-values")
            .await
            .unwrap()
            .unwrap_or_default(),
    )
    .unwrap();
    assert_eq!(shown.len(), expected.len(), "{shown:?} vs {expected:?}");
    for (s, e) in shown.iter().zip(&expected) {
        match (s, e) {
            (Some(s), Some(e)) => assert!((s - e).abs() <= 1e-9 * e.abs().max(1.0), "{s} vs {e}"),
            _ => assert_eq!(s, e),
        }
    }
    let caption = texts(&client, "[data-testid=sparkline-caption]")
        .await
        .concat();
    assert!(caption.contains('%'), "{caption}");
    client
        .execute(
            "document.querySelector('[data-testid=sparkline]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&client, "e2e-what-changed-selected.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn what_changed_lists_the_engines_ranking_and_opens_a_change_with_its_trend() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, move |client| what_changed(client, path)).await;
}
