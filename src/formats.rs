//! Documents → [`Feed`]: detect the format, then adapt it.
//!
//! Each format is one file: a detector and one conversion that reads the
//! document through a `Read` trait, so the same code reads `serde_json`
//! values natively and `JSON.parse` results in the browser (over the `Node`
//! trait); adding a format touches that file and the detector in `read`.
//! A document that starts with `<` is XML: RSS or Atom, read the same way
//! through an element tree.
//!
//! ```
//! use article_widget::formats::{self, FormatError};
//!
//! // A WordPress post list, recognised by its shape.
//! let feed = formats::parse(r#"[{"id": 7, "link": "https://news.example/?p=7",
//!     "date_gmt": "2021-06-25T04:15:00", "date": "2021-06-25T11:15:00",
//!     "title": {"rendered": "Lạng Sơn &amp; the border fair"},
//!     "content": {"rendered": "<p>Hello.</p>"}}]"#)?;
//! assert_eq!(feed.items[0].headline, "Lạng Sơn & the border fair");
//!
//! // Anything else is an error that names what it saw.
//! assert!(formats::parse("<!doctype html><p>a web page</p>").is_err());
//! # Ok::<(), FormatError>(())
//! ```

mod atom;
mod ghost;
#[cfg(target_arch = "wasm32")]
mod js;
mod json_feed;
mod json_ld;
mod lead_image;
mod node;
mod rfc822;
mod rss;
mod wordpress;
mod xml;

use std::collections::HashSet;
use std::rc::Rc;

use thiserror::Error;

use crate::model::{Article, Body, Feed, Image};
use crate::text::{self, collapse};
use crate::timestamp::Timestamp;

#[cfg(target_arch = "wasm32")]
pub use js::parse_js;
/// Parses as the widget does: with `JSON.parse` in the browser, reading
/// whole only the first `need` articles shown (see [`Feed::rest`]); with
/// `serde_json` natively, reading them all.
#[cfg(target_arch = "wasm32")]
pub(crate) use js::parse_shown as parse_document;
pub(crate) use node::{Kind, Node, Read};

/// Parses as the widget does: natively, with `serde_json`, every article read.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parse_document(text: &str, _need: usize) -> Result<Feed, FormatError> {
    parse(text)
}

/// What the widget reads, for messages that say so.
pub const FORMATS_READ: &str = "JSON Feed, WordPress, Ghost, schema.org, RSS and Atom";

/// Why a document could not become articles.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum FormatError {
    /// The bytes are not JSON.
    #[error("The feed is not valid JSON: {message} (line {line}, column {column}).")]
    InvalidJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// Markup that is not well-formed XML.
    #[error("The feed is not valid XML: {message} (line {line}, column {column}).")]
    InvalidXml {
        message: String,
        line: usize,
        column: usize,
    },
    /// XML that declares entities the widget will not expand: entities
    /// within entities (the "billion laughs"), or so large that their
    /// references would grow the text past a megabyte.
    #[error("The feed declares XML entities that the widget does not expand: {reason} (line {line}, column {column}).")]
    XmlEntities {
        reason: &'static str,
        line: usize,
        column: usize,
    },
    /// Well-formed XML, but neither RSS nor Atom.
    #[error("This is XML, but not an RSS or Atom feed: the root element is {root}.")]
    UnknownXml { root: String },
    /// An HTML page where the feed should be, whatever its `Content-Type`.
    #[error("The feed URL returned a web page (HTML), not a feed. Check the address: it may lead to a login or error page.")]
    WebPage,
    /// The bytes are not JSON, and the browser's parser does not say where
    /// (JavaScriptCore, in WebKit browsers, names only what it expected).
    #[error("The feed is not valid JSON: {message}.")]
    InvalidJsonUnplaced { message: String },
    /// JSON, but no format the widget knows.
    #[error(
        "This is JSON, but not an article feed: {found}. article-widget reads {FORMATS_READ}."
    )]
    Unknown { found: String },
    /// The API's own error document instead of articles: a WordPress
    /// `{"code", "message", "data": {"status"}}` or Ghost's `{"errors": […]}`.
    #[error(
        "{api} answered with an error instead of articles: “{message}”{}.",
        api_error_details(.code.as_deref(), *.status)
    )]
    Api {
        /// Which API answered: `WordPress`, `Ghost`.
        api: &'static str,
        /// What the server said, as plain text.
        message: String,
        /// The server's error code, like `rest_forbidden`.
        code: Option<String>,
        /// The HTTP status the server meant, when the document states it.
        status: Option<u16>,
    },
}

