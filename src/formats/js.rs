//! Documents parsed by the browser's `JSON.parse`, which is several times
//! faster than parsing in wasm on a cold page and costs no bundle bytes.

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

use super::{adapt, finish_shown, FormatError, Kind, Node};
use crate::model::Feed;

/// Parses a document in any format the widget reads, with `JSON.parse`.
/// RSS and Atom are parsed with `DOMParser`.
pub fn parse_js(text: &str) -> Result<Feed, FormatError> {
    parse_shown(text, usize::MAX)
}

/// [`parse_js`], reading whole only the first `need` articles shown: the
/// others of a JSON document wait in [`Feed::rest`] until a view asks for
/// them. A list of 10 from a feed of 1000 reads each of the 990 others only
/// as far as its id and date.
pub(crate) fn parse_shown(text: &str, need: usize) -> Result<Feed, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if super::xml::is_markup(text) {
        return super::xml::parse(text);
    }
    let value = JSON::parse(text).map_err(|e| invalid_json(&e, text))?;
    adapt(value, text).map(|adapted| finish_shown(adapted, need))
}

/// A `SyntaxError` as [`FormatError::InvalidJson`]. V8 ends its message with
/// `(line L column C)` or says `at position N`; Firefox says `at line L
/// column C of the JSON data`. JavaScriptCore (WebKit) never says a place
/// (`JSON Parse error: Expected '}'`): its message alone is
/// [`FormatError::InvalidJsonUnplaced`] (finding the place in wasm costs more
/// bytes than the budget has left). Anything else (a stack overflow on deep
/// nesting, an unexpected end) is placed at the start, as before.
fn invalid_json(error: &JsValue, text: &str) -> FormatError {
    let full: String = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| e.message().into())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unreadable".to_owned());
    let (message, line, column) = if let Some((message, line, column)) = line_column(&full) {
        (position(message).map_or(message, |(m, _)| m), line, column)
    } else if let Some((message, line, column)) = gecko_line_column(&full) {
        (message, line, column)
    } else if let Some((message, at)) = position(&full) {
        let (line, column) = line_column_at(text, at);
        (message, line, column)
    } else if full.starts_with("JSON Parse error:") {
        return FormatError::InvalidJsonUnplaced {
            message: full.trim_end().to_owned(),
        };
    } else {
        // No place given (the parser gave up, too deep; an unexpected end).
        (full.as_str(), 1, 1)
    };
    FormatError::InvalidJson {
        message: message.trim_end().to_owned(),
        line,
        column,
    }
}

/// `"… (line 3 column 5)"` as `("…", 3, 5)`.
fn line_column(message: &str) -> Option<(&str, usize, usize)> {
    let (head, tail) = message.rsplit_once(" (line ")?;
    let (line, column) = tail.strip_suffix(')')?.split_once(" column ")?;
    Some((head, line.parse().ok()?, column.parse().ok()?))
}

/// Firefox's `"JSON.parse: … at line 3 column 5 of the JSON data"` as
/// `("JSON.parse: …", 3, 5)`.
fn gecko_line_column(message: &str) -> Option<(&str, usize, usize)> {
    let (head, tail) = message.rsplit_once(" at line ")?;
    let (line, column) = tail
        .strip_suffix(" of the JSON data")?
        .split_once(" column ")?;
    Some((head, line.parse().ok()?, column.parse().ok()?))
}

/// `"… at position 17"` (V8 may add more after the number) as `("…", 17)`.
fn position(message: &str) -> Option<(&str, usize)> {
    let at = message.rfind(" at position ")?;
    let digits: String = message[at + " at position ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((&message[..at], digits.parse().ok()?))
}

/// The 1-based line and column of a UTF-16 offset, as V8 counts positions.
fn line_column_at(text: &str, position: usize) -> (usize, usize) {
    let (mut line, mut column, mut units) = (1, 1, 0);
    for c in text.chars() {
        if units >= position {
            break;
        }
        units += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// The largest integer a double holds exactly.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// `Object.keys` lists keys in document order, except that integer-like
/// keys come first.
impl Node for JsValue {
    const KEYS_IN_DOCUMENT_ORDER: bool = true;

    // Each test is a call into JavaScript: the types read most come first.
    fn kind(&self) -> Kind {
        if self.is_string() {
            Kind::String
        } else if self.as_f64().is_some() {
            Kind::Number
        } else if self.is_null() || self.is_undefined() {
            Kind::Null
        } else if self.as_bool().is_some() {
            Kind::Bool
        } else if Array::is_array(self) {
            Kind::Array
        } else {
            Kind::Object
        }
    }

    // `Reflect.get` refuses what is not an object (an error, read as
    // absent); most fields asked for are absent or of an object, so the
    // array test is made only for a value found.
    fn get(&self, key: &'static str) -> Option<Self> {
        Reflect::get(self, &field_name(key))
            .ok()
            .filter(|v| !v.is_undefined() && !Array::is_array(self))
    }

    // No test for `undefined` nor for an array: what is not a string reads
    // as `None` anyway, and no property an array (or any object) inherits is
    // a string.
    fn get_string(&self, key: &'static str) -> Option<String> {
        Reflect::get(self, &field_name(key)).ok()?.as_string()
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn whole(&self) -> Option<u64> {
        let n = self.as_f64()?;
        // Exact, so the cast cannot truncate.
        (n.fract() == 0.0 && (0.0..=MAX_EXACT).contains(&n)).then_some(n as u64)
    }

    fn number_text(&self) -> Option<String> {
        let n = self.as_f64()?;
        if n.fract() == 0.0 && n.abs() <= MAX_EXACT {
            // Exact, so the cast cannot truncate.
            return Some((n as i64).to_string());
        }
        self.dyn_ref::<js_sys::Number>()
            .and_then(|n| n.to_string_with_radix(10).ok())
            .map(String::from)
    }

    fn items(&self) -> Vec<Self> {
        self.dyn_ref::<Array>()
            .map(Array::to_vec)
            .unwrap_or_default()
    }

    fn keys(&self) -> Vec<String> {
        if !is_plain_object(self) {
            return Vec::new();
        }
        Object::keys(self.unchecked_ref::<Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    }

    fn entries(&self, max: usize) -> Vec<(String, Self)> {
        if !is_plain_object(self) {
            return Vec::new();
        }
        let keys = Object::keys(self.unchecked_ref::<Object>());
        (0..keys.length().min(u32::try_from(max).unwrap_or(u32::MAX)))
            .filter_map(|i| {
                let key = keys.get(i);
                let value = Reflect::get(self, &key).ok()?;
                Some((key.as_string()?, value))
            })
            .collect()
    }

    fn key_count(&self) -> usize {
        if !is_plain_object(self) {
            return 0;
        }
        Object::keys(self.unchecked_ref::<Object>()).length() as usize
    }
}

/// One of the crate's field names, interned (see [`Node::get`]).
fn field_name(key: &'static str) -> JsValue {
    JsValue::from_str(wasm_bindgen::intern(key))
}

/// An object that is not an array (nor null, which `is_object` excludes).
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}
