//! Blocks built from the allowed elements and text of a body, in document
//! order, as the walk meets them. Whitespace is collapsed here the way a
//! browser shows it.

use std::mem;

use super::tag::Tag;
use crate::model::{Block, Image, Inline, ListItem};

/// How many quotes, lists, list items and figures may be open at once; deeper
/// ones are flattened into their parent, so the model stays shallow.
pub(super) const MAX_NESTING: usize = 16;

/// What [`Builder::open`] did with an element, handed back to
/// [`Builder::close`] when the element ends.
#[derive(Debug)]
#[must_use]
pub(super) enum Opened {
    /// Nothing to undo.
    Nothing,
    /// The paragraph ends here too.
    Break,
    /// An inline element of the current run.
    Inline,
    /// A heading, caption or preformatted block.
    Leaf,
    /// A quote, list, list item or figure.
    Container,
}

/// Turns a stream of [`Tag`]s and text into blocks.
#[derive(Debug)]
pub(super) struct Builder {
    /// Open containers; the first is the body itself and is never closed.
    containers: Vec<Container>,
    /// The open heading, caption or preformatted block, if any: it holds
    /// inline content only, so blocks inside it are flattened into it.
    leaf: Option<Leaf>,
}

#[derive(Debug)]
struct Container {
    kind: ContainerKind,
    blocks: Vec<Block>,
    /// The paragraph in progress.
    run: Run,
}

#[derive(Debug)]
enum ContainerKind {
    Body,
    Quote,
    List {
        ordered: bool,
        items: Vec<ListItem>,
    },
    /// `implicit`: opened for content found directly in a list, outside `li`.
    Item {
        implicit: bool,
    },
    Figure {
        caption: Vec<Inline>,
    },
}

#[derive(Debug)]
enum Leaf {
    Heading(u8, Run),
    Caption(Run),
    Preformatted(String),
}

impl Default for Builder {
    fn default() -> Self {
        Builder {
            containers: vec![Container::new(ContainerKind::Body, Run::default())],
            leaf: None,
        }
    }
}

impl Builder {
    /// An element starts. Its children follow, then [`Builder::close`] with
    /// what this returns.
    pub(super) fn open(&mut self, tag: Tag) -> Opened {
        if let Some(leaf) = &mut self.leaf {
            return leaf.open(tag);
        }
        match tag {
            Tag::Unwrap => Opened::Nothing,
            Tag::Break => {
                self.end_paragraph();
                Opened::Break
            }
            Tag::Emphasis | Tag::Strong | Tag::Code | Tag::Link(_) => {
                self.enter_item();
                let kind = Kind::of(tag);
                if self.run().open(kind) {
                    Opened::Inline
                } else {
                    Opened::Nothing
                }
            }
            Tag::LineBreak => {
                self.enter_item();
                self.run().line_break();
                Opened::Nothing
            }
            Tag::Embed { href, text } => {
                self.enter_item();
                self.run().link(href, &text);
                Opened::Nothing
            }
            Tag::Rule => {
                self.enter_item();
                self.push_block(Block::Rule);
                Opened::Nothing
            }
            Tag::Image(image) => {
                self.enter_item();
                self.push_image(image);
                Opened::Nothing
            }
            Tag::Heading(level) => self.open_leaf(|run| Leaf::Heading(level, run)),
            Tag::Caption => self.open_leaf(Leaf::Caption),
            Tag::Preformatted => self.open_leaf(|_| Leaf::Preformatted(String::new())),
            Tag::Item => {
                if matches!(self.top().kind, ContainerKind::Item { implicit: true }) {
                    self.close_container();
                }
                if matches!(self.top().kind, ContainerKind::List { .. }) {
                    self.push_container(ContainerKind::Item { implicit: false })
                } else {
                    self.end_paragraph();
                    Opened::Break
                }
            }
            Tag::List { ordered } => {
                self.enter_item();
                // A list needs room for its items too.
                if self.containers.len() + 2 <= MAX_NESTING {
                    self.push_container(ContainerKind::List {
                        ordered,
                        items: Vec::new(),
                    })
                } else {
                    self.end_paragraph();
                    Opened::Break
                }
            }
            Tag::Quote => {
                self.enter_item();
                self.push_container(ContainerKind::Quote)
            }
            Tag::Figure => {
                self.enter_item();
                self.push_container(ContainerKind::Figure {
                    caption: Vec::new(),
                })
            }
        }
    }

