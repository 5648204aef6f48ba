//! RSS and Atom through `formats::parse` (`roxmltree`): every gofeed parser
//! case reads as a feed or as a format error, never a panic; gofeed's
//! translator cases are the oracle for which element becomes the title,
//! link, date, authors and image; and `expected.txt` records each result
//! for the browser test that reads the same files with `DOMParser`.
//! Fixtures and their licence are in `tests/fixtures/rss-atom/`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use article_widget::formats::{parse, FormatError};
use article_widget::model::Feed;
use article_widget::timestamp::Timestamp;
use serde_json::Value;

const DIR: &str = "tests/fixtures/rss-atom";

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(DIR)
        .join(relative)
}

/// The text as the browser hands it over: invalid UTF-8 as U+FFFD.
fn read(relative: &str) -> String {
    let bytes = fs::read(path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn index() -> Vec<String> {
    read("index.txt")
        .lines()
        .map(|l| format!("gofeed/{l}"))
        .collect()
}

/// One line of `expected.txt`: the result as the browser test compares it.
/// Parse errors are compared by kind only: the two parsers word them apart.
fn outcome(result: &Result<Feed, FormatError>) -> String {
    match result {
        Ok(feed) => format!("{feed:?}"),
        Err(FormatError::InvalidXml { .. }) => "InvalidXml".to_owned(),
        Err(other) => format!("{other:?}"),
    }
}

#[test]
fn every_parser_case_reads_as_a_feed_or_a_format_error() {
    let files = index();
    assert!(files.len() > 500, "{}", files.len());
    let mut lines = Vec::new();
    let (mut feeds, mut errors) = (0, Vec::new());
    for file in &files {
        let text = read(file);
        let result = std::panic::catch_unwind(|| parse(&text))
            .unwrap_or_else(|_| panic!("{file}: the parser panicked"));
        match &result {
            Ok(_) => feeds += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                errors.push(format!("{file}: {e}"));
            }
        }
        lines.push(format!("{file}\t{}", outcome(&result)));
    }
    // The cases that are not well-formed XML on purpose (undeclared
    // prefixes, unknown entities), and nothing else.
    for error in &errors {
        assert!(error.contains("not valid XML"), "{error}");
    }
    assert!(errors.len() <= 10, "{}", errors.join("\n"));
    assert_eq!(feeds + errors.len(), files.len());
    let expected = lines.join("\n") + "\n";
    let expected_path = path("expected.txt");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        fs::write(&expected_path, &expected).unwrap();
    }
    let recorded = fs::read_to_string(&expected_path).unwrap_or_default();
    assert!(
        recorded == expected,
        "tests/fixtures/rss-atom/expected.txt is out of date: run UPDATE_EXPECTED=1 cargo test --test rss_atom"
    );
}

/// What gofeed's translator said about one item, and what the widget read.
#[derive(Debug, Default, PartialEq)]
struct Fields {
    title: Option<String>,
    link: Option<String>,
    date: Option<i64>,
    authors: Vec<String>,
    image: Option<String>,
}

fn gofeed_date(value: &Value) -> Option<i64> {
    let text = value["publishedParsed"]
        .as_str()
        .or_else(|| value["updatedParsed"].as_str())?;
    Timestamp::parse_rfc3339(text).map(|t| t.epoch_ms)
}

