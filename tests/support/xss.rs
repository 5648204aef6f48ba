//! The XSS fixtures (tests/fixtures/xss/): DOMPurify's vectors and ammonia's
//! payloads, each a JSON array of strings or of objects with a `payload`.
//! Shared by the body tests, the body-path golden test and the `render`
//! tests of cli/ (included with `#[path]`).

use serde_json::Value;

/// The payloads of one fixture's JSON text.
pub fn payloads(json: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(json).unwrap();
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| match entry {
            Value::String(payload) => payload.clone(),
            other => other["payload"].as_str().unwrap().to_owned(),
        })
        .collect()
}