fn api_error_details(code: Option<&str>, status: Option<u16>) -> String {
    match (code, status) {
        (Some(code), Some(status)) => format!(" ({code}, HTTP {status})"),
        (Some(code), None) => format!(" ({code})"),
        (None, Some(status)) => format!(" (HTTP {status})"),
        (None, None) => String::new(),
    }
}

/// Parses a document in any format the widget reads, with `serde_json`.
///
/// The widget parses with the browser's `JSON.parse` instead (`parse_js`, in
/// wasm builds); there this is here for the tests that compare the two.
///
/// ```
/// let feed = article_widget::formats::parse(r#"{
///     "version": "https://jsonfeed.org/version/1.1",
///     "items": [
///         {"id": "a", "title": "Older", "date_published": "2021-06-24T16:30:00+07:00", "content_text": "…"},
///         {"id": "b", "title": "Newer", "date_published": "2021-06-25T11:15:00+07:00", "content_text": "…"}
///     ]
/// }"#)
/// .expect("a JSON Feed");
/// // Newest first, whatever the document's order.
/// let headlines: Vec<&str> = feed.items.iter().map(|a| a.headline.as_str()).collect();
/// assert_eq!(headlines, ["Newer", "Older"]);
/// ```
pub fn parse(text: &str) -> Result<Feed, FormatError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if xml::is_markup(text) {
        return xml::parse(text);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| FormatError::InvalidJson {
            message: json_error_message(&e),
            line: e.line(),
            column: e.column(),
        })?;
    read(&value, text)
}

fn json_error_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the variant carries both.
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_owned(),
        None => full,
    }
}

/// Recognises a format from the parsed document.
type Detect<N> = fn(&N) -> bool;
/// Reads a document of that format.
type Adapt<'a, N> = fn(N) -> Result<Adapted<'a>, FormatError>;

/// At most this many items of one document are read; the rest are ignored,
/// so that the work a document causes is bounded whatever its size.
pub const MAX_ITEMS: usize = 1000;

/// What an adapter reads from a document: the feed's own fields and its
/// articles in document order, before what every format shares (see [`read`]).
/// The articles are read whole (`articles`), or as far as ordering them needs
/// (`later`: the JSON formats, whose documents may hold a thousand articles
/// of which a widget shows a few).
#[derive(Default)]
pub(crate) struct Adapted<'a> {
    pub title: Option<String>,
    pub home_url: Option<String>,
    pub next_url: Option<String>,
    pub articles: Vec<Article>,
    pub later: Vec<Item<'a>>,
}

/// One article of a document, read as far as ordering the articles needs:
/// its id and when it was published (the instant: articles published at the
/// same instant keep their document order). The rest is read if it is shown.
pub(crate) struct Item<'a> {
    id: String,
    published: Option<i64>,
    article: Later<'a>,
}

enum Later<'a> {
    Read(Box<Article>),
    Unread(Box<dyn FnOnce() -> Option<Article> + 'a>),
}

impl<'a> Item<'a> {
    /// An article whose reading waits until it is shown: `read` makes the
    /// article with this id (before it is made unique) and this date.
    pub(crate) fn later(
        id: String,
        published: Option<Timestamp>,
        read: impl FnOnce() -> Option<Article> + 'a,
    ) -> Self {
        Item {
            id,
            published: published.map(|t| t.epoch_ms),
            article: Later::Unread(Box::new(read)),
        }
    }

    fn read(article: Article) -> Self {
        Item {
            id: article.id.clone(),
            published: article.published.map(|t| t.epoch_ms),
            article: Later::Read(Box::new(article)),
        }
    }

