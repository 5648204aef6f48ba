//! How a snippet carries the widget's stylesheet, and the Content Security
//! Policy sources a page needs for it.
//!
//! `link` points at the hashed stylesheet in `dist/`: small HTML and one
//! request every page caches, but Chromium's parser waits for a stylesheet
//! linked in the body, so the headline paints only once it has loaded.
//! `inline` puts the same bytes in a `<style>` element: nothing is fetched
//! before the headline paints, and a strict policy allows exactly that
//! element by its hash ([`csp`]).

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// How the snippet's shadow root gets the widget's stylesheet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Style {
    /// `<link rel="stylesheet">` to the hashed stylesheet under `--assets`.
    #[default]
    Link,
    /// `<style>` holding the stylesheet itself (allowed by its hash, `--csp`).
    Inline,
}

impl Style {
    /// The name `--style` and `/v1/render?style=` take.
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Link => "link",
            Style::Inline => "inline",
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A style name that is neither `link` nor `inline`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("style={0:?}: expected link or inline")]
pub struct UnknownStyle(pub String);

impl FromStr for Style {
    type Err = UnknownStyle;

    fn from_str(value: &str) -> Result<Style, UnknownStyle> {
        match value.trim() {
            "" | "link" => Ok(Style::Link),
            "inline" => Ok(Style::Inline),
            other => Err(UnknownStyle(other.to_owned())),
        }
    }
}

/// The text of an inline snippet's `<style>` element: the bytes of the hashed
/// stylesheet in `dist/`, unchanged, so the hash below is theirs.
pub fn inline_text() -> &'static str {
    article_widget::STYLESHEET
}

/// The CSP hash source of the inline `<style>`: `'sha256-<base64>'` of its
/// text exactly as it stands between `<style>` and `</style>` (the stylesheet
/// has no carriage return or NUL for the HTML parser to change).
pub fn style_hash_source() -> String {
    let digest = Sha256::digest(inline_text().as_bytes());
    format!("'sha256-{}'", base64(&digest))
}

/// The `style-src` directive a page with a strict policy needs for the
/// snippets of this release, both styles: the hashed stylesheet's origin
/// (`'self'` when `assets` is relative or empty) for `link`, the style
/// element's hash for `inline`. The widget's own stylesheet after takeover is
/// a constructed sheet, which `style-src` does not govern.
pub fn csp(assets: &str) -> String {
    let origin = url::Url::parse(assets)
        .ok()
        .filter(|url| matches!(url.scheme(), "http" | "https"))
        .map_or_else(
            || "'self'".to_owned(),
            |url| url.origin().ascii_serialization(),
        );
    format!("style-src {origin} {}", style_hash_source())
}

/// Standard base64 with padding (RFC 4648 §4), as CSP hash sources write it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), output);
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn the_hash_is_the_sha256_of_the_style_text() {
        // The SHA-256 of "" is well known; the source has the same shape.
        assert_eq!(
            format!("'sha256-{}'", base64(&Sha256::digest(b""))),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        let source = style_hash_source();
        assert!(source.starts_with("'sha256-") && source.ends_with("='"));
        assert_eq!(source.len(), "'sha256-".len() + 44 + 1);
    }

    #[test]
    fn the_style_text_is_what_the_browser_hashes_and_cannot_end_its_element() {
        let text = inline_text();
        assert!(!text.is_empty());
        // Nothing that could close the <style> raw text (`</style`), nor any
        // `</` at all; no CR or NUL, which the HTML parser would rewrite
        // before the browser hashes the text.
        assert!(!text.contains("</"), "the stylesheet contains `</`");
        assert!(!text.contains(['\r', '\0']));
        assert!(!text.to_ascii_lowercase().contains("<style"));
    }

    #[test]
    fn the_directive_names_the_stylesheets_origin_and_the_hash() {
        let hash = style_hash_source();
        assert_eq!(csp(""), format!("style-src 'self' {hash}"));
        assert_eq!(csp("/aw/"), format!("style-src 'self' {hash}"));
        assert_eq!(
            csp("https://cdn.example/article-widget/"),
            format!("style-src https://cdn.example {hash}")
        );
    }

    #[test]
    fn style_names_parse_and_others_are_refused() {
        assert_eq!("inline".parse(), Ok(Style::Inline));
        assert_eq!("link".parse(), Ok(Style::Link));
        assert_eq!("".parse(), Ok(Style::Link));
        assert_eq!(
            "Inline".parse::<Style>(),
            Err(UnknownStyle("Inline".to_owned()))
        );
        assert_eq!(Style::Inline.to_string(), "inline");
    }
}
