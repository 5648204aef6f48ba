//! Ghost Content API posts (`/ghost/api/content/posts/?include=authors,tags`):
//! `{"posts": […], "meta": {…}}`. Titles, excerpts and names are plain text
//! there; `html` is the body and `feature_image_caption` is HTML, read as text.
//! Ghost states every date in UTC (`+00:00`), so that is the offset shown.

use std::rc::Rc;

use super::{
    date_time, headline, html_line, later_items, server_message, Adapted, FormatError, Kind, Node,
    Read,
};
use crate::model::{Article, Body, Image};
use crate::timestamp::Timestamp;

/// `{"posts": [...]}`, or Ghost's error document
/// `{"errors": [{"message": "…", "type": "UnauthorizedError"}]}`.
pub fn detect<N: Node>(value: &N) -> bool {
    value
        .field("posts")
        .is_some_and(|p| p.kind() == Kind::Array)
        || first_error(value).is_some()
}

fn first_error<N: Node>(value: &N) -> Option<N> {
    let error = value.list("errors").into_iter().next()?;
    let text = |key| error.field(key).is_some_and(|v| v.kind() == Kind::String);
    (text("message") && text("type")).then_some(error)
}

/// Converts detected Ghost JSON. Posts with nothing to show are skipped; an
/// error document is [`FormatError::Api`].
pub fn adapt<'a, N: Node + 'a>(value: N) -> Result<Adapted<'a>, FormatError> {
    if value.field("posts").is_none() {
        if let Some(error) = first_error(&value) {
            return Err(api_error(&error));
        }
    }
    // Each post read as far as its id and date; the rest when it is shown.
    let key = |post: &N, i: usize| {
        let id = post
            .id("id")
            .or_else(|| post.text("uuid"))
            .or_else(|| post.text("url"))
            .unwrap_or_else(|| i.to_string());
        (id, date_time(post.raw("published_at").as_deref()))
    };
    Ok(Adapted {
        // Ghost states only the number of the next page; the document's own
        // URL, with its key and filters, gets it as `page` (see `source::pages`).
        next_url: next_page(&value).map(|page| format!("?page={page}")),
        later: later_items(value.list("posts"), key, Rc::new(article)),
        ..Adapted::default()
    })
}

/// `meta.pagination.next`: the number of the next page, `null` on the last.
fn next_page<N: Node>(value: &N) -> Option<u64> {
    value
        .field("meta")?
        .field("pagination")?
        .field("next")?
        .whole()
        .filter(|page| *page > 1)
}

/// `{"message": "…", "context": "…", "type": "UnauthorizedError"}`
fn api_error<N: Node>(error: &N) -> FormatError {
    let message = error.field("message").and_then(|m| m.string());
    let message = match (message, error.text("context")) {
        (Some(message), Some(context)) => Some(format!(
            "{}: {context}",
            message.trim_end_matches(['.', ' '])
        )),
        (message, context) => message.or(context),
    };
    FormatError::Api {
        api: "Ghost",
        message: server_message(message.as_deref()),
        code: error.text("type"),
        status: None,
    }
}

/// A post. Authors and tags are objects of which only the name is read.
/// (The id is the post's, made unique, see [`Item`].)
fn article<N: Node>(post: &N, published: Option<Timestamp>) -> Option<Article> {
    let body = match (
        post.raw("html"),
        post.field("plaintext").and_then(|t| t.string()),
    ) {
        (Some(html), _) => Body::from_html(&html),
        (None, Some(text)) => Body::from_text(&text),
        _ => Body::Empty,
    };
    let summary = post.text("custom_excerpt").or_else(|| post.text("excerpt"));
    let headline = headline(post.text("title"), summary.as_deref(), &body);
    let mut authors: Vec<String> = post
        .list("authors")
        .iter()
        .filter_map(|author| author.text("name"))
        .collect();
    if authors.is_empty() {
        authors.extend(post.field("primary_author").text("name"));
    }
    let image = post.text("feature_image").map(|src| Image {
        src,
        alt: post.text("feature_image_alt").unwrap_or_default(),
        caption: html_line(post.raw("feature_image_caption").as_deref()),
        ..Image::default()
    });
    Some(Article {
        id: String::new(),
        url: post.text("url"),
        headline,
        summary,
        published,
        updated: date_time(post.raw("updated_at").as_deref()),
        authors,
        section: post.field("primary_tag").text("name"),
        language: None,
        dateline: None,
        image,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/ghost.json");

    #[test]
    fn the_sample_carries_the_seed_article_in_utc() {
        let seed = seed_of(SAMPLE, "2021-06-25T04:15:00Z");
        assert_eq!(seed.published.unwrap().offset_minutes, 0);
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        assert_eq!(seed.image.as_ref().unwrap().alt, "Các đại biểu dự Hội nghị");
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

    #[test]
    fn the_next_page_is_a_query_for_the_documents_own_url() {
        let page = |meta: &str| {
            parse(&format!(
                r#"{{"posts": [{{"title": "A"}}], "meta": {meta}}}"#
            ))
            .unwrap()
            .next_url
        };
        assert_eq!(
            page(r#"{"pagination": {"page": 1, "pages": 3, "next": 2}}"#).as_deref(),
            Some("?page=2")
        );
        assert_eq!(page(r#"{"pagination": {"page": 3, "next": null}}"#), None);
        assert_eq!(page(r#"{"pagination": {"next": "2"}}"#), None);
        assert_eq!(page("[]"), None);
    }
}
