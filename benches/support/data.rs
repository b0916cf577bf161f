//! The benchmarks' data: files generated once from the demo generator and kept in
//! target/bench-data/, so that a second run measures the import, not the writing.
// Each benchmark that takes this file uses part of it.
#![allow(dead_code)]

use std::error::Error;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use arrow_array::builder::{Float64Builder, StringBuilder, TimestampMillisecondBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use percorso::demo::{CustomerTrail, DemoConfig, Generator};
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

/// The log of `config` (its first `events` events when given), as [`generate::write_csv`] writes
/// it, in a Parquet file with typed columns (snappy, as warehouses write it).
pub fn write_parquet(
    path: &Path,
    config: &DemoConfig,
    events: Option<u64>,
) -> Result<(), Box<dyn Error>> {
    // A cap on events reads on past the config's customers, as the CSV writer does.
    let customers = if events.is_some() {
        u64::MAX
    } else {
        config.customers
    };
    let events = events.unwrap_or(u64::MAX);
    let generator = Generator::new(config.clone());
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::SNAPPY)
        .build();
    let partial = path.with_extension("parquet.partial");
    let mut writer: Option<parquet::arrow::ArrowWriter<std::fs::File>> = None;
    let mut trail = CustomerTrail::default();
    let mut written = 0u64;
    let mut index = 0u64;
    while written < events && index < customers {
        let mut customer = StringBuilder::new();
        let mut at = TimestampMillisecondBuilder::new().with_timezone("UTC");
        let mut touchpoint = StringBuilder::new();
        let mut channel = StringBuilder::new();
        let mut event_type = StringBuilder::new();
        let mut value = Float64Builder::new();
        let mut region = StringBuilder::new();
        let mut device = StringBuilder::new();
        let mut rows = 0;
        while rows < 1 << 20 && written < events && index < customers {
            generator.customer(index, &mut trail);
            index += 1;
            for e in &trail.events {
                if written >= events {
                    break;
                }
                customer.append_value(&trail.id);
                at.append_value(e.instant_ms);
                touchpoint.append_value(e.touchpoint);
                channel.append_value(e.channel);
                event_type.append_value(e.event_type);
                value.append_option(e.value);
                region.append_value(trail.region);
                device.append_value(trail.device);
                written += 1;
                rows += 1;
            }
        }
        let batch = RecordBatch::try_from_iter([
            ("customer_id", Arc::new(customer.finish()) as ArrayRef),
            ("timestamp", Arc::new(at.finish()) as ArrayRef),
            ("touchpoint", Arc::new(touchpoint.finish()) as ArrayRef),
            ("channel", Arc::new(channel.finish()) as ArrayRef),
            ("event_type", Arc::new(event_type.finish()) as ArrayRef),
            ("value", Arc::new(value.finish()) as ArrayRef),
            ("region", Arc::new(region.finish()) as ArrayRef),
            ("device", Arc::new(device.finish()) as ArrayRef),
        ])?;
        let writer = match &mut writer {
            Some(w) => w,
            None => writer.insert(parquet::arrow::ArrowWriter::try_new(
                std::fs::File::create(&partial)?,
                batch.schema(),
                Some(props.clone()),
            )?),
        };
        writer.write(&batch)?;
    }
    if let Some(writer) = writer {
        writer.close()?;
    }
    std::fs::rename(&partial, path)?;
    Ok(())
}
