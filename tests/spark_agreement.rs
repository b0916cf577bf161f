//! The Spark engine gives the local engine's report, field by field, on a real Spark cluster:
//! the same customers, paths and numbers under the same contract (`docs/metrics.md`).
//!
//! Run by `scripts/test.sh`, which starts a real multi-process cluster (`scripts/spark.sh
//! start`: a standalone master, two workers and the Spark Connect server) and runs
//! `PERCORSO_SPARK_URL=sc://127.0.0.1:15002 cargo test --features spark --test spark_agreement`.
//! The logs are written here as Parquet files and read by the cluster as tables.

#![cfg(test)]

use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray, TimestampMillisecondArray,
};
use percorso::analytics::{
    Analysis, CustomerQuery, CustomerSort, Params, PlaceRef, Segment, Status, Ties,
};
use percorso::engine::Engine;
use percorso::error::ErrorCode;
use percorso::import::{self, ColumnRole, Overrides};
use percorso::journey::{Journey, TouchpointId};
use percorso::log::{EventLog, NONE};
use percorso::spark::{Columns, SparkEngine, SparkSource};
use percorso::Workspace;
use serde_json::Value;

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/same_report.rs"]
mod same_report;
#[path = "support/spark.rs"]
mod spark;
#[path = "support/workspace.rs"]
mod support;
use same_report::assert_same;
use spark::url;

/// Registers the Parquet files of `dir` as table `name` on the cluster (dropping an older one).
fn register(name: &str, dir: &Path) {
    spark::create_table(name, &format!("parquet LOCATION '{}'", dir.display()));
}

