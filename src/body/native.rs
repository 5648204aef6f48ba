//! The native part: `html5ever`, the HTML5 parsing algorithm browsers run
//! (template contents, foster parenting, formatting-element reconstruction,
//! adoption agency), builds the same document tree `DOMParser` builds, and a
//! loop reads it in document order into the same [`Builder`], with the same
//! limits, as the browser's `dom` does.
//!
//! What the loop sees must be what the browser's `TreeWalker` sees: elements
//! and text only, a `<template>`'s contents kept apart from its children, and
//! the document parsed with scripting off (a `DOMParser` document has no
//! browsing context, so `<noscript>` content is markup, not text).

use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{ns, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::build::{Builder, Opened};
use super::limit::{bounded, MAX_NODES};
use super::tag::classify;
use crate::model::Block;

/// The blocks of an untrusted HTML body; relative URLs resolve against `base`.
pub(super) fn parse(html: &str, base: Option<&str>) -> Vec<Block> {
    let options = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    let dom = html5ever::parse_document(RcDom::default(), options).one(bounded(html));
    let mut builder = Builder::default();
    // The elements the walk is inside, outermost first: each with the next
    // child to visit and what the builder made of it. A loop over this stack
    // instead of recursion: a body of 60 000 nested elements must not exhaust
    // the call stack.
    let mut open: Vec<(Handle, usize, Option<Opened>)> = vec![(dom.document.clone(), 0, None)];
    let mut budget = MAX_NODES;
    while let Some((parent, index, _)) = open.last_mut() {
        let child = parent.children.borrow().get(*index).cloned();
        *index += 1;
        let Some(node) = child else {
            if let Some((_, _, Some(opened))) = open.pop() {
                builder.close(opened);
            }
            continue;
        };
        // The browser's walker shows elements and text only, and counts them.
        let tag = match &node.data {
            NodeData::Text { contents } => {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                builder.text(&contents.borrow());
                continue;
            }
            NodeData::Element { name, attrs, .. } => {
                if budget == 0 {
                    break;
                }
                budget -= 1;
                let attr = |wanted: &str| {
                    attrs
                        .borrow()
                        .iter()
                        .find(|a| a.name.ns == ns!() && &*a.name.local == wanted)
                        .map(|a| a.value.to_string())
                };
                classify(&name.local, attr, base)
            }
            NodeData::Document
            | NodeData::Doctype { .. }
            | NodeData::Comment { .. }
            | NodeData::ProcessingInstruction { .. } => continue,
        };
        let Some(tag) = tag else {
            continue;
        };
        let leaf = tag.is_leaf();
        let opened = builder.open(tag);
        if leaf {
            builder.close(opened);
        } else {
            open.push((node, 0, Some(opened)));
        }
    }
    while let Some((_, _, opened)) = open.pop() {
        if let Some(opened) = opened {
            builder.close(opened);
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn the_tree_is_the_html5_tree() {
        // Formatting elements reopen across the paragraph break; without a
        // doctype (quirks mode) a table stays inside the paragraph, and its
        // stray text is fostered before it, joining the paragraph's text;
        // template contents are not children.
        assert_eq!(
            parse("<p><b>one<p>two</b> three<table>x<tr><td>cell</table><template><p>no</p></template>", None),
            [
                Block::Paragraph(vec![Inline::Strong(vec![text("one")])]),
                Block::Paragraph(vec![Inline::Strong(vec![text("two")]), text(" threex")]),
                Block::Paragraph(vec![text("cell")]),
            ]
        );
    }

    #[test]
    fn noscript_is_markup_and_head_content_is_dropped() {
        // With scripting off, a <p> in a <noscript> in the head closes both
        // and starts the body; the title stays in the dropped head.
        assert_eq!(
            parse(
                "<title>t</title><noscript><p>in</p></noscript><p>out</p>",
                None
            ),
            [
                Block::Paragraph(vec![text("in")]),
                Block::Paragraph(vec![text("out")])
            ]
        );
    }

    #[test]
    fn links_resolve_like_a_browser() {
        let base = Some("https://news.example/2024/06/story.html");
        assert_eq!(
            crate::url::resolve("../a b?q=ü#x", base).as_deref(),
            Some("https://news.example/2024/a%20b?q=%C3%BC#x")
        );
        assert_eq!(
            crate::url::resolve("HTTPS://Bücher.example", None).as_deref(),
            Some("https://xn--bcher-kva.example/")
        );
        assert_eq!(crate::url::resolve("rel", None), None);
        assert_eq!(crate::url::resolve("rel", Some("not a url")), None);
    }
}
