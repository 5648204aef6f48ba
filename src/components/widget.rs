use std::rc::Rc;

use yew::prelude::*;

use super::updates::{load_more, update_notice};
use super::{
    article_list, article_view, empty_state, error_state, skeleton, ArticleListProps,
    ArticleViewProps, SKELETON_DELAY_MS,
};
use crate::body;
use crate::config::{Config, ItemRef, Layout, Target, Theme, TimeZone};
use crate::error::LoadError;
use crate::hooks::{use_after, use_feed, use_more, FeedSource, FeedState, More};
use crate::i18n;
use crate::model::{Article, Block, Feed};
use crate::source::Policy;

/// What a reader sees of an article, as reported with `article-widget:ready`
/// and `article-widget:open`.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemSummary {
    /// The article's `id`.
    pub id: String,
    /// Its page.
    pub url: Option<String>,
    /// Its headline.
    pub headline: String,
}

impl ItemSummary {
    /// The summary of an article.
    pub fn of(article: &Article) -> ItemSummary {
        ItemSummary {
            id: article.id.clone(),
            url: article.url.clone(),
            headline: article.headline.clone(),
        }
    }
}

/// The widget's state, as the host element's `data-state` and events show it.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetState {
    /// Waiting for the first answer.
    Loading,
    /// Articles on screen.
    Ready(Rc<[ItemSummary]>),
    /// A readable document with no article in it.
    Empty,
    /// Nothing could be shown.
    Error(LoadError),
}

impl WidgetState {
    /// The value of `data-state`.
    pub fn as_str(&self) -> &'static str {
        match self {
            WidgetState::Loading => "loading",
            WidgetState::Ready(_) => "ready",
            WidgetState::Empty => "empty",
            WidgetState::Error(_) => "error",
        }
    }
}

/// Props of [`ArticleWidget`]: the element's attributes, typed.
#[derive(Properties, PartialEq, Clone)]
pub struct ArticleWidgetProps {
    /// URL of the JSON document, resolved against the page.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// The JSON document itself, used when there is no `src`.
    #[prop_or_default]
    pub inline_json: Option<AttrValue>,
    /// `None` shows one article in full when the document has one, else a list.
    #[prop_or_default]
    pub layout: Option<Layout>,
    /// Which item `Layout::Article` shows; the first by default.
    #[prop_or_default]
    pub item: Option<ItemRef>,
    /// Items shown in lists and cards, 1–100.
    #[prop_or(10)]
    pub limit: usize,
    /// BCP 47 tag; by default the article's, then the page's, then the browser's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Zone of datelines.
    #[prop_or_default]
    pub time_zone: TimeZone,
    /// Colour scheme.
    #[prop_or_default]
    pub theme: Theme,
    /// Level of headline elements, 1–6.
    #[prop_or(2)]
    pub heading_level: u8,
    /// Where article links open.
    #[prop_or_default]
    pub target: Target,
    /// Seconds between re-fetches while the page is visible; 0 never, else at least 30.
    #[prop_or_default]
    pub refresh: u32,
    /// Limits of fetching (timeout, attempts, size cap). Not an attribute:
    /// the element always uses the defaults.
    #[prop_or_default]
    pub policy: Policy,
    /// Change it to fetch again.
    #[prop_or_default]
    pub reload: u32,
    /// Told each time the state changes.
    #[prop_or_default]
    pub on_state: Callback<WidgetState>,
    /// Asked before a reader follows an article link; `false` stops the navigation.
    #[prop_or_default]
    pub on_open: Option<Callback<ItemSummary, bool>>,
}

impl ArticleWidgetProps {
    /// Props from parsed attributes.
    pub fn from_config(config: Config) -> Self {
        ArticleWidgetProps {
            src: config.src,
            inline_json: None,
            layout: config.layout,
            item: config.item,
            limit: config.limit,
            lang: config.lang,
            time_zone: config.time_zone,
            theme: config.theme,
            heading_level: config.heading_level,
            target: config.target,
            refresh: config.refresh,
            policy: Policy::default(),
            reload: 0,
            on_state: Callback::default(),
            on_open: None,
        }
    }
}

impl Default for ArticleWidgetProps {
    fn default() -> Self {
        ArticleWidgetProps::from_config(Config::default())
    }
}

