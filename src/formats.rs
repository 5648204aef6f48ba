//! JSON documents → [`Feed`]: detect the format, then adapt it.
//!
//! Pure Rust with no browser types, so every format is tested natively. Each
//! format is one file: a detector and one conversion that reads the document
//! through [`Read`]; adding a format touches that file and [`FORMATS`].

mod ghost;
mod json_feed;
mod json_ld;
mod text;
mod wordpress;

use serde_json::Value;
use thiserror::Error;

use crate::body::collapse;
use crate::model::{Article, Body, Feed};
use crate::timestamp::Timestamp;

/// What the widget reads, for messages that say so.
pub const FORMATS_READ: &str = "JSON Feed, WordPress, Ghost and schema.org";

/// Recognises a format from the parsed document.
type Detect = fn(&Value) -> bool;
/// Turns a document of that format into a feed.
type Adapt = fn(Value) -> Result<Feed, FormatError>;

/// The formats, in the order they are tried; the first that recognises the
/// document adapts it.
const FORMATS: [(Detect, Adapt); 4] = [
    (json_feed::detect, json_feed::adapt),
    (wordpress::detect, wordpress::adapt),
    (ghost::detect, ghost::adapt),
    (json_ld::detect, json_ld::adapt),
];

/// Why a document could not become articles.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum FormatError {
    /// The bytes are not JSON.
    #[error("The feed is not valid JSON: {message} (line {line}, column {column}).")]
    InvalidJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// JSON, but no format the widget knows.
    #[error(
        "This is JSON, but not an article feed: {found}. article-widget reads {FORMATS_READ}."
    )]
    Unknown { found: String },
    /// The API's own error document instead of articles: a WordPress
    /// `{"code", "message", "data": {"status"}}` or Ghost's `{"errors": […]}`.
    #[error(
        "{api} answered with an error instead of articles: “{message}”{}.",
        api_error_details(.code.as_deref(), *.status)
    )]
    Api {
        /// Which API answered: `WordPress`, `Ghost`.
        api: &'static str,
        /// What the server said, as plain text.
        message: String,
        /// The server's error code, like `rest_forbidden`.
        code: Option<String>,
        /// The HTTP status the server meant, when the document states it.
        status: Option<u16>,
    },
}

fn api_error_details(code: Option<&str>, status: Option<u16>) -> String {
    match (code, status) {
        (Some(code), Some(status)) => format!(" ({code}, HTTP {status})"),
        (Some(code), None) => format!(" ({code})"),
        (None, Some(status)) => format!(" (HTTP {status})"),
        (None, None) => String::new(),
    }
}

/// Parses a document in any format the widget reads.
pub fn parse(text: &str) -> Result<Feed, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::InvalidJson {
        message: json_error_message(&e),
        line: e.line(),
        column: e.column(),
    })?;
    match FORMATS.iter().find(|(detect, _)| detect(&value)) {
        Some((_, adapt)) => adapt(value),
        None => Err(FormatError::Unknown {
            found: describe(&value, text),
        }),
    }
}

fn json_error_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the variant carries both.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