    /// The whole article, its id made unique and its lead image checked
    /// ([`Image::checked`]); `None` when it has nothing to show.
    fn build(self) -> Option<Article> {
        let mut article = match self.article {
            Later::Read(article) => *article,
            Later::Unread(read) => read()?,
        };
        article.id = self.id;
        article.image = article.image.and_then(Image::checked);
        shown(&article).then_some(article)
    }
}

/// Reads the rest of an item, given the date read first.
pub(crate) type ReadItem<'a, N> = dyn Fn(&N, Option<Timestamp>) -> Option<Article> + 'a;

/// The items of a JSON document, each read as far as its id and date (`key`,
/// given the item and its place), the rest (`read`) when it is shown. One
/// loop for the JSON formats: each would otherwise build its own.
pub(crate) fn later_items<'a, N: Node + 'a>(
    items: Vec<N>,
    key: fn(&N, usize) -> (String, Option<Timestamp>),
    read: Rc<ReadItem<'a, N>>,
) -> Vec<Item<'a>> {
    items
        .into_iter()
        .take(MAX_ITEMS)
        .enumerate()
        .map(|(i, item)| {
            let (id, published) = key(&item, i);
            let read = read.clone();
            Item::later(id, published, move || read(&item, published))
        })
        .collect()
}

/// Detects the format of a parsed document and adapts it. The formats are
/// tried in order; the first that recognises the document adapts it. Then
/// what every format shares, once: articles with nothing to show are
/// skipped, ids are made unique, and the newest come first.
pub(crate) fn read<N: Node>(value: N, text: &str) -> Result<Feed, FormatError> {
    adapt(value, text).map(finish)
}

/// Detects the format of a parsed document and reads what ordering its
/// articles needs (see [`Adapted`]).
fn adapt<'a, N: Node + 'a>(value: N, text: &str) -> Result<Adapted<'a>, FormatError> {
    let formats: [(Detect<N>, Adapt<'a, N>); 4] = [
        (json_feed::detect, json_feed::adapt),
        (wordpress::detect, wordpress::adapt),
        (ghost::detect, ghost::adapt),
        (json_ld::detect, json_ld::adapt),
    ];
    let Some((_, adapt)) = formats.iter().find(|(detect, _)| detect(&value)) else {
        return Err(FormatError::Unknown {
            found: describe(&value, text),
        });
    };
    adapt(value)
}

/// What every format shares, applied once to what an adapter read:
/// ids made unique, the newest first, articles with nothing to show
/// skipped, lead images checked ([`Image::checked`]).
pub(crate) fn finish(adapted: Adapted<'_>) -> Feed {
    build(adapted, usize::MAX).0
}

/// [`finish`], reading whole only the first `need` articles shown; the others
/// wait in [`Feed::rest`] until a view asks for them.
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn finish_shown(adapted: Adapted<'static>, need: usize) -> Feed {
    let (mut feed, rest) = build(adapted, need);
    if !rest.is_empty() {
        let ids = rest.iter().map(|item| item.id.clone()).collect();
        feed.rest = crate::model::Rest::new(
            ids,
            Box::new(move || rest.into_iter().filter_map(Item::build).collect()),
        );
    }
    feed
}

/// The feed with its first `need` articles shown, and the articles after
/// them, not read.
fn build(adapted: Adapted<'_>, need: usize) -> (Feed, Vec<Item<'_>>) {
    let mut items: Vec<Item> = adapted.articles.into_iter().map(Item::read).collect();
    items.extend(adapted.later);
    unique_ids(&mut items);
    // Stable: undated articles keep their document order after dated ones.
    items.sort_by_key(|item| std::cmp::Reverse(item.published));
    let mut feed = Feed {
        title: adapted.title,
        home_url: adapted.home_url,
        next_url: adapted.next_url,
        ..Feed::default()
    };
    let mut items = items.into_iter();
    while feed.items.len() < need {
        let Some(item) = items.next() else { break };
        if let Some(article) = item.build() {
            feed.items.push(Rc::new(article));
        }
    }
    (feed, items.collect())
}

