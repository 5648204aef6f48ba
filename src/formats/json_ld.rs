//! schema.org JSON-LD: `NewsArticle`, `Article`, `BlogPosting`,
//! `ReportageNewsArticle` and their kin (also inside a `@type` array), as one
//! object, an array, a `@graph`, or an `ItemList` of them or of `ListItem`s.
//! Most properties may be a text, an object or a list; a node that only
//! points elsewhere in the document (`{"@id": "…#author"}`, as Yoast writes
//! them) is looked up there.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::{date_time, headline, id_text, lenient, line, newest_first, shown, FormatError};
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

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Node {
    #[serde(rename = "@id", default, deserialize_with = "lenient")]
    node_id: Option<String>,
    #[serde(default, deserialize_with = "text")]
    headline: Option<String>,
    #[serde(default, deserialize_with = "text")]
    name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    article_body: Option<String>,
    #[serde(default, deserialize_with = "text")]
    text: Option<String>,
    #[serde(default, deserialize_with = "text")]
    description: Option<String>,
    #[serde(default, deserialize_with = "text")]
    url: Option<String>,
    #[serde(default)]
    main_entity_of_page: Option<Value>,
    #[serde(default, deserialize_with = "many")]
    identifier: Vec<Value>,
    #[serde(default, deserialize_with = "many")]
    image: Vec<Value>,
    #[serde(default, deserialize_with = "text")]
    thumbnail_url: Option<String>,
    #[serde(default, deserialize_with = "many")]
    author: Vec<Value>,
    #[serde(default, deserialize_with = "text")]
    date_published: Option<String>,
    #[serde(default, deserialize_with = "text")]
    date_modified: Option<String>,
    #[serde(default, deserialize_with = "many")]
    article_section: Vec<Value>,
    #[serde(default)]
    in_language: Option<Value>,
    #[serde(default)]
    dateline: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ImageObject {
    #[serde(default, deserialize_with = "text")]
    url: Option<String>,
    #[serde(default, deserialize_with = "text")]
    content_url: Option<String>,
    #[serde(default, deserialize_with = "text")]
    caption: Option<String>,
    #[serde(default, deserialize_with = "text")]
    description: Option<String>,
    #[serde(default, deserialize_with = "text")]
    credit_text: Option<String>,
    #[serde(default, deserialize_with = "dimension")]
    width: Option<u32>,
    #[serde(default, deserialize_with = "dimension")]
    height: Option<u32>,
}

/// A person, organisation, place or language: what is read is its name.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Thing {
    #[serde(default, deserialize_with = "text")]
    name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    alternate_name: Option<String>,
    #[serde(default, deserialize_with = "text")]
    url: Option<String>,
    #[serde(default, deserialize_with = "text")]
    value: Option<String>,
}

