//! Loading a feed in a hook: one request per source, the outdated ones aborted.

use std::rc::Rc;

use web_sys::{AbortController, AbortSignal};
use yew::prelude::*;

use crate::error::LoadError;
use crate::formats;
use crate::model::Feed;
use crate::source;

/// Where a widget's document comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedSource {
    /// A URL, as written in `src` (resolved against the page).
    Url(AttrValue),
    /// The JSON text itself, from an inline `<script type="application/json">`.
    Inline(AttrValue),
    /// Nothing to read.
    Missing,
}

/// What a widget has to show.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedState {
    /// The first answer has not arrived.
    Loading,
    /// A feed, possibly with no items.
    Ready(Rc<Feed>),
    /// Why there is nothing to show.
    Failed(LoadError),
}

/// Loads `source`, again whenever it or `reload` changes. The request of a
/// previous source is aborted and its result never applied.
#[hook]
pub fn use_feed(source: FeedSource, reload: u32) -> FeedState {
    let state = use_state(|| FeedState::Loading);
    {
        let state = state.clone();
        use_effect_with((source, reload), move |(source, _)| {
            let controller = AbortController::new().ok();
            let signal = controller.as_ref().map(AbortController::signal);
            if !matches!(*state, FeedState::Loading) {
                state.set(FeedState::Loading);
            }
            let source = source.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = load(&source, signal.as_ref()).await;
                if signal.as_ref().is_some_and(AbortSignal::aborted) {
                    return;
                }
                state.set(match result {
                    Ok(feed) => FeedState::Ready(Rc::new(feed)),
                    Err(error) => FeedState::Failed(error),
                });
            });
            move || {
                if let Some(controller) = controller {
                    controller.abort();
                }
            }
        });
    }
    (*state).clone()
}

async fn load(source: &FeedSource, signal: Option<&AbortSignal>) -> Result<Feed, LoadError> {
    let page = source::resolve_against_page(".").ok();
    let (text, base) = match source {
        FeedSource::Url(src) => {
            let url = source::resolve_against_page(src)?;
            (source::fetch_text(&url, signal).await?, Some(url))
        }
        FeedSource::Inline(json) => (json.to_string(), page),
        FeedSource::Missing => return Err(LoadError::NoSource),
    };
    let mut feed = formats::parse(&text)?;
    feed.resolve_urls(|href| source::resolve(href, base.as_deref()));
    Ok(feed)
}
