//! Quantiles as analysts' tools compute them: type 7 of Hyndman & Fan, linear interpolation
//! between closest ranks (numpy's default, DuckDB's `quantile_cont`), on durations in seconds.

/// The `q` quantile of `durations_ms` read as seconds; `None` for an empty sample. Reorders
/// `durations_ms` (selection, not a full sort).
pub fn quantile_s(durations_ms: &mut [i64], q: f64) -> Option<f64> {
    let n = durations_ms.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let (_, &mut low, above) = durations_ms.select_nth_unstable(lo.min(n - 1));
    let low = seconds(low);
    let fraction = h - lo as f64;
    match above.iter().min() {
        Some(&high) if fraction > 0.0 => Some(low + (seconds(high) - low) * fraction),
        _ => Some(low),
    }
}

pub fn seconds(ms: i64) -> f64 {
    ms as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_between_closest_ranks_like_numpy() {
        // numpy.quantile([10, 20, 30, 40], 0.9) = 37.0; median = 25.0.
        let mut sample = vec![40_000, 10_000, 30_000, 20_000];
        assert_eq!(quantile_s(&mut sample, 0.5), Some(25.0));
        assert_eq!(quantile_s(&mut sample, 0.9), Some(37.0));
        assert_eq!(quantile_s(&mut [7_000], 0.9), Some(7.0));
        assert_eq!(quantile_s(&mut [], 0.5), None);
    }
}
