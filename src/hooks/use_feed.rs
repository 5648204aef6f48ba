//! Loading a feed in a hook: the copy kept from an earlier visit at once, a
//! fresh one from the network, again every `refresh` seconds. The load of a
//! previous source (or of a removed widget) is aborted with its retries and
//! timers, and its results are never applied.

use std::collections::HashSet;
use std::rc::Rc;

use futures::future::abortable;
use yew::prelude::*;

use crate::error::LoadError;
use crate::load::{self, Cached};
use crate::model::Feed;
use crate::source::{self, Document, Policy, Update};

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

/// A widget's feed and how current it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// What there is to show.
    pub state: FeedState,
    /// When the articles on screen were last known current (ms since the
    /// epoch), set only while the latest refresh has failed.
    pub stale_since: Option<u64>,
    /// Ids of the articles that were not on screen before the latest update.
    pub new_ids: Rc<[String]>,
    /// Counts the loads that succeeded, a refresh that found nothing new
    /// included, so that each can be announced.
    pub loads: u32,
    /// The resolved URL of the feed, when it has one.
    pub url: Option<AttrValue>,
}

/// Loads `source`, again whenever it or `reload` changes, and every `refresh`
/// seconds (0: never). A refresh keeps the articles on screen, even when it
/// fails. A new `refresh` or `policy` alone fetches nothing until due.
/// `need`: how many articles the view shows first, the ones read whole (see
/// [`load::feed`]); a new `need` alone loads nothing again.
#[hook]
pub fn use_feed(
    source: FeedSource,
    reload: u32,
    refresh: u32,
    policy: Policy,
    need: usize,
) -> Loaded {
    let model = use_reducer(Model::default);
    let sessions = use_mut_ref(|| 0u32);
    let last_reload = use_mut_ref(|| None::<u32>);
    {
        let model = model.clone();
        use_effect_with(
            (source, reload, refresh, policy),
            move |(source, reload, refresh, policy)| {
                let reloaded = last_reload.borrow_mut().replace(*reload) != Some(*reload);
                let session = {
                    let mut last = sessions.borrow_mut();
                    *last = last.wrapping_add(1);
                    *last
                };
                let (source, refresh, policy) = (source.clone(), *refresh, policy.clone());
                let dispatcher = model.dispatcher();
                let report = move |update| dispatcher.dispatch(Action::Update { session, update });
                // The first render ends its task; what a load needs first (the
                // request URL, the copy kept from an earlier visit, an inline
                // document read) is done in the next, so that neither is long
                // enough to block the page. Even an outcome known at once is
                // applied from a task, like any other: a source replaced within
                // the same turn never shows.
                let work = async move {
                    source::yield_to_page().await;
                    let target = match &source {
                        FeedSource::Missing => Target::Known(Err(LoadError::NoSource)),
                        FeedSource::Inline(json) => {
                            Target::Known(load::inline(json, need).map(Rc::new))
                        }
                        FeedSource::Url(src) => match source::request_url(src) {
                            Ok(url) => Target::Url(url),
                            Err(error) => Target::Known(Err(error)),
                        },
                    };
                    match target {
                        Target::Known(outcome) => {
                            model.dispatch(Action::Start {
                                session,
                                url: None,
                                keep: false,
                                cached: None,
                            });
                            report(match outcome {
                                Ok(value) => Update::Fresh {
                                    value,
                                    etag: None,
                                    at: 0,
                                },
                                Err(error) => Update::Failed(error),
                            });
                        }
                        Target::Url(url) => {
                            let keep = model.loaded.url.as_deref() == Some(url.as_str())
                                && matches!(model.loaded.state, FeedState::Ready(_));
                            let cached = if keep { None } else { load::cached(&url, need) };
                            let etag = match &cached {
                                Some(cached) => cached.etag.clone(),
                                None if keep => model.etag.clone(),
                                None => None,
                            };
                            model.dispatch(Action::Start {
                                session,
                                url: Some(url.as_str().into()),
                                keep,
                                cached,
                            });
                            let watch = source::Watch {
                                url,
                                etag,
                                policy,
                                refresh_s: refresh,
                                // Only `refresh` or the policy changed: what is
                                // on screen is current, the next fetch is when due.
                                fetch_now: !keep || reloaded,
                            };
                            let parse =
                                move |document: &Document| load::feed(document, need).map(Rc::new);
                            source::watch(watch, parse, report).await;
                        }
                    }
                };
                let (task, cancel) = abortable(work);
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = task.await;
                });
                move || cancel.abort()
            },
        );
    }
    model.loaded.clone()
}

