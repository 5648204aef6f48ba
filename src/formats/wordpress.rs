//! WordPress REST API v2 posts (`/wp-json/wp/v2/posts?_embed`): an array of
//! posts or one post, with the author, featured image and terms that `_embed`
//! adds. Titles, excerpts, captions and names are rendered HTML there and are
//! read as text; `content.rendered` is the body.

use std::rc::Rc;

use super::{
    date_time, headline, html_line, later_items, server_message, Adapted, FormatError, Kind, Node,
    Read,
};
use crate::model::{Article, Body, Image};
use crate::timestamp::Timestamp;

/// A post, an array of posts, or WordPress's error document. `[]` counts too:
/// it is WordPress's answer for a page with no posts.
pub fn detect<N: Node>(value: &N) -> bool {
    match value.kind() {
        Kind::Array => {
            let items = value.items();
            items.is_empty() || items.iter().any(is_post)
        }
        _ => is_post(value) || is_error(value),
    }
}

fn is_post<N: Node>(value: &N) -> bool {
    let rendered = |key| value.field(key).field("rendered").is_some();
    let text = |key| is_string(value.field(key));
    rendered("title")
        || rendered("content")
        || rendered("excerpt")
        || (text("slug") && text("link") && text("type"))
}

/// `{"code": "rest_forbidden", "message": "…", "data": {"status": 401}}`
fn is_error<N: Node>(value: &N) -> bool {
    is_string(value.field("code")) && is_string(value.field("message"))
}

fn is_string<N: Node>(value: Option<N>) -> bool {
    value.is_some_and(|v| v.kind() == Kind::String)
}

/// Converts detected WordPress JSON. Posts with nothing to show are skipped;
/// an error document is [`FormatError::Api`].
pub fn adapt<'a, N: Node + 'a>(value: N) -> Result<Adapted<'a>, FormatError> {
    if is_error(&value) {
        return Err(FormatError::Api {
            api: "WordPress",
            message: server_message(value.raw("message").as_deref()),
            code: value.text("code"),
            status: number(&value.field("data"), "status"),
        });
    }
    let posts = match value.kind() {
        Kind::Array => value.items(),
        _ => vec![value],
    };
    // Each post read as far as its id and date; the rest when it is shown.
    let key = |post: &N, i: usize| {
        let id = post
            .id("id")
            .or_else(|| post.text("link"))
            .unwrap_or_else(|| i.to_string());
        (
            id,
            site_time(post.raw("date_gmt").as_deref(), post.raw("date").as_deref()),
        )
    };
    Ok(Adapted {
        later: later_items(posts, key, Rc::new(article)),
        ..Adapted::default()
    })
}

/// A post. What `?_embed` adds sits under `_embedded`; an entry there that the
/// reader may not see is an error object (`{"code": "rest_forbidden", …}`) in
/// place of the author or media, which has none of the fields read here, so
/// it simply contributes nothing.
/// (The id is the post's, made unique, see [`Item`].)
fn article<N: Node>(post: &N, published: Option<Timestamp>) -> Option<Article> {
    let embedded = post.field("_embedded");
    let body = Body::from_html(&rendered(post, "content").unwrap_or_default());
    let summary = html_line(rendered(post, "excerpt").as_deref());
    let headline = headline(
        html_line(rendered(post, "title").as_deref()),
        summary.as_deref(),
        &body,
    );
    Some(Article {
        id: String::new(),
        url: post.text("link"),
        headline,
        summary,
        published,
        updated: site_time(
            post.raw("modified_gmt").as_deref(),
            post.raw("modified").as_deref(),
        ),
        authors: embedded
            .list("author")
            .iter()
            .filter_map(|user| html_line(user.raw("name").as_deref()))
            .collect(),
        section: section(&embedded.list("wp:term")),
        language: None,
        dateline: None,
        image: embedded.list("wp:featuredmedia").iter().find_map(image),
        body,
    })
}

/// The HTML of a `{"rendered": "<p>…</p>"}` field.
fn rendered<N: Node>(value: &N, key: &'static str) -> Option<String> {
    value.field(key)?.raw("rendered")
}