/// Converts detected JSON-LD. A document without an article is an empty feed.
pub fn adapt(value: Value) -> Result<Feed, FormatError> {
    let mut found = Vec::new();
    let mut nodes = HashMap::new();
    collect(&value, 0, &mut found, &mut nodes);
    let mut feed = Feed::default();
    let mut seen = HashSet::new();
    for (index, raw) in found.into_iter().enumerate() {
        let Some(node) = read::<Node>(raw) else {
            continue;
        };
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

fn article(node: Node, index: usize, nodes: &HashMap<&str, &Value>) -> Option<Article> {
    let body = node
        .article_body
        .or(node.text)
        .map_or(Body::Empty, |t| Body::from_text(&t));
    let summary = line(node.description.as_deref());
    let headline = headline(
        line(node.headline.as_deref()).or_else(|| line(node.name.as_deref())),
        summary.as_deref(),
        &body,
    );
    let url = line(node.url.as_deref()).or_else(|| {
        let page = resolve(node.main_entity_of_page.as_ref()?, nodes);
        match page {
            Value::String(url) => line(Some(url)),
            page => read::<Thing>(page)
                .and_then(|p| line(p.url.as_deref()))
                .or_else(|| line(page.get("@id")?.as_str())),
        }
    });
    let image = node
        .image
        .iter()
        .find_map(|i| image(resolve(i, nodes)))
        .or_else(|| {
            line(node.thumbnail_url.as_deref()).map(|src| Image {
                src,
                ..Image::default()
            })
        });
    let id = node
        .identifier
        .iter()
        .find_map(|i| match i {
            Value::Object(_) => read::<Thing>(i).and_then(|t| line(t.value.as_deref())),
            other => id_text(other),
        })
        .or_else(|| line(node.node_id.as_deref()))
        .or_else(|| url.clone())
        .unwrap_or_else(|| index.to_string());
    shown(Article {
        id,
        url,
        headline,
        summary,
        published: date_time(node.date_published.as_deref()),
        updated: date_time(node.date_modified.as_deref()),
        authors: node
            .author
            .iter()
            .filter_map(|a| name(resolve(a, nodes)))
            .filter(|n| !n.starts_with("http://") && !n.starts_with("https://"))
            .collect(),
        section: node.article_section.iter().find_map(name),
        language: node
            .in_language
            .as_ref()
            .and_then(|l| language(resolve(l, nodes))),
        dateline: node.dateline.as_ref().and_then(|d| name(resolve(d, nodes))),
        image,
        body,
    })
}

/// One of the structs above from a node. Through a copy: deserializing from
/// `&Value` as well as `Value` would put a second copy of serde_json's value
/// deserializer into the bundle.
fn read<T: DeserializeOwned>(value: &Value) -> Option<T> {
    serde_json::from_value(value.clone()).ok()
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

/// A BCP 47 tag, or a `Language` whose `alternateName` is one.
fn language(value: &Value) -> Option<String> {
    match value {
        Value::Object(_) => read::<Thing>(value)
            .and_then(|t| line(t.alternate_name.as_deref()).or(line(t.name.as_deref()))),
        other => line(text_of(other).as_deref()),
    }
}

/// A text, or the name of a thing.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::Object(_) => read::<Thing>(value).and_then(|t| line(t.name.as_deref())),
        other => line(text_of(other).as_deref()),
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
    let object = read::<ImageObject>(value)?;
    let caption = line(object.caption.as_deref());
    Some(Image {
        src: line(object.content_url.as_deref()).or(line(object.url.as_deref()))?,
        alt: line(object.description.as_deref())
            .or_else(|| caption.clone())
            .unwrap_or_default(),
        caption,
        credit: line(object.credit_text.as_deref()),
        width: object.width,
        height: object.height,
        srcset: None,
    })
}

/// Text as JSON-LD writes it: a string, a value object `{"@value": "…"}`, or
/// a list whose first text counts.
fn text_of(value: &Value) -> Option<String> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("@value").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    match value {
        Value::Array(items) => items.iter().find_map(scalar),
        other => scalar(other),
    }
    .filter(|s| !s.trim().is_empty())
}

fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Ok(text_of(&Value::deserialize(deserializer)?))
}

/// One value or a list of them, without nulls.
fn many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Value>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::Array(items) => items.into_iter().filter(|v| !v.is_null()).collect(),
        Value::Null => Vec::new(),
        one => vec![one],
    })
}

/// A width or height in pixels: `1200`, `"1200"`, `"1200px"` or a
/// `QuantitativeValue` `{"value": 1200, "unitCode": "E37"}`.
fn dimension<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    let pixels = |v: &Value| match v {
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Value::String(s) => s.trim().trim_end_matches("px").trim_end().parse().ok(),
        _ => None,
    };
    let value = Value::deserialize(deserializer)?;
    let pixels = match &value {
        Value::Object(o) => o.get("value").and_then(pixels),
        other => pixels(other),
    };
    Ok(pixels.filter(|n| *n > 0))
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
