//! The Spark engine: a Spark Connect session, the table's roles and the map resolved against
//! the table's distinct values.
//!
//! Apache's client is blocking (it runs its own tokio runtime), so every call here blocks its
//! thread: the app calls it from a thread of its own, never from its async runtime.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use arrow_array::RecordBatch;
use spark_connect_core::SparkError;

use super::connection::Connection;

use super::rows::Rows;
use super::sql::{self, MapRow, Selection, Standing};
use super::{SparkSource, TimestampKind};
use crate::analytics::{
    as_u32, build_report, rfc3339, unassigned_journey_of, CustomerEvent, CustomerPage,
    CustomerPath, CustomerQuery, CustomerRow, PairStats, Params, PlaceSums, Places, Report,
    StageSums, Sums, NO_STAGE,
};
use crate::error::{Error, Result};
use crate::journey::Journey;

/// The steps of a report, for progress: cache the events, then four aggregates.
pub const REPORT_STEPS: usize = 5;

/// Reports, pages of customers and paths computed on a Spark cluster.
pub struct SparkEngine {
    session: Connection,
    source: SparkSource,
    kind: TimestampKind,
    /// The designed map; `None`: every log value is a touchpoint of stage "Unassigned".
    journey: Option<Journey>,
    exposure_types: Vec<String>,
    resolved: Mutex<Resolved>,
    views: AtomicU64,
}

/// The map resolved against the table's distinct values.
#[derive(Clone)]
struct Resolved {
    places: Places,
    values: Vec<(String, u32)>,
}

impl SparkEngine {
    /// Connects, fixes the session's time zone to UTC, checks the table and its columns, and
    /// reads the table's distinct log values. `journey`: the map to resolve them against.
    pub fn connect(
        source: &SparkSource,
        journey: Option<Journey>,
        exposure_types: &[String],
    ) -> Result<SparkEngine> {
        Self::connect_with(source, None, journey, exposure_types)
    }

    /// As [`SparkEngine::connect`], with `token` instead of the one the environment or the
    /// keyring holds, when given (one the user has just typed).
    pub fn connect_with(
        source: &SparkSource,
        token: Option<&str>,
        journey: Option<Journey>,
        exposure_types: &[String],
    ) -> Result<SparkEngine> {
        source.check()?;
        source.check_reachable()?;
        let url = match token {
            Some(token) => super::with_token(&source.url, token),
            None => source.connect_url(),
        };
        let session = Connection::open(&url).map_err(|e| unreachable(&source.url, &e))?;
        let mut engine = SparkEngine {
            session,
            source: source.clone(),
            kind: TimestampKind::Text,
            journey: journey.filter(|j| !j.touchpoints.is_empty()),
            exposure_types: exposure_types.to_vec(),
            resolved: Mutex::new(Resolved {
                places: Places::resolve(&unassigned_journey_of(&[]), []).0,
                values: Vec::new(),
            }),
            views: AtomicU64::new(0),
        };
        engine
            .run("SET spark.sql.session.timeZone=UTC")
            .map_err(|e| match e {
                Error::SparkQuery { url, detail } => Error::SparkUnreachable { url, detail },
                other => other,
            })?;
        engine.kind = engine.check_table()?;
        engine.refresh()?;
        Ok(engine)
    }

    pub fn source(&self) -> &SparkSource {
        &self.source
    }

    /// Interrupts whatever this engine's session is running (from another thread): the call
    /// that waits on it fails with [`Error::Cancelled`].
    pub fn interrupt(&self) {
        let _ = self.session.interrupt_all();
    }

    fn run(&self, query: &str) -> Result<Vec<RecordBatch>> {
        self.session.sql(query).map_err(|e| self.error(&e))
    }

    /// The one row an aggregate without `GROUP BY` always has: none means the result was cut
    /// short, which must not read as an empty log.
    fn single<T>(&self, value: Option<T>) -> Result<T> {
        value.ok_or_else(|| Error::SparkQuery {
            url: self.source.url.clone(),
            detail: "an aggregate came back without its row: the result was cut short".to_owned(),
        })
    }

