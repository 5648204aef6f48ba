//! Turns `src/contract.json`, the one declaration of the element's public
//! contract and of the constants the entry module shares with Rust, into
//! Rust constants (`src/contract.rs` includes them), and writes the
//! stylesheet as the widget carries it (`STYLESHEET`): `styles/widget.css`
//! without its comments and indentation.

use std::{env, fs, path::Path};

fn main() {
    let source = "src/contract.json";
    println!("cargo::rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("src/contract.json is part of the crate");
    let contract: serde_json::Value = serde_json::from_str(&text).expect("contract.json is JSON");
    let names = |list: &str| -> Vec<String> {
        contract[list]
            .as_array()
            .unwrap_or_else(|| panic!("contract.json: `{list}` is a list"))
            .iter()
            .map(|entry| {
                let name = entry["name"].as_str();
                format!("{:?}", name.unwrap_or_else(|| panic!("{list}: a name")))
            })
            .collect()
    };
    let shared = &contract["shared"];
    let text_of = |key: &str| {
        let value = shared[key].as_str();
        format!("{:?}", value.unwrap_or_else(|| panic!("shared.{key}")))
    };
    let number_of = |key: &str| {
        shared[key]
            .as_u64()
            .unwrap_or_else(|| panic!("shared.{key}"))
    };
    let list = |name: &str, doc: &str, items: Vec<String>| {
        format!(
            "/// {doc}\npub const {name}: [&str; {}] = [{}];\n",
            items.len(),
            items.join(", ")
        )
    };
    let out = [
        list(
            "ATTRIBUTES",
            "The attributes the element observes, in the contract's order.",
            names("attributes"),
        ),
        list("EVENTS", "The events the element dispatches.", names("events")),
        list("PARTS", "The `::part()` names.", names("parts")),
        list(
            "CSS_PROPERTIES",
            "The public CSS custom properties.",
            names("cssProperties"),
        ),
        format!(
            "/// The `Accept` header of every feed request, the early ones included.\npub const ACCEPT: &str = {};\n",
            text_of("accept")
        ),
        format!(
            "/// What every key of the browser cache starts with.\npub const CACHE_PREFIX: &str = {};\n",
            text_of("cachePrefix")
        ),
        format!(
            "/// The key of the browser cache's index.\npub const CACHE_INDEX: &str = {};\n",
            text_of("cacheIndex")
        ),
        format!(
            "/// A cached copy older than this (ms) is not shown.\npub const CACHE_MAX_AGE_MS: u64 = {};\n",
            number_of("cacheMaxAgeMs")
        ),
    ]
    .concat();
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("contract.rs"), out).expect("OUT_DIR is writable");

    let css = "styles/widget.css";
    println!("cargo::rerun-if-changed={css}");
    let text = fs::read_to_string(css).expect("styles/widget.css is part of the crate");
    fs::write(Path::new(&out_dir).join("widget.css"), compact_css(&text))
        .expect("OUT_DIR is writable");
}

/// `css` without its `/* … */` comments, each line trimmed, blank lines
/// dropped. tools/compact-css.mjs does the same for the hashed stylesheet
/// beside the bundle, and checks that the `.wasm` carries the same bytes.
fn compact_css(css: &str) -> String {
    let mut bare = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        bare.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    bare.push_str(rest);
    bare.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
