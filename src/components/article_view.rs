use std::rc::Rc;

use yew::prelude::*;

use super::{blocks::blocks, dateline, figure::figure, heading};
use crate::body;
use crate::config::{Target, TimeZone};
use crate::i18n;
use crate::model::Article;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article to show in full.
    pub article: Rc<Article>,
    /// Level of the headline element.
    #[prop_or(2)]
    pub heading_level: u8,
    /// BCP 47 tag for dates and UI words.
    pub locale: AttrValue,
    /// [`crate::i18n::fixed_dateline`] for this widget and article.
    #[prop_or_default]
    pub fixed_dateline: bool,
    /// Zone for the dateline.
    #[prop_or_default]
    pub time_zone: TimeZone,
    /// Where links in the body open.
    #[prop_or_default]
    pub target: Target,
}

/// One article in full: headline, meta line (dateline, byline, section),
/// lead figure and body.
#[component]
pub fn ArticleView(
    ArticleViewProps {
        article,
        heading_level,
        locale,
        time_zone,
        fixed_dateline,
        target,
    }: &ArticleViewProps,
) -> Html {
    let body = use_memo((article.clone(), *heading_level), |(article, level)| {
        body::blocks(&article.body, article.url.as_deref(), *level)
    });
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
                { blocks(&body, *target) }
            </div>
        </article>
    }
}
