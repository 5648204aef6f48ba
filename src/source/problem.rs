//! Error answers in RFC 9457 `application/problem+json`, as the feed service
//! (`article-widget serve`) sends them: the problem's `kind` member names the
//! widget's own error kind, so a feed that timed out upstream reads as
//! `timeout` and one that is no feed as `format`, not both as `http`.

use crate::error::LoadError;
use crate::formats::Node;

/// Whether `content_type` is `application/problem+json`.
pub(super) fn is_problem(content_type: Option<&str>) -> bool {
    content_type
        .and_then(|value| value.split(';').next())
        .is_some_and(|essence| {
            essence
                .trim()
                .eq_ignore_ascii_case("application/problem+json")
        })
}

/// The error for an answer with HTTP `status` whose body is the problem
/// document `text`; `None` when it is not JSON or names no kind the widget
/// has (any other server's problem stays an HTTP error).
pub(super) fn error(status: u16, text: &str) -> Option<LoadError> {
    #[cfg(target_arch = "wasm32")]
    let document = js_sys::JSON::parse(text).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    let document = serde_json::from_str::<serde_json::Value>(text).ok()?;
    #[cfg(not(target_arch = "wasm32"))]
    let document = &document;
    read(status, &document)
}

fn read<N: Node>(status: u16, document: &N) -> Option<LoadError> {
    let kind = document.get("kind")?.string()?;
    let kind = LoadError::KINDS
        .into_iter()
        .find(|known| kind.as_str() == *known)?;
    let detail = document
        .get("detail")
        .and_then(|detail| detail.string())
        .map_or_else(|| kind.to_owned(), |detail| crate::text::clip(&detail, 200));
    Some(LoadError::Service {
        kind,
        status,
        detail,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_the_problem_type_is_a_problem() {
        assert!(is_problem(Some("application/problem+json")));
        assert!(is_problem(Some("Application/Problem+JSON; charset=utf-8")));
        for other in [None, Some(""), Some("application/json"), Some("text/html")] {
            assert!(!is_problem(other), "{other:?}");
        }
    }

    /// The service's problems (`cli/src/serve/problem.rs`), as it sends them.
    #[test]
    fn the_services_problems_keep_their_kind() {
        for (status, kind, detail) in [
            (504, "timeout", "the feed did not answer within 10 seconds"),
            (
                502,
                "network",
                "the feed could not be fetched: connection refused",
            ),
            (
                502,
                "too-large",
                "the feed is too large: more than 5242880 bytes",
            ),
            (
                422,
                "format",
                "the feed URL returned a web page, not a feed",
            ),
            (502, "http", "the feed server answered HTTP 404"),
            (
                403,
                "network",
                "http://x.example is not an origin this service fetches feeds from",
            ),
        ] {
            let document = json!({
                "type": format!("urn:article-widget:problem:{kind}"),
                "title": "Title",
                "status": status,
                "detail": detail,
                "kind": kind,
                "src": "http://x.example/feed.xml",
            });
            let error = error(status, &document.to_string()).expect("a problem the widget reads");
            assert_eq!(error.kind(), kind);
            assert_eq!(error.status(), Some(status));
            assert_eq!(
                error.to_string(),
                format!("The feed service answered HTTP {status}: {detail}.")
            );
        }
    }

    #[test]
    fn a_problem_without_a_known_kind_is_not_read() {
        for document in [
            json!({"title": "Not Found", "status": 404}),
            json!({"kind": "teapot", "detail": "no"}),
            json!({"kind": 7}),
            json!(["kind", "timeout"]),
            json!("timeout"),
        ] {
            assert_eq!(error(404, &document.to_string()), None, "{document}");
        }
        assert_eq!(error(404, "<h1>Not Found</h1>"), None);
    }

    #[test]
    fn the_detail_is_short() {
        let document = json!({"kind": "format", "detail": "x".repeat(1000)});
        let error = error(422, &document.to_string()).unwrap();
        let LoadError::Service { detail, .. } = &error else {
            panic!("{error:?}");
        };
        assert_eq!(detail.chars().count(), 201, "200 and an ellipsis");
        let untitled = super::error(422, r#"{"kind": "format"}"#).unwrap();
        assert_eq!(
            untitled.to_string(),
            "The feed service answered HTTP 422: format."
        );
    }
}
