//! What the running app holds: the path of its workspace and, once opened, the workspace itself.
//!
//! The workspace opens lazily on the first command, off the main thread, so the window paints at
//! once even when the demo workspace must first be written.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use percorso::analytics::{Analysis, Evaluation, LoadProgress, LoadStep, Params};
use percorso::demo::{self, DemoConfig};
use percorso::journey::JourneyId;
use percorso::spark::SparkEngine;
use percorso::Workspace;

use crate::error::{ApiError, ApiResult};
use crate::recents::Recents;

pub struct Session {
    pub path: PathBuf,
    workspace: Option<Workspace>,
    /// The log sorted and resolved against one journey, built once and reused for every query.
    analysis: Option<Cached>,
    /// The log with every value a touchpoint of its own, which discovery reads; built on first
    /// use, dropped when the log changes.
    log_values: Option<Analysis>,
    /// The Spark engine of the workspace's stored connection, connected on first use for one
    /// journey; dropped with that journey's changes and with the workspace.
    spark: Option<(JourneyId, Arc<SparkEngine>)>,
    /// Where every workspace that opens is recorded.
    recents: Arc<Recents>,
    /// How far the analysis being built is, read by the UI without waiting for this session.
    progress: Progress,
}

/// How many filter sets keep their evaluation: the two sides of a comparison and the one before.
const EVALUATIONS_KEPT: usize = 3;

/// An analysis and its latest evaluations. One filter change asks for the report, a page of
/// customers and a histogram under the same filters; evaluating once serves them all, so the
/// numbers come back together. Dropping the analysis (another journey, a new import) drops these.
struct Cached {
    journey: JourneyId,
    analysis: Analysis,
    evaluations: VecDeque<(Params, Arc<Evaluation>)>,
}

impl Session {
    /// The open workspace, opening it first if needed; a missing file becomes the demo workspace.
    pub fn workspace(&mut self) -> ApiResult<&mut Workspace> {
        let workspace = match self.workspace.take() {
            Some(w) => w,
            None => {
                let opened = Workspace::open_or_create_with(&self.path, |w| {
                    demo::fill(w, &DemoConfig::default())
                })?;
                self.recents.add(&self.path);
                opened
            }
        };
        Ok(self.workspace.insert(workspace))
    }

    /// Makes `workspace` the open one, in place of the current one: what Open, New and Save As
    /// end with. Everything computed from the previous workspace is dropped with it.
    pub fn switch_to(&mut self, workspace: Workspace) {
        self.path = workspace.path().to_path_buf();
        self.workspace = Some(workspace);
        self.analysis = None;
        self.log_values = None;
        self.spark = None;
        self.recents.add(&self.path);
    }

    /// Forgets what was computed from `journey`, after it changed: its touchpoints, aliases,
    /// entries and goals decide the numbers.
    pub fn journey_changed(&mut self, journey: JourneyId) {
        if self.analysis.as_ref().is_some_and(|c| c.journey == journey) {
            self.analysis = None;
        }
        if self.spark.as_ref().is_some_and(|(j, _)| *j == journey) {
            self.spark = None;
        }
    }

    /// The Spark engine already connected for `journey`, if any.
    pub fn spark(&self, journey: JourneyId) -> Option<Arc<SparkEngine>> {
        self.spark
            .as_ref()
            .filter(|(j, _)| *j == journey)
            .map(|(_, e)| Arc::clone(e))
    }

    /// Keeps `engine` as the Spark engine of `journey`, or forgets it with `None`.
    pub fn set_spark(&mut self, engine: Option<(JourneyId, Arc<SparkEngine>)>) {
        self.spark = engine;
    }

    /// The analysis of `journey`, building it on first use.
    pub fn analysis(&mut self, journey: JourneyId) -> ApiResult<&Analysis> {
        Ok(&self.cached(journey)?.analysis)
    }

