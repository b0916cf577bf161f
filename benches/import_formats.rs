//! The formats benchmark: `cargo bench --bench import_formats -- [events] [--xes FILE]`.
//!
//! 1. An XES log of the shape of BPIC 2012 (13,087 traces, 262,200 events in a `.xes.gz`; the
//!    real `BPI_Challenge_2012.xes.gz` is read instead when given with `--xes`): detection and
//!    import into a new workspace, timed.
//! 2. The same `events` (default 1,000,000) from the demo generator as CSV and as Parquet
//!    (snappy, as warehouses write it): each imported three times into a new workspace, in turns,
//!    the median times compared, and the two reports compared.
//!
//! Generated files are cached in target/bench-data/.

use std::error::Error;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use percorso::analytics::{Analysis, Params};
use percorso::demo::DemoConfig;
use percorso::import::{self, Overrides};
use percorso::Workspace;

/// BPIC 2012's size: traces and events.
const BPIC_TRACES: u64 = 13_087;
const BPIC_EVENTS: u64 = 262_200;

#[path = "support/data.rs"]
mod data;
#[path = "../tests/support/workspace.rs"]
mod support;

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let events: u64 = args
        .iter()
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let dir = data::folder()?;

    let xes = match args.iter().position(|a| a == "--xes") {
        Some(i) => PathBuf::from(args.get(i + 1).ok_or("--xes needs a file")?),
        None => {
            let path = dir.join("bpic2012-shaped.xes.gz");
            if !path.exists() {
                write_bpic_shaped(&path)?;
            }
            path
        }
    };
    println!("XES             {}", xes.display());
    println!(
        "file size       {:.1} MB",
        std::fs::metadata(&xes)?.len() as f64 / 1e6
    );
    let (summary, seconds) = timed_import(&xes, &dir.join("bench-xes.percorso"))?;
    println!(
        "events          {} in {} traces",
        summary.events_imported, summary.customers
    );
    println!("detect + import {seconds:.2} s");
    println!();

    let csv = data::demo_csv(&dir, events)?;
    let parquet = dir.join(format!("events-{events}.parquet"));
    if !parquet.exists() {
        data::write_parquet(&parquet, &DemoConfig::default(), Some(events))?;
    }
    let csv_workspace = dir.join("bench-csv.percorso");
    let parquet_workspace = dir.join("bench-parquet.percorso");
    // Three imports of each, taken in turns, so that a passing load on the machine weighs on
    // both: the medians are compared.
    let mut csv_times = Vec::new();
    let mut parquet_times = Vec::new();
    let mut summaries = None;
    for _ in 0..3 {
        let (csv_summary, csv_s) = timed_import(&csv, &csv_workspace)?;
        let (parquet_summary, parquet_s) = timed_import(&parquet, &parquet_workspace)?;
        csv_times.push(csv_s);
        parquet_times.push(parquet_s);
        summaries = Some((csv_summary, parquet_summary));
    }
    let (csv_summary, parquet_summary) = summaries.ok_or("no import ran")?;
    let (csv_s, parquet_s) = (median(&mut csv_times), median(&mut parquet_times));
    println!(
        "CSV             {:.1} MB, {} events, median {csv_s:.2} s of {csv_times:.2?}",
        std::fs::metadata(&csv)?.len() as f64 / 1e6,
        csv_summary.events_imported
    );
    println!(
        "Parquet         {:.1} MB, {} events, median {parquet_s:.2} s of {parquet_times:.2?}",
        std::fs::metadata(&parquet)?.len() as f64 / 1e6,
        parquet_summary.events_imported
    );
    println!("Parquet / CSV   {:.2}× the time", parquet_s / csv_s);
    let same = report(&csv_workspace)? == report(&parquet_workspace)?;
    println!("same report     {}", if same { "yes" } else { "NO" });
    if !same {
        return Err("the Parquet and CSV imports gave different reports".into());
    }
    Ok(())
}

fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Detects `path` with no flags and imports it into a new workspace at `workspace`.
fn timed_import(
    path: &Path,
    workspace: &Path,
) -> Result<(import::ImportSummary, f64), Box<dyn Error>> {
    let _ = std::fs::remove_file(workspace);
    let started = Instant::now();
    let mut ws = Workspace::create(workspace, true)?;
    let mut settings = import::detect(path, &Overrides::default())?.settings;
    settings.timezone = "UTC".to_owned();
    let summary = import::import_file(
        &mut ws,
        path,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )?;
    drop(ws);
    Ok((summary, started.elapsed().as_secs_f64()))
}

