//! Property tests: whatever a feed, a body or the page's storage holds, the
//! widget's plain-Rust layers never panic, and what they hand on keeps the
//! model's promises: ids unique, URLs web-only and canonical, work bounded.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};

use article_widget::body::limit::{bounded, charge, MAX_FORMATTING, MAX_TAGS};
use article_widget::formats::{self, MAX_ITEMS};
use article_widget::model::{Block, Body, Inline, ListItem};
use article_widget::source::cache::{self, is_entity_tag, Store};
use article_widget::{body, text, url};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value, with the strings feeds are made of.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        piece().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A string a feed might hold: URLs, dates, markup, text, junk.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://news.example/a".to_owned()),
        Just("/relative/path?x=1".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("data:image/png;base64,AA".to_owned()),
        Just("2021-06-25T11:15:00+07:00".to_owned()),
        Just("<p>Một <b>hai</b></p><img src=x width=1 height=1>".to_owned()),
        Just("a.jpg 300w, javascript:x 2x, b.jpg 9999999999w".to_owned()),
        ".{0,40}",
    ]
}

/// Keys that the adapters read, and others.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "url",
            "title",
            "content_html",
            "content_text",
            "summary",
            "image",
            "date_published",
            "authors",
            "name",
            "_article_widget",
            "width",
            "height",
            "caption",
            "rendered",
            "link",
            "date_gmt",
            "date",
            "_embedded",
            "author",
            "wp:featuredmedia",
            "source_url",
            "media_details",
            "sizes",
            "html",
            "feature_image",
            "published_at",
            "@type",
            "@id",
            "headline",
            "articleBody",
            "datePublished",
            "@graph",
            "itemListElement",
            "meta",
            "pagination",
            "next",
            "next_url",
        ])
        .prop_map(str::to_owned),
        "[a-z@:_]{1,8}",
    ]
}

/// Wraps items in the shape of each format the widget reads.
fn documents(items: Vec<Value>) -> Vec<Value> {
    vec![
        json!({"version": "https://jsonfeed.org/version/1.1", "items": items.clone()}),
        Value::Array(items.clone()),
        json!({"posts": items.clone(), "meta": {"pagination": {"next": 2}}}),
        json!({"@context": "https://schema.org", "@graph": items}),
    ]
}

