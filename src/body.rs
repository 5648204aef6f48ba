//! Article bodies: plain text split into paragraphs, and untrusted HTML turned
//! into text the views render through Yew (never through `innerHTML`).

/// Splits plain text into paragraphs.
///
/// Blank lines separate paragraphs; a line holding only whitespace (the seed's
/// lone U+00A0 lines included) counts as blank. Lines inside a paragraph are
/// joined with a space, and runs of whitespace, non-breaking spaces included,
/// collapse to one space, as a browser would show them.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        for word in line.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// Collapses whitespace in a one-line text field (headline, caption, name).
pub fn collapse(text: &str) -> String {
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(target_arch = "wasm32")]
pub use html::text_paragraphs;

#[cfg(target_arch = "wasm32")]
mod html {
    use web_sys::{DomParser, Node, SupportedType};

    /// The text of untrusted HTML, one paragraph per top-level element.
    ///
    /// The browser's `DOMParser` builds an inert document (no scripts run, no
    /// resources load); only `textContent` is read from it.
    pub fn text_paragraphs(html: &str) -> Vec<String> {
        let Ok(parser) = DomParser::new() else {
            return Vec::new();
        };
        let Ok(doc) = parser.parse_from_string(html, SupportedType::TextHtml) else {
            return Vec::new();
        };
        let Some(body) = doc.body() else {
            return Vec::new();
        };
        let children = body.child_nodes();
        let mut out = Vec::new();
        let mut inline = String::new();
        for i in 0..children.length() {
            let Some(node) = children.item(i) else {
                continue;
            };
            let text = node.text_content().unwrap_or_default();
            if node.node_type() == Node::ELEMENT_NODE && is_block(&node.node_name()) {
                out.extend(super::paragraphs(&std::mem::take(&mut inline)));
                let p = super::collapse(&text);
                if !p.is_empty() {
                    out.push(p);
                }
            } else {
                inline.push_str(&text);
            }
        }
        out.extend(super::paragraphs(&inline));
        out
    }

    fn is_block(name: &str) -> bool {
        !matches!(
            name,
            "A" | "B" | "I" | "EM" | "STRONG" | "SPAN" | "CODE" | "BR" | "SMALL" | "SUB" | "SUP"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_paragraphs_lose_their_nbsp_indentation_and_separator_lines() {
        let text = "\u{a0}\u{a0}\u{a0}\u{a0}Ngày 23/6, Ban Chỉ đạo họp.\n\u{a0}\n\u{a0}\u{a0}\u{a0}\u{a0}Theo báo cáo\ntại Hội nghị.\n";
        assert_eq!(
            paragraphs(text),
            ["Ngày 23/6, Ban Chỉ đạo họp.", "Theo báo cáo tại Hội nghị."]
        );
    }

    #[test]
    fn blank_text_has_no_paragraphs() {
        assert!(paragraphs("\u{a0}\n  \n\t").is_empty());
        assert_eq!(collapse("  P.V \u{a0} "), "P.V");
    }
}
