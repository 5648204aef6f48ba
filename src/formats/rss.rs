//! RSS 2.0, 0.9x and 1.0 (RDF): `<rss><channel><item>…` and
//! `<rdf:RDF><channel/><item>…`, with the modules news feeds use: content
//! (`content:encoded`), Dublin Core (`dc:creator`, `dc:date`, `dc:subject`),
//! Media RSS (`media:content`, `media:thumbnail`), Atom links inside RSS
//! (`atom:link rel="next"`) and iTunes' author and image.
//!
//! Titles are text however they were written (CDATA, escaped or naked
//! markup); `content:encoded`, else `description`, is the HTML body.

use super::xml::{attr, attr_ns, base, join, trimmed, Children, Element, XML};
use super::{
    atom, date_time, headline, html_line, lead_image, line, rfc822, Adapted, FormatError, MAX_ITEMS,
};
use crate::model::{Article, Body, Image};
use crate::timestamp::Timestamp;

/// RSS's own elements: no namespace (0.91, 0.92, 2.0), RSS 1.0's and 0.90's,
/// and the two that some 2.0 feeds declare.
pub(super) const CORE: &[&str] = &[
    "",
    "http://purl.org/rss/1.0/",
    "http://my.netscape.com/rdf/simple/0.9/",
    "http://backend.userland.com/rss2",
    "http://blogs.law.harvard.edu/tech/rss",
];
const CONTENT: &[&str] = &["http://purl.org/rss/1.0/modules/content/"];
pub(super) const DC: &[&str] = &[
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
];
const MEDIA: &[&str] = &[
    "http://search.yahoo.com/mrss/",
    "http://search.yahoo.com/mrss",
];
const ITUNES: &[&str] = &[
    "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "http://www.itunes.com/DTDs/PodCast-1.0.dtd",
];
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

/// Converts an `<rss>` or `<rdf:RDF>` document. Items with nothing to show
/// are skipped.
pub(super) fn adapt<E: Element>(root: E) -> Result<Adapted<'static>, FormatError> {
    let root_base = base(&root, None);
    let top = Children::of(&root);
    let channel = top.first(CORE, "channel");
    let channel_base = channel
        .and_then(|c| base(c, root_base.as_deref()))
        .or(root_base.clone());
    let channel_children = channel.map(Children::of);
    let language = channel_children
        .as_ref()
        .and_then(|c| c.text(CORE, "language").or_else(|| c.text(DC, "language")));
    let mut out = Adapted::default();
    if let Some(c) = &channel_children {
        out.title = html_line(
            c.text(CORE, "title")
                .or_else(|| c.text(DC, "title"))
                .as_deref(),
        );
        out.home_url = c
            .text(CORE, "link")
            .map(|l| join(channel_base.as_deref(), &l))
            .or_else(|| atom_link(c, "alternate", channel_base.as_deref()));
        out.next_url = atom_link(c, "next", channel_base.as_deref());
    }
    if out.next_url.is_none() {
        out.next_url = atom_link(&top, "next", root_base.as_deref());
    }
    // RSS 2.0 puts items in the channel; 0.90 and 1.0 beside it.
    let mut items = Vec::new();
    if let Some(c) = &channel_children {
        for item in c.all(CORE, "item") {
            items.push((item, channel_base.as_deref()));
        }
    }
    for item in top.all(CORE, "item") {
        items.push((item, root_base.as_deref()));
    }
    for (index, (item, parent_base)) in items.into_iter().take(MAX_ITEMS).enumerate() {
        out.articles
            .extend(article(item, index, parent_base, language.as_deref()));
    }
    Ok(out)
}