    /// The element [`Builder::open`] returned `opened` for has ended.
    pub(super) fn close(&mut self, opened: Opened) {
        match opened {
            Opened::Nothing => {}
            Opened::Break => match &mut self.leaf {
                Some(leaf) => leaf.separate(),
                None => self.end_paragraph(),
            },
            Opened::Inline => match &mut self.leaf {
                Some(Leaf::Heading(_, run) | Leaf::Caption(run)) => run.close(),
                Some(Leaf::Preformatted(_)) => {}
                None => self.top_mut().run.close(),
            },
            Opened::Leaf => self.close_leaf(),
            Opened::Container => {
                self.close_leaf();
                if matches!(self.top().kind, ContainerKind::Item { implicit: true }) {
                    self.close_container();
                }
                self.close_container();
            }
        }
    }

    /// A text node.
    pub(super) fn text(&mut self, text: &str) {
        if let Some(leaf) = &mut self.leaf {
            leaf.text(text);
            return;
        }
        if matches!(self.top().kind, ContainerKind::List { .. }) {
            if text.chars().all(char::is_whitespace) {
                return;
            }
            self.enter_item();
        }
        self.run().text(text);
    }

    /// The blocks of everything seen so far.
    pub(super) fn finish(mut self) -> Vec<Block> {
        self.close_leaf();
        while self.containers.len() > 1 {
            self.close_container();
        }
        self.end_paragraph();
        self.containers.pop().map(|c| c.blocks).unwrap_or_default()
    }

    fn top(&self) -> &Container {
        self.containers
            .last()
            .expect("the body container is never closed")
    }

    fn top_mut(&mut self) -> &mut Container {
        self.containers
            .last_mut()
            .expect("the body container is never closed")
    }

    fn run(&mut self) -> &mut Run {
        &mut self.top_mut().run
    }

    /// Content found directly in a list goes into an item of its own.
    fn enter_item(&mut self) {
        if matches!(self.top().kind, ContainerKind::List { .. }) {
            let run = self.top().run.continued();
            self.containers
                .push(Container::new(ContainerKind::Item { implicit: true }, run));
        }
    }

    fn end_paragraph(&mut self) {
        let top = self.top_mut();
        if matches!(top.kind, ContainerKind::List { .. }) {
            return;
        }
        let content = top.run.take();
        if visible(&content) {
            top.blocks.push(Block::Paragraph(content));
        }
    }

    fn push_block(&mut self, block: Block) {
        self.end_paragraph();
        let top = self.top_mut();
        match &mut top.kind {
            ContainerKind::List { items, .. } => items.push(ListItem::Blocks(vec![block])),
            _ => top.blocks.push(block),
        }
    }

    fn push_image(&mut self, image: Image) {
        self.push_block(Block::Figure {
            image,
            caption: Vec::new(),
        });
    }

    fn push_container(&mut self, kind: ContainerKind) -> Opened {
        if self.containers.len() >= MAX_NESTING {
            self.end_paragraph();
            return Opened::Break;
        }
        self.end_paragraph();
        let run = self.top().run.continued();
        self.containers.push(Container::new(kind, run));
        Opened::Container
    }