    fn error(&self, e: &SparkError) -> Error {
        let class = e.error_class.as_str();
        let detail = e.to_string();
        if class.contains("OPERATION_CANCELED") || detail.contains("OPERATION_CANCELED") {
            Error::Cancelled
        } else if class.contains("TABLE_OR_VIEW_NOT_FOUND")
            || detail.contains("TABLE_OR_VIEW_NOT_FOUND")
        {
            Error::SparkTableMissing {
                url: self.source.url.clone(),
                table: self.source.table.clone(),
            }
        } else if e.grpc_code == Some(14) {
            unreachable(&self.source.url, e)
        } else {
            Error::SparkQuery {
                url: self.source.url.clone(),
                detail: first_line(&detail),
            }
        }
    }

    /// Checks that the table has every column given a role, and reads the timestamp's type.
    fn check_table(&self) -> Result<TimestampKind> {
        let described = self.run(&format!(
            "DESCRIBE TABLE {}",
            sql::table(&self.source.table)
        ))?;
        let rows = Rows::new(&described);
        let names = rows.texts("col_name")?;
        let types = rows.texts("data_type")?;
        let mut columns: Vec<(String, String)> = Vec::new();
        for (name, data_type) in names.into_iter().zip(types) {
            let (Some(name), Some(data_type)) = (name, data_type) else {
                continue;
            };
            if name.is_empty() || name.starts_with('#') {
                break;
            }
            columns.push((name, data_type));
        }
        let find = |column: &str| {
            columns
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(column))
        };
        for (role, column) in self.source.columns.named() {
            if find(column).is_none() {
                return Err(Error::SparkColumnMissing {
                    table: self.source.table.clone(),
                    column: column.to_owned(),
                    role,
                    available: columns
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
        }
        let timestamp = &self.source.columns.timestamp;
        let data_type = find(timestamp).map_or("", |(_, t)| t.as_str());
        TimestampKind::of_type(timestamp, data_type)
    }

    /// Reads the table's distinct log values again and resolves them against the map.
    pub fn refresh(&self) -> Result<()> {
        let batches = self.run(&sql::distinct_values(&self.source, self.kind))?;
        let values: Vec<String> = Rows::new(&batches)
            .texts("value")?
            .into_iter()
            .flatten()
            .collect();
        let journey = match &self.journey {
            Some(j) => j.clone(),
            None => unassigned_journey_of(&values),
        };
        let (places, place_of_value) = Places::resolve(&journey, values.iter().map(String::as_str));
        let values = values.into_iter().zip(place_of_value).collect();
        *self.lock() = Resolved { places, values };
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Resolved> {
        self.resolved
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The journey the numbers are laid on (the designed map, or one of log values).
    pub fn journey(&self) -> Journey {
        self.lock().places.journey.clone()
    }

    /// The report of `metrics.md`; `step(done, of)` hears of each step and cancels the report
    /// by answering `false`.
    pub fn report(
        &self,
        params: &Params,
        step: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Report> {
        refuse_path(params)?;
        let mut proceed = |done: usize| {
            if step(done, REPORT_STEPS) {
                Ok(())
            } else {
                Err(Error::Cancelled)
            }
        };
        proceed(0)?;
        let Sequence {
            view,
            resolved,
            totals,
        } = self.cached_sequence(params)?;
        let seq = view.name.as_str();
        proceed(1)?;
        let places = resolved.places;
        let mut sums = Sums {
            as_of_ms: params.as_of_ms.or(totals.max_ms),
            inactive_days: params.inactive_days,
            events: totals.events,
            customers: totals.customers,
            places: vec![PlaceSums::default(); places.count()],
            pairs: Vec::new(),
            stages: vec![StageSums::default(); places.stage_count()],
        };
        self.place_sums(seq, &mut sums)?;
        proceed(2)?;
        self.pair_sums(seq, &mut sums)?;
        proceed(3)?;
        self.stage_sums(seq, &places, &mut sums)?;
        proceed(4)?;
        if let Some(as_of_ms) = sums.as_of_ms {
            let p90 = node_p90s(&places, &sums);
            let standing = Standing {
                seq,
                as_of_ms,
                inactive_days: params.inactive_days,
                p90: &p90,
            };
            let batches = self.run(&standing.placement())?;
            let rows = Rows::new(&batches);
            let place = rows.ints("place")?;
            let status = rows.ints("status")?;
            let count = rows.counts("customers")?;
            for ((place, status), n) in place.into_iter().zip(status).zip(count) {
                place_status(&places, &mut sums, place, status, n);
            }
        }
        proceed(5)?;
        Ok(build_report(&places, sums))
    }

    /// Caches the kept events in order under a fresh view name. When the table holds values
    /// the map has not seen (it changed since they were read), reads its values again and
    /// caches once more.
    fn cached_sequence(&self, params: &Params) -> Result<Sequence<'_>> {
        let first = self.cache_sequence(params)?;
        if first.totals.unknown == 0 {
            return Ok(first);
        }
        drop(first);
        self.refresh()?;
        self.cache_sequence(params)
    }

    fn cache_sequence(&self, params: &Params) -> Result<Sequence<'_>> {
        let resolved = self.lock().clone();
        let map = map_rows(&resolved);
        let query = sql::sequence(&self.source, self.kind, &map, &self.exposure_types, params)?;
        let name = format!(
            "percorso_seq_{}",
            self.views.fetch_add(1, Ordering::Relaxed)
        );
        self.run(&format!("CACHE TABLE {name} AS {query}"))?;
        let view = View { engine: self, name };
        let batches = self.run(&sql::totals(&view.name))?;
        let rows = Rows::new(&batches);
        let first = |counts: Vec<u64>| self.single(counts.first().copied());
        let totals = Totals {
            events: first(rows.counts("events")?)?,
            customers: first(rows.counts("customers")?)?,
            max_ms: self.single(rows.ints("max_ms")?.first().copied())?,
            unknown: first(rows.counts("unknown")?)?,
        };
        Ok(Sequence {
            view,
            resolved,
            totals,
        })
    }

    fn place_sums(&self, seq: &str, sums: &mut Sums) -> Result<()> {
        let batches = self.run(&sql::places(seq))?;
        let rows = Rows::new(&batches);
        let place = rows.ints("place")?;
        let events = rows.counts("events")?;
        let customers = rows.counts("customers")?;
        let exposure = rows.counts("exposure_events")?;
        let interacting = rows.counts("interacting")?;
        let value_mean = rows.floats("value_mean")?;
        let last_here = rows.counts("last_here")?;
        let median = rows.floats("median_next_s")?;
        let p90 = rows.floats("p90_next_s")?;
        for i in 0..rows.len() {
            let Some(here) = place[i]
                .and_then(|p| usize::try_from(p).ok())
                .and_then(|p| sums.places.get_mut(p))
            else {
                continue;
            };
            *here = PlaceSums {
                events: events[i],
                customers: customers[i],
                exposure_events: exposure[i],
                interacting: interacting[i],
                value_mean: value_mean[i],
                last_here: last_here[i],
                median_next_s: median[i],
                p90_next_s: p90[i],
                ..PlaceSums::default()
            };
        }
        Ok(())
    }

    fn pair_sums(&self, seq: &str, sums: &mut Sums) -> Result<()> {
        let batches = self.run(&sql::pairs(seq))?;
        let rows = Rows::new(&batches);
        let from = rows.ints("place")?;
        let to = rows.ints("next_place")?;
        let count = rows.counts("count")?;
        let customers = rows.counts("customers")?;
        let median = rows.floats("median_s")?;
        let p90 = rows.floats("p90_s")?;
        for i in 0..rows.len() {
            let (Some(a), Some(b)) = (place_number(from[i]), place_number(to[i])) else {
                continue;
            };
            let stats = PairStats {
                count: count[i],
                customers: customers[i],
                median_s: median[i],
                p90_s: p90[i],
            };
            sums.pairs.push(((a, b), stats));
        }
        Ok(())
    }

    fn stage_sums(&self, seq: &str, places: &Places, sums: &mut Sums) -> Result<()> {
        let batches = self.run(&sql::stages(seq))?;
        let rows = Rows::new(&batches);
        let stage = rows.ints("stage")?;
        let reached = rows.counts("reached")?;
        let converted = rows.counts("converted")?;
        for i in 0..rows.len() {
            let Some(s) = stage[i].and_then(|s| usize::try_from(s).ok()) else {
                continue;
            };
            if s < places.stage_count() {
                sums.stages[s].reached = reached[i];
                sums.stages[s].converted = converted[i];
            }
        }
        Ok(())
    }

    /// A page of the customers that `query` selects under `params`.
    pub fn customers(&self, params: &Params, query: &CustomerQuery) -> Result<CustomerPage> {
        refuse_path(params)?;
        let Sequence {
            view,
            resolved,
            totals,
        } = self.cached_sequence(params)?;
        let seq = view.name.as_str();
        let places = &resolved.places;
        let chosen = Selection {
            place: query
                .touchpoint
                .map(|id| places.of_touchpoint(id))
                .transpose()?,
            stage: query.stage.map(|id| places.of_stage(id)).transpose()?,
            reached_stage: query
                .reached_stage
                .map(|id| places.of_stage(id))
                .transpose()?,
            transition: match &query.transition {
                Some((a, b)) => Some((places.of(a)?, places.of(b)?)),
                None => None,
            },
        };
        let Some(as_of_ms) = params.as_of_ms.or(totals.max_ms) else {
            return Ok(CustomerPage {
                total: 0,
                offset: query.offset as u64,
                rows: Vec::new(),
            });
        };
        // The p90s that decide who is stalled are the report's.
        let batches = self.run(&sql::p90s(seq))?;
        let rows = Rows::new(&batches);
        let p90: Vec<(u32, f64)> = rows
            .ints("place")?
            .into_iter()
            .zip(rows.floats("p90_next_s")?)
            .filter_map(|(place, q)| Some((place_number(place)?, q?)))
            .filter(|(place, _)| places.is_node(*place))
            .collect();
        let standing = Standing {
            seq,
            as_of_ms,
            inactive_days: params.inactive_days,
            p90: &p90,
        };
        let total = self.run(&standing.customer_count(query, &chosen))?;
        let total = self.single(Rows::new(&total).counts("total")?.first().copied())?;
        let batches = self.run(&standing.customer_page(query, &chosen))?;
        let rows = Rows::new(&batches);
        let customer = rows.texts("customer")?;
        let place = rows.ints("place")?;
        let last_ms = rows.ints("last_ms")?;
        let events = rows.counts("events")?;
        let furthest = rows.ints("furthest")?;
        let status = rows.ints("status")?;
        let stage_name = |s: Option<i64>| {
            s.and_then(|s| u32::try_from(s).ok())
                .and_then(|s| places.stage_name(s))
                .map(str::to_owned)
        };
        let rows = (0..rows.len())
            .map(|i| {
                let p = place_number(place[i]).unwrap_or(NO_STAGE);
                CustomerRow {
                    customer: customer[i].clone().unwrap_or_default(),
                    events: events[i],
                    last_event: last_ms[i].map(rfc3339).unwrap_or_default(),
                    latest_touchpoint: places.name(p).to_owned(),
                    current_stage: places.stage_name(places.stage_of(p)).map(str::to_owned),
                    furthest_stage: stage_name(furthest[i]),
                    status: sql::status_of_code(status[i].unwrap_or(3)),
                }
            })
            .collect();
        Ok(CustomerPage {
            total,
            offset: query.offset as u64,
            rows,
        })
    }

    /// One customer's whole path, unfiltered, in event order.
    pub fn customer_path(&self, customer: &str) -> Result<CustomerPath> {
        let resolved = self.lock().clone();
        let map = map_rows(&resolved);
        let batches = self.run(&sql::customer_path(&self.source, self.kind, &map, customer))?;
        let rows = Rows::new(&batches);
        if rows.len() == 0 {
            return Err(Error::UnknownCustomer {
                customer: customer.to_owned(),
            });
        }
        let places = &resolved.places;
        let ms = rows.ints("ms")?;
        let value = rows.texts("value")?;
        let place = rows.ints("place")?;
        let channel = rows.texts("channel")?;
        let event_type = rows.texts("event_type")?;
        let amount = rows.floats("amount")?;
        let events = (0..rows.len())
            .map(|i| {
                let name = match place_number(place[i]) {
                    Some(p) => places.name(p).to_owned(),
                    None => value[i].clone().unwrap_or_default(),
                };
                let p = place_number(place[i]).unwrap_or(NO_STAGE);
                CustomerEvent {
                    touchpoint: name,
                    touchpoint_id: places.touchpoint_id(p).map(|id| id.0),
                    stage: places.stage_name(places.stage_of(p)).map(str::to_owned),
                    instant: ms[i].map(rfc3339).unwrap_or_default(),
                    event_type: event_type[i].clone(),
                    value: amount[i],
                    channel: channel[i].clone(),
                }
            })
            .collect();
        Ok(CustomerPath {
            customer: customer.to_owned(),
            events,
        })
    }
}

/// The kept events cached on the cluster, the map they were resolved with, and their totals.
struct Sequence<'a> {
    view: View<'a>,
    resolved: Resolved,
    totals: Totals,
}

/// Events, customers and the latest instant kept; `unknown`: events of values the map lacked.
struct Totals {
    events: u64,
    customers: u64,
    max_ms: Option<i64>,
    unknown: u64,
}

/// A cached view of kept events, dropped from the cluster's memory when done with.
struct View<'a> {
    engine: &'a SparkEngine,
    name: String,
}

impl Drop for View<'_> {
    fn drop(&mut self) {
        let _ = self
            .engine
            .run(&format!("UNCACHE TABLE IF EXISTS {}", self.name));
        let _ = self
            .engine
            .run(&format!("DROP VIEW IF EXISTS {}", self.name));
    }
}