fn gofeed_item(item: &Value) -> Fields {
    Fields {
        title: item["title"].as_str().map(str::to_owned),
        link: item["link"].as_str().map(str::to_owned),
        date: gofeed_date(item),
        authors: item["authors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["name"].as_str())
            .map(str::to_owned)
            .collect(),
        image: item["image"]["url"].as_str().map(str::to_owned),
    }
}

/// `<title>Untitled</title>` as the first child of the `n`th `item` or
/// `entry` when `untitled[n]`, in the namespace its unprefixed children are in.
fn with_titles(text: &str, untitled: &[bool]) -> String {
    let mut out = String::new();
    let mut index = 0;
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let tag = &rest[at..];
        let is_item = ["<item", "<entry"]
            .iter()
            .any(|open| tag.starts_with(open) && tag[open.len()..].starts_with([' ', '>', '\n']));
        let end = tag.find('>').map_or(tag.len(), |e| e + 1);
        out.push_str(&rest[..at + end]);
        if is_item {
            if untitled.get(index) == Some(&true) && !tag[..end].ends_with("/>") {
                out.push_str("<title>Untitled</title>");
            }
            index += 1;
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    out
}

/// Differences between gofeed and the widget that are accepted, each with
/// its reason: `file: field: gofeed …, widget …`.
const ACCEPTED: &[(&str, &str)] = &[
    (
        "gofeed/extensions/dublincore/dublincore_item_multiple_values.xml: authors: gofeed [\"Alice\"], widget [\"Alice\", \"Bob\"]",
        "every dc:creator is an author of the byline; gofeed keeps the first",
    ),
    (
        "gofeed/translator/rss/feed_links_-_rdf_channel_links.xml: feed link: gofeed Some(\"http://example3.org\"), widget Some(\"http://example.org\")",
        "RSS has one channel link, as text; of several, the widget takes the first, gofeed the last (an href attribute RSS does not define)",
    ),
    (
        "gofeed/translator/rss/feed_links_-_rss_channel_links.xml: feed link: gofeed Some(\"http://example3.org\"), widget Some(\"http://example.org\")",
        "as above, RSS 2.0",
    ),
    (
        "gofeed/translator/rss/feed_item_links_-_rss_channel_item_links.xml: link: gofeed Some(\"http://example3.org\"), widget Some(\"http://example.org\")",
        "as above, for an item's link",
    ),
];

#[test]
fn translator_cases_name_the_same_fields_as_gofeed() {
    let mut differences = Vec::new();
    let mut compared = 0;
    for file in index().iter().filter(|f| !f.starts_with("gofeed/parser/")) {
        let oracle: Value = serde_json::from_str(&read(&file.replace(".xml", ".json")))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut text = read(file);
        let untitled: Vec<bool> = oracle["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|i| i["title"].is_null())
            .collect();
        // The widget skips an item with nothing to show (no headline, text
        // or image), as gofeed's one-field cases are: a title keeps each on
        // screen so that its other fields can be compared.
        text = with_titles(&text, &untitled);
        let feed = match parse(&text) {
            Ok(feed) => feed,
            Err(e) => {
                differences.push(format!("{file}: error {e}"));
                continue;
            }
        };
        let differ =
            |differences: &mut Vec<String>, field: &str, gofeed: String, widget: String| {
                if gofeed != widget {
                    differences.push(format!("{file}: {field}: gofeed {gofeed}, widget {widget}"));
                }
            };
        if let Some(title) = oracle["title"].as_str() {
            differ(
                &mut differences,
                "feed title",
                format!("{:?}", Some(title)),
                format!("{:?}", feed.title.as_deref()),
            );
        }
        if let Some(link) = oracle["link"].as_str() {
            differ(
                &mut differences,
                "feed link",
                format!("{:?}", Some(link)),
                format!("{:?}", feed.home_url.as_deref()),
            );
        }
        let named: Vec<Fields> = oracle["items"]
            .as_array()
            .into_iter()
            .flatten()
            .map(gofeed_item)
            .filter(|f| *f != Fields::default())
            .collect();
        for (index, expected) in named.iter().enumerate() {
            compared += 1;
            // The widget orders items newest first; gofeed keeps the
            // document's order. Undated items keep theirs in both.
            let Some(article) = feed
                .items
                .iter()
                .find(|a| {
                    expected.link.is_some() && a.url == expected.link
                        || expected.title.as_ref().is_some_and(|t| a.headline == *t)
                })
                .or_else(|| feed.items.get(index))
            else {
                differences.push(format!(
                    "{file}: item {index}: gofeed {expected:?}, widget none"
                ));
                continue;
            };
            let got = Fields {
                title: expected.title.as_ref().map(|_| article.headline.clone()),
                link: article.url.clone(),
                date: article.published.map(|t| t.epoch_ms),
                authors: article.authors.clone(),
                image: article.image.as_ref().map(|i| i.src.clone()),
            };
            for (field, gofeed, widget) in [
                (
                    "title",
                    format!("{:?}", expected.title),
                    format!("{:?}", got.title),
                ),
                (
                    "link",
                    format!("{:?}", expected.link),
                    format!("{:?}", got.link),
                ),
                (
                    "date",
                    format!("{:?}", expected.date),
                    format!("{:?}", got.date),
                ),
                (
                    "authors",
                    format!("{:?}", expected.authors),
                    format!("{:?}", got.authors),
                ),
                (
                    "image",
                    format!("{:?}", expected.image),
                    format!("{:?}", got.image),
                ),
            ] {
                differ(&mut differences, field, gofeed, widget);
            }
        }
    }
    assert!(compared > 25, "{compared}");
    let unexpected: Vec<&String> = differences
        .iter()
        .filter(|d| !ACCEPTED.iter().any(|(a, _)| d == a))
        .collect();
    let stale: Vec<&&str> = ACCEPTED
        .iter()
        .map(|(a, _)| a)
        .filter(|a| !differences.iter().any(|d| d == *a))
        .collect();
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "differences not accepted:\n{}\n\naccepted but gone:\n{}",
        unexpected
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        stale.iter().map(|d| **d).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn billion_laughs_malformed_xml_and_an_html_page_are_format_errors() {
    let err = parse(&read("billion-laughs.xml")).unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::XmlEntities {
                line: 4,
                column: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("entities within entities"),
        "{err}"
    );
    let err = parse(&read("malformed.xml")).unwrap_err();
    assert!(
        matches!(err, FormatError::InvalidXml { line: 6, .. }),
        "{err:?}"
    );
    assert_eq!(parse(&read("html-page.xml")), Err(FormatError::WebPage));
    // An XHTML page is well-formed XML: its root gives it away.
    assert_eq!(
        parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>"),
        Err(FormatError::WebPage)
    );
    assert_eq!(
        parse("<?xml version=\"1.0\"?><opml version=\"2.0\"/>")
            .unwrap_err()
            .to_string(),
        "This is XML, but not an RSS or Atom feed: the root element is <opml>."
    );
}