/// A whole number written as a JSON number, as WordPress writes sizes and
/// statuses: a string or a fraction reads as absent.
fn number<N: Node, T: TryFrom<u64>>(value: &impl Read<N>, key: &'static str) -> Option<T> {
    T::try_from(value.field(key)?.whole()?).ok()
}

/// `date_gmt` is the instant, in UTC without a zone suffix; `date` is the same
/// instant on the site's clock, so their difference is the site's offset.
fn site_time(gmt: Option<&str>, local: Option<&str>) -> Option<Timestamp> {
    let gmt = gmt?;
    let instant = Timestamp::parse_utc(gmt).or_else(|| date_time(Some(gmt)))?;
    let offset_minutes = local
        .and_then(Timestamp::parse_utc)
        .map(|local| local.epoch_ms - instant.epoch_ms)
        .filter(|ms| ms % 60_000 == 0)
        .and_then(|ms| i16::try_from(ms / 60_000).ok())
        .filter(|minutes| minutes.unsigned_abs() <= 18 * 60)
        .unwrap_or(0);
    Some(Timestamp {
        offset_minutes,
        ..instant
    })
}

/// An attachment from `wp:featuredmedia`.
fn image<N: Node>(media: &N) -> Option<Image> {
    let details = media.field("media_details");
    let image_meta = details.field("image_meta");
    Some(Image {
        src: media.text("source_url")?,
        alt: html_line(media.raw("alt_text").as_deref()).unwrap_or_default(),
        caption: html_line(rendered(media, "caption").as_deref()),
        credit: html_line(image_meta.raw("credit").as_deref()),
        width: number(&details, "width").filter(|w| *w > 0),
        height: number(&details, "height").filter(|h| *h > 0),
        srcset: srcset(&details),
    })
}

/// `"url 300w, url 1024w"` from the sizes WordPress generated, keeping those
/// with the full image's proportions as WordPress's own `srcset` does: the
/// square thumbnail is a crop, another picture. Sizes are read in the order
/// of their names, whichever order the parser keeps them in, so that of two
/// sizes with one width the same one wins.
/// How many image sizes of one image are read.
const MAX_SIZES: usize = 64;

fn srcset<N: Node>(details: &Option<N>) -> Option<String> {
    let full_w: Option<u32> = number(details, "width");
    let full_h: Option<u32> = number(details, "height");
    // WordPress names a handful of sizes; a document naming thousands gets
    // its first few read, so that the work stays small whatever it says.
    let sizes = details.field("sizes")?.entries(MAX_SIZES);
    let mut candidates: Vec<(u32, String, String)> = sizes
        .into_iter()
        .filter_map(|(name, size)| {
            let url = size.text("source_url")?;
            let width = number(&size, "width").filter(|w| *w > 0)?;
            let same_shape = match (full_w, full_h, number::<N, u32>(&size, "height")) {
                (Some(full_w), Some(full_h), Some(h)) if full_w > 0 && full_h > 0 => {
                    // Within a pixel of the full image's height at this width.
                    (u64::from(width) * u64::from(full_h))
                        .abs_diff(u64::from(h) * u64::from(full_w))
                        <= u64::from(full_w)
                }
                _ => true,
            };
            // A space or comma in a URL would split the candidate list.
            let listable = !url.contains(|c: char| c.is_whitespace() || c == ',');
            (same_shape && listable).then_some((width, name, url))
        })
        .collect();
    // By width, then name (one sort: each sort instantiated costs bundle bytes).
    candidates.sort_unstable();
    candidates.dedup_by_key(|(width, _, _)| *width);
    // Evenly spread over the widths when a document names absurdly many.
    if candidates.len() > crate::url::MAX_SRCSET {
        let step = candidates.len().div_ceil(crate::url::MAX_SRCSET);
        candidates = candidates.into_iter().step_by(step).collect();
    }
    if candidates.len() < 2 {
        return None;
    }
    let list: Vec<String> = candidates
        .into_iter()
        .map(|(width, _, url)| format!("{url} {width}w"))
        .collect();
    Some(list.join(", "))
}