fn report(workspace: &Path) -> Result<String, Box<dyn Error>> {
    let ws = Workspace::open(workspace)?;
    let report = Analysis::from_workspace(&ws, None)?.report(&Params::default())?;
    let mut value = serde_json::to_value(report)?;
    // Each workspace made its own journey from the log; its row ids may differ.
    support::strip_ids(&mut value);
    Ok(value.to_string())
}

/// An XES log of BPIC 2012's shape and size: a loan application process with 24 activities,
/// three lifecycle transitions, resources, trace attributes and timestamps with offsets, in
/// 13,087 traces of 262,200 events, gzip-compressed.
fn write_bpic_shaped(path: &Path) -> Result<(), Box<dyn Error>> {
    const ACTIVITIES: [&str; 24] = [
        "A_SUBMITTED",
        "A_PARTLYSUBMITTED",
        "A_PREACCEPTED",
        "W_Completeren aanvraag",
        "A_ACCEPTED",
        "O_SELECTED",
        "A_FINALIZED",
        "O_CREATED",
        "O_SENT",
        "W_Nabellen offertes",
        "O_SENT_BACK",
        "W_Valideren aanvraag",
        "A_REGISTERED",
        "A_APPROVED",
        "O_ACCEPTED",
        "A_ACTIVATED",
        "O_CANCELLED",
        "A_DECLINED",
        "A_CANCELLED",
        "W_Afhandelen leads",
        "O_DECLINED",
        "W_Nabellen incomplete dossiers",
        "W_Beoordelen fraude",
        "W_Wijzigen contractgegevens",
    ];
    const LIFECYCLE: [&str; 3] = ["SCHEDULE", "START", "COMPLETE"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let file = std::fs::File::create(path.with_extension("gz.partial"))?;
    let mut out = flate2::write::GzEncoder::new(
        BufWriter::with_capacity(1 << 20, file),
        flate2::Compression::default(),
    );
    writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<log xes.version=\"1.0\" \
         xes.features=\"nested-attributes\" openxes.version=\"1.0RC7\" \
         xmlns=\"http://www.xes-standard.org/\">\n\t<extension name=\"Lifecycle\" \
         prefix=\"lifecycle\" uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n\
         \t<global scope=\"trace\">\n\t\t<string key=\"concept:name\" value=\"name\"/>\n\t</global>\n\
         \t<classifier name=\"Activity\" keys=\"concept:name\"/>\n\
         \t<string key=\"concept:name\" value=\"BPIC 2012 shaped\"/>"
    )?;
    let offset = chrono::FixedOffset::east_opt(7200).ok_or("a fixed offset")?;
    let mut left = BPIC_EVENTS;
    for trace in 0..BPIC_TRACES {
        let traces_left = BPIC_TRACES - trace;
        // About 20 events a trace, at least 3, the last trace taking what is left.
        let length = if traces_left == 1 {
            left
        } else {
            (3 + next(35)).min(left - 3 * (traces_left - 1))
        };
        left -= length;
        let mut ms = 1_317_421_124_546 + (trace as i64) * 1_200_000;
        let stamp = |ms: i64| {
            chrono::DateTime::from_timestamp_millis(ms)
                .map(|t| {
                    t.with_timezone(&offset)
                        .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
                        .to_string()
                })
                .unwrap_or_default()
        };
        writeln!(
            out,
            "\t<trace>\n\t\t<date key=\"REG_DATE\" value=\"{}\"/>\n\t\t<string \
             key=\"concept:name\" value=\"{}\"/>\n\t\t<string key=\"AMOUNT_REQ\" value=\"{}\"/>",
            stamp(ms),
            173_688 + trace * 3,
            1000 + next(50) * 500
        )?;
        for _ in 0..length {
            ms += (next(3_600) as i64 + 1) * 1000;
            let activity = ACTIVITIES[next(ACTIVITIES.len() as u64) as usize];
            writeln!(
                out,
                "\t\t<event>\n\t\t\t<string key=\"org:resource\" value=\"{}\"/>\n\t\t\t<string \
                 key=\"lifecycle:transition\" value=\"{}\"/>\n\t\t\t<string key=\"concept:name\" \
                 value=\"{activity}\"/>\n\t\t\t<date key=\"time:timestamp\" value=\"{}\"/>\n\t\t</event>",
                10_000 + next(60),
                LIFECYCLE[next(3) as usize],
                stamp(ms)
            )?;
        }
        writeln!(out, "\t</trace>")?;
    }
    writeln!(out, "</log>")?;
    out.finish()?.flush()?;
    std::fs::rename(path.with_extension("gz.partial"), path)?;
    Ok(())
}
