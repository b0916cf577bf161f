//! Arguments shared by the commands that ask analytics a question: which workspace and journey,
//! the as-of time, the inactivity threshold and the filters.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use clap::Args;

use percorso::analytics::{Analysis, Params, Segment};
use percorso::engine::Engine;
use percorso::error::{Error, Result};
use percorso::journey::JourneyId;
use percorso::spark::{Columns, SparkSource};
use percorso::workspace::Workspace;

/// The workspace and the journey a question is about.
#[derive(Debug, Clone, Args)]
pub struct Target {
    /// The workspace file (.percorso). With --spark it is optional and lends its journey map.
    #[arg(long, short)]
    pub workspace: Option<PathBuf>,
    /// Journey id (default: the workspace's first journey).
    #[arg(long)]
    pub journey: Option<i64>,
}

#[derive(Debug, Clone, Args)]
pub struct Question {
    #[command(flatten)]
    pub target: Target,
    /// The "now" of drop-off and stalls: RFC 3339 or YYYY-MM-DD (default: the latest event).
    #[arg(long, value_parser = parse_instant)]
    pub as_of: Option<i64>,
    /// Days without an event after which a customer has dropped off.
    #[arg(long, default_value_t = 30)]
    pub inactive_days: u32,
    /// Keep events at or after this instant (RFC 3339 or YYYY-MM-DD, midnight UTC).
    #[arg(long, value_parser = parse_instant)]
    pub from: Option<i64>,
    /// Keep events strictly before this instant (RFC 3339 or YYYY-MM-DD, midnight UTC).
    #[arg(long, value_parser = parse_instant)]
    pub to: Option<i64>,
    /// Keep customers whose attribute has this value: COLUMN=VALUE; repeat it to combine
    /// (values of one column are alternatives, different columns must all match). With --spark,
    /// a bare COLUMN names a segment column of the table.
    #[arg(long, value_parser = parse_segment)]
    pub segment: Vec<SegmentArg>,
    /// Keep events of this channel; repeat it for several. With --spark: the channel column.
    #[arg(long)]
    pub channel: Vec<String>,
    /// Keep the customers whose complete path is exactly this: touchpoint names separated by
    /// " > " or " → " (one of the paths `percorso paths` lists).
    #[arg(long)]
    pub path: Option<String>,
}

/// A segment filter (`COLUMN=VALUE`), or with `--spark` a segment column of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentArg {
    Filter(Segment),
    Column(String),
}

/// Where the numbers are computed: a Spark cluster instead of the workspace's log.
#[derive(Debug, Clone, Args)]
pub struct SparkArgs {
    /// Compute on the Spark cluster at this Spark Connect address instead of a workspace's log
    /// (docs/spark.md). Name the table with --table and its columns with --customer,
    /// --timestamp, --touchpoint and optionally --channel, --event, --value, --segment and
    /// --order. A token is read from the environment variable PERCORSO_SPARK_TOKEN.
    #[arg(long, value_name = "sc://HOST:PORT")]
    pub spark: Option<String>,
    /// With --spark: the timestamp column (a timestamp, a date or ISO 8601 text).
    #[arg(long, requires = "spark", value_name = "COLUMN")]
    pub timestamp: Option<String>,
    /// With --spark: the event type column.
    #[arg(long, requires = "spark", value_name = "COLUMN")]
    pub event: Option<String>,
    /// With --spark: the numeric value column.
    #[arg(long, requires = "spark", value_name = "COLUMN")]
    pub value: Option<String>,
    /// With --spark: the column that orders one customer's events at the same instant (without
    /// it, ties go by touchpoint, channel, event type and value).
    #[arg(long, requires = "spark", value_name = "COLUMN")]
    pub order: Option<String>,
}

/// The columns a Spark command names itself, where its own flags are spelt differently.
pub struct SparkTable<'a> {
    pub table: Option<&'a str>,
    pub customer: Option<&'a str>,
    pub touchpoint: Option<&'a str>,
}

impl Question {
    /// A question with no filter about `target`'s workspace.
    pub fn of_target(target: Target) -> Question {
        Question {
            target,
            as_of: None,
            inactive_days: 30,
            from: None,
            to: None,
            segment: Vec::new(),
            channel: Vec::new(),
            path: None,
        }
    }

    pub fn params(&self) -> Params {
        Params {
            as_of_ms: self.as_of,
            inactive_days: self.inactive_days,
            from_ms: self.from,
            to_ms: self.to,
            segments: self
                .segment
                .iter()
                .filter_map(|s| match s {
                    SegmentArg::Filter(f) => Some(f.clone()),
                    SegmentArg::Column(_) => None,
                })
                .collect(),
            channels: self.channel.clone(),
            path: self.path.as_deref().map(split_path).unwrap_or_default(),
        }
    }