/// What a load starts from.
enum Target {
    /// A URL to fetch.
    Url(String),
    /// Nothing to fetch: the outcome is known.
    Known(Result<Rc<Feed>, LoadError>),
}

#[derive(Debug)]
enum Action {
    /// A load begins; actions of earlier sessions are ignored from now on.
    /// With `keep`, the articles on screen stay (a refresh of the same URL);
    /// else the copy `cached` from an earlier visit shows, or the skeleton.
    Start {
        session: u32,
        url: Option<AttrValue>,
        keep: bool,
        cached: Option<Cached>,
    },
    /// A load of `session` reports.
    Update {
        session: u32,
        update: Update<Rc<Feed>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Model {
    loaded: Loaded,
    session: u32,
    /// The `ETag` of the document on screen.
    etag: Option<String>,
    /// When the document on screen was last known current.
    confirmed_at: u64,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            loaded: Loaded {
                state: FeedState::Loading,
                stale_since: None,
                new_ids: Rc::new([]),
                loads: 0,
                url: None,
            },
            session: 0,
            etag: None,
            confirmed_at: 0,
        }
    }
}

impl Model {
    /// Puts `state` on screen; with `mark_new`, the articles that were not
    /// there before are marked.
    fn show(&mut self, state: FeedState, etag: Option<String>, at: u64, mark_new: bool) {
        self.loaded.new_ids = match (&self.loaded.state, &state) {
            (FeedState::Ready(old), FeedState::Ready(new)) if mark_new => {
                let before: HashSet<&str> = old.ids().collect();
                new.items
                    .iter()
                    .filter(|a| !before.contains(a.id.as_str()))
                    .map(|a| a.id.clone())
                    .collect()
            }
            _ => Rc::new([]),
        };
        if matches!(state, FeedState::Ready(_)) {
            self.loaded.loads = self.loaded.loads.wrapping_add(1);
        }
        self.loaded.state = state;
        self.loaded.stale_since = None;
        self.etag = etag;
        self.confirmed_at = at;
    }
}

impl Reducible for Model {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut model = (*self).clone();
        match action {
            Action::Start {
                session,
                url,
                keep,
                cached,
            } => {
                model.session = session;
                model.loaded.url = url;
                match cached {
                    _ if keep => {}
                    Some(cached) => {
                        let state = FeedState::Ready(cached.feed);
                        model.show(state, cached.etag, cached.saved_at, false);
                    }
                    None => model.show(FeedState::Loading, None, 0, false),
                }
            }
            Action::Update { session, .. } if session != model.session => return self,
            Action::Update { update, .. } => match update {
                Update::Fresh { value, etag, at } => {
                    model.show(FeedState::Ready(value), etag, at, true)
                }
                Update::Unchanged { etag, at } => {
                    let state = model.loaded.state.clone();
                    model.show(state, etag, at, false);
                }
                Update::Failed(error) => match model.loaded.state {
                    FeedState::Ready(_) => model.loaded.stale_since = Some(model.confirmed_at),
                    _ => model.loaded.state = FeedState::Failed(error),
                },
            },
        }
        Rc::new(model)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(ids: &[&str]) -> Rc<Feed> {
        Rc::new(Feed::of_ids(ids))
    }

    fn reduce(model: Rc<Model>, action: Action) -> Rc<Model> {
        model.reduce(action)
    }

    fn start(session: u32, url: &str, cached: Option<Cached>) -> Action {
        Action::Start {
            session,
            url: Some(url.into()),
            keep: false,
            cached,
        }
    }

