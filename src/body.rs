//! Article bodies → [`Block`]s, the typed model the views render.
//!
//! Plain text is split into paragraphs. Untrusted HTML (a feed's
//! `content_html`, WordPress's `content.rendered`, Ghost's `html`) is parsed
//! by the browser's `DOMParser` into an inert document and read with an
//! allow-list into blocks; the views build real elements from those, so no
//! markup from a feed is ever written into the page as markup.
//!
//! Only the parsing and the reading of the parsed document differ by target:
//! `dom` (wasm32) reads a `DOMParser` document, `native` an `html5ever` one,
//! the same HTML5 tree. How much is parsed (`limit`), what each element
//! becomes (`tag`), whitespace and nesting (`build`) and heading levels are
//! shared plain Rust; a test requires both paths to give identical blocks on
//! every body of the test corpora.

mod build;
#[cfg(target_arch = "wasm32")]
mod dom;
pub mod limit;
#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod tag;

use crate::model::{Block, Body, Inline, ListItem};

/// The blocks of an article body.
///
/// Links and images in HTML resolve against `base`, the article's own URL;
/// without it only absolute ones are kept. Headings are re-levelled to sit
/// below a headline at `headline_level` (see [`relevel`]).
pub fn blocks(body: &Body, base: Option<&str>, headline_level: u8) -> Vec<Block> {
    let mut blocks = match body {
        Body::Empty => Vec::new(),
        Body::Text(_) => body
            .paragraphs()
            .into_iter()
            .map(|p| Block::Paragraph(vec![Inline::Text(p)]))
            .collect(),
        Body::Html(html) => from_html(html, base),
    };
    relevel(&mut blocks, headline_level);
    blocks
}

#[cfg(target_arch = "wasm32")]
fn from_html(html: &str, base: Option<&str>) -> Vec<Block> {
    dom::parse(html, base)
}

#[cfg(not(target_arch = "wasm32"))]
fn from_html(html: &str, base: Option<&str>) -> Vec<Block> {
    native::parse(html, base)
}

/// Shifts body headings below the article's own headline.
///
/// The headline is an `h{headline_level}`, so the body's highest heading
/// becomes the level after it and the others keep their distance from that
/// one; nothing goes past `h6`.
pub fn relevel(blocks: &mut [Block], headline_level: u8) {
    let mut top = None::<u8>;
    each_heading(blocks, &mut |level| {
        top = Some(top.map_or(*level, |t| t.min(*level)));
    });
    let Some(top) = top else {
        return;
    };
    let first = headline_level.clamp(1, 6) + 1;
    each_heading(blocks, &mut |level| {
        *level = first.saturating_add(level.saturating_sub(top)).min(6);
    });
}

// Recursion over the model is bounded by the parser's nesting limit.
fn each_heading(blocks: &mut [Block], f: &mut impl FnMut(&mut u8)) {
    for block in blocks {
        match block {
            Block::Heading { level, .. } => f(level),
            Block::Quote(blocks) => each_heading(blocks, f),
            Block::List { items, .. } => {
                for item in items {
                    if let ListItem::Blocks(blocks) = item {
                        each_heading(blocks, f);
                    }
                }
            }
            Block::Paragraph(_) | Block::Figure { .. } | Block::Preformatted(_) | Block::Rule => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8) -> Block {
        Block::Heading {
            level,
            content: vec![Inline::Text(format!("h{level}"))],
        }
    }

    fn levels(blocks: &[Block]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut copy = blocks.to_vec();
        each_heading(&mut copy, &mut |level| out.push(*level));
        out
    }

    #[test]
    fn body_headings_start_below_the_headline_and_keep_their_steps() {
        let body = vec![
            heading(2),
            Block::Quote(vec![heading(4)]),
            Block::List {
                ordered: false,
                items: vec![ListItem::Blocks(vec![heading(3)])],
            },
            heading(6),
        ];
        let mut blocks = body.clone();
        relevel(&mut blocks, 2);
        assert_eq!(levels(&blocks), [3, 5, 4, 6]);

        let mut blocks = body.clone();
        relevel(&mut blocks, 1);
        assert_eq!(levels(&blocks), [2, 4, 3, 6]);

        let mut blocks = vec![heading(1), heading(2)];
        relevel(&mut blocks, 5);
        assert_eq!(levels(&blocks), [6, 6]);

        let mut blocks = vec![heading(5)];
        relevel(&mut blocks, 2);
        assert_eq!(levels(&blocks), [3]);
    }

    #[test]
    fn text_bodies_are_paragraph_blocks() {
        let body = Body::from_text("\u{a0}\u{a0}One.\n\nTwo\nlines.");
        assert_eq!(
            blocks(&body, None, 2),
            [
                Block::Paragraph(vec![Inline::Text("One.".into())]),
                Block::Paragraph(vec![Inline::Text("Two lines.".into())]),
            ]
        );
        assert!(blocks(&Body::Empty, None, 2).is_empty());
    }
}
