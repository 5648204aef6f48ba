//! The allow-list: what each element of an untrusted body becomes. Anything
//! not named here is unwrapped to its content; no attribute is kept unless
//! it is read here, checked, and copied into the model.

use crate::model::Image;
use crate::text::collapse;
use crate::url;

/// What an element of the source becomes in the block model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    /// Ends the paragraph before and after it: `p`, `div`, `section`, `td`, …
    Break,
    /// Only its content counts: `span`, `u`, unknown and custom elements.
    Unwrap,
    /// `h1`–`h6`, with the source's level.
    Heading(u8),
    /// `ul` or `ol`.
    List { ordered: bool },
    /// `li`.
    Item,
    /// `blockquote`.
    Quote,
    /// `figure`.
    Figure,
    /// `figcaption`.
    Caption,
    /// `pre`.
    Preformatted,
    /// `code`, `kbd`, `samp`.
    Code,
    /// `em`, `i`, `cite`.
    Emphasis,
    /// `strong`, `b`.
    Strong,
    /// An `a` whose `href` resolved to an allowed URL.
    Link(String),
    /// An `http(s)` `iframe`, shown as a link to its source. What the frame
    /// element contains is never read.
    Embed { href: String, text: String },
    /// `br`.
    LineBreak,
    /// `hr`.
    Rule,
    /// An `img` with an `http(s)` source.
    Image(Image),
}

impl Tag {
    /// Whether the element's children are skipped (void or replaced elements).
    pub(super) fn is_leaf(&self) -> bool {
        matches!(
            self,
            Tag::Embed { .. } | Tag::LineBreak | Tag::Rule | Tag::Image(_)
        )
    }
}

/// What the element named `name` (its lowercase local name) becomes, or
/// `None` when it is dropped together with everything inside it.
///
/// `attr` reads one of its attributes; URLs resolve against `base`, the
/// article's address, through [`crate::url`].
pub(super) fn classify(
    name: &str,
    attr: impl Fn(&str) -> Option<String>,
    base: Option<&str>,
) -> Option<Tag> {
    let tag = match name {
        // Code, styles, other documents, forms, metadata and foreign content:
        // none of it is article text a reader saw on the source site.
        "script" | "style" | "template" | "noscript" | "object" | "embed" | "applet" | "param"
        | "svg" | "math" | "form" | "input" | "button" | "select" | "option" | "optgroup"
        | "datalist" | "textarea" | "output" | "base" | "meta" | "link" | "title" | "head"
        | "frame" | "frameset" | "noframes" | "noembed" | "xmp" | "plaintext" | "canvas"
        | "portal" | "fencedframe" | "area" | "source" | "track" => return None,
        _ if attr("hidden").is_some() => return None,
        "iframe" => return embed(&attr, base),
        "img" => return image(&attr, base).map(Tag::Image),
        "a" => match attr("href").and_then(|href| url::link(&href, base)) {
            Some(href) => Tag::Link(href),
            None => Tag::Unwrap,
        },
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "ul" | "menu" | "dir" => Tag::List { ordered: false },
        "ol" => Tag::List { ordered: true },
        "li" => Tag::Item,
        "blockquote" => Tag::Quote,
        "figure" => Tag::Figure,
        "figcaption" => Tag::Caption,
        "pre" | "listing" => Tag::Preformatted,
        "code" | "kbd" | "samp" | "tt" => Tag::Code,
        "em" | "i" | "cite" | "dfn" | "var" => Tag::Emphasis,
        "strong" | "b" => Tag::Strong,
        "br" => Tag::LineBreak,
        "hr" => Tag::Rule,
        "p" | "div" | "section" | "article" | "aside" | "header" | "footer" | "main" | "nav"
        | "address" | "center" | "hgroup" | "search" | "details" | "summary" | "dialog" | "dl"
        | "dt" | "dd" | "table" | "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
        | "fieldset" | "legend" | "body" | "html" => Tag::Break,
        _ => Tag::Unwrap,
    };
    Some(tag)
}

fn embed(attr: impl Fn(&str) -> Option<String>, base: Option<&str>) -> Option<Tag> {
    let href = url::web(&attr("src")?, base)?;
    let text = attr("title")
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| href.clone());
    Some(Tag::Embed { href, text })
}