    pub fn analysis(&self) -> Result<Analysis> {
        if let Some(SegmentArg::Column(c)) = self
            .segment
            .iter()
            .find(|s| matches!(s, SegmentArg::Column(_)))
        {
            return Err(Error::InvalidInput(format!(
                "--segment {c}: write COLUMN=VALUE, e.g. region=North (a bare column names a \
                 segment column with --spark only)"
            )));
        }
        self.target.analysis()
    }

    /// The engine that answers: the local one, or with `--spark` the cluster's. With
    /// `--spark`, `--channel` names the channel column, so the question keeps no channel filter.
    pub fn engine(
        &self,
        spark: &SparkArgs,
        table: &SparkTable<'_>,
    ) -> Result<(Box<dyn Engine>, Params)> {
        let Some(url) = &spark.spark else {
            return Ok((Box::new(self.analysis()?), self.params()));
        };
        if self.channel.len() > 1 {
            return Err(Error::InvalidInput(
                "with --spark, --channel names the one channel column".to_owned(),
            ));
        }
        let mut segments: Vec<String> = Vec::new();
        for s in &self.segment {
            let column = match s {
                SegmentArg::Filter(f) => &f.attribute,
                SegmentArg::Column(c) => c,
            };
            if !segments.contains(column) {
                segments.push(column.clone());
            }
        }
        let columns = Columns {
            customer: table.customer.unwrap_or_default().to_owned(),
            timestamp: spark.timestamp.clone().unwrap_or_default(),
            touchpoint: table.touchpoint.unwrap_or_default().to_owned(),
            channel: self.channel.first().cloned(),
            event_type: spark.event.clone(),
            value: spark.value.clone(),
            segments,
            order: spark.order.clone(),
        };
        let source = SparkSource {
            url: url.clone(),
            table: table.table.unwrap_or_default().to_owned(),
            columns,
        };
        let params = Params {
            channels: Vec::new(),
            ..self.params()
        };
        Ok((self.target.spark_engine(&source)?, params))
    }
}

impl Target {
    pub fn workspace(&self) -> Result<&std::path::Path> {
        self.workspace.as_deref().ok_or_else(|| {
            Error::InvalidInput(
                "name the workspace: --workspace FILE (or compute on a cluster with --spark)"
                    .to_owned(),
            )
        })
    }

    pub fn analysis(&self) -> Result<Analysis> {
        let workspace = Workspace::open(self.workspace()?)?;
        Analysis::from_workspace(&workspace, self.journey.map(JourneyId))
    }

    /// The Spark engine over `source`, laid on the workspace's journey map when one is given.
    pub fn spark_engine(&self, source: &SparkSource) -> Result<Box<dyn Engine>> {
        let (journey, exposure) = match &self.workspace {
            Some(path) => {
                let workspace = Workspace::open(path)?;
                let id = match self.journey {
                    Some(id) => Some(JourneyId(id)),
                    None => workspace.journeys()?.first().map(|j| j.id),
                };
                let journey = id.map(|id| workspace.journey(id)).transpose()?;
                (journey, workspace.exposure_types()?)
            }
            None => (None, Vec::new()),
        };
        spark_engine(source, journey, &exposure)
    }
}

fn spark_engine(
    source: &SparkSource,
    journey: Option<percorso::journey::Journey>,
    exposure: &[String],
) -> Result<Box<dyn Engine>> {
    Ok(Box::new(percorso::spark::SparkEngine::connect(
        source, journey, exposure,
    )?))
}

/// An instant in UTC milliseconds from RFC 3339 or a date (midnight UTC).
pub fn parse_instant(text: &str) -> std::result::Result<i64, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    midnight(text).ok_or_else(|| {
        format!("\"{text}\" is neither RFC 3339 (2026-10-31T20:00:00Z) nor a date (2026-10-31)")
    })
}

/// Midnight UTC of a `YYYY-MM-DD` day, in milliseconds.
pub fn midnight(text: &str) -> Option<i64> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
}

/// "Ad > Product page > Checkout" (or with " → ", as `percorso paths` prints it) as its
/// touchpoint names.
fn split_path(text: &str) -> Vec<String> {
    text.replace(" → ", " > ")
        .split(" > ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn parse_segment(text: &str) -> std::result::Result<SegmentArg, String> {
    match text.split_once('=') {
        Some((attribute, value)) => Ok(SegmentArg::Filter(Segment {
            attribute: attribute.trim().to_owned(),
            value: value.trim().to_owned(),
        })),
        None if !text.trim().is_empty() => Ok(SegmentArg::Column(text.trim().to_owned())),
        None => Err("write COLUMN=VALUE, e.g. region=North".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_means_midnight_utc_and_offsets_are_honoured() {
        assert_eq!(parse_instant("1970-01-02"), Ok(86_400_000));
        assert_eq!(parse_instant("1970-01-01T01:00:00+01:00"), Ok(0));
        assert!(parse_instant("yesterday").is_err());
    }
}
