//! Why a feed could not be served, and how that is said over HTTP: an RFC 9457
//! `application/problem+json` document whose status a widget maps to its error
//! kinds, and which names that kind (`kind`) for clients that read the body.
//!
//! | status | `type` (urn:article-widget:problem:…) | widget kind | when |
//! | --- | --- | --- | --- |
//! | 400 | `bad-request` | network | `src` missing, not a URL, not http(s), with credentials; a `/v1/render` attribute the element does not read, or a value it ignores (`attribute` names it) |
//! | 403 | `not-allowed` | network | the origin is not on the allow-list |
//! | 403 | `forbidden-address` | network | the host is or resolves to an internal address |
//! | 404 | `not-found` | http | no such route on the service |
//! | 422 | `format` | format | the upstream sent a web page, another type, nothing, not UTF-8, or a document that is no feed |
//! | 502 | `upstream-status` | http | the upstream answered an error status (`upstream_status` says which) |
//! | 502 | `too-many-redirects` | http | more than 5 redirects |
//! | 502 | `too-large` | too-large | the document passed the size cap |
//! | 502 | `network` | network | connection refused or reset, DNS failure, truncated body |
//! | 504 | `timeout` | timeout | no complete answer within the time limit |
//! | 500 | `internal` | network | a bug |

use std::net::IpAddr;

use article_widget::formats::FormatError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use thiserror::Error;

/// Why an upstream feed was not served.
#[derive(Clone, Debug, Error)]
pub enum FetchError {
    /// The request itself is wrong.
    #[error("{0}")]
    BadRequest(String),
    /// The origin is not on the allow-list.
    #[error("{origin} is not an origin this service fetches feeds from")]
    NotAllowed {
        /// The origin asked for.
        origin: String,
    },
    /// The host is, or resolves to, an address the service never reaches.
    #[error("{host} is at {address}, an address this service does not fetch from")]
    ForbiddenAddress {
        /// The host named in the URL.
        host: String,
        /// The address it is or resolved to.
        address: IpAddr,
    },
    /// No complete answer in time.
    #[error("the feed did not answer within {seconds} seconds")]
    Timeout {
        /// The limit.
        seconds: f64,
    },
    /// The connection failed.
    #[error("the feed could not be fetched: {0}")]
    Network(String),
    /// The upstream answered an error status.
    #[error("the feed server answered HTTP {status}")]
    Status {
        /// Its status.
        status: u16,
    },
    /// Redirect after redirect.
    #[error("the feed redirected more than {max} times")]
    TooManyRedirects {
        /// The limit.
        max: usize,
    },
    /// Past the size cap.
    #[error("the feed is too large: more than {bytes} bytes")]
    TooLarge {
        /// The cap.
        bytes: u64,
    },
    /// An HTML page where the feed should be.
    #[error("the feed URL returned a web page, not a feed")]
    WebPage,
    /// Some other content type.
    #[error("the feed URL returned {content_type}, not a feed")]
    ContentType {
        /// What the upstream said it sent.
        content_type: String,
    },
    /// A successful answer with nothing in it.
    #[error("the feed URL returned an empty document")]
    Empty,
    /// Bytes that are not UTF-8.
    #[error("the feed is not UTF-8 text (invalid byte at position {at})")]
    NotUtf8 {
        /// Where the first bad byte is.
        at: usize,
    },
    /// Readable, but no feed the widget reads.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// A bug: the fetch task failed.
    #[error("internal error: {0}")]
    Internal(String),
}

