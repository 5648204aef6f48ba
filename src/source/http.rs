//! One request in the browser: `fetch` with a deadline, the body read from its
//! stream and counted as it arrives, its type checked before it is read.

use std::pin::pin;

use futures::future::{select, Either};
use gloo_net::http::{Request, Response};
use gloo_timers::future::TimeoutFuture;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, ReadableStreamDefaultReader, ReadableStreamReadResult,
    RequestCredentials,
};

use super::{early, pages, policy, problem, Document, Policy};
use crate::error::LoadError;

/// What the server answered.
pub(super) enum Answer {
    /// A document.
    Document(Document),
    /// `304 Not Modified` to an `If-None-Match`.
    NotModified,
}

/// Why an attempt failed, and the server's `Retry-After`, if it sent one.
pub(super) struct Failure {
    pub error: LoadError,
    pub retry_after: Option<String>,
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Failure {
            error,
            retry_after: None,
        }
    }
}

/// Aborts its request when dropped: when the deadline passes first, when the
/// body is over the cap, and when the whole load is dropped (cancelled).
struct AbortOnDrop(Option<AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

/// One attempt at `url`, sending `etag` as `If-None-Match`, within
/// `policy.timeout_ms` from the request to the last byte.
pub(super) async fn attempt(
    url: &str,
    etag: Option<&str>,
    policy: &Policy,
) -> Result<Answer, Failure> {
    // The entry module's early request for this URL, when there is one: its
    // answer is this attempt's, and its controller aborts it with this one.
    let early = if etag.is_none() {
        early::take(url)
    } else {
        None
    };
    let controller = match &early {
        Some(early) => Some(early.controller()),
        None => AbortController::new().ok(),
    };
    let mut abort = AbortOnDrop(controller);
    let signal = abort.0.as_ref().map(AbortController::signal);
    let early = early.map(|early| early.response());
    let request = pin!(request(url, etag, policy, signal.as_ref(), early));
    match select(request, TimeoutFuture::new(policy.timeout_ms)).await {
        Either::Left((answer, _)) => {
            // A request that is over has nothing left to abort, and aborting
            // it anyway costs Chromium tens of milliseconds.
            if answer.is_ok() {
                abort.0 = None;
            }
            answer
        }
        Either::Right(_) => Err(LoadError::Timeout {
            seconds: policy.timeout_ms.div_ceil(1000),
        }
        .into()),
    }
}

async fn request(
    url: &str,
    etag: Option<&str>,
    policy: &Policy,
    signal: Option<&AbortSignal>,
    early: Option<js_sys::Promise>,
) -> Result<Answer, Failure> {
    let mut request = Request::get(url)
        .header("Accept", crate::contract::ACCEPT)
        .credentials(RequestCredentials::Omit)
        .abort_signal(signal);
    if let Some(etag) = etag {
        request = request.header("If-None-Match", etag);
    }
    let response = match early {
        Some(answer) => match JsFuture::from(answer).await {
            Ok(response) => Response::from(response.unchecked_into::<web_sys::Response>()),
            // The early request failed: this attempt asks again itself.
            Err(_) => request.send().await.map_err(network)?,
        },
        None => request.send().await.map_err(network)?,
    };
    let headers = response.headers();
    if etag.is_some() && response.status() == 304 {
        return Ok(Answer::NotModified);
    }
    let content_type = headers.get("content-type");
    // The feed service's errors are problem documents that name the widget's
    // error kind: read like a feed (capped, UTF-8), then read for that kind.
    let problem = problem::is_problem(content_type.as_deref());
    let http = || Failure {
        error: LoadError::Http {
            status: response.status(),
            status_text: crate::text::clip(&response.status_text(), 80),
        },
        retry_after: headers.get("retry-after"),
    };
    if !response.ok() && !problem {
        return Err(http());
    }
    check_content_type(content_type.as_deref())?;
    let declared = headers.get("content-length");
    if declared.and_then(|l| l.trim().parse::<u64>().ok()) > Some(u64::from(policy.max_bytes)) {
        return Err(too_large(policy).into());
    }
    let text = decode(read_body(&response, policy.max_bytes).await?)?;
    if !response.ok() {
        return Err(match problem::error(response.status(), &text) {
            Some(error) => Failure {
                error,
                retry_after: headers.get("retry-after"),
            },
            None => http(),
        });
    }
    let next_page = match headers.get("link").as_deref().and_then(pages::link_next) {
        Some(link) => crate::url::web(link, Some(url)),
        None => headers
            .get("x-wp-totalpages")
            .and_then(|total| pages::total_pages_next(url, &total)),
    };
    Ok(Answer::Document(Document {
        url: url.to_owned(),
        text,
        etag: headers.get("etag"),
        next_page,
        storable: policy::storable(headers.get("cache-control").as_deref()),
    }))
}

/// The body, read chunk by chunk so that a document over `max` bytes is cut
/// off as soon as it passes the cap (whatever `Content-Length` claimed) and
/// the page's event loop runs between chunks.
async fn read_body(response: &Response, max: u32) -> Result<Vec<u8>, LoadError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let read: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|e| LoadError::Network(format!("the answer broke off ({})", js_reason(&e))))?
            .unchecked_into();
        if read.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let Ok(chunk) = read.get_value().dyn_into::<Uint8Array>() else {
            continue;
        };
        let start = bytes.len();
        let end = start + chunk.length() as usize;
        if end > max as usize {
            // Returning drops the request's AbortOnDrop: the download stops.
            return Err(LoadError::TooLarge {
                bytes: u64::from(max),
            });
        }
        bytes.resize(end, 0);
        chunk.copy_to(&mut bytes[start..]);
    }
}