/// Every URL a feed hands on: absolute, web, and as the parser writes it.
fn assert_canonical_web(href: &str) {
    assert!(url::is_web_url(href), "{href}");
    assert_eq!(url::resolve(href, None).as_deref(), Some(href), "canonical");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_document_reads_without_panic_and_keeps_the_models_promises(
        items in prop::collection::vec(value(), 0..6),
        repeat in 1usize..4,
    ) {
        // Items repeated: the same ids and urls more than once.
        let items: Vec<Value> = items.iter().cycle().take(items.len() * repeat).cloned().collect();
        for document in documents(items) {
            let Ok(mut feed) = formats::parse(&document.to_string()) else { continue };
            feed.resolve_urls(Some("https://news.example/feed.json"));
            prop_assert!(feed.items.len() <= MAX_ITEMS);
            let ids: HashSet<&str> = feed.items.iter().map(|a| a.id.as_str()).collect();
            prop_assert_eq!(ids.len(), feed.items.len(), "ids unique");
            for article in &feed.items {
                if let Some(href) = &article.url {
                    assert_canonical_web(href);
                }
                if let Some(image) = &article.image {
                    assert_canonical_web(&image.src);
                    let too_big = |side: Option<u32>| side.is_some_and(|s| s > 16_384);
                    prop_assert!(!too_big(image.width) && !too_big(image.height));
                    for candidate in image.srcset.iter().flat_map(|s| s.split(", ")) {
                        assert_canonical_web(candidate.split(' ').next().unwrap());
                    }
                }
            }
            if let Some(next) = &feed.next_url {
                assert_canonical_web(next);
            }
            let dates: Vec<_> = feed.items.iter().map(|a| a.published).collect();
            prop_assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
        }
    }

    #[test]
    fn any_text_is_read_without_panic(text in ".{0,300}") {
        let _ = formats::parse(&text);
        let plain = text::html_text(&text);
        prop_assert!(!plain.contains("  "));
        let _ = text::paragraphs(&text);
        let _ = url::resolve(&text, Some("https://news.example/"));
        if let Some(set) = url::srcset(&text, |u| url::web(u, Some("https://news.example/"))) {
            prop_assert!(set.split(", ").count() <= url::MAX_SRCSET);
        }
    }

    #[test]
    fn any_body_becomes_blocks_without_panic_with_web_links_and_bounded_depth(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<p>", "</p>", "<b>", "</b>", "<blockquote>", "</blockquote>", "<ul><li>", "</li></ul>",
            "<a href=\"javascript:alert(1)\">", "<a href=\"/rel\">", "</a>", "<img src=x width=1 height=1>",
            "<img src=\"a b.jpg\" alt=\"Ảnh\">", "<figure>", "<figcaption>", "</figure>", "<h2>", "</h2>",
            "<script>x</script>", "<template><p>t</p></template>", "<table><td>", "text", "Đ", "&amp;", "<",
        ]), 0..400),
    ) {
        let blocks = body::blocks(&Body::Html(parts.concat()), Some("https://news.example/a/"), 2);
        prop_assert!(depth(&blocks) <= 20, "nesting is bounded");
        check_links(&blocks);
    }

    #[test]
    fn what_is_parsed_of_a_body_is_bounded(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<b>", "<font id=x>", "</b>", "<p>", "</p>", "</br>", "text", "<i class=a>", "<!--", "-->",
            "< ", "<a href=x>", "Đ", "<span>", "<div>", "</div>", "<img src=x>",
        ]), 0..6_000),
    ) {
        let html = parts.concat();
        let cut = bounded(&html);
        prop_assert!(html.starts_with(cut));
        let (tags, reopened) = charge(cut);
        prop_assert!(tags <= MAX_TAGS && reopened <= MAX_FORMATTING, "{tags} tags, {reopened} reopened");
        if cut.len() < html.len() {
            // Cut right before the tag that went over.
            let with_next = &html[..cut.len() + 1 + html[cut.len() + 1..].find('<').unwrap_or(html.len() - cut.len() - 1)];
            let (tags, reopened) = charge(with_next);
            prop_assert!(tags > MAX_TAGS || reopened > MAX_FORMATTING);
        }
    }

    #[test]
    fn any_cache_entry_is_read_without_panic_and_never_trusted_blindly(
        index in prop::collection::vec((any::<u64>(), any::<u16>(), piece()), 0..4),
        entry in ".{0,80}",
        url_of in 0usize..4,
        now in any::<u64>(),
    ) {
        let store = Memory::default();
        let lines: Vec<String> = index.iter().map(|(at, size, u)| format!("{at} {size} {u}")).collect();
        store.set(article_widget::contract::CACHE_INDEX, &lines.join("\n"));
        let url = index.get(url_of).map_or("https://news.example/a".to_owned(), |(_, _, u)| u.clone());
        store.set(&format!("{}{url}", article_widget::contract::CACHE_PREFIX), &entry);
        if let Some(read) = cache::read(&store, &url, now) {
            prop_assert!(read.saved_at <= now, "nothing from the future");
            prop_assert!(read.etag.as_deref().is_none_or(is_entity_tag));
        }
        cache::write(&store, &url, &cache::Entry { etag: None, next_page: None, text: entry, saved_at: now });
        cache::touch(&store, &url, now);
        cache::forget(&store, &url);
    }
}

/// How deeply blocks nest.
fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match block {
            Block::Quote(inner) => 1 + depth(inner),
            Block::List { items, .. } => {
                1 + items
                    .iter()
                    .map(|item| match item {
                        ListItem::Blocks(inner) => depth(inner),
                        ListItem::Inline(_) => 0,
                    })
                    .max()
                    .unwrap_or(0)
            }
            _ => 1,
        })
        .max()
        .unwrap_or(0)
}

/// Every link is an allowed URL in its canonical form, every image a web URL.
fn check_links(blocks: &[Block]) {
    fn inlines(content: &[Inline]) {
        for inline in content {
            match inline {
                Inline::Link { href, content } => {
                    assert!(url::is_link_url(href), "{href}");
                    assert_eq!(url::resolve(href, None).as_deref(), Some(href.as_str()));
                    inlines(content);
                }
                Inline::Emphasis(content) | Inline::Strong(content) => inlines(content),
                _ => {}
            }
        }
    }
    for block in blocks {
        match block {
            Block::Paragraph(content) | Block::Heading { content, .. } => inlines(content),
            Block::Quote(inner) => check_links(inner),
            Block::List { items, .. } => items.iter().for_each(|item| match item {
                ListItem::Inline(content) => inlines(content),
                ListItem::Blocks(inner) => check_links(inner),
            }),
            Block::Figure { image, caption } => {
                assert_canonical_web(&image.src);
                inlines(caption);
            }
            Block::Preformatted(_) | Block::Rule => {}
        }
    }
}

/// `localStorage` in memory.
#[derive(Default)]
struct Memory(RefCell<BTreeMap<String, String>>);

impl Store for Memory {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }
    fn set(&self, key: &str, value: &str) -> bool {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        true
    }
    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
    fn keys(&self) -> Vec<String> {
        self.0.borrow().keys().cloned().collect()
    }
}
