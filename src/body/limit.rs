//! A bound on what the browser is asked to parse: the work an HTML parser
//! does for a body must grow with the body's length, not faster.
//!
//! Two ways a short text makes a parser build far more than it says:
//!
//! - **Open elements.** Chromium's parser slows down with the square of the
//!   number of elements open at once: 20 000 unclosed `<b>` take it about
//!   0.4 s, 60 000 take 3 s. No parse can hold more elements open than the
//!   text has tags, so the number of tags is bounded ([`MAX_TAGS`]); end tags
//!   count too, because a stray `</p>` or `</br>` makes an element of its own.
//! - **Formatting elements reopened.** HTML's "reconstruct the active
//!   formatting elements" step copies every formatting element (`b`, `i`,
//!   `a`, `font`, …) left open into each new block: 250 unclosed `<b
//!   id=…>` followed by 250 paragraphs make 62 500 elements out of 5 KB. So
//!   each tag is charged the formatting elements open before it (what a
//!   reconstruction there could copy), and the body is cut where the total
//!   passes [`MAX_REOPENED`].
//!
//! The scan is a rough tokenizer: it counts every `<` followed by a letter,
//! also inside comments, attribute values and scripts. That overcounts, which
//! only makes the bound safer; the cut text is parsed like any other,
//! whatever state the cut leaves the parser in.

/// How many tags (start and end) of one body are parsed: far more than any
/// article has, few enough that the worst nesting parses in a fraction of a
/// second.
pub const MAX_TAGS: usize = 16_000;

/// How many formatting elements the parser may be made to reopen in all:
/// a real article reopens a handful (a `<b>` left open across paragraphs).
pub const MAX_REOPENED: usize = 20_000;

/// The elements HTML's parser reopens in each new block when left open.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// `html` up to, not including, the first tag that would take it over
/// [`MAX_TAGS`] tags or [`MAX_REOPENED`] reopened formatting elements.
pub fn bounded(html: &str) -> &str {
    up_to(html, MAX_TAGS, MAX_REOPENED)
}

fn up_to(html: &str, max_tags: usize, max_reopened: usize) -> &str {
    let bytes = html.as_bytes();
    let (mut tags, mut open, mut reopened) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        at = start + 1;
        let end_tag = bytes.get(at) == Some(&b'/');
        let name_start = if end_tag { at + 1 } else { at };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| name_start + n);
        tags += 1;
        reopened += open;
        if tags > max_tags || reopened > max_reopened {
            // `<` is ASCII, so `start` is a character boundary.
            return &html[..start];
        }
        let name = &bytes[name_start..name_end];
        if FORMATTING
            .iter()
            .any(|f| name.eq_ignore_ascii_case(f.as_bytes()))
        {
            open = if end_tag {
                open.saturating_sub(1)
            } else {
                open + 1
            };
        }
        at = name_end;
    }
    html
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_cut_before_the_first_tag_over_the_limit() {
        let html = "<p>Một <b>hai</b></p><!-- <i> --><p>ba</p>";
        assert_eq!(up_to(html, 100, 100), html);
        assert_eq!(up_to(html, 4, 100), "<p>Một <b>hai</b></p><!-- ");
        assert_eq!(up_to(html, 0, 100), "");
        assert_eq!(up_to("1 < 2, a<3 </ 4", 0, 0), "1 < 2, a<3 </ 4");
        assert_eq!(up_to("", 0, 0), "");
    }

    #[test]
    fn sixty_thousand_unclosed_tags_are_cut_to_the_limit() {
        let html = format!("start{}deep", "<p>".repeat(60_000));
        let cut = bounded(&html);
        assert_eq!(cut.len(), "start".len() + 3 * MAX_TAGS);
    }

    #[test]
    fn stray_end_tags_count_as_tags() {
        let html = "</p>".repeat(60_000);
        assert_eq!(bounded(&html).len(), 4 * MAX_TAGS);
    }

    #[test]
    fn formatting_left_open_before_many_blocks_is_cut() {
        // The 2.1 s freeze of issue 12: distinct formatting tags, then blocks.
        let open: String = (0..250).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!("{open}{}", "<p>x</p>".repeat(250));
        let cut = bounded(&html);
        // n open formatting elements are charged n²/2 by their own start
        // tags: about 200 of them fit the bound, and no paragraph after.
        assert!(cut.len() < html.len(), "cut");
        assert!((150..250).contains(&cut.matches("<b ").count()), "{cut}");
        // One left open before a thousand paragraphs is an ordinary slip.
        let slip = format!("<b>{}", "<p>x</p>".repeat(1_000));
        assert_eq!(bounded(&slip), slip);
        // Closed formatting costs nothing later: a long article with many
        // links and emphasis is not cut.
        let article =
            "<p>Một <a href=x>liên kết</a> và <b>đậm</b>, <i>nghiêng</i>.</p>".repeat(1_500);
        assert_eq!(bounded(&article), article);
    }
}
