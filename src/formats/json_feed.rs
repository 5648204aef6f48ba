//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>), the native format,
//! with the `_article_widget` item extension for what JSON Feed lacks: image
//! alt text, caption, credit and size. Its schema is `schema/article-widget-extension.schema.json`.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::{date_time, headline, lenient, lenient_vec, line, newest_first, FormatError};
use crate::model::{Article, Body, Feed, Image};
use crate::timestamp::Timestamp;

/// `version` is a URL in JSON Feed, `"1.0"` in some old exporters.
pub fn detect(value: &Value) -> bool {
    value
        .get("version")
        .and_then(Value::as_str)
        .is_some_and(|v| {
            v.starts_with("https://jsonfeed.org/version/")
                || v.starts_with("http://jsonfeed.org/version/")
        })
        || (value
            .get("items")
            .is_some_and(|i| i.is_array() || i.is_null())
            && value.get("version").is_some_and(Value::is_string))
}

#[derive(Deserialize)]
struct JsonFeed {
    #[serde(default, deserialize_with = "lenient")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    home_page_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    next_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    language: Option<String>,
    #[serde(default, deserialize_with = "lenient_vec")]
    authors: Vec<Author>,
    #[serde(default, deserialize_with = "lenient")]
    author: Option<Author>,
    #[serde(default, deserialize_with = "lenient_vec")]
    items: Vec<Value>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default, deserialize_with = "lenient")]
    id: Option<Value>,
    #[serde(default, deserialize_with = "lenient")]
    url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    external_url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    content_html: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    content_text: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    summary: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    image: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    banner_image: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    date_published: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    date_modified: Option<String>,
    #[serde(default, deserialize_with = "lenient_vec")]
    authors: Vec<Author>,
    #[serde(default, deserialize_with = "lenient")]
    author: Option<Author>,
    #[serde(default, deserialize_with = "lenient_vec")]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "lenient")]
    language: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    _article_widget: Option<Extension>,
}

#[derive(Deserialize)]
struct Author {
    #[serde(default, deserialize_with = "lenient")]
    name: Option<String>,
}

/// The `_article_widget` item extension.
#[derive(Deserialize, Default)]
struct Extension {
    #[serde(default, deserialize_with = "lenient")]
    image: Option<ExtensionImage>,
    #[serde(default, deserialize_with = "lenient")]
    dateline_tz: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    section: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    dateline: Option<String>,
}

#[derive(Deserialize, Default)]
struct ExtensionImage {
    #[serde(default, deserialize_with = "lenient")]
    url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    alt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    caption: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    credit: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    width: Option<u32>,
    #[serde(default, deserialize_with = "lenient")]
    height: Option<u32>,
}

/// Converts a detected JSON Feed. Items with nothing to show are skipped.
pub fn adapt(value: Value) -> Result<Feed, FormatError> {
    let Ok(feed) = serde_json::from_value::<JsonFeed>(value) else {
        return Ok(Feed::default());
    };
    let feed_authors = names(feed.authors, feed.author);
    let mut out = Feed {
        title: line(feed.title),
        home_url: feed.home_page_url,
        next_url: feed.next_url,
        items: Vec::new(),
    };
    for (index, raw) in feed.items.into_iter().enumerate() {
        let Ok(item) = serde_json::from_value::<Item>(raw) else {
            continue;
        };
        if let Some(article) = article(item, index, &feed_authors, feed.language.as_deref()) {
            out.items.push(Rc::new(article));
        }
    }
    newest_first(&mut out);
    Ok(out)
}

fn article(
    item: Item,
    index: usize,
    feed_authors: &[String],
    feed_language: Option<&str>,
) -> Option<Article> {
    let ext = item._article_widget.unwrap_or_default();
    let body = match (&item.content_html, &item.content_text) {
        (Some(html), _) if !html.trim().is_empty() => Body::from_html(html),
        (_, Some(text)) => Body::from_text(text),
        _ => Body::Empty,
    };
    let summary = line(item.summary);
    let headline = headline(line(item.title), summary.as_deref(), &body);
    let ext_image = ext.image.unwrap_or_default();
    let image = ext_image
        .url
        .or(item.image)
        .or(item.banner_image)
        .filter(|src| !src.trim().is_empty())
        .map(|src| Image {
            src,
            alt: line(ext_image.alt).unwrap_or_default(),
            caption: line(ext_image.caption),
            credit: line(ext_image.credit),
            width: ext_image.width.filter(|w| *w > 0),
            height: ext_image.height.filter(|h| *h > 0),
            srcset: None,
        });
    if headline.is_empty() && body.is_empty() && image.is_none() {
        return None;
    }
    let mut published = date_time(item.date_published.as_deref());
    let mut updated = date_time(item.date_modified.as_deref());
    if let Some(zone) = ext.dateline_tz.as_deref().and_then(offset_minutes) {
        for t in [&mut published, &mut updated].into_iter().flatten() {
            t.offset_minutes = zone;
        }
    }
    let authors = match names(item.authors, item.author) {
        none if none.is_empty() => feed_authors.to_vec(),
        some => some,
    };
    let id = match item.id {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => item.url.clone().unwrap_or_else(|| index.to_string()),
    };
    Some(Article {
        id,
        url: item.url.or(item.external_url),
        headline,
        summary,
        published,
        updated,
        authors,
        section: line(ext.section).or_else(|| item.tags.into_iter().find_map(|t| line(Some(t)))),
        language: item.language.or(feed_language.map(str::to_owned)),
        dateline: line(ext.dateline),
        image,
        body,
    })
}

