//! One Spark Connect session, and SQL run on it to the last row.
//!
//! Spark Connect streams a query's results on a *reattachable* execution: the server ends a
//! response stream after `spark.connect.execute.reattachable.senderMaxStreamDuration` (two minutes
//! by default) or `senderMaxStreamSize`, even while the query is still running, and the client is
//! to ask for the rest with `ReattachExecute` from the last response it saw. The query is done only
//! when a `ResultComplete` response arrives.
//!
//! Apache's client (`apache-spark-connect` 4.2.0) treats a stream that ends cleanly as the end of
//! the results, so any query longer than two minutes came back empty or cut, without an error (a
//! 10M-event report did). This module drives the execution itself on the client's public parts
//! (`SparkConnectClient`, `ExecutePlanResponseReattachableIterator`) and reattaches until
//! `ResultComplete`, as the Python and Scala clients do. The tests' cluster ends every stream
//! after one second (`scripts/spark.sh`), so every Spark test goes through the reattach path.

use std::io::Cursor;
use std::time::{Duration, Instant};

use arrow_array::RecordBatch;
use arrow_ipc::reader::StreamReader;
use spark_connect_core::{
    block_on, ChannelBuilder, ExecutePlanResponseReattachableIterator, RetryPolicy,
    RetryPolicyState, SparkConnectClient, SparkError,
};
use spark_connect_proto::execute_plan_response::{ArrowBatch, ResponseType};
use spark_connect_proto::{plan, relation, ExecutePlanRequest, Plan, Relation, Sql, UserContext};

/// The client's error, boxed: it carries the server's whole error (classes, parameters, stack
/// trace), hundreds of bytes.
pub type SparkResult<T> = Result<T, Box<SparkError>>;

/// A Spark Connect session. Its calls block their thread (the client runs its own runtime).
pub struct Connection {
    client: SparkConnectClient,
}

impl Connection {
    /// A session on `url` (`sc://host:port[/;token=…]`). The channel connects on the first query.
    pub fn open(url: &str) -> SparkResult<Connection> {
        let builder = ChannelBuilder::parse(url)?;
        let client = block_on(SparkConnectClient::connect(&builder))?;
        Ok(Connection { client })
    }

    /// Runs `query` and returns every batch of its result, reattaching to the execution for as
    /// long as the server cuts its streams short.
    pub fn sql(&self, query: &str) -> SparkResult<Vec<RecordBatch>> {
        let execution = ExecutePlanResponseReattachableIterator::new(self.request(query));
        let policy = RetryPolicy::default();
        let mut retries = RetryPolicyState::new(policy.clone());
        let mut stream = block_on(self.client.execute_plan(execution.request().clone()))?;
        let mut batches = Vec::new();
        let mut opened = Instant::now();
        let mut received = false;
        let mut idle = IdleStreams::default();
        loop {
            match block_on(stream.message()) {
                Ok(Some(response)) => {
                    received = true;
                    block_on(execution.set_last_response_id(&response));
                    if let Some(ResponseType::ArrowBatch(batch)) = &response.response_type {
                        decode(batch, &mut batches)?;
                    }
                    if block_on(execution.is_completed()) {
                        break;
                    }
                    continue;
                }
                // The server ended this stream before `ResultComplete`: the rest is to be
                // asked for again. A server holds a stream until it has something or its
                // deadline passes; one that ends them at once with nothing is not hammered.
                Ok(None) => {
                    if let Some(wait) = idle.after(received, opened.elapsed()) {
                        std::thread::sleep(wait);
                    }
                }
                // A dropped connection or cursor: wait, then reattach.
                Err(status) if policy.can_retry(&status) => {
                    let Some(wait) = retries.next_attempt(None) else {
                        return Err(Box::new(SparkError::from_grpc_status(status)));
                    };
                    std::thread::sleep(Duration::from_millis(wait));
                }
                Err(status) => return Err(Box::new(SparkError::from_grpc_status(status))),
            }
            let reattach = block_on(execution.create_reattach_request());
            stream = block_on(self.client.reattach_execute(reattach))?;
            opened = Instant::now();
            received = false;
        }
        // The server keeps a finished execution's responses until it is released.
        let release = block_on(execution.create_release_request(true));
        let _ = block_on(self.client.release_execute(release));
        Ok(batches)
    }

