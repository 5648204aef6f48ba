//! The article model every input format is converted into, and every view renders.

use std::cell::{OnceCell, RefCell};
use std::fmt;
use std::rc::Rc;

use crate::timestamp::Timestamp;
use crate::url;

/// A document turned into articles: what one `<article-widget>` shows.
///
/// [`formats::parse`](crate::formats::parse) makes one from any format the
/// widget reads; [`ArticleWidget`](crate::ArticleWidget) renders it.
///
/// ```
/// use article_widget::model::Feed;
///
/// let feed: Feed = article_widget::formats::parse(r#"{
///     "version": "https://jsonfeed.org/version/1.1",
///     "title": "Báo Mẫu",
///     "items": [{"id": "1", "url": "https://news.example/1", "title": "Lạng Sơn",
///                "date_published": "2021-06-25T11:15:00+07:00",
///                "authors": [{"name": "P.V"}], "content_html": "<p>Một.</p><p>Hai.</p>"}]
/// }"#)
/// .expect("a JSON Feed");
/// assert_eq!(feed.title.as_deref(), Some("Báo Mẫu"));
/// let article = &feed.items[0];
/// assert_eq!(article.headline, "Lạng Sơn");
/// assert_eq!(article.authors, ["P.V"]);
/// assert_eq!(article.url.as_deref(), Some("https://news.example/1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// The feed's own title, when it has one.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub home_url: Option<String>,
    /// The articles, in the order they are shown.
    pub items: Vec<Rc<Article>>,
    /// The next page of the feed, for "Load more".
    pub next_url: Option<String>,
    /// The document's other articles, after `items`: in the browser, a
    /// document is read whole only as far as a view shows it.
    pub rest: Rest,
}

/// One article, whatever format it came from: an item of a [`Feed`], shared
/// (`Rc`) between the feed and the views that show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Stable identifier, unique within its feed.
    pub id: String,
    /// The article's page on the publisher's site.
    pub url: Option<String>,
    /// The headline, as plain text.
    pub headline: String,
    /// A short plain-text summary.
    pub summary: Option<String>,
    /// When the article was first published.
    pub published: Option<Timestamp>,
    /// When it was last changed.
    pub updated: Option<Timestamp>,
    /// Author names, as plain text (often only initials, like "P.V").
    pub authors: Vec<String>,
    /// The section or category.
    pub section: Option<String>,
    /// BCP 47 language tag of the article.
    pub language: Option<String>,
    /// Where the story was filed from, as the source writes it ("HANOI"):
    /// schema.org's `dateline`, or the JSON Feed extension's.
    pub dateline: Option<String>,
    /// The lead image.
    pub image: Option<Image>,
    /// The article text.
    pub body: Body,
}

/// An image with the words that go with it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Image {
    /// Absolute `http(s)` URL of the image.
    pub src: String,
    /// Text alternative; empty when the image is decorative.
    pub alt: String,
    /// Caption shown under the image.
    pub caption: Option<String>,
    /// Photographer or agency.
    pub credit: Option<String>,
    /// Intrinsic width in pixels, when the data states it.
    pub width: Option<u32>,
    /// Intrinsic height in pixels, when the data states it.
    pub height: Option<u32>,
    /// A `srcset` value, when the data offers several sizes.
    pub srcset: Option<String>,
}

impl Image {
    /// The largest width or height taken from data; more is not a real
    /// picture, and would make a placeholder millions of pixels tall.
    pub const MAX_SIDE: u32 = 16_384;
    /// The most one side may exceed the other by.
    const MAX_RATIO: u32 = 32;

    /// The image as a reader should get it: `None` for a tracking pixel (at
    /// most 2×2 by the data's own account), and stated dimensions that no
    /// picture has forgotten (a placeholder box is reserved from them).
    pub fn checked(mut self) -> Option<Image> {
        if let (Some(w), Some(h)) = (self.width, self.height) {
            if w <= 2 && h <= 2 {
                return None;
            }
            let (long, short) = (w.max(h), w.min(h));
            if long > Self::MAX_SIDE || long / short > Self::MAX_RATIO {
                self.width = None;
                self.height = None;
            }
        } else if self
            .width
            .or(self.height)
            .is_some_and(|side| side > Self::MAX_SIDE)
        {
            self.width = None;
            self.height = None;
        }
        Some(self)
    }
}

/// One block of an article body: the typed form untrusted HTML is turned into
/// by [`crate::body`], and all the body view knows how to show.
///
/// The parser bounds nesting (quotes, lists, figures) to a few levels, so code
/// that recurses over blocks stays shallow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph of running text.
    Paragraph(Vec<Inline>),
    /// A section heading; `level` is the element level it is shown at (1–6).
    Heading {
        /// `h1`–`h6`.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
    },
    /// A bulleted or numbered list.
    List {
        /// `ol` rather than `ul`.
        ordered: bool,
        /// The items, never empty.
        items: Vec<ListItem>,
    },
    /// A block quotation.
    Quote(Vec<Block>),
    /// An image with an optional caption.
    Figure {
        /// The image; an absolute `http(s)` `src`. Its `caption` and `credit`
        /// stay `None`: the caption is `caption` here, links and all.
        image: Image,
        /// The caption, empty when there is none.
        caption: Vec<Inline>,
    },
    /// Preformatted text (code, verse) shown with its whitespace.
    Preformatted(String),
    /// A thematic break.
    Rule,
}

