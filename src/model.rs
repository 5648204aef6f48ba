//! The article model every input format is converted into, and every view renders.

use std::rc::Rc;

use crate::timestamp::Timestamp;
use crate::url;

/// A document turned into articles: what one `<article-widget>` shows.
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
}

/// One article, whatever format it came from.
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
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Body {
    /// No text at all.
    #[default]
    Empty,
    /// Plain text, already split into paragraphs.
    Text(Vec<String>),
    /// Untrusted HTML from the source, as the format adapters found it. The
    /// browser parses it into [`Block`]s ([`crate::body::blocks`]); it is
    /// never written into the page as markup.
    Html(String),
}

impl Body {
    /// Plain text split into paragraphs: blank lines separate paragraphs, and the
    /// non-breaking-space indentation that CMS exports leave behind is removed.
    pub fn from_text(text: &str) -> Body {
        let paragraphs = crate::text::paragraphs(text);
        if paragraphs.is_empty() {
            Body::Empty
        } else {
            Body::Text(paragraphs)
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

impl Feed {
    /// Makes every URL absolute against `base` (the document's own URL) and
    /// canonical, and drops those that are not `http(s)`: a `javascript:`
    /// link or a `data:` image never reaches the page (see [`crate::url`]).
    pub fn resolve_urls(&mut self, base: &str) {
        let web = |href: &str| url::web(href, Some(base));
        self.home_url = self.home_url.as_deref().and_then(web);
        self.next_url = self.next_url.as_deref().and_then(web);
        for article in &mut self.items {
            let article = Rc::make_mut(article);
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
        feed.resolve_urls("https://news.example/");
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