/// Makes every id unique, in document order: the first article with an id
/// keeps it, a later one gets the first free `id~2`, `id~3`, … An id is the
/// key of the article's element and of "new since the last update", so it
/// must name one article, and name it again on the next fetch. (Articles with
/// nothing to show, skipped later, count too: whether one has something to
/// show is only known once it is read.)
fn unique_ids(articles: &mut [Item]) {
    let mut taken: HashSet<String> = HashSet::with_capacity(articles.len());
    let repeated: Vec<usize> = (0..articles.len())
        .filter(|&i| !taken.insert(articles[i].id.clone()))
        .collect();
    for i in repeated {
        let id = &articles[i].id;
        let free = (2..)
            .map(|n| format!("{id}~{n}"))
            .find(|candidate| !taken.contains(candidate))
            .expect("an unbounded range has a free suffix");
        taken.insert(free.clone());
        articles[i].id = free;
    }
}

/// A short description of a JSON value, for "this is not a feed" errors.
fn describe<N: Node>(value: &N, text: &str) -> String {
    match value.kind() {
        Kind::Object => {
            let mut keys = value.keys();
            if keys.is_empty() {
                return "an empty object".to_owned();
            }
            // Partners will recognise the order they wrote their keys in. When
            // the parser lost it, an approximate position (the first place the
            // quoted key appears) is enough, and is only looked for in
            // documents with few keys, to keep the search cheap.
            if !N::KEYS_IN_DOCUMENT_ORDER && keys.len() <= 32 {
                keys.sort_by_key(|k| text.find(&format!("\"{k}\"")).unwrap_or(usize::MAX));
            }
            let shown: Vec<String> = keys
                .iter()
                .take(5)
                .map(|k| format!("`{}`", text::clip(k, 40)))
                .collect();
            let more = if keys.len() > 5 { ", …" } else { "" };
            let noun = if keys.len() == 1 { "key" } else { "keys" };
            format!("an object with {noun} {}{more}", shown.join(", "))
        }
        Kind::Array => {
            let items = value.items();
            match items.first() {
                None => "an empty array".to_owned(),
                Some(first) => format!(
                    "an array of {} whose first is {}",
                    items.len(),
                    first.kind().described()
                ),
            }
        }
        other => other.described().to_owned(),
    }
}

/// A one-line plain-text field: whitespace collapsed, `None` when empty.
pub(crate) fn line(text: Option<&str>) -> Option<String> {
    text.map(collapse).filter(|t| !t.is_empty())
}

/// A field that may hold markup, as one line of text (see [`text::html_text`]).
pub(crate) fn html_line(html: Option<&str>) -> Option<String> {
    html.map(text::html_text).filter(|t| !t.is_empty())
}

/// The headline, or what stands in for a missing one: the summary, else the
/// start of the text. Empty when there is none of these.
pub(crate) fn headline(title: Option<String>, summary: Option<&str>, body: &Body) -> String {
    title
        .or_else(|| summary.map(str::to_owned))
        .or_else(|| first_words(body))
        .unwrap_or_default()
}

/// A headline of last resort: the start of the text, cut at a word.
fn first_words(body: &Body) -> Option<String> {
    let first = match body {
        Body::Empty => return None,
        Body::Text(_) => body.paragraphs().into_iter().next()?,
        Body::Html(html) => text::html_text(html),
    };
    const MAX: usize = 80;
    if first.is_empty() {
        return None;
    }
    if first.chars().count() <= MAX {
        return Some(first);
    }
    let cut: String = first.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{cut}…"))
}

/// Whether an article has something to show: a headline, text or an image.
fn shown(article: &Article) -> bool {
    !(article.headline.is_empty() && article.body.is_empty() && article.image.is_none())
}

/// An identifier that may be written as a string or a number.
pub(crate) fn id_text<N: Node>(id: &N) -> Option<String> {
    id_from(id.string(), || id.number_text())
}

