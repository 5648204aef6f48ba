//! Documents through `formats::parse`: real WordPress responses from
//! frontity, JSON Feeds from gofeed, hand-written Ghost and JSON-LD documents
//! in the APIs' documented shapes, every JSONTestSuite parsing case, and the
//! `_article_widget` extension's JSON Schema against the sample feed.
//! Fixtures and their licences are in `tests/fixtures/formats/`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use article_widget::formats::{parse, FormatError};
use article_widget::model::{Body, Feed};

fn fixture_path(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn fixture(path: &str) -> String {
    let path = fixture_path(&format!("tests/fixtures/formats/{path}"));
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn feed(path: &str) -> Feed {
    parse(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn headlines(feed: &Feed) -> Vec<&str> {
    feed.items.iter().map(|a| a.headline.as_str()).collect()
}

#[test]
fn frontity_posts_array_newest_first_with_embedded_authors_and_images() {
    let feed = feed("frontity/posts.json");
    assert_eq!(
        headlines(&feed),
        [
            "Hello world!",
            "Veniam reiciendis esse aliquid",
            "Eum ipsum eos sit sed sint"
        ]
    );
    let hello = &feed.items[0];
    assert_eq!(hello.id, "1");
    assert_eq!(
        hello.url.as_deref(),
        Some("http://frontity.test/hello-world/")
    );
    assert_eq!(hello.published.unwrap().to_string(), "2019-03-11T11:46:53Z");
    assert_eq!(hello.authors, ["admin"]);
    assert_eq!(hello.section, None, "Uncategorized is no section");
    assert_eq!(
        hello.summary.as_deref(),
        Some(
            "Welcome to WordPress. This is your first post. Edit or delete it, then start writing!"
        )
    );
    let veniam = &feed.items[1];
    assert_eq!(
        veniam.image.as_ref().unwrap().src,
        "http://frontity.test/wp-content/uploads/2019/04/f561cebe-f042-37cc-ba31-cf202fb98a1b.jpg"
    );
    assert_eq!(
        veniam.section.as_deref(),
        Some("Beatae numquam tempore ut aut architecto dolor adipisci asperiores distinctio facere perferendis")
    );
}

#[test]
fn frontity_single_post_with_its_featured_image_sizes() {
    let feed = feed("frontity/post-60.json");
    assert_eq!(feed.items.len(), 1);
    let post = &feed.items[0];
    assert_eq!(post.headline, "The Beauties of Gullfoss");
    assert_eq!(
        post.summary.as_deref(),
        Some("Gullfoss is a waterfall located in the canyon of the Hvítá river in southwest Iceland.")
    );
    assert_eq!(post.authors, ["Alan Martin"]);
    assert_eq!(post.section.as_deref(), Some("Photography"));
    assert_eq!(post.published.unwrap().to_string(), "2016-11-25T18:31:11Z");
    let Body::Html(html) = &post.body else {
        panic!("{:?}", post.body)
    };
    assert!(html.contains("<p>"), "{html}");
    let image = post.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://demo.worona.org/wp-content/uploads/2016/11/Iceland-test.jpg"
    );
    assert_eq!(image.alt, "iceland");
    assert_eq!(image.caption, None);
    assert_eq!((image.width, image.height), (Some(5000), Some(3025)));
    let base = "https://demo.worona.org/wp-content/uploads/2016/11/Iceland-test";
    assert_eq!(
        image.srcset.as_deref(),
        Some(
            format!(
                "{base}-300x182.jpg 300w, {base}-768x465.jpg 768w, {base}-1024x620.jpg 1024w, \
                 {base}-1200x726.jpg 1200w, {base}.jpg 5000w"
            )
            .as_str()
        ),
        "the square 150×150 thumbnail is a crop and stays out"
    );
}

#[test]
fn frontity_titles_have_their_entities_decoded() {
    let feed = feed("frontity/posts-from-category-7-page-2.json");
    assert_eq!(
        headlines(&feed),
        [
            "Machu Picchu",
            "Discovering Iceland",
            "Switzerland’s Mountains",
            "Somewhere in Romania",
            "The Land of Fire & Ice"
        ]
    );
    assert_eq!(
        feed.items[3].summary.as_deref().unwrap(),
        "Tourism in Romania is focused on the country’s natural landscapes and its history, and forms an important component of the economy of Romania. In 2014, Romania had 32,500 companies which were active in the hotel and restaurant industry, with a total turnover of EUR 2.6 billion."
    );
    let first_page = self::feed("frontity/posts-from-category-7.json");
    assert_eq!(first_page.items.len(), 5);
    assert_eq!(first_page.items[1].authors, ["Luis Herranz"]);
    assert_eq!(first_page.items[1].image.as_ref().unwrap().alt, "canyon");
}

#[test]
fn frontity_page_reads_like_a_post() {
    let feed = feed("frontity/page-211.json");
    let page = &feed.items[0];
    assert_eq!(page.headline, "Audio TEST");
    assert_eq!(page.authors, ["David Arenas"]);
    let Body::Html(html) = &page.body else {
        panic!("{:?}", page.body)
    };
    assert!(html.starts_with("<p>Lorem ipsum dolor sit amet"), "{html}");
}

#[test]
fn frontity_mocks_without_title_or_text_are_an_empty_feed() {
    for path in [
        "frontity/handlers-post-type-post-1.json",
        "frontity/handlers-post-archive-posts.json",
    ] {
        assert!(feed(path).items.is_empty(), "{path}");
    }
}

#[test]
fn a_wordpress_user_list_is_not_a_feed() {
    let err = parse(&fixture("frontity/author-list.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This is JSON, but not an article feed: an array of 5 whose first is an object. \
         article-widget reads JSON Feed, WordPress, Ghost, schema.org, RSS and Atom."
    );
}

#[test]
fn gofeed_json_feed_1_0_and_1_1() {
    for path in [
        "gofeed/parser__json__version_json_10.json",
        "gofeed/parser__json__version_json_11.json",
        "gofeed/parser__json__version_json_11_deprecated_author.json",
        "gofeed/translator__json__json10_full.json",
        "gofeed/translator__json__json11_full.json",
    ] {
        let feed = feed(path);
        assert_eq!(feed.title.as_deref(), Some("title"), "{path}");
        let item = &feed.items[0];
        assert_eq!(item.headline, "title", "{path}");
        assert_eq!(
            item.url.as_deref(),
            Some("https://sample-json-feed.com/id"),
            "{path}"
        );
        assert_eq!(item.authors, ["author_name"], "{path}");
        assert_eq!(item.section.as_deref(), Some("tag1"), "{path}");
        assert_eq!(item.summary.as_deref(), Some("summary"), "{path}");
        assert_eq!(
            item.body,
            Body::Html("<p>content_html</p>".into()),
            "{path}"
        );
        assert_eq!(
            item.image.as_ref().unwrap().src,
            "https://sample-json-feed.com/image.png",
            "{path}"
        );
        let published = item.published.unwrap();
        assert_eq!(published.to_string(), "2019-10-12T07:20:50Z", "{path}");
        assert_eq!(published.epoch_ms % 1000, 520, "{path}");
    }
    assert_eq!(
        feed("gofeed/parser__json__version_json_10.json")
            .next_url
            .as_deref(),
        Some("https://sample-json-feed.com/feed.json?next=500")
    );
}

#[test]
fn gofeed_simple_feed_without_title_or_id() {
    let feed = feed("gofeed/translator__json__json10_simple.json");
    let item = &feed.items[0];
    assert_eq!(item.id, "0");
    assert_eq!(item.headline, "content_text");
    assert_eq!(item.body.paragraphs(), ["content_text"]);
    assert_eq!(
        item.image.as_ref().unwrap().src,
        "https://sample-json-feed.com/banner_image.png"
    );
}

#[test]
fn gofeed_items_null_is_an_empty_feed() {
    let comprehensive = feed("gofeed/render__comprehensive_feed.json");
    assert_eq!(
        comprehensive.title.as_deref(),
        Some("Comprehensive JSON Feed")
    );
    assert!(comprehensive.items.is_empty());
    let minimal = feed("gofeed/render__minimal_feed.json");
    assert_eq!(minimal.title.as_deref(), Some("Test Feed"));
    assert!(minimal.items.is_empty());
}

#[test]
fn gofeed_items_sort_newest_first_and_authors_are_not_doubled() {
    let feed = feed("gofeed/render__feed_with_comprehensive_items.json");
    assert_eq!(
        headlines(&feed),
        [
            "Simple Item",
            "Comprehensive Item",
            "Item with only HTML content"
        ]
    );
    let rich = &feed.items[1];
    assert_eq!(rich.authors, ["Item Author", "Co-Author"]);
    assert_eq!(rich.language.as_deref(), Some("en-US"));
    assert_eq!(
        rich.body,
        Body::Html("<p>Rich HTML content for the item</p>".into())
    );
    assert_eq!(feed.items[2].published, None);
}

#[test]
fn gofeed_truncated_document_is_invalid_json_that_says_where() {
    let err = parse(&fixture("gofeed/parser__json__invalid__invalid.json")).unwrap_err();
    assert_eq!(
        err,
        FormatError::InvalidJson {
            message: "EOF while parsing an object".into(),
            line: 3,
            column: 0,
        }
    );
    assert_eq!(
        err.to_string(),
        "The feed is not valid JSON: EOF while parsing an object (line 3, column 0)."
    );
}

#[test]
fn ghost_posts_with_authors_tags_and_an_html_caption() {
    let feed = feed("ghost/posts.json");
    assert_eq!(headlines(&feed), ["Writing posts with Ghost ✍️", "Welcome"]);
    let welcome = &feed.items[1];
    assert_eq!(welcome.id, "5ddc9141c35e7700383b2937");
    assert_eq!(
        welcome.url.as_deref(),
        Some("https://docs.ghost.io/welcome-short/")
    );
    assert_eq!(
        welcome.published.unwrap().to_string(),
        "2019-11-26T02:44:17Z"
    );
    assert_eq!(welcome.authors, ["Ghost"]);
    assert_eq!(welcome.section.as_deref(), Some("Getting Started"));
    assert!(welcome
        .summary
        .as_deref()
        .unwrap()
        .starts_with("👋 Welcome, it's great to have you here."));
    let image = welcome.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://static.ghost.org/v3.0.0/images/welcome-to-ghost.png"
    );
    assert_eq!(image.alt, "");
    assert_eq!(image.caption.as_deref(), Some("Photo by Ghost / Unsplash"));

    let writing = &feed.items[0];
    assert_eq!(
        writing.summary.as_deref(),
        Some("How to write in the editor, in one minute."),
        "custom_excerpt wins over the generated excerpt"
    );
    assert_eq!(writing.authors, ["Ghost", "Hannah Wolfe"]);
    assert_eq!(writing.section, None);
    assert_eq!(writing.image, None);
    assert_eq!(writing.updated.unwrap().to_string(), "2019-11-28T10:30:00Z");
}

#[test]
fn a_ghost_error_says_what_ghost_said() {
    let err = parse(&fixture("ghost/error-unknown-key.json")).unwrap_err();
    assert_eq!(
        err,
        FormatError::Api {
            api: "Ghost",
            message: "Authorization failed: Unknown Content API Key".into(),
            code: Some("UnauthorizedError".into()),
            status: None,
        }
    );
    assert_eq!(
        err.to_string(),
        "Ghost answered with an error instead of articles: \
         “Authorization failed: Unknown Content API Key” (UnauthorizedError)."
    );
}

#[test]
fn json_ld_news_article_with_every_shape_of_property() {
    let feed = feed("jsonld/news-article.json");
    let a = &feed.items[0];
    assert_eq!(a.id, "2024-0910-floods");
    assert_eq!(a.headline, "Floods cut roads across the northern provinces");
    assert_eq!(
        a.summary.as_deref(),
        Some("Rivers rose overnight after three days of rain.")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.example/2024/09/10/floods")
    );
    assert_eq!(a.dateline.as_deref(), Some("HANOI"));
    assert_eq!(a.authors, ["An Nguyen", "Bao Tran", "VNA"]);
    assert_eq!(
        a.published.unwrap().to_string(),
        "2024-09-10T08:00:00+07:00"
    );
    assert_eq!(a.updated.unwrap().to_string(), "2024-09-10T10:45:00+07:00");
    assert_eq!(a.section.as_deref(), Some("World"));
    assert_eq!(a.language.as_deref(), Some("en"));
    let Body::Text(_) = &a.body else {
        panic!("{:?}", a.body)
    };
    assert_eq!(a.body.paragraphs().len(), 2);
    let image = a.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://img.news.example/2024/09/floods-1200.jpg"
    );
    assert_eq!(
        image.caption.as_deref(),
        Some("A flooded street in Yên Bái")
    );
    assert_eq!(
        image.alt,
        "Water up to the doors of houses on a flooded street"
    );
    assert_eq!(image.credit.as_deref(), Some("Reuters"));
    assert_eq!((image.width, image.height), (Some(1200), Some(800)));
}

#[test]
fn json_ld_graph_with_references_as_yoast_writes_it() {
    let feed = feed("jsonld/yoast-graph.json");
    assert_eq!(feed.items.len(), 1);
    let a = &feed.items[0];
    assert_eq!(a.id, "https://blog.example/2023/05/spring-notes/#article");
    assert_eq!(a.headline, "Spring notes from the highlands");
    assert_eq!(
        a.url.as_deref(),
        Some("https://blog.example/2023/05/spring-notes/")
    );
    assert_eq!(a.authors, ["Minh Thu"]);
    assert_eq!(a.section.as_deref(), Some("Travel"));
    assert_eq!(a.language.as_deref(), Some("vi"));
    assert_eq!(a.published.unwrap().to_string(), "2023-05-01T03:00:00Z");
    let image = a.image.as_ref().unwrap();
    assert_eq!(
        image.src,
        "https://blog.example/wp-content/uploads/2023/05/terraces.jpg"
    );
    assert_eq!(
        image.caption.as_deref(),
        Some("Rice terraces in Mù Cang Chải")
    );
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));
}

