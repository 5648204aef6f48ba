//! Atom 1.0 (RFC 4287) and its predecessor 0.3: `<feed><entry>…`. Text
//! constructs are read by their `type` (`text`, `html`, `xhtml`; 0.3's
//! `mode="escaped"`), `content` is the body (else `summary`), entries
//! without an author take the feed's, and `link rel="next"` (RFC 5005) is
//! the next page.

use super::rss::{media_image, rss_date, DC};
use super::xml::{attr, attr_ns, base, inner_markup, join, trimmed, Children, Element, XML};
use super::{headline, html_line, lead_image, line, Adapted, FormatError, MAX_ITEMS};
use crate::model::{Article, Body, Image};

/// Atom 1.0's namespace and Atom 0.3's.
pub(super) const NAMESPACES: &[&str] = &["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"];

/// Converts a `<feed>` document. Entries with nothing to show are skipped.
pub(super) fn adapt<E: Element>(feed: E) -> Result<Adapted<'static>, FormatError> {
    let feed_base = base(&feed, None);
    let c = Children::of(&feed);
    let feed_authors = names(&c);
    let language = attr_ns(&feed, XML, "lang");
    let mut out = Adapted {
        title: c.first(NAMESPACES, "title").and_then(text_construct),
        home_url: link(&c, "alternate", feed_base.as_deref()),
        next_url: link(&c, "next", feed_base.as_deref()),
        ..Adapted::default()
    };
    for (index, entry) in c
        .all(NAMESPACES, "entry")
        .into_iter()
        .take(MAX_ITEMS)
        .enumerate()
    {
        let context = Context {
            base: feed_base.as_deref(),
            authors: &feed_authors,
            language: language.as_deref(),
        };
        out.articles.extend(article(entry, index, &context));
    }
    Ok(out)
}

/// What an entry inherits from its feed.
struct Context<'a> {
    base: Option<&'a str>,
    authors: &'a [String],
    language: Option<&'a str>,
}

fn article<E: Element>(entry: &E, index: usize, feed: &Context) -> Option<Article> {
    let entry_base = base(entry, feed.base);
    let base = entry_base.as_deref();
    let c = Children::of(entry);
    let summary_element = c.first(NAMESPACES, "summary");
    let content = c.first(NAMESPACES, "content").map(content_body);
    let (mut body, summary) = match content {
        Some(body) if !body.is_empty() => (body, summary_element.and_then(text_construct)),
        _ => (summary_element.map(content_body).unwrap_or_default(), None),
    };
    let headline = headline(
        c.first(NAMESPACES, "title").and_then(text_construct),
        summary.as_deref(),
        &body,
    );
    let date = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| c.text(NAMESPACES, n).and_then(|d| rss_date(&d)))
    };
    let updated = date(&["updated", "modified"]);
    // Atom requires `updated` only: it stands in for a missing `published`.
    let published = date(&["published", "issued", "created"])
        .or_else(|| c.text(DC, "date").and_then(|d| rss_date(&d)))
        .or(updated);
    let mut authors = names(&c);
    if authors.is_empty() {
        for creator in c.all(DC, "creator") {
            authors.extend(line(Some(&creator.text())));
        }
    }
    if authors.is_empty() {
        authors = feed.authors.to_vec();
    }
    let url = link(&c, "alternate", base);
    let mut image = media_image(&c, base).or_else(|| {
        let enclosure = c.all(NAMESPACES, "link").into_iter().find(|l| {
            attr(*l, "rel").as_deref() == Some("enclosure")
                && attr(*l, "type").is_some_and(|t| t.to_ascii_lowercase().starts_with("image/"))
        })?;
        let title = line(attr(enclosure, "title").as_deref());
        Some(Image {
            src: join(
                super::xml::base(enclosure, base).as_deref(),
                &attr(enclosure, "href")?,
            ),
            alt: title.clone().unwrap_or_default(),
            caption: title,
            ..Image::default()
        })
    });
    if image.is_none() {
        if let Some((found, rest)) = lead_image::take(&body) {
            image = Some(Image {
                src: join(base, &found.src),
                ..found
            });
            body = rest;
        }
    }
    let mut section = None;
    for category in c.all(NAMESPACES, "category") {
        let label = attr(category, "label").or_else(|| attr(category, "term"));
        section = section.or_else(|| line(label.as_deref()));
    }
    Some(Article {
        id: c
            .text(NAMESPACES, "id")
            .or_else(|| url.clone())
            .unwrap_or_else(|| index.to_string()),
        url,
        headline,
        summary,
        published,
        updated,
        authors,
        section,
        language: attr_ns(entry, XML, "lang").or_else(|| feed.language.map(str::to_owned)),
        dateline: None,
        image,
        body,
    })
}

