//! Dates without `Intl`, for the server renderer.
//!
//! A server knows neither the reader's language (when `lang` is absent), nor
//! their zone, nor when the page will be read. So a pre-rendered dateline is
//! written neutrally: the ISO date and the time of day in the offset the data
//! states, which every reader can read ("2021-06-25 11:15 GMT+7"); no
//! relative times; and the widget rewrites it in the reader's words when the
//! browser takes the widget over. The `<time datetime>` value is exact either
//! way. What the server does know ([`super::fixed_dateline`]) it writes as the
//! browser will, through ICU4X (`super::cldr`).

use super::cldr;
use crate::config::TimeZone;
use crate::timestamp::Timestamp;

/// The dateline as `Intl` will write it in the browser, for a dateline that
/// [`super::fixed_dateline`] says is fixed; else, or when ICU4X cannot, the
/// neutral one ([`format_neutral`]).
pub fn format_dateline(ts: &Timestamp, locale: &str, zone: &TimeZone) -> String {
    let offset = match zone {
        TimeZone::Source => Some(ts.offset_minutes),
        TimeZone::Named(name) if name.as_str() == "UTC" => Some(0),
        _ => None,
    };
    let numeric = super::strings(locale) == super::strings("vi");
    offset
        .and_then(|offset| cldr::dateline(ts, locale, offset, numeric))
        .unwrap_or_else(|| format_neutral(ts))
}

/// Whether a list's dateline may read as a relative time ("2 giờ trước")
/// when the page is read: the instant is less than a week old now, or still
/// to come. Older instants only grow older.
pub fn may_read_as_relative(then_ms: i64, now_ms: i64) -> bool {
    now_ms.saturating_sub(then_ms) <= 604_800_000
}

/// The instant in its source offset: "2021-06-25 11:15 GMT+7", "… UTC";
/// the browser rewrites it in the reader's language and zone.
pub fn format_neutral(ts: &Timestamp) -> String {
    let rfc3339 = ts.to_string();
    // "YYYY-MM-DDTHH:MM:SS…": the date, then hours and minutes.
    let (Some(date), Some(time)) = (rfc3339.get(..10), rfc3339.get(11..16)) else {
        return rfc3339;
    };
    format!("{date} {time} {}", offset_name(ts.offset_minutes))
}

/// Relative times depend on when the page is read: never pre-rendered.
pub fn format_relative(_then_ms: i64, _now_ms: i64, _locale: &str) -> Option<String> {
    None
}

/// When a server-rendered list was fetched, in UTC: "2021-06-25 04:15 UTC".
pub fn format_clock(epoch_ms: u64, _locale: &str) -> String {
    let at = Timestamp {
        epoch_ms: i64::try_from(epoch_ms).unwrap_or(i64::MAX),
        offset_minutes: 0,
    };
    format_neutral(&at)
}

/// A server has no page to ask: the widget's language falls back to the
/// article's, then to English, until the browser takes over.
pub fn page_locale() -> Option<String> {
    None
}

/// The current time in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// An offset the way `Intl`'s `shortOffset` names it: `GMT+7`, `GMT-3:30`;
/// `UTC` for none.
fn offset_name(offset_minutes: i16) -> String {
    if offset_minutes == 0 {
        return "UTC".to_owned();
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let minutes = offset_minutes.unsigned_abs();
    match minutes % 60 {
        0 => format!("GMT{sign}{}", minutes / 60),
        rest => format!("GMT{sign}{}:{rest:02}", minutes / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_iso_dates_in_the_source_offset() {
        let at = |iso| Timestamp::parse_rfc3339(iso).expect("a valid timestamp");
        assert_eq!(
            format_dateline(&at("2021-06-25T11:15:00+07:00"), "vi", &TimeZone::Local),
            "2021-06-25 11:15 GMT+7"
        );
        assert_eq!(
            format_dateline(&at("2021-06-25T11:15:00+07:00"), "vi", &TimeZone::Source),
            "Thứ Sáu, 25/06/2021, 11:15 GMT+7"
        );
        assert_eq!(
            format_dateline(
                &at("2021-06-25T04:15:00Z"),
                "en",
                &TimeZone::Named("UTC".into())
            ),
            "Friday, June 25, 2021, 04:15 UTC"
        );
        assert_eq!(
            format_neutral(&at("2021-06-25T11:15:00+07:00")),
            "2021-06-25 11:15 GMT+7"
        );
        assert_eq!(
            format_neutral(&at("2021-06-25T04:15:59Z")),
            "2021-06-25 04:15 UTC"
        );
        assert_eq!(
            format_neutral(&at("2021-01-01T23:05:00-03:30")),
            "2021-01-01 23:05 GMT-3:30"
        );
        assert_eq!(format_relative(0, 1, "en"), None);
        assert!(may_read_as_relative(0, 604_800_000));
        assert!(may_read_as_relative(10, 0));
        assert!(!may_read_as_relative(0, 604_800_001));
        assert_eq!(format_clock(0, "en"), "1970-01-01 00:00 UTC");
    }
}
