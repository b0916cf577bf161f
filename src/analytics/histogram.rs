//! Time-to-next histograms: how long customers take to move on from a touchpoint or along a
//! transition. Waits range from seconds to months, so bins are log-spaced from one minute to
//! ninety days, with one bin below and one above.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::customers::PlaceRef;
use super::Analysis;
use super::Evaluation;
use crate::error::Result;
use crate::log::NONE;

const FIRST_EDGE_S: f64 = 60.0;
const LAST_EDGE_S: f64 = 90.0 * 86_400.0;
/// Log-spaced bins between one minute and ninety days (each about 1.6 times the previous).
const LOG_BINS: usize = 24;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HistogramTarget {
    /// Seconds from each event at the place to the customer's next event.
    Touchpoint(PlaceRef),
    /// Seconds of each directly-follows pair from → to.
    Transition(PlaceRef, PlaceRef),
}

/// Counts of durations in `[lower_s, upper_s)`; the last bin has no upper bound.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Bin {
    pub lower_s: f64,
    pub upper_s: Option<f64>,
    #[ts(type = "number")]
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Histogram {
    pub bins: Vec<Bin>,
    #[ts(type = "number")]
    pub total: u64,
}

/// Bin edges: 0, then one minute × ratio^k up to ninety days.
pub fn bin_edges_s() -> Vec<f64> {
    let ratio = (LAST_EDGE_S / FIRST_EDGE_S).powf(1.0 / LOG_BINS as f64);
    let mut edges = vec![0.0];
    edges.extend((0..LOG_BINS).map(|k| FIRST_EDGE_S * ratio.powi(k as i32)));
    edges.push(LAST_EDGE_S);
    edges
}

impl Analysis {
    pub fn histogram(
        &self,
        evaluation: &Evaluation,
        target: &HistogramTarget,
    ) -> Result<Histogram> {
        evaluation.facts.check_made_by(self)?;
        let (from, to) = match target {
            HistogramTarget::Touchpoint(p) => (self.place_of(p)?, None),
            HistogramTarget::Transition(a, b) => (self.place_of(a)?, Some(self.place_of(b)?)),
        };
        let edges = bin_edges_s();
        let mut counts = vec![0u64; edges.len()];
        for c in 0..self.customer_count() {
            if evaluation.facts.kept_events[c] < 2 {
                continue;
            }
            let mut previous: (u32, i64) = (NONE, 0);
            for e in self.events_of(c) {
                if !evaluation.facts.filter.keeps_event(self, e) {
                    continue;
                }
                let (place, t) = (self.place[e], self.instant[e]);
                if previous.0 == from && to.is_none_or(|b| b == place) {
                    let seconds = (t - previous.1) as f64 / 1000.0;
                    let bin = edges
                        .partition_point(|&edge| edge <= seconds)
                        .saturating_sub(1);
                    counts[bin] += 1;
                }
                previous = (place, t);
            }
        }
        let bins = counts
            .iter()
            .enumerate()
            .map(|(i, &count)| Bin {
                lower_s: edges[i],
                upper_s: edges.get(i + 1).copied(),
                count,
            })
            .collect();
        Ok(Histogram {
            bins,
            total: counts.iter().sum(),
        })
    }
}