    fn close_container(&mut self) {
        if self.containers.len() <= 1 {
            return;
        }
        self.end_paragraph();
        let Some(Container { kind, blocks, .. }) = self.containers.pop() else {
            return;
        };
        match kind {
            ContainerKind::Body => {}
            ContainerKind::Quote => {
                if !blocks.is_empty() {
                    self.push_block(Block::Quote(blocks));
                }
            }
            ContainerKind::List { ordered, items } => {
                if !items.is_empty() {
                    self.push_block(Block::List { ordered, items });
                }
            }
            ContainerKind::Item { .. } => {
                let item = match <[Block; 1]>::try_from(blocks) {
                    Ok([Block::Paragraph(content)]) => ListItem::Inline(content),
                    Ok([block]) => ListItem::Blocks(vec![block]),
                    Err(blocks) if blocks.is_empty() => return,
                    Err(blocks) => ListItem::Blocks(blocks),
                };
                let top = self.top_mut();
                match &mut top.kind {
                    ContainerKind::List { items, .. } => items.push(item),
                    _ => top.blocks.extend(item.into_blocks()),
                }
            }
            ContainerKind::Figure { caption } => {
                for block in with_caption(blocks, caption) {
                    self.push_block(block);
                }
            }
        }
    }

    fn open_leaf(&mut self, leaf: impl FnOnce(Run) -> Leaf) -> Opened {
        self.enter_item();
        self.end_paragraph();
        let run = self.top().run.continued();
        self.leaf = Some(leaf(run));
        Opened::Leaf
    }

    fn close_leaf(&mut self) {
        match self.leaf.take() {
            None => {}
            Some(Leaf::Heading(level, mut run)) => {
                let content = run.take();
                if visible(&content) {
                    self.push_block(Block::Heading { level, content });
                }
            }
            Some(Leaf::Caption(mut run)) => {
                let content = run.take();
                if !visible(&content) {
                    return;
                }
                match &mut self.top_mut().kind {
                    ContainerKind::Figure { caption } if caption.is_empty() => *caption = content,
                    _ => self.push_block(Block::Paragraph(content)),
                }
            }
            Some(Leaf::Preformatted(text)) => {
                let text = text.trim_start_matches(['\n', '\r']).trim_end();
                if !text.is_empty() {
                    self.push_block(Block::Preformatted(text.to_owned()));
                }
            }
        }
    }
}

impl Container {
    fn new(kind: ContainerKind, run: Run) -> Self {
        Container {
            kind,
            blocks: Vec::new(),
            run,
        }
    }
}

impl ListItem {
    fn into_blocks(self) -> Vec<Block> {
        match self {
            ListItem::Inline(content) => vec![Block::Paragraph(content)],
            ListItem::Blocks(blocks) => blocks,
        }
    }
}

/// A figure's blocks once its caption is known: the caption joins the
/// figure's one image, or follows as a paragraph.
fn with_caption(mut blocks: Vec<Block>, caption: Vec<Inline>) -> Vec<Block> {
    if caption.is_empty() {
        return blocks;
    }
    let mut images = blocks.iter_mut().filter_map(|b| match b {
        Block::Figure { caption, .. } => Some(caption),
        _ => None,
    });
    match (images.next(), images.next()) {
        (Some(empty), None) if empty.is_empty() => *empty = caption,
        _ => blocks.push(Block::Paragraph(caption)),
    }
    blocks
}

impl Leaf {
    fn open(&mut self, tag: Tag) -> Opened {
        let run = match self {
            Leaf::Heading(_, run) | Leaf::Caption(run) => run,
            Leaf::Preformatted(text) => {
                return match tag {
                    Tag::Break => {
                        text.push('\n');
                        Opened::Break
                    }
                    Tag::LineBreak => {
                        text.push('\n');
                        Opened::Nothing
                    }
                    Tag::Embed { text: words, .. } => {
                        text.push_str(&words);
                        Opened::Nothing
                    }
                    _ => Opened::Nothing,
                };
            }
        };
        match tag {
            Tag::Emphasis | Tag::Strong | Tag::Code | Tag::Link(_) => {
                if run.open(Kind::of(tag)) {
                    Opened::Inline
                } else {
                    Opened::Nothing
                }
            }
            Tag::LineBreak => {
                run.line_break();
                Opened::Nothing
            }
            Tag::Embed { href, text } => {
                run.link(href, &text);
                Opened::Nothing
            }
            Tag::Break
            | Tag::Heading(_)
            | Tag::List { .. }
            | Tag::Item
            | Tag::Quote
            | Tag::Figure
            | Tag::Caption
            | Tag::Preformatted => {
                run.separate();
                Opened::Break
            }
            Tag::Unwrap | Tag::Rule | Tag::Image(_) => Opened::Nothing,
        }
    }

