//! RSS dates: RFC 822 as amended by RFC 1123 (`Fri, 25 Jun 2021 11:15:00
//! +0700`), written every which way by real feeds.

use crate::timestamp::{days_from_civil, Timestamp};

/// Parses an RFC 822 date-time, keeping the offset it states. Tolerates what
/// feeds write: no weekday, a full month or weekday name, two-digit years,
/// no seconds, `+07:00`, named zones (`GMT`, `UT`, `EST` … `PDT`, military
/// letters) and none (read as UTC). `None` when it does not parse.
pub(crate) fn parse(text: &str) -> Option<Timestamp> {
    let mut tokens = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .peekable();
    // An optional weekday, in any spelling.
    if tokens.peek().is_some_and(|t| {
        t.chars().all(|c| c.is_ascii_alphabetic() || c == '.') && month(t).is_none()
    }) {
        tokens.next();
    }
    let first = tokens.next()?;
    let second = tokens.next()?;
    // "25 Jun" as RFC 822 says, or "Jun 25" as some feeds write.
    let (day, month) = match (first.parse::<u32>().ok(), month(second)) {
        (Some(day), Some(month)) => (day, month),
        _ => (second.parse().ok()?, month(first)?),
    };
    let year: u32 = match tokens.next()? {
        y if y.len() == 4 => y.parse().ok()?,
        // RFC 2822: two digits below 50 are 20xx, else 19xx.
        y if y.len() == 2 => {
            let y: u32 = y.parse().ok()?;
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return None,
    };
    let time = tokens.next()?;
    let mut parts = time.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let second: u32 = match parts.next() {
        Some(s) => s.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_minutes = match tokens.next() {
        Some(zone) => zone_offset(zone)?,
        None => 0,
    };
    if day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let local_ms = ((days * 24 + i64::from(hour)) * 60 + i64::from(minute)) * 60_000
        + i64::from(second) * 1000;
    Some(Timestamp {
        epoch_ms: local_ms - i64::from(offset_minutes) * 60_000,
        offset_minutes,
    })
}

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let index = MONTHS.iter().position(|m| *m == prefix)?;
    // "June", "Sept" and "Sep" are fine; "Junk" is not.
    const FULL: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    FULL[index].starts_with(&lower).then_some(index as u32 + 1)
}

/// `+0700`, `-04:30`, a named zone or a military letter, in minutes east of UTC.
fn zone_offset(zone: &str) -> Option<i16> {
    if let Some(digits) = zone.strip_prefix(['+', '-']) {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let digits: String = digits.chars().filter(|c| *c != ':').collect();
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let (hours, minutes) = (
            digits[..2].parse::<i16>().ok()?,
            digits[2..].parse::<i16>().ok()?,
        );
        if hours > 23 || minutes > 59 {
            return None;
        }
        return Some(sign * (hours * 60 + minutes));
    }
    let hours: i16 = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "EST" => -5,
        "EDT" => -4,
        "CST" => -6,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        // RFC 822's military zones, as it defines them: A–I are +1 to +9,
        // K–M +10 to +12, N–Y −1 to −12.
        letter if letter.len() == 1 => {
            let c = letter.as_bytes()[0];
            match c {
                b'A'..=b'I' => i16::from(c - b'A') + 1,
                b'K'..=b'M' => i16::from(c - b'K') + 10,
                b'N'..=b'Y' => -(i16::from(c - b'N') + 1),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(hours * 60)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<String> {
        parse(text).map(|t| t.to_string())
    }

    #[test]
    fn the_seed_dateline_keeps_its_offset() {
        let t = parse("Fri, 25 Jun 2021 11:15:00 +0700").unwrap();
        assert_eq!(t.epoch_ms, 1_624_594_500_000);
        assert_eq!(t.offset_minutes, 420);
    }

    #[test]
    fn named_and_numeric_zones() {
        for (text, expected) in [
            ("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"),
            ("Thu, 01 Jan 2004 19:48:21 UT", "2004-01-01T19:48:21Z"),
            ("Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21Z"),
            ("Thu, 01 Jan 2004 19:48:21 EST", "2004-01-01T19:48:21-05:00"),
            ("Thu, 01 Jul 2004 19:48:21 EDT", "2004-07-01T19:48:21-04:00"),
            ("Thu, 01 Jan 2004 19:48:21 CST", "2004-01-01T19:48:21-06:00"),
            ("Thu, 01 Jan 2004 19:48:21 CDT", "2004-01-01T19:48:21-05:00"),
            ("Thu, 01 Jan 2004 19:48:21 MST", "2004-01-01T19:48:21-07:00"),
            ("Thu, 01 Jan 2004 19:48:21 MDT", "2004-01-01T19:48:21-06:00"),
            ("Thu, 01 Jan 2004 19:48:21 PST", "2004-01-01T19:48:21-08:00"),
            ("Thu, 01 Jan 2004 19:48:21 PDT", "2004-01-01T19:48:21-07:00"),
            ("Thu, 01 Jan 2004 19:48:21 A", "2004-01-01T19:48:21+01:00"),
            ("Thu, 01 Jan 2004 19:48:21 M", "2004-01-01T19:48:21+12:00"),
            ("Thu, 01 Jan 2004 19:48:21 N", "2004-01-01T19:48:21-01:00"),
            ("Thu, 01 Jan 2004 19:48:21 Y", "2004-01-01T19:48:21-12:00"),
            (
                "Thu, 01 Jan 2004 19:48:21 -0430",
                "2004-01-01T19:48:21-04:30",
            ),
            (
                "Thu, 01 Jan 2004 19:48:21 +05:30",
                "2004-01-01T19:48:21+05:30",
            ),
        ] {
            assert_eq!(at(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn what_feeds_write_instead() {
        for (text, expected) in [
            ("25 Jun 2021 11:15 +0700", "2021-06-25T11:15:00+07:00"),
            (
                "Friday, 25 June 2021 11:15:00 +0700",
                "2021-06-25T11:15:00+07:00",
            ),
            ("Fri, 25 Jun 21 11:15:00 +0700", "2021-06-25T11:15:00+07:00"),
            ("Fri,25 Jun 2021 11:15:00 GMT", "2021-06-25T11:15:00Z"),
            ("Fri, 25 Jun 2021 11:15:00", "2021-06-25T11:15:00Z"),
            (
                "Fri, Jun 25 2021 11:15:00 +0700",
                "2021-06-25T11:15:00+07:00",
            ),
            ("Sun, 01 Jan 1999 00:00:00 gmt", "1999-01-01T00:00:00Z"),
        ] {
            assert_eq!(at(text).as_deref(), Some(expected), "{text}");
        }
    }

    #[test]
    fn nonsense_is_dropped() {
        for bad in [
            "",
            "yesterday",
            "Fri, 31 Jun 2021 11:15:00 GMT",
            "Fri, 25 Jux 2021 11:15:00 GMT",
            "Fri, 25 Jun 2021 24:00:00 GMT",
            "Fri, 25 Jun 2021 11:15:00 XYZ",
            "Fri, 25 Jun 2021 11:15:00 J",
            "Fri, 25 Jun 2021 11:15:00 +7",
            "Fri, 25 Jun 2021",
            "2021-06-25T11:15:00Z",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }
}
