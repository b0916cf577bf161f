//! The metrics contract as Spark SQL.
//!
//! Every question becomes one relation of the kept events in order, `seq`, which the cluster
//! caches, and a few aggregates over it whose results are small: one row per place, per
//! observed pair of places, per (place, status) and per stage. The map travels as an inline
//! table (each distinct log value with its place, stage and whether it is a goal) that Percorso
//! resolved itself, so aliases match exactly as in the local engine. Filters are `WHERE`
//! clauses. The rules that the local engine follows are written here again, each beside the
//! clause that implements it:
//! - an event needs a customer, a touchpoint and a timestamp (text is trimmed; empty is none);
//! - rows equal in every column are one event (the import counts the copies as duplicates);
//! - instants are UTC milliseconds, floored from Spark's microseconds;
//! - one customer's events are ordered by instant, then by the order column when one is named,
//!   then by the log value, the channel, the event type and the value, missing ones first
//!   ([`crate::analytics::Ties::Values`]);
//! - a customer's segment is the value of their latest event that has one.

use std::fmt::Write as _;

use super::{Columns, SparkSource, TimestampKind};
use crate::analytics::{CustomerQuery, CustomerSort, Params, Status};

/// Milliseconds in a day.
const DAY_MS: i64 = 86_400_000;

/// `name` as a Spark SQL identifier.
pub fn ident(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// A table name, `database.table` or `catalog.database.table`, quoted part by part.
pub fn table(name: &str) -> String {
    name.split('.').map(ident).collect::<Vec<_>>().join(".")
}

/// `text` as a Spark SQL string literal (Spark reads backslash escapes in literals).
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A double as an exact Spark SQL double.
pub fn double(x: f64) -> String {
    format!("CAST('{x:?}' AS DOUBLE)")
}

fn list(values: &[String]) -> String {
    values
        .iter()
        .map(|v| text(v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A text column, trimmed, with an empty text as missing.
fn trimmed(column: &str) -> String {
    format!("NULLIF(trim(CAST({} AS STRING)), '')", ident(column))
}

fn optional_text(column: Option<&String>) -> String {
    column.map_or_else(|| "CAST(NULL AS STRING)".to_owned(), |c| trimmed(c))
}

/// The event instant in UTC milliseconds, from a column of the given kind.
fn instant_ms(column: &str, kind: TimestampKind) -> String {
    let c = ident(column);
    let micros = match kind {
        TimestampKind::Timestamp => format!("unix_micros(CAST({c} AS TIMESTAMP))"),
        TimestampKind::Text => format!("unix_micros(try_to_timestamp(trim({c})))"),
    };
    format!("CAST(floor({micros} / 1000) AS BIGINT)")
}

/// The order of one customer's events, as the window orders them.
fn event_order(columns: &Columns) -> String {
    let order = if columns.order.is_some() { "ord, " } else { "" };
    format!("ms, {order}value, channel, event_type, amount")
}

/// One row per distinct log value: its place, stage position (NULL: none) and goal flag.
pub struct MapRow<'a> {
    pub value: &'a str,
    pub place: u32,
    pub stage: Option<u32>,
    pub goal: bool,
}

fn mapping(rows: &[MapRow]) -> String {
    if rows.is_empty() {
        return "SELECT CAST(NULL AS STRING) AS value, CAST(NULL AS INT) AS place, \
                CAST(NULL AS INT) AS stage, false AS goal WHERE false"
            .to_owned();
    }
    let mut sql = String::from("SELECT * FROM VALUES ");
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        let stage = r
            .stage
            .map_or_else(|| "CAST(NULL AS INT)".to_owned(), |s| s.to_string());
        let _ = write!(
            sql,
            "({}, {}, {}, {})",
            text(r.value),
            r.place,
            stage,
            r.goal
        );
    }
    sql.push_str(" AS m(value, place, stage, goal)");
    sql
}

/// The valid events of the table, every column named by its role (`ord` and `seg_0`… too).
fn valid(source: &SparkSource, kind: TimestampKind) -> String {
    let c = &source.columns;
    let mut sql = format!(
        "SELECT {customer} AS customer, {ms} AS ms, {value} AS value, {channel} AS channel, \
         {event_type} AS event_type, {amount} AS amount",
        customer = trimmed(&c.customer),
        ms = instant_ms(&c.timestamp, kind),
        value = trimmed(&c.touchpoint),
        channel = optional_text(c.channel.as_ref()),
        event_type = optional_text(c.event_type.as_ref()),
        amount = c.value.as_ref().map_or_else(
            || "CAST(NULL AS DOUBLE)".to_owned(),
            |v| format!("try_cast({} AS DOUBLE)", ident(v))
        ),
    );
    if let Some(order) = &c.order {
        let _ = write!(sql, ", {} AS ord", ident(order));
    }
    for (i, segment) in c.segments.iter().enumerate() {
        let _ = write!(sql, ", {} AS seg_{i}", trimmed(segment));
    }
    // Rows equal in every column are one event, as the import counts the copies as duplicates.
    let _ = write!(
        sql,
        " FROM (SELECT DISTINCT * FROM {}) WHERE {} IS NOT NULL AND {} IS NOT NULL AND {} IS NOT NULL",
        table(&source.table),
        trimmed(&c.customer),
        trimmed(&c.touchpoint),
        instant_ms(&c.timestamp, kind)
    );
    sql
}

/// The distinct log values of the table with their first instant, in order of first
/// appearance (instant, then text): the touchpoints of a journey-less report.
pub fn distinct_values(source: &SparkSource, kind: TimestampKind) -> String {
    format!(
        "SELECT value, min(ms) AS first_ms FROM ({}) GROUP BY value ORDER BY first_ms, value",
        valid(source, kind)
    )
}

/// The kept events in order, with each one's place, stage, next place and next instant: what
/// every aggregate reads. `exposure_types` mark exposures.
pub fn sequence(
    source: &SparkSource,
    kind: TimestampKind,
    map: &[MapRow],
    exposure_types: &[String],
    params: &Params,
) -> crate::Result<String> {
    let columns = &source.columns;
    let mut conditions: Vec<String> = Vec::new();
    if let Some(from) = params.from_ms {
        conditions.push(format!("v.ms >= {from}"));
    }
    if let Some(to) = params.to_ms {
        conditions.push(format!("v.ms < {to}"));
    }
    if !params.channels.is_empty() {
        conditions.push(format!("v.channel IN ({})", list(&params.channels)));
    }
    let mut with = format!(
        "WITH valid AS ({}), mapping AS ({})",
        valid(source, kind),
        mapping(map)
    );
    if !params.segments.is_empty() {
        with.push_str(&segmented(columns, params)?);
        conditions.push("v.customer IN (SELECT customer FROM segmented)".to_owned());
    }
    let exposure = if exposure_types.is_empty() {
        "false".to_owned()
    } else {
        format!("coalesce(event_type IN ({}), false)", list(exposure_types))
    };
    let order = if columns.order.is_some() {
        ", v.ord"
    } else {
        ""
    };
    let filter = if conditions.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conditions.join(" AND "))
    };
    Ok(format!(
        "{with}, kept AS (SELECT v.customer, v.ms, v.value, v.channel, v.event_type, v.amount{order}, \
         coalesce(m.place, -1) AS place, m.stage, coalesce(m.goal, false) AS goal \
         FROM valid v LEFT JOIN mapping m ON v.value = m.value{filter}) \
         SELECT customer, ms, value, place, stage, goal, channel, event_type, amount, \
         {exposure} AS exposure, \
         row_number() OVER w AS pos, lead(place) OVER w AS next_place, lead(ms) OVER w AS next_ms \
         FROM kept WINDOW w AS (PARTITION BY customer ORDER BY {})",
        event_order(columns)
    ))
}

