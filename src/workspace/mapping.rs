//! What analytics needs from the sources' column mappings: the event types marked as exposures.
//!
//! A source's mapping is JSON; `exposure_types` lists the event types that only mean the
//! customer was exposed (impression, delivered…). Analytics uses the union over all sources.

use super::Workspace;
use crate::error::{Error, Result};

impl Workspace {
    /// Exposure event types of every source, without repeats, in first-seen order.
    pub fn exposure_types(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT name, mapping FROM sources ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut types: Vec<String> = Vec::new();
        for row in rows {
            let (source, mapping) = row?;
            for t in exposure_types_of(&mapping).map_err(|e| {
                Error::CorruptData(format!(
                    "the column mapping of source \"{source}\" is not valid JSON: {e}"
                ))
            })? {
                if !types.contains(&t) {
                    types.push(t);
                }
            }
        }
        Ok(types)
    }
}

fn exposure_types_of(mapping: &str) -> serde_json::Result<Vec<String>> {
    let value: serde_json::Value = serde_json::from_str(mapping)?;
    Ok(value
        .get("exposure_types")
        .and_then(|t| t.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default())
}
