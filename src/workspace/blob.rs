//! Encoding of event columns and dictionaries as blobs: little-endian arrays and length-prefixed
//! strings. Decoding checks lengths and reports damage as [`Error::CorruptData`] instead of
//! panicking on a file that was truncated or edited by hand.
//!
//! Event chunks are compact, because a workspace of ten million events is mailed and reopened:
//! small dictionary codes take one or two bytes ([`put_codes`]), customer codes and instants are
//! stored as zig-zag varint deltas from the previous event ([`put_deltas`]: one customer's events
//! sit together, and consecutive instants are close), and the value column stores only the values
//! that are present ([`put_values`]). Each such blob starts with a tag byte naming its layout.

use crate::error::{Error, Result};

pub fn put_u32s(values: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(values));
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

pub fn get_u32s(bytes: &[u8], rows: usize, what: &str) -> Result<Vec<u32>> {
    exact(bytes, rows, 4, what)?;
    Ok(bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect())
}

fn exact(bytes: &[u8], rows: usize, width: usize, what: &str) -> Result<()> {
    if bytes.len() != rows * width {
        return Err(Error::CorruptData(format!(
            "column {what} holds {} bytes for {rows} rows",
            bytes.len()
        )));
    }
    Ok(())
}

const NONE: u32 = u32::MAX;
const TAG_DELTAS: u8 = 0x10;
const TAG_DENSE: u8 = 0x20;
const TAG_SPARSE: u8 = 0x21;

fn damaged(what: &str) -> Error {
    Error::CorruptData(format!("column {what} is damaged"))
}

/// Dictionary codes in the narrowest of 1, 2 or 4 bytes that holds the chunk's largest code;
/// the absent code (`u32::MAX`) becomes that width's largest number.
pub fn put_codes(values: &[u32]) -> Vec<u8> {
    let max = values
        .iter()
        .copied()
        .filter(|&v| v != NONE)
        .max()
        .unwrap_or(0);
    let width: u8 = if max < 0xFF {
        1
    } else if max < 0xFFFF {
        2
    } else {
        4
    };
    let mut out = Vec::with_capacity(1 + values.len() * usize::from(width));
    out.push(width);
    for &v in values {
        match width {
            1 => out.push(if v == NONE { 0xFF } else { v as u8 }),
            2 => out.extend_from_slice(&(if v == NONE { 0xFFFF } else { v as u16 }).to_le_bytes()),
            _ => out.extend_from_slice(&v.to_le_bytes()),
        }
    }
    out
}

/// Appends the `rows` codes of a [`put_codes`] blob to `out`.
pub fn get_codes(bytes: &[u8], rows: usize, what: &str, out: &mut Vec<u32>) -> Result<()> {
    let (&width, data) = bytes.split_first().ok_or_else(|| damaged(what))?;
    if !matches!(width, 1 | 2 | 4) || data.len() != rows * usize::from(width) {
        return Err(damaged(what));
    }
    match width {
        1 => out.extend(
            data.iter()
                .map(|&b| if b == 0xFF { NONE } else { u32::from(b) }),
        ),
        2 => out.extend(
            data.chunks_exact(2)
                .map(|c| match u16::from_le_bytes([c[0], c[1]]) {
                    0xFFFF => NONE,
                    v => u32::from(v),
                }),
        ),
        _ => out.extend(
            data.chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
        ),
    }
    Ok(())
}

/// Zig-zag LEB128 varints of the differences between consecutive values (the first from 0).
pub fn put_deltas(values: impl ExactSizeIterator<Item = i64>) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + values.len() * 3);
    out.push(TAG_DELTAS);
    let mut previous = 0i64;
    for v in values {
        let delta = v.wrapping_sub(previous);
        previous = v;
        let mut z = ((delta << 1) ^ (delta >> 63)) as u64;
        while z >= 0x80 {
            out.push((z as u8) | 0x80);
            z >>= 7;
        }
        out.push(z as u8);
    }
    out
}

