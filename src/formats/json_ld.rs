//! schema.org JSON-LD: `NewsArticle`, `Article`, `BlogPosting`,
//! `ReportageNewsArticle` and their kin (also inside a `@type` array), as one
//! object, an array, a `@graph`, or an `ItemList` of them or of `ListItem`s.
//! Most properties may be a text, an object or a list; a node that only
//! points elsewhere in the document (`{"@id": "…#author"}`, as Yoast writes
//! them) is looked up there.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::Value;

use super::{date_time, headline, id_text, line, newest_first, shown, FormatError, Read};
use crate::model::{Article, Body, Feed, Image};

/// The article types read, without their `schema:` or URL prefix.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "Report",
];

/// How deep articles are looked for: `@graph` → `ItemList` →
/// `itemListElement` → `ListItem` → `item` is five levels.
const MAX_DEPTH: usize = 8;

/// Any JSON-LD node, or an array with one: `@context`, `@type` or `@graph`.
pub fn detect(value: &Value) -> bool {
    let is_node = |v: &Value| {
        ["@context", "@type", "@graph"]
            .iter()
            .any(|k| v.get(k).is_some())
    };
    match value {
        Value::Array(items) => items.iter().any(is_node),
        _ => is_node(value),
    }
}

/// Converts detected JSON-LD. A document without an article is an empty feed.
pub fn adapt(value: Value) -> Result<Feed, FormatError> {
    let mut found = Vec::new();
    let mut nodes = HashMap::new();
    collect(&value, 0, &mut found, &mut nodes);
    let mut feed = Feed::default();
    let mut seen = HashSet::new();
    for (index, node) in found.into_iter().enumerate() {
        let Some(article) = article(node, index, &nodes) else {
            continue;
        };
        // A page's mainEntity may repeat an article the @graph also lists.
        if seen.insert(article.id.clone()) {
            feed.items.push(Rc::new(article));
        }
    }
    newest_first(&mut feed);
    Ok(feed)
}

/// Gathers the articles, in document order, and every node with an `@id`.
fn collect<'a>(
    value: &'a Value,
    depth: usize,
    found: &mut Vec<&'a Value>,
    nodes: &mut HashMap<&'a str, &'a Value>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect(item, depth + 1, found, nodes);
            }
        }
        Value::Object(node) => {
            if let Some(id) = node.get("@id").and_then(Value::as_str) {
                if node.len() > 1 {
                    nodes.entry(id).or_insert(value);
                }
            }
            if is_article(node.get("@type")) {
                found.push(value);
                return;
            }
            for key in ["@graph", "itemListElement", "item", "mainEntity"] {
                if let Some(inner) = node.get(key) {
                    collect(inner, depth + 1, found, nodes);
                }
            }
        }
        _ => {}
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    let named = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let bare = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
            ARTICLE_TYPES.contains(&bare)
        })
    };
    match kind {
        Some(Value::Array(kinds)) => kinds.iter().any(named),
        Some(kind) => named(kind),
        None => false,
    }
}

/// An article node. Most properties may be a text, a value object or a list
/// (see [`text`] and [`many`]).
fn article(node: &Value, index: usize, nodes: &HashMap<&str, &Value>) -> Option<Article> {
    let body = text(node, "articleBody")
        .or_else(|| text(node, "text"))
        .map_or(Body::Empty, Body::from_text);
    let summary = line(text(node, "description"));
    let headline = headline(
        line(text(node, "headline")).or_else(|| line(text(node, "name"))),
        summary.as_deref(),
        &body,
    );
    let url = line(text(node, "url"))
        .or_else(|| page_url(resolve(node.field("mainEntityOfPage")?, nodes)));
    let image = many(node, "image")
        .iter()
        .find_map(|i| image(resolve(i, nodes)))
        .or_else(|| {
            line(text(node, "thumbnailUrl")).map(|src| Image {
                src,
                ..Image::default()
            })
        });
    let id = many(node, "identifier")
        .iter()
        .find_map(|i| match i {
            Value::Object(_) => line(text(i, "value")),
            other => id_text(other),
        })
        .or_else(|| node.text("@id"))
        .or_else(|| url.clone())
        .unwrap_or_else(|| index.to_string());
    shown(Article {
        id,
        url,
        headline,
        summary,
        published: date_time(text(node, "datePublished")),
        updated: date_time(text(node, "dateModified")),
        authors: many(node, "author")
            .iter()
            .filter_map(|a| name(resolve(a, nodes)))
            .filter(|n| !n.starts_with("http://") && !n.starts_with("https://"))
            .collect(),
        section: many(node, "articleSection").iter().find_map(name),
        language: node
            .field("inLanguage")
            .and_then(|l| language(resolve(l, nodes))),
        dateline: node.field("dateline").and_then(|d| name(resolve(d, nodes))),
        image,
        body,
    })
}

/// The node `{"@id": …}` points to, when the document has it.
fn resolve<'a>(value: &'a Value, nodes: &HashMap<&str, &'a Value>) -> &'a Value {
    match value {
        Value::Object(node) if node.len() == 1 => node
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| nodes.get(id).copied())
            .unwrap_or(value),
        _ => value,
    }
}

