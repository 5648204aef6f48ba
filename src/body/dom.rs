//! The browser's part: `DOMParser` builds an inert document from the untrusted
//! HTML (no script runs, nothing loads, no handler fires), and a loop reads
//! it in document order into the [`Builder`].
//!
//! The parsed document is hostile. A `<form>` lets its controls shadow its
//! own DOM properties (`<input name="nextSibling">`), and the document's
//! named images and forms shadow the document's. So the walk moves with a
//! `TreeWalker` made by the page's own document, which follows the real tree
//! whatever the properties say; a node's kind is found with `instanceof`;
//! and nothing of a form is read.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, HtmlFormElement, SupportedType, TreeWalker};

use super::build::{Builder, Opened};
use super::limit::bounded;
use super::tag::{classify, Tag};
use crate::model::Block;

/// How many nodes (elements and text) of one parsed body are read; the rest
/// is left out. Tags are bounded before parsing (`limit`), but a tag can make
/// elements too (each stray `</p>` is an empty paragraph).
pub(super) const MAX_NODES: usize = 50_000;

// NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
const ELEMENTS_AND_TEXT: u32 = 0x1 | 0x4;

/// The blocks of an untrusted HTML body; relative URLs resolve against `base`.
pub(super) fn parse(html: &str, base: Option<&str>) -> Vec<Block> {
    let Some(walker) = walker(bounded(html)) else {
        return Vec::new();
    };
    let mut builder = Builder::default();
    // What the builder made of each element the walker is inside, outermost
    // first. A loop over this stack instead of recursion: a body of 60 000
    // nested elements must not exhaust the call stack.
    let mut open: Vec<Opened> = Vec::new();
    let mut next = walker.first_child().ok().flatten();
    let mut budget = MAX_NODES;
    loop {
        let Some(node) = next else {
            let Some(opened) = open.pop() else {
                break;
            };
            builder.close(opened);
            if walker.parent_node().ok().flatten().is_none() {
                break;
            }
            next = walker.next_sibling().ok().flatten();
            continue;
        };
        if budget == 0 {
            break;
        }
        budget -= 1;
        match node.dyn_ref::<Element>() {
            // The walker shows elements and text only.
            None => {
                if let Some(text) = node.node_value() {
                    builder.text(&text);
                }
            }
            Some(element) => {
                if let Some(tag) = classify_element(element, base) {
                    let leaf = tag.is_leaf();
                    let opened = builder.open(tag);
                    let child = if leaf {
                        None
                    } else {
                        walker.first_child().ok().flatten()
                    };
                    match child {
                        Some(child) => {
                            open.push(opened);
                            next = Some(child);
                            continue;
                        }
                        None => builder.close(opened),
                    }
                }
            }
        }
        next = walker.next_sibling().ok().flatten();
    }
    for opened in open.into_iter().rev() {
        builder.close(opened);
    }
    builder.finish()
}

/// A walker over the elements and text of `html` parsed as an inert
/// document, standing on the document itself.
fn walker(html: &str) -> Option<TreeWalker> {
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let page = web_sys::window()?.document()?;
    page.create_tree_walker_with_what_to_show(&parsed, ELEMENTS_AND_TEXT)
        .ok()
}

fn classify_element(element: &Element, base: Option<&str>) -> Option<Tag> {
    if element.is_instance_of::<HtmlFormElement>() {
        return None;
    }
    classify(
        &element.local_name(),
        |name| element.get_attribute(name),
        base,
    )
}