/// One item of a [`Block::List`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListItem {
    /// A run of text, the usual `<li>text</li>`.
    Inline(Vec<Inline>),
    /// Several blocks: paragraphs, a nested list, a quote.
    Blocks(Vec<Block>),
}

/// Text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text, whitespace already collapsed.
    Text(String),
    /// A link; `href` is absolute and `http:`, `https:` or `mailto:`.
    Link {
        /// Where it goes.
        href: String,
        /// What it says.
        content: Vec<Inline>,
    },
    /// Stressed text (`em`, `i`).
    Emphasis(Vec<Inline>),
    /// Important text (`strong`, `b`).
    Strong(Vec<Inline>),
    /// Code, as plain text.
    Code(String),
    /// A line break inside a block.
    LineBreak,
}

/// The article text, as the source gave it.
#[derive(Clone, Default)]
pub enum Body {
    /// No text at all.
    #[default]
    Empty,
    /// Plain text, as the source gave it: split into paragraphs
    /// ([`Body::paragraphs`]) only when a view shows it, not when a list
    /// shows the article's headline.
    Text(String),
    /// Untrusted HTML from the source, as the format adapters found it. The
    /// browser parses it into [`Block`]s ([`crate::body::blocks`]); it is
    /// never written into the page as markup.
    Html(String),
}

impl Body {
    /// Plain text, split into paragraphs when shown ([`Body::paragraphs`]): blank
    /// lines separate them; the U+00A0 indentation of CMS exports is removed.
    pub fn from_text(text: &str) -> Body {
        // No paragraph is made of whitespace alone (U+00A0 included).
        if text.trim().is_empty() {
            Body::Empty
        } else {
            Body::Text(text.to_owned())
        }
    }

    /// A plain-text body's paragraphs (see [`Body::from_text`]); none for
    /// the other kinds.
    pub fn paragraphs(&self) -> Vec<String> {
        match self {
            Body::Text(text) => crate::text::paragraphs(text),
            Body::Empty | Body::Html(_) => Vec::new(),
        }
    }

    /// Untrusted HTML, kept as a string until the browser parses it.
    pub fn from_html(html: &str) -> Body {
        if html.trim().is_empty() {
            Body::Empty
        } else {
            Body::Html(html.to_owned())
        }
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        matches!(self, Body::Empty)
    }
}

/// Plain texts are equal when their paragraphs are, as a view shows them.
impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        match (self, other) {
            (Body::Empty, Body::Empty) => true,
            (Body::Text(a), Body::Text(b)) => a == b || self.paragraphs() == other.paragraphs(),
            (Body::Html(a), Body::Html(b)) => a == b,
            _ => false,
        }
    }
}

/// Plain text as its paragraphs, as a view shows it.
impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Text(_) => f.debug_tuple("Text").field(&self.paragraphs()).finish(),
            Body::Html(html) => f.debug_tuple("Html").field(html).finish(),
        }
    }
}

impl Feed {
    /// Makes every URL absolute against `base` (the document's own URL;
    /// without one only absolute URLs are kept) and canonical, and drops
    /// those that are not `http(s)`: a `javascript:` link or a `data:` image
    /// never reaches the page (see [`crate::url`]).
    pub fn resolve_urls(&mut self, base: Option<&str>) {
        let web = |href: &str| url::web(href, base);
        self.home_url = self.home_url.as_deref().and_then(web);
        self.next_url = self.next_url.as_deref().and_then(web);
        for article in &mut self.items {
            resolve(Rc::make_mut(article), base);
        }
        if let Some(rest) = &self.rest.0 {
            *rest.base.borrow_mut() = Some(base.map(str::to_owned));
        }
    }

    /// The ids of all the document's articles, read or not.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let rest = self.rest.0.as_ref().map(|rest| rest.ids.as_slice());
        self.items
            .iter()
            .map(|a| a.id.as_str())
            .chain(rest.unwrap_or_default().iter().map(String::as_str))
    }
}

fn resolve(article: &mut Article, base: Option<&str>) {
    let web = |href: &str| url::web(href, base);
    article.url = article.url.as_deref().and_then(web);
    article.image = article.image.take().and_then(|mut image| {
        image.src = web(&image.src)?;
        image.srcset = image
            .srcset
            .as_deref()
            .and_then(|set| url::srcset(set, web));
        Some(image)
    });
}

/// The articles of a document after those a view showed first, not read yet
/// (see `formats::parse_js`): their ids are known, the rest is read, all at
/// once, the first time [`Rest::articles`] is asked.
#[derive(Clone, Default)]
pub struct Rest(Option<Rc<Unread>>);

