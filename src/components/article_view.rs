use std::rc::Rc;

use yew::prelude::*;

use super::{blocks::blocks, dateline, figure::figure, heading};
use crate::config::{Target, TimeZone};
use crate::i18n;
use crate::model::{Article, Block};

/// What [`article_view`] shows, and how.
pub struct ArticleViewProps {
    /// The article to show in full.
    pub article: Rc<Article>,
    /// Its body as blocks: [`crate::body::blocks`] of the article's body, its
    /// URL and `heading_level`, kept by the caller (`use_memo`) so that it is
    /// made once per article.
    pub body: Rc<Vec<Block>>,
    /// Level of the headline element.
    pub heading_level: u8,
    /// BCP 47 tag for dates and UI words.
    pub locale: AttrValue,
    /// [`crate::i18n::fixed_dateline`] for this widget and article.
    pub fixed_dateline: bool,
    /// Zone for the dateline.
    pub time_zone: TimeZone,
    /// Where links in the body open.
    pub target: Target,
}

/// One article in full: headline, meta line (dateline, byline, section),
/// lead figure and body. A plain function rather than a component: each
/// component type costs the bundle its own copy of Yew's lifecycle code.
// A function of its own in the wasm (see `widget::frame`).
#[inline(never)]
pub fn article_view(
    ArticleViewProps {
        article,
        body,
        heading_level,
        locale,
        time_zone,
        fixed_dateline,
        target,
    }: &ArticleViewProps,
) -> Html {
    let strings = i18n::strings(locale);
    html! {
        <article class="aw-article" lang={article.language.clone()}>
            { heading(*heading_level, "aw-headline", html! { &article.headline }) }
            <p class="aw-meta">
                if let Some(place) = &article.dateline {
                    <span class="aw-place">{ place }</span>
                }
                if let Some(at) = article.published {
                    { dateline(&at, locale, time_zone, false, *fixed_dateline) }
                }
                if !article.authors.is_empty() {
                    <span class="aw-byline" part="byline">
                        <span class="aw-visually-hidden">{ strings.by }{ " " }</span>
                        { article.authors.join(", ") }
                    </span>
                }
                if let Some(section) = &article.section {
                    <span class="aw-section">{ section }</span>
                }
            </p>
            if let Some(image) = &article.image {
                { figure(image) }
            }
            <div class="aw-body" part="body">
                { blocks(body, *target) }
            </div>
        </article>
    }
}