/// The whole widget: loads the document and shows its articles, or says why not.
///
/// The `<article-widget>` element renders this component with props parsed
/// from its attributes ([`ArticleWidgetProps::from_config`]); a Yew
/// application renders it directly, inside a shadow root that adopts
/// [`STYLESHEET`](crate::STYLESHEET) or a page that includes
/// `styles/widget.css`. Instead of the element's events it takes callbacks:
///
/// ```
/// use article_widget::components::{ArticleWidget, ItemSummary, WidgetState};
/// use article_widget::config::Layout;
/// use yew::prelude::*;
///
/// #[component]
/// fn Sidebar() -> Html {
///     let shown = use_state(|| 0usize);
///     let on_state = {
///         let shown = shown.clone();
///         Callback::from(move |state: WidgetState| {
///             if let WidgetState::Ready(items) = state {
///                 shown.set(items.len());
///             }
///         })
///     };
///     // Returning false keeps the reader on the page, like preventDefault().
///     let on_open = Callback::from(|item: ItemSummary| item.url.is_some());
///     html! {
///         <aside>
///             <ArticleWidget src="https://news.example/feed.json" layout={Layout::List}
///                 limit={6} heading_level={3} {on_state} {on_open} />
///             <p>{ format!("{} stories", *shown) }</p>
///         </aside>
///     }
/// }
/// # let _ = html! { <Sidebar /> };
/// ```
#[component]
pub fn ArticleWidget(props: &ArticleWidgetProps) -> Html {
    let retries = use_state(|| 0u32);
    let source = match (&props.src, &props.inline_json) {
        (Some(src), _) => FeedSource::Url(src.clone()),
        (None, Some(json)) => FeedSource::Inline(json.clone()),
        (None, None) => FeedSource::Missing,
    };
    // Read whole first: the articles a list shows, and one more to know
    // whether there are more (two: whether there is only one).
    let need = props.limit.saturating_add(1).max(2);
    let loaded = use_feed(
        source,
        props.reload.wrapping_add(*retries),
        props.refresh,
        props.policy.clone(),
        need,
    );
    let shown = match &loaded.state {
        FeedState::Ready(feed) => Some(feed.clone()),
        _ => None,
    };
    let more = use_more(shown, loaded.url.clone(), props.limit, props.policy.clone());

    let view = match &loaded.state {
        FeedState::Ready(feed) => View::of(feed, props, &more.items),
        FeedState::Loading => View::Loading,
        FeedState::Failed(error) => View::Failed(error.clone()),
    };
    let skeleton_due = use_after(SKELETON_DELAY_MS, matches!(view, View::Loading));
    let body = use_body(&view, props.heading_level);
    let state = view.state();
    {
        // Announced again after each successful load, new articles or not.
        let on_state = props.on_state.clone();
        use_effect_with((state, loaded.loads), move |(state, _)| {
            on_state.emit(state.clone())
        });
    }

    let on_retry = Callback::from(move |_| retries.set(retries.wrapping_add(1)));
    let shown = Shown {
        skeleton: skeleton_due,
        body,
        stale_since: loaded.stale_since,
        new_ids: loaded.new_ids.clone(),
        more: &more,
        on_retry,
    };
    frame(view, props, shown)
}

/// What a widget shows besides its view: how current it is, what is new,
/// what "Load more" can do, and how to retry.
pub(super) struct Shown<'a> {
    /// Whether a load has run long enough for the skeleton to be drawn.
    pub(super) skeleton: bool,
    /// The article view's body, as blocks ([`use_body`]).
    pub(super) body: Rc<Vec<Block>>,
    pub(super) stale_since: Option<u64>,
    pub(super) new_ids: Rc<[String]>,
    pub(super) more: &'a More,
    pub(super) on_retry: Callback<MouseEvent>,
}