fn too_large(policy: &Policy) -> LoadError {
    LoadError::TooLarge {
        bytes: u64::from(policy.max_bytes),
    }
}

/// Accepts the JSON types (`application/json`, `text/json`, any `+json`:
/// `application/feed+json`, `application/ld+json`), the XML types of RSS and
/// Atom, and a missing type; an HTML page gets an error of its own.
pub(super) fn check_content_type(value: Option<&str>) -> Result<(), LoadError> {
    let essence = value
        .and_then(|v| v.split(';').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.as_str() {
        "" | "application/json" | "text/json" => Ok(()),
        json if json.ends_with("+json") => Ok(()),
        "text/html" | "application/xhtml+xml" => Err(LoadError::WebPage),
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/xml"
        | "text/xml" => Ok(()),
        _ => Err(LoadError::NotJson {
            content_type: crate::text::clip(&essence, 80),
        }),
    }
}

/// The body as text: UTF-8, as JSON must be, with or without a byte order mark.
pub(super) fn decode(mut bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        at: e.utf8_error().valid_up_to(),
    })
}

fn network(error: gloo_net::Error) -> Failure {
    let reason = match error {
        gloo_net::Error::JsError(js) => js.message,
        other => other.to_string(),
    };
    LoadError::Network(reason).into()
}

fn js_reason(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "connection closed".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_types_and_no_type_are_accepted() {
        for ok in [
            None,
            Some(""),
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("Application/Feed+JSON"),
            Some("application/ld+json"),
            Some("application/vnd.api+json"),
            Some("text/json"),
            Some("application/rss+xml; charset=utf-8"),
            Some("application/atom+xml"),
            Some("application/rdf+xml"),
            Some("application/xml"),
            Some("text/xml"),
        ] {
            assert_eq!(check_content_type(ok), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn a_web_page_and_other_types_are_not() {
        assert_eq!(
            check_content_type(Some("text/html; charset=UTF-8")),
            Err(LoadError::WebPage)
        );
        assert_eq!(
            check_content_type(Some("image/png")),
            Err(LoadError::NotJson {
                content_type: "image/png".into()
            })
        );
    }

    #[test]
    fn text_is_utf8_with_or_without_a_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}".to_vec()).as_deref(), Ok("{}"));
        assert_eq!(
            decode("{\"t\":\"Lạng Sơn\"}".as_bytes().to_vec()).as_deref(),
            Ok("{\"t\":\"Lạng Sơn\"}")
        );
        assert_eq!(
            decode(b"{\"a\xff\"}".to_vec()),
            Err(LoadError::NotUtf8 { at: 3 })
        );
        assert_eq!(decode(Vec::new()), Err(LoadError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF \n".to_vec()), Err(LoadError::Empty));
    }
}