    /// The analysis of `journey` and its evaluation under `params`, reused while the same
    /// filters are asked about again.
    pub fn evaluation(
        &mut self,
        journey: JourneyId,
        params: &Params,
    ) -> ApiResult<(&Analysis, Arc<Evaluation>)> {
        let progress = self.progress.clone();
        let cached = self.cached(journey)?;
        let evaluation = match cached.evaluations.iter().position(|(p, _)| p == params) {
            Some(i) => {
                let entry = cached.evaluations.remove(i);
                let evaluation = entry.as_ref().map(|(_, e)| Arc::clone(e));
                cached.evaluations.extend(entry);
                evaluation
            }
            None => None,
        };
        let evaluation = match evaluation {
            Some(e) => e,
            None => {
                let events = cached.analysis.event_count() as u64;
                progress.set(Some(LoadProgress {
                    step: LoadStep::Counting,
                    done: 0,
                    total: events,
                }));
                let evaluated = cached.analysis.evaluate(params);
                progress.set(None);
                let e = Arc::new(evaluated?);
                cached
                    .evaluations
                    .push_back((params.clone(), Arc::clone(&e)));
                if cached.evaluations.len() > EVALUATIONS_KEPT {
                    cached.evaluations.pop_front();
                }
                e
            }
        };
        Ok((&cached.analysis, evaluation))
    }

    fn cached(&mut self, journey: JourneyId) -> ApiResult<&mut Cached> {
        let cached = match self.analysis.take().filter(|c| c.journey == journey) {
            Some(cached) => cached,
            None => {
                let progress = self.progress.clone();
                let built = Analysis::from_workspace_reporting(
                    self.workspace()?,
                    Some(journey),
                    &mut |p| progress.set(Some(p)),
                );
                self.progress.set(None);
                Cached {
                    journey,
                    analysis: built?,
                    evaluations: VecDeque::new(),
                }
            }
        };
        Ok(self.analysis.insert(cached))
    }

    /// Drops the cached analysis after the log or the journey's matching changed.
    pub fn forget_analysis(&mut self) {
        self.analysis = None;
        self.log_values = None;
    }

    /// The analysis of the log with every value a touchpoint of its own, building it on first
    /// use.
    pub fn log_values(&mut self) -> ApiResult<&Analysis> {
        let analysis = match self.log_values.take() {
            Some(a) => a,
            None => Analysis::of_log_values(self.workspace()?)?,
        };
        Ok(self.log_values.insert(analysis))
    }
}

#[derive(Clone)]
pub struct AppState {
    session: Arc<Mutex<Session>>,
    recents: Arc<Recents>,
    /// One cancel flag per import the UI started, by the id it gave it.
    cancels: Arc<Mutex<HashMap<u64, Arc<AtomicBool>>>>,
    progress: Progress,
}

/// The progress of the analysis being built, shared between the session that builds it and the
/// command that reports it.
#[derive(Clone, Default)]
pub struct Progress(Arc<Mutex<Option<LoadProgress>>>);

impl Progress {
    fn set(&self, progress: Option<LoadProgress>) {
        // A poisoned lock only means a reader panicked: the value is still a plain copy.
        let mut slot = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *slot = progress;
    }

    /// What the analysis being built is doing, or `None` when none is being built.
    pub fn get(&self) -> Option<LoadProgress> {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl AppState {
    /// The app on the workspace at `path`, keeping no recent-workspaces list.
    pub fn new(path: PathBuf) -> Self {
        AppState::with_recents(path, Recents::none())
    }

    /// The app on the workspace at `path`, recording what opens in `recents`.
    pub fn with_recents(path: PathBuf, recents: Recents) -> Self {
        let recents = Arc::new(recents);
        let progress = Progress::default();
        AppState {
            session: Arc::new(Mutex::new(Session {
                path,
                workspace: None,
                analysis: None,
                log_values: None,
                spark: None,
                recents: Arc::clone(&recents),
                progress: progress.clone(),
            })),
            progress,
            recents,
            cancels: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The recent-workspaces list; reading it never waits for a running command.
    pub fn recents(&self) -> &Recents {
        &self.recents
    }

    /// How far the analysis being built is; reading it never waits for a running command.
    pub fn analysis_progress(&self) -> Option<LoadProgress> {
        self.progress.get()
    }

    pub fn lock(&self) -> ApiResult<MutexGuard<'_, Session>> {
        self.session
            .lock()
            .map_err(|_| ApiError::task_failed("an earlier command panicked"))
    }

    /// The cancel flag of import `id`, made on first use: a Cancel that reaches the shell before
    /// its import has started still stops it.
    pub fn cancel_flag(&self, id: u64) -> ApiResult<Arc<AtomicBool>> {
        let mut flags = self
            .cancels
            .lock()
            .map_err(|_| ApiError::task_failed("an earlier command panicked"))?;
        Ok(flags.entry(id).or_default().clone())
    }

    /// Forgets import `id`'s flag once the import is over.
    pub fn forget_cancel_flag(&self, id: u64) {
        if let Ok(mut flags) = self.cancels.lock() {
            flags.remove(&id);
        }
    }
}
