//! What the filters can choose from, read from the data: the segment attributes with their
//! values, the channels, and how many events happened when (the strip a date range is brushed on).

use serde::Serialize;
use ts_rs::TS;

use super::{Analysis, DAY_MS};

/// One segment attribute and every value it takes in the log, sorted.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AttributeValues {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Dimensions {
    pub attributes: Vec<AttributeValues>,
    /// Every channel text of the log, sorted.
    pub channels: Vec<String>,
}

/// Events of the whole log per bin of whole UTC days: bin `i` is
/// `[start_ms + i × bin_ms, start_ms + (i + 1) × bin_ms)`. Empty when the log is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Timeline {
    #[ts(type = "number")]
    pub start_ms: i64,
    #[ts(type = "number")]
    pub bin_ms: i64,
    #[ts(type = "number[]")]
    pub counts: Vec<u64>,
}

impl Analysis {
    pub fn dimensions(&self) -> Dimensions {
        let sorted = |values: &[String]| {
            let mut values = values.to_vec();
            values.sort();
            values.dedup();
            values
        };
        Dimensions {
            attributes: self
                .attributes
                .iter()
                .map(|a| AttributeValues {
                    name: a.name.clone(),
                    values: sorted(a.values.values()),
                })
                .collect(),
            channels: sorted(&self.channel_names),
        }
    }

    /// The whole log's events over time in at most `max_bins` bins of whole days, unfiltered, so
    /// that a date range can be chosen against what the log holds.
    pub fn timeline(&self, max_bins: usize) -> Timeline {
        let (Some(&first), Some(&last)) = (self.instant.iter().min(), self.instant.iter().max())
        else {
            return Timeline {
                start_ms: 0,
                bin_ms: DAY_MS,
                counts: Vec::new(),
            };
        };
        let start_ms = first.div_euclid(DAY_MS) * DAY_MS;
        let days = (last - start_ms) / DAY_MS + 1;
        let max_bins = i64::try_from(max_bins.max(1)).unwrap_or(i64::MAX);
        let bin_ms = ((days + max_bins - 1) / max_bins) * DAY_MS;
        let bins = usize::try_from((last - start_ms) / bin_ms + 1).unwrap_or(0);
        let mut counts = vec![0u64; bins];
        for &t in &self.instant {
            if let Some(n) = usize::try_from((t - start_ms) / bin_ms)
                .ok()
                .and_then(|i| counts.get_mut(i))
            {
                *n += 1;
            }
        }
        Timeline {
            start_ms,
            bin_ms,
            counts,
        }
    }
}
