//! Reports computed on an Apache Spark cluster over Spark Connect, for logs that live in a data
//! lake or warehouse and cannot come to a laptop (`docs/spark.md`).
//!
//! Percorso sends the metrics contract as SQL ([`sql`]) and brings back only aggregates and
//! pages of customers; the map, its aliases and goals stay in the workspace and travel as an
//! inline mapping table. The client lives behind the cargo feature `spark`, which the CLI and
//! the app enable; the connection settings below are plain data, so a workspace stores them
//! whatever the build.

#[cfg(feature = "spark")]
mod rows;
pub mod sql;

#[cfg(feature = "spark")]
mod connection;
#[cfg(feature = "spark")]
mod engine;
#[cfg(feature = "spark")]
pub use connection::Connection;
#[cfg(feature = "spark")]
pub use engine::SparkEngine;
#[cfg(feature = "spark")]
mod token;
#[cfg(feature = "spark")]
pub use token::{TokenOrigin, KEYRING_SERVICE};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The environment variable a Spark token is read from first, before the system keyring; a
/// token is never stored in a file.
pub const TOKEN_VARIABLE: &str = "PERCORSO_SPARK_TOKEN";

/// How far a report on Spark has come: `done` of `of` steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct SparkProgress {
    pub done: u32,
    pub of: u32,
}

/// A table on a Spark cluster and which of its columns play which role.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SparkSource {
    /// `sc://host:port`, with no token.
    pub url: String,
    /// `table`, `database.table` or `catalog.database.table`.
    pub table: String,
    pub columns: Columns,
}

/// The columns of a Spark table by role, as the import's roles name them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Columns {
    pub customer: String,
    /// A timestamp or date column, or ISO 8601 text (an offset in the text is honoured; text
    /// without one is UTC).
    pub timestamp: String,
    pub touchpoint: String,
    pub channel: Option<String>,
    pub event_type: Option<String>,
    pub value: Option<String>,
    pub segments: Vec<String>,
    /// Orders one customer's events at the same instant (a sequence number, an ingestion time);
    /// without it ties go by the log value, channel, event type and value.
    pub order: Option<String>,
}

impl Columns {
    /// Every column named, with its role, in the order they are checked.
    pub fn named(&self) -> Vec<(&'static str, &str)> {
        let mut named = vec![
            ("customer", self.customer.as_str()),
            ("timestamp", self.timestamp.as_str()),
            ("touchpoint", self.touchpoint.as_str()),
        ];
        let optional = [
            ("channel", &self.channel),
            ("event type", &self.event_type),
            ("value", &self.value),
            ("order", &self.order),
        ];
        for (role, column) in optional {
            if let Some(c) = column {
                named.push((role, c.as_str()));
            }
        }
        named.extend(self.segments.iter().map(|s| ("segment", s.as_str())));
        named
    }
}

/// How the timestamp column's type is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampKind {
    /// `timestamp`, `timestamp_ntz` or `date`.
    Timestamp,
    /// Text, parsed as ISO 8601.
    Text,
}

impl TimestampKind {
    /// The kind of a Spark type name as `DESCRIBE TABLE` gives it.
    pub fn of_type(column: &str, spark_type: &str) -> Result<TimestampKind> {
        let t = spark_type.to_ascii_lowercase();
        if t.starts_with("timestamp") || t == "date" {
            Ok(TimestampKind::Timestamp)
        } else if t == "string" || t.starts_with("varchar") || t.starts_with("char") {
            Ok(TimestampKind::Text)
        } else {
            Err(Error::InvalidInput(format!(
                "the timestamp column \"{column}\" is of type {spark_type}; choose a timestamp or \
                 date column, or one holding ISO 8601 text"
            )))
        }
    }
}

impl SparkSource {
    /// Checks what can be checked without the cluster: an `sc://` address without a token, a
    /// table, and the three columns every event needs.
    pub fn check(&self) -> Result<()> {
        if !self.url.starts_with("sc://") {
            return Err(Error::InvalidInput(format!(
                "\"{}\" is not a Spark Connect address; write it as sc://host:port",
                self.url
            )));
        }
        if self.url.to_ascii_lowercase().contains("token=") {
            return Err(Error::InvalidInput(format!(
                "the address holds a token, and Percorso never stores one: remove it from the \
                 address and keep it in the system keyring (percorso spark token) or the \
                 environment variable {TOKEN_VARIABLE} instead"
            )));
        }
        if self.table.trim().is_empty() {
            return Err(Error::InvalidInput(
                "name the Spark table to read".to_owned(),
            ));
        }
        for (role, column) in self.columns.named() {
            if column.trim().is_empty() {
                return Err(Error::MissingRole { role });
            }
        }
        Ok(())
    }

