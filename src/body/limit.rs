//! A bound on what the browser is asked to parse.
//!
//! Chromium's HTML parser slows down with the square of the number of
//! elements open at once: 20 000 unclosed `<b>` take it about 0.4 s, 60 000
//! take 3 s, two megabytes of them minutes, all on the page's main thread.
//! No parse can hold more elements open than the text has start tags, so a
//! body is cut before its start tag number [`MAX_START_TAGS`] + 1. Counting
//! every `<` followed by a letter overcounts (inside comments, attribute
//! values, scripts), which only makes the bound safer; the cut text is parsed
//! like any other, whatever state the cut leaves the parser in.

/// How many start tags of one body are parsed: far more than any article
/// has, few enough that the worst nesting parses in a fraction of a second.
pub(super) const MAX_START_TAGS: usize = 16_000;

/// How many nodes (elements and text) of one parsed body are read; the rest
/// is left out. Start tags are bounded before parsing, but end tags make
/// elements too (each stray `</p>` is an empty paragraph).
pub(super) const MAX_NODES: usize = 50_000;

/// `html` up to, not including, its start tag number `max + 1`.
pub(super) fn up_to_start_tags(html: &str, max: usize) -> &str {
    let mut seen = 0;
    for (at, pair) in html.as_bytes().windows(2).enumerate() {
        if pair[0] == b'<' && pair[1].is_ascii_alphabetic() {
            if seen == max {
                // `<` is ASCII, so `at` is a character boundary.
                return &html[..at];
            }
            seen += 1;
        }
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_cut_before_the_first_start_tag_over_the_limit() {
        let html = "<p>Một <b>hai</b></p><!-- <i> --><p>ba</p>";
        assert_eq!(up_to_start_tags(html, 100), html);
        assert_eq!(up_to_start_tags(html, 2), "<p>Một <b>hai</b></p><!-- ");
        assert_eq!(up_to_start_tags(html, 0), "");
        assert_eq!(up_to_start_tags("1 < 2, a<3", 0), "1 < 2, a<3");
        assert_eq!(up_to_start_tags("", 0), "");
    }

    #[test]
    fn sixty_thousand_unclosed_tags_are_cut_to_the_limit() {
        let html = format!("start{}deep", "<b>".repeat(60_000));
        let cut = up_to_start_tags(&html, MAX_START_TAGS);
        assert_eq!(cut.len(), "start".len() + 3 * MAX_START_TAGS);
        assert!(cut.starts_with("start<b>"));
    }
}
