//! Reading the file on its own thread: blocks of bytes cut after a line break, hashed as read
//! (the hash identifies a file already imported) and decoded to UTF-8 from the source's encoding.

use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::error::{Error, Result};
use crate::import::input::{read_failure, Compression};
use crate::import::Encoding;

/// Bytes read from disk at a time.
pub(super) const BLOCK: usize = 4 << 20;

/// A pipeline stage on its own thread: what it produces, where used buffers go back to it, and
/// the thread.
pub(super) type Stage<Out, Used, Done> =
    (Receiver<Result<Out>>, SyncSender<Used>, JoinHandle<Done>);

pub(super) struct Block {
    pub data: Vec<u8>,
    pub raw_read: u64,
    pub last: bool,
}

/// Reads, hashes and decodes the file on its own thread, sending UTF-8 blocks cut after a line
/// break; used blocks come back through the second channel to be filled again. Returns the
/// content hash when done.
pub(super) fn spawn_reader(
    path: PathBuf,
    mut file: Box<dyn Read + Send>,
    consumed: Arc<AtomicU64>,
    compression: Option<Compression>,
    encoding: Encoding,
) -> Stage<Block, Vec<u8>, Result<String>> {
    let (tx, rx) = sync_channel::<Result<Block>>(2);
    let (recycle_tx, recycle_rx) = sync_channel::<Vec<u8>>(4);
    let handle = std::thread::spawn(move || {
        let mut hasher = blake3::Hasher::new();
        let mut decoder = match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => None,
            Encoding::Utf16Le => Some(encoding_rs::UTF_16LE.new_decoder_with_bom_removal()),
            Encoding::Utf16Be => Some(encoding_rs::UTF_16BE.new_decoder_with_bom_removal()),
            Encoding::Windows1252 => {
                Some(encoding_rs::WINDOWS_1252.new_decoder_without_bom_handling())
            }
        };
        let mut raw = Vec::new();
        let mut pending: Vec<u8> = Vec::new();
        let mut first = true;
        loop {
            let mut data = recycle_rx
                .try_recv()
                .unwrap_or_else(|_| Vec::with_capacity(BLOCK + (64 << 10)));
            data.clear();
            data.extend_from_slice(&pending);
            let read = match decoder.as_mut() {
                None => {
                    let start = data.len();
                    let n = fill(&mut file, &mut data, BLOCK);
                    if let Ok(n) = n {
                        hasher.update(&data[start..start + n]);
                        if first && data.starts_with(b"\xEF\xBB\xBF") {
                            data.drain(..3);
                        }
                    }
                    n
                }
                Some(decoder) => {
                    raw.clear();
                    let n = fill(&mut file, &mut raw, BLOCK);
                    if let Ok(n) = n {
                        hasher.update(&raw);
                        let start = data.len();
                        let room = decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
                        data.resize(start + room, 0);
                        let (_, _, written, _) =
                            decoder.decode_to_utf8(&raw, &mut data[start..], n < BLOCK);
                        data.truncate(start + written);
                    }
                    n
                }
            };
            let n = match read {
                Ok(n) => n,
                Err(e) => {
                    let error = read_failure(&path, compression, &e);
                    let _ = tx.send(Err(error));
                    return Err(Error::InvalidInput(format!(
                        "{}: reading stopped",
                        path.display()
                    )));
                }
            };
            let last = n < BLOCK;
            // Bytes of the file itself, which a compressed file has fewer of than it holds.
            let raw_read = consumed.load(Ordering::Relaxed);
            first = false;
            pending.clear();
            if !last {
                match memchr::memrchr(b'\n', &data) {
                    Some(p) => {
                        pending.extend_from_slice(&data[p + 1..]);
                        data.truncate(p + 1);
                    }
                    None => {
                        pending = data;
                        continue;
                    }
                }
            }
            if tx
                .send(Ok(Block {
                    data,
                    raw_read,
                    last,
                }))
                .is_err()
            {
                // The import was cancelled or failed: nobody needs the rest.
                return Ok(String::new());
            }
            if last {
                return Ok(hasher.finalize().to_hex().to_string());
            }
        }
    });
    (rx, recycle_tx, handle)
}

/// Appends up to `limit` bytes of the file to `out`, fewer only at the end of the file.
pub(super) fn fill(file: &mut dyn Read, out: &mut Vec<u8>, limit: usize) -> std::io::Result<usize> {
    let mut n = 0;
    while n < limit {
        match Read::take(&mut *file, (limit - n) as u64).read_to_end(out) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}
