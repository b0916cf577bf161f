//! Timestamp formats and their fast parsers.
//!
//! Ten million timestamps must be read in well under a second, so the formats that logs actually
//! use (ISO 8601 / RFC 3339, `dd/mm/yyyy`, `mm/dd/yyyy`, `dd.mm.yyyy`, date only, epoch seconds and
//! milliseconds) are parsed by hand from their fixed digit layout; only a user's own strftime
//! pattern goes through chrono. A timestamp without an offset is *naive*: it is read in the
//! source's IANA time zone, as metrics.md requires, through a per-hour cache of that zone's offset.

use std::collections::HashMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

const MS_PER_DAY: i64 = 86_400_000;

/// How a timestamp column is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TimestampFormat {
    /// `yyyy-mm-dd`, optionally followed by `T` or a space and `HH:MM[:SS[.fff]]`, optionally
    /// with `Z` or an offset (`+02:00`, `+0200`, `+02`): ISO 8601 and RFC 3339.
    Iso,
    /// `dd/mm/yyyy [HH:MM[:SS]]` with the given separator (`/`, `.` or `-`).
    DayMonthYear { separator: char },
    /// `mm/dd/yyyy [HH:MM[:SS]]` with the given separator.
    MonthDayYear { separator: char },
    /// Seconds since 1970-01-01T00:00:00Z (a fraction is allowed).
    EpochSeconds,
    /// Milliseconds since 1970-01-01T00:00:00Z.
    EpochMillis,
    /// Microseconds since 1970-01-01T00:00:00Z (GA4's BigQuery export, many warehouses).
    EpochMicros,
    /// Nanoseconds since 1970-01-01T00:00:00Z (Parquet and Spark timestamps written as integers).
    EpochNanos,
    /// A chrono strftime pattern such as `%d %b %Y %H:%M`.
    Custom { pattern: String },
}

impl TimestampFormat {
    /// The formats detection tries, most specific first.
    pub fn candidates() -> Vec<TimestampFormat> {
        use TimestampFormat::*;
        vec![
            Iso,
            DayMonthYear { separator: '/' },
            MonthDayYear { separator: '/' },
            DayMonthYear { separator: '.' },
            DayMonthYear { separator: '-' },
            MonthDayYear { separator: '-' },
            EpochSeconds,
            EpochMillis,
            EpochMicros,
            EpochNanos,
        ]
    }

    /// Reads a format as the CLI's `--timestamp-format` spells it: `iso`, `dd/mm/yyyy`,
    /// `mm/dd/yyyy`, `dd.mm.yyyy`, `epoch_s`, `epoch_ms`, `epoch_us`, `epoch_ns`, or a strftime
    /// pattern with `%`.
    pub fn parse_name(name: &str) -> Result<TimestampFormat> {
        let lower = name.trim().to_ascii_lowercase();
        let format = match lower.as_str() {
            "iso" | "iso8601" | "rfc3339" | "yyyy-mm-dd" => TimestampFormat::Iso,
            "epoch" | "epoch_s" | "unix" | "seconds" => TimestampFormat::EpochSeconds,
            "epoch_ms" | "unix_ms" | "millis" | "milliseconds" => TimestampFormat::EpochMillis,
            "epoch_us" | "unix_us" | "micros" | "microseconds" => TimestampFormat::EpochMicros,
            "epoch_ns" | "unix_ns" | "nanos" | "nanoseconds" => TimestampFormat::EpochNanos,
            _ if name.contains('%') => TimestampFormat::Custom {
                pattern: name.to_owned(),
            },
            _ => {
                let b = lower.as_bytes();
                if b.len() >= 10 && (b[2] == b[5]) && matches!(b[2], b'/' | b'.' | b'-') {
                    let separator = char::from(b[2]);
                    match &lower[..2] {
                        "dd" if &lower[3..5] == "mm" => TimestampFormat::DayMonthYear { separator },
                        "mm" if &lower[3..5] == "dd" => TimestampFormat::MonthDayYear { separator },
                        _ => return Err(unknown_format(name)),
                    }
                } else {
                    return Err(unknown_format(name));
                }
            }
        };
        Ok(format)
    }