fn map_rows(resolved: &Resolved) -> Vec<MapRow<'_>> {
    let places = &resolved.places;
    resolved
        .values
        .iter()
        .map(|(value, place)| {
            let stage = places.stage_of(*place);
            MapRow {
                value,
                place: *place,
                stage: (stage != NO_STAGE).then_some(stage),
                goal: places.is_goal(*place),
            }
        })
        .collect()
}

fn place_number(place: Option<i64>) -> Option<u32> {
    place.and_then(|p| u32::try_from(p).ok())
}

/// The p90 to next of every node that has one: what stalls are measured against.
fn node_p90s(places: &Places, sums: &Sums) -> Vec<(u32, f64)> {
    (0..places.node_count)
        .filter_map(|p| Some((as_u32(p), sums.places.get(p)?.p90_next_s?)))
        .collect()
}

/// Counts `n` customers whose latest event is at `place` with `status` (a code of
/// [`sql::status_of_code`]) at their place and stage.
fn place_status(places: &Places, sums: &mut Sums, place: Option<i64>, status: Option<i64>, n: u64) {
    use crate::analytics::Status;
    let Some(p) = place_number(place) else {
        return;
    };
    let status = sql::status_of_code(status.unwrap_or(3));
    if places.is_node(p) {
        if let Some(here) = sums.places.get_mut(p as usize) {
            match status {
                Status::Completed => here.completed += n,
                Status::Dropped => here.dropoff += n,
                Status::Stalled => here.stalled += n,
                Status::Active => {}
            }
        }
    }
    let stage = places.stage_of(p);
    if let Some(s) = sums.stages.get_mut(stage as usize) {
        s.current += n;
        match status {
            Status::Dropped => s.dropped += n,
            Status::Completed => s.completed += n,
            Status::Stalled | Status::Active => {}
        }
    }
}

fn refuse_path(params: &Params) -> Result<()> {
    if params.path.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput(
            "the path filter is not available on Spark yet; clear it, or import the log to \
             filter by path"
                .to_owned(),
        ))
    }
}

fn unreachable(url: &str, e: &SparkError) -> Error {
    Error::SparkUnreachable {
        url: url.to_owned(),
        detail: first_line(&e.to_string()),
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().trim().to_owned()
}