    fn text(&mut self, text: &str) {
        match self {
            Leaf::Heading(_, run) | Leaf::Caption(run) => run.text(text),
            Leaf::Preformatted(pre) => pre.push_str(text),
        }
    }

    /// A block boundary inside the leaf: words on either side stay apart.
    fn separate(&mut self) {
        match self {
            Leaf::Heading(_, run) | Leaf::Caption(run) => run.separate(),
            Leaf::Preformatted(pre) => pre.push('\n'),
        }
    }
}

/// An open inline element.
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Run,
    Link(String),
    Emphasis,
    Strong,
    Code,
}

impl Kind {
    fn of(tag: Tag) -> Kind {
        match tag {
            Tag::Link(href) => Kind::Link(href),
            Tag::Emphasis => Kind::Emphasis,
            Tag::Strong => Kind::Strong,
            Tag::Code => Kind::Code,
            _ => Kind::Run,
        }
    }

    /// Nesting one inside another of the same kind changes nothing a reader
    /// sees (and a link inside a link is not allowed), so it is not nested:
    /// this also keeps inline nesting at most four deep.
    fn same(&self, other: &Kind) -> bool {
        mem::discriminant(self) == mem::discriminant(other)
    }

    /// The inline element holding `content`, or the content itself when
    /// nothing in it is visible (a bare line break stays a line break).
    fn wrap(&self, content: Vec<Inline>) -> Vec<Inline> {
        if !visible(&content) {
            return content;
        }
        let inline = match self {
            Kind::Run => return content,
            Kind::Link(href) => Inline::Link {
                href: href.clone(),
                content,
            },
            Kind::Emphasis => Inline::Emphasis(content),
            Kind::Strong => Inline::Strong(content),
            Kind::Code => Inline::Code(plain_text(&content)),
        };
        vec![inline]
    }
}

/// Inline content in progress: a paragraph, heading or caption.
#[derive(Debug)]
struct Run {
    /// Open inline elements and what each holds so far, outermost first;
    /// the first is the run itself.
    frames: Vec<(Kind, Vec<Inline>)>,
    /// Whitespace seen and not yet written: it becomes one space before the
    /// next visible character, and nothing at the end of a line.
    space: bool,
    /// Nothing visible since the run began or since its last line break.
    line_start: bool,
    /// The last thing written was a space, so whitespace right after it
    /// (inside the next element, say) adds nothing.
    after_space: bool,
}

impl Default for Run {
    fn default() -> Self {
        Run {
            frames: vec![(Kind::Run, Vec::new())],
            space: false,
            line_start: true,
            after_space: false,
        }
    }
}

impl Run {
    /// An empty run inside the same inline elements as this one: bold text
    /// that spans a paragraph break stays bold after it.
    fn continued(&self) -> Run {
        Run {
            frames: self
                .frames
                .iter()
                .map(|(kind, _)| (kind.clone(), Vec::new()))
                .collect(),
            ..Run::default()
        }
    }

    fn content(&mut self) -> &mut Vec<Inline> {
        &mut self
            .frames
            .last_mut()
            .expect("the run's own frame is never closed")
            .1
    }