struct Unread {
    ids: Vec<String>,
    read: RefCell<Option<ReadRest>>,
    /// What [`Feed::resolve_urls`] resolved the others against, if it did.
    base: RefCell<Option<Option<String>>>,
    articles: OnceCell<Rc<[Rc<Article>]>>,
}

type ReadRest = Box<dyn FnOnce() -> Vec<Article>>;

impl Rest {
    /// The articles `read` makes, with these `ids`, in the order shown.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn new(ids: Vec<String>, read: ReadRest) -> Rest {
        Rest(Some(Rc::new(Unread {
            ids,
            read: RefCell::new(Some(read)),
            base: RefCell::new(None),
            articles: OnceCell::new(),
        })))
    }

    /// How many other articles the document has (some may turn out to have
    /// nothing to show, and be skipped).
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |rest| rest.ids.len())
    }

    /// Whether the document has no other articles.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The articles, read (the first time) with their URLs resolved.
    pub fn articles(&self) -> Rc<[Rc<Article>]> {
        let Some(rest) = &self.0 else {
            return Rc::new([]);
        };
        rest.articles
            .get_or_init(|| {
                let read = rest.read.borrow_mut().take();
                let base = rest.base.borrow();
                read.map(|read| read())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|mut article| {
                        if let Some(base) = &*base {
                            resolve(&mut article, base.as_deref());
                        }
                        Rc::new(article)
                    })
                    .collect()
            })
            .clone()
    }
}

impl PartialEq for Rest {
    fn eq(&self, other: &Rest) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl std::fmt::Debug for Rest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rest({} unread)", self.len())
    }
}

#[cfg(test)]
impl Feed {
    /// A feed of bare articles with these ids, for tests of what happens to
    /// items rather than what is in them.
    pub(crate) fn of_ids(ids: &[&str]) -> Feed {
        let article = |id: &&str| {
            Rc::new(Article {
                id: (*id).into(),
                ..Article::default()
            })
        };
        Feed {
            items: ids.iter().map(article).collect(),
            ..Feed::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_split_into_paragraphs_when_asked_and_blank_text_is_no_body() {
        let body = Body::from_text("\u{a0}\u{a0}Một.\n\n  Hai\ndòng.\n \n");
        assert_eq!(body.paragraphs(), ["Một.", "Hai dòng."]);
        for blank in ["", " \n\n\t", "\u{a0}\u{a0}\n\u{a0}"] {
            assert_eq!(Body::from_text(blank), Body::Empty, "{blank:?}");
        }
        assert!(Body::from_html("<p>x</p>").paragraphs().is_empty());
        // Equal as shown: the same paragraphs, however the text spaced them.
        assert_eq!(
            Body::from_text("Một.\n\nHai"),
            Body::from_text("  Một.\n\n\nHai \n")
        );
        assert_ne!(Body::from_text("Một.\n\nHai"), Body::from_text("Một. Hai"));
    }

    #[test]
    fn tracking_pixels_go_and_absurd_sizes_are_forgotten() {
        let sized = |width, height| Image {
            src: "https://news.example/a.jpg".into(),
            width,
            height,
            ..Image::default()
        };
        assert_eq!(sized(Some(1), Some(1)).checked(), None);
        assert_eq!(sized(Some(2), Some(1)).checked(), None);
        let tall = sized(Some(1), Some(4_294_967_295)).checked().unwrap();
        assert_eq!((tall.width, tall.height), (None, None));
        let thin = sized(Some(1_000), Some(10)).checked().unwrap();
        assert_eq!((thin.width, thin.height), (None, None));
        let photo = sized(Some(1_200), Some(675)).checked().unwrap();
        assert_eq!((photo.width, photo.height), (Some(1_200), Some(675)));
        let one_side = sized(Some(100_000), None).checked().unwrap();
        assert_eq!(one_side.width, None);
        assert!(sized(None, None).checked().is_some());
        assert!(
            sized(Some(1), None).checked().is_some(),
            "a side alone says little"
        );
    }

    #[test]
    fn only_web_urls_survive_resolution() {
        let mut feed = Feed {
            next_url: Some("page2.json".into()),
            items: vec![Rc::new(Article {
                url: Some("javascript:alert(1)".into()),
                image: Some(Image {
                    src: "img/a.jpg".into(),
                    srcset: Some(
                        "a-300.jpg 300w, javascript:x 600w,https://cdn.example/a.jpg 1024w".into(),
                    ),
                    ..Image::default()
                }),
                ..Article::default()
            })],
            ..Feed::default()
        };
        feed.resolve_urls(Some("https://news.example/"));
        assert_eq!(
            feed.next_url.as_deref(),
            Some("https://news.example/page2.json")
        );
        assert_eq!(feed.items[0].url, None);
        let image = feed.items[0].image.as_ref().unwrap();
        assert_eq!(image.src, "https://news.example/img/a.jpg");
        assert_eq!(
            image.srcset.as_deref(),
            Some("https://news.example/a-300.jpg 300w, https://cdn.example/a.jpg 1024w")
        );
    }
}
