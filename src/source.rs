//! Getting the JSON document: plain async Rust with no Yew types.
//!
//! The rules are plain Rust, tested natively with time passed in: [`policy`]
//! (attempts, back-off, `Retry-After`, how old a cached copy may be, the
//! refresh schedule), [`cache`] (what is kept in the browser, and how much)
//! and [`pages`] (where the next page is). The rest is the thin driver that
//! applies them with `fetch`, streams, timers and `localStorage`. Dropping any
//! future of this module cancels it: the request in flight is aborted and its
//! timers cleared.

mod browser;
pub mod cache;
pub mod early;
mod http;
pub mod pages;
pub mod policy;
mod problem;

use std::pin::pin;

use futures::future::select;

use crate::error::LoadError;
pub use browser::yield_to_page;
pub use policy::Policy;
use policy::{Retry, Schedule, Wake};

/// The URL a widget requests for `src`: resolved against the page's base
/// URL as `<img src>` would be, canonical, and `http(s)` only. The entry
/// module computes the same for its early requests (`src/early.js`).
pub fn request_url(src: &str) -> Result<String, LoadError> {
    // A blank `src` would resolve to the page itself.
    let blank = src.bytes().all(|b| b.is_ascii_whitespace());
    let url = (!blank)
        .then(|| crate::url::web(src, crate::url::page_base().as_deref()))
        .flatten();
    url.ok_or_else(|| LoadError::InvalidUrl(src.to_owned()))
}

/// A document as fetched (or as cached).
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The URL it was requested from: the base of its relative URLs.
    pub url: String,
    /// Its text, decoded from UTF-8.
    pub text: String,
    /// Its `ETag`.
    pub etag: Option<String>,
    /// The next page, as the response's headers named it.
    pub next_page: Option<String>,
    /// Whether it may be kept in the browser (no `Cache-Control: no-store`).
    pub storable: bool,
}

/// What a fetch came to.
#[derive(Debug)]
pub enum Fetched {
    /// A new document.
    Changed(Document),
    /// The server confirmed the copy whose `ETag` was sent.
    Unchanged,
}

/// Fetches `url` under `policy`: retried with back-off on network errors,
/// server errors, 408 and 429 (after `Retry-After` when the server says), a
/// deadline on each attempt, the body capped as it streams in. `etag` is that
/// of the copy on screen, sent as `If-None-Match`.
pub async fn fetch(url: &str, etag: Option<&str>, policy: &Policy) -> Result<Fetched, LoadError> {
    fetch_with(url, etag, policy, &mut Retry::new(etag.is_some())).await
}

/// [`fetch`] with the attempts counted in `retry`, which tells afterwards
/// whether `If-None-Match` was given up on.
async fn fetch_with(
    url: &str,
    etag: Option<&str>,
    policy: &Policy,
    retry: &mut Retry,
) -> Result<Fetched, LoadError> {
    loop {
        let sent = etag.filter(|_| retry.conditional());
        let failure = match http::attempt(url, sent, policy).await {
            Ok(http::Answer::NotModified) => return Ok(Fetched::Unchanged),
            // The browser's HTTP cache may answer a 304 of its own as a 200.
            Ok(http::Answer::Document(doc))
                if doc.etag.is_some() && doc.etag.as_deref() == etag =>
            {
                return Ok(Fetched::Unchanged)
            }
            Ok(http::Answer::Document(doc)) => return Ok(Fetched::Changed(doc)),
            Err(failure) => failure,
        };
        let retry_after = failure
            .retry_after
            .as_deref()
            .and_then(|value| policy::parse_retry_after(value, browser::now()));
        match retry.after_failure(policy, &failure.error, retry_after, browser::jitter()) {
            Some(ms) => browser::sleep(u64::from(ms)).await,
            None => return Err(failure.error),
        }
    }
}

/// The copy of `url` kept from an earlier visit, if one may be shown, and when
/// it was fetched.
pub fn cached(url: &str) -> Option<(Document, u64)> {
    let entry = cache::read(&browser::storage()?, url, browser::now())?;
    let document = Document {
        url: url.to_owned(),
        text: entry.text,
        etag: entry.etag,
        next_page: entry.next_page,
        storable: true,
    };
    Some((document, entry.saved_at))
}

/// What [`watch`] reports after each fetch.
#[derive(Debug)]
pub enum Update<T> {
    /// A new document.
    Fresh {
        /// What `parse` made of it.
        value: T,
        /// Its `ETag`, to send as `If-None-Match` next time.
        etag: Option<String>,
        /// When it arrived (ms since the epoch).
        at: u64,
    },
    /// The copy on screen is current.
    Unchanged {
        /// The `ETag` to send next time (`None` once the server refused it).
        etag: Option<String>,
        /// When the server said so (ms since the epoch).
        at: u64,
    },
    /// The fetch failed; what is on screen (if anything) stays.
    Failed(LoadError),
}

