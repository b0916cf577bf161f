//! The bytes of a log file as the import reads them, and what kind of file it is.
//!
//! A compressed file (gzip or zstd, told by its first bytes, not its name) is decompressed on the
//! fly, so that it goes through the same detection, reader, rejected rows and atomic import as a
//! plain one. Progress counts the bytes of the file itself, so that it runs from 0 to the file's
//! size either way. The format (CSV, XES, JSON Lines, Parquet) is told by content too.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

/// The gzip magic number (RFC 1952).
const GZIP: [u8; 2] = [0x1f, 0x8b];
/// The zstd frame magic number (RFC 8878), little-endian 0xFD2FB528.
const ZSTD: [u8; 4] = [0x28, 0xb5, 0x2f, 0xfd];
/// Parquet files start (and end) with these bytes.
const PARQUET: [u8; 4] = *b"PAR1";

/// How a log file is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    #[default]
    Csv,
    /// An XES event log (IEEE 1849), as process-mining tools publish them.
    Xes,
    /// One JSON object per line (JSON Lines, NDJSON), as product-analytics tools export them.
    JsonLines,
    /// Apache Parquet, as warehouses (BigQuery, Snowflake, DuckDB, Spark) export tables.
    Parquet,
}

impl LogFormat {
    pub fn label(self) -> &'static str {
        match self {
            LogFormat::Csv => "CSV",
            LogFormat::Xes => "XES",
            LogFormat::JsonLines => "JSON Lines",
            LogFormat::Parquet => "Parquet",
        }
    }
}

/// How a log file's bytes are compressed around its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    Gzip,
    Zstd,
}

impl Compression {
    pub fn label(self) -> &'static str {
        match self {
            Compression::Gzip => "gzip",
            Compression::Zstd => "zstd",
        }
    }
}

/// An open log file: its content as a reader, and how many bytes of the file have been read.
pub(crate) struct Input {
    pub reader: Box<dyn Read + Send>,
    pub consumed: Arc<AtomicU64>,
    pub compression: Option<Compression>,
}

/// Opens `path`, decompressing it when its first bytes say it is gzip or zstd.
pub(crate) fn open(path: &Path) -> Result<Input> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let head = head(&mut file, ZSTD.len()).map_err(|e| Error::io(path, e))?;
    let compression = if head.starts_with(&GZIP) {
        Some(Compression::Gzip)
    } else if head.starts_with(&ZSTD) {
        Some(Compression::Zstd)
    } else {
        None
    };
    let consumed = Arc::new(AtomicU64::new(0));
    let file = Counted {
        inner: file,
        consumed: Arc::clone(&consumed),
    };
    let reader: Box<dyn Read + Send> = match compression {
        // Multi-member, as `cat a.gz b.gz` and some exporters write them.
        Some(Compression::Gzip) => {
            Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(file)))
        }
        Some(Compression::Zstd) => Box::new(
            zstd::stream::read::Decoder::with_buffer(BufReader::new(file))
                .map_err(|e| Error::io(path, e))?,
        ),
        None => Box::new(file),
    };
    Ok(Input {
        reader,
        consumed,
        compression,
    })
}

/// What kind of log `path` holds, from its first bytes (decompressed): Parquet's magic number,
/// an XML document, a JSON object, or else CSV.
pub(crate) fn sniff(path: &Path) -> Result<(LogFormat, Option<Compression>)> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    if head(&mut file, PARQUET.len()).map_err(|e| Error::io(path, e))? == PARQUET {
        return Ok((LogFormat::Parquet, None));
    }
    let input = open(path)?;
    let mut start = BufReader::new(input.reader.take(4096));
    let text = start
        .fill_buf()
        .map_err(|e| read_failure(path, input.compression, &e))?;
    let text = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    let first = text.iter().find(|b| !b.is_ascii_whitespace());
    let format = match first {
        Some(b'<') => LogFormat::Xes,
        Some(b'{') => LogFormat::JsonLines,
        _ => LogFormat::Csv,
    };
    Ok((format, input.compression))
}

/// The error for a read of a log that failed: inside compressed data, the file is damaged or was
/// cut short (a file on disk does not end early or hold invalid data, its decompression does);
/// anything else is the file's own input or output error.
pub(crate) fn read_failure(
    path: &Path,
    compression: Option<Compression>,
    e: &std::io::Error,
) -> Error {
    let damaged = matches!(
        e.kind(),
        std::io::ErrorKind::UnexpectedEof
            | std::io::ErrorKind::InvalidData
            | std::io::ErrorKind::InvalidInput
            | std::io::ErrorKind::Other
    );
    match compression {
        Some(_) if damaged => Error::InvalidInput(format!(
            "{}: the compressed data is damaged or cut short ({e}); nothing was imported. \
             Compress the file again, or import the uncompressed file.",
            path.display()
        )),
        _ => Error::io(path, std::io::Error::new(e.kind(), e.to_string())),
    }
}

/// Up to `n` first bytes of `file`, which is then rewound.
fn head(file: &mut File, n: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    Read::take(&mut *file, n as u64).read_to_end(&mut head)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(head)
}

/// A reader that counts the bytes it hands out.
struct Counted<R> {
    inner: R,
    consumed: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
