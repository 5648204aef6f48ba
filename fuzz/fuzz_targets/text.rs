//! Any text through the leaves a feed's strings pass: no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = article_widget::text::html_text(text);
    let _ = article_widget::text::paragraphs(text);
    let _ = article_widget::body::limit::bounded(text);
    let base = Some("https://news.example/");
    let _ = article_widget::url::srcset(text, |u| article_widget::url::web(u, base));
});
