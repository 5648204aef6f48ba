//! Datelines through ICU4X, for the server renderer: the same CLDR patterns
//! the browser's `Intl` uses, asked for with the same options as
//! [`super::format_dateline`] asks `Intl.DateTimeFormat` in the browser.
//!
//! Only for what a server can know ([`super::server_dateline`]): a language
//! that is the widget's or the article's own, a fixed zone, and a language in
//! [`super::SERVER_LOCALES`], the tags whose output `tests/dateline_paths.rs`
//! and the browser test showed to be identical to Chromium's.

use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{self, enums::DateFieldSet};
use icu_datetime::input::{Date, DateTime, TimeZone as IcuZone, TimeZoneInfo, ZonedDateTime};
use icu_datetime::input::{Time, UtcOffset};
use icu_datetime::options::{Alignment, TimePrecision, YearStyle};
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::preferences::HourCycle;
use icu_datetime::{DateTimeFormatter, DateTimeFormatterPreferences};
use icu_locale_core::Locale;
use writeable::TryWriteable;

use crate::timestamp::Timestamp;

/// The dateline as `Intl` writes it in the browser for `locale`, in the zone
/// at `offset_minutes` from UTC ("UTC" for none): "Thứ Sáu, 25/06/2021,
/// 11:15 GMT+7". `None` when ICU4X cannot (an unparsable tag, data missing).
pub fn dateline(
    ts: &Timestamp,
    locale: &str,
    offset_minutes: i16,
    numeric: bool,
) -> Option<String> {
    let locale: Locale = locale.parse().ok()?;
    let offset = UtcOffset::try_from_seconds(i32::from(offset_minutes) * 60).ok()?;
    let local = ZonedDateTime::from_epoch_milliseconds_and_utc_offset(ts.epoch_ms, offset);
    let prefs = DateTimeFormatterPreferences::from(&locale);
    let day = if numeric {
        numeric_day(prefs, &local.date)?
    } else {
        let fields = fieldsets::YMDE::long().with_year_style(YearStyle::Full);
        DateTimeFormatter::try_new(prefs, fields)
            .ok()?
            .format(&local.date)
            .to_string()
    };
    let time = clock(prefs, local.date, local.time, offset)?;
    Some(format!("{day}, {time}"))
}

/// Weekday in full, then the numeric date with two-digit day and month:
/// what `Intl` makes of `{weekday: "long", day: "2-digit", month: "2-digit",
/// year: "numeric"}`. ICU4X's field sets tie the weekday's width to the
/// date's length, so this takes the locale's short numeric pattern and widens
/// its weekday, as ICU4C's pattern generator does for `Intl`.
fn numeric_day(
    prefs: DateTimeFormatterPreferences,
    date: &Date<icu_calendar::Iso>,
) -> Option<String> {
    let fields = fieldsets::YMDE::short()
        .with_alignment(Alignment::Column)
        .with_year_style(YearStyle::Full);
    let short = DateTimeFormatter::try_new(prefs, fields).ok()?;
    let pattern = short.format(date).pattern().to_string();
    let pattern: DateTimePattern = widen_weekday(&pattern).parse().ok()?;
    let mut names = FixedCalendarDateTimeNames::<Gregorian, DateFieldSet>::try_new(prefs).ok()?;
    let formatter = names.include_for_pattern(&pattern).ok()?;
    let date = date.to_calendar(Gregorian);
    let formatted = formatter.format(&date);
    let text = formatted.try_write_to_string().ok()?.into_owned();
    Some(text)
}

/// `E`, `EE` or `EEE` (abbreviated weekday) become `EEEE` (the full name);
/// quoted literals are left alone.
fn widen_weekday(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 3);
    let mut quoted = false;
    let mut run = 0;
    for c in pattern.chars().chain(std::iter::once('\0')) {
        if c == 'E' && !quoted {
            run += 1;
            continue;
        }
        if run > 0 {
            out.push_str(if run < 4 {
                "EEEE"
            } else {
                &"EEEEEE"[..run.min(6)]
            });
            run = 0;
        }
        if c == '\'' {
            quoted = !quoted;
        }
        if c != '\0' {
            out.push(c);
        }
    }
    out
}

/// "11:15 GMT+7": `{hour: "2-digit", minute: "2-digit", hourCycle: "h23"}`
/// with `timeZoneName: "shortOffset"`, or `"short"` ("UTC") for UTC.
fn clock(
    mut prefs: DateTimeFormatterPreferences,
    date: Date<icu_calendar::Iso>,
    time: Time,
    offset: UtcOffset,
) -> Option<String> {
    prefs.hour_cycle = Some(HourCycle::H23);
    let fields = fieldsets::T::short()
        .with_time_precision(TimePrecision::Minute)
        .with_alignment(Alignment::Column);
    let at = DateTime { date, time };
    let text = if offset.is_zero() {
        let zone = TimeZoneInfo::utc().at_date_time(at);
        DateTimeFormatter::try_new(prefs, fields.with_zone(fieldsets::zone::SpecificShort))
            .ok()?
            .format(&ZonedDateTime { date, time, zone })
            .to_string()
    } else {
        let zone = IcuZone::UNKNOWN.with_offset(Some(offset)).at_date_time(at);
        DateTimeFormatter::try_new(
            prefs,
            fields.with_zone(fieldsets::zone::LocalizedOffsetShort),
        )
        .ok()?
        .format(&ZonedDateTime { date, time, zone })
        .to_string()
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_weekdays_are_widened_outside_quotes() {
        assert_eq!(widen_weekday("E, dd/MM/y"), "EEEE, dd/MM/y");
        assert_eq!(widen_weekday("y/MM/dd(EEE)"), "y/MM/dd(EEEE)");
        assert_eq!(widen_weekday("'Every' E"), "'Every' EEEE");
        assert_eq!(widen_weekday("EEEE d"), "EEEE d");
    }
}
