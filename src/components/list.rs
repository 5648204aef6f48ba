use std::rc::Rc;

use yew::prelude::*;

use super::{dateline, heading, image, link, ItemSummary};
use crate::config::{Layout, Target, TimeZone};
use crate::i18n;
use crate::model::Article;

/// What [`article_list`] shows, and how.
pub struct ArticleListProps {
    /// The articles to show, already limited.
    pub items: Rc<[Rc<Article>]>,
    /// `List` or `Cards`.
    pub layout: Layout,
    /// Level of each item's headline.
    pub heading_level: u8,
    /// BCP 47 tag for dates.
    pub locale: AttrValue,
    /// [`crate::i18n::fixed_dateline`] for this widget and list.
    pub fixed_dateline: bool,
    /// Zone for datelines.
    pub time_zone: TimeZone,
    /// Where headline links open.
    pub target: Target,
    /// Asked before a reader follows an article link; `false` stops the navigation.
    pub on_open: Option<Callback<ItemSummary, bool>>,
    /// Ids of the articles that are new since the last update, marked for the reader.
    pub new_ids: Rc<[String]>,
}

/// Headlines with dateline, thumbnail and summary, as an ordered list. A
/// plain function rather than a component: each component type costs the
/// bundle its own copy of Yew's lifecycle code.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let class = if props.layout == Layout::Cards {
        "aw-list aw-cards"
    } else {
        "aw-list"
    };
    html! {
        <ol class={class}>
            { for props.items.iter().map(|article| item(article, props)) }
        </ol>
    }
}

fn item(article: &Article, props: &ArticleListProps) -> Html {
    let headline = match &article.url {
        Some(url) => {
            let onclick = props.on_open.clone().map(|on_open| {
                let summary = ItemSummary::of(article);
                Callback::from(move |event: MouseEvent| {
                    if !on_open.emit(summary.clone()) {
                        event.prevent_default();
                    }
                })
            });
            link(url, props.target, onclick, html! { &article.headline })
        }
        None => html! { &article.headline },
    };
    let new = props.new_ids.contains(&article.id);
    html! {
        <li class="aw-item" part="item" key={article.id.clone()} data-new={new.then_some("")}>
            <article class="aw-item-article" lang={article.language.clone()}>
                if let Some(img) = &article.image {
                    // Decorative: the headline says what it shows.
                    { image(img, Some("aw-thumb"), None, "", "(min-width: 760px) 360px, 100vw") }
                }
                <div class="aw-item-text">
                    if new {
                        <span class="aw-new">{ i18n::strings(&props.locale).new }</span>
                    }
                    { heading(props.heading_level, "aw-item-headline", headline) }
                    if let Some(at) = article.published {
                        { dateline(&at, &props.locale, &props.time_zone, true, props.fixed_dateline) }
                    }
                    if let Some(summary) = &article.summary {
                        <p class="aw-summary">{ summary }</p>
                    }
                </div>
            </article>
        </li>
    }
}
