//! "Connect to Spark…": the workspace's Spark connection, and the report, customers and paths
//! computed on that cluster. Connecting and querying run without holding the session, so the
//! rest of the app answers while the cluster works.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use percorso::analytics::{CustomerPage, CustomerPath, CustomerQuery, Params, Report};
use percorso::journey::JourneyId;
use percorso::spark::{SparkEngine, SparkProgress, SparkSource};

use crate::error::ApiResult;
use crate::state::AppState;

/// The workspace's stored connection, if any.
pub fn connection(state: &AppState) -> ApiResult<Option<SparkSource>> {
    Ok(state.lock()?.workspace()?.spark_source()?)
}

/// Connects to `source` for `journey` (checking the server, the table and its columns), then
/// keeps `token`, when one is typed, in the system keyring and stores the connection, without
/// it, in the workspace. On any failure nothing is kept or stored.
pub fn connect(
    state: &AppState,
    journey: JourneyId,
    source: &SparkSource,
    token: Option<&str>,
) -> ApiResult<SparkSource> {
    let token = token.map(str::trim).filter(|t| !t.is_empty());
    let engine = Arc::new(open(state, journey, source, token)?);
    if let Some(token) = token {
        source.remember_token(token)?;
    }
    let mut session = state.lock()?;
    session.workspace()?.set_spark_source(Some(source))?;
    session.set_spark(Some((journey, engine)));
    Ok(source.clone())
}

/// Forgets the workspace's connection: its numbers come from its own log again.
pub fn disconnect(state: &AppState) -> ApiResult<()> {
    let mut session = state.lock()?;
    session.workspace()?.set_spark_source(None)?;
    session.set_spark(None);
    Ok(())
}

/// The engine for `journey` on the stored connection, connecting on first use.
fn engine(state: &AppState, journey: JourneyId) -> ApiResult<Arc<SparkEngine>> {
    let source = {
        let mut session = state.lock()?;
        if let Some(engine) = session.spark(journey) {
            return Ok(engine);
        }
        session.workspace()?.spark_source()?.ok_or_else(|| {
            percorso::Error::InvalidInput(
                "this workspace has no Spark connection; use Connect to Spark… first".to_owned(),
            )
        })?
    };
    let engine = Arc::new(open(state, journey, &source, None)?);
    state
        .lock()?
        .set_spark(Some((journey, Arc::clone(&engine))));
    Ok(engine)
}

/// The engine on `source`; `token`: one just typed, else the keyring's or the environment's.
fn open(
    state: &AppState,
    journey: JourneyId,
    source: &SparkSource,
    token: Option<&str>,
) -> ApiResult<SparkEngine> {
    let (map, exposure) = {
        let mut session = state.lock()?;
        let workspace = session.workspace()?;
        (workspace.journey(journey)?, workspace.exposure_types()?)
    };
    Ok(SparkEngine::connect_with(
        source,
        token,
        Some(map),
        &exposure,
    )?)
}

/// The report on Spark, with progress; report `id` stops at the next step or at once (the
/// running query is interrupted) when [`cancel`] is called.
pub fn report(
    state: &AppState,
    id: u64,
    journey: JourneyId,
    params: &Params,
    on_progress: &mut dyn FnMut(SparkProgress),
) -> ApiResult<Report> {
    let cancel = state.cancel_flag(id)?;
    let result = engine(state, journey).and_then(|engine| {
        let report = engine.report(params, &mut |done, of| {
            on_progress(SparkProgress {
                done: u32::try_from(done).unwrap_or(u32::MAX),
                of: u32::try_from(of).unwrap_or(u32::MAX),
            });
            !cancel.load(Ordering::SeqCst)
        })?;
        Ok(report)
    });
    state.forget_cancel_flag(id);
    result
}

/// Stops report `id`: its flag is set, and the cluster interrupts what this session runs.
pub fn cancel(state: &AppState, id: u64, journey: JourneyId) -> ApiResult<()> {
    state.cancel_flag(id)?.store(true, Ordering::SeqCst);
    if let Some(engine) = state.lock()?.spark(journey) {
        engine.interrupt();
    }
    Ok(())
}

pub fn customers(
    state: &AppState,
    journey: JourneyId,
    params: &Params,
    query: &CustomerQuery,
) -> ApiResult<CustomerPage> {
    Ok(engine(state, journey)?.customers(params, query)?)
}

pub fn customer_path(
    state: &AppState,
    journey: JourneyId,
    customer: &str,
) -> ApiResult<CustomerPath> {
    Ok(engine(state, journey)?.customer_path(customer)?)
}
