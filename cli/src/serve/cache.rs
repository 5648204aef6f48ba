//! Normalised feeds in memory, bounded in bytes (moka, weighed by body size),
//! with one upstream fetch per feed at a time however many readers ask
//! (single flight), conditional revalidation, and the last good copy kept
//! for when the upstream fails.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::HeaderValue;
use bytes::Bytes;
use futures::future::{BoxFuture, FutureExt, Shared};
use sha2::{Digest, Sha256};
use url::Url;

use super::guard::Guard;
use super::metrics::Metrics;
use super::normalise;
use super::problem::FetchError;
use super::upstream::{Fetched, Upstream, Validators};
use super::Freshness;

/// The header on an answer served from an old copy because the upstream
/// failed (`1`); its value is what the service knows of the failure.
pub const STALE_HEADER: &str = "x-article-widget-stale";

/// One normalised feed.
#[derive(Debug)]
pub struct Entry {
    /// JSON Feed 1.1, as sent.
    pub body: Bytes,
    /// A strong `ETag` of `body`.
    pub etag: HeaderValue,
    /// The upstream's validators, for revalidation.
    validators: Validators,
    /// When the upstream last confirmed this copy.
    checked: Instant,
}

impl Entry {
    fn new(body: Vec<u8>, validators: Validators) -> Entry {
        let digest = Sha256::digest(&body);
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Entry {
            etag: HeaderValue::try_from(format!("\"{hex}\""))
                .expect("hex digits in quotes are a valid header value"),
            body: Bytes::from(body),
            validators,
            checked: Instant::now(),
        }
    }

    /// The same copy, confirmed now (after a `304`).
    fn confirmed(&self) -> Entry {
        Entry {
            body: self.body.clone(),
            etag: self.etag.clone(),
            validators: self.validators.clone(),
            checked: Instant::now(),
        }
    }

    /// Time since the upstream last confirmed this copy.
    pub fn age(&self) -> Duration {
        self.checked.elapsed()
    }
}

/// How an answer was found, for the metrics and the headers.
#[derive(Debug)]
pub enum Answer {
    /// A fresh copy from memory.
    Hit(Arc<Entry>),
    /// Fetched (or revalidated) for this request.
    Miss(Arc<Entry>),
    /// An expired copy, served while a new one is fetched in the background.
    Revalidating(Arc<Entry>),
    /// An expired copy, served because the upstream failed.
    StaleOnError(Arc<Entry>, FetchError),
}

/// A fetch in flight, shared by every request for the same feed.
type Flight = Shared<BoxFuture<'static, Result<Arc<Entry>, FetchError>>>;

/// The cache and the fetches in flight.
pub struct FeedCache {
    entries: moka::sync::Cache<String, Arc<Entry>>,
    flights: Mutex<HashMap<String, Flight>>,
    upstream: Upstream,
    guard: Arc<Guard>,
    metrics: Arc<Metrics>,
    freshness: Freshness,
}

impl FeedCache {
    /// A cache of at most `bytes` of feeds.
    pub fn new(
        upstream: Upstream,
        guard: Arc<Guard>,
        metrics: Arc<Metrics>,
        bytes: u64,
        freshness: Freshness,
    ) -> FeedCache {
        let keep = freshness.fresh + freshness.while_revalidate.max(freshness.if_error);
        let entries = moka::sync::Cache::builder()
            .max_capacity(bytes)
            .weigher(|key: &String, entry: &Arc<Entry>| {
                let bytes = key.len() + entry.body.len() + 256;
                u32::try_from(bytes).unwrap_or(u32::MAX)
            })
            .time_to_live(keep.max(Duration::from_secs(1)))
            .build();
        FeedCache {
            entries,
            flights: Mutex::default(),
            upstream,
            guard,
            metrics,
            freshness,
        }
    }

    /// Bytes held, as moka counts them.
    pub fn weighted_size(&self) -> u64 {
        self.entries.run_pending_tasks();
        self.entries.weighted_size()
    }

