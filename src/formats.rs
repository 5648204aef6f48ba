//! JSON documents → [`Feed`]: detect the format, then adapt it.
//!
//! Pure Rust with no browser types, so every format is tested natively.

mod json_feed;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
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

/// Deserializes a field that partners may fill with the wrong type: a value
/// that does not fit becomes `None` instead of failing the whole document.
pub(crate) fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

/// Like [`lenient`] for lists: a wrong type is an empty list, and elements that
/// do not fit are skipped.
pub(crate) fn lenient_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(items) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect(),
        _ => Vec::new(),
    })
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
