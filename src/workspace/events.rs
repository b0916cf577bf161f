//! Storing and loading the event log.
//!
//! Each source's events are stored in file order as chunks of columns, with the source's own text
//! dictionaries. Loading concatenates the sources in import order, which is the tie-break order
//! that metrics.md prescribes for events at the same instant.

use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::blob;
use super::journeys::{insert_journey_in, JourneyDraft};
use super::Workspace;
use crate::error::{Error, Result};
use crate::journey::JourneyId;
use crate::log::{Attribute, Dictionary, EventLog};

/// Events per stored chunk: large enough that per-row SQLite overhead vanishes, small enough that
/// a chunk's columns stay a few megabytes.
const CHUNK_ROWS: usize = 1 << 16;

/// The facts of an import that are stored with its events.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDraft {
    pub name: String,
    pub file_name: String,
    pub content_hash: String,
    /// IANA zone in which naive timestamps were read.
    pub timezone: String,
    /// The column mapping, as JSON.
    pub mapping: String,
    pub rows_read: u64,
    pub rows_rejected: u64,
    pub duplicates: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SourceSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub file_name: String,
    pub timezone: String,
    pub imported_at: String,
    #[ts(type = "number")]
    pub rows_read: u64,
    #[ts(type = "number")]
    pub events_imported: u64,
    #[ts(type = "number")]
    pub rows_rejected: u64,
    #[ts(type = "number")]
    pub duplicates: u64,
}

/// A row that was not imported, as `percorso rejected --format json` prints it (metrics.md).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RejectedRow {
    pub source: String,
    /// 1-based physical line on which the record starts; the header is line 1.
    #[ts(type = "number")]
    pub line: u64,
    pub reason: String,
    pub message: String,
    pub raw: String,
}

/// A page of rejected rows and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RejectedPage {
    #[ts(type = "number")]
    pub total: u64,
    #[ts(type = "number")]
    pub offset: u64,
    pub rows: Vec<RejectedRow>,
}

/// A rejected row to be stored with its source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RejectedDraft<'a> {
    pub line: u64,
    pub reason: &'a str,
    pub message: &'a str,
    pub raw: &'a str,
}

const DICTIONARIES: [&str; 4] = ["customer", "touchpoint", "channel", "event_type"];

impl Workspace {
    /// Stores a source and its events in one transaction: either all of it is in the workspace
    /// afterwards, or none of it.
    pub fn add_source(&mut self, source: &SourceDraft, log: &EventLog) -> Result<i64> {
        let never = AtomicBool::new(false);
        let (id, _) = self.store_import(source, log, &[], None, &never)?;
        Ok(id)
    }

    /// Stores an import in one transaction: the journey made from its values (when the workspace
    /// had none), the source, its events and its rejected rows. Setting `cancel` while it runs
    /// rolls everything back and returns [`Error::Cancelled`].
    pub fn store_import(
        &mut self,
        source: &SourceDraft,
        log: &EventLog,
        rejected: &[RejectedDraft<'_>],
        new_journey: Option<&JourneyDraft>,
        cancel: &AtomicBool,
    ) -> Result<(i64, Option<JourneyId>)> {
        let tx = self.conn.transaction()?;
        let journey = new_journey
            .map(|draft| insert_journey_in(&tx, draft))
            .transpose()?;
        tx.execute(
            "INSERT INTO sources (name, file_name, content_hash, timezone, mapping, imported_at,
                                  rows_read, events_imported, rows_rejected, duplicates)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                source.name,
                source.file_name,
                source.content_hash,
                source.timezone,
                source.mapping,
                chrono::Utc::now().to_rfc3339(),
                to_i64(source.rows_read),
                to_i64(log.len() as u64),
                to_i64(source.rows_rejected),
                to_i64(source.duplicates),
            ],
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut put = tx.prepare(
                "INSERT INTO source_dictionaries (source_id, name, data) VALUES (?1, ?2, ?3)",
            )?;
            let dictionaries = [
                &log.customers,
                &log.touchpoints,
                &log.channels,
                &log.event_types,
            ];
            for (name, dictionary) in DICTIONARIES.iter().zip(dictionaries) {
                put.execute(params![id, name, blob::put_strings(dictionary.values())])?;
            }
            let mut put = tx.prepare(
                "INSERT INTO event_chunks (source_id, chunk, rows, customer, instant, touchpoint,
                                           channel, event_type, value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for (chunk, start) in (0..log.len()).step_by(CHUNK_ROWS).enumerate() {
                if cancel.load(Ordering::Relaxed) {
                    return Err(Error::Cancelled);
                }
                let end = (start + CHUNK_ROWS).min(log.len());
                put.execute(params![
                    id,
                    chunk as i64,
                    (end - start) as i64,
                    blob::put_deltas(log.customer[start..end].iter().map(|&c| i64::from(c))),
                    blob::put_deltas(log.instant_ms[start..end].iter().copied()),
                    blob::put_codes(&log.touchpoint[start..end]),
                    blob::put_codes(&log.channel[start..end]),
                    blob::put_codes(&log.event_type[start..end]),
                    blob::put_values(&log.value[start..end]),
                ])?;
            }
            let mut put = tx.prepare(
                "INSERT INTO customer_attributes (source_id, name, dictionary, of_customer)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for a in &log.attributes {
                put.execute(params![
                    id,
                    a.name,
                    blob::put_strings(a.values.values()),
                    blob::put_u32s(&a.of_customer)
                ])?;
            }
            let mut put = tx.prepare(
                "INSERT INTO rejected_rows (source_id, line, reason, message, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for r in rejected {
                put.execute(params![id, to_i64(r.line), r.reason, r.message, r.raw])?;
            }
        }
        if cancel.load(Ordering::Relaxed) {
            return Err(Error::Cancelled);
        }
        tx.commit()?;
        Ok((id, journey))
    }

