//! What the running app holds: the path of its workspace and, once opened, the workspace itself.
//!
//! The workspace opens lazily on the first command, off the main thread, so the window paints at
//! once even when the demo workspace must first be written.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use percorso::analytics::Analysis;
use percorso::demo::{self, DemoConfig};
use percorso::journey::JourneyId;
use percorso::Workspace;

use crate::error::{ApiError, ApiResult};

pub struct Session {
    pub path: PathBuf,
    workspace: Option<Workspace>,
    /// The log sorted and resolved against one journey, built once and reused for every query.
    analysis: Option<(JourneyId, Analysis)>,
}

impl Session {
    /// The open workspace, opening it first if needed; a missing file becomes the demo workspace.
    pub fn workspace(&mut self) -> ApiResult<&mut Workspace> {
        let workspace = match self.workspace.take() {
            Some(w) => w,
            None => Workspace::open_or_create_with(&self.path, |w| {
                demo::fill(w, &DemoConfig::default())
            })?,
        };
        Ok(self.workspace.insert(workspace))
    }

    /// Forgets what was computed from `journey`, after it changed: its touchpoints, aliases,
    /// entries and goals decide the numbers.
    pub fn journey_changed(&mut self, journey: JourneyId) {
        if self.analysis.as_ref().is_some_and(|(id, _)| *id == journey) {
            self.analysis = None;
        }
    }

    /// The analysis of `journey`, building it on first use.
    pub fn analysis(&mut self, journey: JourneyId) -> ApiResult<&Analysis> {
        let cached = self.analysis.take().filter(|(id, _)| *id == journey);
        let entry = match cached {
            Some(entry) => entry,
            None => (
                journey,
                Analysis::from_workspace(self.workspace()?, Some(journey))?,
            ),
        };
        Ok(&self.analysis.insert(entry).1)
    }
}

#[derive(Clone)]
pub struct AppState {
    session: Arc<Mutex<Session>>,
}

impl AppState {
    pub fn new(path: PathBuf) -> Self {
        AppState {
            session: Arc::new(Mutex::new(Session {
                path,
                workspace: None,
                analysis: None,
            })),
        }
    }

    pub fn lock(&self) -> ApiResult<MutexGuard<'_, Session>> {
        self.session
            .lock()
            .map_err(|_| ApiError::task_failed("an earlier command panicked"))
    }
}
