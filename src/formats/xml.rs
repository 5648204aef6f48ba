//! XML documents → [`Feed`]: RSS (0.9x, 1.0, 2.0) and Atom (0.3, 1.0).
//!
//! The adapters read an element tree through [`Element`], so the same code
//! reads `roxmltree` natively and the browser's `DOMParser` in the widget
//! (`xml/native.rs`, `xml/dom.rs`), the way the JSON adapters read [`super::Node`].
//! Names are matched by namespace URI and local name, never by prefix.
//!
//! Neither parser fetches anything: no external DTD, no external entity.
//! Entity declarations are checked before either parser sees the document
//! ([`check_entities`]), so no expansion can grow past a few megabytes.

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(not(target_arch = "wasm32"))]
mod native;

use std::borrow::Cow;

use super::{atom, rss, FormatError};
use crate::model::Feed;

#[cfg(target_arch = "wasm32")]
pub(crate) use dom::parse;
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use native::parse;

/// The namespace of `xml:base` and `xml:lang`.
pub(crate) const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A node under an element: an element, or text (CDATA sections included).
pub(crate) enum Child<E> {
    /// An element.
    Element(E),
    /// Character data, entities already expanded.
    Text(String),
}

/// An element of a parsed XML document. Reads never fail: a missing
/// attribute is `None`, an element without children has none.
pub(crate) trait Element: Clone {
    /// The namespace URI, empty for none.
    fn namespace(&self) -> String;
    /// The name without its prefix.
    fn local_name(&self) -> String;
    /// The attribute `name` in `namespace` (`None`: no namespace, as
    /// attributes without a prefix are).
    fn attribute(&self, namespace: Option<&str>, name: &str) -> Option<String>;
    /// The attributes without a namespace, as `(name, value)` in document order.
    fn plain_attributes(&self) -> Vec<(String, String)>;
    /// The child elements and text, in document order.
    fn nodes(&self) -> Vec<Child<Self>>;
    /// The child elements, in document order.
    fn children(&self) -> Vec<Self> {
        self.nodes()
            .into_iter()
            .filter_map(|n| match n {
                Child::Element(e) => Some(e),
                Child::Text(_) => None,
            })
            .collect()
    }
    /// All the text inside, as the DOM's `textContent`.
    fn text(&self) -> String;
}

/// An element's children with their names read once: the adapters look a
/// dozen names up in each item, and in the browser each name is a call into
/// JavaScript.
pub(crate) struct Children<E> {
    list: Vec<(String, String, E)>,
}

impl<E: Element> Children<E> {
    /// The children of `element`.
    pub(crate) fn of(element: &E) -> Self {
        Children {
            list: element
                .children()
                .into_iter()
                .map(|e| (e.namespace(), e.local_name(), e))
                .collect(),
        }
    }

    /// Every child named `name` in one of `namespaces`.
    pub(crate) fn all(&self, namespaces: &[&str], name: &str) -> Vec<&E> {
        let mut out = Vec::new();
        for (ns, local, element) in &self.list {
            if local == name && namespaces.contains(&ns.as_str()) {
                out.push(element);
            }
        }
        out
    }

    /// The first child named `name` in one of `namespaces`.
    pub(crate) fn first(&self, namespaces: &[&str], name: &str) -> Option<&E> {
        self.all(namespaces, name).into_iter().next()
    }

    /// The text of the first such child that has any, trimmed.
    pub(crate) fn text(&self, namespaces: &[&str], name: &str) -> Option<String> {
        for element in self.all(namespaces, name) {
            if let Some(text) = trimmed(element.text()) {
                return Some(text);
            }
        }
        None
    }
}

/// A non-blank string, trimmed.
pub(crate) fn trimmed(text: String) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        None
    } else if t.len() == text.len() {
        Some(text)
    } else {
        Some(t.to_owned())
    }
}