fn write_parquet(dir: &Path, columns: Vec<(&str, ArrayRef)>) {
    std::fs::create_dir_all(dir).unwrap();
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let file = std::fs::File::create(dir.join("part-0.parquet")).unwrap();
    let mut writer = parquet::arrow::ArrowWriter::try_new(file, batch.schema(), None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
}

fn text_column(codes: &[u32], dictionary: &percorso::log::Dictionary) -> ArrayRef {
    Arc::new(StringArray::from(
        codes
            .iter()
            .map(|&c| (c != NONE).then(|| dictionary.get(c).unwrap_or_default().to_owned()))
            .collect::<Vec<_>>(),
    ))
}

/// `log` as a Parquet table with a typed UTC timestamp, its segments per row and `seq`, the
/// import order.
fn log_table(log: &EventLog, name: &str, dir: &Path) {
    let rows = log.len();
    let customer = text_column(&log.customer, &log.customers);
    let touchpoint = text_column(&log.touchpoint, &log.touchpoints);
    let channel = text_column(&log.channel, &log.channels);
    let event_type = text_column(&log.event_type, &log.event_types);
    let mut columns: Vec<(&str, ArrayRef)> = vec![
        ("customer", customer),
        (
            "ts",
            Arc::new(TimestampMillisecondArray::from(log.instant_ms.clone()).with_timezone("UTC")),
        ),
        ("touchpoint", touchpoint),
        ("channel", channel),
        ("event_type", event_type),
        (
            "amount",
            Arc::new(Float64Array::from(
                log.value
                    .iter()
                    .map(|v| (!v.is_nan()).then_some(*v))
                    .collect::<Vec<_>>(),
            )),
        ),
        (
            "seq",
            Arc::new(Int64Array::from((0..rows as i64).collect::<Vec<_>>())),
        ),
    ];
    for attribute in &log.attributes {
        let values: Vec<Option<String>> = log
            .customer
            .iter()
            .map(|&c| {
                let code = attribute
                    .of_customer
                    .get(c as usize)
                    .copied()
                    .unwrap_or(NONE);
                attribute.values.get(code).map(str::to_owned)
            })
            .collect();
        let name: &'static str = Box::leak(attribute.name.clone().into_boxed_str());
        columns.push((name, Arc::new(StringArray::from(values))));
    }
    write_parquet(&dir.join(name), columns);
    register(name, &dir.join(name));
}

fn same_reports(local: &dyn Engine, spark: &dyn Engine, params: &Params, what: &str) -> Value {
    let a = serde_json::to_value(local.report(params).unwrap()).unwrap();
    let b = serde_json::to_value(spark.report(params).unwrap()).unwrap();
    // PERCORSO_SPARK_DUMP=<folder> keeps both reports of each comparison, to read a difference.
    if let Ok(dump) = std::env::var("PERCORSO_SPARK_DUMP") {
        let name = what.replace(|c: char| !c.is_alphanumeric(), "_");
        for (side, report) in [("local", &a), ("spark", &b)] {
            let text = serde_json::to_string_pretty(report).unwrap();
            std::fs::write(Path::new(&dump).join(format!("{name}.{side}.json")), text).unwrap();
        }
    }
    assert_same(&a, &b, what);
    a
}

fn source(table: &str, columns: Columns) -> SparkSource {
    SparkSource {
        url: url(),
        table: table.to_owned(),
        columns,
    }
}

fn demo_columns(log: &EventLog, order: Option<&str>) -> Columns {
    Columns {
        customer: "customer".into(),
        timestamp: "ts".into(),
        touchpoint: "touchpoint".into(),
        channel: Some("channel".into()),
        event_type: Some("event_type".into()),
        value: Some("amount".into()),
        segments: log.attributes.iter().map(|a| a.name.clone()).collect(),
        order: order.map(str::to_owned),
    }
}

#[test]
fn the_demo_report_customers_and_paths_are_the_local_ones() {
    let dir = tempfile::tempdir().unwrap();
    let ws = percorso::demo::create(
        dir.path().join("demo.percorso"),
        true,
        &support::small_demo(250),
    )
    .unwrap();
    let log = ws.load_log().unwrap();
    let journey: Journey = ws.journey(ws.journeys().unwrap()[0].id).unwrap();
    let exposure = ws.exposure_types().unwrap();
    let table = format!("percorso_demo_{}", std::process::id());
    log_table(&log, &table, dir.path());
    let local = Analysis::new(&log, &journey, &exposure);
    let spark = SparkEngine::connect(
        &source(&table, demo_columns(&log, Some("seq"))),
        Some(journey.clone()),
        &exposure,
    )
    .unwrap();

    let whole = same_reports(&local, &spark, &Params::default(), "demo");
    assert!(
        whole["events"].as_u64().unwrap() > 1000,
        "{}",
        whole["events"]
    );
    assert!(whole["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["completed_here"].as_u64().unwrap() > 0));
    assert!(whole["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["stalled_now"].as_u64().unwrap() > 0));
    assert!(whole["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["engagement_by_exposure"] == true));

    let month = 30 * fixtures::DAY;
    let as_of = chrono::DateTime::parse_from_rfc3339(whole["as_of"].as_str().unwrap())
        .unwrap()
        .timestamp_millis();
    let filtered = Params {
        from_ms: Some(as_of - 4 * month),
        to_ms: Some(as_of - month),
        segments: vec![
            Segment {
                attribute: "region".into(),
                value: "North".into(),
            },
            Segment {
                attribute: "region".into(),
                value: "South".into(),
            },
        ],
        inactive_days: 14,
        ..Params::default()
    };
    let narrowed = same_reports(&local, &spark, &filtered, "demo, dates and regions");
    assert!(narrowed["customers"].as_u64().unwrap() < whole["customers"].as_u64().unwrap());
    let channel = log.channels.get(0).unwrap().to_owned();
    let by_channel = Params {
        channels: vec![channel],
        as_of_ms: Some(as_of + 3 * fixtures::DAY),
        ..Params::default()
    };
    same_reports(
        &local,
        &spark,
        &by_channel,
        "demo, one channel, as of later",
    );

    // Pages of customers behind numbers, in each order.
    let busiest = whole["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|n| n["last_here"].as_u64().unwrap())
        .unwrap();
    let at = TouchpointId(busiest["touchpoint_id"].as_i64().unwrap());
    let first_edge = whole["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["count"].as_u64().unwrap() > 5)
        .unwrap();
    let queries = [
        CustomerQuery {
            touchpoint: Some(at),
            limit: 7,
            ..CustomerQuery::default()
        },
        CustomerQuery {
            status: Some(Status::Dropped),
            sort: CustomerSort::LastEvent,
            descending: true,
            offset: 3,
            limit: 10,
            ..CustomerQuery::default()
        },
        CustomerQuery {
            reached_stage: Some(journey.stages[1].id),
            sort: CustomerSort::Events,
            limit: 5,
            ..CustomerQuery::default()
        },
        CustomerQuery {
            transition: Some((
                PlaceRef::Touchpoint(TouchpointId(
                    first_edge["from_touchpoint_id"].as_i64().unwrap(),
                )),
                PlaceRef::Touchpoint(TouchpointId(
                    first_edge["to_touchpoint_id"].as_i64().unwrap(),
                )),
            )),
            limit: 0,
            ..CustomerQuery::default()
        },
    ];
    for (i, query) in queries.iter().enumerate() {
        for params in [&Params::default(), &filtered] {
            let a = Engine::customers(&local, params, query).unwrap();
            let b = spark.customers(params, query).unwrap();
            assert_eq!(a, b, "customer query {i}");
            assert!(
                a.total > 0 || params != &Params::default(),
                "query {i} selects nobody"
            );
        }
    }
    for row in Engine::customers(&local, &Params::default(), &queries[0])
        .unwrap()
        .rows
        .iter()
        .take(3)
    {
        assert_eq!(
            local.customer_path(&row.customer).unwrap(),
            spark.customer_path(&row.customer).unwrap()
        );
    }
    assert_eq!(
        spark.customer_path("nobody-at-all").unwrap_err().code(),
        ErrorCode::UnknownCustomer
    );
}

/// A log of `customers` with many events at one instant, timestamps with mixed offsets, values
/// spelt like an alias or unknown to the map, exposures and a region, as CSV text.
fn awkward_csv(customers: usize) -> String {
    let mut seed: u64 = 7;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let values = [
        "Ad",
        "ad",
        "Shop",
        "store",
        " STORE ",
        "Reward",
        "Mystery page",
        "Help",
    ];
    let offsets = ["Z", "+02:00", "-05:00", "+05:30"];
    let types = ["impression", "click", "view"];
    let channels = ["web", "app", "store"];
    let mut csv =
        String::from("customer_id,timestamp,touchpoint,channel,event_type,value,region\n");
    for c in 0..customers {
        let region = ["North", "South", "East"][c % 3];
        let mut t: i64 = 1_780_000_000 + (next(86_400 * 60) as i64);
        for _ in 0..(1 + next(7)) {
            // Half the steps happen in the same second as the one before.
            if next(2) == 0 {
                t += next(86_400 * 10) as i64;
            }
            let offset = offsets[next(4) as usize];
            let shift: i64 = match offset {
                "+02:00" => 7200,
                "-05:00" => -18000,
                "+05:30" => 19800,
                _ => 0,
            };
            let local = chrono::DateTime::from_timestamp(t + shift, 0)
                .unwrap()
                .naive_utc();
            let stamp = format!("{}{offset}", local.format("%Y-%m-%dT%H:%M:%S"));
            let value = if next(3) == 0 {
                format!("{}", next(100))
            } else {
                String::new()
            };
            csv.push_str(&format!(
                "c{c:04},{stamp},{},{},{},{value},{region}\n",
                values[next(values.len() as u64) as usize],
                channels[next(3) as usize],
                types[next(3) as usize],
            ));
        }
    }
    csv
}

#[test]
fn ties_offsets_aliases_and_unmapped_values_give_the_local_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("awkward.csv");
    std::fs::write(&csv, awkward_csv(300)).unwrap();
    let mut ws = Workspace::create(dir.path().join("w.percorso"), true).unwrap();
    let mut settings = import::detect(&csv, &Overrides::default())
        .unwrap()
        .settings;
    settings.timezone = "UTC".into();
    let region = settings.columns.iter().position(|c| c == "region").unwrap();
    settings.roles[region] = ColumnRole::Segment;
    settings.exposure_types = Some(fixtures::exposure());
    let summary = support::import_quietly(&mut ws, &csv, &settings).unwrap();
    assert_eq!(summary.rows_rejected, 0);
    // Copies of a row are one event on both sides.
    assert!(summary.duplicates > 0, "the log should hold exact copies");
    let log = ws.load_log().unwrap();
    let journey = fixtures::journey();
    let exposure = fixtures::exposure();

    // The same rows as text, timestamps and all, for the cluster.
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let mut columns: Vec<Vec<String>> = vec![Vec::new(); 7];
    for record in reader.records() {
        for (i, cell) in record.unwrap().iter().enumerate() {
            columns[i].push(cell.to_owned());
        }
    }
    let names = [
        "customer_id",
        "timestamp",
        "touchpoint",
        "channel",
        "event_type",
        "value",
        "region",
    ];
    let arrays: Vec<(&str, ArrayRef)> = names
        .iter()
        .zip(columns)
        .map(|(n, c)| (*n, Arc::new(StringArray::from(c)) as ArrayRef))
        .collect();
    let table = format!("percorso_awkward_{}", std::process::id());
    write_parquet(&dir.path().join(&table), arrays);
    register(&table, &dir.path().join(&table));
    let columns = Columns {
        customer: "customer_id".into(),
        timestamp: "timestamp".into(),
        touchpoint: "touchpoint".into(),
        channel: Some("channel".into()),
        event_type: Some("event_type".into()),
        value: Some("value".into()),
        segments: vec!["region".into()],
        order: None,
    };
    let spark = SparkEngine::connect(
        &source(&table, columns.clone()),
        Some(journey.clone()),
        &exposure,
    )
    .unwrap();

    // With no order column both engines break ties by the values (docs/metrics-choices.md).
    let local = Analysis::with_ties(&log, &journey, &exposure, Ties::Values);
    let whole = same_reports(&local, &spark, &Params::default(), "awkward log");
    let unmapped: Vec<&str> = whole["unmapped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["value"].as_str().unwrap())
        .collect();
    assert_eq!(unmapped.len(), 2, "{unmapped:?}");
    assert!(unmapped.contains(&"Mystery page") && unmapped.contains(&"Help"));
    let shop = &whole["nodes"][1];
    assert_eq!(shop["touchpoint"], "Shop");
    assert!(
        shop["events"].as_u64().unwrap() > 100,
        "aliases reach Shop: {shop}"
    );
    let north = Params {
        segments: vec![Segment {
            attribute: "region".into(),
            value: "North".into(),
        }],
        channels: vec!["web".into(), "app".into()],
        ..Params::default()
    };
    same_reports(&local, &spark, &north, "awkward log, North on web and app");

    // The rule matters: in import order, some transitions differ.
    let in_file_order = serde_json::to_value(
        Analysis::new(&log, &journey, &exposure)
            .report(&Params::default())
            .unwrap(),
    )
    .unwrap();
    assert_ne!(
        in_file_order["edges"], whole["edges"],
        "the log has ties that order decides"
    );

    // Without a map, every value is a touchpoint of stage "Unassigned", on both.
    let unassigned = SparkEngine::connect(&source(&table, columns), None, &exposure).unwrap();
    let local_unassigned = Analysis::with_ties(
        &log,
        &percorso::analytics::unassigned_journey_of(
            &unassigned
                .journey()
                .touchpoints
                .iter()
                .map(|t| t.name.clone())
                .collect::<Vec<_>>(),
        ),
        &exposure,
        Ties::Values,
    );
    same_reports(
        &local_unassigned,
        &unassigned,
        &Params::default(),
        "awkward log, no map",
    );
}

#[test]
fn an_unreachable_cluster_a_missing_table_or_column_is_said_plainly() {
    let columns = Columns {
        customer: "customer".into(),
        timestamp: "ts".into(),
        touchpoint: "touchpoint".into(),
        ..Columns::default()
    };
    let nowhere = SparkSource {
        url: "sc://127.0.0.1:9".into(),
        table: "t".into(),
        columns: columns.clone(),
    };
    let err = SparkEngine::connect(&nowhere, None, &[]).err().unwrap();
    assert_eq!(err.code(), ErrorCode::SparkUnreachable, "{err}");
    assert!(err.to_string().contains("sc://127.0.0.1:9"), "{err}");

    let err = SparkEngine::connect(&source("no_such_table_here", columns.clone()), None, &[])
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::SparkTableMissing, "{err}");

    let dir = tempfile::tempdir().unwrap();
    let table = format!("percorso_columns_{}", std::process::id());
    write_parquet(
        &dir.path().join(&table),
        vec![
            (
                "customer",
                Arc::new(StringArray::from(vec!["a"])) as ArrayRef,
            ),
            (
                "ts",
                Arc::new(StringArray::from(vec!["2026-01-01T00:00:00Z"])) as ArrayRef,
            ),
        ],
    );
    register(&table, &dir.path().join(&table));
    let err = SparkEngine::connect(&source(&table, columns), None, &[])
        .err()
        .unwrap();
    assert_eq!(err.code(), ErrorCode::SparkColumnMissing, "{err}");
    assert!(err.to_string().contains("\"touchpoint\""), "{err}");
    assert!(err.to_string().contains("customer, ts"), "{err}");
}
