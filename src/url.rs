//! URLs: the rules every link, image and request of the widget follows, in
//! one place because they are security rules.
//!
//! Every URL that reaches an attribute, a request or an event detail comes
//! out of [`resolve`]: made absolute against its base and serialised by a
//! WHATWG URL parser (the browser's own in the widget, the `url` crate,
//! which follows the same standard, natively), so quotes, angle brackets and
//! spaces are percent-encoded and the scheme and host are lower-case. Then
//! [`web`] keeps `http(s)` only (images, feeds, article pages) and [`link`]
//! also `mailto:` (links in a body). Imports nothing of the crate.

/// `href` made absolute against `base` (when given and valid) and serialised
/// canonically; `None` when it is not a URL.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    if is_canonical_web(href) {
        return Some(href.to_owned());
    }
    base.and_then(|base| parse(href, Some(base)))
        .or_else(|| parse(href, None))
}

/// [`resolve`], kept only if it is `http:` or `https:`.
pub fn web(href: &str, base: Option<&str>) -> Option<String> {
    resolve(trim(href), base).filter(|url| is_web_url(url))
}

/// [`resolve`], kept only if it may be a link: `http:`, `https:` or `mailto:`.
pub fn link(href: &str, base: Option<&str>) -> Option<String> {
    resolve(trim(href), base).filter(|url| is_link_url(url))
}

/// Whether an absolute URL is `http:` or `https:`.
pub fn is_web_url(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// Whether an absolute URL may be a link: `http:`, `https:` or `mailto:`.
pub fn is_link_url(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https" | "mailto"))
}

/// HTML's whitespace around an attribute value (`src/early.js` trims the same).
fn trim(href: &str) -> &str {
    href.trim_matches(|c: char| c.is_ascii_whitespace())
}

fn scheme(url: &str) -> Option<String> {
    url.split_once(':').map(|(s, _)| s.to_ascii_lowercase())
}

/// At most this many `srcset` candidates are kept: real images come in a
/// handful of sizes, and the browser weighs every candidate at each layout.
pub const MAX_SRCSET: usize = 16;

/// A `srcset` whose candidates are made web URLs with `web` (usually
/// [`web`] against the document's URL); candidates that are not are dropped,
/// and those after the first [`MAX_SRCSET`]. `None` when none is left.
pub fn srcset(set: &str, web: impl Fn(&str) -> Option<String>) -> Option<String> {
    let candidates: Vec<String> = set
        .split(',')
        .filter_map(|candidate| {
            let candidate = candidate.trim();
            let (url, descriptor) = candidate
                .split_once(char::is_whitespace)
                .unwrap_or((candidate, ""));
            let url = web(url)?;
            let descriptor = descriptor.trim();
            // Descriptors are a width (`300w`) or a density (`2x`), nothing else.
            let valid = descriptor.is_empty()
                || descriptor.len() <= 12
                    && descriptor[..descriptor.len() - 1]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.')
                    && matches!(descriptor.as_bytes().last(), Some(b'w' | b'x'));
            valid.then(|| {
                if descriptor.is_empty() {
                    url
                } else {
                    format!("{url} {descriptor}")
                }
            })
        })
        .take(MAX_SRCSET)
        .collect();
    (!candidates.is_empty()).then(|| candidates.join(", "))
}

/// The page's base URL (`document.baseURI`), which `src` resolves against.
/// Natively there is no page.
pub fn page_base() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()?.document()?.base_uri().ok().flatten();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}

#[cfg(target_arch = "wasm32")]
fn parse(href: &str, base: Option<&str>) -> Option<String> {
    let url = match base {
        Some(base) => web_sys::Url::new_with_base(href, base),
        None => web_sys::Url::new(href),
    };
    url.ok().map(|u| u.href())
}

#[cfg(not(target_arch = "wasm32"))]
fn parse(href: &str, base: Option<&str>) -> Option<String> {
    let base = base.and_then(|b| ::url::Url::parse(b).ok());
    ::url::Url::options()
        .base_url(base.as_ref())
        .parse(href)
        .ok()
        .map(String::from)
}

