//! The widget's own words in Vietnamese and English, and dates through the
//! browser's `Intl` (no hand-written month or weekday tables).

use wasm_bindgen::prelude::*;

use crate::config::TimeZone;
use crate::timestamp::Timestamp;

/// The user-interface strings of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Strings {
    /// Announced while the feed loads.
    pub loading: &'static str,
    /// Heading of the error state.
    pub error: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The empty state.
    pub empty: &'static str,
    /// Label before the byline, for screen readers.
    pub by: &'static str,
    /// Shown when a refresh failed and older articles stay on screen,
    /// followed by the time they were fetched.
    pub stale: &'static str,
    /// The mark on articles that are new since the last update.
    pub new: &'static str,
    /// The button that shows more articles.
    pub load_more: &'static str,
    /// That button while the next page loads.
    pub loading_more: &'static str,
    /// Shown when the next page could not be loaded.
    pub more_failed: &'static str,
}

const VI: Strings = Strings {
    loading: "Đang tải bài viết…",
    error: "Không tải được bài viết",
    retry: "Thử lại",
    empty: "Chưa có bài viết nào.",
    by: "Tác giả",
    stale: "Không cập nhật được — đang hiển thị bài viết lúc",
    new: "Mới",
    load_more: "Tải thêm",
    loading_more: "Đang tải…",
    more_failed: "Không tải thêm được bài viết.",
};

const EN: Strings = Strings {
    loading: "Loading articles…",
    error: "The articles could not be loaded",
    retry: "Try again",
    empty: "There are no articles yet.",
    by: "By",
    stale: "Couldn't update — showing articles from",
    new: "New",
    load_more: "Load more",
    loading_more: "Loading…",
    more_failed: "More articles could not be loaded.",
};

/// The UI strings for a BCP 47 tag: Vietnamese for `vi*`, English otherwise.
pub fn strings(locale: &str) -> &'static Strings {
    let primary = locale.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("vi") {
        &VI
    } else {
        &EN
    }
}

/// `rtl` for languages written right to left, else `ltr`.
pub fn direction(locale: &str) -> &'static str {
    let primary = locale
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb" => "rtl",
        _ => "ltr",
    }
}

/// The first usable tag among the candidates, in priority order.
pub fn pick_locale<'a>(candidates: impl IntoIterator<Item = Option<&'a str>>) -> String {
    candidates
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|tag| !tag.is_empty())
        .unwrap_or("en")
        .to_owned()
}

/// The host page's `<html lang>`, else the browser's language.
pub fn page_locale() -> Option<String> {
    let window = web_sys::window()?;
    let from_html = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    from_html.or_else(|| window.navigator().language())
}

/// The `Intl` time-zone identifier for a setting; `None` means the reader's own.
fn intl_zone(ts: &Timestamp, zone: &TimeZone) -> Option<String> {
    match zone {
        TimeZone::Local => None,
        TimeZone::Named(name) => Some(name.to_string()),
        TimeZone::Source if ts.offset_minutes == 0 => Some("UTC".to_owned()),
        // Etc/GMT zones have inverted signs (Etc/GMT-7 is UTC+7) and are known
        // to every engine; offset identifiers like "+05:30" only to recent ones.
        TimeZone::Source if ts.offset_minutes % 60 == 0 => {
            let hours = -ts.offset_minutes / 60;
            Some(format!(
                "Etc/GMT{}{hours}",
                if hours > 0 { "+" } else { "" }
            ))
        }
        TimeZone::Source => Some(ts.offset_zone()),
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> String;
}

fn formatter(locale: &str, zone: Option<&str>, fields: &[(&str, &str)]) -> Option<DateTimeFormat> {
    let options = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&options, &(*key).into(), &(*value).into()).ok()?;
    }
    if let Some(zone) = zone {
        js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
    }
    // A tag the engine rejects falls back to its default locale, a zone it
    // does not know to the reader's own: a date is always shown.
    DateTimeFormat::new(locale, &options)
        .or_else(|_| DateTimeFormat::new("und", &options))
        .or_else(|_| {
            js_sys::Reflect::delete_property(&options, &"timeZone".into()).ok();
            DateTimeFormat::new("und", &options)
        })
        .ok()
}

/// The dateline as a reader of `locale` expects it: weekday and date, then the
/// time with its offset. Vietnamese reads like the seed's own dateline,
/// "Thứ Sáu, 25/06/2021, 11:15 GMT+7".
pub fn format_dateline(ts: &Timestamp, locale: &str, zone: &TimeZone) -> String {
    let zone = intl_zone(ts, zone);
    let date = js_sys::Date::new(&JsValue::from_f64(ts.epoch_ms as f64));
    let numeric = strings(locale) == &VI;
    let date_fields: &[(&str, &str)] = if numeric {
        &[
            ("weekday", "long"),
            ("day", "2-digit"),
            ("month", "2-digit"),
            ("year", "numeric"),
        ]
    } else {
        &[
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ]
    };
    let time_fields: &[(&str, &str)] = &[
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", "shortOffset"),
    ];
    let day = formatter(locale, zone.as_deref(), date_fields).map(|f| f.format(&date));
    let time = formatter(locale, zone.as_deref(), time_fields).map(|f| f.format(&date));
    match (day, time) {
        (Some(day), Some(time)) => format!("{day}, {time}"),
        (day, time) => day.or(time).unwrap_or_else(|| ts.to_string()),
    }
}

/// A time of day in the reader's zone ("10:42"), with the date when it is
/// not today: when the articles on screen were fetched.
pub fn format_clock(epoch_ms: u64, locale: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms as f64));
    let today = js_sys::Date::new_0().to_date_string() == date.to_date_string();
    let fields: &[(&str, &str)] = if today {
        &[
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ]
    } else {
        &[
            ("day", "numeric"),
            ("month", "short"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
        ]
    };
    formatter(locale, None, fields).map_or_else(String::new, |f| f.format(&date))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_for_vi_tags_english_otherwise() {
        assert_eq!(strings("vi").retry, "Thử lại");
        assert_eq!(strings("vi-VN").retry, "Thử lại");
        assert_eq!(strings("en-GB").retry, "Try again");
        assert_eq!(strings("fr").retry, "Try again");
    }

    #[test]
    fn right_to_left_languages() {
        assert_eq!(direction("ar-EG"), "rtl");
        assert_eq!(direction("vi"), "ltr");
    }

    #[test]
    fn the_first_non_empty_locale_wins() {
        assert_eq!(pick_locale([None, Some(" "), Some("vi"), Some("en")]), "vi");
        assert_eq!(pick_locale([None]), "en");
    }

    #[test]
    fn source_offsets_become_intl_zones() {
        let at = |offset_minutes| Timestamp {
            epoch_ms: 0,
            offset_minutes,
        };
        assert_eq!(
            intl_zone(&at(420), &TimeZone::Source).as_deref(),
            Some("Etc/GMT-7")
        );
        assert_eq!(
            intl_zone(&at(-240), &TimeZone::Source).as_deref(),
            Some("Etc/GMT+4")
        );
        assert_eq!(intl_zone(&at(0), &TimeZone::Source).as_deref(), Some("UTC"));
        assert_eq!(
            intl_zone(&at(330), &TimeZone::Source).as_deref(),
            Some("+05:30")
        );
        assert_eq!(intl_zone(&at(420), &TimeZone::Local), None);
    }
}