/// Appends the `rows` values of a [`put_deltas`] blob to `out`, each converted by `convert`
/// (which refuses values out of its range).
pub fn get_deltas<T>(
    bytes: &[u8],
    rows: usize,
    what: &str,
    out: &mut Vec<T>,
    convert: impl Fn(i64) -> Option<T>,
) -> Result<()> {
    let (&tag, data) = bytes.split_first().ok_or_else(|| damaged(what))?;
    if tag != TAG_DELTAS {
        return Err(damaged(what));
    }
    let before = out.len();
    let mut previous = 0i64;
    let mut z = 0u64;
    let mut shift = 0u32;
    for &b in data {
        if shift > 63 {
            return Err(damaged(what));
        }
        z |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            let delta = ((z >> 1) as i64) ^ -((z & 1) as i64);
            previous = previous.wrapping_add(delta);
            out.push(convert(previous).ok_or_else(|| damaged(what))?);
            z = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    if out.len() - before != rows || shift != 0 {
        return Err(damaged(what));
    }
    Ok(())
}

/// The value column: all values when most events carry one, else a bitmap of the events that
/// do and their values only (NaN means "no value").
pub fn put_values(values: &[f64]) -> Vec<u8> {
    let present = values.iter().filter(|v| !v.is_nan()).count();
    let bitmap = values.len().div_ceil(8);
    if bitmap + present * 8 >= values.len() * 8 {
        let mut out = Vec::with_capacity(1 + values.len() * 8);
        out.push(TAG_DENSE);
        for v in values {
            out.extend_from_slice(&v.to_le_bytes());
        }
        return out;
    }
    let mut out = vec![0u8; 1 + bitmap];
    out[0] = TAG_SPARSE;
    out.reserve(present * 8);
    for (i, v) in values.iter().enumerate() {
        if !v.is_nan() {
            out[1 + i / 8] |= 1 << (i % 8);
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    out
}

/// Appends the `rows` values of a [`put_values`] blob to `out`.
pub fn get_values(bytes: &[u8], rows: usize, what: &str, out: &mut Vec<f64>) -> Result<()> {
    let (&tag, data) = bytes.split_first().ok_or_else(|| damaged(what))?;
    match tag {
        TAG_DENSE => {
            if data.len() != rows * 8 {
                return Err(damaged(what));
            }
            out.extend(
                data.chunks_exact(8)
                    .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])),
            );
            Ok(())
        }
        TAG_SPARSE => {
            let bitmap = rows.div_ceil(8);
            if data.len() < bitmap {
                return Err(damaged(what));
            }
            let (bits, mut present) = data.split_at(bitmap);
            for i in 0..rows {
                if bits[i / 8] & (1 << (i % 8)) == 0 {
                    out.push(f64::NAN);
                } else {
                    let (v, rest) = present
                        .split_first_chunk::<8>()
                        .ok_or_else(|| damaged(what))?;
                    out.push(f64::from_le_bytes(*v));
                    present = rest;
                }
            }
            if !present.is_empty() {
                return Err(damaged(what));
            }
            Ok(())
        }
        _ => Err(damaged(what)),
    }
}

pub fn put_strings(values: &[String]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.iter().map(|v| v.len() + 4).sum());
    for v in values {
        let len = u32::try_from(v.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(v.as_bytes());
    }
    out
}

pub fn get_strings(mut bytes: &[u8], what: &str) -> Result<Vec<String>> {
    let damaged = || Error::CorruptData(format!("dictionary {what} is truncated"));
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_first_chunk::<4>().ok_or_else(damaged)?;
        let len = u32::from_le_bytes(*len) as usize;
        if rest.len() < len {
            return Err(damaged());
        }
        let (text, rest) = rest.split_at(len);
        let text = std::str::from_utf8(text)
            .map_err(|_| Error::CorruptData(format!("dictionary {what} holds invalid UTF-8")))?;
        out.push(text.to_owned());
        bytes = rest;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_strings_round_trip() {
        let words = vec!["".to_string(), "Negozio è".into(), "a\u{0}b".into()];
        assert_eq!(get_strings(&put_strings(&words), "t").unwrap(), words);
        let ints = [0, 7, u32::MAX];
        assert_eq!(get_u32s(&put_u32s(&ints), 3, "t").unwrap(), ints);
    }

    #[test]
    fn compact_event_columns_round_trip() {
        for codes in [
            vec![0, 3, NONE, 254],
            vec![0, 300, NONE],
            vec![70_000, NONE, 1],
            vec![],
        ] {
            let mut back = Vec::new();
            get_codes(&put_codes(&codes), codes.len(), "t", &mut back).unwrap();
            assert_eq!(back, codes);
        }
        let instants = vec![
            1_700_000_000_000,
            1_700_000_000_500,
            1_600_000_000_000,
            i64::MIN,
            i64::MAX,
        ];
        let stored = put_deltas(instants.iter().copied());
        let mut back = Vec::new();
        get_deltas(&stored, 5, "t", &mut back, Some).unwrap();
        assert_eq!(back, instants);
        assert!(get_deltas(&stored[..stored.len() - 1], 5, "t", &mut Vec::new(), Some).is_err());
        let mut customers: Vec<u32> = Vec::new();
        let big = put_deltas([1, i64::from(u32::MAX) + 1].into_iter());
        assert!(get_deltas(&big, 2, "t", &mut customers, |c| u32::try_from(c).ok()).is_err());
        let sparse = vec![
            f64::NAN,
            1.5,
            f64::NAN,
            f64::NAN,
            f64::NAN,
            f64::NAN,
            f64::NAN,
            f64::NAN,
            -2.0,
        ];
        let dense = vec![1.0, 2.0, f64::NAN];
        for values in [sparse, dense] {
            let mut back = Vec::new();
            get_values(&put_values(&values), values.len(), "t", &mut back).unwrap();
            assert_eq!(
                back.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                values.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
            );
        }
        assert_eq!(put_values(&[f64::NAN; 64]).len(), 1 + 8);
    }

    #[test]
    fn a_truncated_blob_is_reported_not_panicked_on() {
        let bytes = put_strings(&["hello".to_string()]);
        assert!(matches!(
            get_strings(&bytes[..6], "t"),
            Err(Error::CorruptData(_))
        ));
        assert!(matches!(
            get_u32s(&[1, 2, 3], 1, "t"),
            Err(Error::CorruptData(_))
        ));
    }
}