/// An identifier from its text if it is a string (read first, without asking
/// the type: most are), whitespace collapsed, else from `number`.
pub(crate) fn id_from(
    text: Option<String>,
    number: impl FnOnce() -> Option<String>,
) -> Option<String> {
    match text {
        Some(text) => line(Some(&text)),
        None => number(),
    }
}

/// A server's error message, for [`FormatError::Api`]: plain text, and short
/// enough for the widget's error state.
pub(crate) fn server_message(message: Option<&str>) -> String {
    let text = html_line(message).unwrap_or_else(|| "no message".to_owned());
    text::clip(&text, 300)
}

/// An ISO 8601 date-time with its offset: RFC 3339, or the `+0700` and `+07`
/// offsets that CMS templates also write. `None` when it does not parse.
pub(crate) fn date_time(text: Option<&str>) -> Option<Timestamp> {
    let text = text?.trim();
    Timestamp::parse_rfc3339(text).or_else(|| Timestamp::parse_rfc3339(&with_colon_offset(text)?))
}

/// `…+0700` or `…+07` as `…+07:00`.
fn with_colon_offset(text: &str) -> Option<String> {
    let (local, zone) = text.split_at(text.rfind(['+', '-'])?);
    let (sign, digits) = zone.split_at(1);
    if !local.contains(['T', 't', ' ']) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        4 => digits.split_at(2),
        2 => (digits, "00"),
        _ => return None,
    };
    Some(format!("{local}{sign}{hours}:{minutes}"))
}

/// Parses a sample document and checks what every format's copy of the seed
/// article shares: the headline, the instant, the byline and the caption.
/// `written` is the instant as the sample states it (its offset kept).
/// Returns the article for the checks particular to its format.
#[cfg(test)]
pub(crate) fn seed_of(sample: &str, written: &str) -> std::rc::Rc<Article> {
    let feed = parse(sample).unwrap();
    let seed = feed.items[0].clone();
    assert!(seed
        .headline
        .starts_with("Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng"));
    // 2021-06-25T11:15:00+07:00
    assert_eq!(seed.published.unwrap().epoch_ms, 1_624_594_500_000);
    assert_eq!(seed.published.unwrap().to_string(), written);
    assert_eq!(seed.authors, ["P.V"]);
    let caption = seed.image.as_ref().and_then(|i| i.caption.as_deref());
    assert_eq!(caption, Some("Các đại biểu dự Hội nghị"));
    seed
}