    /// A timestamp in this format, for messages that say what was expected.
    pub fn example(&self) -> String {
        match self {
            TimestampFormat::Iso => "2026-03-01T09:15:00Z".to_owned(),
            TimestampFormat::DayMonthYear { separator: s } => format!("31{s}03{s}2026 09:15"),
            TimestampFormat::MonthDayYear { separator: s } => format!("03{s}31{s}2026 09:15"),
            TimestampFormat::EpochSeconds => "1772356500".to_owned(),
            TimestampFormat::EpochMillis => "1772356500000".to_owned(),
            TimestampFormat::EpochMicros => "1772356500000000".to_owned(),
            TimestampFormat::EpochNanos => "1772356500000000000".to_owned(),
            TimestampFormat::Custom { pattern } => pattern.clone(),
        }
    }

    /// Parses one timestamp; see [`Stamp`].
    pub fn parse(&self, text: &[u8]) -> Option<Stamp> {
        let text = trim(text);
        match self {
            TimestampFormat::Iso => parse_dated(text, DateOrder::Ymd, b'-'),
            TimestampFormat::DayMonthYear { separator } => {
                parse_dated(text, DateOrder::Dmy, ascii(*separator)?)
            }
            TimestampFormat::MonthDayYear { separator } => {
                parse_dated(text, DateOrder::Mdy, ascii(*separator)?)
            }
            TimestampFormat::EpochSeconds => parse_epoch_seconds(text),
            TimestampFormat::EpochMillis => epoch_in(text, 1),
            TimestampFormat::EpochMicros => epoch_in(text, 1_000),
            TimestampFormat::EpochNanos => epoch_in(text, 1_000_000),
            TimestampFormat::Custom { pattern } => {
                parse_custom(std::str::from_utf8(text).ok()?, pattern)
            }
        }
    }
}

fn unknown_format(name: &str) -> Error {
    Error::InvalidInput(format!(
        "{name:?} is not a timestamp format Percorso knows; use iso, dd/mm/yyyy, \
         mm/dd/yyyy, dd.mm.yyyy, epoch_s, epoch_ms, epoch_us, epoch_ns, or a strftime pattern such \
         as \"%d %b %Y %H:%M\""
    ))
}

impl fmt::Display for TimestampFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimestampFormat::Iso => f.write_str("iso"),
            TimestampFormat::DayMonthYear { separator: s } => write!(f, "dd{s}mm{s}yyyy"),
            TimestampFormat::MonthDayYear { separator: s } => write!(f, "mm{s}dd{s}yyyy"),
            TimestampFormat::EpochSeconds => f.write_str("epoch_s"),
            TimestampFormat::EpochMillis => f.write_str("epoch_ms"),
            TimestampFormat::EpochMicros => f.write_str("epoch_us"),
            TimestampFormat::EpochNanos => f.write_str("epoch_ns"),
            TimestampFormat::Custom { pattern } => f.write_str(pattern),
        }
    }
}

/// A parsed timestamp: milliseconds since the epoch *as written*, and the offset it was written
/// with (`None` for a naive timestamp, to be read in the source's zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub ms: i64,
    pub offset_s: Option<i32>,
}

#[derive(Clone, Copy)]
enum DateOrder {
    Ymd,
    Dmy,
    Mdy,
}

fn ascii(c: char) -> Option<u8> {
    u8::try_from(c).ok().filter(u8::is_ascii)
}

fn trim(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s {
        if first.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., last] = s {
        if last.is_ascii_whitespace() {
            s = rest;
        } else {
            break;
        }
    }
    s
}

