//! The bytes of a log file as the import reads them: a gzip-compressed file (`.csv.gz`, told by
//! its first bytes, not its name) is decompressed on the fly, so it goes through the same
//! detection, reader, rejected rows and atomic import as a plain one. Progress counts the bytes
//! of the file itself, so that it runs from 0 to the file's size either way.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::error::{Error, Result};

/// The gzip magic number (RFC 1952).
const GZIP: [u8; 2] = [0x1f, 0x8b];

/// An open log file: its content as a reader, and how many bytes of the file have been read.
pub(crate) struct Input {
    pub reader: Box<dyn Read + Send>,
    pub consumed: Arc<AtomicU64>,
}

/// Opens `path`, decompressing it when its first bytes say it is gzip.
pub(crate) fn open(path: &Path) -> Result<Input> {
    let mut file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::with_capacity(GZIP.len());
    Read::take(&mut file, GZIP.len() as u64)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    let gzip = head == GZIP;
    file.seek(SeekFrom::Start(0))
        .map_err(|e| Error::io(path, e))?;
    let consumed = Arc::new(AtomicU64::new(0));
    let file = Counted {
        inner: file,
        consumed: Arc::clone(&consumed),
    };
    let reader: Box<dyn Read + Send> = if gzip {
        // Multi-member, as `cat a.gz b.gz` and some exporters write them.
        Box::new(flate2::read::MultiGzDecoder::new(std::io::BufReader::new(
            file,
        )))
    } else {
        Box::new(file)
    };
    Ok(Input { reader, consumed })
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