/// The first category. `_embedded["wp:term"]` holds one list of terms per
/// taxonomy. WordPress files posts nobody categorised under "Uncategorized",
/// which is no section.
fn section<N: Node>(taxonomies: &[N]) -> Option<String> {
    taxonomies
        .iter()
        .flat_map(Node::items)
        .filter(|term| term.raw("taxonomy").as_deref() == Some("category"))
        .filter(|term| term.raw("slug").as_deref() != Some("uncategorized"))
        .find_map(|term| html_line(term.raw("name").as_deref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::{parse, seed_of};

    const SAMPLE: &str = include_str!("../../sample/wordpress.json");

    #[test]
    fn the_sample_carries_the_seed_article_in_the_sites_offset() {
        let seed = seed_of(SAMPLE, "2021-06-25T11:15:00+07:00");
        assert_eq!(seed.published.unwrap().offset_minutes, 420);
        assert_eq!(seed.section.as_deref(), Some("Chính trị"));
        let image = seed.image.as_ref().unwrap();
        assert_eq!(
            image.src, "images/hoi-nghi.svg",
            "relative, as the site wrote it"
        );
        assert_eq!(image.credit.as_deref(), Some("Ảnh minh hoạ"));
        assert_eq!(image.alt, "Các đại biểu dự Hội nghị");
        assert_eq!(
            seed.summary.as_deref(),
            Some("Ban Chỉ đạo 35 tỉnh Lạng Sơn sơ kết công tác 6 tháng đầu năm 2021.")
        );
        let Body::Html(html) = &seed.body else {
            panic!("{:?}", seed.body)
        };
        assert!(html.matches("<p>").count() >= 4, "{html}");
        assert!(html.contains("<p>Ngày 23/6, Ban Chỉ đạo"));
    }

    #[test]
    fn entities_are_decoded_and_tags_removed_from_text_fields() {
        let feed = parse(
            r#"[{"id": 5, "title": {"rendered": "Tom &amp; Jerry&#8217;s <em>big</em> day"},
                 "excerpt": {"rendered": "<p>Caf&eacute; &hellip; <a href=\"/x\">more</a></p>\n"},
                 "_embedded": {"author": [{"name": "<b>Ann</b> &amp; Bo"}],
                               "wp:term": [[{"taxonomy": "category", "name": "Food &amp; Drink"}]]}}]"#,
        )
        .unwrap();
        let post = &feed.items[0];
        assert_eq!(post.id, "5");
        assert_eq!(post.headline, "Tom & Jerry’s big day");
        assert_eq!(post.summary.as_deref(), Some("Café … more"));
        assert_eq!(post.authors, ["Ann & Bo"]);
        assert_eq!(post.section.as_deref(), Some("Food & Drink"));
    }

    #[test]
    fn embedded_error_objects_stand_in_for_what_the_reader_may_not_see() {
        let forbidden = r#"{"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that.", "data": {"status": 401}}"#;
        let feed = parse(&format!(
            r#"{{"id": 9, "title": {{"rendered": "Visible"}}, "content": {{"rendered": "<p>Text</p>"}},
                 "_embedded": {{"author": [{forbidden}], "wp:featuredmedia": [{forbidden}],
                                "wp:term": [{forbidden}, [{{"taxonomy": "category", "name": "News"}}]]}}}}"#
        ))
        .unwrap();
        let post = &feed.items[0];
        assert_eq!(post.headline, "Visible");
        assert!(post.authors.is_empty());
        assert_eq!(post.image, None);
        assert_eq!(post.section.as_deref(), Some("News"));
    }

    #[test]
    fn a_top_level_error_says_what_the_server_said() {
        let err = parse(
            r#"{"code": "rest_forbidden", "message": "Sorry, you are not allowed to do that.", "data": {"status": 401}}"#,
        )
        .unwrap_err();
        assert_eq!(
            err,
            FormatError::Api {
                api: "WordPress",
                message: "Sorry, you are not allowed to do that.".into(),
                code: Some("rest_forbidden".into()),
                status: Some(401),
            }
        );
        assert_eq!(
            err.to_string(),
            "WordPress answered with an error instead of articles: “Sorry, you are not allowed to do that.” (rest_forbidden, HTTP 401)."
        );
        let err =
            parse(r#"{"code": "x", "message": "<b>Bad</b> request", "data": "?"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "WordPress answered with an error instead of articles: “Bad request” (x)."
        );
    }

    #[test]
    fn the_sites_offset_is_date_minus_date_gmt() {
        let feed = parse(
            r#"[{"id": 1, "title": {"rendered": "New York"}, "date": "2021-06-25T00:15:00", "date_gmt": "2021-06-25T04:15:00",
                 "modified": "2021-06-26T09:00:00", "modified_gmt": "2021-06-26T13:00:00"},
                {"id": 2, "title": {"rendered": "No local date"}, "date_gmt": "2021-06-24T04:15:00"},
                {"id": 3, "title": {"rendered": "Draft"}, "date": "2021-06-27T00:00:00", "date_gmt": null},
                {"id": 4, "title": {"rendered": "Nonsense"}, "date": "1999-01-01T00:00:00", "date_gmt": "2021-06-23T00:00:00"}]"#,
        )
        .unwrap();
        let times: Vec<_> = feed
            .items
            .iter()
            .map(|a| (a.id.as_str(), a.published.map(|t| t.to_string())))
            .collect();
        assert_eq!(
            times,
            [
                ("1", Some("2021-06-25T00:15:00-04:00".to_owned())),
                ("2", Some("2021-06-24T04:15:00Z".to_owned())),
                ("4", Some("2021-06-23T00:00:00Z".to_owned())),
                ("3", None),
            ]
        );
        assert_eq!(
            feed.items[0].updated.unwrap().to_string(),
            "2021-06-26T09:00:00-04:00"
        );
    }

    #[test]
    fn srcset_lists_the_sizes_with_the_images_proportions() {
        let feed = parse(
            r#"{"id": 1, "title": {"rendered": "T"}, "_embedded": {"wp:featuredmedia": [{
                "source_url": "https://x.example/full.jpg", "alt_text": "Alt", "caption": {"rendered": "<p>Cap</p>\n"},
                "media_details": {"width": 2000, "height": 1000, "image_meta": {"credit": "AP"}, "sizes": {
                    "thumbnail": {"source_url": "https://x.example/150.jpg", "width": 150, "height": 150},
                    "large": {"source_url": "https://x.example/1024.jpg", "width": 1024, "height": 512},
                    "medium": {"source_url": "https://x.example/300.jpg", "width": 300, "height": 150},
                    "broken": {"source_url": 7, "width": "wide"},
                    "full": {"source_url": "https://x.example/full.jpg", "width": 2000, "height": 1000}}}}]}}"#,
        )
        .unwrap();
        let image = feed.items[0].image.as_ref().unwrap();
        assert_eq!(image.src, "https://x.example/full.jpg");
        assert_eq!(
            (
                image.alt.as_str(),
                image.caption.as_deref(),
                image.credit.as_deref()
            ),
            ("Alt", Some("Cap"), Some("AP"))
        );
        assert_eq!((image.width, image.height), (Some(2000), Some(1000)));
        assert_eq!(
            image.srcset.as_deref(),
            Some("https://x.example/300.jpg 300w, https://x.example/1024.jpg 1024w, https://x.example/full.jpg 2000w")
        );
    }

    #[test]
    fn of_two_sizes_with_one_width_the_first_by_name_is_listed() {
        let feed = parse(
            r#"{"id": 1, "title": {"rendered": "T"}, "_embedded": {"wp:featuredmedia": [{
                "source_url": "https://x.example/full.jpg",
                "media_details": {"width": 1200, "height": 600, "sizes": {
                    "zeta": {"source_url": "https://x.example/z.jpg", "width": 300, "height": 150},
                    "large": {"source_url": "https://x.example/l.jpg", "width": 600, "height": 300},
                    "alpha": {"source_url": "https://x.example/a.jpg", "width": 300, "height": 150}}}}]}}"#,
        )
        .unwrap();
        assert_eq!(
            feed.items[0].image.as_ref().unwrap().srcset.as_deref(),
            Some("https://x.example/a.jpg 300w, https://x.example/l.jpg 600w")
        );
    }

    #[test]
    fn an_empty_array_is_an_empty_feed() {
        assert!(parse("[]").unwrap().items.is_empty());
    }
}
