//! "Load more": the articles a list shows, and the next pages of its feed
//! appended below them on request.

use std::collections::HashSet;
use std::rc::Rc;

use futures::future::{abortable, AbortHandle};
use yew::prelude::*;

use crate::error::LoadError;
use crate::load;
use crate::model::{Article, Feed};
use crate::source::{self, Fetched, Policy};

/// How the next page is doing.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum MoreStatus {
    /// Nothing asked, or the last page arrived.
    #[default]
    Idle,
    /// The next page is on its way.
    Loading,
    /// The next page could not be loaded; asking again retries.
    Failed(LoadError),
}

/// The articles a list shows, and what "Load more" can do.
#[derive(Clone, Debug, PartialEq)]
pub struct More {
    /// The feed's articles, then those of the pages loaded since, without
    /// repeats, as many as the reader asked for (`limit` at first).
    pub items: Rc<[Rc<Article>]>,
    /// Whether there is more: loaded articles not shown yet, or a next page.
    pub available: bool,
    /// How the next page is doing.
    pub status: MoreStatus,
    /// Shows `limit` more articles, fetching the next page when the loaded
    /// ones run out.
    pub load: Callback<()>,
}

/// The articles of `feed` to show, `limit` at a time. `key` names the feed
/// (its URL): when it changes, the pages loaded are dropped and a page still
/// on its way is aborted.
#[hook]
pub fn use_more(
    feed: Option<Rc<Feed>>,
    key: Option<AttrValue>,
    limit: usize,
    policy: Policy,
) -> More {
    let pager = use_reducer(Pager::default);
    let in_flight = use_mut_ref(|| None::<AbortHandle>);
    {
        let in_flight = in_flight.clone();
        use_effect_with(key.clone(), move |_| {
            move || {
                if let Some(handle) = in_flight.borrow_mut().take() {
                    handle.abort();
                }
            }
        });
    }
    let fresh = Pager::default();
    let current = if pager.key == key { &*pager } else { &fresh };
    let Some(feed) = feed else {
        return More {
            items: Rc::new([]),
            available: false,
            status: MoreStatus::Idle,
            load: Callback::noop(),
        };
    };
    let want = current.want.max(limit);
    let (all, unread) = current.all(&feed, want);
    let load = {
        let (feed, key, pager) = (feed.clone(), key.clone(), pager.clone());
        // The articles loaded: the feed's not read yet count, so that no
        // page is fetched while they last.
        let count = all.len() + unread;
        let current = current.clone();
        Callback::from(move |()| {
            if current.status == MoreStatus::Loading {
                return;
            }
            let (want, next) = current.asked(&feed, count, limit);
            pager.dispatch(Step::Want {
                key: key.clone(),
                want,
                loading: next.is_some(),
            });
            let Some(url) = next else {
                return;
            };
            let (pager, key, policy) = (pager.clone(), key.clone(), policy.clone());
            let (task, handle) = abortable(async move {
                let page = match source::fetch(&url, None, &policy).await {
                    // A page is shown whole once it is asked for.
                    Ok(Fetched::Changed(document)) => load::feed(&document, usize::MAX),
                    Ok(Fetched::Unchanged) => Err(LoadError::Empty),
                    Err(error) => Err(error),
                };
                pager.dispatch(match page {
                    Ok(page) => Step::Arrived { key, url, page },
                    Err(error) => Step::Failed { key, error },
                });
            });
            if let Some(old) = in_flight.borrow_mut().replace(handle) {
                old.abort();
            }
            wasm_bindgen_futures::spawn_local(async move {
                let _ = task.await;
            });
        })
    };
    More {
        available: all.len() > want || current.next_url(&feed).is_some(),
        items: all.into_iter().take(want).collect(),
        status: current.status.clone(),
        load,
    }
}

/// Where the next page is.
#[derive(Clone, Debug, Default, PartialEq)]
enum Next {
    /// Where the feed says (its `next_url`).
    #[default]
    OfFeed,
    /// Where the last page loaded says.
    Url(String),
    /// There is none.
    End,
}

