//! A feed read natively the way the widget reads it in the browser: the same
//! format adapters (over `serde_json`), then every URL made absolute with the
//! WHATWG URL parser (the `url` crate) where the browser uses its own.

use article_widget::formats::{self, FormatError};
use article_widget::model::Feed;

/// The feed in `text`, its URLs resolved against `base`; without a base only
/// absolute ones are kept.
pub fn read(text: &str, base: Option<&str>) -> Result<Feed, FormatError> {
    let mut feed = formats::parse(text)?;
    feed.resolve_urls(base);
    Ok(feed)
}

/// `url` if it is an absolute URL, in its canonical form.
pub fn absolute(url: &str) -> Option<String> {
    article_widget::url::resolve(url.trim(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_need_a_base_and_only_web_urls_stay() {
        let text = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "T",
            "items": [{"id": "1", "url": "a/1.html", "title": "One", "image": "i.jpg"},
                      {"id": "2", "url": "javascript:alert(1)", "title": "Two"}]}"#;
        let feed = read(text, Some("https://news.example/feeds/feed.json")).unwrap();
        assert_eq!(
            feed.items[0].url.as_deref(),
            Some("https://news.example/feeds/a/1.html")
        );
        assert_eq!(feed.items[1].url, None);
        let feed = read(text, None).unwrap();
        assert_eq!(feed.items[0].url, None);
        assert_eq!(absolute("feed.json"), None);
    }
}