/// The `name`s of the `author`s.
fn names<E: Element>(c: &Children<E>) -> Vec<String> {
    let mut names = Vec::new();
    for author in c.all(NAMESPACES, "author") {
        names.extend(line(
            Children::of(author).text(NAMESPACES, "name").as_deref(),
        ));
    }
    names
}

/// The `href` of the first `link` with this `rel` (no `rel` is
/// `alternate`), resolved against `xml:base`; of several, an HTML one.
fn link<E: Element>(c: &Children<E>, rel: &str, base: Option<&str>) -> Option<String> {
    let mut found: Option<&E> = None;
    for link in c.all(NAMESPACES, "link") {
        if attr(link, "rel").as_deref().unwrap_or("alternate") != rel
            || attr(link, "href").is_none()
        {
            continue;
        }
        let html = attr(link, "type").is_none_or(|t| t.contains("html"));
        if found.is_none() || html {
            found = Some(link);
        }
        if html {
            break;
        }
    }
    let link = found?;
    Some(join(
        super::xml::base(link, base).as_deref(),
        &attr(link, "href")?,
    ))
}

/// The kind of a text construct or `content`.
#[derive(PartialEq)]
enum Kind {
    Text,
    Html,
    Xhtml,
    /// Base64 (0.3's `mode="base64"`), another media type, or out of line
    /// (`src`): nothing the widget shows.
    Other,
}

fn kind<E: Element>(element: &E) -> Kind {
    if attr(element, "src").is_some() {
        return Kind::Other;
    }
    match attr(element, "mode").as_deref() {
        Some("escaped") => return Kind::Html,
        Some("xml") => return Kind::Xhtml,
        Some("base64") => return Kind::Other,
        _ => {}
    }
    match attr(element, "type")
        .map(|t| t.to_ascii_lowercase())
        .as_deref()
    {
        None | Some("text" | "text/plain") => Kind::Text,
        Some("html" | "text/html") => Kind::Html,
        Some("xhtml" | "application/xhtml+xml") => Kind::Xhtml,
        _ => Kind::Other,
    }
}

/// A text construct (`title`, `summary`) as one line of text.
fn text_construct<E: Element>(element: &E) -> Option<String> {
    match kind(element) {
        Kind::Text => line(Some(&element.text())),
        Kind::Html => html_line(Some(&element.text())),
        Kind::Xhtml => html_line(Some(&xhtml(element))),
        Kind::Other => None,
    }
}

/// `content` or `summary` as the body.
fn content_body<E: Element>(element: &E) -> Body {
    match kind(element) {
        Kind::Text => Body::from_text(&element.text()),
        Kind::Html => Body::from_html(&element.text()),
        Kind::Xhtml => Body::from_html(&xhtml(element)),
        Kind::Other => Body::Empty,
    }
}

/// `atom:content` inside an RSS item, as HTML.
pub(super) fn content_html<E: Element>(element: &E) -> Option<String> {
    match kind(element) {
        Kind::Html => trimmed(element.text()),
        Kind::Xhtml => trimmed(xhtml(element)),
        Kind::Text => trimmed(element.text()).map(|t| {
            let mut escaped = String::new();
            for c in t.chars() {
                match c {
                    '&' => escaped.push_str("&amp;"),
                    '<' => escaped.push_str("&lt;"),
                    c => escaped.push(c),
                }
            }
            escaped
        }),
        Kind::Other => None,
    }
}

