//! schema.org JSON-LD: `NewsArticle`, `Article`, `BlogPosting`,
//! `ReportageNewsArticle` and their kin (also inside a `@type` array), as one
//! object, an array, a `@graph`, or an `ItemList` of them or of `ListItem`s.
//! Most properties may be a text, an object or a list; a node that only
//! points elsewhere in the document (`{"@id": "…#author"}`, as Yoast writes
//! them) is looked up there.

use std::collections::{HashMap, HashSet};

use super::{
    date_time, headline, id_text, line, Adapted, FormatError, Kind, Node, Read, MAX_ITEMS,
};
use crate::model::{Article, Body, Image};

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
pub fn detect<N: Node>(value: &N) -> bool {
    let is_node = |v: &N| {
        ["@context", "@type", "@graph"]
            .iter()
            .any(|k| v.field(k).is_some())
    };
    match value.kind() {
        Kind::Array => value.items().iter().any(is_node),
        _ => is_node(value),
    }
}

/// Converts detected JSON-LD. A document without an article is an empty feed.
pub fn adapt<'a, N: Node + 'a>(value: N) -> Result<Adapted<'a>, FormatError> {
    let mut found = Vec::new();
    let mut nodes = HashMap::new();
    collect(&value, 0, &mut found, &mut nodes);
    let mut out = Adapted::default();
    let mut seen = HashSet::new();
    for (index, node) in found.iter().take(MAX_ITEMS).enumerate() {
        let Some(article) = article(node, index, &nodes) else {
            continue;
        };
        // A page's mainEntity may repeat an article the @graph also lists.
        if seen.insert(article.id.clone()) {
            out.articles.push(article);
        }
    }
    Ok(out)
}

/// Gathers the articles, in document order, and every node with an `@id`.
fn collect<N: Node>(value: &N, depth: usize, found: &mut Vec<N>, nodes: &mut HashMap<String, N>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value.kind() {
        Kind::Array => {
            for item in value.items() {
                collect(&item, depth + 1, found, nodes);
            }
        }
        Kind::Object => {
            if let Some(id) = value.field("@id").and_then(|id| id.string()) {
                if value.key_count() > 1 {
                    nodes.entry(id).or_insert_with(|| value.clone());
                }
            }
            if is_article(value.field("@type")) {
                found.push(value.clone());
                return;
            }
            for key in ["@graph", "itemListElement", "item", "mainEntity"] {
                if let Some(inner) = value.field(key) {
                    collect(&inner, depth + 1, found, nodes);
                }
            }
        }
        _ => {}
    }
}

fn is_article<N: Node>(kind: Option<N>) -> bool {
    let named = |t: &N| {
        t.string().is_some_and(|t| {
            let bare = t.rsplit(['/', ':', '#']).next().unwrap_or(&t);
            ARTICLE_TYPES.contains(&bare)
        })
    };
    match kind {
        Some(kinds) if kinds.kind() == Kind::Array => kinds.items().iter().any(named),
        Some(kind) => named(&kind),
        None => false,
    }
}

/// An article node. Most properties may be a text, a value object or a list
/// (see [`text`] and [`many`]).
fn article<N: Node>(node: &N, index: usize, nodes: &HashMap<String, N>) -> Option<Article> {
    let body = text(node, "articleBody")
        .or_else(|| text(node, "text"))
        .map_or(Body::Empty, |t| Body::from_text(&t));
    let summary = line(text(node, "description").as_deref());
    let headline = headline(
        line(text(node, "headline").as_deref()).or_else(|| line(text(node, "name").as_deref())),
        summary.as_deref(),
        &body,
    );
    let url = line(text(node, "url").as_deref())
        .or_else(|| page_url(&resolve(&node.field("mainEntityOfPage")?, nodes)));
    let image = many(node, "image")
        .iter()
        .find_map(|i| image(&resolve(i, nodes)))
        .or_else(|| {
            line(text(node, "thumbnailUrl").as_deref()).map(|src| Image {
                src,
                ..Image::default()
            })
        });
    let id = many(node, "identifier")
        .iter()
        .find_map(|i| match i.kind() {
            Kind::Object => line(text(i, "value").as_deref()),
            _ => id_text(i),
        })
        .or_else(|| node.text("@id"))
        .or_else(|| url.clone())
        .unwrap_or_else(|| index.to_string());
    Some(Article {
        id,
        url,
        headline,
        summary,
        published: date_time(text(node, "datePublished").as_deref()),
        updated: date_time(text(node, "dateModified").as_deref()),
        authors: many(node, "author")
            .iter()
            .filter_map(|a| name(&resolve(a, nodes)))
            .filter(|n| !n.starts_with("http://") && !n.starts_with("https://"))
            .collect(),
        section: many(node, "articleSection").iter().find_map(name),
        language: node
            .field("inLanguage")
            .and_then(|l| language(&resolve(&l, nodes))),
        dateline: node
            .field("dateline")
            .and_then(|d| name(&resolve(&d, nodes))),
        image,
        body,
    })
}

