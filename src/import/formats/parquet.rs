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
use arrow_schema::{Field, Schema};
use parquet::arrow::arrow_reader::{
    ArrowReaderMetadata, ArrowReaderOptions, ParquetRecordBatchReaderBuilder,
};
use parquet::basic::Encoding;
use parquet::file::metadata::ParquetMetaData;

use super::Rows;
use crate::error::{Error, Result};
use crate::import::timestamp::{write_rfc3339_ms, Stamp};

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
    let metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new())
        .map_err(|e| bad("its footer", &e))?;
    // String columns stored wholly as dictionaries (a touchpoint, a channel, a region: few
    // values, many rows) are read as Arrow dictionaries, so that each value's text is not copied
    // once per row; a column whose writer fell back to plain pages (customer ids) is read as is.
    let schema = metadata.schema();
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let field = field.as_ref().clone();
            if field.data_type() == &DataType::Utf8 && all_dictionary(metadata.metadata(), i) {
                let data_type =
                    DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
                field.with_data_type(data_type)
            } else {
                field
            }
        })
        .collect();
    let hinted = Schema::new_with_metadata(fields, schema.metadata().clone());
    let metadata = if hinted.fields() == schema.fields() {
        metadata
    } else {
        let options = ArrowReaderOptions::new().with_schema(Arc::new(hinted));
        ArrowReaderMetadata::try_new(Arc::clone(metadata.metadata()), options)
            .map_err(|e| bad("its schema", &e))?
    };
    let builder = ParquetRecordBatchReaderBuilder::new_with_metadata(file, metadata);
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
        // The import's timestamps as typed, when its column is a timestamp or date column.
        let stamps = leaves
            .iter()
            .find(|leaf| Some(leaf.column) == rows.stamp_column)
            .filter(|leaf| {
                matches!(
                    leaf.array.data_type(),
                    DataType::Timestamp(..) | DataType::Date32 | DataType::Date64
                )
            })
            .map(|leaf| {
                (0..n)
                    .map(|i| {
                        let at = match &leaf.keys {
                            Some(keys) => keys.get(i).copied().unwrap_or(usize::MAX),
                            None => i,
                        };
                        (at < leaf.array.len() && leaf.array.is_valid(at))
                            .then(|| stamp_of(leaf.array.as_ref(), at))
                            .flatten()
                    })
                    .collect::<Vec<_>>()
            });
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
            let stamp = stamps.as_ref().and_then(|s| s.get(i).copied().flatten());
            if !rows.record(row, value, stamp)? {
                return Ok(());
            }
        }
        if let Some(done) = size.saturating_mul(row.min(total)).checked_div(total) {
            rows.read_so_far(done);
        }
    }
    Ok(())
}

/// Whether top-level field `field` is a leaf column whose data pages are all dictionary-encoded
/// in every row group.
fn all_dictionary(metadata: &ParquetMetaData, field: usize) -> bool {
    let schema = metadata.file_metadata().schema_descr();
    let Some(leaf) = (0..schema.num_columns()).find(|&c| schema.get_column_root_idx(c) == field)
    else {
        return false;
    };
    // A leaf of a struct or a list is not the field itself.
    if schema.column(leaf).path().parts().len() != 1 {
        return false;
    }
    metadata.row_groups().iter().all(|group| {
        let column = group.column(leaf);
        column.dictionary_page_offset().is_some()
            && column.page_encoding_stats_mask().is_some_and(|mask| {
                mask.is_only(Encoding::PLAIN_DICTIONARY) || mask.is_only(Encoding::RLE_DICTIONARY)
            })
    })
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
        DataType::Float64 => {
            let v = array.as_primitive::<Float64Type>().value(i);
            // A whole number (an amount, a score) is written as `Display` writes it, faster.
            if v.trunc() == v && v.abs() < 1e15 && !(v == 0.0 && v.is_sign_negative()) {
                integer(out, v as i64);
            } else {
                number(out, &v);
            }
        }
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
        DataType::Timestamp(..) | DataType::Date32 | DataType::Date64 => {
            let Some(stamp) = stamp_of(array, i) else {
                return false;
            };
            let start = out.len();
            write_rfc3339_ms(out, stamp.ms);
            if matches!(array.data_type(), DataType::Date32 | DataType::Date64) {
                out.truncate(start + "yyyy-mm-dd".len());
            } else if stamp.offset_s.is_none() {
                // A naive timestamp: the import's time zone says where it happened.
                out.pop();
            }
        }
        _ => return false,
    }
    true
}