/// `, segmented AS (…)`: the customers whose segment values match, each attribute's wanted
/// values being alternatives and different attributes all having to match.
fn segmented(columns: &Columns, params: &Params) -> crate::Result<String> {
    let mut names: Vec<&str> = params
        .segments
        .iter()
        .map(|s| s.attribute.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    let order = format!(
        "struct(ms, {}value, channel, event_type, amount)",
        if columns.order.is_some() { "ord, " } else { "" }
    );
    let mut having = Vec::new();
    for name in names {
        let index = columns
            .segments
            .iter()
            .position(|s| s == name)
            .ok_or_else(|| {
                crate::Error::InvalidInput(format!(
                    "no segment attribute named \"{name}\" in this table's roles; known attributes: {}",
                    if columns.segments.is_empty() {
                        "none".to_owned()
                    } else {
                        columns.segments.join(", ")
                    }
                ))
            })?;
        let wanted: Vec<String> = params
            .segments
            .iter()
            .filter(|s| s.attribute == name)
            .map(|s| s.value.clone())
            .collect();
        having.push(format!(
            "max_by(seg_{index}, {order}) FILTER (WHERE seg_{index} IS NOT NULL) IN ({})",
            list(&wanted)
        ));
    }
    Ok(format!(
        ", segmented AS (SELECT customer FROM valid GROUP BY customer HAVING {})",
        having.join(" AND ")
    ))
}

/// Seconds from an event to the same customer's next one.
const NEXT_S: &str = "CAST(next_ms - ms AS DOUBLE) / 1000";

/// Events, customers and the latest instant kept; `unknown` counts events whose value the map
/// passed to [`sequence`] did not list (the table changed since its values were read).
pub fn totals(seq: &str) -> String {
    format!(
        "SELECT count(*) AS events, count(DISTINCT customer) AS customers, max(ms) AS max_ms, \
         count_if(place < 0) AS unknown FROM {seq}"
    )
}

/// One row per place.
pub fn places(seq: &str) -> String {
    format!(
        "SELECT place, count(*) AS events, count(DISTINCT customer) AS customers, \
         count_if(exposure) AS exposure_events, \
         count(DISTINCT CASE WHEN NOT exposure THEN customer END) AS interacting, \
         avg(amount) AS value_mean, count_if(next_place IS NULL) AS last_here, \
         percentile(CASE WHEN next_ms IS NOT NULL THEN {NEXT_S} END, 0.5) AS median_next_s, \
         percentile(CASE WHEN next_ms IS NOT NULL THEN {NEXT_S} END, 0.9) AS p90_next_s \
         FROM {seq} WHERE place >= 0 GROUP BY place"
    )
}

/// The p90 of the time to the next event per place: all of [`places`] that a page of customers
/// needs to tell who is stalled.
pub fn p90s(seq: &str) -> String {
    format!(
        "SELECT place, percentile({NEXT_S}, 0.9) AS p90_next_s \
         FROM {seq} WHERE place >= 0 AND next_ms IS NOT NULL GROUP BY place"
    )
}

/// One row per observed directly-follows pair of places.
pub fn pairs(seq: &str) -> String {
    format!(
        "SELECT place, next_place, count(*) AS count, count(DISTINCT customer) AS customers, \
         percentile({NEXT_S}, 0.5) AS median_s, percentile({NEXT_S}, 0.9) AS p90_s \
         FROM {seq} WHERE next_place IS NOT NULL AND place >= 0 AND next_place >= 0 \
         GROUP BY place, next_place"
    )
}

/// Per stage: customers who reached it, and those who then reached the next one after their
/// first event in it.
pub fn stages(seq: &str) -> String {
    format!(
        "WITH cs AS (SELECT customer, stage, min(pos) AS first_pos, max(pos) AS last_pos \
         FROM {seq} WHERE stage IS NOT NULL GROUP BY customer, stage) \
         SELECT a.stage, count(*) AS reached, count_if(b.last_pos > a.first_pos) AS converted \
         FROM cs a LEFT JOIN cs b ON a.customer = b.customer AND b.stage = a.stage + 1 \
         GROUP BY a.stage"
    )
}

/// Status codes in SQL, in the order of [`status_of_code`].
const STATUS_CASE: &str = "CASE WHEN l.goal THEN 0 WHEN l.ms < {threshold} THEN 1 \
     WHEN p.p90 IS NOT NULL AND CAST({as_of} - l.ms AS DOUBLE) / 1000 > p.p90 THEN 2 ELSE 3 END";

pub fn status_of_code(code: i64) -> Status {
    match code {
        0 => Status::Completed,
        1 => Status::Dropped,
        2 => Status::Stalled,
        _ => Status::Active,
    }
}

fn status_code(status: Status) -> u8 {
    match status {
        Status::Completed => 0,
        Status::Dropped => 1,
        Status::Stalled => 2,
        Status::Active => 3,
    }
}

/// What decides each customer's standing: the cached sequence, the instant and inactivity
/// window of the report, and the p90s of the nodes that have one (those of the report, so that
/// both say the same about who is stalled).
pub struct Standing<'a> {
    pub seq: &'a str,
    pub as_of_ms: i64,
    pub inactive_days: u32,
    pub p90: &'a [(u32, f64)],
}

