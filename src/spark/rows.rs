//! Reading the small results that come back from Spark: Arrow record batches, column by name.

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;

use crate::error::{Error, Result};

/// The rows of a result, read column by column.
pub struct Rows<'a> {
    batches: &'a [RecordBatch],
}

impl<'a> Rows<'a> {
    pub fn new(batches: &'a [RecordBatch]) -> Self {
        Rows { batches }
    }

    pub fn len(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    fn column(&self, name: &str, to: &DataType) -> Result<Vec<arrow_array::ArrayRef>> {
        self.batches
            .iter()
            .map(|b| {
                let column = b.column_by_name(name).ok_or_else(|| {
                    Error::CorruptData(format!("Spark's answer has no column \"{name}\""))
                })?;
                arrow_cast::cast(column, to).map_err(|e| {
                    Error::CorruptData(format!("Spark's column \"{name}\" is not {to}: {e}"))
                })
            })
            .collect()
    }

    /// A whole-number column (any integer type).
    pub fn ints(&self, name: &str) -> Result<Vec<Option<i64>>> {
        let mut out = Vec::with_capacity(self.len());
        for array in self.column(name, &DataType::Int64)? {
            let a = array.as_primitive::<Int64Type>();
            out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i))));
        }
        Ok(out)
    }

    /// A whole-number column with no missing value (a count).
    pub fn counts(&self, name: &str) -> Result<Vec<u64>> {
        Ok(self
            .ints(name)?
            .into_iter()
            .map(|n| n.map_or(0, |n| u64::try_from(n).unwrap_or(0)))
            .collect())
    }

    pub fn floats(&self, name: &str) -> Result<Vec<Option<f64>>> {
        let mut out = Vec::with_capacity(self.len());
        for array in self.column(name, &DataType::Float64)? {
            let a = array.as_primitive::<Float64Type>();
            out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i))));
        }
        Ok(out)
    }

    pub fn texts(&self, name: &str) -> Result<Vec<Option<String>>> {
        let mut out = Vec::with_capacity(self.len());
        for array in self.column(name, &DataType::Utf8)? {
            let a = array.as_string::<i32>();
            out.extend((0..a.len()).map(|i| a.is_valid(i).then(|| a.value(i).to_owned())));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{Int32Array, StringArray};

    use super::*;

    #[test]
    fn columns_are_read_whatever_their_integer_width_and_missing_values_stay_missing() {
        let batch = RecordBatch::try_from_iter(vec![
            (
                "n",
                Arc::new(Int32Array::from(vec![Some(3), None])) as arrow_array::ArrayRef,
            ),
            (
                "s",
                Arc::new(StringArray::from(vec![Some("a"), None])) as arrow_array::ArrayRef,
            ),
        ])
        .unwrap();
        let batches = [batch.clone(), batch];
        let rows = Rows::new(&batches);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows.ints("n").unwrap(), vec![Some(3), None, Some(3), None]);
        assert_eq!(rows.counts("n").unwrap(), vec![3, 0, 3, 0]);
        assert_eq!(rows.floats("n").unwrap()[0], Some(3.0));
        assert_eq!(rows.texts("s").unwrap()[1], None);
        assert!(rows.ints("missing").is_err());
    }
}
