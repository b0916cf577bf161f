//! Matching log values to the map's touchpoints.
//!
//! Logs spell the same place many ways ("Store visit", "store_visit", "STORE  VISIT", "Négozio"),
//! so a value matches a touchpoint when their keys are equal: the text in Unicode compatibility
//! form, lower case, without accents, and without spacing (whitespace, `_` and `-`). A value
//! matches by the touchpoint's name or by one of its aliases.

use std::collections::HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::journey::{Journey, TouchpointId};
use crate::log::Dictionary;

/// The key under which two spellings of one touchpoint meet.
pub fn match_key(value: &str) -> String {
    value
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds the touchpoint that a log value means, by name or alias.
#[derive(Debug, Clone, Default)]
pub struct TouchpointMatcher {
    by_key: HashMap<String, TouchpointId>,
}

impl TouchpointMatcher {
    /// Names win over aliases; among equals, the first touchpoint in the journey wins.
    pub fn new(journey: &Journey) -> Self {
        let mut by_key = HashMap::new();
        for t in &journey.touchpoints {
            by_key.entry(match_key(&t.name)).or_insert(t.id);
        }
        for t in &journey.touchpoints {
            for alias in &t.aliases {
                by_key.entry(match_key(alias)).or_insert(t.id);
            }
        }
        TouchpointMatcher { by_key }
    }

    pub fn find(&self, value: &str) -> Option<TouchpointId> {
        self.by_key.get(&match_key(value)).copied()
    }

    /// The touchpoint of every value of a log dictionary, by code (`None`: unmapped).
    pub fn resolve(&self, values: &Dictionary) -> Vec<Option<TouchpointId>> {
        values.values().iter().map(|v| self.find(v)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        assert_eq!(match_key("Store visit"), match_key("  store_VISIT "));
        assert_eq!(match_key("Négozio Centrale"), match_key("negozio-centrale"));
        assert_eq!(match_key("Caffè"), "caffe");
        assert_ne!(match_key("Store visit"), match_key("Store visits"));
    }
}
