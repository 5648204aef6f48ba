//! Feed text reaches the page only as nodes that Yew builds: no source file
//! may name an API that writes a string into the page as markup.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Rust and JavaScript spellings of the ways to inject markup.
const SINKS: [&str; 14] = [
    "innerHTML",
    "inner_html",
    "outerHTML",
    "outer_html",
    "from_html_unchecked",
    "VRaw",
    "insertAdjacentHTML",
    "insert_adjacent_html",
    "createContextualFragment",
    "create_contextual_fragment",
    "setHTMLUnsafe",
    "set_html_unsafe",
    "srcdoc",
    "document.write",
];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            source_files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_names_a_markup_sink() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    assert!(
        files.len() > 10,
        "found {} files under {}",
        files.len(),
        src.display()
    );
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("source files are UTF-8");
        for (number, line) in text.lines().enumerate() {
            for sink in SINKS.iter().filter(|sink| line.contains(*sink)) {
                found.push(format!("{}:{}: {sink}", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "markup sinks in src/:\n{}",
        found.join("\n")
    );
}
