use std::rc::Rc;

use yew::prelude::*;

use super::{dateline, heading, hide_on_error, link, ItemSummary};
use crate::config::{Layout, Target, TimeZone};
use crate::i18n;
use crate::model::{Article, Image};

/// Props of [`ArticleList`].
#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    /// The articles to show, already limited.
    pub items: Rc<[Rc<Article>]>,
    /// `List` or `Cards`.
    pub layout: Layout,
    /// Level of each item's headline.
    #[prop_or(2)]
    pub heading_level: u8,
    /// BCP 47 tag for dates.
    pub locale: AttrValue,
    /// Zone for datelines.
    #[prop_or_default]
    pub time_zone: TimeZone,
    /// Where headline links open.
    #[prop_or_default]
    pub target: Target,
    /// Asked before a reader follows an article link; `false` stops the navigation.
    #[prop_or_default]
    pub on_open: Option<Callback<ItemSummary, bool>>,
    /// Ids of the articles that are new since the last update, marked for the reader.
    #[prop_or_default]
    pub new_ids: Rc<[String]>,
}

/// Headlines with dateline, thumbnail and summary, as an ordered list.
#[component]
pub fn ArticleList(props: &ArticleListProps) -> Html {
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

/// A list or card image; decorative (the headline says what it is), and
/// hidden if it fails to load rather than showing a broken-image icon.
fn thumbnail(image: &Image) -> Html {
    html! {
        <img
            class="aw-thumb"
            src={image.src.clone()}
            alt=""
            width={image.width.map(|w| w.to_string())}
            height={image.height.map(|h| h.to_string())}
            srcset={image.srcset.clone()}
            sizes={image.srcset.as_ref().map(|_| "(min-width: 760px) 360px, 100vw")}
            loading="lazy"
            decoding="async"
            onerror={hide_on_error()}
        />
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
                if let Some(image) = &article.image {
                    { thumbnail(image) }
                }
                <div class="aw-item-text">
                    if new {
                        <span class="aw-new">{ i18n::strings(&props.locale).new }</span>
                    }
                    { heading(props.heading_level, "aw-item-headline", headline) }
                    if let Some(at) = article.published {
                        { dateline(&at, &props.locale, &props.time_zone, true) }
                    }
                    if let Some(summary) = &article.summary {
                        <p class="aw-summary">{ summary }</p>
                    }
                </div>
            </article>
        </li>
    }
}
