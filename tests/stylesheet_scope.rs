//! README ("Pre-rendering") recommends linking the widget's stylesheet in a
//! pre-rendered page's `<head>` as well, and promises that it is inert there:
//! every rule is under `:host` or an `.aw…` class, and its keyframes are
//! named `aw-…`.

/// Every selector of `css`, and every `@keyframes` name, in order.
fn selectors(css: &str) -> (Vec<String>, Vec<String>) {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);

    let (mut selectors, mut keyframes) = (Vec::new(), Vec::new());
    let mut prelude = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                let head = prelude.trim().to_owned();
                prelude.clear();
                if let Some(name) = head.strip_prefix("@keyframes") {
                    keyframes.push(name.trim().to_owned());
                } else if head.starts_with('@') {
                    // @media, @container, @supports: their rules follow.
                    continue;
                } else {
                    selectors.extend(split_list(&head));
                }
                // Skip the block (declarations, or a keyframes' steps).
                let mut depth = 1;
                for c in chars.by_ref() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 1 => break,
                        '}' => depth -= 1,
                        _ => {}
                    }
                }
            }
            '}' => prelude.clear(),
            ';' => prelude.clear(),
            c => prelude.push(c),
        }
    }
    (selectors, keyframes)
}

/// A selector list split at its top-level commas (not those inside `:is()`).
fn split_list(list: &str) -> Vec<String> {
    let (mut out, mut current, mut depth) = (Vec::new(), String::new(), 0);
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    out.push(current.trim().to_owned());
    out
}

#[test]
fn every_rule_is_under_the_host_or_an_aw_class() {
    let css = std::fs::read_to_string("styles/widget.css").expect("styles/widget.css");
    let (selectors, keyframes) = selectors(&css);
    assert!(selectors.len() > 50, "{} selectors", selectors.len());
    let outside: Vec<_> = selectors
        .iter()
        .filter(|s| !(s.starts_with(":host") || s.starts_with(".aw")))
        .collect();
    assert!(
        outside.is_empty(),
        "rules that would style a page: {outside:?}"
    );
    assert!(
        keyframes.iter().all(|k| k.starts_with("aw-")),
        "{keyframes:?}"
    );
}

#[test]
fn the_scanner_sees_page_rules() {
    let (selectors, keyframes) =
        selectors("/* c */ @media (x) { p, .aw-a :is(b, i) { color: red } } :host { } @keyframes spin { from { x: 1 } }");
    assert_eq!(selectors, ["p", ".aw-a :is(b, i)", ":host"]);
    assert_eq!(keyframes, ["spin"]);
}