/// The pages loaded for one feed, and how many articles the reader asked for.
#[derive(Clone, Debug, Default, PartialEq)]
struct Pager {
    key: Option<AttrValue>,
    /// Articles to show; 0 until the reader asks for more (then `limit` applies).
    want: usize,
    /// The articles of the pages loaded, in order, without repeats.
    pages: Vec<Rc<Article>>,
    next: Next,
    /// The pages loaded, so that a feed whose pages go round in a circle ends.
    visited: Vec<String>,
    status: MoreStatus,
}

impl Pager {
    /// The feed's articles, then the pages' ones it does not already have:
    /// at least `want` and one more, if there are. The feed's articles not
    /// read yet ([`Feed::rest`]) are read when the others run short; until
    /// then, how many they are is the second number.
    fn all(&self, feed: &Feed, want: usize) -> (Vec<Rc<Article>>, usize) {
        let mut all = feed.items.clone();
        let mut unread = feed.rest.len();
        if all.len() <= want {
            all.extend(feed.rest.articles().iter().cloned());
            unread = 0;
        }
        let shown: HashSet<&str> = feed.ids().collect();
        all.extend(
            self.pages
                .iter()
                .filter(|a| !shown.contains(a.id.as_str()))
                .cloned(),
        );
        (all, unread)
    }

    fn next_url<'a>(&'a self, feed: &'a Feed) -> Option<&'a str> {
        match &self.next {
            Next::OfFeed => feed.next_url.as_deref(),
            Next::Url(url) => Some(url.as_str()),
            Next::End => None,
        }
        .filter(|url| !self.visited.iter().any(|v| v == url))
    }

    /// After "Load more", with `count` articles loaded: how many to show, and
    /// the page to fetch for them, if any. After a failed page the count
    /// stays, so asking again fetches it again.
    fn asked(&self, feed: &Feed, count: usize, limit: usize) -> (usize, Option<String>) {
        let want = self.want.max(limit);
        let want = if count >= want { want + limit } else { want };
        let next = (count < want)
            .then(|| self.next_url(feed))
            .flatten()
            .map(str::to_owned);
        (want, next)
    }
}

#[derive(Debug)]
enum Step {
    Want {
        key: Option<AttrValue>,
        want: usize,
        loading: bool,
    },
    Arrived {
        key: Option<AttrValue>,
        url: String,
        page: Feed,
    },
    Failed {
        key: Option<AttrValue>,
        error: LoadError,
    },
}

impl Reducible for Pager {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut pager = (*self).clone();
        match step {
            Step::Want { key, want, loading } => {
                if pager.key != key {
                    pager = Pager {
                        key,
                        ..Pager::default()
                    };
                }
                pager.want = want;
                if loading {
                    pager.status = MoreStatus::Loading;
                }
            }
            Step::Arrived { key, .. } | Step::Failed { key, .. } if key != pager.key => {
                return self
            }
            Step::Arrived { url, page, .. } => {
                pager.visited.push(url);
                let mut known: HashSet<String> = pager.pages.iter().map(|a| a.id.clone()).collect();
                for article in page.items {
                    if known.insert(article.id.clone()) {
                        pager.pages.push(article);
                    }
                }
                pager.next = match page.next_url {
                    Some(url) if !pager.visited.contains(&url) => Next::Url(url),
                    _ => Next::End,
                };
                pager.status = MoreStatus::Idle;
            }
            Step::Failed { error, .. } => pager.status = MoreStatus::Failed(error),
        }
        Rc::new(pager)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(ids: &[&str], next: Option<&str>) -> Feed {
        Feed {
            next_url: next.map(str::to_owned),
            ..Feed::of_ids(ids)
        }
    }

    fn ids(items: &[Rc<Article>]) -> Vec<&str> {
        items.iter().map(|a| a.id.as_str()).collect()
    }

    fn want(pager: Rc<Pager>, want: usize, loading: bool) -> Rc<Pager> {
        pager.reduce(Step::Want {
            key: Some("u".into()),
            want,
            loading,
        })
    }

