//! A feed named by URL, fetched with the feed service's own client
//! (`serve::upstream`): the same time limits, at most five redirects, the
//! size cap counted while the body streams in, and the `Content-Type` check.
//! The operator chose the URL, so unlike the service it may be on any origin,
//! on this machine or the private network. The feed comes back as the
//! service's `/v1/feed` answers it (`serve::normalise`): JSON Feed 1.1 with
//! every URL made absolute against where it was found, so a data island made
//! of it reads the same on any page.

use std::sync::Arc;
use std::time::Duration;

use url::Url;

use crate::serve::guard::Guard;
use crate::serve::normalise;
use crate::serve::problem::FetchError;
use crate::serve::upstream::{Fetched, Limits, Upstream};

/// The service's default limits (`serve --timeout`, `--max-bytes`…).
const LIMITS: Limits = Limits {
    connect_timeout: Duration::from_secs(5),
    timeout: Duration::from_secs(10),
    max_bytes: 5 * 1024 * 1024,
};

/// Whether the feed argument names a URL rather than a file.
pub fn is_url(feed: &str) -> bool {
    let lower = feed.get(..8).unwrap_or(feed).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The feed at `url` as JSON Feed 1.1 text, its relative URLs resolved
/// against `base`, else against where it was found after redirects; and that
/// base.
pub fn fetch(url: &str, base: Option<&Url>) -> Result<(String, Url), FetchError> {
    let url = Url::parse(url).map_err(|e| FetchError::BadRequest(format!("{url:?}: {e}")))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| FetchError::Network(e.to_string()))?;
    runtime.block_on(async {
        let upstream = Upstream::new(Arc::new(Guard::operator()), LIMITS)
            .map_err(|e| FetchError::Network(e.to_string()))?;
        match upstream.fetch(&url, None).await? {
            Fetched::Document { url, body, .. } => {
                let base = base.cloned().unwrap_or(url);
                let feed = normalise::read(&body, &base)?;
                Ok((normalise::json_feed(&feed).to_string(), base))
            }
            // Only a conditional request is answered 304, and this one is not.
            Fetched::NotModified => Err(FetchError::Status { status: 304 }),
        }
    })
}