/// The node `{"@id": …}` points to, when the document has it.
fn resolve<N: Node>(value: &N, nodes: &HashMap<String, N>) -> N {
    let target = || {
        let id = value.field("@id")?.string()?;
        nodes.get(&id).cloned()
    };
    match value.kind() {
        Kind::Object if value.key_count() == 1 => target().unwrap_or_else(|| value.clone()),
        _ => value.clone(),
    }
}

/// The address of the page an article is the main entity of: a URL, or a
/// `WebPage` with a `url` or an `@id`.
fn page_url<N: Node>(page: &N) -> Option<String> {
    match page.kind() {
        Kind::String => line(page.string().as_deref()),
        _ => line(text(page, "url").as_deref()).or_else(|| line(page.raw("@id").as_deref())),
    }
}

/// A BCP 47 tag, or a `Language` whose `alternateName` is one.
fn language<N: Node>(value: &N) -> Option<String> {
    match value.kind() {
        Kind::Object => line(text(value, "alternateName").as_deref())
            .or_else(|| line(text(value, "name").as_deref())),
        _ => line(text_of(value).as_deref()),
    }
}

/// A text, or the name of a thing (a person, organisation or place).
fn name<N: Node>(value: &N) -> Option<String> {
    match value.kind() {
        Kind::Object => line(text(value, "name").as_deref()),
        _ => line(text_of(value).as_deref()),
    }
}

/// An image as a URL or an `ImageObject`. schema.org has no alt text: the
/// image's `description` stands in, else its caption.
fn image<N: Node>(value: &N) -> Option<Image> {
    if let Some(src) = value.string() {
        return line(Some(&src)).map(|src| Image {
            src,
            ..Image::default()
        });
    }
    let caption = line(text(value, "caption").as_deref());
    Some(Image {
        src: line(text(value, "contentUrl").as_deref())
            .or_else(|| line(text(value, "url").as_deref()))?,
        alt: line(text(value, "description").as_deref())
            .or_else(|| caption.clone())
            .unwrap_or_default(),
        caption,
        credit: line(text(value, "creditText").as_deref()),
        width: pixels(value, "width"),
        height: pixels(value, "height"),
        srcset: None,
    })
}

/// The text of a node's property (see [`text_of`]).
fn text<N: Node>(node: &N, key: &'static str) -> Option<String> {
    text_of(&node.field(key)?)
}

/// Text as JSON-LD writes it: a string, a value object `{"@value": "…"}`, or
/// a list whose first text counts.
fn text_of<N: Node>(value: &N) -> Option<String> {
    let scalar = |v: &N| v.string().or_else(|| v.field("@value")?.string());
    match value.kind() {
        Kind::Array => value.items().iter().find_map(scalar),
        _ => scalar(value),
    }
    .filter(|s| !s.trim().is_empty())
}

/// A property's values: JSON-LD writes one value or a list of them alike.
fn many<N: Node>(node: &N, key: &'static str) -> Vec<N> {
    match node.field(key) {
        Some(items) if items.kind() == Kind::Array => items.items(),
        Some(one) => vec![one],
        None => Vec::new(),
    }
}

/// A width or height in pixels: `1200`, `"1200"`, `"1200px"` or a
/// `QuantitativeValue` `{"value": 1200, "unitCode": "E37"}`.
fn pixels<N: Node>(image: &N, key: &'static str) -> Option<u32> {
    let number = |v: &N| match v.kind() {
        Kind::Number => v.whole().and_then(|n| u32::try_from(n).ok()),
        Kind::String => v
            .string()?
            .trim()
            .trim_end_matches("px")
            .trim_end()
            .parse()
            .ok(),
        _ => None,
    };
    let value = image.field(key)?;
    match value.kind() {
        Kind::Object => value.field("value").as_ref().and_then(number),
        _ => number(&value),
    }
    .filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use crate::formats::{assert_seed_text, parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/jsonld.json");

    #[test]
    fn the_sample_carries_the_seed_article() {
        let seed = seed_of(SAMPLE, "2021-06-25T11:15:00+07:00");
        assert_eq!(seed.language.as_deref(), Some("vi"));
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        let image = seed.image.as_ref().unwrap();
        assert_eq!((image.width, image.height), (Some(1200), Some(675)));
        assert_seed_text(&seed.body);
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