#[test]
fn json_ld_item_list_newest_first_with_relative_urls_kept() {
    let feed = feed("jsonld/item-list.json");
    assert_eq!(
        headlines(&feed),
        [
            "Newer report",
            "Older post",
            "A story known only by its description"
        ]
    );
    assert_eq!(feed.items[0].url.as_deref(), Some("/news/newer"));
    assert_eq!(feed.items[1].image.as_ref().unwrap().src, "/img/older.jpg");
    assert_eq!(feed.items[2].published, None);
}

#[test]
fn every_json_test_suite_parsing_case_is_handled_and_every_n_case_rejected() {
    let dir = fixture_path("tests/fixtures/formats/jsontestsuite/test_parsing");
    let mut seen = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The browser hands the widget text: invalid UTF-8 arrives as U+FFFD.
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        let result =
            std::panic::catch_unwind(|| parse(&text)).unwrap_or_else(|_| panic!("{name} panicked"));
        if name.starts_with("n_") {
            assert!(result.is_err(), "{name} was accepted: {result:?}");
        }
        seen += 1;
    }
    assert_eq!(seen, 318);
}

#[test]
fn the_sample_feeds_extension_objects_follow_the_published_schema() {
    let schema_path = fixture_path("schema/article-widget-extension.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&schema_path).unwrap()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let url = "urn:article-widget:extension";
    compiler.add_resource(url, schema).unwrap();
    let extension = compiler.compile(url, &mut schemas).unwrap();

    let sample: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(fixture_path("sample/feed.json")).unwrap())
            .unwrap();
    let objects: Vec<&serde_json::Value> = sample["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item.get("_article_widget"))
        .collect();
    assert!(objects.len() >= 2);
    for object in objects {
        if let Err(e) = schemas.validate(object, extension) {
            panic!("{object}: {e}");
        }
    }

    for wrong in [
        r#"{"image": {"width": "wide"}}"#,
        r#"{"image": {"captoin": "typo"}}"#,
        r#"{"dateline_tz": "GMT+7"}"#,
        r#"{"section": 5}"#,
    ] {
        let wrong: serde_json::Value = serde_json::from_str(wrong).unwrap();
        assert!(
            schemas.validate(&wrong, extension).is_err(),
            "{wrong} passed"
        );
    }
}
