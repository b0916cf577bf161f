//! Trends and cohorts in Analyze, on the demo: the stage funnels' weekly sparklines, the Trends
//! panel's lines, hover and brush, and the cohorts' retention table are the engine's numbers.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::{Client, Locator};
use percorso::analytics::{Analysis, Params, Period};
use percorso::demo::retail;
use percorso::Workspace;

use crate::{
    attributes, brushed_dates, choose, click, count, drag_across, input_value, screenshot,
    wait_for, with_app,
};

fn values(text: &str) -> Vec<Option<f64>> {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn same(shown: &[Option<f64>], expected: &[Option<f64>]) -> bool {
    shown.len() == expected.len()
        && shown.iter().zip(expected).all(|(s, e)| match (s, e) {
            (Some(s), Some(e)) => (s - e).abs() <= 1e-9 * e.abs().max(1.0),
            _ => s == e,
        })
}

/// Waits until `css`'s `data-values` are `expected` (in any order of the elements).
async fn wait_for_values(client: &Client, css: &str, expected: &[Vec<Option<f64>>]) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let shown: Vec<Vec<Option<f64>>> = attributes(client, css, "data-values")
            .await
            .iter()
            .map(|t| values(t))
            .collect();
        let all_found = shown.len() == expected.len()
            && expected.iter().all(|e| shown.iter().any(|s| same(s, e)));
        if all_found {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{css} shows {shown:?}, the engine has {expected:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn trends_and_cohorts(client: Client, workspace: PathBuf) {
    wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
    click(&client, "[data-testid=mode-analyze]").await;
    wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;

    let ws = Workspace::open(&workspace).unwrap();
    let analysis = Analysis::from_workspace(&ws, None).unwrap();
    let evaluation = analysis.evaluate(&Params::default()).unwrap();
    let weekly = analysis.trend(&evaluation, Period::Week).unwrap();

    // Each stage's funnel header: the customers who reached it, week by week.
    let stages = evaluation.report().stages.len();
    let expected: Vec<Vec<Option<f64>>> = (0..stages)
        .map(|i| {
            weekly
                .periods
                .iter()
                .map(|p| Some(p.report.stages[i].reached as f64))
                .collect()
        })
        .collect();
    wait_for_values(&client, "[data-testid=funnel-sparkline]", &expected).await;

    // The Trends panel: one line per touchpoint shown, of the map's metric, week by week.
    click(&client, "[data-testid=trends-toggle]").await;
    wait_for(&client, "[data-testid=trends-panel]", 1).await;
    // The map is shorter now: its legend folds to a button so that it hides no card.
    wait_for(&client, "[data-testid=legend-keys-unfold]", 1).await;
    assert!(count(&client, "[data-testid=legend-keys]").await == 0);
    let metric = input_value(&client, "trends-metric").await;
    let deadline = Instant::now() + Duration::from_secs(30);
    let shown = loop {
        let ids = attributes(&client, "[data-testid=trends-line]", "data-touchpoint").await;
        if !ids.is_empty() {
            break ids;
        }
        assert!(Instant::now() < deadline, "no line in the Trends panel");
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let expected: Vec<Vec<Option<f64>>> = shown
        .iter()
        .map(|id| {
            let id: i64 = id.parse().unwrap_or_else(|e| panic!("{id}: {e}"));
            weekly
                .periods
                .iter()
                .map(|p| {
                    let n = p.report.nodes.iter().find(|n| n.touchpoint_id == id)?;
                    match metric.as_str() {
                        "dropoff_rate" => n.dropoff_rate,
                        "engagement_rate" => n.engagement_rate,
                        "reach" => Some(n.customers as f64),
                        "events" => Some(n.events as f64),
                        "median_next_s" => n.median_next_s,
                        "stalled_now" => Some(n.stalled_now as f64),
                        "value_mean" => n.value_mean,
                        other => panic!("a metric this test does not know: {other}"),
                    }
                })
                .collect()
        })
        .collect();
    wait_for_values(&client, "[data-testid=trends-line]", &expected).await;
    assert_eq!(
        attributes(&client, "[data-testid=trends-chart]", "data-periods").await,
        [weekly.periods.len().to_string()]
    );

    // Hovering names a period and gives every line's value.
    let chart = client
        .find(Locator::Css("[data-testid=trends-chart]"))
        .await
        .unwrap();
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: chart.clone(),
        duration: Some(Duration::from_millis(100)),
        x: 0.0,
        y: 0.0,
    });
    client.perform_actions(hover).await.unwrap();
    wait_for(&client, "[data-testid=trends-tooltip]", 1).await;
    screenshot(&client, "e2e-trends.png").await;

    // Brushing across the chart sets the date filter to whole periods.
    drag_across(
        &client,
        "[data-testid=trends-chart]",
        &[-120.0, -40.0, 40.0],
    )
    .await;
    let (from, _) = brushed_dates(&client).await;
    let starts: Vec<&str> = weekly.periods.iter().map(|p| p.start.as_str()).collect();
    assert!(
        starts.contains(&from.as_str()),
        "the brush starts on a week's Monday: {from}"
    );
    screenshot(&client, "e2e-trends-brushed.png").await;
    click(&client, "[data-testid=trends-clear-dates]").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while !input_value(&client, "filter-from").await.is_empty() {
        assert!(
            Instant::now() < deadline,
            "clearing the dates left them set"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // Cohorts: a row per month of first appearance, each cell the engine's retention.
    click(&client, "[data-testid=trends-tab-cohorts]").await;
    wait_for(&client, "[data-testid=cohorts-panel]", 1).await;
    choose(&client, "cohorts-by", "month").await;
    let cohorts = analysis.cohorts(&evaluation, Period::Month).unwrap();
    let expected: Vec<String> = cohorts.cohorts.iter().map(|c| c.start.clone()).collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let rows = attributes(&client, "[data-testid=cohort-row]", "data-start").await;
        if rows == expected {
            break;
        }
        if Instant::now() >= deadline {
            screenshot(&client, "e2e-cohorts-failed.png").await;
        }
        assert!(
            Instant::now() < deadline,
            "the table has {rows:?}, the engine {expected:?}; the dates are {:?} to {:?}",
            input_value(&client, "filter-from").await,
            input_value(&client, "filter-to").await
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let active = attributes(&client, "[data-testid=cohort-cell]", "data-active").await;
    let expected: Vec<String> = cohorts
        .cohorts
        .iter()
        .flat_map(|c| c.retention.iter().map(|r| r.active.to_string()))
        .collect();
    assert_eq!(active, expected);
    screenshot(&client, "e2e-cohorts.png").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn trends_and_cohorts_show_the_engines_numbers_and_brushing_sets_the_dates() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    let path = workspace.clone();
    with_app(&workspace, move |client| trends_and_cohorts(client, path)).await;
}
