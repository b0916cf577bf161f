//! The import benchmark: `cargo bench --bench import -- [events]` (default 1,000,000).
//!
//! Generates a CSV log of that many events from the demo generator (once, cached in
//! target/bench-data/), imports it into a fresh workspace, reopens the workspace and loads the
//! events ready for analysis, and prints the file size, rows, both times and the peak memory.

use std::error::Error;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use percorso::import::{self, Overrides};
use percorso::Workspace;

#[path = "support/data.rs"]
mod data;

fn main() -> Result<(), Box<dyn Error>> {
    let events: u64 = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(1_000_000);
    let dir = data::folder()?;
    let csv = data::demo_csv(&dir, events)?;
    let workspace_path = dir.join(format!("bench-{events}.percorso"));
    let _ = std::fs::remove_file(&workspace_path);

    let started = Instant::now();
    let mut workspace = Workspace::create(&workspace_path, true)?;
    let mut settings = import::detect(&csv, &Overrides::default())?.settings;
    settings.timezone = "UTC".to_owned();
    let summary = import::import_file(
        &mut workspace,
        &csv,
        &settings,
        &mut |_| {},
        &AtomicBool::new(false),
    )?;
    drop(workspace);
    let import_s = started.elapsed().as_secs_f64();

    let started = Instant::now();
    let workspace = Workspace::open(&workspace_path)?;
    let log = workspace.load_log()?;
    let reopen_s = started.elapsed().as_secs_f64();

    let size = std::fs::metadata(&csv)?.len();
    println!("file            {}", csv.display());
    println!("file size       {:.1} MB", size as f64 / 1e6);
    println!("rows read       {}", summary.rows_read);
    println!("events imported {}", summary.events_imported);
    println!("events loaded   {}", log.len());
    println!("import          {import_s:.2} s");
    println!("reopen + load   {reopen_s:.2} s");
    println!("peak RSS        {}", peak_rss());
    println!(
        "workspace size  {:.1} MB",
        std::fs::metadata(&workspace_path)?.len() as f64 / 1e6
    );
    Ok(())
}

fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l.trim_start_matches("VmHWM:").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}
