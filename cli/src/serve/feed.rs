//! `GET /v1/feed?src=URL`: the feed as JSON Feed 1.1, with CORS, a strong
//! `ETag` (and `304` to a matching `If-None-Match`) and the configured
//! `Cache-Control`. Nothing of the reader's request reaches the upstream.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use url::Url;

use super::cache::{Answer, Entry, STALE_HEADER};
use super::problem::{FetchError, Problem};
use super::App;

/// The media type of the answer (JSON Feed's own).
const FEED_TYPE: &str = "application/feed+json; charset=utf-8";

/// A copy served because the upstream failed may be reused only briefly.
pub(super) const STALE_CACHE_CONTROL: &str = "public, max-age=0, s-maxage=10";

/// The handler.
pub async fn feed(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let src = match source(query.as_deref()) {
        Ok(src) => src,
        Err(error) => return Problem::from_error(&error, None).into_response(),
    };
    // Refuse what the guard refuses before touching the cache or the network.
    if let Err(error) = app.guard.check_url(&src) {
        return Problem::from_error(&error, Some(src.as_str())).into_response();
    }
    let src_text = src.to_string();
    match app.cache.get(src).await {
        Ok(Answer::Hit(entry) | Answer::Miss(entry) | Answer::Revalidating(entry)) => respond(
            &entry.into(),
            &headers,
            app.freshness.cache_control.clone(),
            None,
        ),
        Ok(Answer::StaleOnError(entry, error)) => respond(
            &entry.into(),
            &headers,
            HeaderValue::from_static(STALE_CACHE_CONTROL),
            Some(&error),
        ),
        Err(error) => Problem::from_error(&error, Some(&src_text)).into_response(),
    }
}

/// The `src` parameter, as an absolute URL.
pub(super) fn source(query: Option<&str>) -> Result<Url, FetchError> {
    let src = url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(name, _)| name == "src")
        .map(|(_, value)| value.into_owned())
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| {
            FetchError::BadRequest("give the feed's URL as ?src=https://…".to_owned())
        })?;
    Url::parse(src.trim())
        .map_err(|e| FetchError::BadRequest(format!("src {src:?} is not an absolute URL: {e}")))
}

/// What an answer sends: a body of one media type with its strong `ETag`,
/// and the age of the upstream copy it was made from.
pub(super) struct Body {
    /// The bytes.
    pub bytes: bytes::Bytes,
    /// A strong `ETag` of them.
    pub etag: HeaderValue,
    /// `Content-Type`.
    pub content_type: &'static str,
    /// Time since the upstream last confirmed the feed.
    pub age: std::time::Duration,
}

impl From<Arc<Entry>> for Body {
    fn from(entry: Arc<Entry>) -> Body {
        Body {
            bytes: entry.body.clone(),
            etag: entry.etag.clone(),
            content_type: FEED_TYPE,
            age: entry.age(),
        }
    }
}

/// The answer with `entry`'s body, or `304` to a matching `If-None-Match`.
pub(super) fn respond(
    entry: &Body,
    request: &HeaderMap,
    cache_control: HeaderValue,
    stale_because: Option<&FetchError>,
) -> Response {
    let not_modified = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == "*" || tag.as_bytes() == entry.etag.as_bytes());
    let mut response = if not_modified {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Response::new(axum::body::Body::from(entry.bytes.clone()));
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(entry.content_type),
        );
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, entry.etag.clone());
    headers.insert(header::CACHE_CONTROL, cache_control);
    // Caches downstream count their freshness from the upstream's answer,
    // not from this one: a copy served while it is revalidated is not new.
    headers.insert(header::AGE, HeaderValue::from(entry.age.as_secs()));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Some(error) = stale_because {
        headers.insert(
            STALE_HEADER,
            HeaderValue::try_from(format!("1; reason={}", error.slug()))
                .unwrap_or(HeaderValue::from_static("1")),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn src_must_be_an_absolute_url() {
        assert!(source(None).is_err());
        assert!(source(Some("src=")).is_err());
        assert!(source(Some("src=%2Ffeed.json")).is_err());
        assert_eq!(
            source(Some(
                "x=1&src=https%3A%2F%2Fnews.example%2Ff.json%3Fa%3D1%26b%3D2"
            ))
            .unwrap()
            .as_str(),
            "https://news.example/f.json?a=1&b=2"
        );
    }
}