    /// Interrupts every execution of this session (from another thread): the `sql` call that
    /// waits on one fails with `OPERATION_CANCELED`.
    pub fn interrupt_all(&self) -> SparkResult<()> {
        block_on(self.client.interrupt_all())
            .map(|_| ())
            .map_err(Box::new)
    }

    fn request(&self, query: &str) -> ExecutePlanRequest {
        let sql = Sql {
            query: query.to_owned(),
            ..Sql::default()
        };
        let root = Relation {
            rel_type: Some(relation::RelType::Sql(sql)),
            ..Relation::default()
        };
        ExecutePlanRequest {
            session_id: self.client.session_id().to_owned(),
            user_context: Some(UserContext::default()),
            plan: Some(Plan {
                op_type: Some(plan::OpType::Root(root)),
            }),
            ..ExecutePlanRequest::default()
        }
    }
}

/// How long to wait before reattaching after a stream that ended with no response.
#[derive(Debug, Default)]
struct IdleStreams {
    /// Streams in a row that ended at once and empty.
    in_a_row: u32,
}

impl IdleStreams {
    /// A stream that lasted less than this and brought nothing was ended at once, not held.
    const QUICK: Duration = Duration::from_millis(100);
    const FIRST_WAIT: Duration = Duration::from_millis(50);
    const MAX_WAIT: Duration = Duration::from_secs(2);

    /// The wait before the next reattach, after a stream that was open for `lasted` and
    /// brought a response or not: none while the server holds its streams or sends results,
    /// then 50 ms, doubling up to 2 s, while it ends them at once and empty.
    fn after(&mut self, received: bool, lasted: Duration) -> Option<Duration> {
        if received || lasted >= Self::QUICK {
            self.in_a_row = 0;
            return None;
        }
        let wait = Self::FIRST_WAIT.saturating_mul(1 << self.in_a_row.min(6));
        self.in_a_row = self.in_a_row.saturating_add(1);
        Some(wait.min(Self::MAX_WAIT))
    }
}

/// Appends the record batches of one Arrow IPC stream.
fn decode(batch: &ArrowBatch, into: &mut Vec<RecordBatch>) -> SparkResult<()> {
    if batch.data.is_empty() {
        return Ok(());
    }
    let reader = StreamReader::try_new(Cursor::new(&batch.data), None)
        .map_err(|e| SparkError::connect_msg(format!("cannot read an Arrow batch: {e}")))?;
    for decoded in reader {
        into.push(
            decoded
                .map_err(|e| SparkError::connect_msg(format!("cannot read an Arrow batch: {e}")))?,
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_the_server_holds_or_fills_are_reattached_at_once() {
        let mut idle = IdleStreams::default();
        assert_eq!(idle.after(false, Duration::from_secs(1)), None);
        assert_eq!(idle.after(true, Duration::from_millis(1)), None);
        assert_eq!(idle.after(true, Duration::from_secs(120)), None);
    }

    #[test]
    fn streams_ended_at_once_and_empty_back_off_to_two_seconds_and_reset() {
        let mut idle = IdleStreams::default();
        let quick = Duration::from_millis(5);
        let waits: Vec<u64> = (0..8)
            .map(|_| idle.after(false, quick).map_or(0, |w| w.as_millis() as u64))
            .collect();
        assert_eq!(waits, [50, 100, 200, 400, 800, 1600, 2000, 2000]);
        assert_eq!(idle.after(true, quick), None);
        assert_eq!(
            idle.after(false, quick),
            Some(Duration::from_millis(50)),
            "a response resets the backoff"
        );
    }
}