/// What [`watch`] fetches, and when.
#[derive(Clone, Debug)]
pub struct Watch {
    /// The document's URL.
    pub url: String,
    /// The `ETag` of the copy on screen.
    pub etag: Option<String>,
    /// Limits of each fetch.
    pub policy: Policy,
    /// Seconds between refreshes; 0: none.
    pub refresh_s: u32,
    /// Whether to fetch at once, or only when the first refresh is due (the
    /// copy on screen is current, only the interval changed).
    pub fetch_now: bool,
}

/// Fetches `watch.url` (now, or when due), then every `refresh_s` seconds
/// while the page is visible, and at once when it becomes visible again if a
/// refresh is overdue. `parse` turns a document into what is shown: a
/// document it rejects counts as a failure, and is neither shown nor kept.
/// Good documents are kept in the browser's cache, in a task after the one
/// that shows them (writing `localStorage` is no part of showing, and is
/// done even if the widget is removed meanwhile). Every outcome goes to
/// `report`.
pub async fn watch<T>(
    watch: Watch,
    parse: impl Fn(&Document) -> Result<T, LoadError>,
    mut report: impl FnMut(Update<T>),
) {
    let Watch {
        url,
        mut etag,
        policy,
        refresh_s,
        fetch_now,
    } = watch;
    let mut schedule = None;
    if !fetch_now {
        if refresh_s == 0 {
            return;
        }
        until_due(schedule.insert(Schedule::new(refresh_s, browser::now()))).await;
    }
    let mut preflight_refused = false;
    loop {
        // The widget has just rendered (its skeleton, or the articles of the
        // last fetch): reading and parsing an answer that is already there
        // belongs to a task of its own.
        browser::yield_to_page().await;
        let mut retry = Retry::new(etag.is_some());
        let result = fetch_with(&url, etag.as_deref(), &policy, &mut retry).await;
        // If-None-Match failed where a request without it worked: the server
        // refuses its CORS preflight. Each refresh would fail once more
        // first, so the ETag is forgotten, here and in what is reported and
        // kept, and If-None-Match never sent again.
        if result.is_ok() && etag.is_some() && !retry.conditional() {
            preflight_refused = true;
            etag = None;
        }
        let mut kept = None;
        let update = match result {
            Ok(Fetched::Changed(mut document)) => match parse(&document) {
                Ok(value) => {
                    if preflight_refused {
                        document.etag = None;
                    }
                    etag.clone_from(&document.etag);
                    let at = browser::now();
                    kept = Some((document, at));
                    Update::Fresh {
                        value,
                        etag: etag.clone(),
                        at,
                    }
                }
                Err(error) => Update::Failed(error),
            },
            Ok(Fetched::Unchanged) => {
                let at = browser::now();
                if let Some(store) = browser::storage() {
                    cache::touch(&store, &url, at);
                }
                Update::Unchanged {
                    etag: etag.clone(),
                    at,
                }
            }
            Err(error) => Update::Failed(error),
        };
        let ok = !matches!(update, Update::Failed(_));
        browser::yield_to_page().await;
        report(update);
        if let Some((document, at)) = kept {
            browser::soon(move || keep(document, at));
        }
        if refresh_s == 0 {
            return;
        }
        let now = browser::now();
        let schedule = schedule.get_or_insert_with(|| Schedule::new(refresh_s, now));
        schedule.finished(now, ok);
        until_due(schedule).await;
    }
}

/// Waits until `schedule` says to fetch, sleeping through hidden periods.
async fn until_due(schedule: &Schedule) {
    loop {
        match schedule.next(browser::now(), browser::page_hidden()) {
            Wake::Now => return,
            Wake::In(ms) => {
                select(pin!(browser::sleep(ms)), pin!(browser::visibility_change())).await;
            }
            Wake::WhenVisible => browser::visibility_change().await,
        }
    }
}

/// Keeps `document` in the browser's cache, or drops the old copy when the
/// server said `no-store`.
fn keep(document: Document, at: u64) {
    let Some(store) = browser::storage() else {
        return;
    };
    if !document.storable {
        cache::forget(&store, &document.url);
        return;
    }
    let url = document.url;
    let entry = cache::Entry {
        etag: document.etag,
        next_page: document.next_page,
        text: document.text,
        saved_at: at,
    };
    cache::write(&store, &url, &entry);
}
