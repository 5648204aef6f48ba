//! Any bytes as a feed: no panic, ids unique, URLs web-only.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(mut feed) = article_widget::formats::parse(text) {
        feed.resolve_urls(Some("https://news.example/feed.json"));
        let mut ids = std::collections::HashSet::new();
        for article in &feed.items {
            assert!(ids.insert(article.id.clone()), "duplicate id {}", article.id);
            if let Some(url) = &article.url {
                assert!(article_widget::url::is_web_url(url), "{url}");
            }
        }
    }
});
