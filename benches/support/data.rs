//! The benchmarks' data: files generated once from the demo generator and kept in
//! target/bench-data/, so that a second run measures the import, not the writing.

use std::error::Error;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use percorso::demo::DemoConfig;
use percorso::import::generate;

/// The folder the benchmarks keep their files in.
pub fn folder() -> Result<PathBuf, Box<dyn Error>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The demo generator's first `events` events as CSV in `dir`, written if not there yet.
pub fn demo_csv(dir: &Path, events: u64) -> Result<PathBuf, Box<dyn Error>> {
    let csv = dir.join(format!("events-{events}.csv"));
    if !csv.exists() {
        let started = Instant::now();
        let partial = csv.with_extension("csv.partial");
        let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&partial)?);
        generate::write_csv(&DemoConfig::default(), Some(events), false, &mut out)?;
        out.flush()?;
        drop(out);
        std::fs::rename(&partial, &csv)?;
        println!(
            "generated {} in {:.1} s",
            csv.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(csv)
}
