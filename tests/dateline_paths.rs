//! The two dateline paths, ICU4X natively and `Intl` in the browser, must
//! write the same text: a pre-rendered dateline and the same dateline
//! rendered by the widget read alike, and nothing moves at takeover.
//!
//! `tests/fixtures/datelines.json` holds, for every tag of
//! `i18n::SERVER_LOCALES`, a set of instants (every month and weekday, whole,
//! half and quarter hour offsets from -12:00 to +14:00, midnight, leap day,
//! year ends) in their source offset and in `UTC`, with the text ICU4X
//! writes. The native test checks that file against ICU4X (`UPDATE_GOLDEN=1`
//! rewrites it); the browser test checks it against Chromium's `Intl`.

use article_widget::config::TimeZone;
use article_widget::i18n;
use article_widget::timestamp::Timestamp;
use serde_json::Value;

/// The zone an entry names: its source offset, or UTC.
fn zone_of(entry: &Value) -> TimeZone {
    match entry["zone"].as_str() {
        Some("UTC") => TimeZone::Named("UTC".into()),
        _ => TimeZone::Source,
    }
}

/// The dateline this build writes for an entry.
fn dateline_of(entry: &Value) -> String {
    let at = entry["at"].as_str().unwrap_or_default();
    let ts = Timestamp::parse_rfc3339(at).expect("the golden file's instants are RFC 3339");
    let locale = entry["locale"].as_str().unwrap_or_default();
    i18n::format_dateline(&ts, locale, &zone_of(entry))
}

/// Every entry whose text differs from this build's, described for the report.
fn differences(golden: &Value) -> Vec<String> {
    golden
        .as_array()
        .expect("the golden file is an array")
        .iter()
        .filter_map(|entry| {
            let got = dateline_of(entry);
            let want = entry["text"].as_str().unwrap_or_default();
            (got != want).then(|| {
                format!(
                    "{} {} {}:\n  expected: {want}\n  got:      {got}",
                    entry["locale"], entry["at"], entry["zone"]
                )
            })
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;

    use serde_json::json;

    use super::*;

    const GOLDEN: &str = "tests/fixtures/datelines.json";

    /// (local date and time, offset): each month once, every weekday, every
    /// kind of offset, and the edges of days and years.
    const INSTANTS: [&str; 16] = [
        "2021-06-25T11:15:00+07:00",
        "2024-01-01T00:00:00+07:00",
        "2024-02-29T23:59:00Z",
        "2023-03-05T06:07:00-03:30",
        "2022-04-11T12:00:00+05:30",
        "2025-05-13T18:45:00+05:45",
        "2026-07-15T09:05:00-10:00",
        "2019-08-22T21:30:00+09:30",
        "2030-09-07T13:00:00+14:00",
        "2000-10-01T01:01:00-12:00",
        "2018-11-29T16:20:00+01:00",
        "1999-12-31T23:59:00-05:00",
        "2020-12-31T17:00:00-08:00",
        "2027-02-14T07:30:00+10:30",
        "2028-08-06T00:15:00-02:00",
        "2031-10-18T10:10:00+13:00",
    ];

    #[test]
    fn icu4x_writes_the_golden_datelines() {
        let mut entries = Vec::new();
        for locale in i18n::SERVER_LOCALES {
            for at in INSTANTS {
                for zone in ["source", "UTC"] {
                    let mut entry = json!({ "locale": locale, "at": at, "zone": zone });
                    entry["text"] = dateline_of(&entry).into();
                    entries.push(entry);
                }
            }
        }
        let made = Value::from(entries);
        // A fixed dateline never falls back to the neutral form: every tag of
        // the list is one ICU4X knows.
        for entry in made.as_array().into_iter().flatten() {
            let text = entry["text"].as_str().unwrap_or_default();
            let at = Timestamp::parse_rfc3339(entry["at"].as_str().unwrap_or_default())
                .expect("RFC 3339");
            assert_ne!(text, i18n::format_neutral(&at), "{entry}");
        }
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            let text = serde_json::to_string_pretty(&made).expect("JSON") + "\n";
            fs::write(GOLDEN, text).expect("write the golden file");
        }
        let golden: Value = serde_json::from_str(
            &fs::read_to_string(GOLDEN)
                .expect("tests/fixtures/datelines.json (UPDATE_GOLDEN=1 writes it)"),
        )
        .expect("the golden file is JSON");
        assert_eq!(
            golden, made,
            "SERVER_LOCALES or ICU4X's output changed (UPDATE_GOLDEN=1 rewrites the file; review its diff, then run the browser test)"
        );
        let diff = differences(&golden);
        assert!(diff.is_empty(), "{}", diff.join("\n"));
    }

    #[test]
    fn the_seed_dateline_reads_like_the_seed() {
        let seed = Timestamp::parse_rfc3339("2021-06-25T11:15:00+07:00").expect("RFC 3339");
        assert_eq!(
            i18n::format_dateline(&seed, "vi", &TimeZone::Source),
            "Thứ Sáu, 25/06/2021, 11:15 GMT+7"
        );
        assert_eq!(
            i18n::format_dateline(&seed, "en", &TimeZone::Source),
            "Friday, June 25, 2021, 11:15 GMT+7"
        );
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn intl_writes_the_datelines_icu4x_wrote() {
        // The list of agreeing tags was established against Chromium's ICU;
        // other engines carry other ICU and CLDR versions.
        let agent = web_sys::window()
            .and_then(|w| w.navigator().user_agent().ok())
            .unwrap_or_default();
        if !agent.contains("Chrome/") {
            console_log!("skipped: not Chromium ({agent})");
            return;
        }
        let golden: Value = serde_json::from_str(include_str!("fixtures/datelines.json"))
            .expect("the golden file is JSON");
        let count = golden.as_array().map_or(0, Vec::len);
        assert!(
            count >= 16 * 2 * i18n::SERVER_LOCALES.len(),
            "{count} datelines"
        );
        let diff = differences(&golden);
        assert!(
            diff.is_empty(),
            "{} of {count} datelines differ:\n{}",
            diff.len(),
            diff.join("\n")
        );
    }
}
