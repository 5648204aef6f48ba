//! JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>), the native format,
//! with the `_article_widget` item extension for what JSON Feed lacks: image
//! alt text, caption, credit, size and `srcset`. Its schema is `schema/article-widget-extension.schema.json`.

use std::rc::Rc;

use super::{date_time, headline, later_items, Adapted, FormatError, Kind, Node, Read};
use crate::model::{Article, Body, Image};
use crate::text::collapse;
use crate::timestamp::Timestamp;

/// `version` is a URL in JSON Feed, `"1.0"` in some old exporters.
pub fn detect<N: Node>(value: &N) -> bool {
    let version = value.field("version").and_then(|v| v.string());
    version.as_deref().is_some_and(|v| {
        v.starts_with("https://jsonfeed.org/version/")
            || v.starts_with("http://jsonfeed.org/version/")
    }) || (value
        .field("items")
        .is_some_and(|i| matches!(i.kind(), Kind::Array | Kind::Null))
        && version.is_some())
}

/// What the feed says for all its items.
struct Context {
    authors: Vec<String>,
    language: Option<String>,
}

/// Converts a detected JSON Feed. Each item is read as far as its id and
/// date; the rest when it is shown. Items with nothing to show are skipped.
pub fn adapt<'a, N: Node + 'a>(feed: N) -> Result<Adapted<'a>, FormatError> {
    let context = Context {
        authors: names(&feed),
        language: feed.raw("language"),
    };
    // The extension's offset, if any, changes how the date is written, not
    // when: it is read with the rest.
    let key = |item: &N, i| {
        (
            id(item, i),
            date_time(item.raw("date_published").as_deref()),
        )
    };
    let read = move |item: &N, published| article(item, published, &context);
    Ok(Adapted {
        title: feed.text("title"),
        home_url: feed.raw("home_page_url"),
        next_url: feed.raw("next_url"),
        later: later_items(feed.list("items"), key, Rc::new(read)),
        ..Adapted::default()
    })
}

/// The item's `id`, else its URL, else its place in the document.
fn id<N: Node>(item: &N, index: usize) -> String {
    item.id("id")
        .or_else(|| url(item))
        .unwrap_or_else(|| index.to_string())
}

fn url<N: Node>(item: &N) -> Option<String> {
    item.raw("url").or_else(|| item.raw("external_url"))
}

/// The offset the extension's `dateline_tz` restates, if any.
fn zone<N: Node>(ext: &Option<N>) -> Option<i16> {
    ext.raw("dateline_tz").as_deref().and_then(offset_minutes)
}

/// A date in the offset `zone` restates (the same instant).
fn dated(time: Option<Timestamp>, zone: Option<i16>) -> Option<Timestamp> {
    time.map(|t| Timestamp {
        offset_minutes: zone.unwrap_or(t.offset_minutes),
        ..t
    })
}

/// The rest of the item (the id is the item's, made unique, see [`Item`]).
fn article<N: Node>(item: &N, published: Option<Timestamp>, context: &Context) -> Option<Article> {
    let ext = item.field("_article_widget");
    let zone = zone(&ext);
    let ext_image = ext.field("image");
    let body = match (
        item.raw("content_html"),
        item.field("content_text").and_then(|t| t.string()),
    ) {
        (Some(html), _) => Body::from_html(&html),
        (None, Some(text)) => Body::from_text(&text),
        _ => Body::Empty,
    };
    let summary = item.text("summary");
    let headline = headline(item.text("title"), summary.as_deref(), &body);
    let image = ext_image
        .raw("url")
        .or_else(|| item.raw("image"))
        .or_else(|| item.raw("banner_image"))
        .map(|src| Image {
            src: src.trim().to_owned(),
            alt: ext_image.text("alt").unwrap_or_default(),
            caption: ext_image.text("caption"),
            credit: ext_image.text("credit"),
            width: ext_image.count("width"),
            height: ext_image.count("height"),
            srcset: ext_image.text("srcset"),
        });
    let authors = match names(item) {
        none if none.is_empty() => context.authors.clone(),
        some => some,
    };
    Some(Article {
        id: String::new(),
        url: url(item),
        headline,
        summary,
        published: dated(published, zone),
        updated: dated(date_time(item.raw("date_modified").as_deref()), zone),
        authors,
        section: ext.text("section").or_else(|| {
            item.list("tags")
                .iter()
                .find_map(|t| t.string().map(|t| collapse(&t)))
        }),
        language: item.raw("language").or_else(|| context.language.clone()),
        dateline: ext.text("dateline"),
        image,
        body,
    })
}

/// Author names from `authors` (1.1), else the deprecated `author` (1.0):
/// feeds that write both name the same people twice.
fn names<N: Node>(value: &N) -> Vec<String> {
    let names: Vec<String> = value
        .list("authors")
        .iter()
        .filter_map(|a| a.text("name"))
        .collect();
    if names.is_empty() {
        value.field("author").text("name").into_iter().collect()
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
    use crate::formats::{assert_seed_text, parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/feed.json");

    #[test]
    fn the_sample_feed_carries_the_seed_article_first() {
        assert!(parse(SAMPLE).unwrap().items.len() >= 4);
        let seed = seed_of(SAMPLE, "2021-06-25T11:15:00+07:00");
        assert_eq!(seed.language.as_deref(), Some("vi"));
        assert_eq!(seed.image.as_ref().unwrap().alt, "Các đại biểu dự Hội nghị");
        assert_seed_text(&seed.body);
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
