//! Any feed the widget reads → JSON Feed 1.1 with the `_article_widget` item
//! extension (`schema/article-widget-extension.schema.json`): exactly what the
//! widget's JSON Feed reader takes back, so the widget, reading the service's
//! answer, sees the articles it would have seen reading the source.
//!
//! Every URL is made absolute against the document's own URL (the widget will
//! resolve against the service's instead). Bodies pass through untouched as
//! `content_html` or `content_text`: the widget sanitises them where they are
//! shown, as it does for any feed.

use article_widget::error::LoadError;
use article_widget::formats::FormatError;
use article_widget::load;
use article_widget::model::{Article, Body, Feed};
use article_widget::source::Document;
use article_widget::timestamp::Timestamp;
use serde_json::{json, Map, Value};
use url::Url;

use super::problem::FetchError;

/// The version URL of the output.
const JSON_FEED_1_1: &str = "https://jsonfeed.org/version/1.1";

/// The bytes of a fetched document as the widget would read them: decoded,
/// parsed in any format, URLs made absolute against `base`.
pub fn read(body: &[u8], base: &Url) -> Result<Feed, FetchError> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(FetchError::Empty);
    }
    let text = std::str::from_utf8(body).map_err(|e| FetchError::NotUtf8 {
        at: e.valid_up_to(),
    })?;
    // The widget's own join of a document and its feed: parsed, the next
    // page found (a query such as Ghost's `?page=2` merged into the URL),
    // every URL made absolute and canonical.
    let document = Document {
        url: base.to_string(),
        text: text.to_owned(),
        etag: None,
        next_page: None,
        storable: false,
    };
    load::feed(&document, usize::MAX).map_err(|error| match error {
        LoadError::Format(error) => FetchError::Format(error),
        // Joining a document to its feed fails only in its format.
        other => FetchError::Format(FormatError::Unknown {
            found: other.to_string(),
        }),
    })
}

/// The feed as JSON Feed 1.1. `next_url` is written as given: the caller
/// decides whether the next page goes through the service.
pub fn json_feed(feed: &Feed) -> Value {
    let mut out = Map::new();
    out.insert("version".into(), JSON_FEED_1_1.into());
    // JSON Feed requires a title; the widget reads an empty one as none.
    out.insert(
        "title".into(),
        feed.title.clone().unwrap_or_default().into(),
    );
    insert(&mut out, "home_page_url", feed.home_url.as_deref());
    insert(&mut out, "next_url", feed.next_url.as_deref());
    out.insert(
        "items".into(),
        feed.items
            .iter()
            .map(|a| item(a))
            .collect::<Vec<_>>()
            .into(),
    );
    Value::Object(out)
}

fn item(article: &Article) -> Value {
    let mut out = Map::new();
    out.insert("id".into(), article.id.clone().into());
    insert(&mut out, "url", article.url.as_deref());
    if !article.headline.is_empty() {
        out.insert("title".into(), article.headline.clone().into());
    }
    insert(&mut out, "summary", article.summary.as_deref());
    match &article.body {
        Body::Empty => {}
        Body::Html(html) => {
            out.insert("content_html".into(), html.clone().into());
        }
        Body::Text(_) => {
            let paragraphs = article.body.paragraphs();
            out.insert("content_text".into(), paragraphs.join("\n\n").into());
        }
    }
    insert(
        &mut out,
        "date_published",
        article.published.map(rfc3339).as_deref(),
    );
    insert(
        &mut out,
        "date_modified",
        article.updated.map(rfc3339).as_deref(),
    );
    if !article.authors.is_empty() {
        let authors: Vec<Value> = article
            .authors
            .iter()
            .map(|n| json!({ "name": n }))
            .collect();
        out.insert("authors".into(), authors.into());
    }
    insert(&mut out, "language", article.language.as_deref());
    let mut ext = Map::new();
    if let Some(image) = &article.image {
        out.insert("image".into(), image.src.clone().into());
        let mut words = Map::new();
        words.insert("alt".into(), image.alt.clone().into());
        insert(&mut words, "caption", image.caption.as_deref());
        insert(&mut words, "credit", image.credit.as_deref());
        if let Some(width) = image.width {
            words.insert("width".into(), width.into());
        }
        if let Some(height) = image.height {
            words.insert("height".into(), height.into());
        }
        insert(&mut words, "srcset", image.srcset.as_deref());
        ext.insert("image".into(), words.into());
    }
    insert(&mut ext, "dateline", article.dateline.as_deref());
    insert(&mut ext, "section", article.section.as_deref());
    if !ext.is_empty() {
        out.insert("_article_widget".into(), ext.into());
    }
    Value::Object(out)
}

