//! Finding exact duplicate rows on their own thread, from the hashes of accepted rows, and taking
//! them out of the log once confirmed on the stored event.

use std::collections::HashMap;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use foldhash::fast::FixedState;

use crate::log::EventLog;

/// Rows hashed per message to the duplicate finder.
pub(super) const HASH_BATCH: usize = 1 << 15;

/// What the parser thread tells the duplicate finder.
pub(super) enum ToDedup {
    /// About this many rows will come: size the table once instead of growing it.
    Expect(usize),
    Hashes(Vec<u64>),
}

/// Finds rows whose hash an earlier row had, returning (earlier, repeat) indices among the
/// accepted rows, repeats ascending.
pub(super) fn spawn_duplicate_finder() -> (SyncSender<ToDedup>, JoinHandle<Vec<(u32, usize)>>) {
    let (tx, rx) = sync_channel::<ToDedup>(8);
    let handle = std::thread::spawn(move || {
        let mut first: HashMap<u64, u32, FixedState> =
            HashMap::with_hasher(FixedState::with_seed(0x5043_5253));
        let mut repeats = Vec::new();
        let mut index = 0usize;
        for message in rx {
            match message {
                ToDedup::Expect(rows) => first.reserve(rows.saturating_sub(first.len())),
                ToDedup::Hashes(batch) => {
                    for hash in batch {
                        let at = u32::try_from(index).unwrap_or(u32::MAX);
                        let earlier = *first.entry(hash).or_insert(at);
                        if earlier != at {
                            repeats.push((earlier, index));
                        }
                        index += 1;
                    }
                }
            }
        }
        repeats
    });
    (tx, handle)
}

/// Whether two accepted rows are the same event in every imported column.
pub(super) fn same_event(log: &EventLog, a: usize, b: usize) -> bool {
    let same = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        _ => false,
    };
    log.customer.get(a) == log.customer.get(b)
        && log.instant_ms.get(a) == log.instant_ms.get(b)
        && log.touchpoint.get(a) == log.touchpoint.get(b)
        && log.channel.get(a) == log.channel.get(b)
        && log.event_type.get(a) == log.event_type.get(b)
        && same(log.value.get(a).copied(), log.value.get(b).copied())
}

/// Removes the rows at `sorted` (ascending indices) from every column.
pub(super) fn remove_rows(log: &mut EventLog, sorted: &[usize]) {
    fn retain<T: Copy>(column: &mut Vec<T>, sorted: &[usize]) {
        let mut next = sorted.iter().peekable();
        let mut i = 0;
        column.retain(|_| {
            let drop = next.peek().is_some_and(|&&r| r == i);
            if drop {
                next.next();
            }
            i += 1;
            !drop
        });
    }
    retain(&mut log.customer, sorted);
    retain(&mut log.instant_ms, sorted);
    retain(&mut log.touchpoint, sorted);
    retain(&mut log.channel, sorted);
    retain(&mut log.event_type, sorted);
    retain(&mut log.value, sorted);
}
