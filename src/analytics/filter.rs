//! What a question keeps of the log: the date range, the segments and the channels.
//!
//! Segment filters keep whole customers (several values of one attribute are alternatives,
//! different attributes must all match); the date range and the channel filter keep events.

use super::params::{Params, Segment};
use super::Analysis;
use crate::error::{Error, Result};
use crate::log::NONE;

/// [`Params`] resolved to codes of the analysis, cheap to test per event.
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    pub customers: Option<Vec<bool>>,
    pub from: i64,
    pub to: i64,
    pub channels: Option<Vec<bool>>,
}

impl Filter {
    pub fn new(analysis: &Analysis, params: &Params) -> Result<Filter> {
        let mut filter = Filter {
            customers: customer_filter(analysis, &params.segments)?,
            from: params.from_ms.unwrap_or(i64::MIN),
            to: params.to_ms.unwrap_or(i64::MAX),
            channels: channel_filter(analysis, &params.channels),
        };
        if !params.path.is_empty() {
            filter.customers = Some(path_filter(analysis, &filter, &params.path));
        }
        Ok(filter)
    }

    pub fn keeps_customer(&self, customer: usize) -> bool {
        self.customers
            .as_ref()
            .is_none_or(|k| k.get(customer).copied().unwrap_or(false))
    }

    pub fn keeps_event(&self, analysis: &Analysis, event: usize) -> bool {
        let t = analysis.instant[event];
        t >= self.from
            && t < self.to
            && self.channels.as_ref().is_none_or(|k| {
                let c = analysis.channel[event];
                c != NONE && k.get(c as usize).copied().unwrap_or(false)
            })
    }
}

fn customer_filter(analysis: &Analysis, segments: &[Segment]) -> Result<Option<Vec<bool>>> {
    if segments.is_empty() {
        return Ok(None);
    }
    let mut kept = vec![true; analysis.customer_count()];
    let mut names: Vec<&str> = segments.iter().map(|s| s.attribute.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let attribute = analysis
            .attributes
            .iter()
            .find(|a| a.name == name)
            .ok_or_else(|| unknown_attribute(analysis, name))?;
        let wanted: Vec<bool> = attribute
            .values
            .values()
            .iter()
            .map(|v| {
                segments
                    .iter()
                    .any(|s| s.attribute == name && &s.value == v)
            })
            .collect();
        for (c, keep) in kept.iter_mut().enumerate() {
            let code = attribute.of_customer.get(c).copied().unwrap_or(NONE);
            *keep &= code != NONE && wanted.get(code as usize).copied().unwrap_or(false);
        }
    }
    Ok(Some(kept))
}

/// The customers (of those `filter` keeps) whose kept events' places are exactly `path`. A name
/// no place has matches nobody.
fn path_filter(analysis: &Analysis, filter: &Filter, path: &[String]) -> Vec<bool> {
    let wanted: Option<Vec<u32>> = path
        .iter()
        .map(|name| {
            analysis
                .places
                .names
                .iter()
                .position(|p| p == name)
                .map(super::as_u32)
        })
        .collect();
    let Some(wanted) = wanted else {
        return vec![false; analysis.customer_count()];
    };
    (0..analysis.customer_count())
        .map(|c| {
            if !filter.keeps_customer(c) {
                return false;
            }
            let mut places = analysis
                .events_of(c)
                .filter(|&e| filter.keeps_event(analysis, e))
                .map(|e| analysis.place[e]);
            wanted.iter().all(|&w| places.next() == Some(w)) && places.next().is_none()
        })
        .collect()
}

fn unknown_attribute(analysis: &Analysis, name: &str) -> Error {
    let known: Vec<&str> = analysis
        .attributes
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    Error::InvalidInput(format!(
        "no segment attribute named \"{name}\" in this log; known attributes: {}",
        if known.is_empty() {
            "none".to_owned()
        } else {
            known.join(", ")
        }
    ))
}

fn channel_filter(analysis: &Analysis, channels: &[String]) -> Option<Vec<bool>> {
    if channels.is_empty() {
        return None;
    }
    Some(
        analysis
            .channel_names
            .iter()
            .map(|name| channels.iter().any(|c| c == name))
            .collect(),
    )
}
