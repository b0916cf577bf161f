//! Apache Parquet, as warehouses export tables (BigQuery, Snowflake, DuckDB, Spark, pandas),
//! read with the `parquet` crate a batch of rows at a time.
//!
//! Each leaf column is a column of the import, a struct's fields named by their dotted path
//! (`device.category`). Values are written as the text the CSV reader would see: timestamps
//! as RFC 3339 (with `Z` when the column is adjusted to UTC, naive otherwise, so that the
//! import's zone applies), dates as `yyyy-mm-dd`, numbers in full. Columns of lists and maps
//! are left out. A record's line is its row number (the first row is 1); a row has no text of
//! its own, so a rejected one is shown as a CSV line of its values.

use std::path::Path;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date64Type, Float16Type, Float32Type, Float64Type, Int16Type, Int32Type, Int64Type, Int8Type,
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{Array, ArrayRef};
use arrow_schema::{DataType, TimeUnit};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::Rows;
use crate::error::{Error, Result};
use crate::import::timestamp::write_rfc3339_ms;

/// Rows decoded at a time.
const BATCH: usize = 32_768;

/// A leaf column of one batch, ready to be written as text.
struct Leaf {
    column: usize,
    array: ArrayRef,
    /// For a dictionary-encoded column, each row's index into `array` (the dictionary's values).
    keys: Option<Vec<usize>>,
}

pub(super) fn read(path: &Path, rows: &mut Rows) -> Result<()> {
    let bad = |location: &str, e: &dyn std::fmt::Display| Error::BadLogFile {
        path: path.to_path_buf(),
        location: location.to_owned(),
        reason: format!("the Parquet file cannot be read: {e}"),
    };
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_or(0, |m| m.len());
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| bad("its footer", &e))?;
    let total = u64::try_from(builder.metadata().file_metadata().num_rows()).unwrap_or(0);
    let reader = builder
        .with_batch_size(BATCH)
        .build()
        .map_err(|e| bad("its schema", &e))?;
    // Decoding (decompression, pages, dictionaries) runs on its own thread, so that it overlaps
    // with writing the values as text here and with the parser's work on the batches before.
    let (tx, batches) = std::sync::mpsc::sync_channel(2);
    std::thread::spawn(move || {
        for batch in reader {
            // Nobody reads on when the import stopped.
            if tx.send(batch).is_err() {
                return;
            }
        }
    });
    let mut row = 0u64;
    for batch in batches {
        let batch = batch.map_err(|e| bad(&format!("after row {row}"), &e))?;
        let mut leaves = Vec::new();
        for (field, array) in batch.schema().fields().iter().zip(batch.columns()) {
            collect(rows, field.name(), array, &mut leaves);
        }
        // Column by column, each column's values as text; then row by row, the records.
        let n = batch.num_rows();
        let texts: Vec<Text<'_>> = leaves.iter().map(|leaf| Text::of(leaf, n)).collect();
        let mut by_column: Vec<Option<usize>> = Vec::new();
        for (i, leaf) in leaves.iter().enumerate() {
            if by_column.len() <= leaf.column {
                by_column.resize(leaf.column + 1, None);
            }
            by_column[leaf.column] = Some(i);
        }
        for i in 0..n {
            row += 1;
            // Progress, which also tells the parser from the first batch how many rows to
            // make room for.
            if row % 1024 == 1 {
                if let Some(done) = size.saturating_mul(row.min(total)).checked_div(total) {
                    rows.read_so_far(done);
                }
            }
            let value = |c: usize| {
                let text = texts.get((*by_column.get(c)?)?)?;
                text.get(i)
            };
            if !rows.record(row, value)? {
                return Ok(());
            }
        }
        if let Some(done) = size.saturating_mul(row.min(total)).checked_div(total) {
            rows.read_so_far(done);
        }
    }
    Ok(())
}

/// One column of a batch as text: a string column as it is, any other written out.
enum Text<'a> {
    Strings {
        array: &'a arrow_array::StringArray,
        keys: Option<&'a [usize]>,
    },
    Written {
        bytes: Vec<u8>,
        /// Each row's value in `bytes`, `None` for null.
        spans: Vec<Option<(u32, u32)>>,
    },
}