fn image(attr: impl Fn(&str) -> Option<String>, base: Option<&str>) -> Option<Image> {
    // Lazy-loading plugins keep the real address in a data attribute and a
    // placeholder in `src`.
    let src = ["data-lazy-src", "data-src", "src"]
        .into_iter()
        .filter_map(&attr)
        .find_map(|src| url::web(&src, base))?;
    // At most 2×2 pixels, zero included: an image no reader sees, a
    // tracking pixel.
    let tiny = |name| {
        attr(name).is_some_and(|v| matches!(v.trim(), "0" | "1" | "2" | "0px" | "1px" | "2px"))
    };
    if tiny("width") && tiny("height") {
        return None;
    }
    Image {
        src,
        alt: attr("alt").map(|a| collapse(&a)).unwrap_or_default(),
        width: attr("width").and_then(|w| dimension(&w)),
        height: attr("height").and_then(|h| dimension(&h)),
        ..Image::default()
    }
    .checked()
}

/// A `width`/`height` attribute as browsers read it: leading digits, not 0.
fn dimension(value: &str) -> Option<u32> {
    let value = value.trim_start();
    let digits = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    value[..digits].parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(name: &str, attrs: &[(&str, &str)]) -> Option<Tag> {
        let attr = |n: &str| {
            attrs
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
        };
        classify(name, attr, Some("https://news.example/a/"))
    }

    #[test]
    fn links_resolve_against_the_base_and_bad_ones_lose_only_their_link() {
        assert_eq!(
            tag("a", &[("href", "b.html")]),
            Some(Tag::Link("https://news.example/a/b.html".into()))
        );
        assert_eq!(
            tag("a", &[("href", "javascript:alert(1)")]),
            Some(Tag::Unwrap)
        );
        assert_eq!(tag("a", &[]), Some(Tag::Unwrap));
    }

    #[test]
    fn images_need_a_web_source_and_keep_alt_and_size() {
        assert_eq!(tag("img", &[("src", "data:image/png;base64,AA")]), None);
        assert_eq!(tag("img", &[("src", "javascript:x")]), None);
        assert_eq!(
            tag(
                "img",
                &[
                    ("src", "data:image/gif;base64,R0l"),
                    ("data-src", "p.jpg"),
                    ("alt", " A \n view "),
                    ("width", "840px"),
                    ("height", "0"),
                    ("onerror", "alert(1)"),
                ]
            ),
            Some(Tag::Image(Image {
                src: "https://news.example/a/p.jpg".into(),
                alt: "A view".into(),
                width: Some(840),
                height: None,
                ..Image::default()
            }))
        );
    }

    #[test]
    fn tracking_pixels_are_dropped() {
        for (w, h) in [("1", "1"), ("0", "1"), ("2", "2")] {
            let pixel = tag(
                "img",
                &[
                    ("src", "https://t.example/p.gif"),
                    ("width", w),
                    ("height", h),
                ],
            );
            assert_eq!(pixel, None, "{w}×{h}");
        }
        let photo = tag(
            "img",
            &[("src", "p.jpg"), ("width", "1"), ("height", "4294967295")],
        );
        let Some(Tag::Image(photo)) = photo else {
            panic!("{photo:?}")
        };
        assert_eq!((photo.width, photo.height), (None, None));
    }

    #[test]
    fn frames_become_links_to_their_source_or_nothing() {
        assert_eq!(
            tag("iframe", &[("src", "https://video.example/e/1")]),
            Some(Tag::Embed {
                href: "https://video.example/e/1".into(),
                text: "https://video.example/e/1".into()
            })
        );
        assert_eq!(
            tag(
                "iframe",
                &[("src", "https://video.example/e/1"), ("title", "The falls")]
            ),
            Some(Tag::Embed {
                href: "https://video.example/e/1".into(),
                text: "The falls".into()
            })
        );
        assert_eq!(tag("iframe", &[("src", "javascript:alert(1)")]), None);
        assert_eq!(tag("iframe", &[]), None);
    }

    #[test]
    fn dangerous_and_hidden_elements_are_dropped_and_unknown_ones_unwrapped() {
        for name in [
            "script", "style", "template", "iframe", "object", "embed", "svg", "math", "form",
            "input", "button", "select", "textarea", "base", "meta", "link", "title", "head",
            "noscript",
        ] {
            assert_eq!(tag(name, &[]), None, "{name}");
        }
        assert_eq!(tag("p", &[("hidden", "")]), None);
        assert_eq!(tag("b-b", &[]), Some(Tag::Unwrap));
        assert_eq!(
            tag("span", &[("style", "position:fixed")]),
            Some(Tag::Unwrap)
        );
        assert_eq!(tag("h4", &[]), Some(Tag::Heading(4)));
        assert_eq!(tag("ol", &[]), Some(Tag::List { ordered: true }));
        assert_eq!(tag("div", &[("class", "wp-block-group")]), Some(Tag::Break));
    }
}
