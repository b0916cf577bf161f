//! The event log in memory: one column per field, text values interned in dictionaries.
//!
//! Ten million events must fit in memory and be scanned in well under a second, so the log is
//! columnar: event `i` is `customer[i]`, `instant_ms[i]`, `touchpoint[i]`… and each text column
//! stores small integer codes into a dictionary of distinct strings. Events are kept in import
//! order; analytics sorts an index by (customer, instant, import order) as metrics.md requires.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// Code of an absent optional text value (channel, event type).
pub const NONE: u32 = u32::MAX;

/// Distinct strings and their codes, in order of first appearance.
///
/// Each string is stored once. The table that finds a string's code holds only codes, found by
/// the string's hash, and is built on the first lookup: a report over a reopened log never looks
/// a value up, and the customer dictionary alone may hold millions of ids.
#[derive(Default, Clone)]
pub struct Dictionary {
    values: Vec<String>,
    codes: OnceLock<HashTable<u32>>,
}

impl PartialEq for Dictionary {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values
    }
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary")
            .field("values", &self.values)
            .finish()
    }
}

fn hash(value: &str) -> u64 {
    FixedState::default().hash_one(value.as_bytes())
}

fn table_of(values: &[String]) -> HashTable<u32> {
    let mut table = HashTable::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        table.insert_unique(hash(v), code(i), |&c| hash(text(values, c)));
    }
    table
}

fn text(values: &[String], code: u32) -> &str {
    values.get(code as usize).map_or("", String::as_str)
}

impl Dictionary {
    pub fn from_values(values: Vec<String>) -> Self {
        Dictionary {
            values,
            codes: OnceLock::new(),
        }
    }

    fn table(&self) -> &HashTable<u32> {
        self.codes.get_or_init(|| table_of(&self.values))
    }

    pub fn intern(&mut self, value: &str) -> u32 {
        let h = hash(value);
        let mut table = self.codes.take().unwrap_or_else(|| table_of(&self.values));
        let values = &self.values;
        let c = match table.find(h, |&c| text(values, c) == value) {
            Some(&c) => c,
            None => {
                let c = code(self.values.len());
                self.values.push(value.to_owned());
                let values = &self.values;
                table.insert_unique(h, c, |&c| hash(text(values, c)));
                c
            }
        };
        self.codes = OnceLock::from(table);
        c
    }

    pub fn code_of(&self, value: &str) -> Option<u32> {
        let values = &self.values;
        self.table()
            .find(hash(value), |&c| text(values, c) == value)
            .copied()
    }

    pub fn get(&self, code: u32) -> Option<&str> {
        self.values.get(code as usize).map(String::as_str)
    }

    pub fn values(&self) -> &[String] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

fn code(index: usize) -> u32 {
    // Dictionaries hold at most one entry per event, and an event count is bounded far below 2^32
    // by memory; saturating keeps this total without a panic path.
    u32::try_from(index).unwrap_or(NONE - 1)
}

/// A segment attribute of customers (region, device…): one value code per customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub values: Dictionary,
    /// Indexed by customer code; [`NONE`] when the customer has no value.
    pub of_customer: Vec<u32>,
}

/// One event as a producer hands it over, before interning.
#[derive(Debug, Clone, Copy)]
pub struct NewEvent<'a> {
    pub customer: &'a str,
    pub instant_ms: i64,
    pub touchpoint: &'a str,
    pub channel: Option<&'a str>,
    pub event_type: Option<&'a str>,
    pub value: Option<f64>,
}

#[derive(Debug, Default, Clone)]
pub struct EventLog {
    pub customers: Dictionary,
    /// Raw touchpoint values as they appear in the logs (before matching to the map).
    pub touchpoints: Dictionary,
    pub channels: Dictionary,
    pub event_types: Dictionary,
    pub customer: Vec<u32>,
    /// UTC instant, milliseconds since the Unix epoch.
    pub instant_ms: Vec<i64>,
    pub touchpoint: Vec<u32>,
    pub channel: Vec<u32>,
    pub event_type: Vec<u32>,
    /// The numeric value column; NaN where the event carries none.
    pub value: Vec<f64>,
    pub attributes: Vec<Attribute>,
}

/// Equal when every column is equal, with absent values (NaN) equal to each other.
impl PartialEq for EventLog {
    fn eq(&self, other: &Self) -> bool {
        self.customers == other.customers
            && self.touchpoints == other.touchpoints
            && self.channels == other.channels
            && self.event_types == other.event_types
            && self.customer == other.customer
            && self.instant_ms == other.instant_ms
            && self.touchpoint == other.touchpoint
            && self.channel == other.channel
            && self.event_type == other.event_type
            && self.value.len() == other.value.len()
            && self
                .value
                .iter()
                .zip(&other.value)
                .all(|(a, b)| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()))
            && self.attributes == other.attributes
    }
}

impl EventLog {
    pub fn len(&self) -> usize {
        self.customer.len()
    }

    pub fn is_empty(&self) -> bool {
        self.customer.is_empty()
    }

