//! Connect to Spark…: a log on the real cluster that `scripts/test.sh` started, as a table; the
//! app connects its workspace to that table and Analyze shows the numbers computed there, with
//! the "computed on Spark" badge. A wrong table first gets a clear message and changes nothing.
//!
//! The table holds another log than the workspace's own (another seed and size), so the numbers
//! on screen can only have come from the cluster.

use std::io::Write;

use percorso::analytics::{Analysis, Params};
use percorso::demo::{retail, DemoConfig};
use percorso::import::generate;
use percorso::Workspace;

use crate::analyze::{digits, wait_for_rate};
use crate::spark_cluster::{self as spark, url};
use crate::{click, one_text, screenshot, set_value, texts, wait_for, with_app};

const NAMED: &str = "Web checkout";
/// Typed in the dialog: kept in the system keyring once the connection succeeds. (The test
/// cluster asks for no token and ignores it; a local address may carry one without TLS.)
const TOKEN: &str = "e2e-token";

fn keyring_token() -> Option<String> {
    let source = percorso::spark::SparkSource {
        url: url(),
        ..Default::default()
    };
    source.token().map(|(token, _)| token)
}

/// Fills the dialog's fields; `table` is the only one that changes between the attempts.
async fn fill(client: &fantoccini::Client, table: &str) {
    for (testid, value) in [
        ("spark-url", url().as_str()),
        ("spark-token", TOKEN),
        ("spark-table", table),
        ("spark-customer", "customer_id"),
        ("spark-timestamp", "timestamp"),
        ("spark-touchpoint", "touchpoint"),
        ("spark-channel", "channel"),
        ("spark-event", "event_type"),
        ("spark-value", "value"),
        ("spark-segments", "region, device"),
    ] {
        set_value(client, testid, value).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn analyze_shows_the_numbers_computed_on_spark() {
    let home = tempfile::tempdir().unwrap();
    let workspace = home.path().join("demo.percorso");
    percorso::demo::create(
        &workspace,
        true,
        &DemoConfig {
            customers: 400,
            ..DemoConfig::default()
        },
    )
    .unwrap();

    // The cluster's log, and the same log in a workspace of its own for the expected numbers.
    let remote = DemoConfig {
        customers: 700,
        seed: 11,
        ..DemoConfig::default()
    };
    let csv = home.path().join("remote.csv");
    let mut out = std::fs::File::create(&csv).unwrap();
    generate::write_csv(&remote, None, false, &mut out).unwrap();
    out.flush().unwrap();
    let reference = home.path().join("remote.percorso");
    percorso::demo::create(&reference, true, &remote).unwrap();
    let expected = Analysis::from_workspace(&Workspace::open(&reference).unwrap(), None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    let own = Analysis::from_workspace(&Workspace::open(&workspace).unwrap(), None)
        .unwrap()
        .report(&Params::default())
        .unwrap();
    assert_ne!(
        expected.customers, own.customers,
        "the two logs must differ"
    );

    let table = format!("percorso_e2e_{}", std::process::id());
    // Spark's client blocks (it runs a runtime of its own): not on this test's runtime threads.
    tokio::task::block_in_place(|| spark::csv_table(&table, &csv));

    let path = workspace.clone();
    with_app(&workspace, move |client| async move {
        wait_for(&client, "[data-testid=touchpoint]", retail::SPOTS.len()).await;
        click(&client, "[data-testid=open-spark]").await;
        wait_for(&client, "[data-testid=spark-url]", 1).await;
        fill(&client, "no_such_table_here").await;
        click(&client, "[data-testid=spark-connect]").await;
        wait_for(&client, "[data-testid=spark-error]", 1).await;
        let error = one_text(&client, "[data-testid=spark-error]").await;
        assert!(error.contains("no_such_table_here"), "{error}");
        screenshot(&client, "e2e-spark-error.png").await;
        assert_eq!(
            Workspace::open(&path).unwrap().spark_source().unwrap(),
            None,
            "a failed connection stores nothing"
        );
        assert_eq!(keyring_token(), None, "nor keeps the token");

        fill(&client, &table).await;
        click(&client, "[data-testid=spark-connect]").await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !texts(&client, "[data-testid=spark-url]").await.is_empty()
            || !texts(&client, "[data-testid=spark-error]").await.is_empty()
        {
            let error = texts(&client, "[data-testid=spark-error]").await;
            assert!(error.is_empty(), "connecting failed: {error:?}");
            assert!(
                std::time::Instant::now() < deadline,
                "the dialog never closed"
            );
            tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        }
        let stored = Workspace::open(&path)
            .unwrap()
            .spark_source()
            .unwrap()
            .unwrap();
        assert_eq!(stored.table, table);
        assert_eq!(
            keyring_token().as_deref(),
            Some(TOKEN),
            "the token is in the keyring"
        );
        let file = std::fs::read(&path).unwrap();
        assert!(
            !file.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()),
            "and not in the workspace"
        );

        // The first report on the cluster shows its steps and stops on Cancel; Retry runs it.
        click(&client, "[data-testid=mode-analyze]").await;
        wait_for(&client, "[data-testid=spark-progress]", 1).await;
        click(&client, "[data-testid=spark-cancel]").await;
        wait_for(&client, "[data-testid=spark-cancelled]", 1).await;
        screenshot(&client, "e2e-spark-cancelled.png").await;
        assert!(
            texts(&client, "[data-testid=spark-progress]")
                .await
                .is_empty(),
            "the strip went with the report"
        );
        click(&client, "[data-testid=spark-retry]").await;
        wait_for(&client, "[data-testid=spark-badge]", 1).await;
        let badge = one_text(&client, "[data-testid=spark-badge]").await;
        assert!(badge.contains(&table), "{badge}");
        wait_for(&client, "[data-testid=metric-node]", retail::SPOTS.len()).await;
        let node = expected
            .nodes
            .iter()
            .find(|n| n.touchpoint == NAMED)
            .unwrap();
        wait_for_rate(&client, NAMED, node.dropoff_rate.unwrap()).await;
        let customers = texts(&client, "[data-testid=overview-customers]")
            .await
            .concat();
        assert_eq!(
            digits(&customers),
            expected.customers,
            "the cluster's customers"
        );
        assert!(
            texts(&client, "[data-testid=paths-panel]").await.is_empty(),
            "the paths of the workspace's own log are not shown beside the cluster's numbers"
        );
        screenshot(&client, "e2e-spark-analyze.png").await;
    })
    .await;
}
