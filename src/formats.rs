//! JSON documents → [`Feed`]: detect the format, then adapt it.
//!
//! Pure Rust with no browser types, so every format is tested natively.

mod json_feed;

use serde_json::Value;
use thiserror::Error;

use crate::model::Feed;

/// What the widget reads, for messages that say so.
pub const FORMATS_READ: &str = "JSON Feed";

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
}

/// Parses a document in any format the widget reads.
pub fn parse(text: &str) -> Result<Feed, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| FormatError::InvalidJson {
        message: json_error_message(&e),
        line: e.line(),
        column: e.column(),
    })?;
    if json_feed::detect(&value) {
        return Ok(json_feed::adapt(value));
    }
    Err(FormatError::Unknown {
        found: describe(&value),
    })
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
fn describe(value: &Value) -> String {
    match value {
        Value::Object(map) if map.is_empty() => "an empty object".to_owned(),
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().take(5).map(|k| format!("`{k}`")).collect();
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
}

impl Read for Value {
    fn field(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// Orders items newest first; undated items keep their place after dated ones.
pub(crate) fn newest_first(feed: &mut Feed) {
    feed.items.sort_by_key(|a| std::cmp::Reverse(a.published));
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
            "This is JSON, but not an article feed: an object with keys `hello`, `data`. article-widget reads JSON Feed."
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
}