impl<'a> Text<'a> {
    fn of(leaf: &'a Leaf, rows: usize) -> Text<'a> {
        if let Some(array) = leaf.array.as_string_opt::<i32>() {
            return Text::Strings {
                array,
                keys: leaf.keys.as_deref(),
            };
        }
        let mut bytes = Vec::with_capacity(rows * 12);
        let spans = (0..rows)
            .map(|i| {
                let at = match &leaf.keys {
                    Some(keys) => keys.get(i).copied().unwrap_or(usize::MAX),
                    None => i,
                };
                if at >= leaf.array.len() || leaf.array.is_null(at) {
                    return None;
                }
                let start = bytes.len();
                if !write(leaf.array.as_ref(), at, &mut bytes) {
                    bytes.truncate(start);
                    return None;
                }
                Some((
                    u32::try_from(start).unwrap_or(u32::MAX),
                    u32::try_from(bytes.len()).unwrap_or(u32::MAX),
                ))
            })
            .collect();
        Text::Written { bytes, spans }
    }

    fn get(&self, i: usize) -> Option<&[u8]> {
        match self {
            Text::Strings { array, keys } => {
                let at = match keys {
                    Some(keys) => *keys.get(i)?,
                    None => i,
                };
                (at < array.len() && array.is_valid(at)).then(|| array.value(at).as_bytes())
            }
            Text::Written { bytes, spans } => {
                let (start, end) = (*spans.get(i)?)?;
                bytes.get(start as usize..end as usize)
            }
        }
    }
}

/// Adds the leaf columns of `array`, named `name`, that can be written as text.
fn collect(rows: &mut Rows, name: &str, array: &ArrayRef, leaves: &mut Vec<Leaf>) {
    match array.data_type() {
        DataType::Struct(fields) => {
            let parent = array.as_struct();
            for (field, child) in fields.iter().zip(parent.columns()) {
                collect(rows, &format!("{name}.{}", field.name()), child, leaves);
            }
        }
        DataType::Dictionary(_, values) if writable(values) => {
            if let (Some(dictionary), Some(column)) =
                (array.as_any_dictionary_opt(), rows.column(name))
            {
                // Null keys point past the values, so that they read as null.
                let values = Arc::clone(dictionary.values());
                let keys = dictionary
                    .normalized_keys()
                    .into_iter()
                    .enumerate()
                    .map(|(i, key)| if array.is_null(i) { usize::MAX } else { key })
                    .collect();
                leaves.push(Leaf {
                    column,
                    array: values,
                    keys: Some(keys),
                });
            }
        }
        data_type if writable(data_type) => {
            if let Some(column) = rows.column(name) {
                leaves.push(Leaf {
                    column,
                    array: Arc::clone(array),
                    keys: None,
                });
            }
        }
        _ => {}
    }
}

fn writable(data_type: &DataType) -> bool {
    use DataType::*;
    matches!(
        data_type,
        Utf8 | LargeUtf8
            | Utf8View
            | Boolean
            | Int8
            | Int16
            | Int32
            | Int64
            | UInt8
            | UInt16
            | UInt32
            | UInt64
            | Float16
            | Float32
            | Float64
            | Decimal32(..)
            | Decimal64(..)
            | Decimal128(..)
            | Decimal256(..)
            | Timestamp(..)
            | Date32
            | Date64
    )
}

/// Writes value `i` of `array` as text; `false` for a value that has none.
fn write(array: &dyn Array, i: usize, out: &mut Vec<u8>) -> bool {
    use std::io::Write;
    let number = |out: &mut Vec<u8>, v: &dyn std::fmt::Display| {
        let _ = write!(out, "{v}");
    };
    let integer = |out: &mut Vec<u8>, v: i64| {
        out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    };
    match array.data_type() {
        DataType::Utf8 => out.extend_from_slice(array.as_string::<i32>().value(i).as_bytes()),
        DataType::LargeUtf8 => out.extend_from_slice(array.as_string::<i64>().value(i).as_bytes()),
        DataType::Utf8View => out.extend_from_slice(array.as_string_view().value(i).as_bytes()),
        DataType::Boolean => out.extend_from_slice(if array.as_boolean().value(i) {
            b"true"
        } else {
            b"false"
        }),
        DataType::Int8 => integer(out, i64::from(array.as_primitive::<Int8Type>().value(i))),
        DataType::Int16 => integer(out, i64::from(array.as_primitive::<Int16Type>().value(i))),
        DataType::Int32 => integer(out, i64::from(array.as_primitive::<Int32Type>().value(i))),
        DataType::Int64 => integer(out, array.as_primitive::<Int64Type>().value(i)),
        DataType::UInt8 => integer(out, i64::from(array.as_primitive::<UInt8Type>().value(i))),
        DataType::UInt16 => integer(out, i64::from(array.as_primitive::<UInt16Type>().value(i))),
        DataType::UInt32 => integer(out, i64::from(array.as_primitive::<UInt32Type>().value(i))),
        DataType::UInt64 => number(out, &array.as_primitive::<UInt64Type>().value(i)),
        DataType::Float16 => number(out, &array.as_primitive::<Float16Type>().value(i)),
        DataType::Float32 => number(out, &array.as_primitive::<Float32Type>().value(i)),
        DataType::Float64 => number(out, &array.as_primitive::<Float64Type>().value(i)),
        DataType::Decimal32(..) => number(
            out,
            &array
                .as_primitive::<arrow_array::types::Decimal32Type>()
                .value_as_string(i),
        ),
        DataType::Decimal64(..) => number(
            out,
            &array
                .as_primitive::<arrow_array::types::Decimal64Type>()
                .value_as_string(i),
        ),
        DataType::Decimal128(..) => number(
            out,
            &array
                .as_primitive::<arrow_array::types::Decimal128Type>()
                .value_as_string(i),
        ),
        DataType::Decimal256(..) => number(
            out,
            &array
                .as_primitive::<arrow_array::types::Decimal256Type>()
                .value_as_string(i),
        ),
        DataType::Timestamp(unit, zone) => {
            let ms = match unit {
                TimeUnit::Second => array
                    .as_primitive::<TimestampSecondType>()
                    .value(i)
                    .saturating_mul(1000),
                TimeUnit::Millisecond => array.as_primitive::<TimestampMillisecondType>().value(i),
                TimeUnit::Microsecond => array
                    .as_primitive::<TimestampMicrosecondType>()
                    .value(i)
                    .div_euclid(1000),
                TimeUnit::Nanosecond => array
                    .as_primitive::<TimestampNanosecondType>()
                    .value(i)
                    .div_euclid(1_000_000),
            };
            write_rfc3339_ms(out, ms);
            if zone.is_none() {
                // A naive timestamp: the import's time zone says where it happened.
                out.pop();
            }
        }
        DataType::Date32 => {
            let days = i64::from(
                array
                    .as_primitive::<arrow_array::types::Date32Type>()
                    .value(i),
            );
            write_rfc3339_ms(out, days * 86_400_000);
            out.truncate(10);
        }
        DataType::Date64 => {
            write_rfc3339_ms(out, array.as_primitive::<Date64Type>().value(i));
            out.truncate(10);
        }
        _ => return false,
    }
    true
}
