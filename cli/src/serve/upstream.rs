//! Fetching a feed from its origin: one request per hop through the guard,
//! at most [`MAX_REDIRECTS`] redirects, a time limit on the whole, the size
//! cap counted while the body streams in, and the `Content-Type` checked.
//! Nothing of the reader's request is sent: no cookies, no headers, no address.

use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderMap, StatusCode};
use url::Url;

use super::guard::{Guard, Resolver};
use super::problem::FetchError;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// What the service asks for: every format the widget reads.
const ACCEPT: &str = "application/feed+json, application/json;q=0.9, application/ld+json;q=0.9, \
    application/rss+xml;q=0.8, application/atom+xml;q=0.8, application/xml;q=0.5, text/xml;q=0.5";

/// Time and size limits of one fetch.
#[derive(Clone, Debug)]
pub struct Limits {
    /// To open a connection.
    pub connect_timeout: Duration,
    /// For the whole fetch: every hop, headers and body.
    pub timeout: Duration,
    /// Largest body, in bytes.
    pub max_bytes: u64,
}

/// The upstream's validators, for a conditional request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    /// Its `ETag`.
    pub etag: Option<String>,
    /// Its `Last-Modified`.
    pub last_modified: Option<String>,
}

/// What a fetch came to.
#[derive(Debug)]
pub enum Fetched {
    /// `304`: the copy the validators came from is still current.
    NotModified,
    /// A new document.
    Document {
        /// Where it was found, after redirects: the base of its relative URLs.
        url: Url,
        /// Its bytes.
        body: Vec<u8>,
        /// Its validators, for the next fetch.
        validators: Validators,
    },
}

/// The HTTP client, with the guard's resolver and no redirects of its own.
#[derive(Debug)]
pub struct Upstream {
    client: reqwest::Client,
    guard: Arc<Guard>,
    limits: Limits,
}

impl Upstream {
    /// A client that resolves names through the guard.
    pub fn new(guard: Arc<Guard>, limits: Limits) -> Result<Upstream, reqwest::Error> {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .referer(false)
            // A proxy would resolve names where the guard cannot see them.
            .no_proxy()
            .dns_resolver(Arc::new(Resolver {
                guard: guard.clone(),
            }))
            .connect_timeout(limits.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(30))
            .user_agent(concat!(
                "article-widget-serve/",
                env!("CARGO_PKG_VERSION"),
                " (feed service for <article-widget>)"
            ))
            .build()?;
        Ok(Upstream {
            client,
            guard,
            limits,
        })
    }

    /// Fetches `src`, conditionally when `validators` are given.
    pub async fn fetch(
        &self,
        src: &Url,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        tokio::time::timeout(self.limits.timeout, self.follow(src, validators))
            .await
            .unwrap_or_else(|_| Err(self.timeout()))
    }

    fn timeout(&self) -> FetchError {
        FetchError::Timeout {
            seconds: self.limits.timeout.as_secs_f64(),
        }
    }

    async fn follow(
        &self,
        src: &Url,
        validators: Option<&Validators>,
    ) -> Result<Fetched, FetchError> {
        let mut url = src.clone();
        for _ in 0..=MAX_REDIRECTS {
            self.guard.check_url(&url)?;
            let mut request = self.client.get(url.clone()).header(header::ACCEPT, ACCEPT);
            if let Some(v) = validators {
                if let Some(etag) = &v.etag {
                    request = request.header(header::IF_NONE_MATCH, etag);
                }
                if let Some(date) = &v.last_modified {
                    request = request.header(header::IF_MODIFIED_SINCE, date);
                }
            }
            let mut response = request.send().await.map_err(|e| self.error(&e))?;
            let status = response.status();
            if status == StatusCode::NOT_MODIFIED && validators.is_some() {
                return Ok(Fetched::NotModified);
            }
            if status.is_redirection() {
                url = next_hop(&url, response.headers())?;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    status: status.as_u16(),
                });
            }
            check_content_type(response.headers())?;
            let cap = self.limits.max_bytes;
            if response.content_length().is_some_and(|n| n > cap) {
                return Err(FetchError::TooLarge { bytes: cap });
            }
            let new_validators = Validators {
                etag: header_text(response.headers(), header::ETAG),
                last_modified: header_text(response.headers(), header::LAST_MODIFIED),
            };
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(|e| self.error(&e))? {
                if (body.len() + chunk.len()) as u64 > cap {
                    return Err(FetchError::TooLarge { bytes: cap });
                }
                body.extend_from_slice(&chunk);
            }
            return Ok(Fetched::Document {
                url,
                body,
                validators: new_validators,
            });
        }
        Err(FetchError::TooManyRedirects { max: MAX_REDIRECTS })
    }

    /// A client error as the service reports it: the guard's refusal when the
    /// resolver refused, else a timeout or a network failure.
    fn error(&self, error: &reqwest::Error) -> FetchError {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        let mut words = Vec::new();
        while let Some(e) = source {
            if let Some(refused) = e.downcast_ref::<FetchError>() {
                return refused.clone();
            }
            words.push(e.to_string());
            source = e.source();
        }
        if error.is_timeout() {
            return self.timeout();
        }
        // reqwest's own message names the URL; the innermost cause says why.
        FetchError::Network(words.last().cloned().unwrap_or_default())
    }
}

/// Where a redirect leads, resolved against the URL that answered it.
fn next_hop(url: &Url, headers: &HeaderMap) -> Result<Url, FetchError> {
    let location = header_text(headers, header::LOCATION)
        .ok_or_else(|| FetchError::Network("a redirect without a Location".to_owned()))?;
    url.join(&location)
        .map_err(|e| FetchError::Network(format!("a redirect to an invalid URL ({e})")))
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Accepts the JSON types, the XML feed types and a missing type (the parser
/// then decides); refuses web pages and everything else.
fn check_content_type(headers: &HeaderMap) -> Result<(), FetchError> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json" | "text/json" | "application/xml" | "text/xml" => Ok(()),
        t if t.ends_with("+json") => Ok(()),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => Ok(()),
        "text/html" | "application/xhtml+xml" => Err(FetchError::WebPage),
        other => Err(FetchError::ContentType {
            content_type: other.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn typed(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn feed_types_pass_and_pages_do_not() {
        for ok in [
            "application/json",
            "application/feed+json; charset=utf-8",
            "application/ld+json",
            "application/rss+xml",
            "application/atom+xml",
            "text/xml; charset=ISO-8859-1",
            "Application/JSON",
        ] {
            assert!(check_content_type(&typed(ok)).is_ok(), "{ok}");
        }
        assert!(check_content_type(&HeaderMap::new()).is_ok());
        assert!(matches!(
            check_content_type(&typed("text/html; charset=utf-8")),
            Err(FetchError::WebPage)
        ));
        assert!(matches!(
            check_content_type(&typed("image/png")),
            Err(FetchError::ContentType { .. })
        ));
    }

    #[test]
    fn redirects_resolve_against_the_url_that_answered() {
        let mut headers = HeaderMap::new();
        headers.insert(header::LOCATION, HeaderValue::from_static("../b.json?x=1"));
        let base = Url::parse("https://news.example/feeds/a/index.json").unwrap();
        assert_eq!(
            next_hop(&base, &headers).unwrap().as_str(),
            "https://news.example/feeds/b.json?x=1"
        );
        assert!(next_hop(&base, &HeaderMap::new()).is_err());
    }
}
