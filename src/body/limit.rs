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
//!   `a`, `font`, …) that a closed block left open into each new block: a
//!   paragraph holding 250 unclosed `<b id=…>` followed by 250 paragraphs
//!   makes 62 500 elements out of 5 KB. Formatting elements can only be
//!   closed that way by a tag that closes something: an end tag, or a start
//!   tag other than a few phrasing ones. From the first such tag on, each
//!   tag is charged the formatting elements left open (what a reconstruction
//!   there could copy).
//! - **The list of formatting elements.** Each new formatting element is
//!   compared with every one in the parser's list of active formatting
//!   elements, so 2 000 distinct `<font id=…>` cost two million comparisons.
//!   Identical bare ones (`<b>`) stay three in that list; others are charged
//!   the length of the list.
//!
//! The body is cut where the total passes [`MAX_FORMATTING`]. Nesting
//! identical tags (7 000 `<b>` inside each other) costs next to nothing.
//!
//! The scan is a rough tokenizer: it counts every `<` followed by a letter,
//! also inside comments, attribute values and scripts. That overcounts, which
//! only makes the bound safer; the cut text is parsed like any other,
//! whatever state the cut leaves the parser in.

/// How many tags (start and end) of one body are parsed: far more than any
/// article has, few enough that the worst nesting parses in a fraction of a
/// second.
pub const MAX_TAGS: usize = 16_000;

/// How much work with formatting elements the parser may be made to do: a
/// formatting element reopened in a new block, or compared with one already
/// open, is one. A real article costs a few hundred (a `<b>` left open across
/// paragraphs).
pub const MAX_FORMATTING: usize = 50_000;

/// How many nodes (elements and text) of one parsed body are read, in the
/// browser and natively; the rest is left out. Tags are bounded before
/// parsing, but a tag can make elements too (a stray `</p>` is an empty
/// paragraph).
pub const MAX_NODES: usize = 50_000;

/// The elements HTML's parser reopens in each new block when left open.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Start tags that never close an element: a formatting element stays open
/// across them, so nothing is reopened after them.
const PHRASING: [&str; 20] = [
    "span", "abbr", "bdi", "bdo", "cite", "data", "dfn", "kbd", "mark", "q", "samp", "sub", "sup",
    "time", "var", "img", "br", "wbr", "ins", "del",
];

/// `html` up to, not including, the first tag that would take it over
/// [`MAX_TAGS`] tags or [`MAX_FORMATTING`] work with formatting elements.
pub fn bounded(html: &str) -> &str {
    up_to(html, MAX_TAGS, MAX_FORMATTING).0
}

/// What the bound charges `html`: its tags, and the work with formatting
/// elements a parser may do for it (see the module's documentation).
pub fn charge(html: &str) -> (usize, usize) {
    up_to(html, usize::MAX, usize::MAX).1
}

fn up_to(html: &str, max_tags: usize, max_work: usize) -> (&str, (usize, usize)) {
    let bytes = html.as_bytes();
    // Formatting elements open: with attributes, and bare ones by name (the
    // parser keeps at most three identical ones in its list of active
    // formatting elements); and how many of them a closed element may have
    // taken off the stack of open elements, to be reopened.
    let (mut tags, mut work, mut off) = (0usize, 0usize, 0usize);
    let (mut with_attributes, mut bare) = (0usize, [0usize; FORMATTING.len()]);
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let start = at + found;
        at = start + 1;
        let end_tag = bytes.get(at) == Some(&b'/');
        let name_start = if end_tag { at + 1 } else { at };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // A tag name runs to whitespace, `/` or `>` (`<b-b>` is not `<b>`).
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
            .map_or(bytes.len(), |n| name_start + n);
        let name = &bytes[name_start..name_end];
        let formatting = FORMATTING
            .iter()
            .position(|f| name.eq_ignore_ascii_case(f.as_bytes()));
        let open = with_attributes + bare.iter().sum::<usize>();
        if formatting.is_none()
            && (end_tag
                || !PHRASING
                    .iter()
                    .any(|p| name.eq_ignore_ascii_case(p.as_bytes())))
        {
            off = open;
        }
        // A reconstruction here copies what is off the stack; a new
        // formatting element is compared with the whole list first.
        let listed = with_attributes + bare.iter().map(|n| (*n).min(3)).sum::<usize>();
        let cost = off
            + if formatting.is_some() && !end_tag {
                listed
            } else {
                0
            };
        if tags + 1 > max_tags || work + cost > max_work {
            // `<` is ASCII, so `start` is a character boundary.
            return (&html[..start], (tags, work));
        }
        tags += 1;
        work += cost;
        if let Some(kind) = formatting {
            let plain = bytes.get(name_end) == Some(&b'>');
            match (end_tag, plain) {
                (false, true) => bare[kind] += 1,
                (false, false) => with_attributes += 1,
                (true, _) if bare[kind] > 0 => bare[kind] -= 1,
                (true, _) => with_attributes = with_attributes.saturating_sub(1),
            }
            off = off.min(with_attributes + bare.iter().sum::<usize>());
        }
        at = name_end;
    }
    (html, (tags, work))
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
        let cut = |html, tags| up_to(html, tags, 100).0;
        assert_eq!(cut(html, 100), html);
        assert_eq!(cut(html, 4), "<p>Một <b>hai</b></p><!-- ");
        assert_eq!(cut(html, 0), "");
        assert_eq!(cut("1 < 2, a<3 </ 4", 0), "1 < 2, a<3 </ 4");
        assert_eq!(cut("", 0), "");
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
        // The 2.1 s freeze of issue 12: a paragraph of distinct formatting
        // tags left open, then blocks that each reopen all of them.
        let open: String = (0..250).map(|i| format!("<b id=b{i}>")).collect();
        let html = format!("<p>{open}{}", "<p>x</p>".repeat(250));
        let cut = bounded(&html);
        assert!(cut.len() < html.len(), "cut");
        assert_eq!(cut.matches("<b ").count(), 250);
        // Opening them costs 250²/2 comparisons; each paragraph after is
        // charged 250 for each of its two tags, to the bound.
        let paragraphs = cut.matches("<p>").count() - 1;
        assert_eq!(
            paragraphs,
            (MAX_FORMATTING - 250 * 249 / 2) / 500 + 1,
            "{cut}"
        );
        assert!(charge(cut).1 <= MAX_FORMATTING);
        // Two thousand distinct ones are cut while they open.
        let many: String = (0..2_000).map(|i| format!("<font id=f{i}>")).collect();
        assert!(bounded(&many).matches("<font").count() < 400);
        // One left open before a thousand paragraphs is an ordinary slip.
        let slip = format!("<p><b>{}", "<p>x</p>".repeat(1_000));
        assert_eq!(bounded(&slip), slip);
        // Nesting reopens nothing, however deep.
        for nested in ["<b>", "<span><i>", "<b><img>", "<b-b>"] {
            let deep = format!("{}deep", nested.repeat(5_000));
            assert_eq!(bounded(&deep), deep, "{nested}");
        }
        // Closed formatting costs nothing later: a long article with many
        // links and emphasis is not cut.
        let article =
            "<p>Một <a href=x>liên kết</a> và <b>đậm</b>, <i>nghiêng</i>.</p>".repeat(1_500);
        assert_eq!(bounded(&article), article);
    }
}