/// The widget's markup for a view: the same for the browser's widget and the
/// server's snapshot ([`super::ArticleSnapshot`]), so that one can replace
/// the other without anything moving.
///
/// Each view's markup (the article, the list, the states) is a function the
/// compiler does not inline (`#[inline(never)]`): the browser compiles a
/// wasm function on its first call, so a page compiles only the views it
/// shows, each in the task that first shows it, rather than all of them in
/// the widget's first render.
pub(super) fn frame(view: View, props: &ArticleWidgetProps, shown: Shown<'_>) -> Html {
    let Shown {
        skeleton: skeleton_due,
        body,
        stale_since,
        new_ids,
        more,
        on_retry,
    } = shown;
    let article_lang = match &view {
        View::Article(article) => article.language.clone(),
        View::List(items) => items.first().and_then(|a| a.language.clone()),
        _ => None,
    };
    let page_lang = i18n::page_locale();
    let locale: AttrValue = i18n::pick_locale([
        props.lang.as_deref(),
        article_lang.as_deref(),
        page_lang.as_deref(),
    ])
    .into();
    let own_locale = [props.lang.as_deref(), article_lang.as_deref()]
        .into_iter()
        .flatten()
        .find(|tag| !tag.trim().is_empty());
    let fixed_dateline = i18n::fixed_dateline(own_locale, &props.time_zone);
    let layout = match &view {
        View::Article(_) => Layout::Article,
        _ => props.layout.unwrap_or(Layout::List),
    };

    let notice = matches!(view, View::Article(_) | View::List(_))
        .then(|| update_notice(stale_since, &locale));
    let content = match view {
        View::Loading if skeleton_due => skeleton(layout, props.limit, &locale),
        View::Loading => Html::default(),
        View::Failed(error) => error_state(&error, &locale, on_retry),
        View::Empty => empty_state(&locale),
        View::Article(article) => article_view(&ArticleViewProps {
            article,
            body,
            heading_level: props.heading_level,
            locale: locale.clone(),
            fixed_dateline,
            time_zone: props.time_zone.clone(),
            target: props.target,
        }),
        View::List(items) => html! {
            <>
                { article_list(&ArticleListProps {
                    items,
                    layout,
                    heading_level: props.heading_level,
                    locale: locale.clone(),
                    fixed_dateline,
                    time_zone: props.time_zone.clone(),
                    target: props.target,
                    on_open: props.on_open.clone(),
                    new_ids,
                }) }
                if more.available { { load_more(more, &locale) } }
            </>
        },
    };

    html! {
        <div class="aw" lang={locale.clone()} dir={i18n::direction(&locale)} data-theme={props.theme.as_str()}
            data-layout={layout.as_str()}>
            { notice }
            { content }
        </div>
    }
}

/// The body of the article a view shows, as blocks (the body parsed and
/// checked, see [`crate::body::blocks`]): made once per article and level.
#[hook]
pub(super) fn use_body(view: &View, heading_level: u8) -> Rc<Vec<Block>> {
    let article = match view {
        View::Article(article) => Some(article.clone()),
        _ => None,
    };
    use_memo((article, heading_level), |(article, level)| {
        article.as_ref().map_or_else(Vec::new, |article| {
            body::blocks(&article.body, article.url.as_deref(), *level)
        })
    })
}

/// What the document comes to once the props have chosen from it.
pub(super) enum View {
    Loading,
    Failed(LoadError),
    Empty,
    Article(Rc<Article>),
    List(Rc<[Rc<Article>]>),
}

impl View {
    /// `listed` are the articles a list shows (see [`use_more`]).
    pub(super) fn of(feed: &Feed, props: &ArticleWidgetProps, listed: &Rc<[Rc<Article>]>) -> View {
        if feed.items.is_empty() {
            return View::Empty;
        }
        match props.layout {
            Some(Layout::Article) => View::Article(pick(feed, props.item.as_ref())),
            None if feed.items.len() == 1 => View::Article(feed.items[0].clone()),
            _ => View::List(listed.clone()),
        }
    }

    fn state(&self) -> WidgetState {
        match self {
            View::Loading => WidgetState::Loading,
            View::Failed(error) => WidgetState::Error(error.clone()),
            View::Empty => WidgetState::Empty,
            View::Article(article) => WidgetState::Ready(Rc::new([ItemSummary::of(article)])),
            View::List(items) => {
                WidgetState::Ready(items.iter().map(|a| ItemSummary::of(a)).collect())
            }
        }
    }
}

/// The item `item` names, else the first; among the articles not read yet
/// (see [`Feed::rest`]) when not among those read.
fn pick(feed: &Feed, item: Option<&ItemRef>) -> Rc<Article> {
    let read = feed.items.len();
    let found = match item {
        Some(ItemRef::Id(id)) => (feed.items.iter())
            .find(|a| a.id == id.as_str())
            .cloned()
            .or_else(|| {
                feed.rest
                    .articles()
                    .iter()
                    .find(|a| a.id == id.as_str())
                    .cloned()
            }),
        Some(ItemRef::Index(i)) if *i < read => Some(feed.items[*i].clone()),
        Some(ItemRef::Index(i)) => feed.rest.articles().get(i - read).cloned(),
        None => None,
    };
    found.unwrap_or_else(|| feed.items[0].clone())
}