    #[test]
    fn hidden_articles_are_shown_before_a_page_is_fetched() {
        let first = feed(&["a", "b", "c"], Some("https://x/2"));
        let pager = Pager::default();
        assert_eq!(pager.asked(&first, 3, 2), (4, Some("https://x/2".into())));
        assert_eq!(pager.asked(&first, 3, 5), (5, Some("https://x/2".into())));
        let last = feed(&["a", "b", "c"], None);
        assert_eq!(pager.asked(&last, 3, 2), (4, None));
    }

    #[test]
    fn pages_are_appended_without_repeats_until_there_is_no_next() {
        let first = feed(&["a", "b"], Some("https://x/2"));
        let pager = want(Rc::default(), 4, true);
        assert_eq!(pager.status, MoreStatus::Loading);
        let pager = pager.reduce(Step::Arrived {
            key: Some("u".into()),
            url: "https://x/2".into(),
            page: feed(&["b", "c", "d"], Some("https://x/3")),
        });
        assert_eq!(ids(&pager.all(&first, 4).0), ["a", "b", "c", "d"]);
        assert_eq!(pager.next_url(&first), Some("https://x/3"));
        assert_eq!(pager.status, MoreStatus::Idle);
        let pager = pager.reduce(Step::Arrived {
            key: Some("u".into()),
            url: "https://x/3".into(),
            page: feed(&["e"], Some("https://x/2")),
        });
        assert_eq!(pager.next_url(&first), None, "a page seen before ends it");
    }

    #[test]
    fn articles_not_read_yet_are_read_when_asked_for_before_a_page_is_fetched() {
        let read = Rc::new(std::cell::Cell::new(false));
        let first = Feed {
            rest: crate::model::Rest::new(vec!["d".into(), "e".into()], {
                let read = read.clone();
                Box::new(move || {
                    read.set(true);
                    Feed::of_ids(&["d", "e"])
                        .items
                        .iter()
                        .map(|a| (**a).clone())
                        .collect()
                })
            }),
            ..feed(&["a", "b", "c"], Some("https://x/2"))
        };
        let pager = Pager::default();
        let (shown, unread) = pager.all(&first, 2);
        assert_eq!((ids(&shown), unread), (vec!["a", "b", "c"], 2));
        assert!(!read.get(), "two shown and one more to know there are more");
        // Load more: the five loaded cover four, so no page is fetched.
        assert_eq!(pager.asked(&first, shown.len() + unread, 2), (4, None));
        let (shown, unread) = pager.all(&first, 4);
        assert_eq!((ids(&shown), unread), (vec!["a", "b", "c", "d", "e"], 0));
        assert!(read.get());
        // Then the next page.
        let pager = want(Rc::new(pager), 4, false);
        assert_eq!(pager.asked(&first, 5, 2), (6, Some("https://x/2".into())));
    }

    #[test]
    fn a_failed_page_is_fetched_again_when_asked_again() {
        let first = feed(&["a", "b"], Some("https://x/2"));
        let pager = want(Rc::default(), 4, true);
        let pager = pager.reduce(Step::Failed {
            key: Some("u".into()),
            error: LoadError::Network("x".into()),
        });
        assert!(matches!(pager.status, MoreStatus::Failed(_)));
        assert_eq!(pager.asked(&first, 2, 2), (4, Some("https://x/2".into())));
    }

    #[test]
    fn pages_of_another_feed_are_ignored_and_a_new_feed_starts_over() {
        let pager = want(Rc::default(), 4, true);
        let same = pager.clone().reduce(Step::Arrived {
            key: Some("other".into()),
            url: "https://x/2".into(),
            page: feed(&["z"], None),
        });
        assert!(same.pages.is_empty());
        let other = pager.reduce(Step::Want {
            key: Some("other".into()),
            want: 20,
            loading: false,
        });
        assert_eq!((other.want, &other.status), (20, &MoreStatus::Idle));
    }
}