/// What a page of customers selects, resolved to places and stage positions.
pub struct Selection {
    pub place: Option<u32>,
    pub stage: Option<u32>,
    pub reached_stage: Option<u32>,
    pub transition: Option<(u32, u32)>,
}

impl Standing<'_> {
    /// Every customer's facts: their latest event's place, stage and instant, kept events,
    /// furthest stage and status (metrics.md's precedence: completed, dropped, stalled,
    /// active).
    fn facts(&self) -> String {
        let seq = self.seq;
        let threshold = self
            .as_of_ms
            .saturating_sub(i64::from(self.inactive_days) * DAY_MS);
        let p90_rows = if self.p90.is_empty() {
            "SELECT CAST(NULL AS INT) AS place, CAST(NULL AS DOUBLE) AS p90 WHERE false".to_owned()
        } else {
            let rows: Vec<String> = self
                .p90
                .iter()
                .map(|(place, q)| format!("({place}, {})", double(*q)))
                .collect();
            format!("SELECT * FROM VALUES {} AS p(place, p90)", rows.join(", "))
        };
        let status = STATUS_CASE
            .replace("{threshold}", &threshold.to_string())
            .replace("{as_of}", &self.as_of_ms.to_string());
        format!(
            "WITH p90 AS ({p90_rows}), \
             per AS (SELECT customer, count(*) AS events, max(stage) AS furthest FROM {seq} GROUP BY customer), \
             l AS (SELECT customer, place, stage, goal, ms FROM {seq} WHERE next_place IS NULL) \
             SELECT l.customer, l.place, l.stage, l.ms AS last_ms, per.events, per.furthest, \
             {status} AS status \
             FROM l JOIN per ON l.customer = per.customer LEFT JOIN p90 p ON l.place = p.place"
        )
    }

    /// Customers per (latest place, status).
    pub fn placement(&self) -> String {
        format!(
            "SELECT place, status, count(*) AS customers FROM ({}) GROUP BY place, status",
            self.facts()
        )
    }

    fn selected(&self, query: &CustomerQuery, chosen: &Selection) -> String {
        let seq = self.seq;
        let mut conditions = Vec::new();
        if let Some(p) = chosen.place {
            conditions.push(format!("place = {p}"));
        }
        if let Some(s) = chosen.stage {
            conditions.push(format!("stage = {s}"));
        }
        if let Some(status) = query.status {
            conditions.push(format!("status = {}", status_code(status)));
        }
        if let Some(s) = chosen.reached_stage {
            conditions.push(format!(
                "customer IN (SELECT customer FROM {seq} WHERE stage = {s})"
            ));
        }
        if let Some((a, b)) = chosen.transition {
            conditions.push(format!(
                "customer IN (SELECT customer FROM {seq} WHERE place = {a} AND next_place = {b})"
            ));
        }
        let filter = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        format!("SELECT * FROM ({}){filter}", self.facts())
    }

    /// How many customers a page query selects.
    pub fn customer_count(&self, query: &CustomerQuery, chosen: &Selection) -> String {
        format!(
            "SELECT count(*) AS total FROM ({})",
            self.selected(query, chosen)
        )
    }

    /// One page of the customers a query selects, in its order.
    pub fn customer_page(&self, query: &CustomerQuery, chosen: &Selection) -> String {
        let direction = if query.descending { " DESC" } else { "" };
        let order = match query.sort {
            CustomerSort::Id => format!("customer{direction}"),
            CustomerSort::LastEvent => format!("last_ms{direction}, customer{direction}"),
            CustomerSort::Events => format!("events{direction}, customer{direction}"),
        };
        let mut sql = format!("{} ORDER BY {order}", self.selected(query, chosen));
        if query.limit > 0 {
            let _ = write!(sql, " LIMIT {}", query.limit);
        }
        if query.offset > 0 {
            let _ = write!(sql, " OFFSET {}", query.offset);
        }
        sql
    }
}

/// One customer's events, unfiltered, in event order.
pub fn customer_path(
    source: &SparkSource,
    kind: TimestampKind,
    map: &[MapRow],
    customer: &str,
) -> String {
    format!(
        "WITH valid AS ({}), mapping AS ({}) \
         SELECT ms, value, place, channel, event_type, amount FROM \
         (SELECT v.*, coalesce(m.place, -1) AS place FROM valid v \
         LEFT JOIN mapping m ON v.value = m.value WHERE v.customer = {}) \
         ORDER BY {}",
        valid(source, kind),
        mapping(map),
        text(customer),
        event_order(&source.columns)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_names_cannot_break_out() {
        assert_eq!(text("it's a \\ test"), r"'it\'s a \\ test'");
        assert_eq!(ident("odd`name"), "`odd``name`");
        assert_eq!(table("lake.events"), "`lake`.`events`");
        assert_eq!(double(0.1), "CAST('0.1' AS DOUBLE)");
        assert_eq!(double(3600.0), "CAST('3600.0' AS DOUBLE)");
    }
}