/// A non-blank attribute without a namespace, trimmed.
pub(crate) fn attr<E: Element>(element: &E, name: &str) -> Option<String> {
    trimmed(element.attribute(None, name)?)
}

/// The base URL in force inside `element`: its `xml:base` resolved against
/// `parent`'s. Still relative when every base on the way is: the caller
/// resolves what remains against the document's URL.
pub(crate) fn base<E: Element>(element: &E, parent: Option<&str>) -> Option<String> {
    match attr_ns(element, XML, "base") {
        Some(href) => Some(join(parent, &href)),
        None => parent.map(str::to_owned),
    }
}

/// A non-blank attribute in `namespace`, trimmed.
pub(crate) fn attr_ns<E: Element>(element: &E, namespace: &str, name: &str) -> Option<String> {
    trimmed(element.attribute(Some(namespace), name)?)
}

/// The element's content as markup: its children written out as XML, for
/// Atom's `type="xhtml"`. Only attributes without a namespace are kept (what
/// HTML elements have); the body path decides which of them matter.
pub(crate) fn inner_markup<E: Element>(element: &E) -> String {
    let mut out = String::new();
    write_children(element, &mut out, 0);
    out
}

/// Deeper markup is dropped: the body path keeps only a few levels anyway.
const MAX_MARKUP_DEPTH: usize = 64;

fn write_children<E: Element>(element: &E, out: &mut String, depth: usize) {
    for node in element.nodes() {
        match node {
            Child::Text(text) => escape(&text, false, out),
            Child::Element(child) if depth < MAX_MARKUP_DEPTH => {
                let name = child.local_name();
                out.push('<');
                out.push_str(&name);
                for (key, value) in child.plain_attributes() {
                    out.push(' ');
                    out.push_str(&key);
                    out.push_str("=\"");
                    escape(&value, true, out);
                    out.push('"');
                }
                out.push('>');
                write_children(&child, out, depth + 1);
                out.push_str("</");
                out.push_str(&name);
                out.push('>');
            }
            Child::Element(_) => {}
        }
    }
}

fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Resolves `href` against `base` (RFC 3986, section 5.2), for `xml:base`.
/// `base` may itself be relative; the result then is too.
pub(crate) fn join(base: Option<&str>, href: &str) -> String {
    let href = href.trim();
    let Some(base) = base else {
        return href.to_owned();
    };
    if has_scheme(href) {
        return href.to_owned();
    }
    let base = base.split('#').next().unwrap_or(base);
    let scheme_end = if has_scheme(base) {
        base.find(':').map_or(0, |i| i + 1)
    } else {
        0
    };
    if href.starts_with("//") {
        return format!("{}{href}", &base[..scheme_end]);
    }
    let after_scheme = &base[scheme_end..];
    let authority_end = match after_scheme.strip_prefix("//") {
        Some(rest) => scheme_end + 2 + rest.find(['/', '?']).unwrap_or(rest.len()),
        None => scheme_end,
    };
    let (origin, path_and_query) = base.split_at(authority_end);
    let path = path_and_query.split('?').next().unwrap_or("");
    if href.is_empty() {
        return base.to_owned();
    }
    if let Some(fragment) = href.strip_prefix('#') {
        return format!("{base}#{fragment}");
    }
    if href.starts_with('?') {
        return format!("{origin}{path}{href}");
    }
    let (href_path, suffix) = href.split_at(href.find(['?', '#']).unwrap_or(href.len()));
    let merged = if href_path.starts_with('/') {
        href_path.to_owned()
    } else if path.is_empty() && authority_end > scheme_end {
        format!("/{href_path}")
    } else {
        let dir = path.rfind('/').map_or("", |i| &path[..=i]);
        format!("{dir}{href_path}")
    };
    format!("{origin}{}{suffix}", remove_dot_segments(&merged))
}

fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