    pub fn push(&mut self, e: NewEvent<'_>) {
        let customer = self.customers.intern(e.customer);
        self.customer.push(customer);
        self.instant_ms.push(e.instant_ms);
        self.touchpoint.push(self.touchpoints.intern(e.touchpoint));
        self.channel
            .push(e.channel.map_or(NONE, |c| self.channels.intern(c)));
        self.event_type
            .push(e.event_type.map_or(NONE, |t| self.event_types.intern(t)));
        self.value.push(e.value.unwrap_or(f64::NAN));
    }

    /// Sets a customer's value of a segment attribute, creating the attribute on first use.
    pub fn set_attribute(&mut self, customer: &str, name: &str, value: &str) {
        let customer = self.customers.intern(customer) as usize;
        let index = match self.attributes.iter().position(|a| a.name == name) {
            Some(i) => i,
            None => {
                self.attributes.push(Attribute {
                    name: name.to_owned(),
                    values: Dictionary::default(),
                    of_customer: Vec::new(),
                });
                self.attributes.len() - 1
            }
        };
        let attribute = &mut self.attributes[index];
        if attribute.of_customer.len() <= customer {
            attribute.of_customer.resize(customer + 1, NONE);
        }
        attribute.of_customer[customer] = attribute.values.intern(value);
    }

    /// Appends another log after this one, re-coding its dictionaries; `other`'s events come
    /// later in import order.
    pub fn append(&mut self, other: &EventLog) {
        let customers = recode(&mut self.customers, &other.customers);
        let touchpoints = recode(&mut self.touchpoints, &other.touchpoints);
        let channels = recode(&mut self.channels, &other.channels);
        let event_types = recode(&mut self.event_types, &other.event_types);
        let map = |codes: &[u32], c: u32| codes.get(c as usize).copied().unwrap_or(NONE);
        self.customer
            .extend(other.customer.iter().map(|&c| map(&customers, c)));
        self.instant_ms.extend_from_slice(&other.instant_ms);
        self.touchpoint
            .extend(other.touchpoint.iter().map(|&c| map(&touchpoints, c)));
        self.channel
            .extend(other.channel.iter().map(|&c| map(&channels, c)));
        self.event_type
            .extend(other.event_type.iter().map(|&c| map(&event_types, c)));
        self.value.extend_from_slice(&other.value);
        for attribute in &other.attributes {
            for (customer, &v) in attribute.of_customer.iter().enumerate() {
                if let (Some(value), Some(&c)) = (attribute.values.get(v), customers.get(customer))
                {
                    if let Some(name) = self.customers.get(c).map(str::to_owned) {
                        self.set_attribute(&name, &attribute.name, value);
                    }
                }
            }
        }
    }
}

fn recode(into: &mut Dictionary, from: &Dictionary) -> Vec<u32> {
    from.values().iter().map(|v| into.intern(v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event<'a>(customer: &'a str, touchpoint: &'a str, t: i64) -> NewEvent<'a> {
        NewEvent {
            customer,
            instant_ms: t,
            touchpoint,
            channel: None,
            event_type: Some("view"),
            value: None,
        }
    }

    #[test]
    fn a_dictionary_finds_codes_whether_its_table_was_built_before_or_after_interning() {
        let values: Vec<String> = (0..2000).map(|i| format!("c{i}")).collect();
        let loaded = Dictionary::from_values(values.clone());
        // Looked up first: the table is built from the stored values.
        assert_eq!(loaded.code_of("c1999"), Some(1999));
        assert_eq!(loaded.code_of("c2000"), None);
        let mut grown = Dictionary::from_values(values);
        // Interned first: the table is built, then grows with the new value.
        assert_eq!(grown.intern("c7"), 7);
        assert_eq!(grown.intern("new"), 2000);
        assert_eq!(grown.intern("new"), 2000);
        assert_eq!(grown.code_of("new"), Some(2000));
        assert_eq!(grown.code_of("c0"), Some(0));
        assert_eq!(grown.get(2000), Some("new"));
        let mut fresh = Dictionary::default();
        assert_eq!(fresh.code_of("x"), None);
        assert_eq!(fresh.intern("x"), 0);
        assert_eq!(fresh.intern(""), 1);
        assert_eq!(fresh.code_of(""), Some(1));
        // Equal by their values, whatever their tables.
        assert_eq!(loaded, loaded.clone());
        assert_ne!(loaded, grown);
    }

    #[test]
    fn appending_a_log_keeps_its_events_after_ours_with_the_same_text() {
        let mut a = EventLog::default();
        a.push(event("c1", "Web", 1));
        a.set_attribute("c1", "region", "North");
        let mut b = EventLog::default();
        b.push(event("c2", "Store", 2));
        b.push(event("c1", "Web", 3));
        b.set_attribute("c2", "region", "South");
        a.append(&b);
        let texts: Vec<_> = (0..a.len())
            .map(|i| {
                (
                    a.customers.get(a.customer[i]).unwrap_or("?"),
                    a.touchpoints.get(a.touchpoint[i]).unwrap_or("?"),
                    a.instant_ms[i],
                )
            })
            .collect();
        assert_eq!(
            texts,
            vec![("c1", "Web", 1), ("c2", "Store", 2), ("c1", "Web", 3)]
        );
        let region = &a.attributes[0];
        let c2 = a.customers.code_of("c2").unwrap_or(NONE) as usize;
        assert_eq!(region.values.get(region.of_customer[c2]), Some("South"));
        assert!(a.value.iter().all(|v| v.is_nan()));
    }
}
