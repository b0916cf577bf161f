//! The Spark connection a workspace keeps: where its numbers are computed when its log lives on
//! a cluster. A token is never stored (see [`crate::spark::TOKEN_VARIABLE`]).

use rusqlite::OptionalExtension;

use super::Workspace;
use crate::error::{Error, Result};
use crate::spark::{Columns, SparkSource};

impl Workspace {
    /// The stored Spark connection, if any.
    pub fn spark_source(&self) -> Result<Option<SparkSource>> {
        let row = self
            .conn
            .query_row(
                "SELECT url, table_name, columns FROM spark_connection WHERE id = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()?;
        row.map(|(url, table, columns)| {
            let columns: Columns = serde_json::from_str(&columns).map_err(|e| {
                Error::CorruptData(format!("the stored Spark columns are not valid JSON: {e}"))
            })?;
            Ok(SparkSource {
                url,
                table,
                columns,
            })
        })
        .transpose()
    }

    /// Stores `source` as the workspace's Spark connection (checked first, so a token is never
    /// written), or forgets it with `None`.
    pub fn set_spark_source(&mut self, source: Option<&SparkSource>) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM spark_connection", [])?;
        if let Some(source) = source {
            source.check()?;
            let columns = serde_json::to_string(&source.columns)
                .map_err(|e| Error::InvalidInput(format!("Spark columns: {e}")))?;
            tx.execute(
                "INSERT INTO spark_connection (id, url, table_name, columns) VALUES (1, ?1, ?2, ?3)",
                (&source.url, &source.table, &columns),
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_is_stored_reopened_and_forgotten_and_a_token_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.percorso");
        let mut ws = Workspace::create(&path, false).unwrap();
        assert_eq!(ws.spark_source().unwrap(), None);
        let source = SparkSource {
            url: "sc://spark.example.com:15002".into(),
            table: "lake.events".into(),
            columns: Columns {
                customer: "customer_id".into(),
                timestamp: "ts".into(),
                touchpoint: "touchpoint".into(),
                order: Some("seq".into()),
                segments: vec!["region".into()],
                ..Columns::default()
            },
        };
        ws.set_spark_source(Some(&source)).unwrap();
        drop(ws);
        let mut ws = Workspace::open(&path).unwrap();
        assert_eq!(ws.spark_source().unwrap(), Some(source.clone()));

        let with_token = SparkSource {
            url: "sc://h:1/;token=secret".into(),
            ..source.clone()
        };
        assert!(ws.set_spark_source(Some(&with_token)).is_err());
        assert_eq!(ws.spark_source().unwrap(), Some(source), "unchanged");
        ws.set_spark_source(None).unwrap();
        assert_eq!(ws.spark_source().unwrap(), None);
    }
}
