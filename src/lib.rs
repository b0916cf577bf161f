//! Percorso's engine: the journey model, the workspace file, the event log and the demo generator.
//!
//! This crate knows nothing about windows or webviews. The desktop shell in `src-tauri/` and the
//! `percorso` command line (`cli/`) both call into it, so every behaviour the app has can be tested with
//! `cargo test` alone and reproduced from a terminal.

pub mod analytics;
pub mod atomic_write;
pub mod demo;
pub mod document;
pub mod edit;
pub mod engine;
pub mod error;
pub mod export;
pub mod import;
pub mod journey;
pub mod layout;
pub mod log;
pub mod matching;
pub mod render;
pub mod spark;
pub mod templates;
pub mod validate;
pub mod workspace;

pub use edit::{Edit, Edited};
pub use error::{Error, ErrorCode, Result};
pub use journey::view;
pub use journey::{Channel, Journey, JourneySummary, Kind, Stage, Touchpoint, Transition};
pub use log::EventLog;
pub use validate::{validate, Warning};
pub use workspace::{Workspace, WorkspaceSummary};
