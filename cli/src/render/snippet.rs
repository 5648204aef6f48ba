//! The snippet's own markup around Yew's: the host element with its
//! attributes, the declarative shadow root with the stylesheet (linked or
//! inline), and the data island. Everything from outside is escaped here; Yew escapes the rest.

use std::fmt::Write;

use sha2::{Digest, Sha256};

/// The hashed stylesheet's file name, `article-widget-<16 hex>.css`: the
/// first 16 hex digits of the SHA-256 of `styles/widget.css`, the name
/// `tools/write-entry.sh` gives the copy it writes to `dist/`.
pub fn stylesheet_name() -> String {
    let digest = Sha256::digest(article_widget::STYLESHEET.as_bytes());
    let mut name = String::from("article-widget-");
    for byte in &digest[..8] {
        let _ = write!(name, "{byte:02x}");
    }
    name.push_str(".css");
    name
}

/// The stylesheet in the snippet's shadow root.
#[derive(Debug, Clone, Copy)]
pub enum Sheet<'a> {
    /// A `<link rel="stylesheet">` to this URL.
    Link(&'a str),
    /// A `<style>` with this text: the crate's own stylesheet, which holds no
    /// `</` (a test checks), so nothing in it can end the element.
    Inline(&'a str),
}

/// `<article-widget …>` with the shadow root holding `markup` (already
/// escaped by Yew) and, when given, the data island.
pub fn snippet(
    attributes: &[(String, String)],
    stylesheet: Sheet<'_>,
    markup: &str,
    island: Option<&str>,
) -> String {
    let mut out = String::from("<article-widget");
    for (name, value) in attributes {
        let _ = write!(out, " {name}=\"{}\"", escape_attribute(value));
    }
    // Marks the element as pre-rendered for article-widget.css, which
    // reserves the space of elements that show nothing before the script runs.
    out.push_str(" data-prerendered");
    // The wrapping <div> stands where the widget mounts its app, so the
    // stylesheet applies to the same tree.
    out.push_str("><template shadowrootmode=\"open\">");
    match stylesheet {
        Sheet::Link(href) => {
            let _ = write!(
                out,
                "<link rel=\"stylesheet\" href=\"{}\">",
                escape_attribute(href)
            );
        }
        Sheet::Inline(text) => {
            let _ = write!(out, "<style>{text}</style>");
        }
    }
    let _ = write!(out, "<div>{markup}</div></template>");
    if let Some(island) = island {
        let _ = write!(out, "<script type=\"application/json\">{island}</script>");
    }
    out.push_str("</article-widget>\n");
    out
}

/// A JSON document written so that it cannot end or reopen the script
/// element it sits in: `<`, `>` and `&` (so no `</script>`, `<!--` or
/// `<script`) and U+2028/U+2029 become `\uXXXX` escapes.
///
/// `json` must be valid JSON (the feed was read from it): those characters
/// can then only be inside strings, where the escapes mean the same
/// characters, so the island parses to exactly the document.
pub fn island(json: &str) -> String {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json).trim();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    #[test]
    fn nothing_in_the_data_ends_or_reopens_the_script() {
        let json = "{\"t\": \"</script><script>alert(1)</script><!-- x --> &amp; \u{2028}\u{2029} </SCRIPT\"}";
        let escaped = island(json);
        for bad in ["<", ">", "\u{2028}", "\u{2029}"] {
            assert!(!escaped.contains(bad), "{bad:?} in {escaped}");
        }
        let before: Value = serde_json::from_str(json).unwrap();
        let after: Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(before, after);
        assert_eq!(island("\u{feff} [1, \"\\\\<\"] "), "[1, \"\\\\\\u003c\"]");
        let parsed: Value = serde_json::from_str(&island("[\"\\\\<\"]")).unwrap();
        assert_eq!(parsed, serde_json::json!(["\\<"]));
    }

    #[test]
    fn attributes_are_quoted_and_escaped() {
        let html = snippet(
            &[("lang".into(), "\"><script>x</script>&".into())],
            Sheet::Link("https://cdn.example/a\".css"),
            "<div class=\"aw\"></div>",
            Some("[]"),
        );
        assert_eq!(
            html,
            "<article-widget lang=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;&amp;\" data-prerendered>\
             <template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://cdn.example/a&quot;.css\">\
             <div><div class=\"aw\"></div></div></template><script type=\"application/json\">[]</script></article-widget>\n"
        );
    }

    #[test]
    fn an_inline_snippet_has_the_style_element_and_no_link() {
        let text = crate::render::style::inline_text();
        let html = snippet(&[], Sheet::Inline(text), "<p>x</p>", None);
        assert_eq!(
            html,
            format!(
                "<article-widget data-prerendered><template shadowrootmode=\"open\">\
                 <style>{text}</style><div><p>x</p></div></template></article-widget>\n"
            )
        );
        assert!(!html.contains("<link"));
        // The style element ends where the snippet ends it, and nowhere before.
        let start = html.find("<style>").unwrap() + "<style>".len();
        let end = html[start..].find("</").unwrap() + start;
        assert_eq!(&html[start..end], text);
        assert!(html[end..].starts_with("</style><div>"));
    }

    #[test]
    fn the_stylesheet_name_is_its_content_hash() {
        let name = stylesheet_name();
        assert!(name.starts_with("article-widget-") && name.ends_with(".css"));
        assert_eq!(name.len(), "article-widget-".len() + 16 + ".css".len());
    }
}
