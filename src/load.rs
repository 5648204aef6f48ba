//! The pipeline's join: a document (fetched, cached or inline) → the [`Feed`]
//! a widget shows. Plain functions, no Yew: the hooks call them and hold the
//! results.

use std::rc::Rc;

use crate::error::LoadError;
use crate::formats;
use crate::model::Feed;
use crate::source::{self, pages, Document};

/// A document as the widget shows it: parsed, its next page found, its URLs
/// made absolute against its own URL. In the browser, only the first `need`
/// articles shown are read whole; the others wait in [`Feed::rest`].
pub fn feed(document: &Document, need: usize) -> Result<Feed, LoadError> {
    read(
        &document.text,
        Some(&document.url),
        document.next_page.clone(),
        need,
    )
}

/// A document written into the page (the data island): its relative URLs
/// resolve against the page, as they would in the page's own markup
/// (natively there is no page: only absolute URLs are kept).
pub fn inline(text: &str, need: usize) -> Result<Feed, LoadError> {
    read(text, crate::url::page_base().as_deref(), None, need)
}

/// `text` parsed, the next page found (what the format states, merged into
/// `base`, else `from_headers`), every URL resolved against `base`.
fn read(
    text: &str,
    base: Option<&str>,
    from_headers: Option<String>,
    need: usize,
) -> Result<Feed, LoadError> {
    let mut feed = formats::parse_document(text, need)?;
    feed.next_url = pages::next_page(feed.next_url.take(), base.unwrap_or(""), from_headers);
    feed.resolve_urls(base);
    Ok(feed)
}

/// The copy of `url` kept from an earlier visit, if it may be shown and still
/// reads as a feed (see [`feed`] for `need`).
pub fn cached(url: &str, need: usize) -> Option<Cached> {
    let (document, saved_at) = source::cached(url)?;
    Some(Cached {
        feed: Rc::new(feed(&document, need).ok()?),
        etag: document.etag,
        saved_at,
    })
}

/// A feed kept from an earlier visit.
#[derive(Debug)]
pub struct Cached {
    /// The feed, as it reads now.
    pub feed: Rc<Feed>,
    /// Its `ETag`, for `If-None-Match`.
    pub etag: Option<String>,
    /// When it was fetched or last confirmed current (ms since the epoch).
    pub saved_at: u64,
}
