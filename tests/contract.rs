//! The public contract is declared once, in `src/contract.json`; what a
//! partner reads (README.md), the stylesheet's own summary and what the
//! components render must say the same. A part, property or attribute added
//! in one place and not the others fails here.

use std::collections::BTreeSet;

use article_widget::contract::{ACCEPT, ATTRIBUTES, CSS_PROPERTIES, EVENTS, PARTS};

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The Rust sources of the components, concatenated.
fn components() -> String {
    let mut sources = vec![read("src/components.rs")];
    for entry in std::fs::read_dir("src/components").unwrap() {
        sources.push(read(entry.unwrap().path().to_str().unwrap()));
    }
    sources.concat()
}

/// The values of `attribute="…"` in `text`.
fn quoted_after(text: &str, attribute: &str) -> BTreeSet<String> {
    let needle = format!("{attribute}=\"");
    text.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &text[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// README's section `heading` up to the next heading of any level.
fn readme_section(readme: &str, heading: &str) -> String {
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    let rest = &readme[start + heading.len()..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    rest[..end].to_owned()
}

/// The first cells of a Markdown table's rows, without backticks.
fn first_cells(section: &str) -> BTreeSet<String> {
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .filter_map(|l| l.split('|').nth(1))
        .map(|cell| cell.trim().trim_matches('`').to_owned())
        .collect()
}

/// The backticked words of a text.
fn backticked(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_components_render_exactly_the_declared_parts() {
    let components = components();
    let literal = quoted_after(&components, "part");
    let undeclared: Vec<&String> = literal
        .iter()
        .filter(|p| !PARTS.contains(&p.as_str()))
        .collect();
    assert!(
        undeclared.is_empty(),
        "parts rendered but not declared: {undeclared:?}"
    );
    // The image helper takes its part as an argument: `Some("image")`.
    let missing: Vec<&&str> = PARTS
        .iter()
        .filter(|p| !literal.contains(**p) && !components.contains(&format!("Some(\"{p}\")")))
        .collect();
    assert!(
        missing.is_empty(),
        "parts declared but never rendered: {missing:?}"
    );
}

#[test]
fn the_stylesheet_uses_and_names_exactly_the_declared_api() {
    let css = read("styles/widget.css");
    let used: BTreeSet<String> = css
        .match_indices("var(--aw-")
        .map(|(at, _)| {
            let name = &css[at + 4..];
            name[..name.find([',', ')']).unwrap()].trim().to_owned()
        })
        .collect();
    assert_eq!(used, set(CSS_PROPERTIES), "var(--aw-*) in widget.css");
    let header = &css[..css.find("*/").unwrap()];
    let parts = header
        .split_once("::part() names")
        .and_then(|(_, rest)| rest.split_once('(').map(|(_, r)| r))
        .and_then(|rest| rest.split_once(')').map(|(list, _)| list))
        .expect("the header lists the ::part() names in parentheses");
    let named: BTreeSet<String> = parts
        .split(',')
        .map(|p| p.trim().trim_start_matches('*').trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(named, set(PARTS), "the header's ::part() list");
}

#[test]
fn the_readme_documents_exactly_the_declared_api() {
    let readme = read("README.md");
    let attributes = readme_section(&readme, "### Attributes");
    assert_eq!(first_cells(&attributes), set(ATTRIBUTES), "attribute table");
    let events = readme_section(&readme, "### State and events");
    assert_eq!(first_cells(&events), set(EVENTS), "event table");
    let styling = readme_section(&readme, "### Styling");
    assert_eq!(
        first_cells(&styling),
        set(CSS_PROPERTIES),
        "custom property table"
    );
    let parts = styling
        .split_once("`::part()` names:")
        .map(|(_, rest)| rest.split_once("\n\n").map_or(rest, |(p, _)| p))
        .expect("README names the ::part() names");
    assert_eq!(backticked(parts), set(PARTS), "README's ::part() names");
}

/// A cross-origin request with an `Accept` the Fetch standard does not
/// safelist is preceded by a CORS preflight, which most feed servers refuse:
/// the widget could then read no feed of another origin.
#[test]
fn the_accept_header_needs_no_cors_preflight() {
    assert!(ACCEPT.len() <= 128, "{} bytes", ACCEPT.len());
    let unsafe_byte =
        |b: u8| (b < 0x20 && b != b'\t') || b == 0x7f || br#""():<>?@[\]{}"#.contains(&b);
    assert!(!ACCEPT.bytes().any(unsafe_byte), "{ACCEPT}");
}
