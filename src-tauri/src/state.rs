//! What the running app holds: the path of its workspace and, once opened, the workspace itself.
//!
//! The workspace opens lazily on the first command, off the main thread, so the window paints at
//! once even when the demo workspace must first be written.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

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
    /// Stops the analysis being built, and everything asked of it before the cancel.
    cancel: Arc<Cancel>,
    /// The cancel round the command holding this session was asked in (see [`AppState::asked`]).
    asked_in: Option<u64>,
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
        let cancel = Arc::clone(&self.cancel);
        let asked_in = self.asked_in;
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
            None if cancel.cancelled_since(asked_in) => {
                return Err(ApiError::from(percorso::Error::Cancelled))
            }
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
                // Cancelled while counting: the count is kept for the next time it is asked.
                if cancel.cancelled_since(asked_in) {
                    return Err(ApiError::from(percorso::Error::Cancelled));
                }
                e
            }
        };
        Ok((&cached.analysis, evaluation))
    }

    fn cached(&mut self, journey: JourneyId) -> ApiResult<&mut Cached> {
        let cached = match self.analysis.take().filter(|c| c.journey == journey) {
            Some(cached) => cached,
            None if self.stale() => return Err(ApiError::from(percorso::Error::Cancelled)),
            None => {
                let progress = self.progress.clone();
                let cancel = Arc::clone(&self.cancel);
                cancel.stop.store(false, Ordering::Relaxed);
                let pause = load_pause();
                let built = Analysis::from_workspace_reporting(
                    self.workspace()?,
                    Some(journey),
                    &mut |p| {
                        progress.set(Some(p));
                        if !pause.is_zero() {
                            std::thread::sleep(pause);
                        }
                    },
                    &cancel.stop,
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

    /// Whether an analysis is built and kept.
    #[cfg(test)]
    pub fn is_analysed(&self) -> bool {
        self.analysis.is_some()
    }

    /// Whether a cancel came after the command holding this session was asked.
    fn stale(&self) -> bool {
        self.cancel.cancelled_since(self.asked_in)
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
    cancel: Arc<Cancel>,
    /// The cancel round this command was asked in; `None` outside a command.
    asked_in: Option<u64>,
}

/// A pause after each step of loading the log, which the end-to-end tests set with
/// `PERCORSO_E2E_LOAD_PAUSE_MS` to make a log they can write in a second load for as long as one
/// of fifty million events does, and click its Cancel. Only in debug builds: a release never
/// reads the variable.
fn load_pause() -> Duration {
    if !cfg!(debug_assertions) {
        return Duration::ZERO;
    }
    std::env::var("PERCORSO_E2E_LOAD_PAUSE_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::ZERO, Duration::from_millis)
}

/// Cancelling the analysis: `stop` ends the build under way after the chunk of events it reads.
/// The other commands that wait for that analysis were asked before the cancel, in an earlier
/// `round`; they are cancelled too rather than starting the build again. What is asked after
/// the cancel (Compute again) builds it anew.
#[derive(Default)]
pub struct Cancel {
    stop: AtomicBool,
    round: AtomicU64,
}

impl Cancel {
    fn round(&self) -> u64 {
        self.round.load(Ordering::SeqCst)
    }

    /// Whether a cancel came after round `asked_in`; never for a command outside any round.
    fn cancelled_since(&self, asked_in: Option<u64>) -> bool {
        asked_in.is_some_and(|round| round != self.round())
    }
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
        let cancel = Arc::new(Cancel::default());
        AppState {
            session: Arc::new(Mutex::new(Session {
                path,
                workspace: None,
                analysis: None,
                log_values: None,
                spark: None,
                recents: Arc::clone(&recents),
                progress: progress.clone(),
                cancel: Arc::clone(&cancel),
                asked_in: None,
            })),
            progress,
            cancel,
            asked_in: None,
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

    /// This state for a command asked now: a cancel that comes before it gets the session
    /// cancels its analysis too.
    pub fn asked(&self) -> AppState {
        AppState {
            asked_in: Some(self.cancel.round()),
            ..self.clone()
        }
    }

    /// Stops the analysis being built and every command waiting for it.
    pub fn cancel_analysis(&self) {
        self.cancel.round.fetch_add(1, Ordering::SeqCst);
        self.cancel.stop.store(true, Ordering::SeqCst);
    }

    pub fn lock(&self) -> ApiResult<MutexGuard<'_, Session>> {
        let mut session = self
            .session
            .lock()
            .map_err(|_| ApiError::task_failed("an earlier command panicked"))?;
        session.asked_in = self.asked_in;
        Ok(session)
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