    /// The name of a source imported from a file with this content hash, if any.
    pub fn source_with_content(&self, content_hash: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name FROM sources WHERE content_hash = ?1 ORDER BY id LIMIT 1",
                [content_hash],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Removes a source with its events and rejected rows; journeys, touchpoints and aliases
    /// stay as they are.
    pub fn remove_source(&mut self, id: i64) -> Result<()> {
        let removed = self
            .conn
            .execute("DELETE FROM sources WHERE id = ?1", [id])?;
        if removed == 0 {
            return Err(Error::NotFound { what: "source", id });
        }
        Ok(())
    }

    /// Rejected rows of one source, or of all, in import order and line order.
    pub fn rejected_rows(&self, source: Option<i64>) -> Result<Vec<RejectedRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, r.line, r.reason, r.message, r.raw
             FROM rejected_rows r JOIN sources s ON s.id = r.source_id
             WHERE ?1 IS NULL OR r.source_id = ?1
             ORDER BY r.source_id, r.line, r.id",
        )?;
        let rows = stmt.query_map([source], |r| {
            Ok(RejectedRow {
                source: r.get(0)?,
                line: to_u64(r.get(1)?),
                reason: r.get(2)?,
                message: r.get(3)?,
                raw: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One page of [`Self::rejected_rows`], with the total, for a table that scrolls through
    /// millions of rows without loading them.
    pub fn rejected_page(
        &self,
        source: Option<i64>,
        offset: u64,
        limit: u64,
    ) -> Result<RejectedPage> {
        let total: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM rejected_rows WHERE ?1 IS NULL OR source_id = ?1",
            [source],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT s.name, r.line, r.reason, r.message, r.raw
             FROM rejected_rows r JOIN sources s ON s.id = r.source_id
             WHERE ?1 IS NULL OR r.source_id = ?1
             ORDER BY r.source_id, r.line, r.id
             LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map(params![source, to_i64(limit), to_i64(offset)], |r| {
            Ok(RejectedRow {
                source: r.get(0)?,
                line: to_u64(r.get(1)?),
                reason: r.get(2)?,
                message: r.get(3)?,
                raw: r.get(4)?,
            })
        })?;
        Ok(RejectedPage {
            total: to_u64(total),
            offset,
            rows: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, file_name, timezone, imported_at, rows_read, events_imported,
                    rows_rejected, duplicates
             FROM sources ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SourceSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                file_name: r.get(2)?,
                timezone: r.get(3)?,
                imported_at: r.get(4)?,
                rows_read: to_u64(r.get(5)?),
                events_imported: to_u64(r.get(6)?),
                rows_rejected: to_u64(r.get(7)?),
                duplicates: to_u64(r.get(8)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn event_count(&self) -> Result<u64> {
        let n: i64 =
            self.conn
                .query_row("SELECT COALESCE(SUM(rows), 0) FROM event_chunks", [], |r| {
                    r.get(0)
                })?;
        Ok(to_u64(n))
    }

    /// Loads every source's events, in import order.
    pub fn load_log(&self) -> Result<EventLog> {
        self.load_log_reporting(&mut |_, _| {}, &AtomicBool::new(false))
    }

    /// [`Workspace::load_log`], telling `loaded(events read, events in all)` after each chunk
    /// of events, so that a long load shows its progress. Setting `cancel` stops it after the
    /// chunk being read, with [`Error::Cancelled`].
    pub fn load_log_reporting(
        &self,
        loaded: &mut dyn FnMut(u64, u64),
        cancel: &AtomicBool,
    ) -> Result<EventLog> {
        let mut log = EventLog::default();
        let sources = self.sources()?;
        let total: u64 = sources.iter().map(|s| s.events_imported).sum();
        let mut before = 0u64;
        for source in sources {
            let part = self.load_source(source.id, &mut |n| loaded(before + n, total), cancel)?;
            before += part.len() as u64;
            if log.is_empty() {
                log = part;
            } else {
                log.append(&part);
            }
        }
        Ok(log)
    }

    fn load_source(
        &self,
        source: i64,
        loaded: &mut dyn FnMut(u64),
        cancel: &AtomicBool,
    ) -> Result<EventLog> {
        let mut blobs: Vec<Vec<u8>> = Vec::with_capacity(DICTIONARIES.len());
        for name in DICTIONARIES {
            blobs.push(self.conn.query_row(
                "SELECT data FROM source_dictionaries WHERE source_id = ?1 AND name = ?2",
                params![source, name],
                |r| r.get(0),
            )?);
        }
        // Building the dictionaries (a million customer ids) overlaps with reading the events.
        std::thread::scope(|scope| {
            let dictionaries = scope.spawn(|| {
                DICTIONARIES
                    .iter()
                    .zip(&blobs)
                    .map(|(name, data)| Ok(Dictionary::from_values(blob::get_strings(data, name)?)))
                    .collect::<Result<Vec<Dictionary>>>()
            });
            let mut log = self.load_events(source, loaded, cancel)?;
            let mut dictionaries = dictionaries
                .join()
                .map_err(|_| Error::CorruptData("a dictionary could not be decoded".into()))??
                .into_iter();
            let mut next = || dictionaries.next().unwrap_or_default();
            log.customers = next();
            log.touchpoints = next();
            log.channels = next();
            log.event_types = next();
            Ok(log)
        })
    }

    /// A source's event columns and segment attributes, without its dictionaries.
    fn load_events(
        &self,
        source: i64,
        loaded: &mut dyn FnMut(u64),
        cancel: &AtomicBool,
    ) -> Result<EventLog> {
        let mut log = EventLog::default();
        let total: i64 = self.conn.query_row(
            "SELECT COALESCE(SUM(rows), 0) FROM event_chunks WHERE source_id = ?1",
            [source],
            |r| r.get(0),
        )?;
        let total = usize::try_from(total).unwrap_or(0);
        log.customer.reserve(total);
        log.instant_ms.reserve(total);
        log.touchpoint.reserve(total);
        log.channel.reserve(total);
        log.event_type.reserve(total);
        log.value.reserve(total);
        let mut stmt = self.conn.prepare(
            "SELECT rows, customer, instant, touchpoint, channel, event_type, value
             FROM event_chunks WHERE source_id = ?1 ORDER BY chunk",
        )?;
        let mut rows = stmt.query([source])?;
        while let Some(r) = rows.next()? {
            let n = usize::try_from(r.get::<_, i64>(0)?)
                .map_err(|_| Error::CorruptData("negative chunk size".into()))?;
            let column = |i: usize| blob_at(r, i);
            blob::get_deltas(column(1)?, n, "customer", &mut log.customer, |c| {
                u32::try_from(c).ok()
            })?;
            blob::get_deltas(column(2)?, n, "instant", &mut log.instant_ms, Some)?;
            blob::get_codes(column(3)?, n, "touchpoint", &mut log.touchpoint)?;
            blob::get_codes(column(4)?, n, "channel", &mut log.channel)?;
            blob::get_codes(column(5)?, n, "event_type", &mut log.event_type)?;
            blob::get_values(column(6)?, n, "value", &mut log.value)?;
            loaded(log.customer.len() as u64);
            if cancel.load(Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT name, dictionary, of_customer FROM customer_attributes
             WHERE source_id = ?1 ORDER BY name",
        )?;
        let mut rows = stmt.query([source])?;
        while let Some(r) = rows.next()? {
            let name: String = r.get(0)?;
            let values = blob::get_strings(blob_at(r, 1)?, &name)?;
            let of_customer = blob_at(r, 2)?;
            log.attributes.push(Attribute {
                of_customer: blob::get_u32s(of_customer, of_customer.len() / 4, &name)?,
                values: Dictionary::from_values(values),
                name,
            });
        }
        Ok(log)
    }
}

fn blob_at<'a>(row: &'a rusqlite::Row<'_>, column: usize) -> Result<&'a [u8]> {
    row.get_ref(column)?
        .as_blob()
        .map_err(|e| Error::CorruptData(format!("column {column} of an event chunk: {e}")))
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
