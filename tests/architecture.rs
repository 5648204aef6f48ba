//! The crate's modules form one pipeline with leaves under it (README,
//! "Layout of the repository"): each module may use only modules of a lower
//! layer, so no import reaches back up and no circle can form. A new module
//! gets its row here; a new import that goes upwards fails.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

/// Each module of `src/` and its layer, lowest first. A module may use
/// modules of lower layers only (its own submodules are its own business).
const LAYERS: &[(&str, u8)] = &[
    // Leaves: words, URLs, the declared contract, time.
    ("text", 0),
    ("url", 0),
    ("contract", 0),
    ("timestamp", 0),
    // The model every format becomes, and the typed attributes.
    ("model", 1),
    ("config", 1),
    // Untrusted bodies → blocks; documents → feeds.
    ("body", 2),
    ("formats", 2),
    // What can go wrong while loading (wraps the format errors).
    ("error", 3),
    // Fetching, then the join of a document and its feed.
    ("source", 4),
    ("load", 5),
    ("i18n", 5),
    // Yew: hooks hold state, components render, the element mounts.
    ("hooks", 6),
    ("components", 7),
    ("element", 8),
];

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
        .unwrap_or_else(|| panic!("src/{module}: give it a layer in tests/architecture.rs"))
}

/// The crate modules a source file uses (`crate::name`), comments aside.
fn uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            // `use crate::{a, b}` names several.
            if rest.starts_with('{') {
                let list = &rest[1..rest.find('}').unwrap_or(rest.len())];
                out.extend(
                    list.split(',')
                        .map(|m| m.trim().split("::").next().unwrap_or("").to_owned()),
                );
            } else {
                out.push(rest[..end].to_owned());
            }
        }
    }
    // Items of the crate root (`crate::STYLESHEET`) are not modules.
    out.retain(|m| m.starts_with(|c: char| c.is_ascii_lowercase()) && m != "self");
    out
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn imports_only_go_down_the_pipeline() {
    let mut sources = Vec::new();
    files(Path::new("src"), &mut sources);
    let mut upward = Vec::new();
    for path in sources {
        let relative = path.strip_prefix("src").unwrap();
        let first = relative.components().next().unwrap();
        let module = first.as_os_str().to_str().unwrap().trim_end_matches(".rs");
        if module == "lib" {
            continue;
        }
        let own = layer(module);
        for used in uses(&fs::read_to_string(&path).unwrap()) {
            if used != module && layer(&used) >= own {
                upward.push(format!("{} uses crate::{used}", path.display()));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that are not downward:\n{}",
        upward.join("\n")
    );
}

#[test]
fn every_module_has_a_layer_and_the_table_names_no_stale_module() {
    let mut modules: Vec<String> = fs::read_dir("src")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .filter(|m| m != "lib")
        .collect();
    modules.sort();
    let mut listed: Vec<String> = LAYERS.iter().map(|(m, _)| (*m).to_owned()).collect();
    listed.sort();
    assert_eq!(modules, listed);
}

#[test]
fn the_check_sees_an_upward_import() {
    assert_eq!(
        uses("use crate::hooks::use_feed;\n// crate::element in a comment\nlet x = crate::url::web(a, b);\nuse crate::{model::Feed, text};"),
        ["hooks", "url", "model", "text"]
    );
}