/// Checks a plain-text body of the seed article: its five paragraphs, none
/// with the U+00A0 indentation of the scraped original.
#[cfg(test)]
pub(crate) fn assert_seed_text(body: &Body) {
    let Body::Text(_) = body else {
        panic!("{body:?}")
    };
    let paragraphs = body.paragraphs();
    assert_eq!(paragraphs.len(), 5);
    assert!(paragraphs[0].starts_with("Ngày 23/6, Ban Chỉ đạo"));
    assert!(paragraphs.iter().all(|p| !p.contains('\u{a0}')));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` read as the widget reads it, the first `need` articles whole.
    fn shown(text: &'static str, need: usize) -> Feed {
        let value: &'static serde_json::Value =
            Box::leak(Box::new(serde_json::from_str(text).unwrap()));
        finish_shown(adapt(value, text).unwrap(), need)
    }

    #[test]
    fn a_document_read_as_far_as_shown_is_the_same_document_read_whole() {
        let duplicate_and_empty = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
            {"id": "a", "title": "Old", "date_published": "2020-01-01T00:00:00Z"},
            {"id": "empty", "date_published": "2025-01-01T00:00:00Z"},
            {"id": "a", "title": "New", "date_published": "2024-01-01T00:00:00+07:00"},
            {"id": "u", "title": "Undated"},
            {"title": "No id", "date_published": "2023-01-01T00:00:00Z"},
            {"id": "b", "title": "Newest", "date_published": "2024-06-01T00:00:00Z",
             "_article_widget": {"dateline_tz": "+07:00"}}]}"#;
        for text in [
            include_str!("../sample/feed.json"),
            include_str!("../sample/wordpress.json"),
            include_str!("../sample/ghost.json"),
            include_str!("../sample/jsonld.json"),
            duplicate_and_empty,
        ] {
            let whole = parse(text).unwrap();
            for need in 1..=whole.items.len() + 1 {
                let feed = shown(text, need);
                assert_eq!(
                    feed.items.len(),
                    need.min(whole.items.len()),
                    "{need}: {text}"
                );
                let ids: Vec<&str> = feed.ids().collect();
                let mut all = feed.items.clone();
                all.extend(feed.rest.articles().iter().cloned());
                assert_eq!(all, whole.items, "{need}: {text}");
                // The ids of the articles not read are known; skipped ones too.
                assert!(whole.items.iter().all(|a| ids.contains(&a.id.as_str())));
            }
        }
        let feed = shown(duplicate_and_empty, 2);
        let headlines: Vec<&str> = feed.items.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(headlines, ["Newest", "New"]);
        assert_eq!(feed.items[0].published.unwrap().offset_minutes, 420);
        assert_eq!(
            feed.items[1].id, "a~2",
            "the first in the document keeps its id"
        );
        // The empty one, the newest, was read and skipped; three wait.
        assert_eq!(feed.rest.len(), 3);
        let rest = feed.rest.articles();
        let rest: Vec<&str> = rest.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(rest, ["4", "a", "u"]);
    }

    #[test]
    fn invalid_json_says_where() {
        let err = parse("{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  oops\n}")
            .unwrap_err();
        let FormatError::InvalidJson { line, column, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!((*line, *column), (3, 3));
        assert!(err.to_string().contains("line 3, column 3"), "{err}");
    }

    #[test]
    fn unknown_json_says_what_it_saw() {
        let err = parse(r#"{"hello": 1, "data": []}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "This is JSON, but not an article feed: an object with keys `hello`, `data`. article-widget reads JSON Feed, WordPress, Ghost, schema.org, RSS and Atom."
        );
        assert!(parse("42").unwrap_err().to_string().contains("a number"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert!(matches!(parse(&deep), Err(FormatError::InvalidJson { .. })));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let doc = "\u{feff}{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}";
        assert!(parse(doc).unwrap().items.is_empty());
    }

    #[test]
    fn the_detectors_run_in_order() {
        let json_feed_with_posts = r#"{"version": "https://jsonfeed.org/version/1.1", "posts": [], "items": [{"title": "JSON Feed"}]}"#;
        assert_eq!(
            parse(json_feed_with_posts).unwrap().items[0].headline,
            "JSON Feed"
        );
        let wordpress_with_context =
            r#"{"@context": "https://schema.org", "title": {"rendered": "WordPress"}}"#;
        assert_eq!(
            parse(wordpress_with_context).unwrap().items[0].headline,
            "WordPress"
        );
        let ghost_with_type = r#"{"@type": "NewsArticle", "posts": [{"title": "Ghost"}]}"#;
        assert_eq!(parse(ghost_with_type).unwrap().items[0].headline, "Ghost");
    }

    #[test]
    fn iso_offsets_without_a_colon_are_read() {
        let at = |text| date_time(Some(text)).map(|t| t.to_string());
        assert_eq!(
            at("2021-06-25T11:15:00+0700").as_deref(),
            Some("2021-06-25T11:15:00+07:00")
        );
        assert_eq!(
            at("2021-06-25T11:15:00-05").as_deref(),
            Some("2021-06-25T11:15:00-05:00")
        );
        assert_eq!(
            at(" 2021-06-25T04:15:00.000+00:00 ").as_deref(),
            Some("2021-06-25T04:15:00Z")
        );
        for bad in [
            "2021-06-25",
            "2021-06-25T11:15:00",
            "2021-06-25T11:15:00+7",
            "2021-06-25T11:15:00+07000",
            "+0700",
            "-",
        ] {
            assert_eq!(at(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn odd_values_in_any_field_leave_the_other_articles_standing() {
        let odd = [
            "null",
            "true",
            "-0",
            "1e308",
            "123456789012345678901234567890",
            "\"\"",
            "\"\\u0000\"",
            "\"\\ud83d\\ude00\"",
            "[]",
            "{}",
            "[null]",
            "[[[]]]",
            "{\"@id\": 5}",
            "{\"rendered\": []}",
        ];
        let shapes = [
            r#"{"version": "https://jsonfeed.org/version/1.1", "items": [X, {"title": "Kept"},
                {"title": X, "id": X, "image": X, "_article_widget": {"image": X, "dateline_tz": X}}]}"#,
            r#"[X, {"title": {"rendered": "Kept"}}, {"title": {"rendered": X}, "id": X, "date_gmt": X, "date": X,
                "content": X, "_embedded": {"author": X, "wp:featuredmedia": [{"source_url": "a.jpg",
                "media_details": {"width": X, "sizes": {"a": X}}}], "wp:term": [X, [X]]}}]"#,
            r#"{"posts": [X, {"title": "Kept"}, {"title": X, "html": X, "authors": X, "primary_author": X,
                "published_at": X}]}"#,
            r#"{"@graph": [X, {"@type": "NewsArticle", "headline": "Kept"}, {"@type": "NewsArticle", "headline": X,
                "image": {"url": "a.jpg", "width": X, "height": {"value": X}}, "author": X, "dateline": X,
                "inLanguage": X, "identifier": X, "mainEntityOfPage": X}]}"#,
        ];
        for shape in shapes {
            for value in odd {
                let doc = shape.replace('X', value);
                let feed = parse(&doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
                assert!(feed.items.iter().any(|a| a.headline == "Kept"), "{doc}");
            }
        }
    }

    #[test]
    fn deep_values_inside_fields_are_dropped_not_followed() {
        let deep = format!("{}{}", "[".repeat(120), "]".repeat(120));
        for doc in [
            format!(
                r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{{"title": "Shallow", "id": {deep}}}]}}"#
            ),
            format!(
                r#"[{{"title": {{"rendered": "Shallow"}}, "_embedded": {{"author": {deep}}}}}]"#
            ),
            format!(r#"{{"posts": [{{"title": "Shallow", "authors": {deep}}}]}}"#),
            format!(
                r#"{{"@type": "NewsArticle", "headline": "Shallow", "author": {deep}, "itemListElement": {deep}}}"#
            ),
        ] {
            assert_eq!(parse(&doc).unwrap().items[0].headline, "Shallow", "{doc}");
        }
    }

    #[test]
    fn repeated_ids_are_made_unique_and_stay_so_on_the_next_fetch() {
        let doc = |order: &[&str]| {
            let items: Vec<String> = order
                .iter()
                .map(|title| format!(r#"{{"id": "a", "title": "{title}"}}"#))
                .chain([r#"{"id": "a~2", "title": "Taken"}"#.to_owned()])
                .collect();
            format!(
                r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{}]}}"#,
                items.join(",")
            )
        };
        let ids = |feed: &Feed| -> Vec<(String, String)> {
            feed.items
                .iter()
                .map(|a| (a.id.clone(), a.headline.clone()))
                .collect()
        };
        let feed = parse(&doc(&["One", "Two", "Three"])).unwrap();
        assert_eq!(
            ids(&feed),
            [
                ("a".into(), "One".into()),
                ("a~3".into(), "Two".into()),
                ("a~4".into(), "Three".into()),
                ("a~2".into(), "Taken".into()),
            ]
        );
        let unique: HashSet<&str> = feed.items.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(unique.len(), feed.items.len());
    }

    #[test]
    fn at_most_max_items_are_read() {
        let items = vec![r#"{"title": "x"}"#; MAX_ITEMS + 50].join(",");
        let doc =
            format!(r#"{{"version": "https://jsonfeed.org/version/1.1", "items": [{items}]}}"#);
        assert_eq!(parse(&doc).unwrap().items.len(), MAX_ITEMS);
    }

    #[test]
    fn lone_surrogates_are_invalid_json() {
        let err = parse(r#"{"posts": [{"title": "\ud800"}]}"#).unwrap_err();
        assert!(matches!(err, FormatError::InvalidJson { .. }), "{err}");
    }
}
