//! The lead image of a feed item that names none: the first `<img>` of its
//! HTML body, with its alt text, and the `<figcaption>` of the `<figure>`
//! around it as caption. The image then leaves the body, so the article
//! view does not show it twice.

use super::{html_line, text::decode_entities};
use crate::model::{Body, Image};

/// The first image of an HTML body and the body without it (without its
/// whole `<figure>` when it has one). `None` when the body has no image
/// with a `src`, or only tracking pixels before any.
pub(crate) fn take(body: &Body) -> Option<(Image, Body)> {
    let Body::Html(html) = body else {
        return None;
    };
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some((start, end)) = next_img(&lower, from) {
        let attributes = attributes(&html[start + 4..end]);
        let get = |name: &str| {
            attributes
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| decode_entities(v).trim().to_owned())
        };
        let size = |name: &str| {
            get(name)
                .and_then(|v| v.parse::<u32>().ok())
                .filter(|n| *n > 0)
        };
        let (width, height) = (size("width"), size("height"));
        let pixel = width.is_some_and(|w| w <= 1) || height.is_some_and(|h| h <= 1);
        let Some(src) = get("src").filter(|s| !s.is_empty() && !pixel) else {
            from = end;
            continue;
        };
        let (cut, caption) = match figure_around(&lower, start, end) {
            Some((figure_start, figure_end)) => (
                (figure_start, figure_end),
                caption(
                    &html[figure_start..figure_end],
                    &lower[figure_start..figure_end],
                ),
            ),
            None => ((start, end), None),
        };
        let image = Image {
            src,
            alt: get("alt")
                .map(|a| super::line(Some(&a)).unwrap_or_default())
                .unwrap_or_default(),
            caption,
            width,
            height,
            ..Image::default()
        };
        let rest = format!("{}{}", &html[..cut.0], &html[cut.1..]);
        return Some((image, Body::from_html(&rest)));
    }
    None
}

/// The next `<img …>` at or after `from`, as the byte range of the whole
/// tag; comments are skipped.
fn next_img(lower: &str, mut from: usize) -> Option<(usize, usize)> {
    loop {
        let img = find_tag(lower, from, "<img")?;
        match lower[from..img].find("<!--") {
            Some(comment) => {
                let after = from + comment + 4;
                from = after + lower[after..].find("-->")? + 3;
            }
            None => return Some((img, tag_end(lower, img))),
        }
    }
}

/// The start of the next `<name` that is a tag of that name (followed by
/// whitespace, `/` or `>`).
fn find_tag(lower: &str, mut from: usize, open: &str) -> Option<usize> {
    loop {
        let at = from + lower.get(from..)?.find(open)?;
        let next = lower.as_bytes().get(at + open.len()).copied();
        if matches!(
            next,
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
        ) {
            return Some(at);
        }
        from = at + open.len();
    }
}

/// The end of the tag starting at `start`: after the first `>` outside quotes.
fn tag_end(lower: &str, start: usize) -> usize {
    let mut quote = None;
    for (i, b) in lower.bytes().enumerate().skip(start) {
        match (quote, b) {
            (Some(q), _) if q == b => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    lower.len()
}

/// A tag's attributes (the text after its name), names lowercased.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_end_matches('>').trim_end_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if name_end == 0 {
            return out;
        }
        let name = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let Some(after) = rest.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let after = after.trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after.len());
                after.split_at(end)
            }
        };
        out.push((name, value.to_owned()));
        rest = next;
    }
}

/// The `<figure>…</figure>` that holds the tag at `start..end`, if any.
fn figure_around(lower: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = &lower[..start];
    let open = before.rfind("<figure")?;
    if before[open..].contains("</figure") {
        return None;
    }
    let close = end + lower[end..].find("</figure")?;
    Some((open, tag_end(lower, close)))
}

/// The text of a figure's `<figcaption>`.
fn caption(figure: &str, lower: &str) -> Option<String> {
    let open = find_tag(lower, 0, "<figcaption")?;
    let start = tag_end(lower, open);
    let end = lower[start..]
        .find("</figcaption")
        .map_or(lower.len(), |e| start + e);
    html_line(Some(&figure[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_gives_image_alt_and_caption_and_leaves_the_body() {
        let body = Body::from_html(
            "<p>Lead.</p><figure class=x><IMG width=1200 SRC='a.jpg?x=1&amp;y=2' alt=\"Các đại biểu\"><figcaption>Các <b>đại biểu</b> dự</figcaption></figure><p>Rest.</p>",
        );
        let (image, rest) = take(&body).unwrap();
        assert_eq!(image.src, "a.jpg?x=1&y=2");
        assert_eq!(image.alt, "Các đại biểu");
        assert_eq!(image.caption.as_deref(), Some("Các đại biểu dự"));
        assert_eq!(image.width, Some(1200));
        assert_eq!(rest, Body::Html("<p>Lead.</p><p>Rest.</p>".into()));
    }

    #[test]
    fn pixels_comments_and_lookalikes_are_skipped() {
        let body = Body::from_html(
            "<imgx src=no.jpg><!-- <img src=old.jpg> --><img src=pixel.gif width=1 height=1><p>T</p><img src=b.png>",
        );
        let (image, _) = take(&body).unwrap();
        assert_eq!(image.src, "b.png");
        assert_eq!(image.alt, "");
        assert_eq!(image.caption, None);
        assert!(take(&Body::from_html("<p>No image</p>")).is_none());
        assert!(take(&Body::from_text("<img src=a.jpg>")).is_none());
    }
}