    /// The feed at `src`: from memory when fresh, else from upstream through
    /// the single flight, else an old copy when the upstream fails.
    pub async fn get(self: &Arc<Self>, src: Url) -> Result<Answer, FetchError> {
        let key = src.as_str().to_owned();
        let previous = self.entries.get(&key);
        if let Some(entry) = &previous {
            let age = entry.age();
            if age < self.freshness.fresh {
                self.metrics.cache("hit");
                return Ok(Answer::Hit(entry.clone()));
            }
            if age < self.freshness.fresh + self.freshness.while_revalidate {
                self.metrics.cache("revalidating");
                drop(self.flight(key, src, previous.clone()));
                return Ok(Answer::Revalidating(entry.clone()));
            }
        }
        match self.flight(key, src, previous.clone()).await {
            Ok(entry) => {
                self.metrics.cache("miss");
                Ok(Answer::Miss(entry))
            }
            Err(error) => match previous {
                Some(entry) if entry.age() < self.freshness.fresh + self.freshness.if_error => {
                    self.metrics.cache("stale_on_error");
                    Ok(Answer::StaleOnError(entry, error))
                }
                _ => {
                    self.metrics.cache("miss");
                    Err(error)
                }
            },
        }
    }

    /// The fetch of `key` in flight, started now if there is none. It runs
    /// as its own task: a reader who gives up does not cancel it for others.
    fn flight(self: &Arc<Self>, key: String, src: Url, previous: Option<Arc<Entry>>) -> Flight {
        let mut flights = self
            .flights
            .lock()
            .expect("no code panics holding the lock");
        if let Some(flight) = flights.get(&key) {
            return flight.clone();
        }
        // A flight that ended between the caller's look into the cache and
        // now has left its copy there (before it left `flights`): that copy
        // is the answer, not a second upstream request.
        if let Some(entry) = self.entries.get(&key) {
            let newer = previous.as_ref().is_none_or(|p| !Arc::ptr_eq(p, &entry));
            if newer && entry.age() < self.freshness.fresh {
                return futures::future::ready(Ok(entry)).boxed().shared();
            }
        }
        let this = self.clone();
        let task_key = key.clone();
        let task = tokio::spawn(async move {
            let result = this.refresh(&task_key, &src, previous).await;
            this.flights
                .lock()
                .expect("no code panics holding the lock")
                .remove(&task_key);
            result
        });
        let flight = async move {
            task.await
                .unwrap_or_else(|e| Err(FetchError::Internal(e.to_string())))
        }
        .boxed()
        .shared();
        flights.insert(key, flight.clone());
        flight
    }

    async fn refresh(
        &self,
        key: &str,
        src: &Url,
        previous: Option<Arc<Entry>>,
    ) -> Result<Arc<Entry>, FetchError> {
        let fetched = self
            .upstream
            .fetch(src, previous.as_ref().map(|p| &p.validators))
            .await;
        self.metrics.upstream(match &fetched {
            Ok(Fetched::NotModified) => "not_modified",
            Ok(Fetched::Document { .. }) => "ok",
            Err(e) => e.slug(),
        });
        let entry = match (fetched?, previous) {
            (Fetched::NotModified, Some(previous)) => previous.confirmed(),
            (Fetched::NotModified, None) => {
                return Err(FetchError::Status { status: 304 });
            }
            (
                Fetched::Document {
                    url,
                    body,
                    validators,
                },
                _,
            ) => {
                let guard = self.guard.clone();
                let body =
                    tokio::task::spawn_blocking(move || normalise_bytes(&body, &url, &guard))
                        .await
                        .map_err(|e| FetchError::Internal(e.to_string()))??;
                Entry::new(body, validators)
            }
        };
        let entry = Arc::new(entry);
        self.entries.insert(key.to_owned(), entry.clone());
        Ok(entry)
    }
}

/// A fetched document as the JSON the service sends. A next page on an
/// allowed origin is named through the service (relative to `/v1/feed`), so
/// the widget's "Load more" gets CORS too.
fn normalise_bytes(body: &[u8], url: &Url, guard: &Guard) -> Result<Vec<u8>, FetchError> {
    let mut feed = normalise::read(body, url)?;
    if let Some(next) = feed.next_url.take() {
        feed.next_url = Some(match Url::parse(&next) {
            Ok(next_url) if guard.allows(&next_url) => {
                let src: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
                format!("feed?src={src}")
            }
            _ => next,
        });
    }
    serde_json::to_vec(&normalise::json_feed(&feed))
        .map_err(|e| FetchError::Internal(e.to_string()))
}