fn insert(map: &mut Map<String, Value>, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        map.insert(key.to_owned(), value.into());
    }
}

/// RFC 3339 in the source's offset, with milliseconds when there are any.
fn rfc3339(at: Timestamp) -> String {
    let text = at.to_string();
    let millis = at.epoch_ms.rem_euclid(1000);
    if millis == 0 {
        return text;
    }
    // `YYYY-MM-DDTHH:MM:SS` is 19 bytes; the zone follows.
    let (seconds, zone) = text.split_at(19.min(text.len()));
    format!("{seconds}.{millis:03}{zone}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_widget::formats;

    const SAMPLES: [(&str, &str); 6] = [
        ("rss.xml", include_str!("../../../sample/rss.xml")),
        ("atom.xml", include_str!("../../../sample/atom.xml")),
        ("feed.json", include_str!("../../../sample/feed.json")),
        (
            "wordpress.json",
            include_str!("../../../sample/wordpress.json"),
        ),
        ("ghost.json", include_str!("../../../sample/ghost.json")),
        ("jsonld.json", include_str!("../../../sample/jsonld.json")),
    ];

    #[test]
    fn every_format_round_trips_through_json_feed() {
        let base = Url::parse("https://news.example/feeds/latest").unwrap();
        for (name, sample) in SAMPLES {
            let feed = read(sample.as_bytes(), &base).unwrap();
            assert!(!feed.items.is_empty(), "{name}");
            let out = json_feed(&feed).to_string();
            let again = formats::parse(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(again, feed, "{name}");
        }
    }

    /// The real documents the library's format tests read: every one that
    /// is a feed must come back the same, its extension objects valid under
    /// the published schema.
    #[test]
    fn every_fixture_round_trips_through_json_feed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let schema: Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("schema/article-widget-extension.schema.json"))
                .unwrap(),
        )
        .unwrap();
        let mut schemas = boon::Schemas::new();
        let mut compiler = boon::Compiler::new();
        compiler
            .add_resource("urn:article-widget:extension", schema)
            .unwrap();
        let extension = compiler
            .compile("urn:article-widget:extension", &mut schemas)
            .unwrap();
        let fixtures = root.join("tests/fixtures");
        let mut files = Vec::new();
        let mut dirs = vec![fixtures];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    files.push(path);
                }
            }
        }
        let base = Url::parse("https://news.example/wp-json/wp/v2/posts").unwrap();
        let (mut feeds, mut srcsets) = (0, 0);
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(feed) = read(&bytes, &base) else {
                continue;
            };
            feeds += 1;
            srcsets += feed
                .items
                .iter()
                .filter(|a| a.image.as_ref().is_some_and(|i| i.srcset.is_some()))
                .count();
            let out = json_feed(&feed);
            for item in out["items"].as_array().unwrap() {
                if let Some(ext) = item.get("_article_widget") {
                    if let Err(e) = schemas.validate(ext, extension) {
                        panic!("{}: {ext}: {e}", path.display());
                    }
                }
            }
            let again = formats::parse(&out.to_string()).unwrap();
            assert_eq!(again, feed, "{}", path.display());
        }
        assert!(feeds >= 20, "{feeds} feeds");
        assert!(srcsets > 0, "some images have a srcset");
    }

    #[test]
    fn relative_urls_become_absolute_against_the_source() {
        let doc = r#"{"version":"https://jsonfeed.org/version/1.1","next_url":"?page=2",
            "items":[{"id":"a","title":"A","url":"/a.html","image":"img/a.jpg",
            "date_published":"2024-03-01T10:00:00.250+07:00"}]}"#;
        let base = Url::parse("https://news.example/feeds/latest.json").unwrap();
        let feed = read(doc.as_bytes(), &base).unwrap();
        let out = json_feed(&feed);
        assert_eq!(
            out["next_url"],
            "https://news.example/feeds/latest.json?page=2"
        );
        let item = &out["items"][0];
        assert_eq!(item["url"], "https://news.example/a.html");
        assert_eq!(item["image"], "https://news.example/feeds/img/a.jpg");
        assert_eq!(item["date_published"], "2024-03-01T10:00:00.250+07:00");
        assert_eq!(formats::parse(&out.to_string()).unwrap(), feed);
    }

    #[test]
    fn what_is_not_a_feed_says_why() {
        let base = Url::parse("https://news.example/").unwrap();
        assert!(matches!(read(b"  \n", &base), Err(FetchError::Empty)));
        assert!(matches!(
            read(b"{\"a\":\"\xff\"}", &base),
            Err(FetchError::NotUtf8 { at: 6 })
        ));
        assert!(matches!(read(b"<html>", &base), Err(FetchError::Format(_))));
    }
}