fn article<E: Element>(
    item: &E,
    index: usize,
    parent_base: Option<&str>,
    language: Option<&str>,
) -> Option<Article> {
    let base = base(item, parent_base);
    let base = base.as_deref();
    let c = Children::of(item);
    let description = c
        .text(CORE, "description")
        .or_else(|| c.text(DC, "description"))
        .or_else(|| c.text(ITUNES, "summary"));
    let content = c.text(CONTENT, "encoded").or_else(|| {
        c.first(atom::NAMESPACES, "content")
            .and_then(atom::content_html)
    });
    let (mut body, summary) = match content {
        Some(html) => (Body::from_html(&html), html_line(description.as_deref())),
        None => (Body::from_html(description.as_deref().unwrap_or("")), None),
    };
    let title = html_line(
        c.text(CORE, "title")
            .or_else(|| c.text(DC, "title"))
            .as_deref(),
    );
    let headline = headline(title, summary.as_deref(), &body);
    let guid = c.first(CORE, "guid");
    let guid_text = guid.and_then(|g| trimmed(g.text()));
    let permalink = guid
        .filter(|g| attr(*g, "isPermaLink").is_none_or(|p| !p.eq_ignore_ascii_case("false")))
        .and(guid_text.clone())
        .filter(|g| {
            let lower = g.to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://")
        });
    let url = c
        .text(CORE, "link")
        .map(|l| join(base, &l))
        .or_else(|| atom_link(&c, "alternate", base))
        .or(permalink);
    let updated = c
        .text(atom::NAMESPACES, "updated")
        .or_else(|| c.text(DC, "modified"))
        .and_then(|d| rss_date(&d));
    let published = c
        .text(CORE, "pubDate")
        .and_then(|d| rss_date(&d))
        .or_else(|| c.text(DC, "date").and_then(|d| rss_date(&d)))
        .or_else(|| {
            c.text(atom::NAMESPACES, "published")
                .and_then(|d| rss_date(&d))
        })
        .or(updated);
    let mut authors = Vec::new();
    for (namespaces, name) in [(CORE, "author"), (DC, "creator"), (DC, "author")] {
        for author in c.all(namespaces, name) {
            authors.extend(person(&author.text()));
        }
    }
    for author in c.all(atom::NAMESPACES, "author") {
        let name = Children::of(author).text(atom::NAMESPACES, "name");
        authors.extend(line(name.as_deref()));
    }
    if authors.is_empty() {
        authors.extend(c.text(ITUNES, "author").and_then(|a| person(&a)));
    }
    authors.dedup();
    let mut image = media_image(&c, base)
        .or_else(|| enclosure_image(&c, base))
        .or_else(|| {
            let href = attr(c.first(ITUNES, "image")?, "href")?;
            Some(Image {
                src: join(base, &href),
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
    for (namespaces, name) in [(CORE, "category"), (DC, "subject")] {
        for category in c.all(namespaces, name) {
            section = section.or_else(|| line(Some(&category.text())));
        }
    }
    let id = guid_text
        .or_else(|| attr_ns(item, RDF, "about"))
        .or_else(|| url.clone())
        .unwrap_or_else(|| index.to_string());
    Some(Article {
        id,
        url,
        headline,
        summary,
        published,
        updated,
        authors,
        section,
        language: c
            .text(DC, "language")
            .or_else(|| attr_ns(item, XML, "lang"))
            .or_else(|| language.map(str::to_owned)),
        dateline: None,
        image,
        body,
    })
}

/// A date as RSS feeds write it: RFC 822, or ISO 8601 (`dc:date`, and
/// `pubDate`s written by hand).
pub(super) fn rss_date(text: &str) -> Option<Timestamp> {
    rfc822::parse(text).or_else(|| date_time(Some(text)))
}

/// A person as RSS writes one: `email@example.org (Name)`, `Name
/// <email@example.org>`, `Name (email@example.org)` or a name. A bare
/// address is not a byline.
pub(super) fn person(text: &str) -> Option<String> {
    let text = line(Some(text))?;
    let name = match (text.find('('), text.rfind(')'), text.find('<')) {
        (Some(open), Some(close), _) if open < close => {
            let inside = text[open + 1..close].trim();
            let outside = format!("{} {}", &text[..open], &text[close + 1..]);
            let outside = outside.trim();
            if inside.contains('@') && !outside.contains('@') {
                outside.to_owned()
            } else if outside.contains('@') {
                inside.to_owned()
            } else {
                text.clone()
            }
        }
        (_, _, Some(open)) if text.ends_with('>') => text[..open].trim().to_owned(),
        _ => text.clone(),
    };
    let name = name.trim_matches(|c: char| c == '"' || c.is_whitespace());
    let address = name.contains('@') && !name.contains(' ');
    (!name.is_empty() && !address).then(|| name.to_owned())
}

/// The `href` of the first `atom:link` with this `rel`.
fn atom_link<E: Element>(c: &Children<E>, rel: &str, base: Option<&str>) -> Option<String> {
    for link in c.all(atom::NAMESPACES, "link") {
        if attr(link, "rel").as_deref().unwrap_or("alternate") == rel {
            let href = attr(link, "href")?;
            return Some(join(super::xml::base(link, base).as_deref(), &href));
        }
    }
    None
}

/// The item's Media RSS image: a `media:content` that is an image (directly,
/// or in a `media:group`), else a `media:thumbnail`, with its size, its
/// `media:description` as caption, `media:title` as alt text (else the
/// caption) and `media:credit`.
pub(super) fn media_image<E: Element>(c: &Children<E>, base: Option<&str>) -> Option<Image> {
    let groups: Vec<Children<E>> = c
        .all(MEDIA, "group")
        .into_iter()
        .map(Children::of)
        .collect();
    let mut contents = c.all(MEDIA, "content");
    let mut thumbnails = c.all(MEDIA, "thumbnail");
    for group in &groups {
        contents.extend(group.all(MEDIA, "content"));
        thumbnails.extend(group.all(MEDIA, "thumbnail"));
    }
    let mut chosen = None;
    for content in &contents {
        let kind = attr(*content, "type").unwrap_or_default();
        let image = match attr(*content, "medium") {
            Some(medium) => medium == "image",
            None => kind.is_empty() || kind.starts_with("image/"),
        };
        if image && attr(*content, "url").is_some() {
            chosen = Some((*content).clone());
            break;
        }
    }
    let own = chosen.as_ref().map(Children::of);
    let nested: Vec<Children<E>> = contents.iter().map(|e| Children::of(*e)).collect();
    if chosen.is_none() {
        for inner in &nested {
            thumbnails.extend(inner.all(MEDIA, "thumbnail"));
        }
        chosen = thumbnails
            .into_iter()
            .find(|t| attr(*t, "url").is_some())
            .cloned();
    }
    let element = chosen?;
    let size = |name| {
        attr(&element, name)
            .and_then(|v| v.parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    let mut places: Vec<&Children<E>> = own.iter().collect();
    places.extend(groups.iter());
    places.push(c);
    let words = |name: &str| places.iter().find_map(|p| p.text(MEDIA, name));
    let caption = html_line(words("description").as_deref());
    let alt = html_line(words("title").as_deref()).or_else(|| caption.clone());
    Some(Image {
        src: join(base, &attr(&element, "url")?),
        alt: alt.unwrap_or_default(),
        caption,
        credit: line(words("credit").as_deref()),
        width: size("width"),
        height: size("height"),
        srcset: None,
    })
}

/// An `enclosure` of an image type.
fn enclosure_image<E: Element>(c: &Children<E>, base: Option<&str>) -> Option<Image> {
    let enclosure = c
        .all(CORE, "enclosure")
        .into_iter()
        .find(|e| attr(*e, "type").is_some_and(|t| t.to_ascii_lowercase().starts_with("image/")))?;
    Some(Image {
        src: join(base, &attr(enclosure, "url")?),
        ..Image::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/rss.xml");

    #[test]
    fn the_sample_carries_the_seed_article_at_plus_seven() {
        let seed = seed_of(SAMPLE, "2021-06-25T11:15:00+07:00");
        let image = seed.image.as_ref().unwrap();
        assert_eq!(
            (
                image.src.as_str(),
                image.alt.as_str(),
                image.credit.as_deref()
            ),
            (
                "images/hoi-nghi.svg",
                "Các đại biểu dự Hội nghị",
                Some("Ảnh minh hoạ")
            )
        );
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        assert_eq!(seed.language.as_deref(), Some("vi"));
        let Body::Html(html) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert_eq!(html.matches("<p>").count(), 5);
        assert!(html.contains("<p>Ngày 23/6, Ban Chỉ đạo"));
    }

    #[test]
    fn rss_2_items_read_every_way_feeds_write_them() {
        let feed = parse(
            r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:a="http://www.w3.org/2005/Atom"
     xml:base="https://news.example/feeds/">
  <channel>
    <title><![CDATA[Tin <b>mới</b> &amp; hay]]></title>
    <link>https://news.example/</link>
    <a:link rel="next" href="page/2"/>
    <item>
      <title>Naked <b>markup</b> &amp;amp; escaped</title>
      <guid>https://news.example/a</guid>
      <dc:date>2021-06-25T11:15:00+07:00</dc:date>
      <dc:creator>P.V</dc:creator>
      <dc:creator>T.H</dc:creator>
      <enclosure url="img/a.jpg" type="image/jpeg" length="1"/>
      <description>&lt;p&gt;Body&lt;/p&gt;</description>
    </item>
    <item xml:base="https://cdn.example/x/">
      <title>Second</title>
      <link>story.html</link>
      <guid isPermaLink="false">https://news.example/not-a-link</guid>
      <pubDate>Thu, 24 Jun 2021 08:00:00 GMT</pubDate>
      <author>desk@news.example (Bàn tin)</author>
      <description><![CDATA[<figure><img src="b.jpg" alt="B"><figcaption>Caption <i>B</i></figcaption></figure><p>Text</p>]]></description>
    </item>
  </channel>
</rss>"#,
        )
        .unwrap();
        assert_eq!(feed.title.as_deref(), Some("Tin mới & hay"));
        assert_eq!(feed.home_url.as_deref(), Some("https://news.example/"));
        assert_eq!(
            feed.next_url.as_deref(),
            Some("https://news.example/feeds/page/2")
        );
        let first = &feed.items[0];
        assert_eq!(first.headline, "Naked markup & escaped");
        assert_eq!(first.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(first.id, "https://news.example/a");
        assert_eq!(first.published.unwrap().offset_minutes, 420);
        assert_eq!(first.authors, ["P.V", "T.H"]);
        assert_eq!(
            first.image.as_ref().unwrap().src,
            "https://news.example/feeds/img/a.jpg"
        );
        assert_eq!(first.body, Body::Html("<p>Body</p>".into()));
        let second = &feed.items[1];
        assert_eq!(
            second.url.as_deref(),
            Some("https://cdn.example/x/story.html")
        );
        assert_eq!(second.id, "https://news.example/not-a-link");
        assert_eq!(second.authors, ["Bàn tin"]);
        let image = second.image.as_ref().unwrap();
        assert_eq!(image.src, "https://cdn.example/x/b.jpg");
        assert_eq!(
            (image.alt.as_str(), image.caption.as_deref()),
            ("B", Some("Caption B"))
        );
        assert_eq!(second.body, Body::Html("<p>Text</p>".into()));
    }

    #[test]
    fn rss_1_and_0_90_items_sit_beside_the_channel() {
        let feed = parse(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                        xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/rss"><title>RDF</title><link>https://news.example/</link></channel>
  <item rdf:about="https://news.example/1"><title>One</title><link>https://news.example/1</link>
    <dc:date>2021-06-25T04:15:00Z</dc:date><dc:subject>Chính trị</dc:subject></item>
</rdf:RDF>"#,
        )
        .unwrap();
        assert_eq!(feed.title.as_deref(), Some("RDF"));
        let item = &feed.items[0];
        assert_eq!(
            (item.id.as_str(), item.headline.as_str()),
            ("https://news.example/1", "One")
        );
        assert_eq!(item.published.unwrap().epoch_ms, 1_624_594_500_000);
        assert_eq!(item.section.as_deref(), Some("Chính trị"));
        // A prefix is only a name for a namespace: RSS 1.0 under another one.
        let feed = parse(
            r#"<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
  <rss:item><rss:title>Prefixed</rss:title></rss:item><title xmlns="urn:other">Not RSS</title></r:RDF>"#,
        )
        .unwrap();
        assert_eq!(feed.items[0].headline, "Prefixed");
        assert_eq!(feed.title, None);
    }

    #[test]
    fn people_as_rss_writes_them() {
        for (text, expected) in [
            ("email@example.org (Author Name)", Some("Author Name")),
            ("Author Name (email@example.org)", Some("Author Name")),
            ("Author Name <email@example.org>", Some("Author Name")),
            ("P.V", Some("P.V")),
            ("  Nguyễn  Văn A ", Some("Nguyễn Văn A")),
            ("email@example.org", None),
            ("Hội (Lạng Sơn)", Some("Hội (Lạng Sơn)")),
            ("", None),
        ] {
            assert_eq!(person(text).as_deref(), expected, "{text}");
        }
    }
}
