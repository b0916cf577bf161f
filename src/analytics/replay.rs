//! The replay of Present mode: customers moving along the map over time.
//!
//! Drawing ten million events is neither possible nor useful, so the dots are a sample of the
//! customers (every k-th one the filter keeps, the same every time). The counters are not
//! sampled: for each of `bins` instants they hold every node's events up to that instant, so at
//! the end they are exactly the report's `events` per node for the same filters.

use serde::Serialize;
use ts_rs::TS;

use super::filter::Filter;
use super::params::Params;
use super::Analysis;
use crate::error::Result;
use crate::journey::TouchpointId;

/// What the replay draws; see the module's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Replay {
    /// The first kept event's instant (ms since the epoch, UTC); 0 with no event.
    #[ts(type = "number")]
    pub start_ms: i64,
    /// Just after the last kept event's instant.
    #[ts(type = "number")]
    pub end_ms: i64,
    /// Customers with at least one kept event on the map, of whom `shown` are drawn.
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub shown: u64,
    /// The map's touchpoints; `nodes` and `counts` index into it.
    pub touchpoints: Vec<TouchpointId>,
    /// Drawn customer `k`'s events are `starts[k]..starts[k + 1]` of `times_s` and `nodes`.
    pub starts: Vec<u32>,
    /// Seconds from `start_ms`, in the customer's event order.
    pub times_s: Vec<f64>,
    pub nodes: Vec<u32>,
    /// The instants (ms) at which `counts` are taken: `bins + 1` of them from start to end.
    #[ts(type = "Array<number>")]
    pub count_at_ms: Vec<i64>,
    /// `counts[i * touchpoints.len() + n]`: events at node `n` strictly before `count_at_ms[i]`
    /// (all kept events at the last one).
    pub counts: Vec<u32>,
}

impl Analysis {
    /// The replay of what `params` keep, drawing at most `max_customers` customers and taking the
    /// counters at `bins` steps.
    pub fn replay(&self, params: &Params, max_customers: usize, bins: usize) -> Result<Replay> {
        let filter = Filter::new(self, params)?;
        let nodes = self.places.node_count;
        let on_map = |e: usize| self.is_node(self.place[e]) && filter.keeps_event(self, e);
        let customers: Vec<usize> = (0..self.customer_count())
            .filter(|&c| filter.keeps_customer(c) && self.events_of(c).any(on_map))
            .collect();
        let (mut start, mut end) = (i64::MAX, i64::MIN);
        for &c in &customers {
            for e in self.events_of(c).filter(|&e| on_map(e)) {
                start = start.min(self.instant[e]);
                end = end.max(self.instant[e]);
            }
        }
        if customers.is_empty() {
            (start, end) = (0, 0);
        }
        let end = end.saturating_add(1);
        let bins = bins.max(1);
        let count_at_ms: Vec<i64> = (0..=bins)
            .map(|i| {
                if i == bins {
                    end
                } else {
                    start + ((end - start) as i128 * i as i128 / bins as i128) as i64
                }
            })
            .collect();

        // Counters: each event lands in the first bin whose instant is after it.
        let mut counts = vec![0u32; (bins + 1) * nodes];
        for &c in &customers {
            for e in self.events_of(c).filter(|&e| on_map(e)) {
                let bin = count_at_ms.partition_point(|&at| at <= self.instant[e]);
                if let Some(n) = counts.get_mut(bin * nodes + self.place[e] as usize) {
                    *n += 1;
                }
            }
        }
        for i in 1..=bins {
            for n in 0..nodes {
                counts[i * nodes + n] += counts[(i - 1) * nodes + n];
            }
        }

        let stride = customers.len().div_ceil(max_customers.max(1)).max(1);
        let mut starts = vec![0u32];
        let mut times_s = Vec::new();
        let mut places = Vec::new();
        for &c in customers.iter().step_by(stride) {
            for e in self.events_of(c).filter(|&e| on_map(e)) {
                times_s.push((self.instant[e] - start) as f64 / 1000.0);
                places.push(self.place[e]);
            }
            starts.push(u32::try_from(places.len()).unwrap_or(u32::MAX));
        }
        Ok(Replay {
            start_ms: start,
            end_ms: end,
            customers: customers.len() as u64,
            shown: (starts.len() - 1) as u64,
            touchpoints: self
                .places
                .journey
                .touchpoints
                .iter()
                .map(|t| t.id)
                .collect(),
            starts,
            times_s,
            nodes: places,
            count_at_ms,
            counts,
        })
    }
}
