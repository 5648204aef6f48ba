//! Instants as feeds state them: RFC 3339 text with the offset the publisher wrote.

use std::fmt;

/// An instant, plus the UTC offset the source stated it in.
///
/// The offset matters to readers: a provincial paper's dateline says
/// "11:15 GMT+7", and `time-zone="source"` shows it that way wherever the
/// reader is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    pub epoch_ms: i64,
    /// The offset from UTC, in minutes, that the source wrote (`Z` is 0).
    pub offset_minutes: i16,
}

impl Timestamp {
    /// Parses RFC 3339 (`2021-06-25T11:15:00+07:00`, `…Z`, fractional seconds,
    /// a space instead of `T`). `None` for anything else: dates that do not
    /// parse are dropped, never fatal.
    pub fn parse_rfc3339(text: &str) -> Option<Timestamp> {
        let text = text.trim();
        let (local, offset_minutes) = split_offset(text)?;
        let epoch_ms = parse_local(local)? - i64::from(offset_minutes) * 60_000;
        Some(Timestamp {
            epoch_ms,
            offset_minutes,
        })
    }

    /// Parses a date-time without a zone (`2021-06-25T04:15:00`) as UTC, the
    /// way WordPress writes `date_gmt`.
    pub fn parse_utc(text: &str) -> Option<Timestamp> {
        let epoch_ms = parse_local(text.trim())?;
        Some(Timestamp {
            epoch_ms,
            offset_minutes: 0,
        })
    }

    /// The source offset as an ECMA-402 time-zone identifier (`+07:00`).
    pub fn offset_zone(&self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let minutes = self.offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in the source's own offset, as `<time datetime>` wants it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local_ms = self.epoch_ms + i64::from(self.offset_minutes) * 60_000;
        let days = local_ms.div_euclid(86_400_000);
        let ms_of_day = local_ms.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        let (hour, minute, second) = (
            ms_of_day / 3_600_000,
            ms_of_day / 60_000 % 60,
            ms_of_day / 1000 % 60,
        );
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
        )?;
        if self.offset_minutes == 0 {
            f.write_str("Z")
        } else {
            f.write_str(&self.offset_zone())
        }
    }
}

fn split_offset(text: &str) -> Option<(&str, i16)> {
    if let Some(local) = text.strip_suffix(['Z', 'z']) {
        return Some((local, 0));
    }
    let at = text.len().checked_sub(6)?;
    let (local, zone) = text.split_at_checked(at)?;
    let bytes = zone.as_bytes();
    let sign = match bytes[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    if bytes[3] != b':' {
        return None;
    }
    let hours = digits(zone.get(1..3)?)?;
    let minutes = digits(zone.get(4..6)?)?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some((local, sign * (hours * 60 + minutes) as i16))
}

/// `YYYY-MM-DD[T ]HH:MM[:SS[.fff…]]` as milliseconds since the epoch, read as UTC.
fn parse_local(text: &str) -> Option<i64> {
    let (date, time) = text.split_at_checked(10)?;
    let time = time.strip_prefix(['T', 't', ' '])?;
    let d = date.as_bytes();
    if d[4] != b'-' || d[7] != b'-' {
        return None;
    }
    let (year, month, day) = (
        digits(date.get(0..4)?)?,
        digits(date.get(5..7)?)?,
        digits(date.get(8..10)?)?,
    );
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let (hm, rest) = time.split_at_checked(5)?;
    if hm.as_bytes()[2] != b':' {
        return None;
    }
    let (hour, minute) = (digits(hm.get(0..2)?)?, digits(hm.get(3..5)?)?);
    let (second, millis) = match rest.strip_prefix(':') {
        None if rest.is_empty() => (0, 0),
        None => return None,
        Some(rest) => {
            let (sec, frac) = rest.split_at_checked(2)?;
            let millis = match frac.strip_prefix(['.', ',']) {
                None if frac.is_empty() => 0,
                None => return None,
                Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => {
                    let mut ms = 0;
                    for (i, b) in f.bytes().take(3).enumerate() {
                        ms += u32::from(b - b'0') * [100, 10, 1][i];
                    }
                    ms
                }
                Some(_) => return None,
            };
            (digits(sec)?, millis)
        }
    };
    // 60 is a leap second; the instant after it is as good as it gets.
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(
        ((days * 24 + i64::from(hour)) * 60 + i64::from(minute)) * 60_000
            + i64::from(second) * 1000
            + i64::from(millis),
    )
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
// Gregorian calendar, no tables.
pub(crate) fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_dateline_is_11_15_in_gmt_plus_7() {
        let t = Timestamp::parse_rfc3339("2021-06-25T11:15:00+07:00").unwrap();
        assert_eq!(t.offset_minutes, 420);
        // 04:15 UTC, checked against `date -u -d 2021-06-25T04:15:00Z +%s`.
        assert_eq!(t.epoch_ms, 1_624_594_500_000);
        assert_eq!(t.to_string(), "2021-06-25T11:15:00+07:00");
        assert_eq!(t.offset_zone(), "+07:00");
    }

    #[test]
    fn zulu_fractions_and_negative_offsets() {
        let z = Timestamp::parse_rfc3339("2021-06-25T04:15:00.250Z").unwrap();
        assert_eq!(z.epoch_ms, 1_624_594_500_250);
        assert_eq!(z.to_string(), "2021-06-25T04:15:00Z");
        let ny = Timestamp::parse_rfc3339("2021-06-25 00:15:00-04:00").unwrap();
        assert_eq!(ny.epoch_ms, 1_624_594_500_000);
        assert_eq!(ny.to_string(), "2021-06-25T00:15:00-04:00");
        assert_eq!(
            Timestamp::parse_rfc3339("1969-12-31T23:59:59Z")
                .unwrap()
                .epoch_ms,
            -1000
        );
    }

    #[test]
    fn utc_without_zone_is_how_wordpress_writes_date_gmt() {
        let t = Timestamp::parse_utc("2021-06-25T04:15:00").unwrap();
        assert_eq!(t.epoch_ms, 1_624_594_500_000);
        assert_eq!(t.offset_minutes, 0);
    }

    #[test]
    fn anything_else_is_dropped_not_fatal() {
        for bad in [
            "",
            "yesterday",
            "2021-06-25",
            "2021-13-01T00:00:00Z",
            "2021-02-29T00:00:00Z",
            "2021-06-25T24:00:00Z",
            "2021-06-25T11:15:00+7",
            "2021-06-25T11:15:00+07:0x",
            "2021-06-25T11:15:00.Z",
            "２０２１-06-25T11:15:00Z",
            "99999999999999999999-01-01T00:00:00Z",
            "2021-06-25T11:15:00+99:00",
        ] {
            assert_eq!(Timestamp::parse_rfc3339(bad), None, "{bad:?}");
        }
        assert!(Timestamp::parse_rfc3339("2024-02-29T00:00:00Z").is_some());
    }
}
