//! Reading a parsed JSON document without knowing which parser made it:
//! `serde_json` natively, the browser's `JSON.parse` in the widget.

use serde_json::Value;

/// A JSON value's type, for reads that depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Kind {
    /// The type as a message names it.
    pub(crate) fn described(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::String => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
        }
    }
}

/// A value in a parsed JSON document. Every read of the wrong type is `None`
/// or empty, never a panic: the document comes from outside.
pub(crate) trait Node: Clone {
    /// Whether [`Node::keys`] lists an object's keys as the document wrote them.
    const KEYS_IN_DOCUMENT_ORDER: bool;

    /// The value's type.
    fn kind(&self) -> Kind;
    /// The field `key` of an object (not of an array). Only the crate's own
    /// field names: in the browser they are interned (each crosses into
    /// JavaScript once, and stays there for the life of the page).
    fn get(&self, key: &'static str) -> Option<Self>;
    /// The field `key` of an object as a string, if it is one: what
    /// [`Node::get`] then [`Node::string`] read, which a parser may read in
    /// one step (in the browser, two calls into JavaScript instead of four).
    fn get_string(&self, key: &'static str) -> Option<String> {
        self.get(key)?.string()
    }
    /// A string's text.
    fn string(&self) -> Option<String>;
    /// A number that is a whole, non-negative integer.
    fn whole(&self) -> Option<u64>;
    /// A number written out, as an identifier.
    fn number_text(&self) -> Option<String>;
    /// An array's elements; empty for anything else.
    fn items(&self) -> Vec<Self>;
    /// An object's keys; empty for anything else.
    fn keys(&self) -> Vec<String>;
    /// The first `max` fields of an object, keys with values, for objects
    /// whose keys the document chooses (WordPress's image sizes); empty for
    /// anything else. Reads by a name the document chose never go through
    /// [`Node::get`], whose names are the crate's own.
    fn entries(&self, max: usize) -> Vec<(String, Self)>;
    /// How many keys an object has.
    fn key_count(&self) -> usize {
        self.keys().len()
    }
}

/// Typed reads of untrusted JSON: a field of the wrong type reads as absent,
/// so one bad field never fails a document.
///
/// Adapters read documents through this instead of deriving `Deserialize`:
/// serde's derived visitors (and the error messages they build, float
/// formatting included) cost tens of kilobytes in the wasm bundle.
pub(crate) trait Read<N: Node> {
    /// The field `key` of an object.
    fn field(&self, key: &'static str) -> Option<N>;

    /// A string field's text (see [`Node::get_string`]).
    fn string_field(&self, key: &'static str) -> Option<String>;

    /// A non-blank string field, whitespace collapsed.
    fn text(&self, key: &'static str) -> Option<String> {
        let text = crate::text::collapse(&self.string_field(key)?);
        (!text.is_empty()).then_some(text)
    }

    /// A string field exactly as written (URLs, HTML, dates).
    fn raw(&self, key: &'static str) -> Option<String> {
        self.string_field(key).filter(|s| !s.trim().is_empty())
    }

    /// A positive whole number that fits in `u32`, written as a number or a string.
    fn count(&self, key: &'static str) -> Option<u32> {
        let value = self.field(key)?;
        match value.kind() {
            Kind::Number => value.whole().and_then(|n| u32::try_from(n).ok()),
            Kind::String => value.string()?.trim().parse().ok(),
            _ => None,
        }
        .filter(|n| *n > 0)
    }

    /// An array field's elements; empty for anything else.
    fn list(&self, key: &'static str) -> Vec<N> {
        self.field(key).map(|v| v.items()).unwrap_or_default()
    }

    /// An identifier written as a string or a number (see [`super::id_text`]).
    fn id(&self, key: &'static str) -> Option<String> {
        super::id_from(self.string_field(key), || self.field(key)?.number_text())
    }
}

impl<N: Node> Read<N> for N {
    fn field(&self, key: &'static str) -> Option<N> {
        self.get(key)
    }

    fn string_field(&self, key: &'static str) -> Option<String> {
        self.get_string(key)
    }
}

/// An optional object reads as an empty one, so reads chain through fields
/// that may be missing: `post.field("_embedded").list("author")`.
impl<N: Node> Read<N> for Option<N> {
    fn field(&self, key: &'static str) -> Option<N> {
        self.as_ref()?.get(key)
    }

    fn string_field(&self, key: &'static str) -> Option<String> {
        self.as_ref()?.get_string(key)
    }
}

/// `serde_json`'s map is sorted: its keys are not in document order.
impl Node for &Value {
    const KEYS_IN_DOCUMENT_ORDER: bool = false;

    fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    fn get(&self, key: &'static str) -> Option<Self> {
        self.as_object()?.get(key)
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn whole(&self) -> Option<u64> {
        self.as_u64()
    }

    fn number_text(&self) -> Option<String> {
        match self {
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    fn items(&self) -> Vec<Self> {
        self.as_array()
            .map(|items| items.iter().collect())
            .unwrap_or_default()
    }

    fn keys(&self) -> Vec<String> {
        self.as_object()
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default()
    }

    fn entries(&self, max: usize) -> Vec<(String, Self)> {
        self.as_object()
            .map(|map| map.iter().take(max).map(|(k, v)| (k.clone(), v)).collect())
            .unwrap_or_default()
    }

    fn key_count(&self) -> usize {
        self.as_object().map_or(0, |map| map.len())
    }
}
