//! Variants: customers grouped by their complete path (the sequence of touchpoints of their kept
//! events), the process-mining view of "what do people actually do".

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::Analysis;
use super::Evaluation;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Variant {
    /// Touchpoint names (raw values for unmapped events), in event order.
    pub path: Vec<String>,
    #[ts(type = "number")]
    pub customers: u64,
    /// customers ÷ customers in the filtered log × 100.
    pub share: Option<f64>,
}

impl Analysis {
    /// The `top` most frequent complete paths, most frequent first (ties: shorter, then by names).
    pub fn variants(&self, evaluation: &Evaluation, top: usize) -> Result<Vec<Variant>> {
        evaluation.facts.check_made_by(self)?;
        let mut counts: HashMap<Box<[u32]>, u64> = HashMap::new();
        let mut path: Vec<u32> = Vec::new();
        let mut total = 0u64;
        for c in 0..self.customer_count() {
            if evaluation.facts.kept_events[c] == 0 {
                continue;
            }
            path.clear();
            path.extend(self.kept_places(evaluation, c));
            total += 1;
            match counts.get_mut(path.as_slice()) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(path.clone().into_boxed_slice(), 1);
                }
            }
        }
        let mut ranked: Vec<(Vec<String>, u64)> = counts
            .into_iter()
            .map(|(places, n)| {
                let names = places
                    .iter()
                    .map(|&p| self.place_name(p).to_owned())
                    .collect();
                (names, n)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.len().cmp(&b.0.len()))
                .then_with(|| a.0.cmp(&b.0))
        });
        Ok(ranked
            .into_iter()
            .take(top)
            .map(|(path, customers)| Variant {
                path,
                customers,
                share: (total > 0).then(|| customers as f64 / total as f64 * 100.0),
            })
            .collect())
    }
}