    /// The address to connect to: the stored one, with the token from [`TOKEN_VARIABLE`] or
    /// the system keyring when there is one.
    #[cfg(feature = "spark")]
    pub fn connect_url(&self) -> String {
        match self.token() {
            Some((token, _)) => with_token(&self.url, &token),
            None => self.url.clone(),
        }
    }
}

/// The default port of a Spark Connect server.
const DEFAULT_PORT: u16 = 15002;

/// How long to wait for the server to accept a connection before saying it is unreachable.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

impl SparkSource {
    /// `host:port` of the address.
    pub fn host_port(&self) -> String {
        let rest = self.url.trim_start_matches("sc://");
        let authority = rest.split(['/', ';']).next().unwrap_or_default();
        let has_port = authority
            .rsplit_once(':')
            .is_some_and(|(_, port)| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()))
            && !authority.ends_with(']');
        if has_port {
            authority.to_owned()
        } else {
            format!("{authority}:{DEFAULT_PORT}")
        }
    }

    /// Whether the server accepts a connection within a few seconds. Spark's client retries an
    /// unreachable server for minutes; this answers at once.
    pub fn check_reachable(&self) -> Result<()> {
        use std::net::{TcpStream, ToSocketAddrs};
        let unreachable = |detail: String| Error::SparkUnreachable {
            url: self.url.clone(),
            detail,
        };
        let target = self.host_port();
        let addresses = target
            .to_socket_addrs()
            .map_err(|e| unreachable(format!("{target}: {e}")))?;
        let mut last = format!("{target}: no address");
        for address in addresses {
            match TcpStream::connect_timeout(&address, CONNECT_TIMEOUT) {
                Ok(_) => return Ok(()),
                Err(e) => last = format!("{address}: {e}"),
            }
        }
        Err(unreachable(last))
    }
}

/// `url` with `;token=…` among its parameters (`sc://host:port/;param=value…`).
#[cfg(any(feature = "spark", test))]
fn with_token(url: &str, token: &str) -> String {
    let rest = url.trim_start_matches("sc://");
    if rest.contains('/') {
        format!("{url};token={token}")
    } else {
        format!("{url}/;token={token}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> SparkSource {
        SparkSource {
            url: "sc://127.0.0.1:15002".to_owned(),
            table: "events".to_owned(),
            columns: Columns {
                customer: "customer".to_owned(),
                timestamp: "ts".to_owned(),
                touchpoint: "touchpoint".to_owned(),
                ..Columns::default()
            },
        }
    }

    #[test]
    fn a_token_goes_among_the_address_parameters_and_never_into_the_stored_address() {
        assert_eq!(with_token("sc://h:15002", "t0k"), "sc://h:15002/;token=t0k");
        assert_eq!(
            with_token("sc://h:15002/;user_id=ana", "t0k"),
            "sc://h:15002/;user_id=ana;token=t0k"
        );
        let mut s = source();
        assert!(s.check().is_ok());
        s.url = "sc://h:15002/;token=secret".to_owned();
        assert!(s.check().unwrap_err().to_string().contains(TOKEN_VARIABLE));
        s.url = "http://h".to_owned();
        assert!(s
            .check()
            .unwrap_err()
            .to_string()
            .contains("sc://host:port"));
    }

    #[test]
    fn the_host_and_port_come_from_the_address() {
        let mut s = source();
        assert_eq!(s.host_port(), "127.0.0.1:15002");
        s.url = "sc://spark.example.com/;user_id=ana".to_owned();
        assert_eq!(s.host_port(), "spark.example.com:15002");
        s.url = "sc://[::1]:443".to_owned();
        assert_eq!(s.host_port(), "[::1]:443");
        s.url = "sc://127.0.0.1:9".to_owned();
        let err = s.check_reachable().unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::SparkUnreachable);
    }

    #[test]
    fn every_needed_role_must_name_a_column() {
        let mut s = source();
        s.columns.touchpoint = " ".to_owned();
        assert_eq!(
            s.check().unwrap_err().code(),
            crate::error::ErrorCode::MissingRole
        );
    }

    #[test]
    fn timestamp_types_are_read_or_refused() {
        assert_eq!(
            TimestampKind::of_type("t", "timestamp_ntz").unwrap(),
            TimestampKind::Timestamp
        );
        assert_eq!(
            TimestampKind::of_type("t", "date").unwrap(),
            TimestampKind::Timestamp
        );
        assert_eq!(
            TimestampKind::of_type("t", "string").unwrap(),
            TimestampKind::Text
        );
        assert!(TimestampKind::of_type("t", "bigint").is_err());
    }
}