/// JSON Feed 1.1's `authors`, else 1.0's `author`: feeds written for both
/// readers carry the same person in each.
fn names(authors: Vec<Author>, author: Option<Author>) -> Vec<String> {
    let names: Vec<String> = authors.into_iter().filter_map(|a| line(a.name)).collect();
    if names.is_empty() {
        author.and_then(|a| line(a.name)).into_iter().collect()
    } else {
        names
    }
}

/// `+07:00` / `-04:30` as minutes east of UTC.
fn offset_minutes(zone: &str) -> Option<i16> {
    Timestamp::parse_rfc3339(&format!("2000-01-01T00:00:00{zone}")).map(|t| t.offset_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::parse;

    const SAMPLE: &str = include_str!("../../sample/feed.json");

    #[test]
    fn the_sample_feed_carries_the_seed_article_first() {
        let feed = parse(SAMPLE).unwrap();
        assert!(feed.items.len() >= 4);
        let seed = &feed.items[0];
        assert!(seed
            .headline
            .starts_with("Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng"));
        assert_eq!(
            seed.published.unwrap().to_string(),
            "2021-06-25T11:15:00+07:00"
        );
        assert_eq!(seed.authors, ["P.V"]);
        assert_eq!(seed.language.as_deref(), Some("vi"));
        let image = seed.image.as_ref().unwrap();
        assert_eq!(image.alt, "Các đại biểu dự Hội nghị");
        assert_eq!(image.caption.as_deref(), Some("Các đại biểu dự Hội nghị"));
        let Body::Text(paragraphs) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert_eq!(paragraphs.len(), 5);
        assert!(paragraphs[0].starts_with("Ngày 23/6, Ban Chỉ đạo"));
        assert!(paragraphs.iter().all(|p| !p.contains('\u{a0}')));
    }

    #[test]
    fn version_1_0_numeric_ids_and_author_objects() {
        let feed = parse(
            r#"{"version":"https://jsonfeed.org/version/1","author":{"name":"Feed Author"},
                "items":[{"id":7,"title":"One","content_text":"x"}]}"#,
        )
        .unwrap();
        assert_eq!(feed.items[0].id, "7");
        assert_eq!(feed.items[0].authors, ["Feed Author"]);
    }

    #[test]
    fn wrong_types_are_dropped_field_by_field() {
        let feed = parse(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":5,
                "items":[{"id":"a","title":["x"],"summary":"Summary headline","date_published":12,
                          "authors":"nobody","image":{"x":1}},
                         "not an item", null,
                         {"id":"b","title":"Dated","date_published":"2024-01-01T00:00:00Z"}]}"#,
        )
        .unwrap();
        assert_eq!(feed.title, None);
        let headlines: Vec<_> = feed.items.iter().map(|a| a.headline.as_str()).collect();
        assert_eq!(headlines, ["Dated", "Summary headline"]);
    }

    #[test]
    fn items_with_nothing_to_show_are_skipped_and_dates_sort_newest_first() {
        let feed = parse(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[
                {"id":"empty"},
                {"id":"old","title":"Old","date_published":"2020-01-01T00:00:00Z"},
                {"id":"new","title":"New","date_published":"2022-01-01T00:00:00+07:00"},
                {"id":"bad-date","title":"Undated","date_published":"last Tuesday"}]}"#,
        )
        .unwrap();
        let ids: Vec<_> = feed.items.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["new", "old", "bad-date"]);
    }

    #[test]
    fn a_headline_falls_back_to_the_start_of_the_text() {
        let long = "word ".repeat(40);
        let feed = parse(&format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"t","content_text":"{long}"}}]}}"#
        ))
        .unwrap();
        let headline = &feed.items[0].headline;
        assert!(
            headline.ends_with("word…") && headline.chars().count() <= 81,
            "{headline}"
        );
    }

    #[test]
    fn the_extension_restates_the_offset_and_adds_dateline_and_section() {
        let feed = parse(
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"z","title":"Z",
                "date_published":"2021-06-25T04:15:00Z","_article_widget":{"dateline_tz":"+07:00",
                "dateline":" LẠNG SƠN ","section":"Chính trị"}}]}"#,
        )
        .unwrap();
        assert_eq!(
            feed.items[0].published.unwrap().to_string(),
            "2021-06-25T11:15:00+07:00"
        );
        assert_eq!(feed.items[0].dateline.as_deref(), Some("LẠNG SƠN"));
        assert_eq!(feed.items[0].section.as_deref(), Some("Chính trị"));
    }
}
