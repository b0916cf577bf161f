//! The demo workspace: a realistic omnichannel journey and a generated log on it, so that a
//! first-time user sees a populated map at once and tests and benchmarks have data of any size.

pub mod generator;
pub mod retail;

use std::path::Path;

pub use generator::{CustomerTrail, DemoConfig, DemoEvent, Generator};

use crate::error::Result;
use crate::workspace::{SourceDraft, Workspace};

/// Writes the demo journey and a generated log into `workspace`.
pub fn fill(workspace: &mut Workspace, config: &DemoConfig) -> Result<()> {
    workspace.insert_journey(&retail::journey())?;
    let log = Generator::new(config.clone()).log();
    let source = SourceDraft {
        name: "Demo log".to_owned(),
        file_name: format!(
            "generated: {} customers, seed {}",
            config.customers, config.seed
        ),
        content_hash: format!("demo:{}:{}", config.customers, config.seed),
        timezone: "UTC".to_owned(),
        // Ads and pushed messages first record an exposure; the rest are interactions.
        mapping: r#"{"exposure_types":["impression","delivered"]}"#.to_owned(),
        rows_read: log.len() as u64,
        rows_rejected: 0,
        duplicates: 0,
    };
    workspace.add_source(&source, &log)?;
    Ok(())
}

/// Creates a demo workspace file at `path`.
pub fn create(path: impl AsRef<Path>, replace: bool, config: &DemoConfig) -> Result<Workspace> {
    Workspace::build(path, replace, |w| fill(w, config))
}
