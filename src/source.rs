//! Getting the JSON document: plain async functions with no Yew types.

use gloo_net::http::Request;
use web_sys::AbortSignal;

use crate::error::LoadError;

/// Resolves `src` against the page's base URL, as `<img src>` would be.
pub fn resolve_against_page(src: &str) -> Result<String, LoadError> {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten());
    resolve(src, base.as_deref()).ok_or_else(|| LoadError::InvalidUrl(src.to_owned()))
}

/// Resolves `href` against `base` with the browser's URL parser.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let url = match base {
        Some(base) => web_sys::Url::new_with_base(href, base),
        None => web_sys::Url::new(href),
    };
    url.ok().map(|u| u.href())
}

/// Fetches `url` and returns its text. Any status but 2xx is an error (fetch
/// itself resolves on a 404).
pub async fn fetch_text(url: &str, signal: Option<&AbortSignal>) -> Result<String, LoadError> {
    let response = Request::get(url)
        .header(
            "Accept",
            "application/feed+json, application/json;q=0.9, */*;q=0.1",
        )
        .abort_signal(signal)
        .send()
        .await
        .map_err(|e| LoadError::Network(network_reason(&e)))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    response
        .text()
        .await
        .map_err(|e| LoadError::Network(network_reason(&e)))
}

fn network_reason(error: &gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}