/// A short description of a JSON value, for "this is not a feed" errors.
fn describe(value: &Value, text: &str) -> String {
    match value {
        Value::Object(map) if map.is_empty() => "an empty object".to_owned(),
        Value::Object(map) => {
            // The map is sorted; partners wrote their keys in another order,
            // the one they will recognise. An approximate position (the first
            // place the quoted key appears) is enough for that, and is only
            // looked for in documents with few keys, to keep the search cheap.
            let mut keys: Vec<&String> = map.keys().collect();
            if keys.len() <= 32 {
                keys.sort_by_key(|k| text.find(&format!("\"{k}\"")).unwrap_or(usize::MAX));
            }
            let keys: Vec<String> = keys.iter().take(5).map(|k| format!("`{k}`")).collect();
            let more = if map.len() > 5 { ", …" } else { "" };
            let noun = if map.len() == 1 { "key" } else { "keys" };
            format!("an object with {noun} {}{more}", keys.join(", "))
        }
        Value::Array(items) if items.is_empty() => "an empty array".to_owned(),
        Value::Array(items) => format!(
            "an array of {} whose first is {}",
            items.len(),
            kind(&items[0])
        ),
        other => kind(other).to_owned(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Typed reads of untrusted JSON: a field of the wrong type reads as absent,
/// so one bad field never fails a document.
///
/// Adapters read `serde_json::Value`s through this instead of deriving
/// `Deserialize`: serde's derived visitors (and the error messages they build,
/// float formatting included) cost tens of kilobytes in the wasm bundle.
pub(crate) trait Read {
    /// The field `key` of an object.
    fn field(&self, key: &str) -> Option<&Value>;

    /// A non-blank string field, whitespace collapsed.
    fn text(&self, key: &str) -> Option<String> {
        let text = crate::body::collapse(self.field(key)?.as_str()?);
        (!text.is_empty()).then_some(text)
    }

    /// A string field exactly as written (URLs, HTML, dates).
    fn raw(&self, key: &str) -> Option<&str> {
        self.field(key)?.as_str().filter(|s| !s.trim().is_empty())
    }

    /// A positive whole number that fits in `u32`, written as a number or a string.
    fn count(&self, key: &str) -> Option<u32> {
        match self.field(key)? {
            Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
        .filter(|n| *n > 0)
    }

    /// An array field's elements; empty for anything else.
    fn list(&self, key: &str) -> &[Value] {
        self.field(key)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// An identifier written as a string or a number (see [`id_text`]).
    fn id(&self, key: &str) -> Option<String> {
        id_text(self.field(key)?)
    }
}

impl Read for Value {
    fn field(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// An optional object reads as an empty one, so reads chain through fields
/// that may be missing: `post.field("_embedded").list("author")`.
impl Read for Option<&Value> {
    fn field(&self, key: &str) -> Option<&Value> {
        self.as_ref()?.field(key)
    }
}

/// Orders items newest first; undated items keep their place after dated ones.
pub(crate) fn newest_first(feed: &mut Feed) {
    feed.items.sort_by_key(|a| std::cmp::Reverse(a.published));
}

/// A one-line plain-text field: whitespace collapsed, `None` when empty.
pub(crate) fn line(text: Option<&str>) -> Option<String> {
    text.map(collapse).filter(|t| !t.is_empty())
}

/// A field that may hold markup, as one line of text (see [`text::html_text`]).
pub(crate) fn html_line(html: Option<&str>) -> Option<String> {
    html.map(text::html_text).filter(|t| !t.is_empty())
}

/// The headline, or what stands in for a missing one: the summary, else the
/// start of the text. Empty when there is none of these.
pub(crate) fn headline(title: Option<String>, summary: Option<&str>, body: &Body) -> String {
    title
        .or_else(|| summary.map(str::to_owned))
        .or_else(|| first_words(body))
        .unwrap_or_default()
}

/// A headline of last resort: the start of the text, cut at a word.
fn first_words(body: &Body) -> Option<String> {
    let first = match body {
        Body::Empty => return None,
        Body::Text(paragraphs) => paragraphs.first()?.clone(),
        Body::Html(html) => text::html_text(html),
    };
    const MAX: usize = 80;
    if first.is_empty() {
        return None;
    }
    if first.chars().count() <= MAX {
        return Some(first);
    }
    let cut: String = first.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{cut}…"))
}

/// The article, when it has something to show: a headline, text or an image.
pub(crate) fn shown(article: Article) -> Option<Article> {
    let empty = article.headline.is_empty() && article.body.is_empty() && article.image.is_none();
    (!empty).then_some(article)
}

/// An identifier that may be written as a string or a number.
pub(crate) fn id_text(id: &Value) -> Option<String> {
    match id {
        Value::String(s) => line(Some(s)),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A server's error message, for [`FormatError::Api`]: plain text, and short
/// enough for the widget's error state.
pub(crate) fn server_message(message: Option<&str>) -> String {
    const MAX: usize = 300;
    let text = html_line(message).unwrap_or_else(|| "no message".to_owned());
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// An ISO 8601 date-time with its offset: RFC 3339, or the `+0700` and `+07`
/// offsets that CMS templates also write. `None` when it does not parse.
pub(crate) fn date_time(text: Option<&str>) -> Option<Timestamp> {
    let text = text?.trim();
    Timestamp::parse_rfc3339(text).or_else(|| Timestamp::parse_rfc3339(&with_colon_offset(text)?))
}

/// `…+0700` or `…+07` as `…+07:00`.
fn with_colon_offset(text: &str) -> Option<String> {
    let (local, zone) = text.split_at(text.rfind(['+', '-'])?);
    let (sign, digits) = zone.split_at(1);
    if !local.contains(['T', 't', ' ']) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        4 => digits.split_at(2),
        2 => (digits, "00"),
        _ => return None,
    };
    Some(format!("{local}{sign}{hours}:{minutes}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_json_says_where() {
        let err = parse("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  oops\n}")
            .unwrap_err();
        let FormatError::InvalidJson { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 3));
        assert!(err.to_string().contains("line 3, column 3"), "{err}");
    }

    #[test]
    fn unknown_json_says_what_it_saw() {
        let err = parse(r#"{"hello": 1, "data": []}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This is JSON, but not an article feed: an object with keys `hello`, `data`. article-widget reads JSON Feed, WordPress, Ghost and schema.org."
        );
        assert!(parse("42").unwrap_err().to_string().contains("a number"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep), Err(FormatError::InvalidJson { .. })));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let doc = "\u{feff}{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}";
        assert!(parse(doc).unwrap().items.is_empty());
    }

    #[test]
    fn the_detectors_run_in_order() {
        let json_feed_with_posts = r#"{"version": "https://jsonfeed.org/version/1.1", "posts": [], "items": [{"title": "JSON Feed"}]}"#;
        assert_eq!(
            parse(json_feed_with_posts).unwrap().items[0].headline,
            "JSON Feed"
        );
        let wordpress_with_context =
            r#"{"@context": "https://schema.org", "title": {"rendered": "WordPress"}}"#;
        assert_eq!(
            parse(wordpress_with_context).unwrap().items[0].headline,
            "WordPress"
        );
        let ghost_with_type = r#"{"@type": "NewsArticle", "posts": [{"title": "Ghost"}]}"#;
        assert_eq!(parse(ghost_with_type).unwrap().items[0].headline, "Ghost");
    }

    #[test]
    fn iso_offsets_without_a_colon_are_read() {
        let at = |text| date_time(Some(text)).map(|t| t.to_string());
        assert_eq!(
            at("2021-06-25T11:15:00+0700").as_deref(),
            Some("2021-06-25T11:15:00+07:00")
        );
        assert_eq!(
            at("2021-06-25T11:15:00-05").as_deref(),
            Some("2021-06-25T11:15:00-05:00")
        );
        assert_eq!(
            at(" 2021-06-25T04:15:00.000+00:00 ").as_deref(),
            Some("2021-06-25T04:15:00Z")
        );
        for bad in [
            "2021-06-25",
            "2021-06-25T11:15:00",
            "2021-06-25T11:15:00+7",
            "2021-06-25T11:15:00+07000",
            "+0700",
            "-",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn odd_values_in_any_field_leave_the_other_articles_standing() {
        let odd = [
            "null",
            "true",
            "-0",
            "1e308",
            "123456789012345678901234567890",
            "\"\"",
            "\"\\u0000\"",
            "\"\\ud83d\\ude00\"",
            "[]",
            "{}",
            "[null]",
            "[[[]]]",
            "{\"@id\": 5}",
            "{\"rendered\": []}",
        ];
        let shapes = [
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": [X, {"title": "Kept"},
                {"title": X, "id": X, "image": X, "_article_widget": {"image": X, "dateline_tz": X}}]}"#,
            r#"[X, {"title": {"rendered": "Kept"}}, {"title": {"rendered": X}, "id": X, "date_gmt": X, "date": X,
                "content": X, "_embedded": {"author": X, "wp:featuredmedia": [{"source_url": "a.jpg",
                "media_details": {"width": X, "sizes": {"a": X}}}], "wp:term": [X, [X]]}}]"#,
            r#"{"posts": [X, {"title": "Kept"}, {"title": X, "html": X, "authors": X, "primary_author": X,
                "published_at": X}]}"#,
            r#"{"@graph": [X, {"@type": "NewsArticle", "headline": "Kept"}, {"@type": "NewsArticle", "headline": X,
                "image": {"url": "a.jpg", "width": X, "height": {"value": X}}, "author": X, "dateline": X,
                "inLanguage": X, "identifier": X, "mainEntityOfPage": X}]}"#,
        ];
        for shape in shapes {
            for value in odd {
                let doc = shape.replace('X', value);
                let feed = parse(&doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
                assert!(feed.items.iter().any(|a| a.headline == "Kept"), "{doc}");
            }
        }
    }

    #[test]
    fn deep_values_inside_fields_are_dropped_not_followed() {
        let deep = format!("{}{}", "[".repeat(120), "]".repeat(120));
        for doc in [
            format!(
                r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"title": "Shallow", "id": {deep}}}]}}"#
            ),
            format!(
                r#"[{{"title": {{"rendered": "Shallow"}}, "_embedded": {{"author": {deep}}}}}]"#
            ),
            format!(r#"{{"posts": [{{"title": "Shallow", "authors": {deep}}}]}}"#),
            format!(
                r#"{{"@type": "NewsArticle", "headline": "Shallow", "author": {deep}, "itemListElement": {deep}}}"#
            ),
        ] {
            assert_eq!(parse(&doc).unwrap().items[0].headline, "Shallow", "{doc}");
        }
    }

    #[test]
    fn lone_surrogates_are_invalid_json() {
        let err = parse(r#"{"posts": [{"title": "\ud800"}]}"#).unwrap_err();
        assert!(matches!(err, FormatError::InvalidJson { .. }), "{err}");
    }
}