/// Value `i` of a timestamp or date column as the instant its text (see [`write`]) reads as in
/// ISO 8601: UTC for a column adjusted to UTC, naive (read in the import's zone) otherwise.
fn stamp_of(array: &dyn Array, i: usize) -> Option<Stamp> {
    let (ms, utc) = match array.data_type() {
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
            (ms, zone.is_some())
        }
        DataType::Date32 => {
            let days = array
                .as_primitive::<arrow_array::types::Date32Type>()
                .value(i);
            (i64::from(days) * 86_400_000, false)
        }
        // Date64 counts milliseconds, of whole days.
        DataType::Date64 => {
            let ms = array.as_primitive::<Date64Type>().value(i);
            (ms - ms.rem_euclid(86_400_000), false)
        }
        _ => return None,
    };
    Some(Stamp {
        ms,
        offset_s: utc.then_some(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::timestamp::TimestampFormat;
    use arrow_array::{
        Date32Array, Date64Array, TimestampMicrosecondArray, TimestampMillisecondArray,
        TimestampNanosecondArray, TimestampSecondArray,
    };

    /// Every row of every temporal column: its typed instant is what its text reads as in
    /// ISO 8601, so that the parser may take either.
    #[test]
    fn a_typed_timestamp_is_the_instant_its_text_reads_as() {
        let ms: Vec<i64> = vec![
            1_709_287_200_123,
            -86_400_001,
            0,
            1_700_000_000_999,
            951_782_400_000,
        ];
        let columns: Vec<ArrayRef> = vec![
            Arc::new(TimestampSecondArray::from(
                ms.iter().map(|m| m.div_euclid(1000)).collect::<Vec<_>>(),
            )),
            Arc::new(TimestampMillisecondArray::from(ms.clone()).with_timezone("UTC")),
            Arc::new(TimestampMillisecondArray::from(ms.clone())),
            Arc::new(
                TimestampMicrosecondArray::from(
                    ms.iter().map(|m| m * 1000 + 999).collect::<Vec<_>>(),
                )
                .with_timezone("+00:00"),
            ),
            Arc::new(TimestampNanosecondArray::from(
                ms.iter().map(|m| m * 1_000_000 - 1).collect::<Vec<_>>(),
            )),
            Arc::new(Date32Array::from(
                ms.iter()
                    .map(|m| m.div_euclid(86_400_000) as i32)
                    .collect::<Vec<_>>(),
            )),
            Arc::new(Date64Array::from(ms.clone())),
        ];
        for array in columns {
            let leaf = Leaf {
                column: 0,
                array: Arc::clone(&array),
                keys: None,
            };
            let text = Text::of(&leaf, array.len());
            for i in 0..array.len() {
                let written = text.get(i).unwrap();
                let parsed = TimestampFormat::Iso.parse(written);
                assert!(parsed.is_some(), "{:?}: {written:?}", array.data_type());
                assert_eq!(
                    parsed,
                    stamp_of(array.as_ref(), i),
                    "{:?} row {i}: {}",
                    array.data_type(),
                    String::from_utf8_lossy(written)
                );
            }
        }
    }

    /// A string column of few values is read as a dictionary; one whose writer fell back to
    /// plain pages (a high-cardinality id past the dictionary page's size) is read as is.
    #[test]
    fn only_wholly_dictionary_encoded_string_columns_are_read_as_dictionaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.parquet");
        let n = 200_000;
        let ids: Vec<String> = (0..n).map(|i| format!("customer-{i:08}")).collect();
        let touchpoints: Vec<&str> = (0..n).map(|i| ["Web", "Store", "App"][i % 3]).collect();
        let batch = arrow_array::RecordBatch::try_from_iter([
            (
                "customer_id",
                Arc::new(arrow_array::StringArray::from(ids)) as ArrayRef,
            ),
            (
                "touchpoint",
                Arc::new(arrow_array::StringArray::from(touchpoints)) as ArrayRef,
            ),
        ])
        .unwrap();
        let props = parquet::file::properties::WriterProperties::builder()
            .set_dictionary_page_size_limit(64 * 1024)
            .build();
        let file = std::fs::File::create(&path).unwrap();
        let mut writer =
            parquet::arrow::ArrowWriter::try_new(file, batch.schema(), Some(props)).unwrap();
        writer.write(&batch).unwrap();
        writer.close().unwrap();
        let file = std::fs::File::open(&path).unwrap();
        let metadata = ArrowReaderMetadata::load(&file, ArrowReaderOptions::new()).unwrap();
        assert!(!all_dictionary(metadata.metadata(), 0));
        assert!(all_dictionary(metadata.metadata(), 1));
    }

    #[test]
    fn whole_floats_are_written_as_display_writes_them() {
        let values = [
            42.0,
            -3.0,
            0.0,
            -0.0,
            1.5,
            1e15,
            1e20,
            f64::MAX,
            123_456_789.0,
        ];
        let array: ArrayRef = Arc::new(arrow_array::Float64Array::from(values.to_vec()));
        for (i, v) in values.iter().enumerate() {
            let mut out = Vec::new();
            assert!(write(array.as_ref(), i, &mut out));
            assert_eq!(String::from_utf8(out).unwrap(), v.to_string());
        }
    }
}
