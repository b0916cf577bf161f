//! Customer ids packed in one string: a million and a half `String`s cost about 80 MB in
//! headers and allocator overhead, the same text packed costs a fifth of that, and only pages of
//! customers ever need their ids.

/// Texts stored end to end, with the end offset of each.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackedNames {
    text: String,
    ends: Vec<usize>,
}

impl PackedNames {
    pub fn new(values: &[String]) -> Self {
        let mut text = String::with_capacity(values.iter().map(String::len).sum());
        let mut ends = Vec::with_capacity(values.len());
        for v in values {
            text.push_str(v);
            ends.push(text.len());
        }
        PackedNames { text, ends }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, index: usize) -> &str {
        let end = self.ends.get(index).copied().unwrap_or(0);
        let start = match index {
            0 => 0,
            i => self.ends.get(i - 1).copied().unwrap_or(end),
        };
        self.text.get(start..end).unwrap_or("")
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        (0..self.len()).find(|&i| self.get(i) == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_names_read_back_as_given() {
        let names = PackedNames::new(&["C1".into(), String::new(), "Ünï".into()]);
        assert_eq!(
            (names.get(0), names.get(1), names.get(2)),
            ("C1", "", "Ünï")
        );
        assert_eq!(
            (names.position("Ünï"), names.position("C2")),
            (Some(2), None)
        );
    }
}
