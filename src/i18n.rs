//! The widget's own words in Vietnamese and English, and dates through the
//! browser's `Intl` (no hand-written month or weekday tables). Natively (the
//! server renderer) there is no `Intl`: dates are written neutrally by
//! `neutral` and corrected when the browser takes the widget over, or,
//! where the server knows everything the browser will use, written by `cldr`
//! (ICU4X) exactly as `Intl` will write them.

#[cfg(not(target_arch = "wasm32"))]
mod cldr;
#[cfg(not(target_arch = "wasm32"))]
mod neutral;

#[cfg(not(target_arch = "wasm32"))]
pub use neutral::{
    format_clock, format_dateline, format_neutral, format_relative, may_read_as_relative, now_ms,
    page_locale,
};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

use crate::config::TimeZone;
use crate::error::LoadError;
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
    /// The error state's message, by kind of failure.
    pub failure: Failure,
}

/// What the error state says, by kind of failure; the technical detail
/// (in English, for the partner) follows it.
#[derive(Debug, PartialEq, Eq)]
pub struct Failure {
    /// No `src` and no inline data.
    pub no_source: &'static str,
    /// Offline, refused, blocked by CORS.
    pub network: &'static str,
    /// No answer in time.
    pub timeout: &'static str,
    /// An HTTP error status; `{status}` is replaced by the number.
    pub http: &'static str,
    /// Over the size cap.
    pub too_large: &'static str,
    /// Not something the widget can read.
    pub format: &'static str,
    /// An HTML page (a login page, an error page) where the feed should be.
    pub web_page: &'static str,
}

