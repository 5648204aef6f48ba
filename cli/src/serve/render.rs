//! `GET /v1/render?src=URL&layout=…&limit=…`: the pre-rendered snippet of an
//! allow-listed feed, made by the code `article-widget render` runs
//! ([`crate::render::snippet_of`]) from the copy `/v1/feed` serves (same
//! cache, single flight, stale copies and conditional upstream requests).
//!
//! Every other parameter is one of the element's attributes, checked as the
//! element checks it (a value it would ignore is a `400` naming it) and
//! written on the snippet's host element in the order given. The snippet's
//! `src` is the service's own `/v1/feed?src=…`, so the widget's takeover
//! fetches through the service; with `island=1` the feed is embedded as the
//! element's data island instead; `style=inline` puts the stylesheet in the
//! snippet (as `render --style inline`). Snippets are kept in a second bytes-bounded
//! cache, keyed by the feed copy's `ETag` and the parameters.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};
use url::Url;

use super::cache::{Answer, Entry};
use super::feed::{respond, source, Body, STALE_CACHE_CONTROL};
use super::problem::{FetchError, Problem};
use super::App;

/// The media type of the answer.
const HTML_TYPE: &str = "text/html; charset=utf-8";

/// Rendered snippets, and what goes into every one.
pub struct Snippets {
    cache: moka::sync::Cache<String, Arc<Rendered>>,
    /// The service's public origin and path prefix (no trailing `/`), for
    /// the snippets' `src`; `None` takes the request's `Host`.
    public_url: Option<String>,
    /// Where `dist/` is served, for the stylesheet link.
    assets: String,
}

/// One snippet, as sent.
#[derive(Debug)]
struct Rendered {
    body: Bytes,
    etag: HeaderValue,
}

impl Snippets {
    /// At most `bytes` of snippets; `public_url` as `--public-url` gives it.
    pub fn new(bytes: u64, public_url: Option<String>, assets: String) -> Snippets {
        let cache = moka::sync::Cache::builder()
            .max_capacity(bytes)
            .weigher(|key: &String, rendered: &Arc<Rendered>| {
                let bytes = key.len() + rendered.body.len() + 128;
                u32::try_from(bytes).unwrap_or(u32::MAX)
            })
            .build();
        Snippets {
            cache,
            public_url: public_url.map(|url| url.trim_end_matches('/').to_owned()),
            assets,
        }
    }

    /// Bytes held, as moka counts them.
    pub fn weighted_size(&self) -> u64 {
        self.cache.run_pending_tasks();
        self.cache.weighted_size()
    }
}

/// A `/v1/render` request, checked.
#[derive(Debug, PartialEq)]
struct Request {
    /// The upstream feed.
    src: Url,
    /// Embed the feed instead of pointing the widget at the service.
    island: bool,
    /// Link the stylesheet or carry it inline.
    style: crate::render::Style,
    /// The element's attributes other than `src`, in the order given.
    attributes: Vec<(String, String)>,
}

