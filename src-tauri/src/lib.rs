//! Percorso's desktop shell.
//!
//! Everything here is a thin layer: [`api`] holds the command handlers as plain functions over
//! [`state::AppState`] (tested without a desktop), [`commands`] wraps each in a few lines of
//! Tauri, and the engine crate `percorso` does the work.

pub mod api;
pub mod bindings;
mod commands;
pub mod error;
pub mod recents;
pub mod state;

use std::path::PathBuf;
use std::process::ExitCode;

use tauri::{Manager, Runtime};

use crate::recents::{Recents, CONFIG_DIR_VAR};
use crate::state::AppState;

/// The workspace to open, from the command line (`percorso-app FILE`) or `PERCORSO_WORKSPACE`.
fn workspace_from_environment() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .find(|a| !a.to_string_lossy().starts_with('-'))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PERCORSO_WORKSPACE").map(PathBuf::from))
}

/// The application, generic over the runtime so that tests can build it on Tauri's mock runtime.
pub fn builder<R: Runtime>() -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let path = match workspace_from_environment() {
                // One spelling per file, the one the recent list and Open use.
                Some(path) => recents::real(&path),
                None => app.path().app_data_dir()?.join("demo.percorso"),
            };
            let config = std::env::var_os(CONFIG_DIR_VAR)
                .map(PathBuf::from)
                .or_else(|| app.path().app_config_dir().ok());
            app.manage(AppState::with_recents(path, Recents::in_dir(config)));
            Ok(())
        })
        .invoke_handler(commands::handler())
}

pub fn run() -> ExitCode {
    match builder::<tauri::Wry>().run(tauri::generate_context!()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("percorso-app: {e}");
            ExitCode::FAILURE
        }
    }
}