    fn refresh(session: u32, url: &str) -> Action {
        Action::Start {
            session,
            url: Some(url.into()),
            keep: true,
            cached: None,
        }
    }

    fn update(session: u32, update: Update<Rc<Feed>>) -> Action {
        Action::Update { session, update }
    }

    fn fresh(ids: &[&str], at: u64) -> Update<Rc<Feed>> {
        Update::Fresh {
            value: feed(ids),
            etag: Some(format!("\"{at}\"")),
            at,
        }
    }

    #[test]
    fn the_cached_copy_shows_at_once_and_fresh_articles_are_marked_new() {
        let cached = Cached {
            feed: feed(&["a", "b"]),
            etag: Some("\"old\"".into()),
            saved_at: 100,
        };
        let m = reduce(Rc::default(), start(1, "u", Some(cached)));
        assert!(matches!(m.loaded.state, FeedState::Ready(_)));
        assert_eq!((m.loaded.loads, m.etag.as_deref()), (1, Some("\"old\"")));
        let m = reduce(m, update(1, fresh(&["c", "a", "b"], 200)));
        assert_eq!(&*m.loaded.new_ids, ["c".to_owned()]);
        assert_eq!((m.loaded.loads, m.confirmed_at), (2, 200));
        let m = reduce(
            m,
            update(
                1,
                Update::Unchanged {
                    etag: Some("\"200\"".into()),
                    at: 300,
                },
            ),
        );
        assert!(m.loaded.new_ids.is_empty());
        assert_eq!((m.loaded.loads, m.confirmed_at), (3, 300));
        assert_eq!(m.etag.as_deref(), Some("\"200\""));
    }

    #[test]
    fn a_failed_refresh_keeps_the_articles_with_the_time_they_are_from() {
        let m = reduce(Rc::default(), start(1, "u", None));
        assert_eq!(m.loaded.state, FeedState::Loading);
        let m = reduce(m, update(1, fresh(&["a"], 1_000)));
        let m = reduce(m, update(1, Update::Failed(LoadError::Network("x".into()))));
        assert!(matches!(m.loaded.state, FeedState::Ready(_)));
        assert_eq!((m.loaded.stale_since, m.loaded.loads), (Some(1_000), 1));
        // refresh(): same URL, the articles stay and so does the notice.
        let m = reduce(m, refresh(2, "u"));
        assert!(matches!(m.loaded.state, FeedState::Ready(_)));
        assert_eq!(m.loaded.stale_since, Some(1_000));
        let m = reduce(
            m,
            update(
                2,
                Update::Unchanged {
                    etag: None,
                    at: 5_000,
                },
            ),
        );
        assert_eq!(m.loaded.stale_since, None);
    }

    #[test]
    fn a_first_load_that_fails_is_an_error() {
        let m = reduce(Rc::default(), start(1, "u", None));
        let m = reduce(
            m,
            update(1, Update::Failed(LoadError::Timeout { seconds: 10 })),
        );
        assert_eq!(
            m.loaded.state,
            FeedState::Failed(LoadError::Timeout { seconds: 10 })
        );
        let m = reduce(m, start(2, "u", None));
        assert_eq!(
            m.loaded.state,
            FeedState::Loading,
            "retry shows the skeleton"
        );
    }

    #[test]
    fn only_the_newest_session_is_applied() {
        let m = reduce(Rc::default(), start(1, "old", None));
        let m = reduce(m, start(2, "new", None));
        let m = reduce(m, update(1, fresh(&["from-old"], 1)));
        assert_eq!(m.loaded.state, FeedState::Loading);
        let m = reduce(m, update(2, fresh(&["from-new"], 2)));
        let FeedState::Ready(feed) = &m.loaded.state else {
            panic!()
        };
        assert_eq!(feed.items[0].id, "from-new");
        // A new src replaces what is on screen.
        let m = reduce(m, start(3, "other", None));
        assert_eq!(m.loaded.state, FeedState::Loading);
        assert!(m.loaded.new_ids.is_empty());
    }
}