/// The handler.
pub async fn render(
    State(app): State<Arc<App>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let request = match parse(query.as_deref()) {
        Ok(request) => request,
        Err(problem) => return problem.into_response(),
    };
    let src_text = request.src.to_string();
    if let Err(error) = app.guard.check_url(&request.src) {
        return Problem::from_error(&error, Some(&src_text)).into_response();
    }
    let Some(public) = public_url(&app.snippets, &headers) else {
        let error = FetchError::BadRequest(
            "the request has no usable Host header; start the service with --public-url".into(),
        );
        return Problem::from_error(&error, Some(&src_text)).into_response();
    };
    let encoded: String = url::form_urlencoded::byte_serialize(src_text.as_bytes()).collect();
    let feed_url = format!("{public}/v1/feed?src={encoded}");
    let (entry, cache_control, stale) = match app.cache.get(request.src.clone()).await {
        Ok(Answer::Hit(entry) | Answer::Miss(entry) | Answer::Revalidating(entry)) => {
            (entry, app.freshness.cache_control.clone(), None)
        }
        Ok(Answer::StaleOnError(entry, error)) => (
            entry,
            HeaderValue::from_static(STALE_CACHE_CONTROL),
            Some(error),
        ),
        Err(error) => return Problem::from_error(&error, Some(&src_text)).into_response(),
    };
    let age = entry.age();
    let snippet = {
        let app = app.clone();
        tokio::task::spawn_blocking(move || snippet(&app, &entry, &request, &feed_url)).await
    };
    match snippet {
        Ok(Ok(rendered)) => respond(
            &Body {
                bytes: rendered.body.clone(),
                etag: rendered.etag.clone(),
                content_type: HTML_TYPE,
                age,
            },
            &headers,
            cache_control,
            stale.as_ref(),
        ),
        Ok(Err(error)) => Problem::from_error(&error, Some(&src_text)).into_response(),
        Err(error) => {
            Problem::from_error(&FetchError::Internal(error.to_string()), Some(&src_text))
                .into_response()
        }
    }
}

/// The snippet of `entry` for `request`, from the cache or rendered now
/// (once, however many ask at the same time: moka's `try_get_with`).
fn snippet(
    app: &App,
    entry: &Entry,
    request: &Request,
    feed_url: &str,
) -> Result<Arc<Rendered>, FetchError> {
    let mut key = format!(
        "{}\n{feed_url}\n{}\n{}",
        entry.etag.to_str().unwrap_or(""),
        request.island,
        request.style
    );
    for (name, value) in &request.attributes {
        key.push('\n');
        key.push_str(name);
        key.push('=');
        key.push_str(value);
    }
    app.snippets
        .cache
        .try_get_with(key, || {
            rendered(entry, request, feed_url, &app.snippets.assets).map(Arc::new)
        })
        .map_err(|error| (*error).clone())
}

fn rendered(
    entry: &Entry,
    request: &Request,
    feed_url: &str,
    assets: &str,
) -> Result<Rendered, FetchError> {
    let mut text = std::str::from_utf8(&entry.body)
        .map_err(|e| FetchError::Internal(e.to_string()))?
        .to_owned();
    let mut attributes = Vec::with_capacity(request.attributes.len() + 1);
    if request.island {
        text = next_page_absolute(&text, feed_url).unwrap_or(text);
    } else {
        attributes.push(("src".to_owned(), feed_url.to_owned()));
    }
    attributes.extend(request.attributes.iter().cloned());
    // The feed's URLs are absolute already; its next page is relative to
    // the service's `/v1/feed`.
    let (html, _warnings) =
        crate::render::snippet_of(&text, &attributes, Some(feed_url), assets, request.style)
            .map_err(|error| match error {
                crate::render::RenderError::Format(error) => FetchError::Format(error),
                other => FetchError::Internal(other.to_string()),
            })?;
    let digest = Sha256::digest(html.as_bytes());
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Ok(Rendered {
        etag: HeaderValue::try_from(format!("\"{hex}\""))
            .map_err(|e| FetchError::Internal(e.to_string()))?,
        body: Bytes::from(html),
    })
}

/// The normalised feed with its `next_url` (relative to the service's
/// `/v1/feed`) made absolute: an embedded feed is read against the page.
fn next_page_absolute(text: &str, feed_url: &str) -> Option<String> {
    let mut feed: serde_json::Value = serde_json::from_str(text).ok()?;
    let next = feed.get("next_url")?.as_str()?;
    let next = Url::parse(feed_url).ok()?.join(next).ok()?;
    feed["next_url"] = next.as_str().into();
    serde_json::to_string(&feed).ok()
}

/// The service's URL as readers reach it: `--public-url`, else
/// `http://` and the request's `Host`.
fn public_url(snippets: &Snippets, headers: &HeaderMap) -> Option<String> {
    if let Some(url) = &snippets.public_url {
        return Some(url.clone());
    }
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let url = Url::parse(&format!("http://{host}/")).ok()?;
    // Only a host and port: nothing that changes the URL's shape.
    (url.path() == "/" && url.query().is_none() && url.username().is_empty())
        .then(|| url.origin().ascii_serialization())
}

