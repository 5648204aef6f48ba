//! Why a widget could not show articles, in words a partner can act on.

use thiserror::Error;

use crate::formats::FormatError;

/// Everything that can stop a feed from reaching the screen.
#[derive(Clone, Debug, Error, PartialEq)]
pub enum LoadError {
    /// Neither `src` nor an inline `<script type="application/json">`.
    #[error("No feed to show: set the src attribute, or put the JSON in a <script type=\"application/json\"> inside the element.")]
    NoSource,
    /// `src` is not a URL, even relative to the page.
    #[error("The feed address \"{0}\" is not a valid URL.")]
    InvalidUrl(String),
    /// The request failed before any answer: offline, DNS, CORS, refused.
    #[error("The feed could not be reached: {0}. Check the address, and that the server allows this page's origin (CORS).")]
    Network(String),
    /// No answer within the time limit.
    #[error("The feed did not answer within {seconds} seconds.")]
    Timeout { seconds: u32 },
    /// The server answered with an error status.
    #[error("The feed server answered HTTP {status}{}.", if .status_text.is_empty() { String::new() } else { format!(" {}", .status_text) })]
    Http { status: u16, status_text: String },
    /// The document is over the size cap.
    #[error("The feed is too large: more than {bytes} bytes.")]
    TooLarge { bytes: u64 },
    /// An HTML page where the feed should be: often a login, error or
    /// "not found" page served with status 200.
    #[error("The feed URL returned a web page, not JSON. Check the address: it may lead to a login or error page.")]
    WebPage,
    /// A `Content-Type` that is neither JSON nor missing.
    #[error("The feed URL returned {content_type}, not JSON.")]
    NotJson { content_type: String },
    /// A successful answer with nothing in it.
    #[error("The feed URL returned an empty document.")]
    Empty,
    /// Bytes that are not UTF-8 text, which JSON must be.
    #[error("The feed is not UTF-8 text (invalid byte at position {at}).")]
    NotUtf8 { at: usize },
    /// The document is not one the widget can read.
    #[error(transparent)]
    Format(#[from] FormatError),
    /// The feed service (`article-widget serve`) could not serve the feed,
    /// and said why in a problem document (RFC 9457) that names the kind.
    #[error("The feed service answered HTTP {status}: {detail}.")]
    Service {
        /// One of [`LoadError::KINDS`].
        kind: &'static str,
        /// The service's status.
        status: u16,
        /// Its `detail`, clipped.
        detail: String,
    },
}

impl LoadError {
    /// Every `kind` of the `article-widget:error` event.
    pub const KINDS: [&'static str; 5] = ["network", "timeout", "http", "too-large", "format"];

    /// The `kind` of the `article-widget:error` event.
    pub fn kind(&self) -> &'static str {
        match self {
            LoadError::Service { kind, .. } => kind,
            LoadError::NoSource | LoadError::InvalidUrl(_) | LoadError::Network(_) => "network",
            LoadError::Timeout { .. } => "timeout",
            LoadError::Http { .. } => "http",
            LoadError::TooLarge { .. } => "too-large",
            LoadError::Format(_)
            | LoadError::WebPage
            | LoadError::NotJson { .. }
            | LoadError::Empty
            | LoadError::NotUtf8 { .. } => "format",
        }
    }

    /// The HTTP status, for errors that have one.
    pub fn status(&self) -> Option<u16> {
        match self {
            LoadError::Http { status, .. } | LoadError::Service { status, .. } => Some(*status),
            LoadError::Format(FormatError::Api { status, .. }) => *status,
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_happened() {
        let e = LoadError::Http {
            status: 404,
            status_text: "Not Found".into(),
        };
        assert_eq!(
            e.to_string(),
            "The feed server answered HTTP 404 Not Found."
        );
        assert_eq!((e.kind(), e.status()), ("http", Some(404)));
        let e = LoadError::Http {
            status: 500,
            status_text: String::new(),
        };
        assert_eq!(e.to_string(), "The feed server answered HTTP 500.");
    }

    #[test]
    fn what_is_not_json_is_a_format_error() {
        assert!(LoadError::WebPage
            .to_string()
            .contains("returned a web page, not JSON"));
        let e = LoadError::NotJson {
            content_type: "image/png".into(),
        };
        assert_eq!(e.to_string(), "The feed URL returned image/png, not JSON.");
        for e in [
            e,
            LoadError::WebPage,
            LoadError::Empty,
            LoadError::NotUtf8 { at: 3 },
        ] {
            assert_eq!(e.kind(), "format");
        }
        assert_eq!(LoadError::TooLarge { bytes: 1 }.kind(), "too-large");
        assert_eq!(LoadError::Timeout { seconds: 10 }.kind(), "timeout");
    }
}
