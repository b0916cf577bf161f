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
use std::time::Duration;

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
        loop {
            match block_on(stream.message()) {
                Ok(Some(response)) => {
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
                // asked for again.
                Ok(None) => {}
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
