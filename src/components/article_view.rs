use std::rc::Rc;

use yew::prelude::*;

use super::{heading, Dateline, Figure};
use crate::config::TimeZone;
use crate::i18n;
use crate::model::{Article, Body};

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
    /// Zone for the dateline.
    #[prop_or_default]
    pub time_zone: TimeZone,
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
    }: &ArticleViewProps,
) -> Html {
    let paragraphs = use_memo(article.clone(), |article| paragraphs(&article.body));
    let strings = i18n::strings(locale);
    html! {
        <article class="aw-article" lang={article.language.clone()}>
            { heading(*heading_level, "aw-headline", html! { &article.headline }) }
            <p class="aw-meta">
                if let Some(place) = &article.dateline {
                    <span class="aw-place">{ place }</span>
                }
                if let Some(at) = article.published {
                    <Dateline {at} locale={locale.clone()} time_zone={time_zone.clone()} />
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
                <Figure image={image.clone()} />
            }
            <div class="aw-body" part="body">
                { for paragraphs.iter().map(|p| html! { <p>{ p }</p> }) }
            </div>
        </article>
    }
}

fn paragraphs(body: &Body) -> Vec<String> {
    match body {
        Body::Empty => Vec::new(),
        Body::Text(paragraphs) => paragraphs.clone(),
        #[cfg(target_arch = "wasm32")]
        Body::Html(html) => crate::body::text_paragraphs(html),
        #[cfg(not(target_arch = "wasm32"))]
        Body::Html(_) => Vec::new(),
    }
}