fn remove_dot_segments(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." | "" if i == last => out.push(""),
            "." => {}
            "" if i == 0 => {}
            ".." => {
                out.pop();
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Whether the document looks like markup: its first character, after a
/// byte order mark and whitespace, is `<`.
pub(crate) fn is_markup(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// An HTML page rather than a feed: what a login or error page served as
/// `text/xml` looks like.
fn is_html_page(text: &str) -> bool {
    let start: String = text
        .trim_start()
        .chars()
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Readies the document for either parser: an HTML page is
/// [`FormatError::WebPage`], entity declarations must be small and flat (see
/// [`check_entities`]), and the well-known prefixes that sloppy feeds use
/// without declaring them are declared (see [`declare_known_prefixes`]).
pub(crate) fn prepare(text: &str) -> Result<Cow<'_, str>, FormatError> {
    if is_html_page(text) {
        return Err(FormatError::WebPage);
    }
    check_entities(text)?;
    Ok(match repair_references(text) {
        Cow::Borrowed(text) => declare_known_prefixes(text),
        Cow::Owned(text) => Cow::Owned(declare_known_prefixes(&text).into_owned()),
    })
}

/// Feeds written by string templates leave `&` bare ("Fish & Chips") or use
/// HTML's named references (`&eacute;`), which XML does not define, and no
/// XML parser reads on. Outside CDATA sections, comments and the DOCTYPE,
/// such an `&` becomes `&amp;`: the text then holds what the author wrote,
/// and the fields read as HTML (titles, descriptions, content) decode
/// `&eacute;` there, as they decode it in CDATA.
fn repair_references(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let declared = declared_entities(text);
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'<' => at = after_markup(text, at),
            b'&' => {
                let name = &bytes[at + 1..];
                let len = name
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"#_-.:".contains(b)))
                    .unwrap_or(name.len());
                let reference = name.get(len) == Some(&b';')
                    && is_xml_reference(&text[at + 1..at + 1 + len], &declared);
                if !reference {
                    out.push_str(&text[copied..at]);
                    out.push_str("&amp;");
                    copied = at + 1;
                }
                at += 1;
            }
            _ => at += 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Where to go on from the `<` at `at`: past a CDATA section, a comment or
/// the DOCTYPE, whose `&`s are not references; else the next byte.
fn after_markup(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let past = |end: &str| rest.find(end).map_or(text.len(), |e| at + e + end.len());
    if rest.starts_with("<![CDATA[") {
        past("]]>")
    } else if rest.starts_with("<!--") {
        past("-->")
    } else if rest.starts_with("<!DOCTYPE") {
        internal_subset_end(text).map_or(at + 1, |end| end.max(at + 1))
    } else {
        at + 1
    }
}

/// A reference every XML parser reads: a character reference, one of XML's
/// five, or an entity the document declares.
fn is_xml_reference(name: &str, declared: &[&str]) -> bool {
    if let Some(number) = name.strip_prefix('#') {
        let (digits, hex) = match number.strip_prefix('x') {
            Some(digits) => (digits, true),
            None => (number, false),
        };
        return !digits.is_empty()
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || (hex && b.is_ascii_hexdigit()));
    }
    matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") || declared.contains(&name)
}

/// The names of the general entities the internal subset declares.
fn declared_entities(text: &str) -> Vec<&str> {
    let Some(end) = internal_subset_end(text) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for (at, _) in text[..end].match_indices("<!ENTITY") {
        let rest = text[at + 8..end].trim_start_matches([' ', '\t', '\r', '\n']);
        let len = rest.find([' ', '\t', '\r', '\n']).unwrap_or(rest.len());
        names.push(&rest[..len]);
    }
    names
}

/// The modules RSS feeds use, by the prefix everyone writes for them.
const KNOWN_PREFIXES: [(&str, &str); 7] = [
    ("content", "http://purl.org/rss/1.0/modules/content/"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("media", "http://search.yahoo.com/mrss/"),
    ("atom", "http://www.w3.org/2005/Atom"),
    ("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
];

/// Feeds often write `<media:content>` or `<content:encoded>` without
/// declaring the prefix, which no namespace-aware parser accepts. For the
/// prefixes in [`KNOWN_PREFIXES`] that elements use and nothing declares,
/// a declaration is added to the root element. Other undeclared prefixes
/// stay an error.
fn declare_known_prefixes(text: &str) -> Cow<'_, str> {
    let missing: Vec<(&str, &str)> = KNOWN_PREFIXES
        .into_iter()
        .filter(|(prefix, _)| {
            text.contains(&format!("<{prefix}:")) && !text.contains(&format!("xmlns:{prefix}"))
        })
        .collect();
    let Some(at) = root_name_end(text).filter(|_| !missing.is_empty()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 64 * missing.len());
    out.push_str(&text[..at]);
    for (prefix, namespace) in missing {
        out.push_str(&format!(" xmlns:{prefix}=\"{namespace}\""));
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Where the root element's name ends: after the prolog's declaration,
/// comments, processing instructions and DOCTYPE.
fn root_name_end(text: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let start = at + text[at..].find('<')?;
        let rest = &text[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            at = start + 4 + comment.find("-->")? + 3;
        } else if rest.starts_with("<?") {
            at = start + rest.find("?>")? + 2;
        } else if rest.starts_with("<!") {
            // A DOCTYPE, with or without an internal subset.
            at = match internal_subset_end(text).filter(|end| *end > start) {
                Some(end) => end,
                None => start + rest.find('>')? + 1,
            };
        } else {
            let name = rest[1..].find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(start + 1 + name);
        }
    }
}

/// The most text entity expansion may add to a document.
const MAX_EXPANSION: usize = 1 << 20;

/// Feeds declare no entities, or a few like `<!ENTITY nbsp "&#160;">`. A
/// declaration whose value refers to other entities (the "billion laughs"
/// nesting) is refused, and so is a document in which the largest value
/// times the number of references could add more than a megabyte (the
/// quadratic blow-up, which a parser's nesting limits do not catch).
pub(crate) fn check_entities(text: &str) -> Result<(), FormatError> {
    let Some(subset_end) = internal_subset_end(text) else {
        return Ok(());
    };
    let mut longest = 0;
    let mut offset = 0;
    while let Some(at) = text[offset..subset_end].find("<!ENTITY") {
        offset += at;
        let declaration = &text[offset..subset_end];
        let end = declaration.find('>').unwrap_or(declaration.len());
        let value = quoted(&declaration[..end]).unwrap_or("");
        let nested = value
            .match_indices('&')
            .any(|(i, _)| !value[i + 1..].starts_with('#'));
        if nested {
            return Err(entity_error(text, offset, "entities within entities"));
        }
        longest = longest.max(value.len());
        offset += end;
    }
    let references = text[subset_end..].matches('&').count();
    if longest.saturating_mul(references) > MAX_EXPANSION {
        return Err(entity_error(
            text,
            0,
            "their references would add more than a megabyte of text",
        ));
    }
    Ok(())
}

/// Where the DOCTYPE's internal subset (`[…]`) ends, when there is one.
fn internal_subset_end(text: &str) -> Option<usize> {
    let doctype = text.find("<!DOCTYPE")?;
    let head = &text[doctype..];
    let open = head.find(['[', '>'])?;
    if head.as_bytes()[open] != b'[' {
        return None;
    }
    Some(doctype + head.find("]>").or_else(|| head.rfind(']'))? + 1)
}

/// The first quoted string in a declaration.
fn quoted(declaration: &str) -> Option<&str> {
    let start = declaration.find(['"', '\''])?;
    let quote = &declaration[start..=start];
    let value = &declaration[start + 1..];
    Some(&value[..value.find(quote)?])
}

fn entity_error(text: &str, offset: usize, reason: &'static str) -> FormatError {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    FormatError::XmlEntities {
        reason,
        line,
        column,
    }
}

/// Detects RSS or Atom from the root element and adapts it.
pub(crate) fn read<E: Element>(root: E) -> Result<Feed, FormatError> {
    let (namespace, name) = (root.namespace(), root.local_name());
    match name.as_str() {
        "rss" | "RDF" => rss::adapt(root).map(super::finish),
        "feed" if atom::NAMESPACES.contains(&namespace.as_str()) || namespace.is_empty() => {
            atom::adapt(root).map(super::finish)
        }
        "html" => Err(FormatError::WebPage),
        _ => Err(FormatError::UnknownXml {
            root: if namespace.is_empty() {
                format!("<{name}>")
            } else {
                format!("<{name}> in {namespace}")
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_base_joins_as_rfc_3986_says() {
        let base = Some("http://a/b/c/d;p?q");
        for (href, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("", "http://a/b/c/d;p?q"),
            ("https://other.example/x", "https://other.example/x"),
        ] {
            assert_eq!(join(base, href), expected, "{href}");
        }
        assert_eq!(join(Some("http://a"), "g"), "http://a/g");
        assert_eq!(join(Some("feeds/"), "img/a.jpg"), "feeds/img/a.jpg");
        assert_eq!(join(None, " x.jpg "), "x.jpg");
    }

    #[test]
    fn well_known_prefixes_are_declared_when_a_feed_forgot() {
        let sloppy = "<?xml version=\"1.0\"?>\n<!-- a --><!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss version=\"2.0\"><channel><item><media:content url=\"a.jpg\"/><content:encoded>x</content:encoded><foo:bar/></item></channel></rss>";
        let ready = prepare(sloppy).unwrap();
        assert!(ready.contains("<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:media=\"http://search.yahoo.com/mrss/\" version=\"2.0\">"), "{ready}");
        let declared = "<rss xmlns:media=\"urn:x\"><media:content/></rss>";
        assert_eq!(prepare(declared).unwrap(), declared);
    }

    #[test]
    fn bare_ampersands_and_html_entities_are_escaped_outside_cdata() {
        let doc = "<!DOCTYPE rss [<!ENTITY mine \"x\">]><rss><title>Fish & Chips &amp; more &lt;3 &eacute;t&eacute; &#233; &#x1F600; &mine; &nope; ?a=1&copy=2</title><d><![CDATA[A & B &eacute;]]></d><!-- & --></rss>";
        assert_eq!(
            repair_references(doc),
            "<!DOCTYPE rss [<!ENTITY mine \"x\">]><rss><title>Fish &amp; Chips &amp; more &lt;3 &amp;eacute;t&amp;eacute; &#233; &#x1F600; &mine; &amp;nope; ?a=1&amp;copy=2</title><d><![CDATA[A & B &eacute;]]></d><!-- & --></rss>"
        );
        let clean = "<rss><title>A &amp; B</title></rss>";
        assert!(matches!(repair_references(clean), Cow::Borrowed(_)));
    }

    #[test]
    fn small_flat_entities_pass_and_nested_or_huge_ones_do_not() {
        let ok = "<!DOCTYPE rss [<!ENTITY nbsp \"&#160;\">]><rss>&nbsp;</rss>";
        assert_eq!(check_entities(ok), Ok(()));
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol1 \"&lol;&lol;\">\n]>\n<lolz>&lol1;</lolz>";
        let Err(FormatError::XmlEntities { line, column, .. }) = check_entities(laughs) else {
            panic!()
        };
        assert_eq!((line, column), (4, 2));
        let big = format!(
            "<!DOCTYPE r [<!ENTITY a \"{}\">]><r>{}</r>",
            "x".repeat(10_000),
            "&a;".repeat(200)
        );
        assert!(check_entities(&big).is_err());
        assert_eq!(check_entities("<rss><channel/></rss>"), Ok(()));
    }
}