/// A cursor over the bytes of one timestamp.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Between `min` and `max` digits, as a number.
    fn digits(&mut self, min: usize, max: usize) -> Option<i64> {
        let mut n = 0i64;
        let start = self.i;
        while self.i - start < max {
            match self.peek() {
                Some(d @ b'0'..=b'9') => {
                    n = n * 10 + i64::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        (self.i - start >= min).then_some(n)
    }

    fn done(&self) -> bool {
        self.i == self.s.len()
    }
}

fn parse_dated(s: &[u8], order: DateOrder, sep: u8) -> Option<Stamp> {
    let mut c = Cursor { s, i: 0 };
    let (y, m, d) = match order {
        DateOrder::Ymd => {
            let y = c.digits(4, 4)?;
            let sep = if c.eat(sep) || c.eat(b'/') {
                c.s[c.i - 1]
            } else {
                return None;
            };
            let m = c.digits(1, 2)?;
            if !c.eat(sep) {
                return None;
            }
            (y, m, c.digits(1, 2)?)
        }
        DateOrder::Dmy | DateOrder::Mdy => {
            let a = c.digits(1, 2)?;
            if !c.eat(sep) {
                return None;
            }
            let b = c.digits(1, 2)?;
            if !c.eat(sep) {
                return None;
            }
            let y = c.digits(4, 4)?;
            match order {
                DateOrder::Dmy => (y, b, a),
                _ => (y, a, b),
            }
        }
    };
    let days = days_from_civil(y, m, d)?;
    let mut ms = days * MS_PER_DAY;
    if c.done() {
        return Some(Stamp { ms, offset_s: None });
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return None;
    }
    while c.eat(b' ') {}
    let hour = c.digits(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    let minute = c.digits(2, 2)?;
    let mut second = 0;
    let mut millis = 0;
    if c.eat(b':') {
        second = c.digits(2, 2)?;
        if c.eat(b'.') || c.eat(b',') {
            let start = c.i;
            let frac = c.digits(1, 9)?;
            let places = c.i - start;
            millis = match places {
                1 => frac * 100,
                2 => frac * 10,
                3 => frac,
                p => frac / 10i64.pow(u32::try_from(p - 3).ok()?),
            };
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    ms += ((hour * 60 + minute) * 60 + second) * 1000 + millis;
    while c.eat(b' ') {}
    if c.done() {
        return Some(Stamp { ms, offset_s: None });
    }
    let offset_s = if c.eat(b'Z') || c.eat(b'z') {
        0
    } else {
        let sign = if c.eat(b'+') {
            1
        } else if c.eat(b'-') {
            -1
        } else {
            return None;
        };
        let oh = c.digits(2, 2)?;
        c.eat(b':');
        let om = if c.done() { 0 } else { c.digits(2, 2)? };
        if oh > 23 || om > 59 {
            return None;
        }
        sign * i32::try_from(oh * 3600 + om * 60).ok()?
    };
    c.done().then_some(Stamp {
        ms,
        offset_s: Some(offset_s),
    })
}

fn parse_int(s: &[u8]) -> Option<i64> {
    let (negative, digits) = match s {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, s),
    };
    // Up to 19 digits: nanoseconds since 1970 have 19 today.
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut n = 0i64;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
    }
    Some(if negative { -n } else { n })
}

/// An integer count of `per_ms` units since 1970, floored to the millisecond (an instant before
/// 1970 is floored too, not rounded towards it).
fn epoch_in(text: &[u8], per_ms: i64) -> Option<Stamp> {
    Some(Stamp {
        ms: parse_int(text)?.div_euclid(per_ms),
        offset_s: Some(0),
    })
}

fn parse_epoch_seconds(s: &[u8]) -> Option<Stamp> {
    let (whole, frac) = match s.iter().position(|&b| b == b'.') {
        Some(dot) => (&s[..dot], &s[dot + 1..]),
        None => (s, &[][..]),
    };
    let seconds = parse_int(whole)?;
    let mut ms = seconds.checked_mul(1000)?;
    if !frac.is_empty() {
        let mut scale = 100;
        for &d in frac {
            if !d.is_ascii_digit() {
                return None;
            }
            ms += i64::from(d - b'0') * scale;
            scale /= 10;
        }
    }
    Some(Stamp {
        ms,
        offset_s: Some(0),
    })
}

fn parse_custom(text: &str, pattern: &str) -> Option<Stamp> {
    if let Ok(t) = chrono::DateTime::parse_from_str(text, pattern) {
        return Some(Stamp {
            ms: t.naive_local().and_utc().timestamp_millis(),
            offset_s: Some(t.offset().local_minus_utc()),
        });
    }
    if let Ok(t) = NaiveDateTime::parse_from_str(text, pattern) {
        return Some(Stamp {
            ms: t.and_utc().timestamp_millis(),
            offset_s: None,
        });
    }
    let d = NaiveDate::parse_from_str(text, pattern).ok()?;
    Some(Stamp {
        ms: d.and_hms_opt(0, 0, 0)?.and_utc().timestamp_millis(),
        offset_s: None,
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date, or `None` if it does not exist.
fn days_from_civil(y: i64, m: i64, d: i64) -> Option<i64> {
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// (year, month, day) of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Writes an instant as RFC 3339 in UTC with milliseconds, e.g. `2026-03-01T09:15:00.000Z`.
/// Digits are written by hand: the Parquet import writes one per event.
/// Writes the instant `ms` as RFC 3339 local time at `offset_minutes` east of UTC, with that
/// offset (`2026-03-01T11:00:00.000+01:00`); an offset of 0 is written `Z`.
pub fn write_rfc3339_ms_at(out: &mut Vec<u8>, ms: i64, offset_minutes: i32) {
    if offset_minutes == 0 {
        write_rfc3339_ms(out, ms);
        return;
    }
    write_rfc3339_ms(out, ms + i64::from(offset_minutes) * 60_000);
    out.pop(); // the `Z`
    let sign = if offset_minutes < 0 { b'-' } else { b'+' };
    let abs = offset_minutes.unsigned_abs();
    let (h, m) = (abs / 60, abs % 60);
    out.extend_from_slice(&[
        sign,
        b'0' + (h / 10) as u8,
        b'0' + (h % 10) as u8,
        b':',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
    ]);
}

pub fn write_rfc3339_ms(out: &mut Vec<u8>, ms: i64) {
    let days = ms.div_euclid(MS_PER_DAY);
    let rest = ms.rem_euclid(MS_PER_DAY);
    let (y, m, d) = civil_from_days(days);
    let (h, min, s, milli) = (
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000,
    );
    if !(0..=9999).contains(&y) {
        use std::io::Write;
        // Writing into a Vec cannot fail.
        let _ = write!(
            out,
            "{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z"
        );
        return;
    }
    let mut text = *b"0000-00-00T00:00:00.000Z";
    for (range, value) in [
        (0..4, y as u64),
        (5..7, u64::from(m)),
        (8..10, u64::from(d)),
        (11..13, h as u64),
        (14..16, min as u64),
        (17..19, s as u64),
        (20..23, milli as u64),
    ] {
        let mut value = value;
        for slot in text[range].iter_mut().rev() {
            *slot = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    out.extend_from_slice(&text);
}

/// Reads naive timestamps in one IANA zone, remembering each hour's offset.
pub struct Zone {
    tz: Tz,
    cache: HashMap<i64, i32>,
}

impl Zone {
    /// The named zone; an unknown name is an error that says how to fix it.
    pub fn named(name: &str) -> Result<Zone> {
        let tz: Tz = name.parse().map_err(|_| {
            Error::InvalidInput(format!(
                "{name:?} is not an IANA time zone; use a name such as Europe/Rome, UTC or America/New_York"
            ))
        })?;
        Ok(Zone {
            tz,
            cache: HashMap::new(),
        })
    }

    /// The UTC instant of a parsed timestamp: its own offset if it has one, else this zone's.
    /// A time that falls in a DST gap is read with the offset before the gap; one that occurs
    /// twice is read as the earlier instant.
    pub fn instant_ms(&mut self, stamp: Stamp) -> i64 {
        let offset = match stamp.offset_s {
            Some(o) => o,
            None => self.offset_of_naive(stamp.ms),
        };
        stamp.ms - i64::from(offset) * 1000
    }

    fn offset_of_naive(&mut self, ms: i64) -> i32 {
        let hour = ms.div_euclid(3_600_000);
        if let Some(&o) = self.cache.get(&hour) {
            return o;
        }
        let at = |ms: i64| -> Option<i32> {
            let naive = chrono::DateTime::from_timestamp_millis(ms)?.naive_utc();
            match self.tz.offset_from_local_datetime(&naive) {
                chrono::LocalResult::Single(o) => Some(o.fix().local_minus_utc()),
                chrono::LocalResult::Ambiguous(a, _) => Some(a.fix().local_minus_utc()),
                chrono::LocalResult::None => None,
            }
        };
        let start = at(hour * 3_600_000);
        let end = at(hour * 3_600_000 + 3_599_999);
        if let (Some(a), Some(b)) = (start, end) {
            if a == b {
                self.cache.insert(hour, a);
                return a;
            }
        }
        at(ms).unwrap_or_else(|| {
            // In a gap: use the offset in force just before it.
            chrono::DateTime::from_timestamp_millis(ms - 3_600_000)
                .map(|t| {
                    self.tz
                        .offset_from_utc_datetime(&t.naive_utc())
                        .fix()
                        .local_minus_utc()
                })
                .unwrap_or(0)
        })
    }
}

/// Every IANA zone name timestamps can be read in, sorted.
pub fn zone_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
    names.sort_unstable();
    names
}

/// The machine's IANA zone, or UTC when it cannot be told.
pub fn local_zone_name() -> String {
    iana_time_zone::get_timezone()
        .ok()
        .filter(|name| name.parse::<Tz>().is_ok())
        .unwrap_or_else(|| "UTC".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_written_as_chrono_writes_them() {
        let mut ms: i64 = -62_135_596_800_000; // 0001-01-01
        while ms < 253_402_300_799_999 {
            let mut ours = Vec::new();
            write_rfc3339_ms(&mut ours, ms);
            let theirs = chrono::DateTime::from_timestamp_millis(ms)
                .unwrap()
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);
            ms += 7_919_999_987; // about three months and a prime number of ms
        }
    }

    #[test]
    fn instants_at_an_offset_are_written_as_chrono_writes_them() {
        for offset in [60, 120, -300, 330, -480, 0] {
            let zone = chrono::FixedOffset::east_opt(offset * 60).unwrap();
            let mut ms: i64 = 946_684_800_123; // 2000-01-01
            while ms < 1_893_456_000_000 {
                let mut ours = Vec::new();
                write_rfc3339_ms_at(&mut ours, ms, offset);
                let theirs = chrono::DateTime::from_timestamp_millis(ms)
                    .unwrap()
                    .with_timezone(&zone)
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
                assert_eq!(String::from_utf8(ours).unwrap(), theirs, "{offset}");
                ms += 3_919_999_987;
            }
        }
    }

    fn utc(format: &TimestampFormat, text: &str) -> Option<i64> {
        let mut zone = Zone::named("UTC").unwrap();
        format.parse(text.as_bytes()).map(|s| zone.instant_ms(s))
    }

    #[test]
    fn iso_with_offsets_fractions_and_either_separator_reads_the_same_instant() {
        let iso = TimestampFormat::Iso;
        let t = utc(&iso, "2026-03-01T09:15:00Z").unwrap();
        assert_eq!(t, 1_772_356_500_000);
        assert_eq!(utc(&iso, "2026-03-01 10:15:00+01:00"), Some(t));
        assert_eq!(utc(&iso, "2026-03-01T10:15:00.000+0100"), Some(t));
        assert_eq!(utc(&iso, "2026-03-01T04:15-05"), Some(t));
        assert_eq!(utc(&iso, "2026-03-01T09:15:00.25Z"), Some(t + 250));
        assert_eq!(utc(&iso, "2026-03-01"), Some(t - (9 * 60 + 15) * 60_000));
        assert_eq!(utc(&iso, "2026-02-30"), None);
        assert_eq!(utc(&iso, "2026-03-01T25:00"), None);
    }

    #[test]
    fn day_first_and_month_first_dates_differ_only_in_order() {
        let dmy = TimestampFormat::DayMonthYear { separator: '/' };
        let mdy = TimestampFormat::MonthDayYear { separator: '/' };
        assert_eq!(utc(&dmy, "01/03/2026 09:15"), utc(&mdy, "03/01/2026 09:15"));
        assert_eq!(utc(&mdy, "13/01/2026"), None);
        let dotted = TimestampFormat::DayMonthYear { separator: '.' };
        assert_eq!(
            utc(&dotted, "1.3.2026 09:15:00"),
            utc(&dmy, "01/03/2026 09:15")
        );
    }

    #[test]
    fn naive_times_are_read_in_the_sources_zone_across_dst() {
        let mut rome = Zone::named("Europe/Rome").unwrap();
        let iso = TimestampFormat::Iso;
        let winter = rome.instant_ms(iso.parse(b"2026-01-15 10:00").unwrap());
        assert_eq!(Some(winter), utc(&iso, "2026-01-15T09:00Z"));
        let summer = rome.instant_ms(iso.parse(b"2026-07-15 10:00").unwrap());
        assert_eq!(Some(summer), utc(&iso, "2026-07-15T08:00Z"));
        assert!(Zone::named("Mars/Olympus").is_err());
    }

    #[test]
    fn epochs_and_rfc3339_output_round_trip() {
        let t = utc(&TimestampFormat::EpochMillis, "1772356500123").unwrap();
        assert_eq!(
            utc(&TimestampFormat::EpochSeconds, "1772356500.123"),
            Some(t)
        );
        let mut out = Vec::new();
        write_rfc3339_ms(&mut out, t);
        assert_eq!(out, b"2026-03-01T09:15:00.123Z");
        assert_eq!(
            utc(&TimestampFormat::Iso, "2026-03-01T09:15:00.123Z"),
            Some(t)
        );
    }

    #[test]
    fn epoch_micros_and_nanos_read_to_the_millisecond() {
        let t = utc(&TimestampFormat::EpochMillis, "1772356500123").unwrap();
        assert_eq!(
            utc(&TimestampFormat::EpochMicros, "1772356500123456"),
            Some(t)
        );
        assert_eq!(
            utc(&TimestampFormat::EpochNanos, "1772356500123456789"),
            Some(t)
        );
        // Before 1970 the floor goes down, as for every other unit.
        let before = utc(&TimestampFormat::EpochMillis, "-1").unwrap();
        assert_eq!(utc(&TimestampFormat::EpochMicros, "-1"), Some(before));
        // Too large for 64 bits: refused, never wrapped round.
        assert_eq!(
            utc(&TimestampFormat::EpochNanos, "9999999999999999999"),
            None
        );
        for name in ["epoch_us", "epoch_ns"] {
            let format = TimestampFormat::parse_name(name).unwrap();
            assert_eq!(format.to_string(), name);
            assert!(format.parse(format.example().as_bytes()).is_some());
        }
    }

    #[test]
    fn a_strftime_pattern_reads_what_the_fixed_formats_do_not() {
        let format = TimestampFormat::parse_name("%d %b %Y %H:%M").unwrap();
        assert_eq!(
            utc(&format, "01 Mar 2026 09:15"),
            utc(&TimestampFormat::Iso, "2026-03-01T09:15Z")
        );
        let with_offset = TimestampFormat::parse_name("%d/%m/%Y %H:%M %z").unwrap();
        assert_eq!(
            utc(&with_offset, "01/03/2026 10:15 +0100"),
            utc(&TimestampFormat::Iso, "2026-03-01T09:15Z")
        );
    }

    #[test]
    fn format_names_parse_and_print_back() {
        for name in [
            "iso",
            "dd/mm/yyyy",
            "mm/dd/yyyy",
            "dd.mm.yyyy",
            "epoch_s",
            "epoch_ms",
        ] {
            assert_eq!(TimestampFormat::parse_name(name).unwrap().to_string(), name);
        }
        assert!(TimestampFormat::parse_name("yyyy/dd").is_err());
    }

    #[test]
    fn the_zone_list_is_sorted_and_every_name_in_it_reads_timestamps() {
        let names = zone_names();
        assert!(names.len() > 300);
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        for name in ["Europe/Rome", "America/New_York", "UTC"] {
            assert!(names.contains(&name), "{name}");
        }
        assert!(names.iter().all(|n| Zone::named(n).is_ok()));
    }
}