/// The parameters: `src`, `island` and the element's attributes.
fn parse(query: Option<&str>) -> Result<Request, Problem> {
    let src = source(query).map_err(|error| Problem::from_error(&error, None))?;
    let bad = |detail: String, attribute: &str| {
        Problem::from_error(&FetchError::BadRequest(detail), Some(src.as_str()))
            .with("attribute", attribute)
    };
    let mut island = false;
    let mut style = crate::render::Style::Link;
    let mut attributes: Vec<(String, String)> = Vec::new();
    let mut seen = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        let lower = name.trim().to_ascii_lowercase();
        if seen.contains(&lower) {
            return Err(bad(format!("{lower} is given more than once"), &lower));
        }
        seen.push(lower.clone());
        match lower.as_str() {
            "src" => {}
            "island" => {
                island = match value.trim() {
                    "1" | "true" => true,
                    "" | "0" | "false" => false,
                    other => {
                        return Err(bad(format!("island={other:?}: expected 1 or 0"), "island"))
                    }
                }
            }
            "style" => style = value.parse().map_err(|e| bad(format!("{e}"), "style"))?,
            _ => {
                let (name, value) = crate::render::attribute(&name, &value)
                    .map_err(|error| bad(error.to_string(), &lower))?;
                if let Some(warning) = crate::render::attribute_problem(&name, &value) {
                    let detail = warning
                        .strip_prefix("<article-widget>: ignoring ")
                        .and_then(|w| w.strip_suffix("; using the default."))
                        .unwrap_or(&warning)
                        .to_owned();
                    return Err(bad(detail, &name));
                }
                attributes.push((name, value));
            }
        }
    }
    Ok(Request {
        src,
        island,
        style,
        attributes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_the_elements_attributes_checked_as_it_checks_them() {
        let request = parse(Some(
            "src=https%3A%2F%2Fa.example%2Ff&layout=cards&limit=4&data-x=1",
        ))
        .unwrap();
        assert_eq!(request.src.as_str(), "https://a.example/f");
        assert!(!request.island);
        assert_eq!(request.style, crate::render::Style::Link);
        assert_eq!(
            request.attributes,
            [
                ("layout".to_owned(), "cards".to_owned()),
                ("limit".to_owned(), "4".to_owned()),
                ("data-x".to_owned(), "1".to_owned()),
            ]
        );
        assert!(
            parse(Some("src=https%3A%2F%2Fa.example%2F&island=1"))
                .unwrap()
                .island
        );
        assert_eq!(
            parse(Some("src=https%3A%2F%2Fa.example%2F&style=inline"))
                .unwrap()
                .style,
            crate::render::Style::Inline
        );
        for bad in [
            "src=https%3A%2F%2Fa.example%2F&limit=abc",
            "src=https%3A%2F%2Fa.example%2F&limit=0",
            "src=https%3A%2F%2Fa.example%2F&theme=pink",
            "src=https%3A%2F%2Fa.example%2F&onclick=x",
            "src=https%3A%2F%2Fa.example%2F&island=yes",
            "src=https%3A%2F%2Fa.example%2F&style=embedded",
            "src=https%3A%2F%2Fa.example%2F&style=inline&style=link",
            "src=https%3A%2F%2Fa.example%2F&lang=vi&lang=en",
            "layout=list",
        ] {
            assert!(parse(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_embedded_feeds_next_page_goes_through_the_service() {
        let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","next_url":"feed?src=https%3A%2F%2Fa.example%2Fp2","items":[]}"#;
        let out = next_page_absolute(text, "https://feeds.example/v1/feed?src=x").unwrap();
        let out: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            out["next_url"],
            "https://feeds.example/v1/feed?src=https%3A%2F%2Fa.example%2Fp2"
        );
    }
}