impl FetchError {
    /// The last part of the problem `type`, also used as a metrics label.
    pub fn slug(&self) -> &'static str {
        match self {
            FetchError::BadRequest(_) => "bad-request",
            FetchError::NotAllowed { .. } => "not-allowed",
            FetchError::ForbiddenAddress { .. } => "forbidden-address",
            FetchError::Timeout { .. } => "timeout",
            FetchError::Network(_) => "network",
            FetchError::Status { .. } => "upstream-status",
            FetchError::TooManyRedirects { .. } => "too-many-redirects",
            FetchError::TooLarge { .. } => "too-large",
            FetchError::WebPage
            | FetchError::ContentType { .. }
            | FetchError::Empty
            | FetchError::NotUtf8 { .. }
            | FetchError::Format(_) => "format",
            FetchError::Internal(_) => "internal",
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            FetchError::BadRequest(_) => StatusCode::BAD_REQUEST,
            FetchError::NotAllowed { .. } | FetchError::ForbiddenAddress { .. } => {
                StatusCode::FORBIDDEN
            }
            FetchError::Timeout { .. } => StatusCode::GATEWAY_TIMEOUT,
            FetchError::Network(_)
            | FetchError::Status { .. }
            | FetchError::TooManyRedirects { .. }
            | FetchError::TooLarge { .. } => StatusCode::BAD_GATEWAY,
            FetchError::WebPage
            | FetchError::ContentType { .. }
            | FetchError::Empty
            | FetchError::NotUtf8 { .. }
            | FetchError::Format(_) => StatusCode::UNPROCESSABLE_ENTITY,
            FetchError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The widget's error kind (`article-widget:error`'s `kind`) this maps to.
    fn kind(&self) -> &'static str {
        match self.slug() {
            "timeout" => "timeout",
            "too-large" => "too-large",
            "format" => "format",
            "upstream-status" | "too-many-redirects" => "http",
            _ => "network",
        }
    }

    fn title(&self) -> &'static str {
        match self.slug() {
            "bad-request" => "Bad feed request",
            "not-allowed" => "Origin not allowed",
            "forbidden-address" => "Address not allowed",
            "timeout" => "Feed timed out",
            "upstream-status" => "Feed server error",
            "too-many-redirects" => "Too many redirects",
            "too-large" => "Feed too large",
            "format" => "Not a feed",
            "internal" => "Internal error",
            _ => "Feed unreachable",
        }
    }
}

/// An RFC 9457 problem document, ready to send.
#[derive(Debug)]
pub struct Problem {
    status: StatusCode,
    body: serde_json::Value,
}

impl Problem {
    /// The problem for a failed feed; `src` is the feed asked for.
    pub fn from_error(error: &FetchError, src: Option<&str>) -> Problem {
        let status = error.status();
        let mut body = serde_json::json!({
            "type": format!("urn:article-widget:problem:{}", error.slug()),
            "title": error.title(),
            "status": status.as_u16(),
            "detail": error.to_string(),
            "kind": error.kind(),
        });
        if let Some(src) = src {
            body["src"] = src.into();
        }
        match error {
            FetchError::Status { status } => body["upstream_status"] = (*status).into(),
            FetchError::Format(FormatError::Api {
                status: Some(status),
                ..
            }) => body["upstream_status"] = (*status).into(),
            _ => {}
        }
        Problem { status, body }
    }

    /// The same problem with one more member, such as the `attribute` a
    /// `400` is about.
    pub fn with(mut self, member: &str, value: impl Into<serde_json::Value>) -> Problem {
        self.body[member] = value.into();
        self
    }

    /// No such route.
    pub fn not_found() -> Problem {
        Problem {
            status: StatusCode::NOT_FOUND,
            body: serde_json::json!({
                "type": "urn:article-widget:problem:not-found",
                "title": "Not found",
                "status": 404,
                "detail": "this service answers GET /v1/feed?src=URL, /v1/render?src=URL&…, /healthz and /metrics",
                "kind": "http",
            }),
        }
    }

    /// The HTTP response. Answers about the request itself (400, 403, 404)
    /// hold until the configuration changes, so a CDN may keep them a few
    /// minutes; upstream failures only briefly, to spare a failing upstream a
    /// stampede without hiding its recovery.
    pub fn response(self) -> Response {
        let cache_control = match self.status.as_u16() {
            400 | 403 | 404 => "public, max-age=60, s-maxage=300",
            500 => "no-store",
            _ => "public, max-age=0, s-maxage=10",
        };
        let mut response = Response::new(axum::body::Body::from(self.body.to_string()));
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache_control),
        );
        headers.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        response
    }
}