/// XHTML content: the markup inside its wrapping `<div>`.
fn xhtml<E: Element>(element: &E) -> String {
    let children = element.children();
    match children.as_slice() {
        [div] if div.local_name() == "div" => inner_markup(div),
        _ => inner_markup(element),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/atom.xml");

    #[test]
    fn the_sample_carries_the_seed_article_at_plus_seven() {
        let seed = seed_of(SAMPLE, "2021-06-25T11:15:00+07:00");
        let image = seed.image.as_ref().unwrap();
        assert_eq!(image.credit.as_deref(), Some("Ảnh minh hoạ"));
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        assert_eq!(seed.language.as_deref(), Some("vi"));
        assert_eq!(
            seed.summary.as_deref(),
            Some("Ban Chỉ đạo 35 tỉnh Lạng Sơn sơ kết công tác 6 tháng đầu năm 2021.")
        );
        let Body::Html(html) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert_eq!(html.matches("<p>").count(), 5);
    }

    #[test]
    fn entries_read_text_constructs_links_and_inherited_fields() {
        let feed = parse(
            r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example/blog/" xml:lang="en">
  <title type="html">A &lt;em&gt;feed&lt;/em&gt;</title>
  <link href="/"/><link rel="next" href="?page=2"/>
  <author><name>Desk</name></author>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>XHTML</b> title</div></title>
    <id>urn:1</id>
    <link rel="alternate" type="application/json" href="1.json"/>
    <link rel="alternate" type="text/html" href="1.html"/>
    <link rel="enclosure" type="image/png" href="1.png" title="One"/>
    <updated>2021-06-25T04:15:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p class="x">A &amp; <a href="b">B</a></p></div></content>
  </entry>
  <entry xml:base="https://other.example/">
    <title>5 &lt; 6 &lt;b&gt;</title>
    <author><name>Ann</name></author>
    <published>2021-06-24T11:15:00+07:00</published>
    <summary type="html">&lt;p&gt;Summary&lt;/p&gt;&lt;img src="s.jpg" alt="S"&gt;</summary>
    <content src="https://other.example/full"/>
  </entry>
</feed>"#,
        )
        .unwrap();
        assert_eq!(feed.title.as_deref(), Some("A feed"));
        assert_eq!(feed.home_url.as_deref(), Some("https://news.example/"));
        assert_eq!(
            feed.next_url.as_deref(),
            Some("https://news.example/blog/?page=2")
        );
        let first = &feed.items[0];
        assert_eq!(first.headline, "An XHTML title");
        assert_eq!(first.id, "urn:1");
        assert_eq!(
            first.url.as_deref(),
            Some("https://news.example/blog/1.html")
        );
        // Only `updated`: it is the date shown.
        assert_eq!(first.published, first.updated);
        assert_eq!(first.authors, ["Desk"]);
        assert_eq!(first.language.as_deref(), Some("en"));
        let image = first.image.as_ref().unwrap();
        assert_eq!(
            (image.src.as_str(), image.caption.as_deref()),
            ("https://news.example/blog/1.png", Some("One"))
        );
        assert_eq!(
            first.body,
            Body::Html("<p class=\"x\">A &amp; <a href=\"b\">B</a></p>".into())
        );
        let second = &feed.items[1];
        assert_eq!(second.headline, "5 < 6 <b>");
        assert_eq!(second.authors, ["Ann"]);
        assert_eq!(second.published.unwrap().offset_minutes, 420);
        assert_eq!(
            second.image.as_ref().unwrap().src,
            "https://other.example/s.jpg"
        );
        assert_eq!(second.body, Body::Html("<p>Summary</p>".into()));
    }
}
