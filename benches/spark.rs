//! The report on a Spark cluster beside the local engine's, on the same log:
//! `cargo bench --features spark --bench spark -- [events] [--url sc://HOST:PORT] [--runs N]`
//! (default 1,000,000 events, three runs and `sc://127.0.0.1:15002`, the cluster
//! `scripts/spark.sh start` runs on this machine: a master, two workers and the Spark Connect server).
//!
//! 1. The demo log of about `events` events as a workspace (the local engine's) and as a Parquet
//!    table (snappy) that the cluster reads; both are kept in target/bench-data/.
//! 2. The local engine: open the workspace and load its events, then `runs` full reports.
//! 3. Spark: connect (server, table, columns and the table's distinct values), then `runs` full
//!    reports: each caches the kept events in order on the cluster and runs the aggregates.
//! 4. The two reports are compared field by field; the benchmark fails if they differ.

use std::error::Error;
use std::path::Path;
use std::time::Instant;

use percorso::analytics::{Analysis, Params};
use percorso::demo::DemoConfig;
use percorso::spark::{Columns, Connection, SparkEngine, SparkSource};
use percorso::Workspace;

#[path = "support/data.rs"]
mod data;
#[path = "../tests/support/same_report.rs"]
mod same_report;

/// The demo generates about 6.8 events per customer.
const EVENTS_PER_CUSTOMER: f64 = 6.8;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let events: u64 = args
        .iter()
        .enumerate()
        .filter(|(i, _)| *i == 0 || !["--url", "--runs"].contains(&args[i - 1].as_str()))
        .find_map(|(_, a)| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let url = match args.iter().position(|a| a == "--url") {
        Some(i) => args.get(i + 1).ok_or("--url needs sc://host:port")?.clone(),
        None => "sc://127.0.0.1:15002".to_owned(),
    };
    let runs: usize = match args.iter().position(|a| a == "--runs") {
        Some(i) => args
            .get(i + 1)
            .and_then(|n| n.parse().ok())
            .ok_or("--runs needs a number")?,
        None => 3,
    };
    let config = DemoConfig {
        customers: (events as f64 / EVENTS_PER_CUSTOMER).round() as u64,
        ..DemoConfig::default()
    };
    let dir = data::folder()?;

    let workspace = dir.join(format!("spark-{}.percorso", config.customers));
    if !workspace.exists() {
        let started = Instant::now();
        percorso::demo::create(&workspace, true, &config)?;
        println!(
            "wrote the workspace in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    // The cluster reads a folder of Parquet files.
    let table_dir = dir.join(format!("spark-{}.parquet.d", config.customers));
    let parquet = table_dir.join("part-0.parquet");
    if !parquet.exists() {
        std::fs::create_dir_all(&table_dir)?;
        let started = Instant::now();
        data::write_parquet(&parquet, &config, None)?;
        println!(
            "wrote the Parquet table in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }

    println!("local engine");
    let started = Instant::now();
    let ws = Workspace::open(&workspace)?;
    let analysis = Analysis::from_workspace(&ws, None)?;
    println!(
        "  open and load     {:>8.2} s",
        started.elapsed().as_secs_f64()
    );
    let mut local = None;
    for run in 1..=runs {
        let started = Instant::now();
        let report = analysis.report(&Params::default())?;
        println!(
            "  report {run}          {:>8.2} s  ({} events, {} customers)",
            started.elapsed().as_secs_f64(),
            report.events,
            report.customers
        );
        local = Some(report);
    }
    let journey = analysis.journey().clone();
    let exposure = ws.exposure_types()?;
    drop(analysis);

    println!("Spark at {url}");
    let table = format!("percorso_bench_{}", config.customers);
    register(&url, &table, &table_dir)?;
    let source = SparkSource {
        url,
        table,
        columns: Columns {
            customer: "customer_id".to_owned(),
            timestamp: "timestamp".to_owned(),
            touchpoint: "touchpoint".to_owned(),
            channel: Some("channel".to_owned()),
            event_type: Some("event_type".to_owned()),
            value: Some("value".to_owned()),
            segments: vec!["region".to_owned(), "device".to_owned()],
            order: None,
        },
    };
    let started = Instant::now();
    let engine = SparkEngine::connect(&source, Some(journey), &exposure)?;
    println!(
        "  connect           {:>8.2} s",
        started.elapsed().as_secs_f64()
    );
    let mut spark = None;
    for run in 1..=runs {
        let started = Instant::now();
        let report = engine.report(&Params::default(), &mut |_, _| true)?;
        println!(
            "  report {run}          {:>8.2} s",
            started.elapsed().as_secs_f64()
        );
        spark = Some(report);
    }

    let (local, spark) = (
        serde_json::to_value(local.ok_or("no local report")?)?,
        serde_json::to_value(spark.ok_or("no Spark report")?)?,
    );
    same_report::assert_same(&local, &spark, "report");
    println!("the two reports agree, field by field");
    Ok(())
}

/// Makes `table` on the cluster from the Parquet files of `dir` (replacing an older one).
fn register(url: &str, table: &str, dir: &Path) -> Result<(), Box<dyn Error>> {
    let session = Connection::open(url)?;
    for query in [
        format!("DROP TABLE IF EXISTS {table}"),
        format!(
            "CREATE TABLE {table} USING parquet LOCATION '{}'",
            dir.display()
        ),
    ] {
        session.sql(&query)?;
    }
    Ok(())
}
