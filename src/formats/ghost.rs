//! Ghost Content API posts (`/ghost/api/content/posts/?include=authors,tags`):
//! `{"posts": […], "meta": {…}}`. Titles, excerpts and names are plain text
//! there; `html` is the body and `feature_image_caption` is HTML, read as text.
//! Ghost states every date in UTC (`+00:00`), so that is the offset shown.

use std::rc::Rc;

use serde::Deserialize;
use serde_json::Value;

use super::{
    date_time, headline, html_line, id_text, lenient, lenient_vec, line, newest_first,
    server_message, shown, FormatError,
};
use crate::model::{Article, Body, Feed, Image};

/// `{"posts": [...]}`, or Ghost's error document
/// `{"errors": [{"message": "…", "type": "UnauthorizedError"}]}`.
pub fn detect(value: &Value) -> bool {
    value.get("posts").is_some_and(Value::is_array) || first_error(value).is_some()
}

fn first_error(value: &Value) -> Option<&Value> {
    let error = value.get("errors")?.get(0)?;
    let text = |key| error.get(key).is_some_and(Value::is_string);
    (text("message") && text("type")).then_some(error)
}

#[derive(Deserialize)]
struct Document {
    #[serde(default, deserialize_with = "lenient_vec")]
    posts: Vec<Value>,
}

#[derive(Deserialize)]
struct ErrorObject {
    #[serde(default, deserialize_with = "lenient")]
    message: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    context: Option<String>,
    #[serde(rename = "type", default, deserialize_with = "lenient")]
    kind: Option<String>,
}

#[derive(Deserialize)]
struct Post {
    #[serde(default, deserialize_with = "lenient")]
    id: Option<Value>,
    #[serde(default, deserialize_with = "lenient")]
    uuid: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    url: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    title: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    html: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    plaintext: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    custom_excerpt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    excerpt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    feature_image: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    feature_image_alt: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    feature_image_caption: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    published_at: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    updated_at: Option<String>,
    #[serde(default, deserialize_with = "lenient_vec")]
    authors: Vec<Named>,
    #[serde(default, deserialize_with = "lenient")]
    primary_author: Option<Named>,
    #[serde(default, deserialize_with = "lenient")]
    primary_tag: Option<Named>,
}

/// An author or a tag: only the name is read.
#[derive(Deserialize)]
struct Named {
    #[serde(default, deserialize_with = "lenient")]
    name: Option<String>,
}

/// Converts detected Ghost JSON. Posts with nothing to show are skipped; an
/// error document is [`FormatError::Api`].
pub fn adapt(value: Value) -> Result<Feed, FormatError> {
    if value.get("posts").is_none() {
        if let Some(error) = first_error(&value) {
            let error: Option<ErrorObject> = serde_json::from_value(error.clone()).ok();
            let (message, context, kind) = error
                .map(|e| (e.message, e.context, e.kind))
                .unwrap_or_default();
            let message = match (message, line(context.as_deref())) {
                (Some(message), Some(context)) => Some(format!(
                    "{}: {context}",
                    message.trim_end_matches(['.', ' '])
                )),
                (message, context) => message.or(context),
            };
            return Err(FormatError::Api {
                api: "Ghost",
                message: server_message(message.as_deref()),
                code: line(kind.as_deref()),
                status: None,
            });
        }
    }
    let Ok(document) = serde_json::from_value::<Document>(value) else {
        return Ok(Feed::default());
    };
    let mut feed = Feed::default();
    for (index, raw) in document.posts.into_iter().enumerate() {
        let Ok(post) = serde_json::from_value::<Post>(raw) else {
            continue;
        };
        if let Some(article) = article(post, index) {
            feed.items.push(Rc::new(article));
        }
    }
    newest_first(&mut feed);
    Ok(feed)
}

fn article(post: Post, index: usize) -> Option<Article> {
    let body = match (&post.html, &post.plaintext) {
        (Some(html), _) if !html.trim().is_empty() => Body::from_html(html),
        (_, Some(text)) => Body::from_text(text),
        _ => Body::Empty,
    };
    let summary = line(post.custom_excerpt.as_deref()).or_else(|| line(post.excerpt.as_deref()));
    let headline = headline(line(post.title.as_deref()), summary.as_deref(), &body);
    let mut authors: Vec<String> = post
        .authors
        .into_iter()
        .filter_map(|a| line(a.name.as_deref()))
        .collect();
    if authors.is_empty() {
        authors.extend(post.primary_author.and_then(|a| line(a.name.as_deref())));
    }
    let image = line(post.feature_image.as_deref()).map(|src| Image {
        src,
        alt: line(post.feature_image_alt.as_deref()).unwrap_or_default(),
        caption: html_line(post.feature_image_caption.as_deref()),
        ..Image::default()
    });
    let url = line(post.url.as_deref());
    shown(Article {
        id: post
            .id
            .as_ref()
            .and_then(id_text)
            .or_else(|| line(post.uuid.as_deref()))
            .or_else(|| url.clone())
            .unwrap_or_else(|| index.to_string()),
        url,
        headline,
        summary,
        published: date_time(post.published_at.as_deref()),
        updated: date_time(post.updated_at.as_deref()),
        authors,
        section: post.primary_tag.and_then(|t| line(t.name.as_deref())),
        language: None,
        dateline: None,
        image,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::parse;

    const SAMPLE: &str = include_str!("../../sample/ghost.json");

    #[test]
    fn the_sample_carries_the_seed_article_in_utc() {
        let feed = parse(SAMPLE).unwrap();
        let seed = &feed.items[0];
        assert!(seed
            .headline
            .starts_with("Lạng Sơn: Bảo vệ nền tảng tư tưởng của Đảng"));
        let published = seed.published.unwrap();
        assert_eq!(published.epoch_ms, 1_624_594_500_000);
        assert_eq!(published.offset_minutes, 0);
        assert_eq!(seed.authors, ["P.V"]);
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        let image = seed.image.as_ref().unwrap();
        assert_eq!(image.alt, "Các đại biểu dự Hội nghị");
        assert_eq!(image.caption.as_deref(), Some("Các đại biểu dự Hội nghị"));
        let Body::Html(html) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert!(html.matches("<p>").count() >= 4, "{html}");
        assert!(html.contains("<p>Ngày 23/6, Ban Chỉ đạo"));
    }

    #[test]
    fn plaintext_is_the_body_when_there_is_no_html_and_empty_posts_are_skipped() {
        let feed = parse(
            r#"{"posts": [{"id": "a", "plaintext": "First paragraph.\n\nSecond."},
                          {"id": "b", "html": "", "title": " "},
                          {"id": "c", "title": "Older", "published_at": "2001-01-01T00:00:00.000+00:00"},
                          {"id": "d", "title": "Newer", "published_at": "2002-01-01T00:00:00.000+00:00"}]}"#,
        )
        .unwrap();
        let shown: Vec<_> = feed
            .items
            .iter()
            .map(|a| (a.id.as_str(), a.headline.as_str()))
            .collect();
        assert_eq!(
            shown,
            [("d", "Newer"), ("c", "Older"), ("a", "First paragraph.")]
        );
    }
}
