use yew::prelude::*;

use crate::config::Target;
use crate::model::{Block, Inline, ListItem};

/// An article body: each block becomes the element it stands for, built by
/// Yew node by node. Text is only ever text; the only URLs are the checked
/// ones the model holds. A plain function rather than a component: each
/// component type costs the bundle its own copy of Yew's lifecycle code, and
/// the article view that calls it keeps the blocks (`use_memo`).
pub fn blocks(blocks: &[Block], target: Target) -> Html {
    blocks_html(blocks, target)
}

// Recursion over the model is bounded by the parser's nesting limit.
fn blocks_html(blocks: &[Block], target: Target) -> Html {
    blocks.iter().map(|b| block(b, target)).collect()
}

fn block(block: &Block, target: Target) -> Html {
    match block {
        Block::Paragraph(content) => html! { <p>{ inlines(content, target) }</p> },
        Block::Heading { level, content } => {
            let tag = format!("h{}", (*level).clamp(1, 6));
            html! { <@{tag}>{ inlines(content, target) }</@> }
        }
        Block::List { ordered, items } => {
            let items: Html = items.iter().map(|item| list_item(item, target)).collect();
            if *ordered {
                html! { <ol>{ items }</ol> }
            } else {
                html! { <ul>{ items }</ul> }
            }
        }
        Block::Quote(blocks) => html! { <blockquote>{ blocks_html(blocks, target) }</blockquote> },
        Block::Figure { image, caption } => html! {
            <figure>
                { super::image(image, None, None, &image.alt, "(min-width: 800px) 800px, 100vw") }
                if !caption.is_empty() {
                    <figcaption>{ inlines(caption, target) }</figcaption>
                }
            </figure>
        },
        Block::Preformatted(text) => html! { <pre>{ text }</pre> },
        Block::Rule => html! { <hr /> },
    }
}

fn list_item(item: &ListItem, target: Target) -> Html {
    match item {
        ListItem::Inline(content) => html! { <li>{ inlines(content, target) }</li> },
        ListItem::Blocks(blocks) => html! { <li>{ blocks_html(blocks, target) }</li> },
    }
}

fn inlines(content: &[Inline], target: Target) -> Html {
    content.iter().map(|i| inline(i, target)).collect()
}

fn inline(inline: &Inline, target: Target) -> Html {
    match inline {
        Inline::Text(text) => html! { text },
        Inline::Link { href, content } => super::link(href, target, None, inlines(content, target)),
        Inline::Emphasis(content) => html! { <em>{ inlines(content, target) }</em> },
        Inline::Strong(content) => html! { <strong>{ inlines(content, target) }</strong> },
        Inline::Code(text) => html! { <code>{ text }</code> },
        Inline::LineBreak => html! { <br /> },
    }
}
