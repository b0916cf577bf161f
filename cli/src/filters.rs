//! Arguments shared by the commands that ask analytics a question: which workspace and journey,
//! the as-of time, the inactivity threshold and the filters.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate};
use clap::Args;

use percorso::analytics::{Analysis, Params, Segment};
use percorso::error::Result;
use percorso::journey::JourneyId;
use percorso::workspace::Workspace;

/// The workspace and the journey a question is about.
#[derive(Debug, Clone, Args)]
pub struct Target {
    /// The workspace file (.percorso).
    #[arg(long, short)]
    pub workspace: PathBuf,
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
    /// (values of one column are alternatives, different columns must all match).
    #[arg(long, value_parser = parse_segment)]
    pub segment: Vec<Segment>,
    /// Keep events of this channel; repeat it for several.
    #[arg(long)]
    pub channel: Vec<String>,
    /// Keep the customers whose complete path is exactly this: touchpoint names separated by
    /// " > " or " → " (one of the paths `percorso paths` lists).
    #[arg(long)]
    pub path: Option<String>,
}

impl Question {
    pub fn params(&self) -> Params {
        Params {
            as_of_ms: self.as_of,
            inactive_days: self.inactive_days,
            from_ms: self.from,
            to_ms: self.to,
            segments: self.segment.clone(),
            channels: self.channel.clone(),
            path: self.path.as_deref().map(split_path).unwrap_or_default(),
        }
    }

    pub fn analysis(&self) -> Result<Analysis> {
        self.target.analysis()
    }
}

impl Target {
    pub fn analysis(&self) -> Result<Analysis> {
        let workspace = Workspace::open(&self.workspace)?;
        Analysis::from_workspace(&workspace, self.journey.map(JourneyId))
    }
}

/// An instant in UTC milliseconds from RFC 3339 or a date (midnight UTC).
pub fn parse_instant(text: &str) -> std::result::Result<i64, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp_millis());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp_millis())
        .ok_or_else(|| {
            format!("\"{text}\" is neither RFC 3339 (2026-10-31T20:00:00Z) nor a date (2026-10-31)")
        })
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

fn parse_segment(text: &str) -> std::result::Result<Segment, String> {
    let (attribute, value) = text
        .split_once('=')
        .ok_or_else(|| format!("\"{text}\" should be COLUMN=VALUE, e.g. region=North"))?;
    Ok(Segment {
        attribute: attribute.trim().to_owned(),
        value: value.trim().to_owned(),
    })
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