    /// Text as a browser lays it out: runs of HTML whitespace are one space,
    /// and whitespace (U+00A0 indentation included) at the start of a line
    /// is not shown.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                self.separate();
            } else if self.line_start && c.is_whitespace() {
                continue;
            } else {
                let space = mem::take(&mut self.space);
                self.line_start = false;
                self.after_space = false;
                let content = self.content();
                if let Some(Inline::Text(last)) = content.last_mut() {
                    if space {
                        last.push(' ');
                    }
                    last.push(c);
                } else {
                    let mut new = String::with_capacity(16);
                    if space {
                        new.push(' ');
                    }
                    new.push(c);
                    content.push(Inline::Text(new));
                }
            }
        }
    }

    /// A block boundary inside inline-only content.
    fn separate(&mut self) {
        self.space = !self.line_start && !self.after_space;
    }

    fn line_break(&mut self) {
        if self.frames.iter().all(|(_, content)| content.is_empty()) {
            return;
        }
        self.content().push(Inline::LineBreak);
        self.space = false;
        self.line_start = true;
        self.after_space = false;
    }

    /// Opens an inline element; `false` when one of its kind is already open.
    fn open(&mut self, kind: Kind) -> bool {
        if self.frames.iter().any(|(open, _)| open.same(&kind)) {
            return false;
        }
        // Whitespace before an element belongs outside it.
        if mem::take(&mut self.space) {
            self.text_space();
            self.after_space = true;
        }
        self.frames.push((kind, Vec::new()));
        true
    }

    fn close(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        if let Some((kind, content)) = self.frames.pop() {
            let wrapped = kind.wrap(content);
            self.content().extend(wrapped);
        }
    }

    fn link(&mut self, href: String, text: &str) {
        if self.open(Kind::Link(href)) {
            self.text(text);
            self.close();
        } else {
            self.text(text);
        }
    }

    fn text_space(&mut self) {
        match self.content().last_mut() {
            Some(Inline::Text(last)) => last.push(' '),
            _ => self.content().push(Inline::Text(" ".to_owned())),
        }
    }

    /// Everything so far, with open elements closed; they stay open, empty,
    /// for what follows.
    fn take(&mut self) -> Vec<Inline> {
        let mut carried = Vec::new();
        for (kind, content) in self.frames.iter_mut().rev() {
            let mut all = mem::take(content);
            all.append(&mut carried);
            carried = kind.wrap(all);
        }
        self.space = false;
        self.line_start = true;
        self.after_space = false;
        trim_end(&mut carried);
        carried
    }
}

/// Whether any text would show.
fn visible(content: &[Inline]) -> bool {
    content.iter().any(|inline| match inline {
        Inline::Text(text) | Inline::Code(text) => !text.trim().is_empty(),
        Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
            visible(content)
        }
        Inline::LineBreak => false,
    })
}

/// Drops trailing line breaks and spaces, which show nothing.
fn trim_end(content: &mut Vec<Inline>) {
    while let Some(last) = content.last_mut() {
        match last {
            Inline::LineBreak => {
                content.pop();
            }
            Inline::Text(text) => {
                let kept = text.trim_end_matches(' ').len();
                text.truncate(kept);
                if text.is_empty() {
                    content.pop();
                } else {
                    return;
                }
            }
            Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
                trim_end(content);
                return;
            }
            Inline::Code(_) => return,
        }
    }
}

fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Link { content, .. } | Inline::Emphasis(content) | Inline::Strong(content) => {
                out.push_str(&plain_text(content))
            }
            Inline::LineBreak => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A parsed document, as the DOM walk would meet it.
    enum Node {
        El(Tag, Vec<Node>),
        Text(&'static str),
    }
    use Node::{El, Text};

    fn build(nodes: Vec<Node>) -> Vec<Block> {
        fn feed(builder: &mut Builder, nodes: Vec<Node>) {
            for node in nodes {
                match node {
                    Text(text) => builder.text(text),
                    El(tag, children) => {
                        let opened = builder.open(tag);
                        feed(builder, children);
                        builder.close(opened);
                    }
                }
            }
        }
        let mut builder = Builder::default();
        feed(&mut builder, nodes);
        builder.finish()
    }

    fn t(text: &str) -> Inline {
        Inline::Text(text.to_owned())
    }

    fn p(content: Vec<Inline>) -> Block {
        Block::Paragraph(content)
    }

    fn image(src: &str) -> Image {
        Image {
            src: src.to_owned(),
            alt: "alt".to_owned(),
            ..Image::default()
        }
    }

    fn depth(blocks: &[Block]) -> usize {
        blocks
            .iter()
            .map(|block| match block {
                Block::Quote(inner) => 1 + depth(inner),
                Block::List { items, .. } => {
                    1 + items
                        .iter()
                        .map(|item| match item {
                            ListItem::Blocks(inner) => depth(inner),
                            ListItem::Inline(_) => 0,
                        })
                        .max()
                        .unwrap_or(0)
                }
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn whitespace_collapses_across_elements_as_a_browser_shows_it() {
        let blocks = build(vec![El(
            Tag::Break,
            vec![
                Text("\n   One \n\t two "),
                El(Tag::Strong, vec![Text("  three ")]),
                Text(" four"),
                El(Tag::Emphasis, vec![Text(" ")]),
                Text("five  "),
            ],
        )]);
        assert_eq!(
            blocks,
            [p(vec![
                t("One two "),
                Inline::Strong(vec![t("three")]),
                t(" four five")
            ])]
        );
    }

    #[test]
    fn space_between_links_stays_outside_them() {
        let link = |href: &str, text| El(Tag::Link(href.to_owned()), vec![Text(text)]);
        let blocks = build(vec![
            link("https://a.example/", "a "),
            Text(" "),
            link("https://b.example/", " b"),
        ]);
        assert_eq!(
            blocks,
            [p(vec![
                Inline::Link {
                    href: "https://a.example/".into(),
                    content: vec![t("a")]
                },
                t(" "),
                Inline::Link {
                    href: "https://b.example/".into(),
                    content: vec![t("b")]
                },
            ])]
        );
    }

    #[test]
    fn nbsp_indentation_and_empty_paragraphs_are_dropped() {
        let blocks = build(vec![
            El(
                Tag::Break,
                vec![Text("\u{a0}\u{a0}\u{a0}Ngày 23/6,\u{a0}họp.")],
            ),
            El(Tag::Break, vec![Text("\u{a0}")]),
            El(
                Tag::Break,
                vec![Text(" "), El(Tag::Strong, vec![Text(" ")])],
            ),
            El(Tag::Break, vec![El(Tag::LineBreak, vec![])]),
            El(
                Tag::Break,
                vec![
                    El(Tag::LineBreak, vec![]),
                    Text("a"),
                    El(Tag::LineBreak, vec![]),
                    Text(" \u{a0} b "),
                    El(Tag::LineBreak, vec![]),
                    El(Tag::LineBreak, vec![]),
                ],
            ),
        ]);
        assert_eq!(
            blocks,
            [
                p(vec![t("Ngày 23/6,\u{a0}họp.")]),
                p(vec![t("a"), Inline::LineBreak, t("b")]),
            ]
        );
    }

    #[test]
    fn divs_and_bare_text_become_paragraphs_and_inline_elements_span_them() {
        let blocks = build(vec![
            Text("bare "),
            El(
                Tag::Strong,
                vec![Text("x"), El(Tag::Break, vec![Text("y")]), Text("z")],
            ),
        ]);
        assert_eq!(
            blocks,
            [
                p(vec![t("bare "), Inline::Strong(vec![t("x")])]),
                p(vec![Inline::Strong(vec![t("y")])]),
                p(vec![Inline::Strong(vec![t("z")])]),
            ]
        );
    }

    #[test]
    fn headings_keep_inline_content_and_flatten_blocks_inside() {
        let blocks = build(vec![El(
            Tag::Heading(2),
            vec![
                Text("An "),
                El(Tag::Emphasis, vec![Text("iconic")]),
                El(Tag::Break, vec![Text("waterfall")]),
                El(Tag::Image(image("https://x/i.jpg")), vec![]),
            ],
        )]);
        assert_eq!(
            blocks,
            [Block::Heading {
                level: 2,
                content: vec![
                    t("An "),
                    Inline::Emphasis(vec![t("iconic")]),
                    t(" waterfall")
                ]
            }]
        );
    }

    #[test]
    fn lists_hold_inline_items_block_items_and_stray_content() {
        let blocks = build(vec![El(
            Tag::List { ordered: false },
            vec![
                Text("\n  "),
                El(Tag::Item, vec![Text(" one ")]),
                El(
                    Tag::Item,
                    vec![
                        El(Tag::Break, vec![Text("two")]),
                        El(
                            Tag::List { ordered: true },
                            vec![Text("stray"), El(Tag::Item, vec![Text("three")])],
                        ),
                    ],
                ),
                El(Tag::Item, vec![Text(" \u{a0} ")]),
            ],
        )]);
        assert_eq!(
            blocks,
            [Block::List {
                ordered: false,
                items: vec![
                    ListItem::Inline(vec![t("one")]),
                    ListItem::Blocks(vec![
                        p(vec![t("two")]),
                        Block::List {
                            ordered: true,
                            items: vec![
                                ListItem::Inline(vec![t("stray")]),
                                ListItem::Inline(vec![t("three")]),
                            ]
                        }
                    ]),
                ]
            }]
        );
    }

    #[test]
    fn list_items_outside_lists_are_paragraphs() {
        let blocks = build(vec![El(Tag::Item, vec![Text("a")]), Text("b")]);
        assert_eq!(blocks, [p(vec![t("a")]), p(vec![t("b")])]);
    }

    #[test]
    fn figures_join_their_image_and_caption() {
        let blocks = build(vec![El(
            Tag::Figure,
            vec![
                El(Tag::Image(image("https://x/a.jpg")), vec![]),
                El(
                    Tag::Caption,
                    vec![
                        Text(" Gullfoss, "),
                        El(Tag::Link("https://x/g".into()), vec![Text("an icon")]),
                    ],
                ),
            ],
        )]);
        assert_eq!(
            blocks,
            [Block::Figure {
                image: image("https://x/a.jpg"),
                caption: vec![
                    t("Gullfoss, "),
                    Inline::Link {
                        href: "https://x/g".into(),
                        content: vec![t("an icon")]
                    }
                ]
            }]
        );
    }

    #[test]
    fn images_leave_paragraphs_and_links_and_galleries_become_figures() {
        let gallery_item = |src: &'static str| {
            El(
                Tag::Figure,
                vec![El(
                    Tag::Break,
                    vec![
                        Text("\n\t\t"),
                        El(
                            Tag::Link("https://x/attachment".into()),
                            vec![El(Tag::Image(image(src)), vec![])],
                        ),
                    ],
                )],
            )
        };
        let blocks = build(vec![
            El(
                Tag::Break,
                vec![
                    Text("before "),
                    El(Tag::Image(image("https://x/p.jpg")), vec![]),
                    Text(" after"),
                ],
            ),
            El(
                Tag::Break,
                vec![
                    gallery_item("https://x/1.jpg"),
                    gallery_item("https://x/2.jpg"),
                ],
            ),
        ]);
        let figure = |src| Block::Figure {
            image: image(src),
            caption: Vec::new(),
        };
        assert_eq!(
            blocks,
            [
                p(vec![t("before")]),
                figure("https://x/p.jpg"),
                p(vec![t("after")]),
                figure("https://x/1.jpg"),
                figure("https://x/2.jpg"),
            ]
        );
    }

    #[test]
    fn a_caption_with_no_single_image_to_join_is_a_paragraph() {
        let blocks = build(vec![
            El(
                Tag::Figure,
                vec![Text("text"), El(Tag::Caption, vec![Text("cap")])],
            ),
            El(Tag::Caption, vec![Text("loose")]),
        ]);
        assert_eq!(
            blocks,
            [p(vec![t("text")]), p(vec![t("cap")]), p(vec![t("loose")])]
        );
    }

    #[test]
    fn quotes_rules_preformatted_text_and_code() {
        let blocks = build(vec![
            El(
                Tag::Quote,
                vec![
                    El(Tag::Break, vec![Text("Iceland is an adventure.")]),
                    El(Tag::Emphasis, vec![Text("— a traveller")]),
                ],
            ),
            El(Tag::Rule, vec![]),
            El(
                Tag::Preformatted,
                vec![El(
                    Tag::Code,
                    vec![
                        Text("fn main() {\n    "),
                        El(Tag::Strong, vec![Text("go();")]),
                        El(Tag::LineBreak, vec![]),
                        Text("}\n\n"),
                    ],
                )],
            ),
            El(
                Tag::Break,
                vec![
                    Text("Run "),
                    El(
                        Tag::Code,
                        vec![Text(" cargo   test "), El(Tag::Strong, vec![Text("-q")])],
                    ),
                    Text(" now"),
                ],
            ),
        ]);
        assert_eq!(
            blocks,
            [
                Block::Quote(vec![
                    p(vec![t("Iceland is an adventure.")]),
                    p(vec![Inline::Emphasis(vec![t("— a traveller")])]),
                ]),
                Block::Rule,
                Block::Preformatted("fn main() {\n    go();\n}".into()),
                p(vec![
                    t("Run "),
                    Inline::Code("cargo test -q".into()),
                    t(" now")
                ]),
            ]
        );
    }

    #[test]
    fn frames_become_links_in_running_text() {
        let blocks = build(vec![El(
            Tag::Break,
            vec![El(
                Tag::Embed {
                    href: "https://video.example/e/1".into(),
                    text: "The falls".into(),
                },
                vec![],
            )],
        )]);
        assert_eq!(
            blocks,
            [p(vec![Inline::Link {
                href: "https://video.example/e/1".into(),
                content: vec![t("The falls")]
            }])]
        );
    }

    #[test]
    fn the_same_inline_element_inside_itself_is_not_nested() {
        let blocks = build(vec![El(
            Tag::Strong,
            vec![El(
                Tag::Emphasis,
                vec![El(
                    Tag::Strong,
                    vec![El(
                        Tag::Link("https://a/".into()),
                        vec![El(Tag::Link("https://b/".into()), vec![Text("x")])],
                    )],
                )],
            )],
        )]);
        assert_eq!(
            blocks,
            [p(vec![Inline::Strong(vec![Inline::Emphasis(vec![
                Inline::Link {
                    href: "https://a/".into(),
                    content: vec![t("x")]
                }
            ])])])]
        );
    }

    #[test]
    fn sixty_thousand_nested_elements_stay_shallow() {
        for tag in [
            Tag::Strong,
            Tag::Unwrap,
            Tag::Quote,
            Tag::List { ordered: false },
        ] {
            let mut builder = Builder::default();
            let mut opened = Vec::new();
            for _ in 0..60_000 {
                opened.push(builder.open(tag.clone()));
                if tag == (Tag::List { ordered: false }) {
                    opened.push(builder.open(Tag::Item));
                }
            }
            builder.text("deep");
            while let Some(o) = opened.pop() {
                builder.close(o);
            }
            let blocks = builder.finish();
            assert!(depth(&blocks) < MAX_NESTING, "{tag:?}: {}", depth(&blocks));
            assert!(format!("{blocks:?}").contains("deep"), "{tag:?}");
        }
    }

    #[test]
    fn unclosed_elements_are_closed_at_the_end() {
        let mut builder = Builder::default();
        let _quote = builder.open(Tag::Quote);
        let _strong = builder.open(Tag::Strong);
        builder.text("cut off");
        let _heading = builder.open(Tag::Heading(3));
        builder.text("here");
        assert_eq!(
            builder.finish(),
            [Block::Quote(vec![
                p(vec![Inline::Strong(vec![t("cut off")])]),
                Block::Heading {
                    level: 3,
                    content: vec![Inline::Strong(vec![t("here")])]
                },
            ])]
        );
    }
}