const VI: Strings = Strings {
    loading: "Đang tải bài viết…",
    error: "Không tải được bài viết",
    retry: "Thử lại",
    empty: "Chưa có bài viết nào.",
    by: "Tác giả",
    failure: Failure {
        no_source: "Chưa có nguồn tin để hiển thị.",
        network: "Không kết nối được tới nguồn tin.",
        timeout: "Nguồn tin không phản hồi kịp.",
        http: "Máy chủ nguồn tin báo lỗi {status}.",
        too_large: "Nguồn tin quá lớn để hiển thị.",
        format: "Nguồn tin không phải là danh sách bài viết.",
        web_page: "Địa chỉ nguồn tin trả về một trang web, không phải dữ liệu bài viết.",
    },
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
    failure: Failure {
        no_source: "There is no news source to show.",
        network: "The news source could not be reached.",
        timeout: "The news source took too long to answer.",
        http: "The news source answered with error {status}.",
        too_large: "The news source is too large to show.",
        format: "The news source is not an article feed.",
        web_page: "The feed URL returned a web page, not JSON.",
    },
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

/// The reader's message for a failure, in the UI language.
pub fn failure_message(locale: &str, error: &LoadError) -> String {
    let words = &strings(locale).failure;
    match error {
        LoadError::NoSource => words.no_source.to_owned(),
        LoadError::Timeout { .. }
        | LoadError::Service {
            kind: "timeout", ..
        } => words.timeout.to_owned(),
        LoadError::Http { status, .. }
        | LoadError::Service {
            kind: "http",
            status,
            ..
        } => words.http.replace("{status}", &status.to_string()),
        LoadError::TooLarge { .. }
        | LoadError::Service {
            kind: "too-large", ..
        } => words.too_large.to_owned(),
        LoadError::WebPage => words.web_page.to_owned(),
        LoadError::Format(_)
        | LoadError::NotJson { .. }
        | LoadError::Empty
        | LoadError::NotUtf8 { .. }
        | LoadError::Service { kind: "format", .. } => words.format.to_owned(),
        LoadError::InvalidUrl(_) | LoadError::Network(_) | LoadError::Service { .. } => {
            words.network.to_owned()
        }
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
#[cfg(target_arch = "wasm32")]
pub fn page_locale() -> Option<String> {
    let window = web_sys::window()?;
    let from_html = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    from_html.or_else(|| window.navigator().language())
}

/// The language tags whose datelines a server writes exactly as the browser
/// will: for each, `tests/dateline_paths.rs` (ICU4X 2.4) and the browser test
/// (`Intl` in Chromium) give the same text for every instant and offset of
/// `tests/fixtures/datelines.json`. Compared without regard to case, as `Intl`
/// does. Left out because the two disagree (CLDR versions, ICU4C's pattern
/// generator): `fr` ("TU" for UTC, U+2212 minus), `pt` ("+7 GMT"), `ru` and
/// `uk` (spaces), `zh-TW` ("[GMT+7]"), `hi` (a comma), `ar` and `he` (bidi
/// marks), `da` ("den"), `fi` (weekday case), `nb` (U+2212 minus), `el`
/// ("(GMT+07:00)"); any other tag, extension or private-use subtag is
/// untested, so also left to the browser.
pub const SERVER_LOCALES: &[&str] = &[
    "vi", "vi-VN", "en", "en-US", "en-GB", "en-AU", "en-CA", "en-IN", "de", "de-DE", "es", "es-ES",
    "es-MX", "it", "nl", "pl", "sv", "cs", "ro", "hu", "tr", "id", "ms", "fil", "ja", "ja-JP",
    "ko", "ko-KR", "zh", "zh-CN", "th",
];

/// Whether a dateline reads the same wherever and whenever it is read, so a
/// server can write it as the browser will: its language is the widget's
/// `lang` or the article's own (`own_locale`, not the page's or the
/// browser's) and one of [`SERVER_LOCALES`], and its zone is fixed (the
/// source offset, or `UTC`), not the reader's. Both renderers ask this, so a
/// dateline that a server wrote neutrally is marked (`data-reader`) in the
/// browser's markup too, and laid out where its new width moves nothing.
pub fn fixed_dateline(own_locale: Option<&str>, zone: &TimeZone) -> bool {
    let Some(locale) = own_locale.map(str::trim).filter(|l| !l.is_empty()) else {
        return false;
    };
    let fixed_zone = match zone {
        TimeZone::Source => true,
        TimeZone::Named(name) => name.as_str() == "UTC",
        TimeZone::Local => false,
    };
    fixed_zone
        && SERVER_LOCALES
            .iter()
            .any(|l| l.eq_ignore_ascii_case(locale))
}

/// The `Intl` time-zone identifier for a setting; `None` means the reader's own.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
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

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    #[derive(Clone)]
    type DateTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;

    // Throws a RangeError for an invalid date: caught, never let through Yew.
    #[wasm_bindgen(method, catch)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    // Building an Intl.DateTimeFormat costs far more than using one, and a list
    // of 100 items needs the same two formatters 100 times. Keyed by everything
    // that shapes the output, never mutated after creation, bounded: safe to
    // share between widgets.
    static FORMATTERS: std::cell::RefCell<Vec<(String, DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A cached formatter for these options, built on first use.
#[cfg(target_arch = "wasm32")]
fn formatter(locale: &str, zone: Option<&str>, fields: &[(&str, &str)]) -> Option<DateTimeFormat> {
    const MAX: usize = 32;
    let mut key = format!("{locale}|{}", zone.unwrap_or_default());
    for (name, value) in fields {
        key.extend(["|", name, "=", value]);
    }
    let cached = FORMATTERS.with_borrow(|cache| {
        cache
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone())
    });
    if cached.is_some() {
        return cached;
    }
    let made = new_formatter(locale, zone, fields)?;
    FORMATTERS.with_borrow_mut(|cache| {
        if cache.len() >= MAX {
            cache.remove(0);
        }
        cache.push((key, made.clone()));
    });
    Some(made)
}

#[cfg(target_arch = "wasm32")]
fn new_formatter(
    locale: &str,
    zone: Option<&str>,
    fields: &[(&str, &str)],
) -> Option<DateTimeFormat> {
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
#[cfg(target_arch = "wasm32")]
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
    // "UTC" reads better than "GMT+0"; every other zone shows its offset.
    let zone_name = if zone.as_deref() == Some("UTC") {
        "short"
    } else {
        "shortOffset"
    };
    let time_fields: &[(&str, &str)] = &[
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
        ("timeZoneName", zone_name),
    ];
    let day = formatter(locale, zone.as_deref(), date_fields).and_then(|f| f.format(&date).ok());
    let time = formatter(locale, zone.as_deref(), time_fields).and_then(|f| f.format(&date).ok());
    match (day, time) {
        (Some(day), Some(time)) => format!("{day}, {time}"),
        (day, time) => day.or(time).unwrap_or_else(|| ts.to_string()),
    }
}

/// How long ago `then` was, as `Intl.RelativeTimeFormat` says it ("2 giờ
/// trước", "3 hours ago"), for instants less than a week before `now`;
/// `None` for anything older or in the future.
#[cfg(target_arch = "wasm32")]
pub fn format_relative(then_ms: i64, now_ms: i64, locale: &str) -> Option<String> {
    let (value, unit) = relative_unit(now_ms.checked_sub(then_ms)?)?;
    relative_formatter(locale)?.format(-value, unit).ok()
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    // One per language, as the date formatters: a list of 100 recent items
    // needs the same one 100 times.
    static RELATIVE: std::cell::RefCell<Vec<(String, RelativeTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
fn relative_formatter(locale: &str) -> Option<RelativeTimeFormat> {
    const MAX: usize = 8;
    let cached = RELATIVE.with_borrow(|cache| {
        cache
            .iter()
            .find(|(k, _)| k == locale)
            .map(|(_, f)| f.clone())
    });
    if cached.is_some() {
        return cached;
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"numeric".into(), &"auto".into()).ok()?;
    let made = RelativeTimeFormat::new(locale, &options)
        .or_else(|_| RelativeTimeFormat::new("und", &options))
        .ok()?;
    RELATIVE.with_borrow_mut(|cache| {
        if cache.len() >= MAX {
            cache.remove(0);
        }
        cache.push((locale.to_owned(), made.clone()));
    });
    Some(made)
}

/// The current time in milliseconds since the epoch.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// The largest whole unit for an age in milliseconds, up to days.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn relative_unit(age_ms: i64) -> Option<(f64, &'static str)> {
    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    match age_ms {
        ..0 => None,
        0..MINUTE => Some((0.0, "minute")),
        MINUTE..HOUR => Some(((age_ms / MINUTE) as f64, "minute")),
        HOUR..DAY => Some(((age_ms / HOUR) as f64, "hour")),
        DAY..=604_800_000 => Some(((age_ms / DAY) as f64, "day")),
        _ => None,
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl)]
    #[derive(Clone)]
    type RelativeTimeFormat;

    #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
    fn new(locales: &str, options: &js_sys::Object) -> Result<RelativeTimeFormat, JsValue>;

    #[wasm_bindgen(method, catch)]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> Result<String, JsValue>;
}

/// A time of day in the reader's zone ("10:42"), with the date when it is
/// not today: when the articles on screen were fetched.
#[cfg(target_arch = "wasm32")]
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
    formatter(locale, None, fields)
        .and_then(|f| f.format(&date).ok())
        .unwrap_or_default()
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
    fn recent_ages_pick_the_largest_whole_unit() {
        assert_eq!(relative_unit(30_000), Some((0.0, "minute")));
        assert_eq!(relative_unit(5 * 60_000), Some((5.0, "minute")));
        assert_eq!(
            relative_unit(2 * 3_600_000 + 59 * 60_000),
            Some((2.0, "hour"))
        );
        assert_eq!(relative_unit(3 * 86_400_000), Some((3.0, "day")));
        assert_eq!(relative_unit(8 * 86_400_000), None);
        assert_eq!(relative_unit(-1), None);
    }

    #[test]
    fn failures_have_a_message_per_kind() {
        let http = LoadError::Http {
            status: 503,
            status_text: String::new(),
        };
        assert_eq!(
            failure_message("vi", &http),
            "Máy chủ nguồn tin báo lỗi 503."
        );
        assert_eq!(
            failure_message("en", &LoadError::Timeout { seconds: 10 }),
            "The news source took too long to answer."
        );
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
    fn only_own_listed_languages_in_fixed_zones_are_fixed() {
        assert!(fixed_dateline(Some("vi"), &TimeZone::Source));
        assert!(fixed_dateline(
            Some("EN-gb"),
            &TimeZone::Named("UTC".into())
        ));
        assert!(!fixed_dateline(None, &TimeZone::Source));
        assert!(!fixed_dateline(Some(" "), &TimeZone::Source));
        assert!(!fixed_dateline(Some("vi"), &TimeZone::Local));
        assert!(!fixed_dateline(
            Some("vi"),
            &TimeZone::Named("Asia/Ho_Chi_Minh".into())
        ));
        assert!(!fixed_dateline(Some("vi_VN"), &TimeZone::Source));
        assert!(!fixed_dateline(Some("en-u-hc-h12"), &TimeZone::Source));
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