/// An absolute `http(s)` URL already in the form the URL parser would give:
/// a feed's item links and images usually are, and a list of 1000 items then
/// needs no trip to the parser for each. Anything unusual goes to the parser:
/// upper case in the scheme or host, a port, user info, a host that could be
/// an IP address, dot segments, and every character the parser would
/// percent-encode or change.
fn is_canonical_web(href: &str) -> bool {
    let Some(rest) = href
        .strip_prefix("https://")
        .or_else(|| href.strip_prefix("http://"))
    else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    // A last label that starts with a digit may make the host an IPv4
    // address ("0x7f.1"), which the parser rewrites.
    let named = host
        .rsplit('.')
        .next()
        .and_then(|last| last.bytes().next())
        .is_some_and(|b| b.is_ascii_lowercase());
    // The parser adds the `/` of an empty path.
    labels_ok
        && named
        && tail.starts_with('/')
        && tail.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'.'
                        | b'_'
                        | b'~'
                        | b'/'
                        | b'?'
                        | b'#'
                        | b'='
                        | b'&'
                        | b'+'
                        | b','
                        | b';'
                        | b':'
                        | b'@'
                        | b'!'
                        | b'$'
                        | b'('
                        | b')'
                        | b'*'
                )
        })
        && !tail.contains("/.")
        && !tail.contains('%')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_web_urls_skip_the_parser_and_nothing_else_does() {
        for plain in [
            "https://news.example/a?b=c#d",
            "http://cdn.news.example/x-1_2.jpg",
            "https://news.example/",
        ] {
            assert!(is_canonical_web(plain), "{plain}");
            assert_eq!(parse(plain, None).as_deref(), Some(plain), "{plain}");
        }
        for parsed in [
            "https://",
            "https://news.example",
            "HTTP://news.example/x.jpg",
            "https://News.example/",
            "https://news.example:443/",
            "https://user@news.example/",
            "https://0x7f.1/",
            "https://127.0.0.1/",
            "/relative/path",
            "images/a.svg",
            "javascript:alert(1)",
            " https://news.example/",
            "https://news.example/a b",
            "https://news.example/a\"onerror=\"x",
            "https://news.example/<script>",
            "https://news.example/it's",
            "https://news.example/../x",
            "https://news.example/%2e%2e/x",
            "https:\\\\news.example",
            "https://bücher.example/",
            "//news.example/x",
        ] {
            assert!(!is_canonical_web(parsed), "{parsed}");
        }
    }

    #[test]
    fn resolved_urls_are_canonical_and_encoded() {
        let base = Some("https://news.example/feeds/feed.json");
        let at = |href| resolve(href, base);
        assert_eq!(
            at("../img/a b.jpg").as_deref(),
            Some("https://news.example/img/a%20b.jpg")
        );
        assert_eq!(
            at("https://news.example/a\"><x>").as_deref(),
            Some("https://news.example/a%22%3E%3Cx%3E")
        );
        assert_eq!(
            at("HTTPS://News.Example:443").as_deref(),
            Some("https://news.example/")
        );
        assert_eq!(at("http://0x7f.1/").as_deref(), Some("http://127.0.0.1/"));
        assert_eq!(resolve("a.jpg", None), None);
        assert_eq!(
            resolve("a.jpg", Some("not a base")),
            None,
            "an invalid base resolves nothing relative"
        );
    }

    #[test]
    fn only_allowed_schemes_survive() {
        let base = Some("https://news.example/");
        assert_eq!(web(" /a ", base).as_deref(), Some("https://news.example/a"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:image/png;base64,AAAA",
            "vbscript:x",
            "file:///etc/passwd",
            "mailto:desk@news.example",
        ] {
            assert_eq!(web(bad, base), None, "{bad}");
        }
        assert_eq!(
            link("mailto:desk@news.example", base).as_deref(),
            Some("mailto:desk@news.example")
        );
        assert_eq!(link("javascript:alert(1)", base), None);
        assert!(is_link_url("HTTP://news.example/"));
        assert!(!is_link_url("ftp://news.example/"));
    }

    #[test]
    fn srcset_candidates_are_web_urls_with_valid_descriptors() {
        let base = Some("https://news.example/");
        let set = srcset(
            "a-300.jpg 300w, javascript:x 600w,https://cdn.example/a.jpg 1024w, b.jpg 2x, c.jpg\" onerror=x 9w, d.jpg",
            |u| web(u, base),
        );
        assert_eq!(
            set.as_deref(),
            Some("https://news.example/a-300.jpg 300w, https://cdn.example/a.jpg 1024w, https://news.example/b.jpg 2x, https://news.example/d.jpg")
        );
        assert_eq!(srcset("javascript:x 1w", |u| web(u, base)), None);
    }
}