/// The address of the page an article is the main entity of: a URL, or a
/// `WebPage` with a `url` or an `@id`.
fn page_url(page: &Value) -> Option<String> {
    match page {
        Value::String(url) => line(Some(url)),
        page => line(text(page, "url")).or_else(|| line(page.raw("@id"))),
    }
}

/// A BCP 47 tag, or a `Language` whose `alternateName` is one.
fn language(value: &Value) -> Option<String> {
    match value {
        Value::Object(_) => {
            line(text(value, "alternateName")).or_else(|| line(text(value, "name")))
        }
        other => line(text_of(other)),
    }
}

/// A text, or the name of a thing (a person, organisation or place).
fn name(value: &Value) -> Option<String> {
    match value {
        Value::Object(_) => line(text(value, "name")),
        other => line(text_of(other)),
    }
}

/// An image as a URL or an `ImageObject`. schema.org has no alt text: the
/// image's `description` stands in, else its caption.
fn image(value: &Value) -> Option<Image> {
    if let Some(src) = value.as_str() {
        return line(Some(src)).map(|src| Image {
            src,
            ..Image::default()
        });
    }
    let caption = line(text(value, "caption"));
    Some(Image {
        src: line(text(value, "contentUrl")).or_else(|| line(text(value, "url")))?,
        alt: line(text(value, "description"))
            .or_else(|| caption.clone())
            .unwrap_or_default(),
        caption,
        credit: line(text(value, "creditText")),
        width: pixels(value, "width"),
        height: pixels(value, "height"),
        srcset: None,
    })
}

/// The text of a node's property (see [`text_of`]).
fn text<'a>(node: &'a Value, key: &str) -> Option<&'a str> {
    text_of(node.field(key)?)
}

/// Text as JSON-LD writes it: a string, a value object `{"@value": "…"}`, or
/// a list whose first text counts.
fn text_of<'a>(value: &'a Value) -> Option<&'a str> {
    let scalar = |v: &'a Value| v.as_str().or_else(|| v.field("@value")?.as_str());
    match value {
        Value::Array(items) => items.iter().find_map(scalar),
        other => scalar(other),
    }
    .filter(|s| !s.trim().is_empty())
}

/// A property's values: JSON-LD writes one value or a list of them alike.
fn many<'a>(node: &'a Value, key: &str) -> &'a [Value] {
    match node.field(key) {
        Some(Value::Array(items)) => items,
        Some(one) => std::slice::from_ref(one),
        None => &[],
    }
}

/// A width or height in pixels: `1200`, `"1200"`, `"1200px"` or a
/// `QuantitativeValue` `{"value": 1200, "unitCode": "E37"}`.
fn pixels(image: &Value, key: &str) -> Option<u32> {
    let number = |v: &Value| match v {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().trim_end_matches("px").trim_end().parse().ok(),
        _ => None,
    };
    match image.field(key)? {
        Value::Object(quantity) => quantity.get("value").and_then(number),
        other => number(other),
    }
    .filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::parse;

    const SAMPLE: &str = include_str!("../../sample/jsonld.json");

    #[test]
    fn the_sample_carries_the_seed_article() {
        let feed = parse(SAMPLE).unwrap();
        let seed = &feed.items[0];
        assert!(seed
            .headline
            .starts_with("Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng"));
        let published = seed.published.unwrap();
        assert_eq!(published.epoch_ms, 1_624_594_500_000);
        assert_eq!(published.to_string(), "2021-06-25T11:15:00+07:00");
        assert_eq!(seed.authors, ["P.V"]);
        assert_eq!(seed.language.as_deref(), Some("vi"));
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        let image = seed.image.as_ref().unwrap();
        assert_eq!(image.caption.as_deref(), Some("Các đại biểu dự Hội nghị"));
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
        let Body::Text(paragraphs) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert_eq!(paragraphs.len(), 5);
        assert!(paragraphs[0].starts_with("Ngày 23/6, Ban Chỉ đạo"));
        assert!(paragraphs.iter().all(|p| !p.contains('\u{a0}')));
    }

    #[test]
    fn an_array_of_nodes_with_one_article() {
        let array = parse(
            r#"[{"@context": "https://schema.org", "@type": "Organization", "name": "Org"},
                {"@context": "https://schema.org", "@type": "Article", "headline": "In an array", "image": "/a.jpg"}]"#,
        )
        .unwrap();
        assert_eq!(array.items[0].headline, "In an array");
        assert_eq!(array.items[0].image.as_ref().unwrap().src, "/a.jpg");
    }

    #[test]
    fn json_ld_without_articles_is_an_empty_feed() {
        let feed =
            parse(r#"{"@context": "https://schema.org", "@type": "Organization", "name": "Org"}"#)
                .unwrap();
        assert!(feed.items.is_empty());
    }

    #[test]
    fn lists_nested_past_the_bound_are_not_followed() {
        let mut doc = r#"{"@type": "NewsArticle", "headline": "Deep"}"#.to_owned();
        for _ in 0..40 {
            doc = format!(r#"{{"@type": "ItemList", "itemListElement": [{doc}]}}"#);
        }
        assert!(parse(&doc).unwrap().items.is_empty());
        let shallow = r#"{"@graph": [{"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "item": {"@type": "NewsArticle", "headline": "Found"}}]}]}"#;
        assert_eq!(parse(shallow).unwrap().items[0].headline, "Found");
    }
}
