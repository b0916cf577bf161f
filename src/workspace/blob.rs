//! Encoding of event columns and dictionaries as blobs: little-endian arrays and length-prefixed
//! strings. Decoding checks lengths and reports damage as [`Error::CorruptData`] instead of
//! panicking on a file that was truncated or edited by hand.

use crate::error::{Error, Result};

pub fn put_u32s(values: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(values));
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

pub fn put_i64s(values: &[i64]) -> Vec<u8> {
    let mut out = Vec::with_capacity(std::mem::size_of_val(values));
    for v in values {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

pub fn put_f64s(values: &[f64]) -> Vec<u8> {
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

pub fn get_i64s(bytes: &[u8], rows: usize, what: &str) -> Result<Vec<i64>> {
    exact(bytes, rows, 8, what)?;
    Ok(bytes
        .chunks_exact(8)
        .map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect())
}

pub fn get_f64s(bytes: &[u8], rows: usize, what: &str) -> Result<Vec<f64>> {
    exact(bytes, rows, 8, what)?;
    Ok(bytes
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
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
        let instants = [i64::MIN, -1, 1_700_000_000_000];
        assert_eq!(get_i64s(&put_i64s(&instants), 3, "t").unwrap(), instants);
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
